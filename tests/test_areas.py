"""Area and item pages from the example content, and a second municipality built from content only."""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path
from urllib.parse import unquote

import pytest
from paths import ROOT

from generator import pages as page_generators
from generator.build import build, validate
from generator.framework import load_framework
from generator.model import Document, Page, Site
from generator.pages.areas import fiscal_years_with_data, item_page
from generator.thai import format_date

FIXTURE = ROOT / "tests" / "fixtures" / "nasommut"


@pytest.fixture(scope="module")
def example() -> tuple[Site, dict[str, Page]]:
    site, _ = validate(ROOT)
    pages, _files = page_generators.generate(site)
    return site, {p.path: p for p in pages}


def test_example_covers_every_register_and_dataset_item(example: tuple[Site, dict[str, Page]]) -> None:
    """Issue 3 §5: every item of the five areas (and the anti-corruption registers) is populated
    for fiscal years 2568 and 2569 — reports (``previous``) for the years they report on."""
    site, _ = example
    missing = []
    for area in load_framework().areas:
        for item in area.items:
            if item.kind in ("plan", "profile"):
                continue
            years = fiscal_years_with_data(site, item)
            want = {2567, 2568} if item.period == "previous" else set() if item.period == "standing" else {2568, 2569}
            if not want <= years or not years:
                missing.append((item.id, sorted(years)))
    assert missing == []


def test_areas_and_items_are_in_the_nav_records_are_not(example: tuple[Site, dict[str, Page]]) -> None:
    _, pages = example
    fw = load_framework()
    nav = [p.path for p in pages.values() if p.nav]
    area_pages = [f"{a.id}/index.md" for a in fw.areas]
    assert [p for p in nav if p in area_pages] == area_pages  # in areas.yml order
    for area in fw.areas:
        for item in area.items:
            assert pages[f"{item.url}index.md"].nav
    records = [p for p in pages.values() if p.path.count("/") == 3 and p.path.split("/")[1] in fw.items_by_id()]
    assert records, "documents with a body and news items get their own pages"
    assert not any(p.nav for p in records)
    # The area pages come right after the home page in the generators' order.
    order = list(pages)
    assert order.index("basic/index.md") < min(order.index(p) for p in order if p.startswith(("catalog/", "ita/")))


def test_item_page_lists_documents_newest_first_by_fiscal_year(example: tuple[Site, dict[str, Page]]) -> None:
    site, pages = example
    page = pages["administration/operation-plan/index.md"]
    body = page.body
    docs = site.documents_for("operation-plan")
    assert body.index("### ปีงบประมาณ 2569") < body.index("### ปีงบประมาณ 2568")
    positions = [body.index(format_date(d.date)) for d in docs]
    assert positions == sorted(positions)  # newest first
    assert f"ปรับปรุงล่าสุด {format_date(max(d.date for d in docs))}" in body
    assert "(PDF, " in body and " KB)" in body
    assert "ยังไม่มีข้อมูล" not in body
    twin = page.twin
    assert twin["item"]["id"] == "operation-plan"
    assert [d["date"] for d in twin["documents"]] == [d.date.isoformat() for d in docs]
    assert all(f["url"].startswith("files/") for d in twin["documents"] for f in d["files"])
    json.dumps(twin, ensure_ascii=False)  # serialisable as-is


def test_area_page_counts_documents_and_latest_date(example: tuple[Site, dict[str, Page]]) -> None:
    site, pages = example
    body = pages["budget/index.md"].body
    docs = site.documents_for("spending-plan")
    assert f"เอกสาร {len(docs)} รายการ · ล่าสุด {format_date(docs[0].date)}" in body
    assert "(../budget/" not in body and "(spending-plan/index.md)" in body  # relative links


def test_document_with_a_body_has_its_own_page(example: tuple[Site, dict[str, Page]]) -> None:
    site, pages = example
    doc = next(d for d in site.documents if d.has_page and d.item_id == "integrity-intent")
    page = pages[f"anti-corruption/integrity-intent/{doc.id}/index.md"]
    assert format_date(doc.date) in page.body and f"ปีงบประมาณ {doc.fiscal_year}" in page.body
    assert "(../index.md)" in page.body  # back to the register
    register = pages["anti-corruption/integrity-intent/index.md"].body
    assert f"({doc.id}/index.md)" in register


