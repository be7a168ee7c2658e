"""The theme: Thai labels, accessible colours from any municipality's choice, what every page
carries (fictional banner, footer, build date, no outside fonts), keyboard use and paper."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
import pytest
from harness import PAGE_TYPES, ROOT, open_search

from generator.render.theme import contrast, footer_links, parse_hex, tel_href, theme_colours
from generator.thai import month_names

MATERIAL = Path(__import__("material").__file__).parent / "templates"
MONTHS = "|".join(month_names().values())
BUILD_DATE = re.compile(rf"ปรับปรุงเว็บไซต์เมื่อ \d{{1,2}} ({MONTHS}) 25\d\d")

# ---- colours -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "primary", ["#1b5e20", "#ffeb3b", "#ffffff", "#000000", "#777777", "#e53935", "#00bcd4", "#1f4e79"]
)
def test_any_primary_colour_gives_aa_text(primary: str) -> None:
    c = theme_colours({"primary": primary, "accent": primary})
    rgb = {k: parse_hex(v) for k, v in c.items()}
    assert contrast(rgb["on_primary"], rgb["primary"]) >= 4.5  # header text
    for light in ((255, 255, 255), (243, 246, 249)):  # page and panels
        assert contrast(rgb["link"], light) >= 4.5
        assert contrast(rgb["accent"], light) >= 4.5


def test_bad_or_missing_colours_fall_back_to_neutral() -> None:
    assert theme_colours({"primary": "green", "accent": "#12"}) == theme_colours(None)
    assert theme_colours(None)["on_primary"] == "#ffffff"


def test_tel_links_and_footer_links() -> None:
    assert tel_href("0 4300 0000 ต่อ 101") == "043000000"
    assert tel_href("๐ ๔๓๐๐ ๐๐๐๐") == "043000000"
    assert tel_href("") == ""
    links = footer_links(["index.md", "ita/2569/index.md", "privacy/index.md"])
    assert links == [
        {"title": "การประเมิน ITA", "url": "ita/2569/"},
        {"title": "ประกาศความเป็นส่วนตัว", "url": "privacy/"},
    ]


# ---- Thai interface labels -----------------------------------------------------------------


def label(key: str) -> str:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader([str(ROOT / "site_theme"), str(MATERIAL)]))
    template = env.from_string('{% import "partials/language.html" as lang with context %}{{ lang.t(key) }}')
    return template.render(key=key, config={"theme": {"language": "th"}})


@pytest.mark.parametrize(
    ("key", "thai"),
    [
        ("action.skip", "ข้ามไปยังเนื้อหา"),
        ("source.file.date.updated", "ปรับปรุงล่าสุด"),  # Material says "สร้าง" (created)
        ("source.file.date.created", "สร้างเมื่อ"),
        ("search.placeholder", "ค้นหาข้อมูลและเอกสาร"),
        ("top", "กลับขึ้นด้านบน"),
        ("footer.next", "ถัดไป"),
        ("footer.previous", "ก่อนหน้า"),
        ("toc", "ในหน้านี้"),
        ("blog.categories.in", "ใน"),
        ("clipboard.copy", "คัดลอก"),  # Material's own Thai, still used
    ],
)
def test_thai_labels(key: str, thai: str) -> None:
    assert label(key) == thai


# ---- every built page ----------------------------------------------------------------------


def html_pages(site: Path) -> list[Path]:
    return [p for p in site.rglob("*.html") if "search-index" not in p.parts]


def test_every_page_is_thai_says_fictional_and_has_the_footer(built_site: Path) -> None:
    pages = html_pages(built_site)
    assert len(pages) > 10
    problems = []
    for path in pages:
        text = path.read_text("utf-8")
        if 'http-equiv="refresh"' in text:  # redirect stubs
            continue
        rel = path.relative_to(built_site).as_posix()
        if '<html lang="th"' not in text:
            problems.append(f"{rel}: not lang=th")
        if "เว็บไซต์ตัวอย่าง:" not in text:
            problems.append(f"{rel}: no fictional-data banner")
        if not BUILD_DATE.search(text):
            problems.append(f"{rel}: no build date in Thai")
        if 'href="https://fonts.g' in text or "fonts.googleapis" in text:
            problems.append(f"{rel}: Google Fonts")
        if re.search(r'class="md-source-file__fact"[^<]*<[^>]*>[^<]*สร้าง', text):
            problems.append(f"{rel}: 'updated' labelled 'สร้าง'")
    assert problems == []


def test_footer_links_reach_accessibility_and_privacy(built_site: Path) -> None:
    home = (built_site / "index.html").read_text("utf-8")
    footer = home[home.index('class="pz-footer'):]
    for target in ("accessibility/", "privacy/"):
        assert f'href="{target}"' in footer
        assert (built_site / target / "index.html").exists()
    statement = (built_site / "accessibility" / "index.html").read_text("utf-8")
    assert "WCAG 2.1" in statement and "0 4300 0000" in statement  # the organisation's phone
    privacy = (built_site / "privacy" / "index.html").read_text("utf-8")
    assert "พ.ศ. 2562" in privacy and "ไม่ใช้คุกกี้" in privacy


def test_not_found_page_speaks_like_the_rest_of_the_site(built_site: Path) -> None:
    text = (built_site / "404.html").read_text("utf-8")
    assert "เลือกด้านและหัวข้อที่ต้องการ" in text  # area pages say "ด้านนี้มี … หัวข้อ"
    assert "หมวด" not in text


# ---- phones: nothing wider than the screen (browser) ---------------------------------------

# What sticks out past the right edge, outermost first, ignoring what sits inside a box that
# scrolls by itself (wide tables): names the culprit when the page is wider than the screen.
_OVERFLOW = """() => {
    const w = window.innerWidth, out = [];
    const scrolls = e => { for (let a = e.parentElement; a && a !== document.body; a = a.parentElement)
        if (getComputedStyle(a).overflowX !== 'visible') return true; return false; };
    for (const e of document.querySelectorAll('body *')) {
        const r = e.getBoundingClientRect();
        if (r.width && r.right > w + 0.5 && !scrolls(e)) out.push(`${e.tagName.toLowerCase()}.${e.className} right=${Math.round(r.right)}`);
    }
    return {scroll: document.documentElement.scrollWidth, inner: w, culprits: out.slice(0, 5)};
}"""


@pytest.mark.parametrize("page_type", [pt.id for pt in PAGE_TYPES])
def test_no_page_is_wider_than_a_phone(
    page_type: str, url_of: Callable[[str], str], new_page: Callable[..., Any], browser: Any
) -> None:
    """At 360 and 390 px no kind of page scrolls sideways (wide tables scroll inside their box)."""
    page = new_page(360)
    for width in (360, 390):
        page.set_viewport_size({"width": width, "height": 800})
        page.goto(url_of(page_type), wait_until="networkidle")
        if page_type == "search" and not open_search(page):
            pytest.fail("the site search showed no results")
        page.evaluate("() => Promise.all(document.getAnimations().map(a => a.finished))")  # search slides in
        found = page.evaluate(_OVERFLOW)
        assert found["scroll"] <= found["inner"], f"{page_type} at {width}px: {found}"


# ---- keyboard and paper (browser) ----------------------------------------------------------


@pytest.mark.parametrize("page_type", ["home", "register", "404"])
def test_first_tab_is_a_visible_skip_link(
    page_type: str, url_of: Callable[[str], str], new_page: Callable[..., Any], browser: Any
) -> None:
    page = new_page(390)
    page.goto(url_of(page_type), wait_until="networkidle")
    page.keyboard.press("Tab")
    focused = page.evaluate(
        """() => { const a = document.activeElement, r = a.getBoundingClientRect(), s = getComputedStyle(a);
        return {text: a.textContent.trim(), href: a.getAttribute('href'), top: r.top, height: r.height,
                outline: parseFloat(s.outlineWidth), target: !!document.getElementById((a.getAttribute('href') || '#').slice(1))}; }"""
    )
    assert focused["text"] == "ข้ามไปยังเนื้อหา"
    assert focused["target"], f"skip link points nowhere: {focused['href']}"
    assert focused["height"] > 10 and 0 <= focused["top"] < 900  # shown on screen when focused
    assert focused["outline"] >= 2


def test_keyboard_focus_is_visible_on_links(url_of: Callable[[str], str], new_page: Callable[..., Any], browser: Any) -> None:
    page = new_page(1280)
    page.goto(url_of("home"), wait_until="networkidle")
    page.focus(".pz-card")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # focus by keyboard, so :focus-visible applies
    style = page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, parseFloat(s.outlineWidth), s.boxShadow]; }"
    )
    assert style[0] != "none" and style[1] >= 2 and style[2] != "none"


def test_print_hides_navigation_and_shows_attachment_addresses(
    url_of: Callable[[str], str], new_page: Callable[..., Any], browser: Any
) -> None:
    page = new_page(1280)
    page.goto(url_of("register"), wait_until="networkidle")
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    result = page.evaluate(
        """() => {
        const shown = s => { const e = document.querySelector(s); return !!e && getComputedStyle(e).display !== 'none'; };
        const a = document.querySelector('.md-typeset a[data-print-url]');
        return {header: shown('.md-header'), sidebar: shown('.md-sidebar--primary'), content: shown('.md-content'),
                banner: shown('.md-banner'),
                after: a ? getComputedStyle(a, '::after').content : null, abs: a ? a.getAttribute('data-print-url') : null};
    }"""
    )
    assert not result["header"] and not result["sidebar"]
    assert result["content"] and result["banner"]  # fictional data says so on paper too
    assert result["abs"] and result["abs"].startswith("http"), "no attachment link on the register page"
    assert "%E0" not in result["abs"], "Thai file names should print readably"
    assert result["abs"] in result["after"]
