"""ITA pages: ``/ita/`` (the years) and ``/ita/<year>/`` (the OIT table assessors and staff use).

Each row gives the absolute address to submit for the item (on the portal's own domain), a
description ready to paste into the assessment system, which fiscal year the evidence must
cover and the status computed from the data — in words and a symbol, never colour alone.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..config import build_date
from ..ita import Assessment, assess, ita_lists
from ..model import OutputFile, Page, Site
from ..thai import format_date

TITLE = "การประเมินคุณธรรมและความโปร่งใส (ITA)"


def cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return " ".join(text.split()).replace("|", "\\|")


def wide(text: str, em: int) -> str:
    """A text cell that keeps at least ``em`` wide: the table scrolls on phones instead of
    squeezing the title and the description into one word per line."""
    return f'<span style="display:block;min-width:{em}em">{text}</span>'


def breakable_url(address: str) -> str:
    """A long address may wrap after each "/" (``<wbr>`` adds no character: copying it gives the
    same address), so the description and status columns keep their room at 1280 px."""
    head, sep, rest = address.partition("://")
    return head + sep + rest.replace("/", "/<wbr>").removesuffix("<wbr>")


def generate(site: Site) -> Iterable[Page | OutputFile]:
    lists = ita_lists(site)
    years = lists.sorted_years()
    if not years:
        return
    current = site.current_fiscal_year
    assessments = {y: assess(site, lists.years[y]) for y in years}
    yield _index_page(assessments, current)
    for year in reversed(years):
        yield _year_page(assessments[year], year == current)


def _index_page(assessments: dict[int, Assessment], current: int) -> Page:
    rows = []
    for year in sorted(assessments, reverse=True):
        a = assessments[year]
        label = f"{year} (ปีปัจจุบัน)" if year == current else str(year)
        rows.append(f"| [{label}]({year}/index.md) | {len(a.items)} | {a.count('met')} | "
                    f"{a.count('missing')} | {a.count('out_of_date')} |")
    body = "\n".join([
        f"# {TITLE}",
        "",
        "สำนักงาน ป.ป.ช. ประเมินคุณธรรมและความโปร่งใสของหน่วยงานภาครัฐทุกปี ส่วนการเปิดเผยข้อมูลสาธารณะ (OIT) "
        "ตรวจข้อมูลบนเว็บไซต์ของหน่วยงานตามรายการข้อ o1, o2, … ซึ่งเปลี่ยนไปในแต่ละปี "
        "หน้านี้รวมที่อยู่ของหลักฐานแต่ละข้อไว้ให้ผู้ประเมินและประชาชนตรวจสอบได้",
        "",
        "| ปีการประเมิน | จำนวนข้อ | ครบถ้วน | ยังไม่มีข้อมูล | ไม่เป็นปัจจุบัน |",
        "|---|---:|---:|---:|---:|",
        *rows,
        "",
        f"สถานะคำนวณจากข้อมูลบนเว็บไซต์ ณ วันที่ {format_date(build_date())}",
        "",
    ])
    twin = {str(y): a.to_json()["summary"] for y, a in assessments.items()}
    return Page(path="ita/index.md", title=TITLE, body=body, nav=True, twin=twin,
                description="รายการหลักฐานการเปิดเผยข้อมูลสาธารณะ (OIT) สำหรับการประเมิน ITA แยกตามปี")


def _year_page(a: Assessment, is_current: bool) -> Page:
    title = a.title  # the menu entry says what the page heading says
    rows = []
    for i in a.items:
        link = f"[{breakable_url(i.url)}](../../{i.path}index.md)"
        rows.append(f"| {i.item.code} | {wide(cell(i.item.title), 10)} | {link} | {wide(cell(i.description), 16)} | "
                    f"{wide(cell(i.period_text), 7)} | {i.status_text} |")
    lines = [
        f"# {cell(a.title)}",
        "",
        f"ปีการประเมิน พ.ศ. {a.year}" + (" (ปีปัจจุบัน)" if is_current else "")
        + f" — ครบถ้วน {a.count('met')} จาก {len(a.items)} ข้อ",
        "",
        "คอลัมน์ “ที่อยู่” คือที่อยู่ (URL) ที่นำไปกรอกในระบบการประเมินได้ทันที "
        "คอลัมน์ “คำอธิบาย” คัดลอกไปใส่ในช่องคำอธิบายได้ "
        f"สถานะคำนวณจากข้อมูลบนเว็บไซต์ ณ วันที่ {format_date(build_date())}",
        "",
        "| ข้อ | หัวข้อ | ที่อยู่ (URL) | คำอธิบาย | ข้อมูลของ | สถานะ |",
        "|---|---|---|---|---|---|",
        *rows,
        "",
        "ข้อมูลเดียวกันในรูปแบบที่เครื่องอ่านได้: [index.json](index.json)",
        "",
    ]
    lines += _staff_note(a)
    return Page(path=f"ita/{a.year}/index.md", title=title, body="\n".join(lines), nav=True,
                twin=a.to_json() | {"checked_on": build_date().isoformat()},
                description=f"ที่อยู่หลักฐานและสถานะของรายการ OIT ทุกข้อ ปีการประเมิน {a.year}")


def _staff_note(a: Assessment) -> list[str]:
    """Collapsed notes for staff: unchecked titles, and what to add for unmet items."""
    low = [i for i in a.items if i.item.confidence == "low"]
    unmet = [i for i in a.items if i.status != "met"]
    if not low and not unmet:
        return []
    out = ['??? note "หมายเหตุสำหรับเจ้าหน้าที่"', ""]
    if low:
        out.append("    ชื่อข้อต่อไปนี้ยังไม่ได้ตรวจกับคู่มือการประเมินฉบับจริง โปรดตรวจก่อนส่งผล "
                   f"แล้วแก้ในไฟล์ content/ita/{a.year}.yml:")
        out.append("")
        out += [f"    - {i.item.code} {cell(i.item.title)}" for i in low]
        out.append("")
    if unmet:
        out.append("    ข้อที่ยังไม่ครบ (คำสั่ง `prongsai check --ita "
                   f"{a.year}` แสดงรายการเดียวกัน):")
        out.append("")
        for i in unmet:
            for t in i.topics:
                if t.status != "met":
                    out.append(f"    - {i.item.code}: ขาด{cell(t.missing)} — เพิ่มที่ `{t.where}`")
        out.append("")
    return out
