"""Read the rendered site page by page while it is still rendering, in two worker processes: the
search index (``generator/search``) and the link check (``generator/checks/links.py``).

The renderer reports each HTML file once it is written (``SiteScan.page_written``); each worker
reads it from disk, one for its searchable text, one for its links and anchors, and so they work
on another core while the render goes on with the next pages. ``finish`` (after the renderer is done)
reads any HTML file not reported, writes the search index into the site and resolves the links
against the finished folder. A renderer that reports nothing gets the same result, only later.

A renderer can say more, so that less is left for ``finish``: before the first page, every file
it will write (``page_written.will_write``: the link check resolves each page's links against
that list as the page comes, and only checks at the end that the files were written),
and after the last, that it reported every HTML file (``page_written.all_reported``): then the
folder is not listed at all. The search index writes each page's text file as the page comes.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .background import BACKGROUND_NICENESS, in_background
from .checks.links import BrokenLink, LinkScan
from .search.index import INDEX_DIR, Indexer, IndexStats

PIPE_BYTES = 1 << 20  # the usual limit for unprivileged processes (/proc/sys/fs/pipe-max-size)


@dataclass
class ScanResult:
    broken_links: list[BrokenLink]
    index: IndexStats


class SiteScan:
    """The worker processes for one build (one builds the search index, one checks links, so that
    their last steps run side by side); use as a context manager, or call ``cancel`` when the
    build stops early. They start at once, so that they are ready when pages come: the site's
    folder and address can be given later (:meth:`open`)."""

    def __init__(self, site_dir: Path | None = None, site_url: str = "") -> None:
        ctx = multiprocessing.get_context("spawn")  # no fork: the build has threads (PDPA pool)
        links = _Worker(ctx, _links)
        self._workers = [_Worker(ctx, _index), links]
        self.page_written = PageReport(self._workers, links)
        if site_dir is not None:
            self.open(site_dir, site_url)

    def open(self, site_dir: Path, site_url: str) -> None:
        """The folder the pages are written into, and the site's address (for the link check)."""
        for worker in self._workers:
            worker.send((site_dir, site_url))

    def finish(self) -> ScanResult:
        """Read what was not reported, write the search index, check the links; wait for both."""
        self.page_written.flush()
        for worker in self._workers:
            worker.send(self.page_written.complete)
        index, links = (worker.result() for worker in self._workers)
        return ScanResult(links, index)

    def cancel(self) -> None:
        for worker in self._workers:
            worker.cancel()

    def __enter__(self) -> SiteScan:
        return self

    def __exit__(self, *exc: object) -> None:
        self.cancel()


class PageReport:
    """``SiteScan.page_written``, what the renderer is given: called with the path of each HTML
    file once it is written (relative to the site folder).

    Pages go to the workers a few at a time: a message to each worker per page cost the render
    50 µs a page (0.14 s at 10,000 documents), a few pages' wait costs the workers nothing."""

    BATCH = 8

    def __init__(self, workers: list[_Worker], links: _Worker) -> None:
        self._workers = workers
        self._links = links
        self._pending: list[str] = []
        self.complete = False  # see all_reported

    def __call__(self, rel: str) -> None:
        self._pending.append(rel)
        if len(self._pending) >= self.BATCH:
            self.flush()

    def flush(self) -> None:
        """Send the pages reported since the last batch."""
        if self._pending:
            batch = tuple(self._pending)
            self._pending.clear()
            for worker in self._workers:
                worker.send(batch)

    def will_write(self, files: list[str]) -> None:
        """Before the first page: the files the renderer will write (site-relative), against which
        links are resolved as pages come; the end checks them against the folder."""
        self._links.send(files)

    def all_reported(self) -> None:
        """After the last page: every HTML file the renderer wrote was reported."""
        self.flush()
        self.complete = True


