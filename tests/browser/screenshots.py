"""``make screenshots``: PNGs of every kind of page at phone and desktop widths, to look at.

Builds the example portal into a temporary folder, serves it on 127.0.0.1, and writes
``screenshots/<page type>-<width>.png`` (full page; git-ignored), plus ``…-print.pdf`` of the
register page as Chromium prints it on A4. Page types not built yet are listed and skipped.

    .venv/bin/python tests/browser/screenshots.py [--out DIR] [--only home,register] [--site DIR]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from harness import PAGE_TYPES, ROOT, WIDTHS, build_example, launch_browser, open_search, resolve, serve


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "screenshots"))
    parser.add_argument("--only", default="", help="comma-separated page type ids")
    parser.add_argument("--site", default="", help="an already built site (default: build the example)")
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    only = {s for s in args.only.split(",") if s}

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="prongsai-shots-") as tmp:
        site = Path(args.site) if args.site else build_example(Path(tmp) / "site")
        with serve(site) as base, sync_playwright() as p:
            browser = launch_browser(p)
            written = 0
            for pt in PAGE_TYPES:
                if only and pt.id not in only:
                    continue
                rel = resolve(site, pt)
                if rel is None:
                    print(f"skip {pt.id}: not built yet ({pt.label})")
                    continue
                for width in WIDTHS:
                    ctx = browser.new_context(viewport={"width": width, "height": 900}, locale="th-TH")
                    page = ctx.new_page()
                    page.goto(base + rel, wait_until="networkidle")
                    if pt.search and not open_search(page):
                        print(f"skip {pt.id}: search shows no results")
                        ctx.close()
                        break
                    target = out / f"{pt.id}-{width}.png"
                    page.screenshot(path=str(target), full_page=not pt.search)
                    written += 1
                    print(f"{target.relative_to(out.parent) if out.parent in target.parents else target}  ({base}{rel})")
                    if pt.id == "register" and width == WIDTHS[-1]:
                        pdf = out / f"{pt.id}-print.pdf"
                        page.emulate_media(media="print")
                        page.pdf(path=str(pdf), format="A4", print_background=True)
                        page.screenshot(path=str(out / f"{pt.id}-print.png"), full_page=True)
                        print(f"{pdf.name} (A4, print stylesheet)")
                    ctx.close()
            browser.close()
    print(f"{written} screenshots in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
