"""ITA on the example municipality: all 26 items of 2569 met; without the current complaint
statistics, o18 is missing on the page and in ``prongsai check --ita 2569 --strict``."""

from __future__ import annotations

import json
from pathlib import Path

from ita_fixtures import ROOT

from generator.pages import ita as ita_pages


def test_example_municipality_meets_all_26_items_of_2569() -> None:
    from generator.build import validate

    site, _ = validate(ROOT)
    page = next(p for p in ita_pages.generate(site) if p.path == "ita/2569/index.md")
    unmet = [(i["code"], i["title"], [t["missing"] for t in i["topics"] if t["status"] != "met"])
             for i in page.twin["items"] if i["status"] != "met"]
    assert unmet == []
    base = site.settings.site_url
    assert all(i["url"].startswith(base) and i["url"].endswith("/") for i in page.twin["items"])
    assert page.body.count("✔ ครบถ้วน") == 26


def test_example_without_current_complaint_statistics_fails_strict_check(tmp_path: Path) -> None:
    from safety_helpers import copy_project, run_cli

    from generator.build import validate

    project = copy_project(tmp_path / "project")
    folder = project / "content/data/complaints"
    current = [p for p in folder.rglob("*.csv") if p.stem in ("2569", "๒๕๖๙")]
    assert current, "the example records complaint statistics for fiscal year 2569"
    for p in current:
        p.unlink()
    rc, out, _ = run_cli("--root", str(project), "check", "--ita", "2569", "--strict",
                         "--json", str(tmp_path / "ita.json"))
    assert rc == 1
    line = next(x for x in out.splitlines() if x.strip().startswith("o18"))
    assert "ยังไม่มีข้อมูล" in line
    data = json.loads((tmp_path / "ita.json").read_text("utf-8"))
    assert [i["code"] for i in data["items"] if i["status"] != "met"] == ["o18"]
    site, _ = validate(project)
    page = next(p for p in ita_pages.generate(site) if p.path == "ita/2569/index.md")
    o18 = next(r for r in page.body.splitlines() if r.startswith("| o18 |"))
    assert "✘ ยังไม่มีข้อมูล" in o18
