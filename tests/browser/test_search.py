"""Thai search in a real browser: type what citizens type, key by key, read what they see.

The query set is ``tests/search_queries.yml``; numbers (recall, bytes, time) are measured by
``bench/search_bench.py``, not here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from search_driver import BOX, foreign_requests, load_queries, open_box, run_queries, type_query

from generator.search.normalize import normalize

MIN_QUERIES = 40
MIN_RECALL = 0.95
THAI = re.compile(r"[\u0e01-\u0e4e]")


@pytest.fixture(scope="module")
def phone_run(new_page_module: Callable[..., Any], built_site: Path, base_url: str) -> dict[str, Any]:
    """Every query typed into the search box of one page at 390 px, with every URL requested."""
    page = new_page_module(width=390, height=844)
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(base_url)
    run = run_queries(page, built_site, load_queries(), delay_ms=25)
    return {"run": run, "requests": requests, "errors": errors}


@pytest.fixture(scope="module")
def new_page_module(browser: Any) -> Any:
    contexts: list[Any] = []

    def make(width: int = 1280, height: int = 900) -> Any:
        ctx = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(ctx)
        return ctx.new_page()

    yield make
    for ctx in contexts:
        ctx.close()


def test_recall_at_5(phone_run: dict[str, Any]) -> None:
    run = phone_run["run"]
    assert len(run.outcomes) >= MIN_QUERIES, (
        f"only {len(run.outcomes)} queries have their expected pages built; skipped: "
        + ", ".join(q.q for q in run.skipped)
    )
    misses = [f"{o.query.q!r}: expected {list(o.expected)}, got {o.urls[:5]}" for o in run.outcomes if not o.hit]
    assert run.recall >= MIN_RECALL, f"recall@5 {run.recall:.1%}; misses:\n" + "\n".join(misses)
    assert not phone_run["errors"], phone_run["errors"]


def test_results_show_title_and_highlighted_thai_snippet(phone_run: dict[str, Any]) -> None:
    for o in phone_run["run"].outcomes:
        assert o.urls, f"{o.query.q!r}: no results"
        for url, title, snippet in zip(o.urls, o.titles, o.snippets, strict=True):
            assert title.strip(), f"{o.query.q!r}: result {url} has no title"
            assert THAI.search(re.sub(r"<[^>]+>", "", snippet)), f"{o.query.q!r}: {url} snippet has no Thai text"
        # the first result shows where it matched: in its snippet, or (a page found by its
        # name) in its title
        assert "<mark>" in o.snippets[0] or o.marked_titles[0], (
            f"{o.query.q!r}: the first result highlights nothing: {o.titles[0]} / {o.snippets[0][:200]}"
        )
    with_snippet_marks = sum("<mark>" in o.snippets[0] for o in phone_run["run"].outcomes)
    assert with_snippet_marks >= 0.8 * len(phone_run["run"].outcomes)


def test_search_requests_nothing_from_other_hosts(phone_run: dict[str, Any], base_url: str) -> None:
    requests = phone_run["requests"]
    assert any("/search-index/g/" in u for u in requests), "the index shards were never fetched"
    assert not foreign_requests(requests, base_url)
    # Material's whole-site index is neither built nor asked for
    assert not any(u.endswith("search_index.json") for u in requests)


def test_browser_and_builder_normalise_alike(new_page_module: Callable[..., Any], base_url: str) -> None:
    """The index is built in Python and queried in JavaScript: both must see the same text."""
    page = new_page_module()
    page.goto(base_url)
    samples = [
        "E-Service ระบบบริการ",
        "ป.ป.ช. และ พ.ศ. ๒๕๖๙",
        "การบริหาร  ราชการด้วยความ โปร่งใส",
        "ทํางาน",  # nikhahit + sara aa
        "ที่",  # tone mark before the vowel, as PDFs write it
        "1,234.50 บาท",
        "โครงการ/กิจกรรม/มาตรการ",
        "No Gift Policy\u200bนโยบาย",
        "ต่าง ๆ ฯลฯ",
    ]
    for text in samples:
        js = page.evaluate("(t) => window.prongsaiSearch.normalize(t)", text)
        s, m = normalize(text)
        assert (js["s"], js["m"]) == (s, m), text


def test_keyboard_only(new_page_module: Callable[..., Any], base_url: str) -> None:
    """'/' opens the search, arrows reach the results, Enter follows one, Escape closes."""
    page = new_page_module(width=1280)
    page.goto(base_url)
    page.keyboard.press("/")
    assert page.evaluate(f"() => document.activeElement === document.querySelector('{BOX}')")
    box = page.locator(BOX)
    open_box(page)
    out = type_query(page, box, "ผลประโยชน์ทับซ้อน")
    assert out.urls
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("() => document.activeElement.getAttribute('href')")
    assert focused and focused.endswith(out.urls[0])
    page.keyboard.press("ArrowUp")
    assert page.evaluate(f"() => document.activeElement === document.querySelector('{BOX}')")
    page.keyboard.press("Escape")
    assert not page.evaluate("() => document.getElementById('__search').checked")
    open_box(page)
    type_query(page, box, "ร้องเรียน")
    page.keyboard.press("ArrowDown")
    target = page.evaluate("() => document.activeElement.href")
    page.keyboard.press("Enter")
    page.wait_for_url(target)


def test_results_fit_a_phone(new_page_module: Callable[..., Any], base_url: str) -> None:
    page = new_page_module(width=390, height=844)
    page.goto(base_url)
    box = open_box(page)
    out = type_query(page, box, "จัดซื้อจัดจ้าง")
    assert out.urls
    first = page.locator("[data-prongsai-search-results] li").first
    bb = first.bounding_box()
    assert bb is not None and bb["x"] >= 0 and bb["x"] + bb["width"] <= 390 + 1
    assert first.is_visible()
    # the page behind does not scroll sideways
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
