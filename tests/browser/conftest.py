"""Fixtures for browser tests (Debian's Chromium through Playwright). Reusable by every test here:

- ``built_site``: the example portal built once per session into a temp dir (``Path``; or
  ``$PRONGSAI_BROWSER_SITE``, an already built site);
- ``base_url``: that site served on 127.0.0.1 and a free port (``str`` ending in '/');
- ``browser``: one headless Chromium per session;
- ``new_page(width=1280)``: a factory for a fresh page (own context) at a viewport width;
- ``page``: a fresh page at 1280 px;
- ``url_of(page_type_id)``: the URL of a kind of page; a page type missing from the example fails.

Every test here that uses the browser is marked ``browser`` automatically.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from harness import CHROMIUM, PAGE_TYPES, ROOT, build_example, launch_browser, resolve, serve

__all__ = ["ROOT"]  # tests/ modules import ROOT from "conftest": keep it here too

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        uses_browser = "browser" in getattr(item, "fixturenames", ())
        if uses_browser and HERE in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example built once per session; ``PRONGSAI_BROWSER_SITE=DIR`` reuses a built site
    instead (quicker while working on the theme: build once with ``prongsai build --out DIR``)."""
    reuse = os.environ.get("PRONGSAI_BROWSER_SITE")
    if reuse:
        return Path(reuse).resolve()
    return build_example(tmp_path_factory.mktemp("browser") / "site")


@pytest.fixture(scope="session")
def base_url(built_site: Path) -> Iterator[str]:
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        # A developer's machine may lack Chromium; CI must not skip what it is there to check.
        (pytest.fail if os.environ.get("CI") else pytest.skip)(
            f"{CHROMIUM} is missing: install Debian's chromium (.ci/run does)"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = launch_browser(p)
        yield b
        b.close()


@pytest.fixture
def new_page(browser: Any) -> Iterator[Callable[..., Any]]:
    contexts: list[Any] = []

    def make(width: int = 1280, height: int = 900, **kwargs: Any) -> Any:
        ctx = browser.new_context(viewport={"width": width, "height": height}, locale="th-TH", **kwargs)
        contexts.append(ctx)
        return ctx.new_page()

    yield make
    for ctx in contexts:
        ctx.close()


@pytest.fixture
def page(new_page: Callable[..., Any]) -> Any:
    return new_page(1280)


@pytest.fixture(scope="session")
def url_of(built_site: Path, base_url: str) -> Callable[[str], str]:
    by_id = {pt.id: pt for pt in PAGE_TYPES}

    def find(page_type: str) -> str:
        pt = by_id[page_type]
        rel = resolve(built_site, pt)
        if rel is None:
            pytest.fail(f"no {pt.id} page in the example site (looked for {', '.join(pt.candidates)})")
        return base_url + rel

    return find
