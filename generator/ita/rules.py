"""Is one topic's data there for an assessment year? The period rules and the profile checks.

For assessment year Y the current fiscal year is Y and the previous one Y−1 (domain.md §4):
- ``current``    something dated in fiscal year Y;
- ``previous``   something for fiscal year Y−1 (a report published for Y also counts);
- ``first_half`` for a dataset topic, every month ต.ค.–มี.ค. of Y present in its table (a month
                 recorded with zero complaints, or a monthly file with no rows, is present); a gap
                 is "missing"; for other topics, something for fiscal year Y;
- ``standing``   anything at all.
Profile topics (structure, executives, contact, ...) are met when the organisation data has what
assessors look for: the named checks in :data:`PROFILE_CHECKS`, chosen per topic in
:data:`DEFAULT_REQUIRES` and extendable per OIT item with ``requires:`` in the list file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

from ..dates import DateError, parse_date
from ..framework import Item, load_framework
from ..model import Dataset, Organisation, Site
from ..thai import fiscal_year, format_month, thai_digits_to_arabic, to_ce

Status = Literal["met", "missing", "out_of_date"]
PERIODS: tuple[str, ...] = ("current", "previous", "first_half", "standing")

STATUS_TEXT: dict[str, str] = {
    "met": "ครบถ้วน",
    "missing": "ยังไม่มีข้อมูล",
    "out_of_date": "ข้อมูลไม่เป็นปัจจุบัน",
}
#: A symbol beside the text (never colour alone) for the page and the terminal.
STATUS_MARK: dict[str, str] = {"met": "✔", "missing": "✘", "out_of_date": "⚠"}

PERIOD_TEXT: dict[str, str] = {
    "current": "ปีงบประมาณ {year}",
    "previous": "ปีงบประมาณ {previous}",
    "first_half": "ต.ค.–มี.ค. ของปีงบประมาณ {year}",
    "standing": "ไม่ขึ้นกับปี",
}

@dataclass(frozen=True)
class TopicStatus:
    topic: str
    status: Status
    found: str  # what is there, in Thai ("" when nothing)
    missing: str  # what is missing, in Thai ("" when met)
    where: str  # where staff add it (a content path)


# ---------------------------------------------------------------- profile checks

ProfileCheck = Callable[[Organisation], list[str]]


def _executives(org: Organisation) -> list[str]:
    out: list[str] = []
    sides = {p.side for p in org.executives}
    if "political" not in sides:
        out.append("ผู้บริหารฝ่ายการเมือง (นายก รองนายก)")
    if "permanent" not in sides:
        out.append("ผู้บริหารฝ่ายประจำ (ปลัด รองปลัด ผู้อำนวยการกอง)")
    for p in org.executives:
        lacks = [label for label, ok in (("ชื่อ", p.name), ("ตำแหน่ง", p.position), ("รูปถ่าย", p.photo),
                                         ("ช่องทางติดต่อ", p.phone or p.email)) if not ok]
        if lacks:
            out.append(f"{p.name or p.position or 'ผู้บริหาร'} ไม่มี{'และ'.join(lacks)}")
    return out


def _structure(org: Organisation) -> list[str]:
    out: list[str] = []
    if not org.divisions and not org.org_chart:
        out.append("ส่วนราชการ (divisions) หรือแผนผังโครงสร้าง")
    sides = {p.side for p in org.executives}
    if not {"political", "permanent"} <= sides:
        out.append("โครงสร้างทั้งฝ่ายการเมืองและฝ่ายประจำ")
    return out


def _need(ok: object, what: str) -> list[str]:
    return [] if ok else [what]


PROFILE_CHECKS: dict[str, ProfileCheck] = {
    "executives_both_sides": _executives,
    "structure_both_sides": _structure,
    "powers_summary": lambda o: _need(o.powers_md.strip(), "สรุปอำนาจหน้าที่"),
    "contact_details": lambda o: [w for w, ok in (("ที่อยู่", o.address), ("หมายเลขโทรศัพท์", o.phone),
                                                  ("อีเมล", o.email), ("เวลาทำการ", o.office_hours)) if not ok],
    "two_way_channel": lambda o: _need(o.two_way_channels, "ช่องทางสอบถามแบบสองทาง (LINE, Messenger, กระดานถาม–ตอบ, แบบฟอร์ม)"),
    "laws": lambda o: _need(o.laws, "รายการกฎหมายที่เกี่ยวข้อง"),
    "qa": lambda o: _need(o.qa or o.two_way_channels, "คำถาม–คำตอบ หรือช่องทางถาม–ตอบ"),
    "social": lambda o: _need(o.social, "บัญชีสื่อสังคมออนไลน์"),
    "e_services": lambda o: _need(o.e_services, "บริการออนไลน์ (E-Service) อย่างน้อย 1 รายการ"),
    "complaint_channels": lambda o: _need(o.complaint_channels, "ช่องทางแจ้งเรื่องร้องเรียนการทุจริต"),
}

DEFAULT_REQUIRES: dict[str, tuple[str, ...]] = {
    "structure": ("structure_both_sides",),
    "executives": ("executives_both_sides",),
    "powers": ("powers_summary",),
    "contact": ("contact_details", "two_way_channel"),
    "laws": ("laws",),
    "qa": ("qa",),
    "social-network": ("social",),
    "e-service": ("e_services",),
    "complaint-channels": ("complaint_channels",),
}

PROFILE_PATH = "content/organisation.yml"


# ---------------------------------------------------------------- dataset months and years

def _as_date(value: Any) -> date | None:
    """A row's date or month value: typed by the loader, or text as staff type it (BE)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, tuple) and len(value) == 2:  # (year CE, month)
        return date(int(value[0]), int(value[1]), 1)
    if isinstance(value, str) and value.strip():
        text = thai_digits_to_arabic(value.strip())
        if len(text) <= 7 and text[:4].isdigit() and "-" in text:  # "2569-03": a BE month
            text += "-01"
        elif len(text.split()) == 2:  # "มีนาคม 2569"
            text = "1 " + text
        try:
            return parse_date(text)
        except DateError:
            return None
    return None


