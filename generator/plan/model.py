"""The municipality's anti-corruption action plan, as frozen data.

Built by :func:`generator.plan.loader.load_plan` from ``content/plan/``. A plan is a list of
projects: most are adopted from the catalog (their id is the catalog id, ``1.1.1-01``), some are
the municipality's own (an ASCII id such as ``own-waste-bank``). Every project carries its text
already filled with the municipality's data, its budget per fiscal year and its progress updates.

Progress is a list of dated updates per fiscal year; reports are *derived* from it: the status at
a date is the status of the latest update on or before that date, the money spent by a date is
the sum of the updates' ``spent`` up to it. So the 6-month report (cut-off 31 March) and the
annual report (cut-off 30 September) never need to be typed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from ..catalog.model import InFramework
from ..model import SourceRef

#: The three statuses, in the order reports list them.
NOT_STARTED = "ยังไม่ดำเนินการ"
IN_PROGRESS = "อยู่ระหว่างดำเนินการ"
DONE = "ดำเนินการแล้ว"
STATUSES: tuple[str, ...] = (NOT_STARTED, IN_PROGRESS, DONE)

#: The plan period of the NACC framework (fiscal years, BE).
PLAN_YEARS: tuple[int, ...] = (2566, 2567, 2568, 2569, 2570)

#: Written instead of an amount when a project runs without money in a year.
NO_BUDGET = "ไม่ใช้งบประมาณ"

#: Site-relative folder of all plan pages (under the item page ``anti-corruption/action-plan/``).
PLAN_URL = "anti-corruption/action-plan/"

#: Folder names under PLAN_URL used by the plan's own pages: no project may take them as its id.
RESERVED_IDS: tuple[str, ...] = ("projects", "reports", "progress", "data", "files")


@dataclass(frozen=True)
class Evidence:
    """A document, photo or page that shows the work was done."""

    title: str
    url: str  # site-relative URL ("files/plan/..." for a file from content/, or a page path)
    path: str = ""  # content-relative source file ("" for a link)
    size: int = 0

    @property
    def is_photo(self) -> bool:
        return self.path.lower().endswith((".jpg", ".jpeg", ".png", ".webp", ".gif"))


@dataclass(frozen=True)
class Update:
    """One progress update: what was done on a date, its status after it, the money it used."""

    date: date  # CE
    status: str  # one of STATUSES
    done_md: str  # what was done (Markdown written by staff)
    spent: Decimal = Decimal("0")  # baht spent in this update (not a running total)
    evidence: tuple[Evidence, ...] = ()
    source: SourceRef | None = None


@dataclass(frozen=True)
class PlanProject(InFramework):
    """One project of the plan, its text filled with the municipality's data."""

    id: str  # catalog id ("1.1.1-01") or the municipality's own id
    kind: str  # โครงการ | กิจกรรม | มาตรการ
    sub_objective_id: str  # "1.1.1": its place in the framework
    name: str
    texts: dict[str, str]  # the nine fields (catalog keys: rationale … outcomes), filled Markdown
    budget: dict[int, Decimal | None]  # fiscal year → baht; None = ไม่ใช้งบประมาณ; absent = not run
    responsible_unit: str
    catalog_id: str | None = None  # None for the municipality's own project
    values: dict[str, str] = field(default_factory=dict)  # placeholder values (targets ...)
    budget_note: str = ""  # the municipality's own words on the budget (source of funds ...)
    progress: dict[int, tuple[Update, ...]] = field(default_factory=dict)  # fiscal year → updates
    source: SourceRef | None = None

    @property
    def own(self) -> bool:
        return self.catalog_id is None

    @property
    def url(self) -> str:
        return f"{PLAN_URL}{self.id}/"

    def runs_in(self, fiscal_year: int) -> bool:
        return fiscal_year in self.budget

    def budget_in(self, fiscal_year: int) -> Decimal:
        """The amount budgeted for a year (0 when not run, or run without money)."""
        return self.budget.get(fiscal_year) or Decimal("0")

    @property
    def budget_total(self) -> Decimal:
        return sum((v for v in self.budget.values() if v is not None), Decimal("0"))

    def updates_until(self, fiscal_year: int, cutoff: date | None = None) -> tuple[Update, ...]:
        """The year's updates dated on or before ``cutoff`` (all of them without a cut-off)."""
        ups = self.progress.get(fiscal_year, ())
        return tuple(u for u in ups if cutoff is None or u.date <= cutoff)

    def status_at(self, fiscal_year: int, cutoff: date | None = None) -> str:
        ups = self.updates_until(fiscal_year, cutoff)
        return ups[-1].status if ups else NOT_STARTED

    def spent_until(self, fiscal_year: int, cutoff: date | None = None) -> Decimal:
        return sum((u.spent for u in self.updates_until(fiscal_year, cutoff)), Decimal("0"))


@dataclass(frozen=True)
class Plan:
    """The adopted plan: its projects in framework order, and what the plan says of itself."""

    projects: tuple[PlanProject, ...] = ()
    title: str = "แผนปฏิบัติการป้องกันการทุจริต"
    intro_md: str = ""
    years: tuple[int, ...] = PLAN_YEARS
    adopted_on: date | None = None  # when the executive signed the plan
    documents: tuple[Evidence, ...] = ()  # the signed plan as published (PDF ...)
    source: SourceRef | None = None

    def project(self, id: str) -> PlanProject | None:
        return next((p for p in self.projects if p.id == id), None)

    def adopted_urls(self) -> dict[str, str]:
        """Catalog id → site-relative URL of the adopted project's page (for the catalog browser)."""
        return {p.catalog_id: p.url for p in self.projects if p.catalog_id}

    def projects_in(self, dimension_id: str | None = None, objective_id: str | None = None) -> list[PlanProject]:
        return [
            p
            for p in self.projects
            if (dimension_id is None or p.dimension_id == dimension_id)
            and (objective_id is None or p.objective_id == objective_id)
        ]

    def years_with_progress(self) -> list[int]:
        return sorted({fy for p in self.projects for fy, ups in p.progress.items() if ups})
