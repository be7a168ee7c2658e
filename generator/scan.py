"""Read the rendered site page by page while it is still rendering, in another process: the
search index (``generator/search``) and the link check (``generator/checks/links.py``).

The renderer reports each HTML file once it is written (``SiteScan.page_written``); a worker
process reads it from disk, extracts its searchable text and its links, and so works on the
second core while the first renders the next pages. ``finish`` (after the renderer is done)
reads any HTML file not reported, writes the search index into the site and resolves the links
against the finished folder. A renderer that reports nothing gets the same result, only later.
"""

from __future__ import annotations

import multiprocessing
import os
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .checks.links import BrokenLink, LinkScan
from .search.index import Indexer, IndexStats

WORKER_NICENESS = 10


@dataclass
class ScanResult:
    broken_links: list[BrokenLink]
    index: IndexStats


class SiteScan:
    """The worker process for one build of ``site_dir``; use as a context manager, or call
    ``cancel`` when the build stops early."""

    def __init__(self, site_dir: Path, site_url: str) -> None:
        ctx = multiprocessing.get_context("spawn")  # no fork: the build has threads (PDPA pool)
        self._inbox: Any = ctx.SimpleQueue()
        self._outbox: Any = ctx.SimpleQueue()
        self._process = ctx.Process(
            target=_work, args=(site_dir, site_url, self._inbox, self._outbox), name="prongsai-scan", daemon=True
        )
        self._process.start()

    def page_written(self, rel: str) -> None:
        """The renderer has written the HTML file ``rel`` (relative to the site folder)."""
        self._inbox.put(rel)

    def finish(self) -> ScanResult:
        """Scan what was not reported, write the search index, check the links; wait for it."""
        self._inbox.put(None)
        kind, value = self._outbox.get()
        self._process.join()
        if kind == "error":
            raise RuntimeError(f"the site scan failed in its worker process:\n{value}")
        result: ScanResult = value
        return result

    def cancel(self) -> None:
        if self._process.is_alive():
            self._process.kill()
            self._process.join()

    def __enter__(self) -> SiteScan:
        return self

    def __exit__(self, *exc: object) -> None:
        self.cancel()


def _work(site_dir: Path, site_url: str, inbox: Any, outbox: Any) -> None:
    # Below the build's own priority: the render is the critical path, this takes what is left.
    os.nice(WORKER_NICENESS)
    try:
        outbox.put(("ok", _scan(site_dir, site_url, inbox)))
    except BaseException:  # reported to the build, which stops with it
        outbox.put(("error", traceback.format_exc()))


def _scan(site_dir: Path, site_url: str, inbox: Any) -> ScanResult:
    indexer, links = Indexer(), LinkScan()
    seen: set[str] = set()

    def read(rel: str) -> None:
        seen.add(rel)
        try:
            text = (site_dir / rel).read_text("utf-8", errors="replace")
        except FileNotFoundError:  # a page the renderer did not write after all
            return
        links.add_page(rel, text)
        indexer.add_html(rel, text)

    while (rel := inbox.get()) is not None:
        read(rel)
    for dirpath, _, filenames in os.walk(site_dir):  # 404.html, and pages nobody reported
        for name in filenames:
            rel = Path(dirpath, name).relative_to(site_dir).as_posix()
            if name.endswith(".html") and rel not in seen:
                read(rel)
    index = indexer.write(site_dir)  # before the link check, as a link may point into the index
    return ScanResult(links.broken_links(site_dir, site_url), index)