def _month_column(ds: Dataset) -> str | None:
    for kind in ("month", "date"):
        for col in ds.columns:
            if col.type == kind:
                return col.key
    return None


def _year_column(ds: Dataset) -> str | None:
    for col in ds.columns:
        if col.type == "int" and ("ปีงบประมาณ" in col.key or "ปีงบประมาณ" in col.title or col.key == "fiscal_year"):
            return col.key
    return None


def _source_periods(ds: Dataset) -> tuple[set[tuple[int, int]], set[int]]:
    """Months (CE year, month) and fiscal years named by the dataset's file names
    (``2568-10.csv``, ``2569.csv``): a month file with no rows still says "nothing this month"."""
    months: set[tuple[int, int]] = set()
    years: set[int] = set()
    for src in ds.sources:
        stem = thai_digits_to_arabic(src.path.rsplit("/", 1)[-1].rsplit(".", 1)[0])
        if len(stem) == 7 and stem[4] == "-" and stem[:4].isdigit() and stem[5:].isdigit():
            if 1 <= int(stem[5:]) <= 12:
                months.add((to_ce(int(stem[:4])), int(stem[5:])))
        elif len(stem) == 4 and stem.isdigit():
            years.add(int(stem))
    return months, years


def dataset_months(ds: Dataset) -> set[tuple[int, int]]:
    """(CE year, month) covered: every row's month (or date) column, and monthly file names."""
    out = _source_periods(ds)[0]
    key = _month_column(ds)
    if key is None:
        return out
    for row in ds.rows:
        d = _as_date(row.get(key))
        if d is not None:
            out.add((d.year, d.month))
    return out


def dataset_years(ds: Dataset) -> set[int]:
    """The fiscal years (BE) the rows and files cover."""
    years = {fiscal_year(date(y, m, 1)) for y, m in dataset_months(ds)} | _source_periods(ds)[1]
    key = _year_column(ds)
    if key is not None:
        for row in ds.rows:
            v = row.get(key)
            try:
                years.add(int(thai_digits_to_arabic(str(v))))
            except (TypeError, ValueError):
                continue
    return years


def first_half_months(year: int) -> list[tuple[int, int]]:
    """(CE year, month) of ต.ค.–มี.ค. of fiscal year ``year`` (BE)."""
    ce = to_ce(year)
    return [(ce - 1, 10), (ce - 1, 11), (ce - 1, 12), (ce, 1), (ce, 2), (ce, 3)]


# ---------------------------------------------------------------- one topic

def _years_text(years: Iterable[int]) -> str:
    ys = sorted(set(years))
    return "ปีงบประมาณ " + ", ".join(str(y) for y in ys) if ys else ""


def _datasets_for(site: Site, item: Item) -> list[Dataset]:
    return [site.datasets[item.dataset]] if item.dataset in site.datasets else []


def _dataset_where(site: Site, item: Item) -> str:
    for ds in _datasets_for(site, item):
        if ds.sources:
            return ds.sources[-1].path.rsplit("/", 1)[0] + "/"
    if item.kind == "plan":
        return "content/plan/"
    return f"content/data/{item.dataset}/" if item.dataset else f"content/documents/{item.id}/"


def _plan_years(site: Site, item: Item) -> set[int]:
    """Fiscal years the anti-corruption plan has evidence for (``generator.plan.model.Plan``):
    the plan itself counts for the years its projects are budgeted; its reports for the years
    with progress recorded (the reports are derived from progress)."""
    plan = site.plan
    if plan is None:
        return set()
    if item.id == "action-plan":
        return {int(fy) for p in getattr(plan, "projects", ()) for fy in getattr(p, "budget", {})}
    with_progress = getattr(plan, "years_with_progress", None)
    return {int(fy) for fy in with_progress()} if callable(with_progress) else set()


