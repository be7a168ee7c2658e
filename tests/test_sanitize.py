"""No script from content: the Markdown check (with lines) and the nh3 render-time defence."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.config import Settings
from generator.errors import Collector
from generator.model import Page, Site
from generator.sanitize import (
    check_internal_url,
    check_markdown,
    check_text,
    clean_html,
    clean_span,
    is_internal_required_violation,
    mark,
    markup_of,
    new_marks,
    unmark,
    unsafe_scheme,
)

ROOT = Path(__file__).resolve().parent.parent


def problems(text: str, first_line: int = 1) -> list[tuple[int, str]]:
    errors = Collector(Path("/p"))
    check_markdown(text, Path("/p/content/x.md"), first_line, "body", errors)
    assert all(p.path == "content/x.md" and p.field == "body" for p in errors.problems)
    assert all(p.severity == "error" and p.english and p.fix for p in errors.problems)
    return [(p.line, p.english) for p in errors.problems]


@pytest.mark.parametrize(
    ("body", "line", "word"),
    [
        ("ข้อความ\n\n<script>alert(1)</script>\n", 3, "<script>"),
        ("<SCRIPT src=//evil.example/x.js></SCRIPT>", 1, "<script>"),
        ('ข้อความ\n<img src="x.png"\n     onerror="alert(1)">', 3, "onerror="),
        ("<p onclick='x()'>กดที่นี่</p>", 1, "onclick="),
        ('<iframe src="https://www.youtube.com/embed/x"></iframe>', 1, "<iframe>"),
        ("<object data=x.swf></object>", 1, "<object>"),
        ("<embed src=x.swf>", 1, "<embed>"),
        ("ดู [ที่นี่](javascript:alert(1))", 1, "javascript:"),
        ("ดู [ที่นี่](JaVaScRiPt:alert(1))", 1, "javascript:"),
        ("ดู [ที่นี่](java&#115;cript:alert(1))", 1, "javascript:"),
        ("ดู [ที่นี่]( javascript:alert(1) )", 1, "javascript:"),
        ("[ref]: vbscript:msgbox(1)", 1, "vbscript:"),
        ("<data:text/html;base64,PHNjcmlwdD4=>", 1, "data:text/html"),
        ('<a href=" javascript:alert(1)">x</a>', 1, "javascript:"),
        ("![รูป](javascript:alert(1))", 1, "javascript:"),
    ],
)
def test_unsafe_markdown_is_reported_at_its_line(body: str, line: int, word: str) -> None:
    found = problems(body, first_line=10)
    assert found, body
    assert found[0][0] == 9 + line
    assert any(word in english for _, english in found)


def test_thai_message_and_fix() -> None:
    errors = Collector(Path("/p"))
    check_markdown("<script>x</script>", Path("/p/content/a.md"), 4, "body", errors)
    (p,) = errors.problems
    assert "สคริปต์" in p.thai and "ลบ" in p.fix and p.line == 4


@pytest.mark.parametrize(
    "body",
    [
        "ข้อความธรรมดา ประกาศเทศบาลตำบลดอนตัวอย่าง เรื่อง การรับสมัคร",
        "[e-GP](https://process3.gprocurement.go.th/) และ [อีเมล](mailto:saraban@example.go.th)",
        "<details><summary>รายละเอียด</summary>เนื้อหา</details>",
        '<span class="x" title="t">คำ</span> <img src="a.png" alt="รูป">',
        "`<script>` เป็นตัวอย่างในโค้ด",
        "```html\n<script>alert(1)</script>\n<iframe src=x></iframe>\n```\nข้อความ",
        "ติดต่อ <saraban@example.go.th> หรือ <https://example.go.th/>",
        "javascript: เป็นภาษาโปรแกรม (ไม่ใช่ลิงก์)",
        "| คอลัมน์ | on=1 |\n|---|---|\n| a | b |",
        "[ข้อมูล](data.csv) และ ![แผนที่](data/map.png)",
    ],
)
def test_legitimate_markdown_passes(body: str) -> None:
    assert problems(body) == []


def test_line_after_code_block_is_still_right() -> None:
    body = "```\ncode\n```\n\n<script>x</script>\n"
    assert problems(body, first_line=7)[0][0] == 11


def test_unsafe_scheme() -> None:
    assert unsafe_scheme("jav\tascript:x") == "javascript:"
    assert unsafe_scheme("&#x6A;avascript:x") == "javascript:"
    assert unsafe_scheme("https://example.go.th/") is None
    assert unsafe_scheme("data:image/png;base64,AAAA") is None


def test_check_text_refuses_tags_in_titles() -> None:
    errors = Collector(Path("/p"))
    check_text("ประกาศ <img src=x onerror=alert(1)>", Path("/p/content/a.md"), 2, "title", errors)
    check_text("งบประมาณ 5 < 10 ล้านบาท", Path("/p/content/a.md"), 3, "title", errors)
    assert [p.line for p in errors.problems] == [2]


def test_internal_required_links() -> None:
    site = "https://www.example-tambon.go.th/"
    assert is_internal_required_violation("https://drive.google.com/file/d/x/view", site)
    assert is_internal_required_violation("https://other.go.th/x.pdf", site)
    assert not is_internal_required_violation("https://www.example-tambon.go.th/files/x.pdf", site)
    assert not is_internal_required_violation("files/x.pdf", site)
    assert not is_internal_required_violation("../เอกสาร/แผน 2569.pdf", site)
    errors = Collector(Path("/p"))
    ok = check_internal_url("https://drive.google.com/file/d/x/view", Path("/p/content/a.md"), 8,
                            "files", errors, site)
    assert not ok
    (p,) = errors.problems
    assert p.line == 8 and p.field == "files" and "เว็บไซต์ของหน่วยงานเอง" in p.thai
    assert "cloud drive" in p.thai and "drive.google.com" in p.english


def test_clean_html_removes_script_and_handlers_keeps_content() -> None:
    dirty = (
        '<h2 id="a">หัวข้อ</h2><p onclick="x()">ข้อความ<script>alert(1)</script></p>'
        '<img src="x.png" alt="รูป" onerror="alert(2)">'
        '<a href="javascript:alert(3)">ลิงก์</a><a href="../x/" class="md-button">ไป</a>'
        '<iframe src="https://evil.example/"></iframe>'
        '<table><tr><td style="text-align: right; background: url(https://evil.example/t.png)">1</td></tr></table>'
        '<details class="note"><summary>สรุป</summary>รายละเอียด</details>'
    )
    clean = clean_html(dirty)
    for bad in ("<script", "alert", "onclick", "onerror", "javascript:", "<iframe", "evil.example"):
        assert bad not in clean, bad
    for good in ('<h2 id="a">หัวข้อ</h2>', 'alt="รูป"', 'href="../x/"', 'class="md-button"',
                 "text-align:right", '<details class="note"><summary>สรุป</summary>'):
        assert good in clean, good


def test_clean_html_keeps_only_the_safe_values_of_target_and_input_type() -> None:
    clean = clean_html('<a href="a/" target="_blank">ก</a><a href="b/" target="_top">ข</a>'
                       '<input type="checkbox" checked disabled><input type="submit" value="ส่ง">')
    assert '<a href="a/" target="_blank">ก</a><a href="b/">ข</a>' in clean
    assert 'type="checkbox"' in clean and "submit" not in clean and 'value="ส่ง"' in clean


def test_marks_are_new_for_every_build() -> None:
    first, second = new_marks(), new_marks()
    assert first != second and first[0] != first[1]
    assert all(m.startswith("<!--") and m.endswith("-->") for m in first)


def test_unmark_gives_the_page_without_marks_and_where_the_content_is() -> None:
    marks = new_marks()
    content = '<p>ข่าว<script>x()</script></p>'
    page, span = unmark(f"<html><article>{mark(content, marks)}</article></html>", marks)
    assert page == f"<html><article>{content}</article></html>"
    assert span is not None and page[span[0] : span[1]] == content and span[2] == len(page)
    cleaned = clean_span(page, span)
    assert cleaned == "<html><article><p>ข่าว</p></article></html>"
    start, end = cleaned.index("<p>"), cleaned.index("</article>")
    assert clean_span(cleaned, (start, end, len(cleaned))) is None  # nothing to clean: not rewritten
    with pytest.raises(ValueError, match="cannot be cleaned"):
        clean_span(page + " ", span)


def test_unmark_cleans_at_once_content_the_theme_prints_twice_or_not_at_all() -> None:
    marks = new_marks()
    twice = f"<p>{mark('<b>ก</b><script>x()</script>', marks)}</p><div>{mark('<i>ข</i><img src=a onerror=y()>', marks)}</div>"
    page, span = unmark(twice, marks)
    assert span is None and page == '<p><b>ก</b></p><div><i>ข</i><img src="a"></div>'
    assert unmark("<p>ไม่มีเนื้อหา</p>", marks) == ("<p>ไม่มีเนื้อหา</p>", None)


def test_staff_text_cannot_end_the_marked_content_early() -> None:
    """The markers carry a random nonce: a comment in content that looks like the end marker of
    another build does not end the span, so what follows it is still cleaned."""
    marks = new_marks()
    forged = "<!--/prongsai-clean 0000-->"
    page, span = unmark(mark(f"<p>ก</p>{forged}<script>x()</script>", marks), marks)
    assert span is not None
    cleaned = clean_span(page, span)
    assert cleaned is not None and "script" not in cleaned and "prongsai" not in cleaned


def _render(tmp_path: Path, pages: list[Page], scan: bool = False) -> Path:
    """Render ``pages``; with ``scan``, as a full build does: the site scan cleans the content."""
    from generator.render import render
    from generator.scan import SiteScan

    root = tmp_path / "project"
    root.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    site = Site(root=root, settings=Settings())
    out = tmp_path / "out"
    if not scan:
        render(site, pages, [], out, tmp_path / "work")
        return out
    with SiteScan(out, "") as site_scan:
        render(site, pages, [], out, tmp_path / "work", on_page=site_scan.page_written)
        assert site_scan.finish().cleaned == len(pages)
    return out


@pytest.mark.parametrize("scan", [False, True], ids=["cleaned-in-render", "cleaned-by-site-scan"])
def test_script_in_a_page_never_reaches_the_site(tmp_path: Path, scan: bool) -> None:
    """Even if a loader forgot check_markdown, the renderer strips script from page content and
    escapes titles (Material prints ``page.meta.title`` unescaped in <title>)."""
    body = (
        "# ประกาศ\n\nข้อความ <script>alert('x1')</script>\n\n"
        '<img src="a.png" onerror="alert(\'x2\')">\n\n[คลิก](javascript:alert(\'x3\'))\n\n'
        '<iframe src="https://evil.example/"></iframe>\n'
    )
    pages = [
        Page("index.md", "หน้าแรก", "# หน้าแรก\n\n[ประกาศ](news/index.md)\n", nav=True),
        Page("news/index.md", "</title><script>alert('x4')</script>", body,
             description="\"><script>alert('x5')</script>"),
    ]
    out = _render(tmp_path, pages, scan)
    html = (out / "news" / "index.html").read_text("utf-8")
    for marker in ("alert('x1')", "alert('x2')", "alert('x3')", "<script>alert('x4')", "<script>alert('x5')",
                   "evil.example",
                   "onerror"):
        assert marker not in html, marker
    assert "ข้อความ" in html and "&lt;/title&gt;" in html
    # The theme itself is untouched: its own script and stylesheet are still there.
    assert "assets/javascripts/bundle." in html and "assets/stylesheets/main." in html


@pytest.fixture(scope="module")
def example_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, set[str]]]:
    """The example site, built once while recording what the sanitizer removed from each page."""
    from _pytest.monkeypatch import MonkeyPatch
    from safety_helpers import copy_project, run_cli

    import generator.sanitize as sanitize

    removed: dict[str, set[str]] = {}
    real = sanitize.clean_html

    def recording(fragment: str) -> str:
        removed.setdefault("", set()).add(str(len(removed[""])))  # one more page cleaned here
        clean = real(fragment)
        lost = sanitize.markup_of(fragment) - sanitize.markup_of(clean)
        if lost:
            removed[fragment[:80]] = lost
        return clean

    root = copy_project(tmp_path_factory.mktemp("example") / "p")
    mp = MonkeyPatch()
    mp.setattr(sanitize, "clean_html", recording)
    # Clean in this process, where the recorder is, not in the site scan's worker process.
    mp.setattr("generator.scan.new_marks", lambda: None)
    try:
        rc, _, err = run_cli("--root", str(root), "build")
    finally:
        mp.undo()
    assert rc == 0, err
    return root, removed


def test_sanitizer_keeps_the_markup_of_generated_pages(example_build: tuple[Path, dict[str, set[str]]]) -> None:
    """The allow-list must fit what our generators and Material produce: on the example site the
    sanitizer removes nothing. (If this fails, extend the allow-list in sanitize.py — or the
    generator emits something unsafe.)"""
    _, removed = example_build
    assert len(removed.pop("")) > 150  # every page was cleaned where the recorder sees it
    assert removed == {}, "\n".join(f"{sorted(v)} from: {k!r}" for k, v in list(removed.items())[:10])


def test_cleaning_in_the_site_scan_gives_the_same_site(
        example_build: tuple[Path, dict[str, set[str]]], tmp_path: Path) -> None:
    """A full build cleans pages in the site scan's worker (sanitize.py, "cleaning later"): the
    site, search index included, is byte for byte the one that cleaning in the render gives."""
    from safety_helpers import copy_project, hash_tree, run_cli

    inline_root, _ = example_build
    root = copy_project(tmp_path / "p")
    rc, _, err = run_cli("--root", str(root), "build")
    assert rc == 0, err
    inline, deferred = hash_tree(inline_root / "site"), hash_tree(root / "site")
    assert len(deferred) > 300
    assert sorted(k for k in inline if inline[k] != deferred.get(k)) == []
    assert inline.keys() == deferred.keys()


def test_example_site_has_no_broken_links(example_build: tuple[Path, dict[str, set[str]]]) -> None:
    from generator.checks.links import find_broken_links

    root, _ = example_build
    broken = find_broken_links(root / "site", "https://example.prongsai.invalid/")
    assert broken == [], "\n".join(f"{b.page}: {b.url} ({b.reason})" for b in broken[:30])


def test_markup_of() -> None:
    assert markup_of('<p class="a">x<img src="y"></p>') == {"p", "p@class", "img", "img@src"}
