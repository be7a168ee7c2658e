"""``content/documents/<item-id>/<name>.md`` → :class:`~generator.model.Document`.

One small file per document, so a pull request that adds a document touches one place::

    ---
    title: ประกาศใช้แผนพัฒนาท้องถิ่น (พ.ศ. 2566–2570) เพิ่มเติม ครั้งที่ 1
    date: 2568-11-20            # BE; Thai digits are fine
    fiscal_year: 2569           # optional: derived from the date (1 Oct – 30 Sep)
    summary: ...                # optional, one line
    link: https://...           # optional, e.g. the e-GP announcement
    files:                      # optional, beside this file (or anywhere under content/)
      - file: แผนพัฒนา-เพิ่มเติม-1.pdf
        title: ประกาศและรายละเอียดโครงการ   # optional, see below
    ---
    Optional Markdown body: when present the document gets its own page.

A file's link says its ``title:``; without one, the document's title (the only file) or the
document's title and "ไฟล์ที่ 2" (its place in ``files:``), never the file name.

Sub-folders under the item folder (e.g. one per year) are allowed; the document id is the file
name, slugified, and must be unique within the item.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import Collector, Problem
from ..fields import check_keys, date_field, did_you_mean, fiscal_year_field
from ..framework import load_framework
from ..model import Document, SourceRef, split_suffix
from ..sanitize import check_markdown
from ..sources import files_under, load_markdown, project_rel
from ..thai import fiscal_year, slugify
from . import frontmatter as fm
from .attachments import AttachmentResolver

FIELDS = {
    "title": "ชื่อเอกสาร",
    "date": "วันที่ของเอกสาร",
    "fiscal_year": "ปีงบประมาณ",
    "summary": "สรุปสั้น ๆ",
    "link": "ลิงก์ภายนอก",
    "files": "ไฟล์แนบ",
}


# From this many documents on, the last 45% of them are read in a second process (the build's
# other core is idle while it validates): reading the documents 0.68 → 0.50 s at 10,000, 0.145 →
# 0.115 s at 2,000; a build's validate 0.98 → 0.77 s at 10,000. Below it, starting the process
# costs more than it saves.
PARALLEL_FROM = 1500


def load_documents(content: Path, resolver: AttachmentResolver, errors: Collector) -> list[Document]:
    """Every document under ``content/documents/<item-id>/``; unused attachments are warned."""
    folder = content / "documents"
    items = load_framework().items_by_id()
    files = files_under(folder)  # one walk for the documents and the attachments beside them
    wanted: list[str] = []
    for rel in files:
        rel_parts = rel.split("/")
        if split_suffix(rel_parts[-1])[1].lower() != ".md" or rel_parts[-1].lower() == "readme.md":
            continue  # an attachment, or folder instructions for staff
        path = folder / rel
        if len(rel_parts) < 2:
            errors.add(path, 0, "", "ไฟล์เอกสารต้องอยู่ในโฟลเดอร์ของหัวข้อ",
                       "ย้ายไฟล์ไปไว้ใน content/documents/<รหัสหัวข้อ>/ เช่น content/documents/operation-plan/",
                       "document files must sit in content/documents/<item-id>/")
        elif rel_parts[0] not in items:
            item_id = rel_parts[0]
            errors.add(path, 0, "", f"ไม่รู้จักหัวข้อ “{item_id}”{did_you_mean(item_id, items)}",
                       "ย้ายไฟล์ไปไว้ในโฟลเดอร์ที่ชื่อตรงกับรหัสหัวข้อ รหัสที่ใช้ได้: " + ", ".join(items),
                       f"unknown item folder {item_id!r}; valid ids: {', '.join(items)}")
        else:
            wanted.append(rel)
    # A little over half here: the other process has to start, and to send its share back.
    cut = len(wanted) * 11 // 20 if len(wanted) >= PARALLEL_FROM and _can_fork() else len(wanted)
    mine, theirs = wanted[:cut], wanted[cut:]
    elsewhere = _start_elsewhere(content, theirs, resolver.max_mb, errors.root) if theirs else None
    seen: dict[tuple[str, str], str] = {}  # (item, id) -> first file
    docs = _load_files(folder, mine, resolver, errors, seen)
    if elsewhere is not None:
        docs += _collect_elsewhere(elsewhere, folder, theirs, resolver, errors, seen)
    _warn_unreferenced(folder, files, resolver, errors)
    return docs


def _load_files(folder: Path, rels: list[str], resolver: AttachmentResolver, errors: Collector,
                seen: dict[tuple[str, str], str]) -> list[Document]:
    """The documents ``rels`` (relative to ``folder``, each inside a known item folder), whose
    ids are not taken in ``seen`` ((item, id) -> first file) already."""
    docs: list[Document] = []
    project_path = project_rel(errors, folder)
    for rel in rels:
        item_id = rel.partition("/")[0]
        path, here = folder / rel, project_path(rel)
        doc = load_document(path, item_id, resolver, errors, rel=here)
        if doc is not None and fm.first_to_claim(seen, (item_id, doc.id), path, doc.id, errors,
                                                 f"document (item {item_id})", "ในหัวข้อเดียวกัน", here=here):
            docs.append(doc)
    return docs


@dataclass
class _Loaded:
    """What another process made of its share of the documents."""

    docs: list[Document]
    problems: list[Problem]
    used: set[str]
    used_as_written: set[str]
    url_owner: dict[str, str]
    seen: dict[tuple[str, str], str]


def _load_share(content: Path, rels: list[str], max_mb: float, root: Path) -> _Loaded:
    """Run in the other process: load ``rels`` as :func:`_load_files` would, with a resolver and
    problem list of its own."""
    errors = Collector(root)
    resolver = AttachmentResolver(content, max_mb, errors)
    seen: dict[tuple[str, str], str] = {}
    docs = _load_files(content / "documents", rels, resolver, errors, seen)
    return _Loaded(docs, errors.problems, resolver.used, resolver.used_as_written, resolver.url_owner, seen)


def _can_fork() -> bool:
    """Whether a forked copy of this process can do the work: where the system forks, and while
    this process runs no other thread (``prongsai serve`` does) whose locks a copy could inherit
    held. A spawned process would have to import the generator first, which costs more than
    the half it would read."""
    import multiprocessing
    import threading

    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def _start_elsewhere(content: Path, rels: list[str], max_mb: float, root: Path) -> Any:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from ..background import worker_started

    pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"),
                               initializer=worker_started, initargs=(False,))
    future = pool.submit(_load_share, content, rels, max_mb, root)
    pool.shutdown(wait=False)  # the worker exits once its one job is done
    return future


def _collect_elsewhere(future: Any, folder: Path, rels: list[str], resolver: AttachmentResolver,
                       errors: Collector, seen: dict[tuple[str, str], str]) -> list[Document]:
    """The other process's documents, merged as if read here after ours. If its share clashes
    with ours (a document id of an item, or a file whose name slugifies to the web address of a
    different file of ours), it is read again here, so that the clash is reported exactly as one
    process reports it."""
    loaded: _Loaded = future.result()
    if any(key in seen for key in loaded.seen) or \
            any(resolver.url_owner.get(url, rel) != rel for url, rel in loaded.url_owner.items()):
        return _load_files(folder, rels, resolver, errors, seen)
    seen.update(loaded.seen)
    errors.extend(loaded.problems)
    resolver.used |= loaded.used
    resolver.used_as_written |= loaded.used_as_written
    resolver.url_owner.update(loaded.url_owner)
    return loaded.docs


def _warn_unreferenced(folder: Path, files: list[str], resolver: AttachmentResolver, errors: Collector) -> None:
    """A file nobody links is invisible on the site: usually a typo in ``files:``."""
    base = os.fspath(folder)
    for rel in files:
        name = rel.rpartition("/")[2]
        if split_suffix(name)[1].lower() != ".md" and not name.startswith(".") \
                and not resolver.is_used(os.path.join(base, rel)):
            errors.add(folder / rel, 0, "", "ไม่มีเอกสารใดอ้างถึงไฟล์นี้ จึงไม่ปรากฏบนเว็บไซต์",
                       "เพิ่มชื่อไฟล์นี้ในช่อง files: ของเอกสาร หรือลบไฟล์ถ้าไม่ใช้แล้ว",
                       "attachment not referenced by any document", severity="warning")


def load_document(
    path: Path, item_id: str, resolver: AttachmentResolver, errors: Collector, rel: str | None = None
) -> Document | None:
    """One document file, or None after reporting what is wrong with it. ``rel`` is
    ``errors.rel(path)`` when the caller knows it already."""
    loaded = load_markdown(path, errors)
    if loaded is None:
        return None
    meta, body, body_line = loaded
    before = errors.error_count
    check_keys(meta, FIELDS, path, errors)
    title = fm.text(meta, "title", path, errors, required=True, example="ชื่อเอกสาร")
    when = date_field(meta, "date", path, errors)
    fy = fiscal_year_field(meta, "fiscal_year", path, errors)
    summary = fm.text(meta, "summary", path, errors, required=False, example="สรุปสั้น ๆ หนึ่งบรรทัด")
    link = fm.link_field(meta, path, errors)
    files = fm.files_field(meta, path, resolver, errors, title or "")
    if body.strip():
        check_markdown(body, path, body_line, "body", errors)
    if "files" not in meta and "link" not in meta and not body.strip() and errors.error_count == before:
        errors.add(path, meta.line or 1, "files",
                   "เอกสารนี้ไม่มีไฟล์แนบ ลิงก์ หรือเนื้อหา ผู้อ่านจะไม่เห็นอะไรเลย",
                   "เพิ่มช่อง files: (ไฟล์แนบ) หรือ link: (ลิงก์) หรือเขียนเนื้อหาใต้เส้น --- ล่าง",
                   "document has no files, no link and no body")
    if errors.error_count != before or when is None:
        return None
    doc_id = slugify(path.stem) or "document"
    return Document(
        id=doc_id,
        item_id=item_id,
        title=title,
        date=when,
        fiscal_year=fy if fy is not None else fiscal_year(when),
        attachments=files,
        body_md=body.strip() + "\n" if body.strip() else "",
        link=link,
        summary=summary,
        source=SourceRef(rel if rel is not None else errors.rel(path), 1),
    )
