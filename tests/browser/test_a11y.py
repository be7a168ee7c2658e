"""WCAG 2.1 AA: axe-core finds no serious or critical violation on any kind of page, phone and desktop.

Page types not built yet are skipped with the reason (see ``harness.PAGE_TYPES``), so this test
covers each new kind of page as soon as it lands.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from harness import AXE_JS, PAGE_TYPES, WIDTHS, open_search

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
BLOCKING = {"serious", "critical"}


def run_axe(page: Any) -> list[dict[str, Any]]:
    """axe-core's violations on the page as it is now."""
    if not AXE_JS.exists():
        pytest.fail(f"{AXE_JS} is missing: run `npm ci` at the top of the repository (make test does)")
    page.add_script_tag(path=str(AXE_JS))
    result: dict[str, Any] = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        AXE_TAGS,
    )
    violations: list[dict[str, Any]] = result["violations"]
    return violations


def describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        lines.append(f"[{v['impact']}] {v['id']}: {v['help']} ({len(v['nodes'])} nodes)")
        for node in v["nodes"][:4]:
            lines.append(f"    {node['target']}: {node.get('failureSummary', '').splitlines()[-1:]}")
    return "\n".join(lines)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("page_type", [pt.id for pt in PAGE_TYPES])
def test_no_serious_axe_violations(
    page_type: str, width: int, url_of: Callable[[str], str], new_page: Callable[..., Any]
) -> None:
    url = url_of(page_type)
    page = new_page(width)
    page.goto(url, wait_until="networkidle")
    if page_type == "search" and not open_search(page):
        pytest.skip("the site search did not show results yet (search is being built: issue 6)")
    blocking = [v for v in run_axe(page) if v["impact"] in BLOCKING]
    assert not blocking, f"{url} at {width}px:\n{describe(blocking)}"


@pytest.mark.parametrize("script", [True, False], ids=["script", "no-script"])
def test_wide_tables_scroll_from_the_keyboard(
    script: bool, url_of: Callable[[str], str], new_page: Callable[..., Any]
) -> None:
    """The focusable, named region around a wide table is the box that scrolls (Material's own
    wrapper, added by its script, and the table itself do not), so arrow keys move the table."""
    page = new_page(390, java_script_enabled=script)
    page.goto(url_of("dataset"), wait_until="networkidle")
    region = page.locator(".table-scroll").first
    found = region.evaluate(
        """r => { const t = r.querySelector('table'), inner = [];
        for (let e = t; e !== r; e = e.parentElement)
            if (getComputedStyle(e).overflowX !== 'visible') inner.push(e.className || e.tagName);
        return {inner, tabindex: r.getAttribute('tabindex'), role: r.getAttribute('role'),
                name: (document.getElementById(r.getAttribute('aria-labelledby')) || {}).textContent,
                room: r.scrollWidth - r.clientWidth, left: t.getBoundingClientRect().left}; }"""
    )
    assert found["inner"] == [], f"something inside the region scrolls too: {found['inner']}"
    assert found["tabindex"] == "0" and found["role"] == "region" and found["name"]
    assert found["room"] > 300, "the example's table should be wider than a phone"
    region.focus()
    for _ in range(8):
        page.keyboard.press("ArrowRight")
    moved = 0.0
    for _ in range(20):  # smooth scrolling takes a moment (no wait_for_function: no page script)
        moved = found["left"] - region.evaluate("r => r.querySelector('table').getBoundingClientRect().left")
        if moved > 200:
            break
        page.wait_for_timeout(100)
    assert moved > 200, f"8 × ArrowRight moved the table {moved:.0f} px"


def test_axe_catches_a_real_violation(new_page: Callable[..., Any], base_url: str) -> None:
    """The check can fail: a low-contrast, unlabelled page is reported."""
    page = new_page(390)
    page.goto(base_url, wait_until="networkidle")
    page.evaluate(
        """() => {
        const p = document.createElement('p');
        p.textContent = 'ข้อความสีจางมาก'; p.style.color = '#eee'; p.style.background = '#fff';
        const i = document.createElement('input'); i.type = 'text';
        document.querySelector('main, body').append(p, i);
    }"""
    )
    ids = {v["id"] for v in run_axe(page) if v["impact"] in BLOCKING}
    assert {"color-contrast", "label"} <= ids
