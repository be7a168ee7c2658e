"""Search benchmark (not a test): recall@5, bytes before the first result, time to results.

    .venv/bin/python bench/search_bench.py                 # builds the example portal first
    .venv/bin/python bench/search_bench.py --site site     # an already built site
    .venv/bin/python bench/search_bench.py --engine pagefind   # the Pagefind route, for comparison

Everything runs in Debian's Chromium at phone width (390 px), typing key by key:

- recall@5: share of ``tests/search_queries.yml`` whose expected page is in the first five;
- bytes: what a fresh browser downloads from focusing the search box until the results of a
  query are drawn (index files), plus the search script itself; raw sizes, no compression;
- latency: from the last keystroke to results drawn, median over the query set, after the
  index list is loaded (the box is focused first, as a person does).
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "browser"))

from harness import build_example, launch_browser, serve
from search_driver import existing, foreign_requests, load_queries, open_box, run_queries, type_query

PHONE = {"width": 390, "height": 844}
COLD_QUERIES = ("ผลประโยชน์ทับซ้อน", "จัดซื้อจัดจ้าง", "ร้องเรียน", "E-Service", "ประมวลจริยธรรม", "มิติที่ 2")


def cold_bytes(browser: Any, base_url: str, query: str) -> tuple[int, int, int, list[str]]:
    """(index bytes, the same gzipped as a static host would send them, script bytes, all URLs
    requested) for one query in a fresh browser."""
    ctx = browser.new_context(viewport=PHONE)
    page = ctx.new_page()
    sizes: dict[str, int] = {}
    urls: list[str] = []
    page.on("request", lambda r: urls.append(r.url))

    def done(req: Any) -> None:
        s = req.sizes()
        sizes[req.url] = s["responseBodySize"] + s["responseHeadersSize"]

    page.on("requestfinished", done)
    page.goto(base_url, wait_until="networkidle")
    script = sum(v for u, v in sizes.items() if u.endswith("/assets/search/search.js"))
    sizes.clear()
    bodies: list[bytes] = []
    page.on("response", lambda r: bodies.append(r.body()) if "/search-index/" in r.url else None)
    box = open_box(page)
    type_query(page, box, query)
    page.wait_for_load_state("networkidle")
    ctx.close()
    return sum(sizes.values()), sum(len(gzip.compress(b)) for b in bodies), script, urls


def bench_prongsai(browser: Any, site: Path, base_url: str) -> None:
    queries = load_queries()
    page = browser.new_context(viewport=PHONE).new_page()
    page.on("pageerror", lambda e: print(f"page error: {e}"))
    page.goto(base_url)
    run = run_queries(page, site, queries)
    print(f"queries: {len(run.outcomes)} run, {len(run.skipped)} skipped (expected pages not built)")
    print(f"recall@5: {run.recall:.1%} ({sum(o.hit for o in run.outcomes)}/{len(run.outcomes)})")
    for o in run.outcomes:
        if not o.hit:
            print(f"  miss: {o.query.q!r} ({o.query.kind}) expected {list(o.expected)} got {o.urls[:5]}")
    lat = sorted(o.latency_ms for o in run.outcomes)
    print(f"last keystroke → results: median {statistics.median(lat):.0f} ms, p90 {lat[int(len(lat) * 0.9)]:.0f} ms, max {lat[-1]:.0f} ms")
    totals = []
    for q in COLD_QUERIES:
        index_bytes, gzipped, script_bytes, urls = cold_bytes(browser, base_url, q)
        foreign = foreign_requests(urls, base_url)
        totals.append(index_bytes + script_bytes)
        print(
            f"cold {q!r}: index {index_bytes:,} B (gzip {gzipped:,} B) + script {script_bytes:,} B"
            f" = {index_bytes + script_bytes:,} B; foreign requests: {len(foreign)}"
        )
    print(f"bytes before first result: median {statistics.median(totals):,.0f} B, max {max(totals):,} B")


PAGEFIND_JS = """async ([q]) => {
  const pf = await import('/pagefind/pagefind.js');
  const s = await pf.search(q);
  const out = [];
  for (const r of s.results.slice(0, 5)) out.push((await r.data()).url);
  return out;
}"""


def bench_pagefind(browser: Any, site: Path) -> None:
    """The other route: Pagefind 1.5 (extended build: charabia segments Thai at build time, the
    browser's Intl.Segmenter cuts the query) over the same pages and queries, through its API."""
    work = Path(tempfile.mkdtemp()) / "site"
    shutil.copytree(site, work)
    subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(work), "--root-selector", "article"],
        check=True,
        capture_output=True,
    )
    queries = load_queries()
    with serve(work) as base_url:
        page = browser.new_context(viewport=PHONE).new_page()
        sizes: list[int] = []
        page.on("requestfinished", lambda r: sizes.append(r.sizes()["responseBodySize"]))
        page.goto(base_url, wait_until="networkidle")
        sizes.clear()
        hits = total = 0
        first = True
        for query in queries:
            expected = existing(site, query.expect)
            if not expected:
                continue
            urls = [u.lstrip("/") for u in page.evaluate(PAGEFIND_JS, [query.q])]
            if first:
                print(f"pagefind: bytes for the first query: {sum(sizes):,} B")
                first = False
            total += 1
            hit = any(u in expected for u in urls)
            hits += hit
            if not hit:
                print(f"  miss: {query.q!r} ({query.kind}) got {urls}")
        print(f"pagefind recall@5: {hits / max(1, total):.1%} ({hits}/{total})")
    shutil.rmtree(work.parent, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--site", type=Path, help="a built site (default: build the example portal)")
    ap.add_argument("--engine", choices=("prongsai", "pagefind"), default="prongsai")
    args = ap.parse_args()
    tmp = None
    if args.site:
        site = args.site.resolve()
    else:
        tmp = Path(tempfile.mkdtemp())
        site = build_example(tmp / "site")
    from playwright.sync_api import sync_playwright

    try:
        with sync_playwright() as p:
            browser = launch_browser(p)
            if args.engine == "pagefind":
                bench_pagefind(browser, site)
            else:
                with serve(site) as base_url:
                    bench_prongsai(browser, site, base_url)
            browser.close()
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
