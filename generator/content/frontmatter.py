"""Checks shared by the loaders of Markdown records (documents, news): one front-matter field
at a time, each mistake reported at its line with the fix, and the loader goes on."""

from __future__ import annotations

from collections.abc import Hashable
from pathlib import Path
from typing import Any

from ..errors import Collector
from ..fields import check_keys
from ..model import Attachment
from ..sources import LDict, LList
from .attachments import AttachmentResolver


def first_to_claim(
    seen: dict[Any, str], key: Hashable, path: Path, url_id: str, errors: Collector, what: str, where: str = "",
    here: str | None = None,
) -> bool:
    """Whether ``path`` is the first file to take ``key``, the id its URL is made of.

    A later file with the same id is reported on both files: either may be the one to rename.
    ``what`` names the record in English ("document"), ``where`` narrows the Thai ("ในหัวข้อเดียวกัน").
    ``here`` is ``errors.rel(path)`` when the caller knows it already.
    """
    if here is None:
        here = errors.rel(path)
    first = seen.setdefault(key, here)
    if first == here:
        return True
    for this, other in ((here, first), (first, here)):
        errors.add(this, 0, "", f"ชื่อไฟล์ซ้ำกับ “{other}”{where and ' ' + where} (ได้ที่อยู่เว็บเดียวกัน: {url_id})",
                   "เปลี่ยนชื่อไฟล์ใดไฟล์หนึ่ง เช่น เติมวันที่หรือลำดับต่อท้าย",
                   f"duplicate {what} id {url_id!r}: {this} and {other}")
    return False


def text(meta: LDict, key: str, path: Path, errors: Collector, required: bool, example: str) -> str:
    """One line of text under ``key`` ("" when absent); a missing required one is reported."""
    value = meta.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            errors.add(path, meta.line_of(key) if key in meta else meta.line or 1, key,
                       f"ยังไม่ได้กรอกช่อง {key}",
                       f"เพิ่มบรรทัด {key}: {example} ในส่วนหัวของไฟล์ (ระหว่างเส้น ---)",
                       f"required field {key!r} is missing or empty")
        return ""
    if isinstance(value, LDict | LList):
        errors.add(path, meta.line_of(key), key, f"ช่อง {key} ต้องเป็นข้อความบรรทัดเดียว",
                   f"เขียนเป็น {key}: {example}", f"field {key!r} must be text")
        return ""
    return str(value).strip()


def link_field(meta: LDict, path: Path, errors: Collector) -> str | None:
    """The optional external ``link:``, which must be an http(s) address."""
    value = meta.get("link")
    if value in (None, ""):
        return None
    if not isinstance(value, str) or not value.strip().startswith(("https://", "http://")):
        errors.add(path, meta.line_of("link"), "link", "ลิงก์ต้องขึ้นต้นด้วย https:// หรือ http://",
                   "คัดลอกที่อยู่เว็บเต็ม ๆ จากแถบที่อยู่ของเบราว์เซอร์มาวาง",
                   f"link {value!r} is not an http(s) URL")
        return None
    return value.strip()


_FILE_ENTRY = {"file": "ชื่อไฟล์", "title": "ชื่อที่แสดง"}


def files_field(
    meta: LDict, path: Path, resolver: AttachmentResolver, errors: Collector, record_title: str = ""
) -> tuple[Attachment, ...]:
    """``files:`` is a list whose entries are a file name or {file, title}.

    A file without ``title:`` is named after its record (``record_title``, the document's or news
    item's title) rather than its file name, which staff write for their folders
    ("2569-แผน-เพิ่มเติม-1"): the title alone for a record's only file, else the title and
    "ไฟล์ที่ 2" (its place in the list). Without a record title the file name stays."""
    value = meta.get("files")
    if value in (None, ""):
        return ()
    if isinstance(value, str):  # a single file written inline is fine
        value_list: list[object] = [value]
        lines = [meta.line_of("files")]
    elif isinstance(value, LList):
        value_list = list(value)
        lines = [value.line_of(i) for i in range(len(value))]
    else:
        errors.add(path, meta.line_of("files"), "files", "ช่อง files ต้องเป็นรายการไฟล์",
                   "เขียนแต่ละไฟล์ขึ้นบรรทัดใหม่ เช่น\n      files:\n        - file: ประกาศ.pdf\n          title: ประกาศ",
                   "files must be a list")
        return ()
    out: list[Attachment] = []
    record_title = record_title.strip()
    for place, (entry, line) in enumerate(zip(value_list, lines, strict=True), start=1):
        title = ""
        if isinstance(entry, LDict):
            check_keys(entry, _FILE_ENTRY, path, errors, prefix="files.", where="รายการไฟล์")
            given = entry.get("title")
            title = str(given).strip() if given else ""
            ref, line, field = entry.get("file"), entry.line_of("file"), "files.file"
        else:
            ref, field = entry, "files"
        if not title and record_title:
            title = record_title if len(value_list) == 1 else f"{record_title} ไฟล์ที่ {place}"
        att = resolver.resolve(ref, path, line, field, title=title)
        if att is not None:
            out.append(att)
    return tuple(out)
