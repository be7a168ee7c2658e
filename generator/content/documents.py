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
from pathlib import Path

from ..errors import Collector
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


def load_documents(content: Path, resolver: AttachmentResolver, errors: Collector) -> list[Document]:
    """Every document under ``content/documents/<item-id>/``; unused attachments are warned."""
    folder = content / "documents"
    items = load_framework().items_by_id()
    docs: list[Document] = []
    seen: dict[tuple[str, str], str] = {}  # (item, id) -> first file
    files = files_under(folder)  # one walk for the documents and the attachments beside them
    project_path = project_rel(errors, folder)
    for rel in files:
        rel_parts = rel.split("/")
        if split_suffix(rel_parts[-1])[1].lower() != ".md":
            continue
        path = folder / rel
        if rel_parts[-1].lower() == "readme.md":
            continue  # folder instructions for staff, not a document
        if len(rel_parts) < 2:
            errors.add(path, 0, "", "ไฟล์เอกสารต้องอยู่ในโฟลเดอร์ของหัวข้อ",
                       "ย้ายไฟล์ไปไว้ใน content/documents/<รหัสหัวข้อ>/ เช่น content/documents/operation-plan/",
                       "document files must sit in content/documents/<item-id>/")
            continue
        item_id = rel_parts[0]
        if item_id not in items:
            errors.add(path, 0, "", f"ไม่รู้จักหัวข้อ “{item_id}”{did_you_mean(item_id, items)}",
                       "ย้ายไฟล์ไปไว้ในโฟลเดอร์ที่ชื่อตรงกับรหัสหัวข้อ รหัสที่ใช้ได้: " + ", ".join(items),
                       f"unknown item folder {item_id!r}; valid ids: {', '.join(items)}")
            continue
        here = project_path(rel)
        doc = load_document(path, item_id, resolver, errors, rel=here)
        if doc is None:
            continue
        if fm.first_to_claim(seen, (item_id, doc.id), path, doc.id, errors, f"document (item {item_id})",
                             "ในหัวข้อเดียวกัน", here=here):
            docs.append(doc)
    _warn_unreferenced(folder, files, resolver, errors)
    return docs


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
