"""Privacy and robustness: every kind of page requests nothing from any host but its own, and
nothing it requests from its own host is missing.

Every request Chromium makes (documents, styles, scripts, fonts, images, fetches, the search
index) is recorded while the page loads, settles and — on the search page type — runs a search.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

import pytest
from harness import PAGE_TYPES, open_search

IGNORED_SCHEMES = ("data:", "blob:", "about:")


def record(page: Any) -> tuple[list[str], list[tuple[int, str]]]:
    """Start recording: (every requested URL, [(status, url)] of failed responses)."""
    requests: list[str] = []
    failed: list[tuple[int, str]] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("requestfailed", lambda r: failed.append((0, r.url)))
    page.on("response", lambda r: failed.append((r.status, r.url)) if r.status >= 400 else None)
    return requests, failed


def foreign(urls: list[str], base_url: str) -> list[str]:
    own = urlsplit(base_url).netloc
    return sorted(
        {u for u in urls if not u.startswith(IGNORED_SCHEMES) and urlsplit(u).netloc != own}
    )


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("page_type", [pt.id for pt in PAGE_TYPES])
def test_no_request_leaves_the_site(
    page_type: str, width: int, url_of: Callable[[str], str], base_url: str, new_page: Callable[..., Any]
) -> None:
    url = url_of(page_type)
    page = new_page(width)
    requests, failed = record(page)
    page.goto(url, wait_until="networkidle")
    if page_type == "search" and not open_search(page):
        pytest.skip("the site search did not show results yet (issue 6)")
    page.mouse.wheel(0, 20000)  # lazy images and anything loaded on scroll
    page.wait_for_load_state("networkidle")
    assert requests, "nothing was recorded: the recorder is broken"
    assert foreign(requests, base_url) == [], f"{url} at {width}px requested other hosts"
    missing = [(s, u) for s, u in failed if not (page_type == "404" and u == url)]
    assert missing == [], f"{url} at {width}px: requests that failed"


def test_recorder_catches_a_foreign_request(new_page: Callable[..., Any], base_url: str) -> None:
    """The check can fail: an image from another host is caught."""
    page = new_page(390)
    requests, _ = record(page)
    page.goto(base_url, wait_until="networkidle")
    page.evaluate("() => { const i = new Image(); i.src = 'http://tracker.example.invalid/p.gif'; document.body.append(i); }")
    page.wait_for_timeout(500)
    assert foreign(requests, base_url) == ["http://tracker.example.invalid/p.gif"]
