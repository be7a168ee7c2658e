"""Build, serve and browse the example portal: shared by the browser tests and ``screenshots.py``.

Plain functions (no pytest) so that ``make screenshots`` and ``bench/`` can use them too:

- :func:`build_example` builds the example municipality into a folder (never the repo's ``site/``);
- :func:`serve` serves a built site on 127.0.0.1 and a free port, answering unknown paths with
  ``404.html`` like a real static host;
- :func:`launch_browser` starts Debian's Chromium headless with the project's settings (never a
  downloaded browser);
- :data:`PAGE_TYPES` lists every kind of page with candidate URLs; :func:`resolve` picks the first
  candidate that exists in a built site, so tests skip page types that are not built yet and
  tighten by themselves as they land.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WIDTHS = (390, 1280)
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def build_example(out: Path) -> Path:
    """Build the example portal (the repo's ``content/``) into ``out``; return ``out``."""
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1764028800")  # 25 November 2025: reproducible
    from generator.build import build

    out.parent.mkdir(parents=True, exist_ok=True)
    build(ROOT, out=out)
    return out


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files; a missing path gets ``404.html`` with status 404 (as GitHub Pages, S3...)."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code == 404 and page.exists():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 (a free port); yield the base URL ending in '/'."""
    handler = functools.partial(_Handler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def launch_browser(playwright: Any) -> Any:
    """Debian's Chromium, headless, with background networking off (so every request is ours)."""
    return playwright.chromium.launch(
        executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
    )


@dataclass(frozen=True)
class PageType:
    """A kind of page and where to find one: site-relative paths or globs (``*``), tried in order.

    ``search`` marks the "search open with results" state (opened on the home page).
    """

    id: str
    label: str
    candidates: tuple[str, ...]
    search: bool = False


# Kinds of page that citizens and assessors meet. Candidates cover the URLs other parts of the
# project are expected to build; the first that exists in the built site is used.
PAGE_TYPES: tuple[PageType, ...] = (
    PageType("home", "หน้าแรก", ("",)),
    PageType(
        "area",
        "หน้ารวมด้าน (area index)",
        ("basic/", "administration/", "budget/", "hr/", "transparency/", "anti-corruption/"),
    ),
    PageType(
        "register",
        "ทะเบียนเอกสารของหัวข้อ (item register)",
        ("budget/spending-plan/", "administration/operation-plan/", "hr/hr-policy/"),
    ),
    PageType(
        "document",
        "หน้าเอกสาร (document page)",
        ("budget/spending-plan/*/", "administration/*/*/", "budget/*/*/", "hr/*/*/", "transparency/*/*/"),
    ),
    PageType("news", "ข่าวประชาสัมพันธ์ (news)", ("basic/news/*/", "news/*/", "basic/news/", "news/")),
    PageType(
        "dataset",
        "ตารางข้อมูลกว้าง (dataset table)",
        ("budget/procurement-plan/", "budget/procurement-monthly/", "administration/service-statistics/"),
    ),
    PageType(
        "plan",
        "แผนปฏิบัติการป้องกันการทุจริต (plan overview)",
        ("anti-corruption/action-plan/", "plan/"),
    ),
    PageType(
        "project",
        "หน้าโครงการในแผน (project page)",
        ("anti-corruption/action-plan/*/", "plan/*/", "plan/*/*/"),
    ),
    PageType("catalog", "คลังตัวอย่างโครงการ (catalog browser)", ("catalog/", "catalog/*/")),
    PageType("ita", "หน้า ITA", ("ita/", "ita/*/")),
    PageType("open-data", "ข้อมูลเปิด (open data)", ("open-data/", "opendata/", "data/")),
    PageType("contact", "ข้อมูลการติดต่อ (contact)", ("basic/contact/",)),
    PageType("accessibility", "การเข้าถึงเว็บไซต์ (accessibility statement)", ("accessibility/",)),
    PageType("privacy", "ประกาศความเป็นส่วนตัว", ("privacy/",)),
    PageType("search", "ค้นหา (search open with results)", ("",), search=True),
    PageType("404", "ไม่พบหน้า (404)", ("this-page-does-not-exist/",)),
)


def resolve(site: Path, pt: PageType) -> str | None:
    """The site-relative URL of the first candidate of ``pt`` that exists in ``site``, or None.

    The 404 type always resolves (the server answers with ``404.html``) when that file exists.
    """
    if pt.id == "404":
        return pt.candidates[0] if (site / "404.html").exists() else None
    for cand in pt.candidates:
        if "*" in cand:
            hits = sorted(p.parent for p in site.glob(cand + "index.html"))
            hits = [h for h in hits if not h.relative_to(site).parts[0].startswith(("assets", "search"))]
            if hits:
                return hits[0].relative_to(site).as_posix() + "/"
        elif (site / cand / "index.html").exists():
            return cand
    return None


SEARCH_QUERY = "แผน"


def open_search(page: Any, query: str = SEARCH_QUERY) -> bool:
    """Open the site search and type ``query``; True when results appeared."""
    opener = page.locator("label.md-header__button[for=__search], [data-md-toggle=search]").first
    box = page.locator("input[type=search], input.md-search__input, [role=search] input").first
    if box.count() == 0:
        return False
    if not box.is_visible() and opener.count():
        with contextlib.suppress(Exception):
            opener.click(timeout=2000)
    with contextlib.suppress(Exception):
        box.click(timeout=2000)
    box.fill(query)
    results = page.locator(
        ".md-search-result__item, .pagefind-ui__result, [data-search-result], .search-result"
    )
    try:
        results.first.wait_for(state="visible", timeout=8000)
    except Exception:
        return False
    # Material fades the results in: checks (axe's contrast) must see the end state, not a frame
    # of the fade (a run once measured the accent #8d5a00 at 80% opacity: 4.29:1 instead of 5.9:1).
    with contextlib.suppress(Exception):
        page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')",
                               timeout=5000)
    return True