def topic_status(site: Site, topic: str, year: int, period: str | None = None,
                 requires: tuple[str, ...] = ()) -> TopicStatus:
    """The status of one topic (a disclosure item id or a special page) for assessment year ``year``."""
    if topic == "ita":
        return TopicStatus(topic, "met", "หน้ารายการ ITA ของเว็บไซต์นี้", "", "content/ita/")
    if topic == "open-data":
        n = len(site.datasets)
        if n or site.documents:
            return TopicStatus(topic, "met", f"ชุดข้อมูลเปิด {n + 1} ชุด", "", "content/data/")
        return TopicStatus(topic, "missing", "", "ชุดข้อมูลเปิด", "content/data/")
    item = load_framework().item(topic)
    if item is None:  # lists are validated against the framework; this is a programming error
        raise KeyError(topic)
    period = period or item.period
    if item.kind == "profile":
        return _profile_status(site, item, requires)
    if item.kind == "news":
        years = {n.fiscal_year for n in site.news}
        news = f"ข่าว {len(site.news)} รายการ" if site.news else ""
        return _by_years(topic, years, year, period, news, "content/news/")

    docs = site.documents_for(item.id)
    years = {d.fiscal_year for d in docs}
    found = [f"เอกสาร {len(docs)} รายการ ({_years_text(years)})"] if docs else []
    datasets = _datasets_for(site, item)
    for ds in datasets:
        if ds.rows:
            found.append(f"ตาราง “{ds.title}” {len(ds.rows)} แถว")
    if item.kind == "plan":
        plan_years = _plan_years(site, item)
        if plan_years:
            what = "แผนปฏิบัติการป้องกันการทุจริต" if item.id == "action-plan" else "ผลการดำเนินการตามแผนที่บันทึกไว้"
            found.append(f"{what} ({_years_text(plan_years)})")
        years |= plan_years
    where = _dataset_where(site, item) if datasets or item.kind in ("dataset", "plan") else f"content/documents/{item.id}/"

    if period == "first_half" and item.kind == "dataset":
        # Monthly tables are judged month by month; scanned reports in the register support
        # them but cannot show which months they cover.
        return _first_half(topic, datasets, year, "; ".join(found), where)
    for ds in datasets:
        years |= dataset_years(ds)
    return _by_years(topic, years, year, period, "; ".join(found), where)


def _profile_status(site: Site, item: Item, extra: tuple[str, ...]) -> TopicStatus:
    org = site.organisation
    if org is None:
        return TopicStatus(item.id, "missing", "", "ข้อมูลหน่วยงาน", PROFILE_PATH)
    lacks: list[str] = []
    for name in (*DEFAULT_REQUIRES.get(item.id, ()), *extra):
        lacks.extend(PROFILE_CHECKS[name](org))
    lacks = list(dict.fromkeys(lacks))
    if lacks:
        return TopicStatus(item.id, "missing", "", "; ".join(lacks), PROFILE_PATH)
    return TopicStatus(item.id, "met", "ข้อมูลหน่วยงานครบตามเกณฑ์", "", PROFILE_PATH)


def _by_years(topic: str, years: set[int], year: int, period: str, found: str, where: str) -> TopicStatus:
    if period == "standing":
        ok = bool(found)
        return TopicStatus(topic, "met" if ok else "missing", found, "" if ok else "ข้อมูลอย่างน้อย 1 รายการ", where)
    wanted = year - 1 if period == "previous" else year
    accepted = {year - 1, year} if period == "previous" else {year}
    need = f"ข้อมูลของปีงบประมาณ {wanted}"
    if years & accepted:
        return TopicStatus(topic, "met", found, "", where)
    if years and max(years) < wanted:
        return TopicStatus(topic, "out_of_date", found, need + f" (มีถึงปี {max(years)})", where)
    return TopicStatus(topic, "missing", found, need, where)


def _first_half(topic: str, datasets: list[Dataset], year: int, found: str, where: str) -> TopicStatus:
    """Every month ต.ค.–มี.ค. must be there; older years do not stand in for a missing month, so a
    gap is "missing" (the data is due), not "out of date"."""
    months: set[tuple[int, int]] = set()
    for ds in datasets:
        months |= dataset_months(ds)
    lacking = [m for m in first_half_months(year) if m not in months]
    if not lacking:
        return TopicStatus(topic, "met", found, "", where)
    text = "ข้อมูลเดือน " + ", ".join(format_month(y, m) for y, m in lacking) + " (เดือนที่ไม่มีรายการให้บันทึกเป็น 0)"
    return TopicStatus(topic, "missing", found, text, where)
