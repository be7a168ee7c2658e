"""Link check: broken internal links, anchors and attachments are found; --strict stops the build."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
from safety_helpers import copy_project, hash_tree, run_cli

from generator.checks.links import LinkScan, find_broken_links
from generator.model import OutputFile, Page, Site

build_module = importlib.import_module("generator.build")
links_module = importlib.import_module("generator.checks.links")

SITE_URL = "https://www.example-tambon.go.th/"


def _write(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, "utf-8")
    return root


def _page(body: str, ids: str = "", up: str = "../") -> str:
    return f'<html><head><link href="{up}assets/x.css" rel="stylesheet"></head><body>{ids}{body}</body></html>'


def test_finds_missing_pages_files_and_anchors(tmp_path: Path) -> None:
    site = _write(tmp_path, {
        "index.html": _page('<a href="news/">ข่าว</a><a href="news/#top">บน</a><a href="#main">x</a>'
                            '<a href="files/แผน-2569.pdf">pdf</a>', '<main id="main"></main>', up=""),
        "news/index.html": _page(
            '<a href="../">หน้าแรก</a>'
            '<a href="../missing/">หาย</a>'  # missing page
            '<a href="../files/%E0%B9%81%E0%B8%9C%E0%B8%99-2569.pdf">แผน</a>'  # encoded Thai: fine
            '<a href="../files/ไม่มี.pdf">ไม่มี</a>'  # missing attachment
            '<a href="../#nowhere">ไม่มีหัวข้อ</a>'  # missing anchor
            '<a href="https://process3.gprocurement.go.th/x">e-GP</a>'  # other host: not followed
            f'<a href="{SITE_URL}news/">ตัวเอง</a><a href="{SITE_URL}gone/">หาย</a>'  # own host: checked
            '<a href="mailto:a@b.c">m</a><a href="tel:021234567">t</a>'
            '<a href="../files/แผน 2569.pdf">ช่องว่าง</a>'  # a raw space: not a valid URL
            '<img src="../img/logo.png">'  # missing image
            '<script>var s = \'<a href="nope/">\';</script><!-- <a href="nope2/"> -->', '<h1 id="top">ข่าว</h1>'),
        "files/แผน-2569.pdf": "%PDF",
        "assets/x.css": "",
    })
    broken = {(b.page, b.url, b.reason) for b in find_broken_links(site, SITE_URL)}
    assert broken == {
        ("news/index.html", "../missing/", "missing"),
        ("news/index.html", "../files/ไม่มี.pdf", "missing"),
        ("news/index.html", "../#nowhere", "anchor"),
        ("news/index.html", f"{SITE_URL}gone/", "missing"),
        ("news/index.html", "../files/แผน 2569.pdf", "space"),
        ("news/index.html", "../img/logo.png", "missing"),
    }


def test_site_under_a_sub_path(tmp_path: Path) -> None:
    site = _write(tmp_path, {
        "index.html": _page('<a href="/tambon/news/">ข่าว</a><a href="/news/">นอกเว็บ</a><a href="/tambon">บ้าน</a>', up="/tambon/"),
        "news/index.html": _page('<a href="/tambon/.">หน้าแรก</a>'),
        "assets/x.css": "",
    })
    assert [b.url for b in find_broken_links(site, "https://host.example/tambon/")] == ["/news/"]


def test_a_link_repeated_on_many_pages_is_judged_where_it_is(tmp_path: Path) -> None:
    """Verdicts are shared between pages only where the link points to the same place: the same
    relative link is fine on one page and broken on another."""
    built = _write(tmp_path / "site", {
        "index.html": _page('<a href="a/">a</a><a href="b/">b</a><a href="#top">t</a>', '<h1 id="top">x</h1>', ""),
        "a/index.html": _page('<a href="../">h</a><a href="../a/#in">in</a><a href="x/">x</a><a href="#top">t</a>',
                              '<p id="in">in</p>'),
        "a/x/index.html": _page('<a href="../../">h</a><a href="../../a/#in">in</a><a href="../">up</a>', "", "../../"),
        "b/index.html": _page('<a href="../">h</a><a href="../a/#in">in</a><a href="x/">x</a><a href="../../">out</a>'),
        "b/y/index.html": _page('<a href="../../">h</a><a href="../">up</a><a href="../../b/#in">in</a>', "", "../../"),
        "assets/x.css": "",
    })
    found = {(b.page, b.url, b.reason) for b in find_broken_links(built, SITE_URL)}
    assert found == {
        ("a/index.html", "#top", "anchor"),
        ("b/index.html", "x/", "missing"),
        ("b/y/index.html", "../../b/#in", "anchor"),
    }


def _scan_early(built: Path, files: list[str], site_url: str = SITE_URL) -> list[tuple[str, str, str]]:
    """The link check as the build runs it: told ``files`` first, then given each HTML page; told
    them after the pages instead, it must find the same."""
    results = []
    for told_first in (True, False):
        scan = LinkScan()
        if told_first:
            scan.expect(built, site_url, files)
        for page in sorted(p.relative_to(built).as_posix() for p in built.rglob("*.html")):
            scan.add_page(page, (built / page).read_text("utf-8"))
        if not told_first:
            scan.expect(built, site_url, files)
        results.append([(b.page, b.url, b.reason) for b in scan.broken_links(built, site_url)])
    assert results[0] == results[1]
    return results[0]


def test_links_resolved_as_pages_come_match_reading_the_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Told which files the site will have, the check resolves links as pages come, and at the end
    only checks that those files are there: whatever the list, it finds what reading the folder
    finds, including a link to a file the renderer listed and did not write."""
    built = _write(tmp_path / "site", {
        "index.html": _page('<a href="news/#top">a</a><a href="files/x.pdf">x</a><a href="files/late.pdf">l</a>'
                            '<a href="extra/">e</a><a href="news">n</a>', up=""),
        "news/index.html": _page('<a href="../#nowhere">x</a><a href="../lost/">l</a><a href="#top">t</a>',
                                 '<h1 id="top">ข่าว</h1>'),
        "extra/index.html": _page('<a href="../news/#top">t</a><a href="../news/#gone">g</a>'),
        "files/x.pdf": "%PDF",
        "assets/x.css": "",
    })
    files = sorted(p.relative_to(built).as_posix() for p in built.rglob("*") if p.is_file())
    expected = [(b.page, b.url, b.reason) for b in find_broken_links(built, SITE_URL)]
    assert ("index.html", "files/late.pdf", "missing") in expected
    with monkeypatch.context() as m:  # the right list: the folder is not read
        m.setattr(links_module, "_folder", lambda built: pytest.fail("read the folder"))
        assert _scan_early(built, files) == expected
    for listed in (
        [*files, "files/late.pdf"],  # listed, never written: still broken
        [*files, "news/late/index.html", "lost/index.html"],  # the same for pages
        [f for f in files if f != "files/x.pdf"],  # written, not listed: still fine
        [f for f in files if not f.startswith("extra/")],  # a page not listed, and its folder
        [],
    ):
        assert _scan_early(built, listed) == expected, listed


