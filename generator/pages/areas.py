"""Area index pages and item pages (the site's main structure).

``<area>/`` explains the area in plain Thai and links its items, each with how many documents it
holds and its latest date. ``<area>/<item>/`` is: intro, "last updated" (from the data, never from
git), a plain notice when the fiscal year that counts has nothing, the item's *section* (tables,
profile, plan: see :mod:`generator.pages.sections`), then the register of documents newest first,
grouped by fiscal year. Each item page has a JSON twin (``index.json``) for programs and assessors.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from ..framework import Area, Item, load_framework
from ..model import Document, OutputFile, Page, Site
from ..thai import format_date, format_number
from .datasets import covered_fiscal_years, latest_date
from .markup import attachment_link, md, rel, url
from .sections import render_section

# Kinds whose content comes from another module's section; we cannot judge them "empty".
_JUDGED_KINDS = ("register", "dataset", "news")


def item_page_path(item: Item) -> str:
    return f"{item.url}index.md"


def document_page_path(doc: Document, item: Item) -> str:
    return f"{item.url}{doc.id}/index.md"


def generate(site: Site) -> Iterable[Page | OutputFile]:
    for area in load_framework().areas:
        yield area_page(site, area)
        for item in area.items:
            yield item_page(site, item)


# --- facts about an item -------------------------------------------------------------------

def item_dates(site: Site, item: Item) -> list[date]:
    dates = [d.date for d in site.documents_for(item.id)]
    if item.kind == "news":
        dates += [n.date for n in site.news]
    if item.dataset and (ds := site.datasets.get(item.dataset)) and (latest := latest_date(ds)):
        dates.append(latest)
    return dates


def last_updated(site: Site, item: Item) -> date | None:
    return max(item_dates(site, item), default=None)


def fiscal_years_with_data(site: Site, item: Item) -> set[int]:
    years = {d.fiscal_year for d in site.documents_for(item.id)}
    if item.kind == "news":
        years |= {n.fiscal_year for n in site.news}
    if item.dataset and (ds := site.datasets.get(item.dataset)):
        years |= covered_fiscal_years(ds)
    return years


def missing_year(site: Site, item: Item) -> int | None:
    """The fiscal year the item should cover but does not, or None. Reports (``previous``) are
    about last year but are published during this one, so either year counts for them."""
    if item.period == "standing" or item.kind not in _JUDGED_KINDS:
        return None
    current = site.current_fiscal_year
    years = fiscal_years_with_data(site, item)
    if item.period == "previous":
        return None if years & {current - 1, current} else current - 1
    return None if current in years else current


def _count_text(site: Site, item: Item) -> str:
    docs = len(site.documents_for(item.id))
    parts: list[str] = []
    if item.kind == "news":
        parts.append(f"ข่าว {format_number(len(site.news))} รายการ")
    if item.dataset and item.dataset in site.datasets:
        parts.append("ตารางข้อมูล")
    if item.kind == "profile":
        parts.append("ข้อมูลหน่วยงาน")
    if item.kind == "plan":
        parts.append("แผนและรายงานผล")
    if docs:
        parts.append(f"เอกสาร {format_number(docs)} รายการ")
    return " · ".join(parts) if parts else "ยังไม่มีเอกสาร"


# --- area pages ----------------------------------------------------------------------------

def area_page(site: Site, area: Area) -> Page:
    path = f"{area.url}index.md"
    lines = [f"# {md(area.title)}\n", f"{md(area.intro)}\n", f"ด้านนี้มี {len(area.items)} หัวข้อ:\n"]
    for item in area.items:
        latest = last_updated(site, item)
        facts = _count_text(site, item)
        if latest:
            facts += f" · ล่าสุด {format_date(latest)}"
        lines.append(f"- [{md(item.title)}]({rel(path, item_page_path(item))})  \n"
                     f"  {md(item.intro)}  \n  <small>{facts}</small>")
    return Page(path=path, title=area.title, body="\n".join(lines) + "\n", nav=True, description=area.intro)


# --- item pages ----------------------------------------------------------------------------

def item_page(site: Site, item: Item) -> Page:
    path = item_page_path(item)
    docs = site.documents_for(item.id)
    parts = [f"# {md(item.title)}\n", f"{md(item.intro)}\n"]
    latest = last_updated(site, item)
    if latest:
        parts.append(f"<p class=\"updated\">ปรับปรุงล่าสุด {format_date(latest)}</p>\n")
    year = missing_year(site, item)
    if year is not None:
        older = " ข้อมูลของปีก่อนหน้าแสดงอยู่ด้านล่าง" if fiscal_years_with_data(site, item) else ""
        parts.append(f'!!! warning "ยังไม่มีข้อมูลของปีงบประมาณ {year}"\n\n'
                     f"    หน่วยงานยังไม่ได้เผยแพร่ข้อมูลของปีงบประมาณ {year} ในหัวข้อนี้{older}\n")
    section_md = render_section(site, item)
    if section_md.strip():
        parts.append(section_md.rstrip() + "\n")
    parts.append(register(item, docs, path))
    return Page(path=path, title=item.title, body="\n".join(parts), nav=True, description=item.intro,
                twin=item_twin(site, item, docs, latest))


def register(item: Item, docs: list[Document], page: str) -> str:
    """Documents newest first, grouped by fiscal year ("ปีงบประมาณ 2569")."""
    if not docs:
        return "" if item.kind in ("profile", "plan", "dataset", "news") else "## เอกสาร\n\nยังไม่มีเอกสารในหัวข้อนี้\n"
    by_year: dict[int, list[Document]] = {}
    for d in docs:
        by_year.setdefault(d.fiscal_year, []).append(d)
    out = ["## เอกสาร\n"]
    for fy in sorted(by_year, reverse=True):
        out.append(f"### ปีงบประมาณ {fy}\n")
        out.extend(_document_entry(d, item, page) for d in by_year[fy])
    return "\n".join(out)


def _document_entry(doc: Document, item: Item, page: str) -> str:
    title = md(doc.title)
    if doc.has_page:
        title = f"[{title}]({rel(page, document_page_path(doc, item))})"
    lines = [f"- **{title}**", "", f"    {format_date(doc.date)}"]
    if doc.summary:
        lines += ["", f"    {md(doc.summary)}"]
    for att in doc.attachments:
        lines += ["", f"    {attachment_link(page, att)}"]
    if doc.link:
        lines += ["", f"    [เปิดลิงก์ที่เกี่ยวข้อง (เว็บไซต์ภายนอก)]({url(doc.link)})"]
    return "\n".join(lines) + "\n"


def document_record(doc: Document, item: Item) -> dict[str, Any]:
    """A document as JSON: CE ISO date for programs, the Thai date for people."""
    return {
        "id": doc.id,
        "title": doc.title,
        "date": doc.date.isoformat(),
        "date_th": format_date(doc.date),
        "fiscal_year": doc.fiscal_year,
        "summary": doc.summary,
        "page": f"{item.url}{doc.id}/" if doc.has_page else None,
        "link": doc.link,
        "files": [{"title": a.title, "url": a.url, "type": a.ext, "size": a.size} for a in doc.attachments],
    }


def item_twin(site: Site, item: Item, docs: list[Document], latest: date | None) -> dict[str, Any]:
    return {
        "item": {"id": item.id, "title": item.title, "area": item.area_id, "kind": item.kind,
                 "period": item.period, "url": item.url},
        "last_updated": latest.isoformat() if latest else None,
        "current_fiscal_year": site.current_fiscal_year,
        "missing_fiscal_year": missing_year(site, item),
        "documents": [document_record(d, item) for d in docs],
    }
