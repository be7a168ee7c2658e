"""Sections of the dataset items: the procurement summary (สขร.1), the procurement plan, complaint
statistics and service statistics, as tables with totals per month and per fiscal year, and
links to the CSV/JSON downloads (``data/<id>.csv`` / ``.json``, written by the open-data pages
with :mod:`generator.export`)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from ..content.datasets import (
    COMPLAINTS,
    MONTH,
    PROCUREMENT,
    PROCUREMENT_PLAN,
    SERVICE_STATISTICS,
    dataset_periods,
    parse_month,
)
from ..framework import Item
from ..model import Dataset, Site
from ..thai import (
    fiscal_year,
    fiscal_year_bounds,
    format_baht,
    format_date,
    format_month,
    format_number,
    month_names,
    thai_digits_to_arabic,
    to_be,
)
from .markup import rel
from .sections import section
from .tables import Cell, cell, table

_ZERO = Decimal("0")


def _money(value: Any) -> Cell:
    return Cell(format_baht(value, "–") if value is not None else "–", True)


def _num(value: int) -> Cell:
    return cell(format_number(value), numeric=True)


def _month_name(d: date) -> str:
    return format_month(d.year, d.month)


def _month_cell(d: date) -> Cell:
    """A month as a row header: "พฤศจิกายน 2568" on one line, not broken under the year."""
    return cell(_month_name(d), min_em=7)


def _months_of(fy: int, until: date | None = None) -> list[date]:
    start, end = fiscal_year_bounds(fy)
    out, cur = [], start
    while cur <= end and (until is None or cur <= until):
        out.append(cur)
        cur = date(cur.year + (cur.month == 12), cur.month % 12 + 1, 1)
    return out


def row_fiscal_year(ds: Dataset, row: dict[str, Any]) -> int | None:
    if isinstance(row.get(MONTH), date):
        return fiscal_year(row[MONTH])
    fy = row.get("ปีงบประมาณ")
    return fy if isinstance(fy, int) else None


def covered_fiscal_years(ds: Dataset) -> set[int]:
    """Fiscal years the dataset reports on, counting a month filed with no rows (no procurement)."""
    years = {fy for r in ds.rows if (fy := row_fiscal_year(ds, r)) is not None}
    for label in dataset_periods(ds):
        label = thai_digits_to_arabic(label)
        if "-" in label:
            years.add(fiscal_year(parse_month(label)))
        elif label.isdigit():
            years.add(int(label))
    return years


def _month_end(d: date) -> date:
    return date(d.year + (d.month == 12), d.month % 12 + 1, 1) - timedelta(days=1)


def latest_date(ds: Dataset) -> date | None:
    """Newest date the data covers: the latest contract date or the end of the latest reported
    month (planned months of the procurement plan are not "updates")."""
    dated = [c.key for c in ds.columns if c.type == "date"]
    found = [v for row in ds.rows for k in dated if isinstance(v := row.get(k), date)]
    months = [m for row in ds.rows if isinstance(m := row.get(MONTH), date)]
    if months:
        found.append(_month_end(max(months)))  # the latest month ends last
    for label in dataset_periods(ds):
        if "-" in label:
            found.append(_month_end(parse_month(thai_digits_to_arabic(label))))
    return max(found, default=None)


def downloads(site: Site, item: Item, ds_id: str, what: str) -> str:
    page = item.url + "index.md"
    csv_link = rel(page, f"data/{ds_id}.csv")
    json_link = rel(page, f"data/{ds_id}.json")
    return (f"ดาวน์โหลด{what}ทั้งหมด: [ไฟล์ CSV (เปิดด้วย Excel ได้)]({csv_link}) · "
            f"[ไฟล์ JSON (สำหรับนักพัฒนา)]({json_link})\n")


def _no_data(site: Site, item: Item, what: str) -> str:
    return f"ยังไม่มีข้อมูล{what}\n"


# --- procurement (สขร.1) -------------------------------------------------------------------

_P_COLS = ("งานที่ซื้อหรือจ้าง", "วงเงินที่จะซื้อหรือจ้าง", "ราคากลาง", "วิธีซื้อหรือจ้าง", "ผู้เสนอราคาและราคาที่เสนอ",
           "ผู้ได้รับการคัดเลือก", "ราคาที่ตกลง", "เหตุผลที่คัดเลือกโดยสรุป", "เลขที่สัญญาหรือข้อตกลง", "วันที่สัญญาหรือข้อตกลง")


def _sum(rows: list[dict[str, Any]], key: str) -> Decimal:
    return sum((r[key] for r in rows if isinstance(r.get(key), Decimal)), _ZERO)


@section("procurement-monthly")
def procurement_section(site: Site, item: Item) -> str:
    ds = site.datasets.get(PROCUREMENT.id)
    if ds is None:
        return _no_data(site, item, "สรุปผลการจัดซื้อจัดจ้างรายเดือน")
    titles = {c.key: c.title for c in ds.columns}
    by_month: dict[date, list[dict[str, Any]]] = defaultdict(list)
    for r in ds.rows:
        by_month[r[MONTH]].append(r)
    reported = {parse_month(thai_digits_to_arabic(p)) for p in dataset_periods(ds)} | set(by_month)
    out = ["## ตารางสรุปผลการจัดซื้อจัดจ้างรายเดือน (แบบ สขร.1)\n", downloads(site, item, ds.id, "ข้อมูลการจัดซื้อจัดจ้าง")]
    for fy in sorted({fiscal_year(m) for m in reported}, reverse=True):
        months = [m for m in _months_of(fy) if m in reported]
        last = max(months)
        out.append(f"### ปีงบประมาณ {fy}\n")
        summary_rows: list[list[Cell]] = []
        for m in _months_of(fy, until=last):
            rows = by_month.get(m, [])
            if m not in reported:
                summary_rows.append([_month_cell(m), cell("ยังไม่ได้รายงาน"), cell(""), cell("")])
            elif not rows:
                summary_rows.append([_month_cell(m), cell("ไม่มีการจัดซื้อจัดจ้าง"), _money(_ZERO), _money(_ZERO)])
            else:
                summary_rows.append([_month_cell(m), _num(len(rows)),
                                     _money(_sum(rows, "วงเงินที่จะซื้อหรือจ้าง")), _money(_sum(rows, "ราคาที่ตกลง"))])
        fy_rows = [r for m in months for r in by_month.get(m, [])]
        out.append(table(
            f"procurement-{fy}", f"สรุปการจัดซื้อจัดจ้างรายเดือน ปีงบประมาณ {fy}",
            [cell("เดือน"), cell("จำนวนรายการ", True), cell("วงเงินรวม", True), cell("ราคาที่ตกลงรวม", True)],
            summary_rows,
            [cell(f"รวมปีงบประมาณ {fy}"), _num(len(fy_rows)), _money(_sum(fy_rows, "วงเงินที่จะซื้อหรือจ้าง")),
             _money(_sum(fy_rows, "ราคาที่ตกลง"))],
        ))
        for m in reversed(months):  # newest month first, the latest one open
            rows = by_month.get(m, [])
            label = _month_name(m)
            opened = " open" if m == last else ""
            count = f"{len(rows)} รายการ" if rows else "ไม่มีการจัดซื้อจัดจ้าง"
            out.append(f'<details class="note"{opened}>\n<summary>{label} — {count}</summary>\n')
            if not rows:
                out.append(f"<p>ในเดือน{label} ไม่มีการจัดซื้อจัดจ้าง</p>\n")
            else:
                body = [[_p_cell(k, r.get(k)) for k in _P_COLS] for r in rows]
                out.append(table(
                    f"procurement-{m.year}-{m.month:02d}", f"ผลการจัดซื้อจัดจ้าง เดือน{label}",
                    # amounts carry "บาท" in the cells: "(บาท)" of the column title is not repeated
                    [cell(titles[k].removesuffix(" (บาท)"), k in ("วงเงินที่จะซื้อหรือจ้าง", "ราคากลาง", "ราคาที่ตกลง"))
                     for k in _P_COLS],
                    body,
                    [cell(f"รวม {len(rows)} รายการ"), _money(_sum(rows, "วงเงินที่จะซื้อหรือจ้าง")),
                     _money(_sum(rows, "ราคากลาง")), cell(""), cell(""), cell(""), _money(_sum(rows, "ราคาที่ตกลง")),
                     cell(""), cell(""), cell("")],
                ))
            out.append("</details>\n")
    return "\n".join(out)


# Long text columns keep a readable width (em); the table scrolls sideways instead of squeezing.
_P_WIDE = {"งานที่ซื้อหรือจ้าง": 12, "วิธีซื้อหรือจ้าง": 7, "ผู้เสนอราคาและราคาที่เสนอ": 12,
           "ผู้ได้รับการคัดเลือก": 10, "เหตุผลที่คัดเลือกโดยสรุป": 14, "วันที่สัญญาหรือข้อตกลง": 8}


def _p_cell(key: str, value: Any) -> Cell:
    # (positional Cell arguments: a month of a large site's procurement is thousands of cells)
    if isinstance(value, Decimal):
        return _money(value)
    if isinstance(value, date):
        return Cell(format_date(value), False, _P_WIDE.get(key, 0))
    return Cell(str(value) if value else "–", False, _P_WIDE.get(key, 0))


# --- procurement plan ----------------------------------------------------------------------

@section("procurement-plan")
def procurement_plan_section(site: Site, item: Item) -> str:
    ds = site.datasets.get(PROCUREMENT_PLAN.id)
    if ds is None:
        return _no_data(site, item, "แผนการจัดซื้อจัดจ้างแบบตาราง")
    out = ["## ตารางแผนการจัดซื้อจัดจ้าง\n", downloads(site, item, ds.id, "แผนการจัดซื้อจัดจ้าง")]
    by_year: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for r in ds.rows:
        by_year[r["ปีงบประมาณ"]].append(r)
    for fy in sorted(covered_fiscal_years(ds), reverse=True):
        rows = by_year.get(fy, [])
        out.append(f"### ปีงบประมาณ {fy}\n")
        if not rows:
            out.append(f"ปีงบประมาณ {fy} ไม่มีรายการในแผนการจัดซื้อจัดจ้าง\n")
            continue
        body = [
            [cell(r["รายการ"], min_em=12), cell(r["หน่วยงานที่รับผิดชอบ"] or "–", min_em=8),
             _money(r["วงเงินงบประมาณ"]), cell(r["แหล่งที่มาของงบประมาณ"] or "–", min_em=8),
             cell(r["วิธีซื้อหรือจ้าง"], min_em=7), _month_cell(r["เดือนที่คาดว่าจะประกาศ"]),
             cell(r["หมายเหตุ"] or "", min_em=10 if r["หมายเหตุ"] else 0)]
            for r in sorted(rows, key=lambda r: r["เดือนที่คาดว่าจะประกาศ"])
        ]
        out.append(table(
            f"procurement-plan-{fy}", f"แผนการจัดซื้อจัดจ้าง ปีงบประมาณ {fy} ({len(rows)} รายการ)",
            [cell("งาน/โครงการ"), cell("หน่วยงาน"), cell("วงเงินงบประมาณ", True), cell("แหล่งงบประมาณ"),
             cell("วิธีซื้อหรือจ้าง"), cell("คาดว่าจะประกาศ"), cell("หมายเหตุ")],
            body,
            [cell(f"รวม {len(rows)} รายการ"), cell(""), _money(_sum(rows, "วงเงินงบประมาณ")),
             cell(""), cell(""), cell(""), cell("")],
        ))
    return "\n".join(out)


# --- complaints ----------------------------------------------------------------------------

_C_KEYS = ("เรื่องที่ได้รับ", "อยู่ระหว่างดำเนินการ", "ดำเนินการแล้วเสร็จ", "ส่งต่อหน่วยงานอื่น")
_C_HEAD = [cell("ได้รับ (เรื่อง)", True), cell("อยู่ระหว่างดำเนินการ", True), cell("แล้วเสร็จ", True),
           cell("ส่งต่อหน่วยงานอื่น", True)]


def _totals(rows: list[dict[str, Any]], keys: tuple[str, ...]) -> list[int]:
    return [sum(int(r[k]) for r in rows) for k in keys]


@section("complaint-statistics")
def complaints_section(site: Site, item: Item) -> str:
    ds = site.datasets.get(COMPLAINTS.id)
    if ds is None:
        return _no_data(site, item, "สถิติเรื่องร้องเรียน")
    out = ["## สถิติเรื่องร้องเรียนรายเดือน\n",
           downloads(site, item, ds.id, "สถิติเรื่องร้องเรียน")]
    by_month: dict[date, list[dict[str, Any]]] = defaultdict(list)
    for r in ds.rows:
        by_month[r[MONTH]].append(r)
    for fy in sorted({fiscal_year(m) for m in by_month}, reverse=True):
        months = [m for m in _months_of(fy) if m in by_month]
        last = max(months)
        fy_rows = [r for m in months for r in by_month[m]]
        totals = _totals(fy_rows, _C_KEYS)
        span = f"{_month_name(months[0])} – {_month_name(last)}"
        out.append(f"### ปีงบประมาณ {fy}\n")
        if totals[0] == 0:
            out.append(f"**ปีงบประมาณ {fy} ({span}) ไม่มีเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ**\n")
        else:
            out.append(f"ปีงบประมาณ {fy} ({span}) ได้รับเรื่องร้องเรียน {format_number(totals[0])} เรื่อง "
                       f"ดำเนินการแล้วเสร็จ {format_number(totals[2])} เรื่อง อยู่ระหว่างดำเนินการ {format_number(totals[1])} เรื่อง "
                       f"ส่งต่อหน่วยงานอื่น {format_number(totals[3])} เรื่อง\n")
        rows: list[list[Cell]] = []
        for m in _months_of(fy, until=last):
            mrows = by_month.get(m)
            if not mrows:
                rows.append([_month_cell(m), cell("ยังไม่ได้รายงาน"), cell(""), cell(""), cell(""), cell("")])
                continue
            t = _totals(mrows, _C_KEYS)
            notes = "; ".join(r["หมายเหตุ"] for r in mrows if r["หมายเหตุ"])
            note = notes or ("ไม่มีเรื่องร้องเรียน" if t[0] == 0 else "")
            rows.append([_month_cell(m), *(_num(v) for v in t), cell(note, min_em=12 if note else 0)])
        out.append(table(
            f"complaints-{fy}", f"เรื่องร้องเรียนรายเดือน ปีงบประมาณ {fy}",
            [cell("เดือน"), *_C_HEAD, cell("หมายเหตุ")], rows,
            [cell(f"รวมปีงบประมาณ {fy}"), *(_num(v) for v in totals), cell("")],
        ))
        channels: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for r in fy_rows:
            if r["เรื่องที่ได้รับ"]:
                channels[r["ช่องทาง"] or "ไม่ระบุช่องทาง"].append(r)
        if channels:
            out.append(table(
                f"complaints-{fy}-channels", f"เรื่องร้องเรียนแยกตามช่องทาง ปีงบประมาณ {fy}",
                [cell("ช่องทาง"), *_C_HEAD],
                [[cell(ch, min_em=8), *(_num(v) for v in _totals(rs, _C_KEYS))] for ch, rs in sorted(channels.items())],
                [cell("รวม"), *(_num(v) for v in totals)],
            ))
    return "\n".join(out)


# --- service statistics --------------------------------------------------------------------

@section("service-statistics")
def service_statistics_section(site: Site, item: Item) -> str:
    ds = site.datasets.get(SERVICE_STATISTICS.id)
    if ds is None:
        return _no_data(site, item, "สถิติการให้บริการ")
    out = ["## สถิติการให้บริการรายเดือน\n", downloads(site, item, ds.id, "สถิติการให้บริการ")]
    by_year: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for r in ds.rows:
        by_year[fiscal_year(r[MONTH])].append(r)
    for fy in sorted(by_year, reverse=True):
        rows = by_year[fy]
        months = sorted({r[MONTH] for r in rows})
        services = sorted({r["งานบริการ"] for r in rows})
        count: dict[tuple[str, date], int] = defaultdict(int)
        for r in rows:
            count[(r["งานบริการ"], r[MONTH])] += r["จำนวนผู้รับบริการ"]
        total = sum(count.values())
        out.append(f"### ปีงบประมาณ {fy}\n")
        out.append(f"ปีงบประมาณ {fy} ({_month_name(months[0])} – {_month_name(months[-1])}) "
                   f"ให้บริการรวม {format_number(total)} ราย\n")
        short = {m: f"{month_names('abbreviated')[m.month]} {to_be(m.year)}" for m in months}  # "ต.ค. 2568": narrow columns
        body = [[cell(s, min_em=12), *(_num(count[(s, m)]) for m in months), _num(sum(count[(s, m)] for m in months))]
                for s in services]
        out.append(table(
            f"service-statistics-{fy}", f"จำนวนผู้รับบริการ (ราย) แยกตามงานบริการและเดือน ปีงบประมาณ {fy}",
            [cell("งานบริการ"), *(cell(short[m], True) for m in months), cell("รวม", True)],
            body,
            [cell("รวมทุกงาน"), *(_num(sum(count[(s, m)] for s in services)) for m in months), _num(total)],
        ))
    return "\n".join(out)