def test_anchors_however_written_are_found_in_every_order(tmp_path: Path) -> None:
    """Anchors are first looked for as renderers write them (id="..."); one written otherwise
    (ID='...', name = "...", id=bare) is still found, from the page itself and from pages read
    before and after it, and a missing one is still broken."""
    odd = "<h2 ID='upper'>ก</h2><a name = \"spaced\"></a><div id=bare>ข</div><p id=\"plain\">ค</p>"
    to_odd = ('<a href="../odd/#upper">1</a><a href="../odd/#spaced">2</a><a href="../odd/#bare">3</a>'
              '<a href="../odd/#plain">4</a><a href="../odd/#missing">5</a>')
    built = _write(tmp_path / "site", {
        "aa/index.html": _page(to_odd),  # before odd/ in every order below that sorts
        "odd/index.html": _page('<a href="#upper">a</a><a href="#spaced">b</a><a href="#bare">c</a>'
                                '<a href="#gone">d</a>', odd),
        "zz/index.html": _page(to_odd),
        "assets/x.css": "",
    })
    expected = {("aa/index.html", "../odd/#missing", "anchor"), ("zz/index.html", "../odd/#missing", "anchor"),
                ("odd/index.html", "#gone", "anchor")}
    assert {(b.page, b.url, b.reason) for b in find_broken_links(built, SITE_URL)} == expected
    files = sorted(p.relative_to(built).as_posix() for p in built.rglob("*") if p.is_file())
    for order in (files, files[::-1]):
        scan = LinkScan()
        scan.expect(built, SITE_URL, files)
        for rel in order:
            if rel.endswith(".html"):
                scan.add_page(rel, (built / rel).read_text("utf-8"))
        assert {(b.page, b.url, b.reason) for b in scan.broken_links(built, SITE_URL)} == expected


def _project_with_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pages: list[Page]) -> Path:
    """The example project, whose generated site also gets ``pages`` (under zz-test/)."""
    root = copy_project(tmp_path / "p")
    real = build_module.page_generators.generate

    def generate(site: Site) -> tuple[list[Page], list[OutputFile]]:
        real_pages, files = real(site)
        return real_pages + pages, [*files, OutputFile("zz-test/ok.pdf", data=b"%PDF-1.4")]

    monkeypatch.setattr(build_module.page_generators, "generate", generate)
    return root


BROKEN = [
    Page("zz-test/index.md", "ทดสอบ", "# ทดสอบ\n\n[ข่าว](news/index.md) [ไฟล์](ok.pdf)\n"),
    Page("zz-test/news/index.md", "ข่าว", "# ข่าว\n\n[หน้าที่ไม่มี](../../nowhere/)\n[ไฟล์หาย](../lost.pdf)\n"),
]


def test_strict_build_fails_on_a_broken_link_and_keeps_the_old_site(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _project_with_pages(tmp_path, monkeypatch, BROKEN)
    (root / "site").mkdir()
    (root / "site" / "index.html").write_text("เว็บไซต์เดิม", "utf-8")
    before = hash_tree(root / "site")
    rc, _, err = run_cli("--root", str(root), "build", "--strict")
    assert rc == 1
    assert "site/zz-test/news/index.html" in err and "ไม่มีอยู่" in err and "broken internal link" in err
    assert "../lost.pdf" in err and "../../nowhere/" in err
    assert hash_tree(root / "site") == before
    assert sorted(p.name for p in root.iterdir()) == ["build", "catalog", "content", "mkdocs.yml", "site"]


def test_plain_build_warns_and_publishes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _project_with_pages(tmp_path, monkeypatch, BROKEN)
    rc, _, err = run_cli("--root", str(root), "build")
    assert rc == 0
    assert "คำเตือน" in err and "broken internal link: ../lost.pdf" in err
    assert (root / "site" / "zz-test" / "news" / "index.html").is_file()


def test_good_pages_have_no_broken_links(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    good = [BROKEN[0], Page("zz-test/news/index.md", "ข่าว",
                            "# ข่าว\n\n## ส่วนที่หนึ่ง {#one}\n\n[ขึ้น](#one) [กลับ](../index.md) [ไฟล์](../ok.pdf)\n")]
    root = _project_with_pages(tmp_path, monkeypatch, good)
    rc, _, err = run_cli("--root", str(root), "build", "--strict")
    assert rc == 0, err
    assert find_broken_links(root / "site", "https://example.prongsai.invalid/") == []

