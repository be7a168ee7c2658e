"""Numbers derived from the plan: the overview in the seed's summary form, the 6-month and annual
reports, and the plan's datasets. Pure data — the pages in ``generator/pages/plan.py`` only
lay these out, and tests can check the sums without reading HTML.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, Literal

from ..catalog.model import Catalog
from ..model import Column, Dataset
from ..thai import first_half_bounds, fiscal_year_bounds, format_date
from .model import NO_BUDGET, STATUSES, Plan, PlanProject, Update

Period = Literal["6m", "annual"]
PERIOD_SLUG: dict[Period, str] = {"6m": "6-months", "annual": "annual"}
PERIOD_LABEL: dict[Period, str] = {"6m": "รอบ 6 เดือน", "annual": "ประจำปี"}


# --- the overview ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class YearCell:
    count: int  # projects run that year (with money or without)
    budget: Decimal


@dataclass(frozen=True)
class SummaryRow:
    """One row of the overview: an objective, a dimension's total, or the plan's total."""

    level: Literal["objective", "dimension", "total"]
    id: str  # "1.1", "1", ""
    title: str
    cells: tuple[YearCell, ...]  # one per plan year, in order

    @property
    def total_budget(self) -> Decimal:
        return sum((c.budget for c in self.cells), Decimal("0"))


def _cells(projects: list[PlanProject], years: tuple[int, ...]) -> tuple[YearCell, ...]:
    return tuple(
        YearCell(sum(1 for p in projects if p.runs_in(y)), sum((p.budget_in(y) for p in projects), Decimal("0")))
        for y in years
    )


def dimension_title(catalog: Catalog | None, dimension_id: str) -> str:
    dim = catalog.dimension(dimension_id) if catalog else None
    return f"มิติที่ {dimension_id} {dim.title}" if dim else f"มิติที่ {dimension_id}"


def dimension_ids(plan: Plan, catalog: Catalog | None) -> list[str]:
    """The framework's dimensions (all four, even one the plan has nothing in)."""
    ids = [d.id for d in catalog.dimensions] if catalog and catalog.dimensions else []
    for p in plan.projects:
        if p.dimension_id not in ids:
            ids.append(p.dimension_id)
    return sorted(ids, key=int)


def overview(plan: Plan, catalog: Catalog | None) -> list[SummaryRow]:
    """Per dimension: a row per objective, then the dimension's total; the plan's total last."""
    rows: list[SummaryRow] = []
    for dim_id in dimension_ids(plan, catalog):
        obj_ids = [o.id for o in catalog.objectives_of(dim_id)] if catalog else []
        obj_ids += sorted({p.objective_id for p in plan.projects_in(dim_id)} - set(obj_ids))
        for obj_id in obj_ids:
            obj = catalog.objective(obj_id) if catalog else None
            rows.append(SummaryRow("objective", obj_id, obj.title if obj else obj_id,
                                   _cells(plan.projects_in(objective_id=obj_id), plan.years)))
        rows.append(SummaryRow("dimension", dim_id, f"รวมมิติที่ {dim_id}", _cells(plan.projects_in(dim_id), plan.years)))
    rows.append(SummaryRow("total", "", "รวมทั้งสิ้น", _cells(list(plan.projects), plan.years)))
    return rows


# --- reports -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReportRow:
    project: PlanProject
    status: str
    budget: Decimal | None  # None: run without money (or not scheduled this year)
    scheduled: bool  # the plan budgets the project this year
    spent: Decimal
    updates: tuple[Update, ...]  # the year's updates up to the cut-off

    @property
    def last_date(self) -> date | None:
        return self.updates[-1].date if self.updates else None


@dataclass(frozen=True)
class Tally:
    counts: dict[str, int]  # status → projects
    budget: Decimal
    spent: Decimal

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def _tally(rows: list[ReportRow]) -> Tally:
    return Tally(
        counts={s: sum(1 for r in rows if r.status == s) for s in STATUSES},
        budget=sum((r.budget or Decimal("0") for r in rows), Decimal("0")),
        spent=sum((r.spent for r in rows), Decimal("0")),
    )


