"""The anti-corruption plan: loading and validation (file, line, fix), derived reports, datasets.

Plans here are written into ``tmp_path`` and loaded against the repository's real catalog; the
fixture municipality is the fictional องค์การบริหารส่วนตำบลนาสมมุติ.
"""

from __future__ import annotations

import textwrap
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from generator.catalog import Catalog, load_catalog
from generator.errors import Collector, Problem
from generator.plan import Plan, load_plan
from generator.plan.model import DONE, IN_PROGRESS, NOT_STARTED
from generator.plan.reports import available_reports, build_report, overview, plan_datasets

ROOT = Path(__file__).resolve().parent.parent
ORG = "องค์การบริหารส่วนตำบลนาสมมุติ"


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    errors = Collector(ROOT)
    cat = load_catalog(ROOT / "catalog", errors)
    assert not errors.errors, errors.errors
    return cat


def write_plan(root: Path, files: dict[str, str]) -> Path:
    folder = root / "content" / "plan"
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return folder


def load(tmp_path: Path, catalog: Catalog, files: dict[str, str]) -> tuple[Plan | None, list[Problem]]:
    folder = write_plan(tmp_path, files)
    errors = Collector(tmp_path)
    plan = load_plan(folder, catalog, errors, org_name=ORG)
    return plan, errors.problems


GOOD = """
responsible_unit: สำนักปลัด อบต.
budget:
  2568: 20000
  2569: "15,000"
  2570: ไม่ใช้งบประมาณ
values:
  target_count: 1200
progress:
  2569:
    - date: 2568-11-20
      status: อยู่ระหว่างดำเนินการ
      done: ประชุมเตรียมการ
      spent: 2000
    - date: 2569-05-10
      status: ดำเนินการแล้ว
      done: จัดอบรม 45 คน
      spent: 11000
"""


def test_adopted_project_is_filled_with_the_municipalitys_data(tmp_path: Path, catalog: Catalog) -> None:
    plan, problems = load(tmp_path, catalog, {"projects/1.1.1-01.yml": GOOD})
    assert problems == []
    assert plan is not None
    p = plan.projects[0]
    assert p.catalog_id == "1.1.1-01" and p.dimension_id == "1" and p.objective_id == "1.1"
    assert p.budget == {2568: Decimal("20000.00"), 2569: Decimal("15000.00"), 2570: None}
    assert p.budget_total == Decimal("35000.00")
    assert f"ของ{ORG} จำนวน 1,200 คน" in p.texts["target_group"]
    assert p.texts["responsible_unit"].strip() == "สำนักปลัด อบต."
    assert "ปีงบประมาณ 2568 จำนวน 20,000.00 บาท" in p.texts["budget"]
    assert all("{{" not in t for t in p.texts.values())
    assert plan.adopted_urls() == {"1.1.1-01": "anti-corruption/action-plan/1.1.1-01/"}


def test_status_and_spending_are_derived_at_each_cutoff(tmp_path: Path, catalog: Catalog) -> None:
    plan, _ = load(tmp_path, catalog, {"projects/1.1.1-01.yml": GOOD})
    assert plan is not None
    p = plan.projects[0]
    half, year = build_report(plan, 2569, "6m"), build_report(plan, 2569, "annual")
    assert half.cutoff == date(2026, 3, 31) and year.cutoff == date(2026, 9, 30)
    assert (half.rows[0].status, half.rows[0].spent) == (IN_PROGRESS, Decimal("2000.00"))
    assert (year.rows[0].status, year.rows[0].spent) == (DONE, Decimal("13000.00"))
    assert p.status_at(2568) == NOT_STARTED  # budgeted, nothing recorded
    assert half.total.counts == {NOT_STARTED: 0, IN_PROGRESS: 1, DONE: 0}
    # 2569 is current: its annual report is not published yet; 2570 has no progress at all
    assert available_reports(plan, 2569) == [(2569, "6m")]
    assert available_reports(plan, 2570) == [(2569, "annual"), (2569, "6m")]


