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
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .checks.links import BrokenLink, LinkScan
from .search.index import INDEX_DIR, Indexer, IndexStats

WORKER_NICENESS = 10


@dataclass
class ScanResult:
    broken_links: list[BrokenLink]
    index: IndexStats


class SiteScan:
    """The worker processes for one build of ``site_dir`` (one builds the search index, one checks
    links, so that their last steps run side by side); use as a context manager, or call
    ``cancel`` when the build stops early."""

    def __init__(self, site_dir: Path, site_url: str) -> None:
        ctx = multiprocessing.get_context("spawn")  # no fork: the build has threads (PDPA pool)
        self._workers = [_Worker(ctx, _index, site_dir, site_url), _Worker(ctx, _links, site_dir, site_url)]

    def page_written(self, rel: str) -> None:
        """The renderer has written the HTML file ``rel`` (relative to the site folder)."""
        for worker in self._workers:
            worker.inbox.put(rel)

    def finish(self) -> ScanResult:
        """Read what was not reported, write the search index, check the links; wait for both."""
        for worker in self._workers:
            worker.inbox.put(None)
        index, links = (worker.result() for worker in self._workers)
        return ScanResult(links, index)

    def cancel(self) -> None:
        for worker in self._workers:
            worker.cancel()

    def __enter__(self) -> SiteScan:
        return self

    def __exit__(self, *exc: object) -> None:
        self.cancel()


class _Worker:
    def __init__(self, ctx: Any, job: Callable[..., Any], site_dir: Path, site_url: str) -> None:
        # A Queue, not a bare pipe: putting never blocks the render, even if the worker lags or died.
        self.inbox: Any = ctx.Queue()
        self._result, result_end = ctx.Pipe(duplex=False)
        self._process = ctx.Process(target=_work, args=(job, site_dir, site_url, self.inbox, result_end),
                                    name=f"prongsai-scan{job.__name__}", daemon=True)
        self._process.start()
        result_end.close()  # the worker's end: when it exits, reading here stops waiting

    def result(self) -> Any:
        try:
            kind, value = self._result.recv()
        except EOFError:  # it exited without an answer (killed, out of memory, failed to start)
            kind, value = "error", f"the worker process ended with exit code {self._process.exitcode}"
        self._process.join()
        if kind == "error":
            raise RuntimeError(f"the site scan failed in its worker process:\n{value}")
        return value

    def cancel(self) -> None:
        if self._process.is_alive():
            self._process.kill()
            self._process.join()
        self.inbox.cancel_join_thread()  # don't wait to flush pages nobody will read


def _work(job: Callable[..., Any], site_dir: Path, site_url: str, inbox: Any, result: Any) -> None:
    # Below the build's own priority: the render is the critical path, this takes what is left.
    os.nice(WORKER_NICENESS)
    try:
        result.send(("ok", job(site_dir, site_url, _pages(site_dir, inbox))))
    except BaseException:  # reported to the build, which stops with it
        result.send(("error", traceback.format_exc()))


def _pages(site_dir: Path, inbox: Any) -> Iterator[tuple[str, str]]:
    """(path, text) of each HTML page as it is reported, then of those nobody reported (the 404
    page, pages of a renderer that reports nothing)."""
    seen: set[str] = set()

    def read(rel: str) -> tuple[str, str] | None:
        seen.add(rel)
        try:
            return rel, (site_dir / rel).read_text("utf-8", errors="replace")
        except FileNotFoundError:  # a page the renderer did not write after all
            return None

    while (rel := inbox.get()) is not None:
        if (page := read(rel)) is not None:
            yield page
    for dirpath, _, filenames in os.walk(site_dir):
        for name in filenames:
            rel = Path(dirpath, name).relative_to(site_dir).as_posix()
            wanted = name.endswith(".html") and rel not in seen and not rel.startswith(INDEX_DIR + "/")
            if wanted and (page := read(rel)) is not None:
                yield page


def _index(site_dir: Path, site_url: str, pages: Iterator[tuple[str, str]]) -> IndexStats:
    indexer = Indexer()
    for rel, text in pages:
        indexer.add_html(rel, text)
    return indexer.write(site_dir)


def _links(site_dir: Path, site_url: str, pages: Iterator[tuple[str, str]]) -> list[BrokenLink]:
    links = LinkScan()
    for rel, text in pages:
        links.add_page(rel, text)
    # The search index is written at the same time by the other worker: nothing links into it.
    return links.broken_links(site_dir, site_url, unchecked=INDEX_DIR + "/")