@dataclass(frozen=True)
class Report:
    fiscal_year: int
    period: Period
    start: date
    cutoff: date
    rows: tuple[ReportRow, ...]
    by_dimension: tuple[tuple[str, Tally], ...]  # (dimension id, tally), in framework order
    total: Tally

    @property
    def title(self) -> str:
        if self.period == "6m":
            return f"รายงานการกำกับติดตามการดำเนินการป้องกันการทุจริต รอบ 6 เดือน ปีงบประมาณ {self.fiscal_year}"
        return f"รายงานผลการดำเนินการป้องกันการทุจริตประจำปีงบประมาณ {self.fiscal_year}"

    @property
    def span(self) -> str:
        return f"{format_date(self.start)} – {format_date(self.cutoff)}"

    @property
    def url(self) -> str:
        """Site-relative URL of the report page."""
        return f"anti-corruption/action-plan/reports/{self.fiscal_year}/{PERIOD_SLUG[self.period]}/"


def cutoff_of(fiscal_year: int, period: Period) -> tuple[date, date]:
    return first_half_bounds(fiscal_year) if period == "6m" else fiscal_year_bounds(fiscal_year)


def build_report(plan: Plan, fiscal_year: int, period: Period) -> Report:
    """The report of a fiscal year at 31 March ("6m") or 30 September ("annual").

    It covers every project the plan schedules that year, and any other with progress recorded.
    """
    start, cutoff = cutoff_of(fiscal_year, period)
    rows = []
    for p in plan.projects:
        if not p.runs_in(fiscal_year) and not p.progress.get(fiscal_year):
            continue
        rows.append(ReportRow(
            project=p,
            status=p.status_at(fiscal_year, cutoff),
            budget=p.budget.get(fiscal_year),
            scheduled=p.runs_in(fiscal_year),
            spent=p.spent_until(fiscal_year, cutoff),
            updates=p.updates_until(fiscal_year, cutoff),
        ))
    dims = sorted({r.project.dimension_id for r in rows} | {p.dimension_id for p in plan.projects}, key=int)
    by_dim = tuple((d, _tally([r for r in rows if r.project.dimension_id == d])) for d in dims)
    return Report(fiscal_year, period, start, cutoff, tuple(rows), by_dim, _tally(rows))


def available_reports(plan: Plan, current_fy: int) -> list[tuple[int, Period]]:
    """Reports that can be published: a year with progress recorded; the 6-month report from the
    current year on, the annual one only once the year is over. Newest first."""
    out: list[tuple[int, Period]] = []
    for fy in sorted(plan.years_with_progress(), reverse=True):
        if fy > current_fy:
            continue
        if fy < current_fy:
            out.append((fy, "annual"))
        out.append((fy, "6m"))
    return out


# --- datasets ------------------------------------------------------------------------------------------


def _col(key: str, type_: str, description: str, required: bool = True) -> Column:
    # Thai headers, like every other dataset of the portal (the CSV is what staff open in Excel).
    return Column(key=key, title=key, type=type_, description=description, required=required)


