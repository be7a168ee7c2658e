"""Write the search index of a rendered site: small files the browser fetches on demand.

Layout under ``<site>/search-index/``:

- ``docs.json`` — format version, content hash, shard count, and per page ``[url, title, length]``;
  fetched when the search box gets focus.
- ``g/<n>.json`` — shards of the trigram index: ``{key: [doc, weight, doc, weight, ...]}`` with
  doc numbers delta-encoded; a query fetches only the shards of its own keys.
- ``f/<doc>.json`` — each page's title, headings and text, fetched for the results shown (to
  check the match and cut the highlighted snippet).

Every file is written with sorted keys from pages sorted by URL, so two builds of the same input
are byte-identical.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from json.encoder import encode_basestring
from pathlib import Path
from typing import NamedTuple

from .extract import PageText, extract
from .normalize import grams, normalize_text, shard_of

INDEX_DIR = "search-index"
FORMAT = 1
# A title match counts as eight body matches, a heading as three: citizens type page names.
TITLE_WEIGHT, HEADING_WEIGHT = 8, 3
MAX_WEIGHT = 4095
# Aim for shards of about this many bytes: a query reads one shard per distinct key prefix.
SHARD_TARGET_BYTES = 8_000
# Page text kept for snippets and checking matches (the index itself covers all of it): a long
# table page would otherwise cost a phone tens of kilobytes per search.
MAX_TEXT = 12_000


@dataclass
class IndexStats:
    pages: int
    keys: int
    shards: int
    bytes: int


def _dumps(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def page_url(rel: str) -> str | None:
    """The address a built HTML file is indexed under, or None for a file the index leaves out."""
    if rel == "404.html" or rel.startswith(INDEX_DIR + "/"):
        return None
    return rel[: -len("index.html")] if rel.endswith("index.html") else rel


def collect_pages(site_dir: Path) -> list[PageText]:
    """Searchable text of every HTML page of the built site, sorted by URL."""
    pages: list[PageText] = []
    for path in sorted(site_dir.rglob("*.html")):
        url = page_url(path.relative_to(site_dir).as_posix())
        if url is None:
            continue
        page = extract(url, path.read_text("utf-8"))
        if page is not None and (page.title or page.body):
            pages.append(page)
    pages.sort(key=lambda p: p.url)
    return pages


def _weights(page: PageText) -> tuple[Counter[str], int]:
    """Weighted key counts of one page, and its length in normalised characters."""
    title = normalize_text(page.title)
    body = normalize_text(page.body)
    counts: Counter[str] = Counter(grams(body))
    for key in grams(title):
        counts[key] += TITLE_WEIGHT
    for heading in page.headings:
        for key in grams(normalize_text(heading)):
            counts[key] += HEADING_WEIGHT
    if counts and max(counts.values()) > MAX_WEIGHT:  # rare: looking costs less than the loop
        for key, weight in counts.items():
            if weight > MAX_WEIGHT:
                counts[key] = MAX_WEIGHT
    return counts, len(title) + len(body)


class _Weighed(NamedTuple):
    """One page as the index needs it: everything but its doc number (its rank by URL)."""

    url: str
    title: str
    length: int
    counts: Counter[str]
    text_file: bytes  # the page's f/<doc>.json


def _weigh(page: PageText) -> _Weighed:
    counts, length = _weights(page)
    text: dict[str, object] = {"b": page.body[:MAX_TEXT], "h": page.headings, "t": page.title, "u": page.url}
    if len(page.body) > MAX_TEXT:
        text["cut"] = True
    return _Weighed(page.url, page.title, length, counts, _dumps(text).encode())


class _Postings:
    """Pages added in URL order become doc 0, 1, 2, ...; each key's postings are kept as
    ``[doc delta, weight, doc delta, weight, ...]`` as they grow, each number already in decimal:
    turning millions of numbers into text at the end took most of writing the index."""

    def __init__(self) -> None:
        self.postings: dict[str, list[str]] = {}
        self.last: dict[str, int] = {}  # key -> the last doc in its postings
        self.pages: list[_Weighed] = []  # without their counts, which are in the postings now
        # n -> str(n): weights stop at MAX_WEIGHT, doc deltas at the number of pages
        self.decimal = [str(n) for n in range(MAX_WEIGHT + 1)]
        self.raw_size = 0  # what sizes the shards: 3 per key character, 4 per number

    def add(self, page: _Weighed) -> None:
        doc = len(self.pages)
        postings, last, decimal = self.postings, self.last, self.decimal
        if doc >= len(decimal):
            decimal.append(str(doc))
        new_keys = 0
        for key, weight in page.counts.items():
            flat = postings.get(key)
            if flat is None:
                postings[key] = [decimal[doc], decimal[weight]]
                new_keys += len(key)
            else:
                flat += (decimal[doc - last[key]], decimal[weight])  # docs come in order: deltas are positive
            last[key] = doc
        self.raw_size += new_keys * 3 + len(page.counts) * 8
        self.pages.append(page._replace(counts=Counter()))

    def weighed(self) -> list[_Weighed]:
        """The pages added, with their counts back (read out of the postings)."""
        counts: list[Counter[str]] = [Counter() for _ in self.pages]
        for key, flat in self.postings.items():
            doc = 0
            for i in range(0, len(flat), 2):
                doc += int(flat[i])
                counts[doc][key] = int(flat[i + 1])
        return [page._replace(counts=c) for page, c in zip(self.pages, counts, strict=True)]


def _shard_count(raw_size: int) -> int:
    shards = 16
    while shards < 4096 and raw_size / shards > SHARD_TARGET_BYTES:
        shards *= 2
    return shards


class Indexer:
    """Builds the index a page at a time, as a renderer writes pages: each page is read and
    weighed when it is added. Pages that come in URL order (the renderer is given them sorted)
    go straight into the postings, so that :meth:`write` has little left to do; any page out of
    order makes it rank them all by URL at the end instead, with the same result.

    Given the site's folder, it writes each in-order page's text file there at once (its doc
    number is known), so that only the shards and ``docs.json`` are left for :meth:`write`."""

    def __init__(self, site_dir: Path | None = None) -> None:
        self._in_order = _Postings()
        self._others: list[_Weighed] = []
        self._site_dir = site_dir
        self._written: dict[str, int] = {}  # text files already in site_dir -> their size in bytes
        self._made = 0  # shard files made (empty) in site_dir so far

    def add(self, page: PageText) -> None:
        weighed = _weigh(page)
        done = self._in_order.pages
        if not self._others and (not done or done[-1].url < weighed.url):
            self._in_order.add(weighed)
            if self._site_dir is not None:
                self._write_early(self._site_dir / INDEX_DIR, len(done) - 1, weighed.text_file)
        else:
            self._others.append(weighed)

    def _write_early(self, target: Path, doc: int, text: bytes) -> None:
        """Write the text file of ``doc``; make the files still to come, empty: on a disk busy with
        the rest of the site, making thousands of files can take a tenth of a second or more,
        which is better spent now than in :meth:`write`."""
        if not self._written:  # only now: the renderer empties the site's folder before its pages
            if target.exists():
                shutil.rmtree(target)
            (target / "f").mkdir(parents=True)
            (target / "g").mkdir()
            _write_file(target / "docs.json", b"")
        name = f"f/{doc}.json"
        self._written[name] = _write_file(target / name, text)
        # The shards' number only grows as pages come: every one made now is written at the end.
        for n in range(self._made, _shard_count(self._in_order.raw_size)):
            _write_file(target / f"g/{n}.json", b"")
            self._made = n + 1

    def add_html(self, rel: str, text: str) -> None:
        """Add the built HTML file ``rel`` (site-relative), unless the index leaves it out."""
        url = page_url(rel)
        page = extract(url, text) if url is not None else None
        if page is not None and (page.title or page.body):
            self.add(page)

    def write(self, site_dir: Path) -> IndexStats:
        """Write the index of the pages added so far into ``site_dir``."""
        if self._others:  # ranked again: the text files written early are written over
            pages = sorted(self._in_order.weighed() + self._others, key=lambda w: w.url)
            return write_index(site_dir, *_assemble(pages))
        if site_dir != self._site_dir or not self._written:
            return write_index(site_dir, *_files(self._in_order))
        return _write_files(site_dir, *_files(self._in_order), written=self._written)


def build_index(pages: list[PageText]) -> dict[str, str]:
    """The index files of ``pages`` (sorted by URL) as {relative path: text}."""
    return {name: data.decode() for name, data in _assemble([_weigh(page) for page in pages])[0].items()}


def _assemble(weighed: list[_Weighed]) -> tuple[dict[str, bytes], int]:
    """The index files of the weighed pages (in URL order), and the number of keys."""
    acc = _Postings()
    for page in weighed:
        acc.add(page)
    return _files(acc)


def _files(acc: _Postings) -> tuple[dict[str, bytes], int]:
    """The index files as {relative path: UTF-8 text}, and the number of keys."""
    postings = acc.postings
    docs = [[page.url, page.title, page.length] for page in acc.pages]
    files = {f"f/{doc}.json": page.text_file for doc, page in enumerate(acc.pages)}
    shards = _shard_count(acc.raw_size)
    grouped: list[dict[str, list[str]]] = [{} for _ in range(shards)]
    for key, flat in postings.items():
        grouped[shard_of(key, shards)][key] = flat
    for n, shard in enumerate(grouped):
        files[f"g/{n}.json"] = _shard_text(shard).encode()
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode() + b"\0" + files[name] + b"\0")
    files["docs.json"] = _dumps(
        {"docs": docs, "format": FORMAT, "shards": shards, "version": digest.hexdigest()[:12]}
    ).encode()
    return files, len(postings)


def _shard_text(shard: dict[str, list[str]]) -> str:
    """``_dumps(shard)`` of postings kept in decimal (see :class:`_Postings`): the same text."""
    keys = sorted(shard)
    return "{" + ",".join([f'{encode_basestring(key)}:[{",".join(shard[key])}]' for key in keys]) + "}"


def index_site(site_dir: Path) -> IndexStats:
    """Index the rendered site in ``site_dir`` (in place) and return what was written."""
    return write_index(site_dir, *_assemble([_weigh(page) for page in collect_pages(site_dir)]))


def write_index(site_dir: Path, files: dict[str, bytes], keys: int) -> IndexStats:
    """Write the index ``files`` into ``site_dir`` (replacing any earlier index)."""
    target = site_dir / INDEX_DIR
    if target.exists():
        shutil.rmtree(target)
    return _write_files(site_dir, files, keys, written={})


def _write_files(site_dir: Path, files: dict[str, bytes], keys: int, written: Mapping[str, int]) -> IndexStats:
    """Write the index ``files`` into ``site_dir`` but those already ``written`` (name -> bytes)."""
    target = site_dir / INDEX_DIR
    for folder in sorted({name.rpartition("/")[0] for name in files}):
        (target / folder).mkdir(parents=True, exist_ok=True)
    size = sum(written.values())
    for name in sorted(files):
        if name not in written:
            size += _write_file(f"{target}/{name}", files[name])  # a Path per file costs too
    # Material's own index (the whole site in one file, fetched on every page load by its search
    # form) is replaced by ours; its form is not on our pages, so nothing asks for the file.
    material_index = site_dir / "search" / "search_index.json"
    if material_index.exists():
        material_index.unlink()
    folders = [name.partition("/")[0] for name in files]  # a text file per page, the shards
    return IndexStats(pages=folders.count("f"), keys=keys, shards=folders.count("g"), bytes=size)


def _write_file(path: str | Path, data: bytes) -> int:
    """Write a file with plain system calls (half the time of ``Path.write_bytes``, which counts
    over thousands of index files); return its size. The file is cut to size after writing, not
    emptied when opened (O_TRUNC), which would make Linux (ext4) flush it to disk on closing."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_CLOEXEC, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        os.ftruncate(fd, len(data))
    finally:
        os.close(fd)
    return len(data)
