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
import shutil
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

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


def collect_pages(site_dir: Path) -> list[PageText]:
    """Searchable text of every HTML page of the built site, sorted by URL."""
    pages: list[PageText] = []
    for path in sorted(site_dir.rglob("*.html")):
        rel = path.relative_to(site_dir).as_posix()
        if rel == "404.html" or rel.startswith(INDEX_DIR + "/"):
            continue
        url = rel[: -len("index.html")] if rel.endswith("index.html") else rel
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
    return counts, len(title) + len(body)


def build_index(pages: list[PageText]) -> dict[str, str]:
    """The index files as {relative path: text}."""
    postings: dict[str, list[tuple[int, int]]] = {}
    docs: list[list[object]] = []
    files: dict[str, str] = {}
    for doc, page in enumerate(pages):
        counts, length = _weights(page)
        for key, weight in counts.items():
            postings.setdefault(key, []).append((doc, min(weight, MAX_WEIGHT)))
        docs.append([page.url, page.title, length])
        text: dict[str, object] = {"b": page.body[:MAX_TEXT], "h": page.headings, "t": page.title, "u": page.url}
        if len(page.body) > MAX_TEXT:
            text["cut"] = True
        files[f"f/{doc}.json"] = _dumps(text)
    raw_size = sum(len(k) * 3 + 8 * len(v) for k, v in postings.items())
    shards = 16
    while shards < 4096 and raw_size / shards > SHARD_TARGET_BYTES:
        shards *= 2
    grouped: list[dict[str, list[int]]] = [{} for _ in range(shards)]
    for key, plist in postings.items():
        flat: list[int] = []
        last = 0
        for doc, weight in plist:  # docs are appended in order, so deltas are positive
            flat += [doc - last, weight]
            last = doc
        grouped[shard_of(key, shards)][key] = flat
    for n, shard in enumerate(grouped):
        files[f"g/{n}.json"] = _dumps(shard)
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode() + b"\0" + files[name].encode() + b"\0")
    files["docs.json"] = _dumps(
        {"docs": docs, "format": FORMAT, "shards": shards, "version": digest.hexdigest()[:12]}
    )
    return files


def index_site(site_dir: Path) -> IndexStats:
    """Index the rendered site in ``site_dir`` (in place) and return what was written."""
    target = site_dir / INDEX_DIR
    if target.exists():
        shutil.rmtree(target)
    pages = collect_pages(site_dir)
    files = build_index(pages)
    for name in sorted(files):
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(files[name], encoding="utf-8")
    # Material's own index (the whole site in one file, fetched on every page load by its search
    # form) is replaced by ours; its form is not on our pages, so nothing asks for the file.
    material_index = site_dir / "search" / "search_index.json"
    if material_index.exists():
        material_index.unlink()
    shards = json.loads(files["docs.json"])["shards"]
    return IndexStats(
        pages=len(pages),
        keys=sum(len(json.loads(files[f"g/{n}.json"])) for n in range(shards)),
        shards=shards,
        bytes=sum(len(t.encode()) for t in files.values()),
    )
