"""The site scan (generator/scan.py): cleaning each page's content, the search index and the link
check read pages while the site renders, in another process, and must give exactly what reading
the finished folder gives."""

from __future__ import annotations

import importlib
import random
import shutil
from pathlib import Path
from typing import Any

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


@pytest.mark.parametrize("seed", [0, 1])
def test_a_renderer_that_lists_its_files_and_reports_every_page_gets_the_same(
        small_site: Path, tmp_path: Path, seed: int) -> None:
    """With the list of files to be written (checked at the end, not read from the folder) and
    every HTML file reported (the folder is not listed for others), the result is still that of
    reading the finished folder: a link to a listed file that was not written is broken, a link
    to a file written but not listed is not."""
    (small_site / "extra").mkdir()
    (small_site / "extra" / "index.html").write_text(_page(
        "อื่น ๆ", '<a href="../files/listed.pdf">x</a><a href="unlisted.txt">y</a><a href="../news/#t">z</a>'
        '<a href="../budget/plan/#gone">w</a>', "../"), "utf-8")
    (small_site / "extra" / "unlisted.txt").write_text("", "utf-8")
    reference = tmp_path / "reference"
    shutil.copytree(small_site, reference)
    expected_index = index_site(reference)
    expected_links = find_broken_links(reference, SITE_URL)
    assert {(b.page, b.url) for b in expected_links} >= {
        ("extra/index.html", "../files/listed.pdf"), ("extra/index.html", "../budget/plan/#gone")}

    files = [p.relative_to(small_site).as_posix() for p in small_site.rglob("*") if p.is_file()]
    listed = [f for f in files if f != "extra/unlisted.txt"] + ["files/listed.pdf", "never/written/index.html"]
    pages = [*sorted(f for f in files if f.endswith(".html")), "never/written/index.html"]
    random.Random(seed).shuffle(pages)
    with SiteScan(small_site, SITE_URL) as scan:
        scan.page_written.will_write(listed)
        for rel in pages:
            scan.page_written(rel)
        scan.page_written.all_reported()
        result = scan.finish()

    assert result.broken_links == expected_links
    assert result.index == expected_index
    assert _tree(small_site / INDEX_DIR) == _tree(reference / INDEX_DIR)


class _Recorder:
    """Stands for ``SiteScan.page_written`` between the renderer and the scan: records what the
    renderer says, and when."""

    def __init__(self, out: Path, report: Any) -> None:
        self.out, self.report = out, report
        self.pages: list[tuple[str, bool]] = []  # (path, whole when reported)
        self.listed: list[str] | None = None
        self.all_reported_after = -1  # how many pages had been reported

        self.marks = report.marks
        self.spans = 0  # pages reported with the span of their content to clean

    def __call__(self, rel: str, span: tuple[int, int, int] | None = None) -> None:
        path = self.out / rel
        self.pages.append((rel, path.is_file() and path.read_bytes().rstrip().endswith(b"</html>")))
        if span is None:
            self.report(rel)
        else:  # the span is that of the page as written
            assert len(path.read_text("utf-8")) == span[2]
            self.spans += 1
            self.report(rel, span)

    def will_write(self, files: list[str]) -> None:
        assert not self.pages  # before the first page
        self.listed = list(files)
        self.report.will_write(files)

    def all_reported(self) -> None:
        self.all_reported_after = len(self.pages)
        self.report.all_reported()


