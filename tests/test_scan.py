"""The site scan (generator/scan.py): the search index and the link check read pages while the site
renders, in another process, and must give exactly what reading the finished folder gives."""

from __future__ import annotations

import importlib
import random
import shutil
from pathlib import Path

import pytest
from safety_helpers import copy_project

from generator.checks.links import find_broken_links
from generator.scan import SiteScan
from generator.search.index import INDEX_DIR, index_site, page_url

build_module = importlib.import_module("generator.build")

SITE_URL = "https://www.example-tambon.go.th/"


def _page(title: str, body: str, up: str) -> str:
    return (f'<html><head><title>{title} - อบต.</title><link href="{up}assets/x.css" rel="stylesheet"></head>'
            f'<body><nav><a href="{up}">หน้าแรก</a></nav><article><h1 id="t">{title}</h1>{body}</article></body></html>')


@pytest.fixture
def small_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    pages = {
        "index.html": _page("หน้าแรก", '<p>ประกาศ <a href="news/#t">ข่าว</a> <a href="gone/">หาย</a></p>', ""),
        "news/index.html": _page("ข่าวประชาสัมพันธ์", '<h2>ปี 2569</h2><a href="../#nowhere">x</a>', "../"),
        "budget/plan/index.html": _page("แผนการจัดซื้อจัดจ้าง", '<a href="../../files/แผน.pdf">แผน</a>', "../../"),
        "404.html": _page("ไม่พบหน้า", '<a href="/missing-too/">x</a>', "/"),
    }
    for rel, text in pages.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(text, "utf-8")
    (site / "assets").mkdir()
    (site / "assets" / "x.css").write_text("", "utf-8")
    return site


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_scan_in_any_order_equals_reading_the_finished_site(small_site: Path, tmp_path: Path, seed: int) -> None:
    reference = tmp_path / "reference"
    shutil.copytree(small_site, reference)
    expected_index = index_site(reference)
    expected_links = find_broken_links(reference, SITE_URL)
    assert {(b.page, b.url) for b in expected_links} == {
        ("index.html", "gone/"), ("news/index.html", "../#nowhere"),
        ("budget/plan/index.html", "../../files/แผน.pdf"), ("404.html", "/missing-too/"),
    }

    pages = ["index.html", "news/index.html", "budget/plan/index.html", "never/written/index.html"]
    random.Random(seed).shuffle(pages)
    with SiteScan(small_site, SITE_URL) as scan:
        for rel in pages[: 2 + seed % 2]:  # some pages reported, the rest found at the end
            scan.page_written(rel)
        result = scan.finish()

    assert result.broken_links == expected_links
    assert result.index == expected_index
    assert _tree(small_site / INDEX_DIR) == _tree(reference / INDEX_DIR)


def test_a_failure_in_the_worker_stops_the_build(small_site: Path) -> None:
    (small_site / "odd.html").mkdir()  # a folder where a page should be: it cannot be read
    with SiteScan(small_site, SITE_URL) as scan:
        scan.page_written("odd.html")
        with pytest.raises(RuntimeError, match="IsADirectoryError"):
            scan.finish()


def test_the_renderer_reports_every_page_once_after_writing_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = copy_project(tmp_path / "p")
    reported: list[tuple[str, bool]] = []
    real_render = build_module.render

    def render(*args: object, on_page: object = None, **kwargs: object) -> Path:
        out = Path(str(args[3]))
        assert callable(on_page)

        def record(rel: str) -> None:
            reported.append((rel, (out / rel).is_file() and (out / rel).read_bytes().rstrip().endswith(b"</html>")))
            on_page(rel)

        return Path(real_render(*args, on_page=record, **kwargs))

    monkeypatch.setattr(build_module, "render", render)
    build_module.build(root)
    pages = {p.relative_to(root / "site").as_posix() for p in (root / "site").rglob("*.html")}
    assert len(reported) == len({rel for rel, _ in reported})  # once each
    assert all(whole for _, whole in reported)  # already written, completely
    assert {rel for rel, _ in reported} == pages - {"404.html"}  # the theme's 404 is found at the end
    # in order of address, which lets the search index skip ranking them (search/index.py)
    urls = [page_url(rel) for rel, _ in reported]
    assert urls == sorted(str(u) for u in urls)


def test_a_dead_worker_neither_blocks_the_render_nor_hangs_the_build(small_site: Path) -> None:
    with SiteScan(small_site, SITE_URL) as scan:
        worker = scan._workers[0]._process
        worker.kill()
        worker.join()
        for n in range(20_000):  # far more than a pipe holds: reporting pages must not block
            scan.page_written(f"page-{n}/index.html")
        with pytest.raises(RuntimeError, match="exit code -9"):
            scan.finish()


def test_worker_processes_import_little() -> None:
    """The workers import one module each; the package must not pull in the whole build (MkDocs,
    page generators) with it, which cost every worker a tenth of a second before its first page."""
    import subprocess
    import sys

    code = ("import sys, generator.scan, generator.checks.pdpa; "
            "print(sorted(m for m in sys.modules if m.startswith(('mkdocs', 'generator.pages', 'generator.render'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
    import generator.build as via_import  # noqa: F401
    from generator import build  # the public API still gives the function, not the submodule

    assert callable(build) and build.__module__ == "generator.build"
