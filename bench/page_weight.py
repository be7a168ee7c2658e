"""Page weight benchmark (not a test): what a first visit to a page downloads, gzip-compressed.

    .venv/bin/python bench/page_weight.py                      # builds the example, measures the home page
    .venv/bin/python bench/page_weight.py --site site          # an already built site
    .venv/bin/python bench/page_weight.py --pages "" budget/spending-plan/ --json bench/out/weight.json

Debian's Chromium opens the page at phone width (390 px) with an empty cache, waits until the
network is idle and records every response. Each file is weighed as a web server would send it:
gzip level 6 for text (HTML, CSS, JS, SVG, JSON), as-is for formats that are already compressed
(WOFF2, PNG, JPEG, WebP, GIF) — whichever is smaller. The search index (``search-index/``) is
excluded: it is fetched only when someone uses the search. Exit status 1 when a page is over
the budget (250 KB gzip = 256,000 bytes).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "browser"))

from harness import build_example, launch_browser, serve

BUDGET = 250 * 1024
EXCLUDED = ("search-index/",)
KINDS = {
    ".html": "html", "": "html", ".css": "css", ".js": "js", ".woff2": "font", ".woff": "font",
    ".png": "image", ".jpg": "image", ".jpeg": "image", ".webp": "image", ".gif": "image",
    ".svg": "image", ".ico": "image", ".json": "data",
}


def wire_bytes(body: bytes) -> int:
    """Bytes on the wire: gzip -6 or the file as it is, whichever is smaller."""
    return min(len(body), len(gzip.compress(body, compresslevel=6, mtime=0)))


def kind_of(path: str) -> str:
    suffix = Path(path).suffix.lower()
    return KINDS.get(suffix, "other")


def measure(site: Path, pages: list[str], width: int = 390) -> list[dict[str, Any]]:
    from playwright.sync_api import sync_playwright

    results = []
    with serve(site) as base, sync_playwright() as p:
        browser = launch_browser(p)
        for rel in pages:
            ctx = browser.new_context(viewport={"width": width, "height": 844})
            page = ctx.new_page()
            urls: list[str] = []
            page.on("response", lambda r, urls=urls: urls.append(r.url) if r.status < 400 else None)
            page.goto(base + rel, wait_until="networkidle")
            page.wait_for_timeout(300)
            files = []
            by_kind: dict[str, int] = defaultdict(int)
            for url in dict.fromkeys(urls):  # unique, in order
                path = unquote(urlsplit(url).path).lstrip("/")
                if any(path.startswith(x) for x in EXCLUDED) or not url.startswith(base):
                    continue
                local = site / path
                if local.is_dir() or not path:
                    local = local / "index.html"
                if not local.exists():
                    continue
                body = local.read_bytes()
                size = wire_bytes(body)
                kind = kind_of(local.name if path.endswith("/") or not path else path)
                by_kind[kind] += size
                files.append({"path": path or "index.html", "kind": kind, "raw": len(body), "gzip": size})
            ctx.close()
            total = sum(f["gzip"] for f in files)
            results.append(
                {"page": "/" + rel, "total_gzip": total, "budget": BUDGET, "by_kind": dict(by_kind), "files": files}
            )
        browser.close()
    return results


def report(results: list[dict[str, Any]]) -> bool:
    ok = True
    for r in results:
        over = r["total_gzip"] > r["budget"]
        ok = ok and not over
        print(f"\n{r['page']}  first visit, gzip: {r['total_gzip'] / 1024:.1f} KB "
              f"(budget {r['budget'] / 1024:.0f} KB) {'OVER BUDGET' if over else 'ok'}")
        for kind, size in sorted(r["by_kind"].items(), key=lambda kv: -kv[1]):
            print(f"  {kind:<6} {size / 1024:7.1f} KB")
        for f in sorted(r["files"], key=lambda f: -f["gzip"]):
            print(f"    {f['gzip'] / 1024:7.1f} KB  (raw {f['raw'] / 1024:7.1f})  {f['path']}")
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", default="", help="an already built site (default: build the example)")
    parser.add_argument("--pages", nargs="*", default=[""], help='site-relative pages ("" = home)')
    parser.add_argument("--width", type=int, default=390)
    parser.add_argument("--json", default="", help="also write the results here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="prongsai-weight-") as tmp:
        site = Path(args.site) if args.site else build_example(Path(tmp) / "site")
        results = measure(site, args.pages, args.width)
    ok = report(results)
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(results, indent=1), "utf-8")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
