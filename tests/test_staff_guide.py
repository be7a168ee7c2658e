"""Issue #9 §4: the Thai staff guide is published, stays out of the navigation, and what it
tells staff is what the tools really do."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from paths import ROOT

from generator.build import validate
from generator.errors import ValidationFailed, format_problems
from generator.framework import load_framework
from generator.pages.staff import guide_markdown, procurement_csv_example


@pytest.fixture(scope="module")
def guide() -> str:
    site, _ = validate(ROOT)
    return guide_markdown(site)


def test_guide_names_the_municipality_and_every_item_folder(guide: str) -> None:
    site, _ = validate(ROOT)
    assert site.organisation is not None and site.organisation.name in guide
    for item in load_framework().items_by_id().values():
        assert f"`{item.id}`" in guide
    assert "{{" not in guide


def _project_copy(tmp_path: Path) -> Path:
    dest = tmp_path / "p"
    dest.mkdir()
    for name in ("content", "catalog"):
        shutil.copytree(ROOT / name, dest / name, symlinks=True)
    return dest


def _problems(root: Path) -> str:
    try:
        validate(root)
    except ValidationFailed as exc:
        return format_problems(exc.problems)
    return ""


def test_the_csv_example_in_the_guide_passes_validation(tmp_path: Path) -> None:
    root = _project_copy(tmp_path)
    header, row = procurement_csv_example()
    target = root / "content" / "data" / "procurement" / "2569-01.csv"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(f"{header}\n{row}\n", encoding="utf-8")
    assert "2569-01.csv" not in _problems(root)


def test_messages_quoted_in_the_guide_are_the_real_ones(tmp_path: Path, guide: str) -> None:
    root = _project_copy(tmp_path)
    docs = root / "content" / "documents" / "operation-plan"
    docs.mkdir(parents=True, exist_ok=True)
    (docs / "แผน-2569.md").write_text(
        "---\ntitle: แผนการดำเนินงาน\ndate: 2569-02-30\nfiles:\n  - file: ไม่มี.pdf\n    title: แผน\n---\n",
        encoding="utf-8",
    )
    (docs / "ปีผิด.md").write_text("---\ntitle: แผน\ndate: 2026-01-10\n---\n", encoding="utf-8")
    (docs / "ย่อหน้าผิด.md").write_text("---\ntitle: [แผน\ndate: 2569-01-10\n---\n", encoding="utf-8")
    (docs / "ansi.md").write_bytes("---\ntitle: แผนการดำเนินงานประจำปี\ndate: 2569-01-10\n---\n".encode("cp874"))
    wrong = root / "content" / "documents" / "operation-plans"
    wrong.mkdir()
    (wrong / "a.md").write_text("---\ntitle: แผน\ndate: 2569-01-10\n---\n", encoding="utf-8")
    plan = next((root / "content" / "plan" / "projects").glob("*.yml"))
    text = plan.read_text("utf-8")
    assert "status: " in text
    plan.write_text(re.sub(r"status: \S+", "status: กำลังทำ", text, count=1), encoding="utf-8")

    output = _problems(root)
    # the worked example, line for line
    example = re.search(r"```text\n(content/documents/operation-plan/แผน-2569\.md.*?)```", guide, re.S)
    assert example
    for line in example.group(1).strip().splitlines():
        assert line.strip() in output, line
    # the first words of every message in the guide's table
    table = re.findall(r"^\| ([^|]+?) \| ", guide.split("## เมื่อระบบแจ้งข้อผิดพลาด")[1].split("## รหัสหัวข้อ")[0], re.M)
    quoted = [cell.split("“")[0].split("…")[0].strip() for cell in table if cell not in ("ข้อความ", "---")]
    assert len(quoted) >= 6
    for start in quoted:
        assert start in output, f"the guide quotes a message the tools never print: {start!r}"