def plan_datasets(plan: Plan, catalog: Catalog | None, current_fy: int) -> dict[str, Dataset]:
    """``plan`` (one row per project), ``plan-budget`` (project × year) and ``plan-progress``
    (project × published report), for the open-data pages and /data/<id>.csv|json."""
    sources = tuple(p.source for p in plan.projects if p.source)
    years = plan.years
    place = [
        _col("รหัสโครงการ", "text", "รหัสในคลังตัวอย่างโครงการของ ป.ป.ช. (เช่น 1.1.1-01) หรือรหัสโครงการของหน่วยงานเอง"),
        _col("ชื่อโครงการ", "text", "ชื่อโครงการ/กิจกรรม/มาตรการ"),
        _col("มิติ", "text", "มิติของกรอบการจัดทำแผน (1–4)"),
        _col("วัตถุประสงค์", "text", "รหัสวัตถุประสงค์ในกรอบการจัดทำแผน เช่น 1.1"),
    ]

    def where(p: PlanProject) -> dict[str, Any]:
        return {"รหัสโครงการ": p.id, "ชื่อโครงการ": p.name, "มิติ": p.dimension_id, "วัตถุประสงค์": p.objective_id}

    plan_cols = (
        *place,
        _col("วัตถุประสงค์ย่อย", "text", "รหัสวัตถุประสงค์ย่อย เช่น 1.1.1"),
        _col("ประเภท", "text", "โครงการ / กิจกรรม / มาตรการ"),
        _col("ที่มา", "text", "คลังตัวอย่างโครงการ ป.ป.ช. หรือ โครงการของหน่วยงานเอง"),
        _col("หน่วยงานที่รับผิดชอบ", "text", "กอง สำนัก หรือหน่วยที่รับผิดชอบ"),
        *(_col(f"งบประมาณปี {y}", "money",
               f"งบประมาณปีงบประมาณ {y} (บาท); 0 = ดำเนินการโดยไม่ใช้งบประมาณ; ว่าง = ไม่ได้ดำเนินการปีนี้", False)
          for y in years),
        _col("งบประมาณรวม", "money", f"งบประมาณรวมปีงบประมาณ {years[0]}–{years[-1]} (บาท)"),
        _col("หน้าเว็บ", "text", "ที่อยู่หน้าของโครงการบนเว็บไซต์นี้"),
    )
    plan_rows = tuple(
        {
            **where(p), "วัตถุประสงค์ย่อย": p.sub_objective_id, "ประเภท": p.kind,
            "ที่มา": "โครงการของหน่วยงานเอง" if p.own else "คลังตัวอย่างโครงการ ป.ป.ช.",
            "หน่วยงานที่รับผิดชอบ": p.responsible_unit,
            **{f"งบประมาณปี {y}": (p.budget_in(y) if p.runs_in(y) else None) for y in years},
            "งบประมาณรวม": p.budget_total, "หน้าเว็บ": "/" + p.url,
        }
        for p in plan.projects
    )
    budget_cols = (
        *place,
        _col("ปีงบประมาณ", "int", "ปีงบประมาณ (พ.ศ.)"),
        _col("งบประมาณ", "money", "งบประมาณที่ตั้งไว้ (บาท); 0 เมื่อไม่ใช้งบประมาณ"),
        _col("หมายเหตุ", "text", f"“{NO_BUDGET}” เมื่อดำเนินการโดยไม่ใช้เงิน", False),
    )
    budget_rows = tuple(
        {**where(p), "ปีงบประมาณ": fy, "งบประมาณ": p.budget_in(fy), "หมายเหตุ": NO_BUDGET if amount is None else ""}
        for p in plan.projects
        for fy, amount in sorted(p.budget.items())
    )
    progress_cols = (
        _col("ปีงบประมาณ", "int", "ปีงบประมาณ (พ.ศ.) ของรายงาน"),
        _col("รอบรายงาน", "text", "รอบ 6 เดือน (ต.ค.–มี.ค.) หรือ ประจำปี (ต.ค.–ก.ย.)"),
        _col("ข้อมูล ณ วันที่", "date", "วันสิ้นสุดของรอบรายงาน"),
        *place,
        _col("สถานะ", "text", " / ".join(STATUSES)),
        _col("งบประมาณ", "money", "งบประมาณปีนี้ (บาท); 0 เมื่อไม่ใช้งบประมาณหรือไม่มีในแผนปีนี้"),
        _col("ใช้จ่ายจริง", "money", "เงินที่ใช้ไปถึงวันสิ้นสุดรอบรายงาน (บาท)"),
        _col("ปรับปรุงล่าสุด", "date", "วันที่ของความก้าวหน้าครั้งล่าสุดในรอบนี้", False),
        _col("ผลการดำเนินงาน", "text", "สิ่งที่ดำเนินการในรอบนี้ ตามที่หน่วยงานบันทึก", False),
    )
    progress_rows: list[dict[str, Any]] = []
    for fy, period in sorted(available_reports(plan, current_fy)):
        report = build_report(plan, fy, period)
        for r in report.rows:
            progress_rows.append({
                "ปีงบประมาณ": fy, "รอบรายงาน": PERIOD_LABEL[period], "ข้อมูล ณ วันที่": report.cutoff,
                **where(r.project), "สถานะ": r.status, "งบประมาณ": r.budget or Decimal("0"),
                "ใช้จ่ายจริง": r.spent, "ปรับปรุงล่าสุด": r.last_date,
                "ผลการดำเนินงาน": " ".join(plain_text(u.done_md) for u in r.updates),
            })
    return {
        "plan": Dataset("plan", "แผนปฏิบัติการป้องกันการทุจริต: รายการโครงการ", plan_cols, plan_rows, sources),
        "plan-budget": Dataset("plan-budget", "แผนปฏิบัติการป้องกันการทุจริต: งบประมาณรายปี", budget_cols,
                               budget_rows, sources),
        "plan-progress": Dataset("plan-progress", "แผนปฏิบัติการป้องกันการทุจริต: ผลการดำเนินงาน",
                                 progress_cols, tuple(progress_rows), sources),
    }


def plain_text(markdown_text: str) -> str:
    """Staff Markdown as one line of plain text, for table cells and CSV."""
    import re

    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", markdown_text)
    text = re.sub(r"(^|\n)\s*(?:[-*+]|\d+[.)])\s+", r"\1", text)
    text = text.replace("**", "").replace("__", "").replace("`", "")
    return " ".join(text.split())

