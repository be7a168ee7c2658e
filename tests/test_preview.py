"""Preview builds (``prongsai serve``): after an edit only what changed is rendered again, and the
result is the same as rendering everything (issue #10 §4)."""

from __future__ import annotations

import filecmp
import importlib
from pathlib import Path

import pytest
from safety_helpers import copy_project

build_module = importlib.import_module("generator.build")
URL = "http://127.0.0.1:8000/"
DOC = """---
title: {title}
date: 2568-11-01
---
## ผลการดำเนินงาน

หน่วยงานได้ดำเนินการตามแผนที่กำหนดไว้ และรายงานผลให้ผู้บริหารทราบทุกเดือน
"""


def _preview(root: Path, out: Path) -> None:
    build_module.build(root, out=out, site_url=URL, preview=True)


def _differences(a: Path, b: Path) -> list[str]:
    """Files that differ or exist on one side only (search indexes left out: see render_preview)."""
    found: list[str] = []

    def walk(cmp: filecmp.dircmp[str], rel: str) -> None:
        found.extend(f"{rel}{n}" for n in cmp.left_only + cmp.right_only + cmp.diff_files)
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{rel}{name}/")

    walk(filecmp.dircmp(a, b, ignore=["search-index", "search_index.json"]), "")
    return found


@pytest.mark.slow
def test_a_preview_rebuild_renders_only_the_changed_pages_and_matches_a_full_render(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "p")
    doc = root / "content" / "documents" / "development-plan" / "ทดสอบการแสดงตัวอย่าง.md"
    doc.write_text(DOC.format(title="ประกาศผลการดำเนินงานฉบับแรก"), "utf-8")
    out = root / "build" / "preview"
    _preview(root, out)
    page = out / "basic" / "development-plan" / "ทดสอบการแสดงตัวอย่าง" / "index.html"
    assert "ประกาศผลการดำเนินงานฉบับแรก" in page.read_text("utf-8")
    untouched = out / "catalog" / "index.html"
    before = untouched.stat().st_mtime_ns

    doc.write_text(DOC.format(title="ประกาศผลการดำเนินงานฉบับแก้ไข"), "utf-8")
    _preview(root, out)
    assert "ประกาศผลการดำเนินงานฉบับแก้ไข" in page.read_text("utf-8")
    assert untouched.stat().st_mtime_ns == before, "a page whose Markdown did not change was rendered again"

    fresh = root / "build" / "fresh"
    _preview(root, fresh)  # another output folder: the config differs, so everything is rendered
    assert _differences(out, fresh) == []


@pytest.mark.slow
def test_a_removed_document_leaves_the_preview(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "p")
    doc = root / "content" / "documents" / "development-plan" / "ทดสอบการแสดงตัวอย่าง.md"
    doc.write_text(DOC.format(title="ประกาศที่จะลบออก"), "utf-8")
    out = root / "build" / "preview"
    _preview(root, out)
    page = out / "basic" / "development-plan" / "ทดสอบการแสดงตัวอย่าง" / "index.html"
    assert page.is_file()
    doc.unlink()
    _preview(root, out)
    assert not page.exists()
    assert "ประกาศที่จะลบออก" not in (out / "basic" / "development-plan" / "index.html").read_text("utf-8")