def by_field(problems: list[Problem], field: str) -> list[Problem]:
    return [p for p in problems if p.field == field]


def test_unknown_catalog_id_suggests_close_ids(tmp_path: Path, catalog: Catalog) -> None:
    plan, problems = load(tmp_path, catalog, {"projects/1.1.1-09.yml": GOOD})
    assert plan is not None and plan.projects == ()
    [p] = [p for p in problems if p.severity == "error"]
    assert p.path == "content/plan/projects/1.1.1-09.yml"
    assert "ไม่มีโครงการรหัส 1.1.1-09" in p.thai and "1.1.1-01" in p.fix


def test_budget_problems_name_the_line(tmp_path: Path, catalog: Catalog) -> None:
    text = """
    responsible_unit: กองคลัง
    budget:
      2565: 1000
      2569:
      2570: หนึ่งหมื่น
    values:
      target_count: 10
    """
    _, problems = load(tmp_path, catalog, {"projects/1.1.1-01.yml": text})
    found = {(p.line, p.thai.split(" (")[0]) for p in by_field(problems, "budget")}
    assert (3, "ปีงบประมาณ 2565 อยู่นอกช่วงของแผน") in found
    assert (4, "ยังไม่ได้กรอกงบประมาณปี 2569") in found
    assert any(line == 5 and "หนึ่งหมื่น" in thai for line, thai in found)


def test_missing_budget_and_unit(tmp_path: Path, catalog: Catalog) -> None:
    _, problems = load(tmp_path, catalog, {"projects/4.1.1-01.yml": "values: {}\n"})
    assert [p.thai for p in by_field(problems, "budget")] == ["ยังไม่ได้กรอกงบประมาณของโครงการ"]
    assert [p.thai for p in by_field(problems, "responsible_unit")] == ["ยังไม่ได้กรอกหน่วยงานที่รับผิดชอบ"]


def test_every_unfilled_placeholder_is_named_with_file_and_line(tmp_path: Path, catalog: Catalog) -> None:
    text = """
    responsible_unit: กองการศึกษา
    budget:
      2569: 5000
    values:
      target_count: 120
    """
    _, problems = load(tmp_path, catalog, {"projects/1.3.1-02.yml": text})
    unfilled = [p for p in problems if p.field.startswith("values.")]
    assert [p.field for p in unfilled] == ["values.slogan_count"]
    [p] = unfilled
    assert (p.path, p.line, p.severity) == ("content/plan/projects/1.3.1-02.yml", 4, "error")
    assert "{{slogan_count}}" in p.thai and "catalog/projects/1.3.1-02.yml" in p.thai
    assert "slogan_count:" in p.fix


def test_raw_fill_in_marker_in_staff_text_is_refused(tmp_path: Path, catalog: Catalog) -> None:
    text = GOOD + "replace:\n  duration: ระบุจำนวนวันที่ดำเนินการ\n"
    _, problems = load(tmp_path, catalog, {"projects/1.1.1-01.yml": text})
    assert any(p.field == "duration" and "ระบุจำนวน" in p.thai for p in problems)


def test_progress_problems(tmp_path: Path, catalog: Catalog) -> None:
    text = """
    responsible_unit: สำนักปลัด
    budget:
      2569: 1000
    values:
      target_count: 10
    progress:
      2569:
        - date: 2569-10-05
          status: เสร็จแล้ว
          done: จัดอบรม
          spent: 1500
          evidence:
            - file: evidence/2569/photo.jpg
              title: ภาพการอบรม
        - date: 2569-01-10
          status: ดำเนินการแล้ว
          done: จัดอบรมรุ่น 2
          spent: 1500
    """
    write_plan(tmp_path, {"evidence/2569/photo1.jpg": "x"})
    _, problems = load(tmp_path, catalog, {"projects/1.1.1-01.yml": text})
    [status] = by_field(problems, "status")
    assert status.line == 9 and "ยังไม่ดำเนินการ / อยู่ระหว่างดำเนินการ / ดำเนินการแล้ว" in status.fix
    [when] = by_field(problems, "date")
    assert when.line == 8 and "ไม่อยู่ในปีงบประมาณ 2569" in when.thai
    [missing] = by_field(problems, "file")
    assert missing.line == 13 and "content/plan/evidence/2569/photo.jpg" in missing.thai
    assert "evidence/2569/photo1.jpg" in missing.fix  # the near name is suggested
    [over] = [p for p in problems if p.severity == "warning" and p.field == "progress"]
    assert "มากกว่างบประมาณ" in over.thai and over.line == 7