class _Worker:
    def __init__(self, ctx: Any, job: Callable[..., Any]) -> None:
        inbox_end, self._inbox = ctx.Pipe(duplex=False)
        self._result, result_end = ctx.Pipe(duplex=False)
        self._process = ctx.Process(target=_work, args=(job, inbox_end, result_end),
                                    name=f"prongsai-scan{job.__name__}", daemon=True)
        self._process.start()
        in_background(self._process.pid)  # now, not once it has imported what it needs
        # Only the worker holds these ends: if it dies, sending fails and receiving stops waiting.
        inbox_end.close()
        result_end.close()
        _widen(self._inbox)
        self._alive = True

    def send(self, message: object) -> None:
        if self._alive:
            try:
                self._inbox.send(message)
            except BrokenPipeError:  # it died: result() says how
                self._alive = False

    def result(self) -> Any:
        try:
            kind, value = self._result.recv()
        except EOFError:  # it exited without an answer (killed, out of memory, failed to start)
            self._process.join()
            kind, value = "error", f"the worker process ended with exit code {self._process.exitcode}"
        if kind == "error":
            self._process.join()
            raise RuntimeError(f"the site scan failed in its worker process:\n{value}")
        # Its work is done: it exits on its own (tens of milliseconds to free a large site's
        # index), which the build need not wait for; cancel() ends it if it is still at it.
        return value

    def cancel(self) -> None:
        if self._process.is_alive():
            self._process.kill()
            self._process.join()


def _widen(conn: Any) -> None:
    """Let the pipe hold a whole site's worth of page paths (Linux: 64 KiB by default, about 900
    pages), so that reporting a page does not wait while a worker is behind."""
    try:
        import fcntl

        fcntl.fcntl(conn.fileno(), getattr(fcntl, "F_SETPIPE_SZ", 1031), PIPE_BYTES)
    except (ImportError, OSError):  # another system, or a lower limit: the default size works too
        pass


def _work(job: Callable[..., Any], inbox: Any, result: Any) -> None:
    in_background()  # in case the build could not set it
    try:
        site_dir, site_url = inbox.recv()
        result.send(("ok", job(site_dir, site_url, inbox)))
    except BaseException:  # reported to the build, which stops with it
        result.send(("error", traceback.format_exc()))


def _pages(site_dir: Path, inbox: Any, will_write: Callable[[list[str]], None] | None = None,
           ) -> Iterator[tuple[str, str]]:
    """(path, text) of each HTML page as it is reported, then of those nobody reported (the 404
    page, pages of a renderer that reports nothing) unless the renderer said it reported all.
    The list of files the renderer will write goes to ``will_write``."""
    seen: set[str] = set()

    def read(rel: str) -> tuple[str, str] | None:
        seen.add(rel)
        try:
            return rel, (site_dir / rel).read_text("utf-8", errors="replace")
        except FileNotFoundError:  # a page the renderer did not write after all
            return None

    # Pages' paths (a tuple), the files to be written (a list), then the end: whether all were
    # reported.
    while not isinstance(message := inbox.recv(), bool):
        if isinstance(message, list):
            if will_write is not None:
                will_write(message)
            continue
        for rel in message:
            if (page := read(rel)) is not None:
                yield page
    if message:
        return
    for dirpath, _, filenames in os.walk(site_dir):
        for name in filenames:
            rel = Path(dirpath, name).relative_to(site_dir).as_posix()
            wanted = name.endswith(".html") and rel not in seen and not rel.startswith(INDEX_DIR + "/")
            if wanted and (page := read(rel)) is not None:
                yield page


def _index(site_dir: Path, site_url: str, inbox: Any) -> IndexStats:
    indexer = Indexer(site_dir)
    for rel, text in _pages(site_dir, inbox):
        indexer.add_html(rel, text)
    return indexer.write(site_dir)


def _links(site_dir: Path, site_url: str, inbox: Any) -> list[BrokenLink]:
    # Below the index worker, which has the most to do per page: where the two share a core (2
    # cores: the build has the other), the link check takes the time the index leaves, and what
    # it has left when the render ends it does beside the index's last steps, on the build's core.
    with contextlib.suppress(AttributeError, OSError):
        os.setpriority(os.PRIO_PROCESS, 0, BACKGROUND_NICENESS + 5)
    links = LinkScan()
    # The search index is written at the same time by the other worker: nothing links into it.
    unchecked = INDEX_DIR + "/"

    def will_write(files: list[str]) -> None:
        links.expect(site_dir, site_url, files, unchecked)

    for rel, text in _pages(site_dir, inbox, will_write):
        links.add_page(rel, text)
    return links.broken_links(site_dir, site_url, unchecked=unchecked)
