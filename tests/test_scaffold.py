"""Issue #9: a new municipality's repository builds at once; CI workflows call real commands;
build-all rebuilds only what changed."""

from __future__ import annotations

import argparse
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from paths import ROOT

from generator.build_all import STAMP, build_all
from generator.cli import main, make_parser
from generator.scaffold import new_project

PRONGSAI = [sys.executable, "-m", "generator"]


def test_new_project_builds_with_no_edit_and_its_name_on_every_page(tmp_path: Path) -> None:
    dest = tmp_path / "x"
    assert main(["new", str(dest), "--name", "หนองบัว", "--type", "อบต."]) == 0
    # `prongsai build` run inside the new folder, as the issue says.
    run = subprocess.run([*PRONGSAI, "build"], cwd=dest, capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    pages = sorted((dest / "site").rglob("*.html"))
    assert len(pages) > 40
    missing = [p for p in pages if "องค์การบริหารส่วนตำบลหนองบัว" not in p.read_text("utf-8")]
    assert not missing, missing[:5]
    # the type's words, never the municipal ones
    executives = (dest / "site" / "basic" / "executives" / "index.html").read_text("utf-8")
    assert "นายกเทศมนตรี" not in executives


def test_every_item_folder_has_thai_instructions(tmp_path: Path) -> None:
    from generator.framework import load_framework

    dest = new_project(tmp_path / "y", "องค์การบริหารส่วนจังหวัดตัวอย่าง", "อบจ.")
    for area in load_framework().areas:
        for item in area.items:
            readme = (dest / "content" / "documents" / item.id / "README.md").read_text("utf-8")
            assert item.title in readme and "date:" in readme


def test_new_refuses_a_folder_with_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "keep.txt").write_text("staff file")
    assert main(["new", str(tmp_path), "--name", "ก", "--type", "อบต."]) == 1
    assert "มีไฟล์อยู่แล้ว" in capsys.readouterr().err
    assert (tmp_path / "keep.txt").read_text() == "staff file"


def test_new_rejects_an_unknown_type(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", str(tmp_path / "z"), "--name", "ก", "--type", "อำเภอ"]) == 1
    assert "ไม่รู้จักประเภทหน่วยงาน" in capsys.readouterr().err


def test_check_prints_github_annotations(tmp_path: Path) -> None:
    dest = new_project(tmp_path / "a", "ทดสอบ", "เทศบาลตำบล")
    bad = dest / "content" / "documents" / "operation-plan" / "แผน.md"
    bad.write_text("---\ntitle: แผนการดำเนินงาน\ndate: 2569-02-31\n---\n", encoding="utf-8")
    env = {**os.environ, "GITHUB_ACTIONS": "true"}
    run = subprocess.run([*PRONGSAI, "check"], cwd=dest, capture_output=True, text=True, env=env, check=False)
    assert run.returncode != 0
    line = next(x for x in run.stdout.splitlines() if x.startswith("::error "))
    assert re.match(r"::error file=content/documents/operation-plan/แผน\.md,line=3::", line), line
    assert "ไม่มีอยู่จริง" in line


def _subcommands() -> set[str]:
    names: set[str] = set()
    for action in make_parser()._actions:
        if isinstance(action, argparse._SubParsersAction):
            names.update(action.choices)
    return names


WORKFLOWS = sorted(
    [*ROOT.joinpath(".github", "workflows").glob("*.yml"), *ROOT.joinpath("generator", "data", "scaffold", "github").glob("*.yml")]
)


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_steps_call_real_commands(workflow: Path) -> None:
    data = yaml.safe_load(workflow.read_text("utf-8"))
    commands = _subcommands()
    runs = [step["run"] for job in data["jobs"].values() for step in job.get("steps", []) if "run" in step]
    assert runs, "a workflow with no command does nothing"
    for script in runs:
        for line in script.splitlines():
            words = shlex.split(line)
            if words and words[0] == "prongsai":
                assert words[1] in commands, f"{workflow.name}: unknown command {line!r}"
            if words[:1] == ["make"]:
                makefile = (ROOT / "Makefile").read_text("utf-8")
                assert re.search(rf"^{words[1]}:", makefile, re.M), f"no make target {words[1]}"


def test_pull_request_workflow_checks_and_builds_strictly() -> None:
    pr = yaml.safe_load((ROOT / "generator/data/scaffold/github/pull-request.yml").read_text("utf-8"))
    runs = " ".join(s.get("run", "") for s in pr["jobs"]["check"]["steps"])
    assert "prongsai check" in runs and "prongsai build --strict" in runs
    assert "pull_request" in pr[True]  # YAML 1.1 reads the key `on` as True


def test_build_all_rebuilds_only_changed_municipalities(tmp_path: Path) -> None:
    projects = [new_project(tmp_path / "src" / f"m{i:02d}", f"ทดสอบ{i}", "อบต.") for i in range(20)]
    out = tmp_path / "out"
    first = build_all(projects, out, jobs=2)
    assert [o.status for o in first] == ["built"] * 20, [o.message for o in first if o.status == "failed"]
    changed = {"m03", "m11"}
    for name in changed:
        news = tmp_path / "src" / name / "content" / "news" / "2569-11-01-ข่าว.md"
        news.write_text("---\ntitle: ข่าวใหม่\ndate: 2569-11-01\n---\nเนื้อหา\n", encoding="utf-8")
    second = build_all(projects, out, jobs=2)
    rebuilt = {o.project for o in second if o.status == "built"}
    assert rebuilt == changed
    assert sum(o.status == "skipped" for o in second) == 18
    assert (out / "m03" / STAMP).is_file()
    assert "ข่าวใหม่" in (out / "m03" / "basic" / "news" / "index.html").read_text("utf-8")