def _doc(item: str, when: date, fy: int | None = None) -> Document:
    from generator.thai import fiscal_year

    return Document(id=f"d{when.isoformat()}", item_id=item, title="เอกสาร", date=when,
                    fiscal_year=fy or fiscal_year(when), link="https://example.invalid/")


@pytest.mark.parametrize(("item_id", "docs", "notice"), [
    ("operation-plan", [date(2025, 3, 1)], "ยังไม่มีข้อมูลของปีงบประมาณ 2569"),
    ("operation-plan", [date(2025, 10, 1)], None),
    ("work-manual", [date(2020, 1, 1)], None),  # standing: no year is expected
    ("hr-report", [date(2024, 3, 20)], "ยังไม่มีข้อมูลของปีงบประมาณ 2568"),  # reports cover the previous year
    ("hr-report", [date(2025, 10, 20)], None),
    ("news", [], "ยังไม่มีข้อมูลของปีงบประมาณ 2569"),
])
def test_missing_current_year_is_said_plainly(example: tuple[Site, dict[str, Page]], item_id: str,
                                              docs: list[date], notice: str | None) -> None:
    site, _ = example
    empty = Site(root=site.root, settings=replace(site.settings, fiscal_year=2569))
    empty.documents = [_doc(item_id, d) for d in docs]
    item = load_framework().item(item_id)
    assert item is not None
    body = item_page(empty, item).body
    if notice:
        assert notice in body
    else:
        assert "ยังไม่มีข้อมูลของปีงบประมาณ" not in body


@pytest.mark.slow
def test_second_municipality_builds_from_content_only(tmp_path: Path) -> None:
    """An อบต. with another name, three divisions, no news: no code change, and nothing of the
    example municipality leaks into its site."""
    project = tmp_path / "nasommut"
    shutil.copytree(FIXTURE, project)
    if not (project / "mkdocs.yml").exists() and (ROOT / "mkdocs.yml").exists():
        shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    result = build(project, tmp_path / "out")
    out = result.out
    home = (out / "index.html").read_text("utf-8")
    assert "องค์การบริหารส่วนตำบลนาสมมุติ" in home
    leaked = [p.relative_to(out).as_posix() for p in out.rglob("*.html") if "ดอนตัวอย่าง" in p.read_text("utf-8")]
    assert leaked == []
    news = (out / "basic" / "news" / "index.html").read_text("utf-8")
    assert "ยังไม่มีข่าวประชาสัมพันธ์" in news
    complaints = (out / "transparency" / "complaint-statistics" / "index.html").read_text("utf-8")
    assert "ไม่มีเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ" in complaints
    procurement = (out / "budget" / "procurement-monthly" / "index.html").read_text("utf-8")
    assert "ไม่มีการจัดซื้อจัดจ้าง" in procurement and "20,150.00 บาท" in procurement
    plan = (out / "administration" / "operation-plan" / "index.html").read_text("utf-8")
    href = re.search(r'href="([^"]+\.pdf)"', plan)
    assert href and (out / "administration" / "operation-plan" / unquote(href.group(1))).resolve().is_file()
    assert (out / "administration" / "operation-plan" / "index.json").is_file()


def test_last_updated_comes_from_the_data(example: tuple[Site, dict[str, Page]]) -> None:
    site, pages = example
    # Complaints are reported to the end of September 2569.
    assert "ปรับปรุงล่าสุด 30 กันยายน 2569" in pages["transparency/complaint-statistics/index.md"].body
    # The plan's *planned* months are not updates: its newest document date is.
    plan_docs = site.documents_for("procurement-plan")
    assert f"ปรับปรุงล่าสุด {format_date(plan_docs[0].date)}" in pages["budget/procurement-plan/index.md"].body
