"""The plan catalog: the NACC framework (มิติ → วัตถุประสงค์ → วัตถุประสงค์ย่อย) and its example
projects, as frozen data. Built by :func:`generator.catalog.loader.load_catalog` from ``catalog/``.

Ids are stable and ASCII: a dimension is ``"1"``, an objective ``"1.1"``, a sub-objective
``"1.1.1"`` and a project ``"1.1.1-01"`` (its sub-objective, a hyphen, its two-digit ordinal in
the seed). They are URL segments and the keys adopters use in their plan, so they never change.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import SourceRef

KINDS: tuple[str, ...] = ("โครงการ", "กิจกรรม", "มาตรการ")

#: The text fields of a project, in the seed's order, with their Thai headings.
#: Outputs and outcomes are the seed's field 9 ("ผลผลิต/ผลลัพธ์"), kept apart.
TEXT_FIELDS: tuple[tuple[str, str], ...] = (
    ("rationale", "หลักการและเหตุผล"),
    ("objectives", "วัตถุประสงค์"),
    ("target_group", "กลุ่มเป้าหมาย"),
    ("method", "วิธีดำเนินการ"),
    ("duration", "ระยะเวลาดำเนินการ"),
    ("budget", "งบประมาณดำเนินการ"),
    ("responsible_unit", "ผู้รับผิดชอบ"),
    ("outputs", "ผลผลิต"),
    ("outcomes", "ผลลัพธ์"),
)


@dataclass(frozen=True)
class Dimension:
    id: str  # "1"
    title: str  # "การสร้างวัฒนธรรมสุจริต" (without "มิติที่ 1")
    expected_count: int  # projects, from the seed's summary table

    @property
    def label(self) -> str:
        return f"มิติที่ {self.id}"


@dataclass(frozen=True)
class Objective:
    id: str  # "1.1"
    dimension_id: str
    title: str
    expected_count: int


@dataclass(frozen=True)
class SubObjective:
    id: str  # "1.1.1"
    objective_id: str
    title: str
    expected_count: int | None  # None where the summary table gives no number (3.2.x)


@dataclass(frozen=True)
class Placeholder:
    """A named fill-in (``{{budget}}``) that each adopter replaces with its own value."""

    name: str  # budget
    label: str  # short Thai label shown in the catalog: "งบประมาณ"
    description: str  # what to write, in Thai


class InFramework:
    """Where a project sits in the framework, derived from its sub-objective id ("1.1.3").

    Shared by the catalog's projects and the plan's (:class:`generator.plan.model.PlanProject`).
    """

    sub_objective_id: str

    @property
    def objective_id(self) -> str:
        return self.sub_objective_id.rsplit(".", 1)[0]

    @property
    def dimension_id(self) -> str:
        return self.sub_objective_id.split(".", 1)[0]


@dataclass(frozen=True)
class Project(InFramework):
    """One example project/activity/measure. Text fields are Markdown with ``{{placeholders}}``."""

    id: str  # "1.1.1-01"
    kind: str  # one of KINDS
    sub_objective_id: str  # where the seed lists it
    name: str
    rationale: str
    objectives: str
    target_group: str
    method: str
    duration: str
    budget: str
    responsible_unit: str
    outputs: str
    outcomes: str
    also_sub_objective_ids: tuple[str, ...] = ()  # further sub-objectives it serves (3.2.x)
    seed_line: int = 0  # line of its title in the seed text
    source: SourceRef | None = None

    def text(self, field_name: str) -> str:
        """A text field by name (``name`` or one of :data:`TEXT_FIELDS`)."""
        value = getattr(self, field_name)
        if not isinstance(value, str):
            raise KeyError(field_name)
        return value

    def texts(self) -> dict[str, str]:
        """Name and the nine fields, in order: what an adopter fills and a page shows."""
        return {"name": self.name, **{k: self.text(k) for k, _ in TEXT_FIELDS}}


@dataclass(frozen=True)
class Catalog:
    dimensions: tuple[Dimension, ...] = ()
    objectives: tuple[Objective, ...] = ()
    sub_objectives: tuple[SubObjective, ...] = ()
    projects: tuple[Project, ...] = ()
    placeholders: tuple[Placeholder, ...] = ()

    # The catalog is small (62 projects): a scan is as fast as an index and needs no state.
    def dimension(self, id: str) -> Dimension | None:
        return next((d for d in self.dimensions if d.id == id), None)

    def objective(self, id: str) -> Objective | None:
        return next((o for o in self.objectives if o.id == id), None)

    def sub_objective(self, id: str) -> SubObjective | None:
        return next((s for s in self.sub_objectives if s.id == id), None)

    def project(self, id: str) -> Project | None:
        return next((p for p in self.projects if p.id == id), None)

    def placeholder(self, name: str) -> Placeholder | None:
        return next((p for p in self.placeholders if p.name == name), None)

    def objectives_of(self, dimension_id: str) -> list[Objective]:
        return [o for o in self.objectives if o.dimension_id == dimension_id]

    def sub_objectives_of(self, objective_id: str) -> list[SubObjective]:
        return [s for s in self.sub_objectives if s.objective_id == objective_id]

    def projects_in(
        self,
        dimension_id: str | None = None,
        objective_id: str | None = None,
        sub_objective_id: str | None = None,
        kind: str | None = None,
    ) -> list[Project]:
        """Projects filtered by place and kind, in catalog (id) order."""
        return [
            p
            for p in self.projects
            if (dimension_id is None or p.dimension_id == dimension_id)
            and (objective_id is None or p.objective_id == objective_id)
            and (sub_objective_id is None or p.sub_objective_id == sub_objective_id)
            and (kind is None or p.kind == kind)
        ]
