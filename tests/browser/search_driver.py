"""Drive the site search as a person does: open the box, type key by key, read the results.

Plain functions (no pytest), shared by ``test_search.py`` and ``bench/search_bench.py``.
The search box tells when it has drawn the results of a query: its ``data-rendered-query``
attribute and a ``prongsai-search:results`` event (``site_theme/assets/search/search.js``).
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

ROOT = Path(__file__).resolve().parents[2]
QUERIES = ROOT / "tests" / "search_queries.yml"
BOX = "[data-prongsai-search-input]"
ROOT_SEL = "[data-prongsai-search]"
RESULT_LINKS = "[data-prongsai-search-results] li a"
KEY_DELAY_MS = 60  # a quick phone typist

# Records when the last character reached the box and when each query's results were drawn.
_PROBE = """() => {
  if (window.__probe) return;
  window.__probe = {lastInput: 0, renders: []};
  const box = document.querySelector('[data-prongsai-search-input]');
  box.addEventListener('input', () => { window.__probe.lastInput = performance.now(); }, true);
  document.addEventListener('prongsai-search:results', (e) => {
    window.__probe.renders.push({query: e.detail.query, at: e.detail.at});
  });
}"""


@dataclass(frozen=True)
class Query:
    q: str
    expect: tuple[str, ...]
    kind: str


@dataclass
class Outcome:
    query: Query
    urls: list[str]
    titles: list[str]
    snippets: list[str]
    latency_ms: float
    marked_titles: list[bool] = field(default_factory=list)
    expected: tuple[str, ...] = ()

    @property
    def hit(self) -> bool:
        return any(u in self.expected for u in self.urls[:5])


@dataclass
class Run:
    outcomes: list[Outcome] = field(default_factory=list)
    skipped: list[Query] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return sum(o.hit for o in self.outcomes) / max(1, len(self.outcomes))

    @property
    def median_ms(self) -> float:
        return statistics.median(o.latency_ms for o in self.outcomes) if self.outcomes else 0.0


def load_queries(path: Path = QUERIES) -> list[Query]:
    data = yaml.safe_load(path.read_text("utf-8"))
    return [Query(str(d["q"]), tuple(d["expect"]), str(d.get("kind", ""))) for d in data]


def existing(site: Path, urls: tuple[str, ...]) -> tuple[str, ...]:
    """The expected pages that the built site has."""
    return tuple(u for u in urls if (site / u / "index.html").exists())


def open_box(page: Any) -> Any:
    """Open the search (via the header button when the box is folded away, as at 390 px) and
    focus the box; return its locator."""
    box = page.locator(BOX)
    opener = page.locator("label.md-header__button[for=__search]").first
    if opener.is_visible():  # phones: the box is folded behind the header's search button
        opener.click()
        page.wait_for_function(f"() => document.activeElement === document.querySelector('{BOX}')")
    else:
        box.click()
    page.evaluate(_PROBE)
    return box


def type_query(page: Any, box: Any, q: str, delay_ms: int = KEY_DELAY_MS, timeout_ms: int = 10_000) -> Outcome:
    """Clear the box, type ``q`` key by key, wait until its results are drawn, read them."""
    box.fill("")
    page.wait_for_function(
        "() => !document.querySelector('[data-prongsai-search]').dataset.renderedQuery", timeout=timeout_ms
    )
    page.evaluate("() => { window.__probe.renders = []; }")
    page.keyboard.type(q, delay=delay_ms)
    page.wait_for_function(
        "(q) => document.querySelector('[data-prongsai-search]').dataset.renderedQuery === q",
        arg=q,
        timeout=timeout_ms,
    )
    probe = page.evaluate("() => window.__probe")
    drawn = [r["at"] for r in probe["renders"] if r["query"] == q]
    latency = drawn[-1] - probe["lastInput"] if drawn else float("nan")
    base = page.evaluate(
        "() => new URL(document.querySelector('[data-prongsai-search]').dataset.base || '.', location.href).href"
    )
    links = page.locator(RESULT_LINKS)
    urls, titles, snippets, marked = [], [], [], []
    for i in range(links.count()):
        link = links.nth(i)
        href = link.get_attribute("href") or ""
        urls.append(href[len(base) :] if href.startswith(base) else href)
        titles.append(link.locator("h1").inner_text())
        marked.append("<mark>" in link.locator("h1").inner_html())
        snippets.append(link.locator("p").inner_html())
    return Outcome(Query(q, (), ""), urls, titles, snippets, latency, marked)


def run_queries(page: Any, site: Path, queries: list[Query], delay_ms: int = KEY_DELAY_MS) -> Run:
    """Type every query whose expected pages exist in ``site`` into the open page's search box."""
    run = Run()
    box = open_box(page)
    for query in queries:
        expected = existing(site, query.expect)
        if not expected:
            run.skipped.append(query)
            continue
        out = type_query(page, box, query.q, delay_ms)
        out.query, out.expected = query, expected
        run.outcomes.append(out)
    return run


def foreign_requests(requests: list[str], base_url: str) -> list[str]:
    """Requests to any host but the site's own."""
    own = urlsplit(base_url).netloc
    return [u for u in requests if urlsplit(u).scheme in ("http", "https", "ws", "wss") and urlsplit(u).netloc != own]
