"""Read the rendered site page by page while it is still rendering, in a worker process that
cleans each page's content (``generator/sanitize.py``), builds the search index
(``generator/search``) and checks the links (``generator/checks/links.py``).

The renderer reports each HTML file once it is written (``SiteScan.page_written``); the worker
reads it from disk once for all three, on another core, while the render goes on with the next
pages. ``finish`` (after the renderer is done) reads any HTML file not reported, resolves the
links against the finished folder and writes the search index into the site. A renderer that
reports nothing gets the same result, only later.

A renderer can say more, so that less is left for ``finish``:

- before the first page, every file it will write (``page_written.will_write``): the link check
  resolves each page's links against that list as the page comes, and only checks at the end
  that the files were written;
- with each page, where its content is (``page_written(rel, span)``, the content having been
  put between ``page_written.marks``): the worker runs that span through nh3 and writes the
  page again if cleaning changed it; ``finish`` fails unless every page so reported was
  cleaned, so an uncleaned page is never published;
- after the last, that it reported every HTML file (``page_written.all_reported``): then the
  folder is not listed at all.

The search index writes each page's text file as the page comes. One worker rather than one per
task: the page is read once, and the index and the link check always see the cleaned page.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .background import Inbox, Worker, WorkerFailed, keep
from .checks.links import BrokenLink, LinkScan
from .sanitize import Span, clean_span, new_marks
from .search.index import INDEX_DIR, Indexer, IndexStats


@dataclass
class ScanResult:
    broken_links: list[BrokenLink]
    index: IndexStats
    cleaned: int  # pages whose content the worker cleaned


class SiteScan:
    """The worker process for one build; use as a context manager, or call ``cancel`` when the
    build stops early. It starts at once, so that it is ready when pages come: the site's folder
    and address can be given later (:meth:`open`)."""

    def __init__(self, site_dir: Path | None = None, site_url: str = "") -> None:
        self._worker = Worker(_scan)
        self.page_written = PageReport(self._worker)
        if site_dir is not None:
            self.open(site_dir, site_url)

    def open(self, site_dir: Path, site_url: str) -> None:
        """The folder the pages are written into, and the site's address (for the link check)."""
        self._worker.send((site_dir, site_url))

    def finish(self) -> ScanResult:
        """Read what was not reported, check the links, write the search index; wait for it."""
        self.page_written.flush()
        self._worker.send(self.page_written.complete)
        try:
            result: ScanResult = self._worker.result()
        except WorkerFailed as failed:
            raise RuntimeError(f"the site scan failed in its worker process:\n{failed}") from None
        if result.cleaned != self.page_written.spans:  # an uncleaned page must not be published
            raise RuntimeError(f"the site scan cleaned {result.cleaned} pages of {self.page_written.spans}")
        return result

    def cancel(self) -> None:
        self._worker.cancel()

    def __enter__(self) -> SiteScan:
        return self

    def __exit__(self, *exc: object) -> None:
        self.cancel()


class PageReport:
    """``SiteScan.page_written``, what the renderer is given: called with the path of each HTML
    file once it is written (relative to the site folder).

    Pages go to the worker a few at a time: a message per page cost the render 25 µs a page,
    a few pages' wait costs the worker nothing. The last pages go one at a time (once
    ``will_write`` has said how many there are), so that what is left to the worker when the
    render ends is as little as it can be."""

    BATCH = 8

    def __init__(self, worker: Worker) -> None:
        self._worker = worker
        self._pending: list[str | tuple[str, Span]] = []
        self.complete = False  # see all_reported
        self.marks = new_marks()  # between which the renderer puts each page's content
        self.spans = 0  # pages reported with their content to clean
        self._left = 1 << 62  # HTML files still to come (see will_write)

    def __call__(self, rel: str, span: Span | None = None) -> None:
        """``span``: where in the written file the content between ``marks`` was."""
        if span is None:
            self._pending.append(rel)
        else:
            self._pending.append((rel, span))
            self.spans += 1
        self._left -= 1
        if len(self._pending) >= self.BATCH or self._left < 2 * self.BATCH:
            self.flush()

    def flush(self) -> None:
        """Send the pages reported since the last batch."""
        if self._pending:
            batch = tuple(self._pending)
            self._pending.clear()
            self._worker.send(batch)

    def will_write(self, files: list[str]) -> None:
        """Before the first page: the files the renderer will write (site-relative), against which
        links are resolved as pages come; the end checks them against the folder."""
        self._worker.send(files)
        self._left = sum(1 for name in files if name.endswith(".html"))

    def all_reported(self) -> None:
        """After the last page: every HTML file the renderer wrote was reported."""
        self.flush()
        self.complete = True


def _pages(site_dir: Path, inbox: Inbox, will_write: Callable[[list[str]], None] | None = None,
           ) -> Iterator[tuple[str, str, Span | None]]:
    """(path, text, span of the content to clean) of each HTML page as it is reported, then of
    those nobody reported (the 404 page, pages of a renderer that reports nothing) unless the
    renderer said it reported all. The list of files the renderer will write goes to
    ``will_write``."""
    seen: set[str] = set()

    def read(rel: str | tuple[str, Span]) -> tuple[str, str, Span | None] | None:
        span = None
        if not isinstance(rel, str):
            rel, span = rel
        seen.add(rel)
        try:
            return rel, (site_dir / rel).read_text("utf-8", errors="replace"), span
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


def _scan(inbox: Inbox) -> ScanResult:
    site_dir, site_url = inbox.recv()
    indexer = Indexer(site_dir)
    links = LinkScan()
    unchecked = INDEX_DIR + "/"  # the search index is written last: nothing links into it
    cleaned = 0

    def will_write(files: list[str]) -> None:
        links.expect(site_dir, site_url, files, unchecked)

    for rel, text, span in _pages(site_dir, inbox, will_write):
        if span is not None:
            if (clean := clean_span(text, span)) is not None:
                text = clean
                (site_dir / rel).write_text(clean, "utf-8")  # not published yet: no one reads it
            cleaned += 1
        indexer.add_html(rel, text)
        links.add_page(rel, text)
    broken = links.broken_links(site_dir, site_url, unchecked=unchecked)
    keep(indexer, links)  # freed by the process's end, after the answer, not before it
    return ScanResult(broken, indexer.write(site_dir), cleaned)