OWN = """
kind: โครงการ
sub_objective: 2.1.9
name: โครงการป้ายข้อมูลงบประมาณประจำหมู่บ้าน
rationale: เหตุผล
responsible_unit: กองคลัง
budget:
  2569: 100
"""


def test_own_project_needs_its_place_and_text(tmp_path: Path, catalog: Catalog) -> None:
    _, problems = load(tmp_path, catalog, {"projects/own-boards.yml": OWN})
    fields = {p.field for p in problems if p.severity == "error"}
    assert {"sub_objective", "objectives", "target_group", "method", "duration", "outputs", "outcomes"} <= fields
    ok = OWN.replace("2.1.9", "2.1.2") + "".join(
        f"{k}: ข้อความ{k}\n" for k in ("objectives", "target_group", "method", "duration", "outputs", "outcomes"))
    plan, problems = load(tmp_path, catalog, {"projects/own-boards.yml": ok})
    assert [p for p in problems if p.severity == "error"] == []
    assert plan is not None and plan.projects[0].own and plan.projects[0].dimension_id == "2"
    assert plan.projects[0].texts["responsible_unit"] == "กองคลัง"
    assert plan.adopted_urls() == {}


def test_overview_sums_per_objective_dimension_and_plan(tmp_path: Path, catalog: Catalog) -> None:
    other = "responsible_unit: กองคลัง\nbudget:\n  2569: 7000\n  2570: 3000\n"
    plan, problems = load(tmp_path, catalog, {"projects/1.1.1-01.yml": GOOD, "projects/2.1.2-01.yml": other})
    assert plan is not None and not [p for p in problems if p.severity == "error"]
    rows = {(r.level, r.id): r for r in overview(plan, catalog)}
    assert rows[("objective", "1.1")].cells[3].budget == Decimal("15000")
    assert rows[("objective", "1.2")].cells[3].count == 0
    assert rows[("dimension", "2")].cells[4].budget == Decimal("3000")
    total = rows[("total", "")]
    assert [c.count for c in total.cells] == [0, 0, 1, 2, 2]
    assert total.total_budget == Decimal("45000")


def test_datasets_have_a_column_dictionary(tmp_path: Path, catalog: Catalog) -> None:
    plan, _ = load(tmp_path, catalog, {"projects/1.1.1-01.yml": GOOD})
    assert plan is not None
    ds = plan_datasets(plan, catalog, 2570)
    assert set(ds) == {"plan", "plan-budget", "plan-progress"}
    for d in ds.values():
        assert all(c.title and c.description and c.type in ("text", "int", "money", "date") for c in d.columns)
        keys = {c.key for c in d.columns}
        assert all(set(row) <= keys for row in d.rows)
    assert [r["งบประมาณ"] for r in ds["plan-budget"].rows] == [Decimal("20000.00"), Decimal("15000.00"), Decimal("0")]
    progress = [(r["รอบรายงาน"], r["สถานะ"], r["ใช้จ่ายจริง"]) for r in ds["plan-progress"].rows]
    assert progress == [("รอบ 6 เดือน", IN_PROGRESS, Decimal("2000.00")), ("ประจำปี", DONE, Decimal("13000.00"))]
