"""The catalog browser: every title on the built site, readable placeholders, filters without
JavaScript, adoption badges from the plan."""

from __future__ import annotations

import html
import re
from dataclasses import replace
from pathlib import Path

import pytest
from paths import ROOT

from generator.build import build
from generator.catalog import load_catalog
from generator.catalog.model import Catalog
from generator.errors import Collector
from generator.model import Page, Site
from generator.pages import catalog as catalog_pages


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(ROOT / "catalog", Collector(ROOT))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("catalog-build") / "site"
    return build(ROOT, out=out).out


def text_of(page: Path) -> str:
    """Visible text of a built page, tags dropped and entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", page.read_text("utf-8")))


def test_every_title_is_on_the_built_site(built: Path, catalog: Catalog) -> None:
    index_pages = [built / "catalog" / f"dimension-{d}" / "index.html" for d in "1234"]
    listed = "\n".join(text_of(p) for p in index_pages)
    for p in catalog.projects:
        title = catalog_pages.plain(p.name, catalog)
        page = built / "catalog" / p.id / "index.html"
        assert title in text_of(page), p.id
        assert f"<title>{html.escape(title, quote=False)}" in page.read_text("utf-8").replace("&quot;", '"'), p.id
        assert title in listed, p.id


def test_no_raw_placeholder_or_example_name_on_the_site(built: Path) -> None:
    for page in (built / "catalog").rglob("*.html"):
        text = page.read_text("utf-8")
        assert not re.search(r"\{\{\s*[a-z_]+\s*\}\}", text), page
        assert "โคกก่อ" not in text
    page = text_of(built / "catalog" / "1.1.1-01" / "index.html")
    assert "จำนวน [จำนวนกลุ่มเป้าหมาย] คน" in page
    assert "[งบประมาณ]" in page and "[หน่วยงานที่รับผิดชอบ]" in page


def test_project_page_has_the_nine_fields_as_headings_and_lists(built: Path) -> None:
    page = (built / "catalog" / "2.1.3-01" / "index.html").read_text("utf-8")
    page = page.split("<article", 1)[1].split("</article>", 1)[0]
    headings = re.findall(r'<h2 id="([a-z-]+)"[^>]*>([^<]+)', page)
    assert [h[1] for h in headings] == ["หลักการและเหตุผล", "วัตถุประสงค์", "กลุ่มเป้าหมาย", "วิธีดำเนินการ",
                                        "ระยะเวลาดำเนินการ", "งบประมาณดำเนินการ", "ผู้รับผิดชอบ",
                                        "ผลผลิต", "ผลลัพธ์"]
    assert [h[0] for h in headings][3] == "method"
    method = page.split('id="method"')[1].split("<h2")[0]
    assert method.count("<ol") == 3  # steps, sub-steps 2.1–2.2, and 2.1.1–2.1.5 inside 2.1
    assert "ข้อมูลพื้นฐาน ได้แก่" in method


def test_index_filters_by_dimension_and_kind_without_javascript(built: Path, catalog: Catalog) -> None:
    index = (built / "catalog" / "index.html").read_text("utf-8")
    for d in "1234":
        assert f'href="dimension-{d}/"' in index
    # the dimension x kind table links each cell to the kind list at the dimension's heading
    measures_in_2 = len(catalog.projects_in(dimension_id="2", kind="มาตรการ"))
    assert f'<a href="kind/measure/#dimension-2">{measures_in_2}</a>' in index
    kind_page = (built / "catalog" / "kind" / "measure" / "index.html").read_text("utf-8")
    section = kind_page.split('id="dimension-2"')[1].split("<h2")[0]
    assert section.count("<li>") == measures_in_2
    activities = text_of(built / "catalog" / "kind" / "activity" / "index.html")
    for p in catalog.projects:
        assert (catalog_pages.plain(p.name, catalog) in activities) == (p.kind == "กิจกรรม")


def test_only_index_and_dimensions_in_navigation(catalog: Catalog) -> None:
    site = Site(root=ROOT, settings=None, catalog=catalog)
    pages = [p for p in catalog_pages.generate(site) if isinstance(p, Page)]
    nav = sorted(p.path for p in pages if p.nav)
    assert nav == ["catalog/dimension-1/index.md", "catalog/dimension-2/index.md",
                   "catalog/dimension-3/index.md", "catalog/dimension-4/index.md", "catalog/index.md"]
    assert len(pages) == 1 + 4 + 3 + 62  # no "adopted" page without a plan
    assert all(re.fullmatch(r"[a-z0-9./-]+", p.path) for p in pages)  # ASCII URLs


class FakePlan:
    def adopted_urls(self) -> dict[str, str]:
        return {"1.1.1-01": "anti-corruption/action-plan/1.1.1-01/", "4.3.2-01": "anti-corruption/action-plan/4.3.2-01/"}


def test_adopted_projects_are_marked_and_filterable(catalog: Catalog) -> None:
    site = Site(root=ROOT, settings=None, catalog=catalog, plan=FakePlan())
    pages = {p.path: p for p in catalog_pages.generate(site) if isinstance(p, Page)}
    project = pages["catalog/1.1.1-01/index.md"].body
    assert catalog_pages.ADOPTED_BADGE in project
    assert "(../../anti-corruption/action-plan/1.1.1-01/)" in project
    assert catalog_pages.ADOPTED_BADGE not in pages["catalog/1.1.1-02/index.md"].body
    dimension = pages["catalog/dimension-4/index.md"].body
    line = next(ln for ln in dimension.splitlines() if "รหัส 4.3.2-01" in ln)
    assert f"**[{catalog_pages.ADOPTED_BADGE}](../../anti-corruption/action-plan/4.3.2-01/)**" in line
    adopted = pages["catalog/adopted/index.md"]
    assert not adopted.nav
    assert adopted.body.count("\n- [") == 2
    assert "(adopted/index.md#dimension-1)" in pages["catalog/index.md"].body


def test_empty_catalog_makes_no_pages() -> None:
    site = Site(root=ROOT, settings=None, catalog=replace(Catalog(), projects=()))
    assert list(catalog_pages.generate(site)) == []