def test_the_renderer_reports_every_page_once_after_writing_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = copy_project(tmp_path / "p")
    recorders: list[_Recorder] = []
    real_render = build_module.render

    def render(*args: object, on_page: object = None, **kwargs: object) -> Path:
        assert callable(on_page)
        recorders.append(_Recorder(Path(str(args[3])), on_page))
        return Path(real_render(*args, on_page=recorders[0], **kwargs))

    monkeypatch.setattr(build_module, "render", render)
    build_module.build(root)
    (recorder,) = recorders
    site_files = {p.relative_to(root / "site").as_posix() for p in (root / "site").rglob("*") if p.is_file()}
    reported = [rel for rel, _ in recorder.pages]
    assert len(reported) == len(set(reported))  # once each
    assert all(whole for _, whole in recorder.pages)  # already written, completely
    assert set(reported) == {f for f in site_files if f.endswith(".html") and not f.startswith(INDEX_DIR + "/")}
    assert recorder.all_reported_after == len(reported)
    assert recorder.listed is not None and sorted(recorder.listed) == sorted(
        f for f in site_files if not f.startswith(INDEX_DIR + "/"))
    # The theme's 404 page (written before the pages) first, then the pages in order of address,
    # which lets the search index skip ranking them (search/index.py).
    assert reported[0] == "404.html"
    urls = [page_url(rel) for rel in reported[1:]]
    assert urls == sorted(str(u) for u in urls)
    # Every page but the theme's 404 came with its content to clean, and no marker was left.
    assert recorder.spans == len(reported) - 1
    for rel in reported:
        assert "prongsai-clean" not in (root / "site" / rel).read_text("utf-8")


def _marked(scan: SiteScan, site: Path, rel: str, content: str) -> None:
    """Write a page whose content is ``content`` as the renderer does, and report it."""
    from generator.sanitize import mark, unmark

    page = f"<html><head><title>ทดสอบ</title></head><body><article>{mark(content, scan.page_written.marks)}</article></body></html>"
    text, span = unmark(page, scan.page_written.marks)
    (site / rel).parent.mkdir(parents=True, exist_ok=True)
    (site / rel).write_text(text, "utf-8")
    scan.page_written(rel, span)


def test_the_scan_cleans_the_content_it_is_told_of(small_site: Path) -> None:
    """Script in a page's content is taken out of the file, and out of what is indexed; the rest
    of the page (the theme's own script) stays, and a clean page is not written again."""
    with SiteScan(small_site, SITE_URL) as scan:
        _marked(scan, small_site, "dirty/index.html", '<p>ข่าวดี<script>alert("x")</script><img src="a.png" onerror="x()"></p>')
        _marked(scan, small_site, "clean/index.html", "<p>ข่าวธรรมดา</p>")
        before = (small_site / "clean" / "index.html").stat().st_mtime_ns
        scan.page_written("index.html")
        result = scan.finish()
    assert result.cleaned == 2
    dirty = (small_site / "dirty" / "index.html").read_text("utf-8")
    assert "alert" not in dirty and "onerror" not in dirty and "<p>ข่าวดี" in dirty
    assert (small_site / "clean" / "index.html").stat().st_mtime_ns == before
    assert not list(small_site.rglob("*.clean"))


def test_a_page_reported_for_cleaning_but_not_cleaned_fails_the_build(small_site: Path) -> None:
    """The build stops rather than publish a page whose content was not cleaned: here the page
    was reported but is not there to read."""
    with SiteScan(small_site, SITE_URL) as scan:
        scan.page_written("gone/index.html", (0, 10, 20))
        with pytest.raises(RuntimeError, match="cleaned 0 pages of 1"):
            scan.finish()


def test_a_page_changed_after_it_was_measured_is_not_cleaned_blindly(small_site: Path) -> None:
    """A span is only trusted on the page it was measured on (same length)."""
    with SiteScan(small_site, SITE_URL) as scan:
        scan.page_written("index.html", (0, 10, 7))
        with pytest.raises(RuntimeError, match="cannot be cleaned"):
            scan.finish()


def test_a_dead_worker_neither_blocks_the_render_nor_hangs_the_build(small_site: Path) -> None:
    with SiteScan(small_site, SITE_URL) as scan:
        worker = scan._worker._process
        worker.kill()
        worker.wait()
        for n in range(20_000):  # far more than a pipe holds: reporting pages must not block
            scan.page_written(f"page-{n}/index.html")
        with pytest.raises(RuntimeError, match="exit code -9"):
            scan.finish()


def test_worker_processes_import_little() -> None:
    """The workers import one module; the package must not pull in the whole build (MkDocs,
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
