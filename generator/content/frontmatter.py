"""Checks shared by the loaders of Markdown records (documents, news): one front-matter field
at a time, each mistake reported at its line with the fix, and the loader goes on."""

from __future__ import annotations

import difflib
from collections.abc import Hashable, Iterable
from datetime import date
from pathlib import Path
from typing import Any

from ..dates import DateError, parse_date, parse_fiscal_year
from ..errors import Collector
from ..model import Attachment
from ..sources import LDict, LList
from .attachments import AttachmentResolver


def suggest(word: str, choices: Iterable[str]) -> str:
    """" (หมายถึง “x” หรือไม่)" for the closest choice, or ""."""
    match = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return f" (หมายถึง “{match[0]}” หรือไม่)" if match else ""


def first_to_claim(
    seen: dict[Any, str], key: Hashable, path: Path, url_id: str, errors: Collector, what: str, where: str = ""
) -> bool:
    """Whether ``path`` is the first file to take ``key``, the id its URL is made of.

    A later file with the same id is reported on both files: either may be the one to rename.
    ``what`` names the record in English ("document"), ``where`` narrows the Thai ("ในหัวข้อเดียวกัน").
    """
    here = errors.rel(path)
    first = seen.setdefault(key, here)
    if first == here:
        return True
    for this, other in ((here, first), (first, here)):
        errors.add(this, 0, "", f"ชื่อไฟล์ซ้ำกับ “{other}”{where and ' ' + where} (ได้ที่อยู่เว็บเดียวกัน: {url_id})",
                   "เปลี่ยนชื่อไฟล์ใดไฟล์หนึ่ง เช่น เติมวันที่หรือลำดับต่อท้าย",
                   f"duplicate {what} id {url_id!r}: {this} and {other}")
    return False


def check_keys(meta: LDict, allowed: dict[str, str], path: Path, errors: Collector) -> None:
    """Unknown front-matter keys are usually typos; ``allowed`` maps key → Thai meaning."""
    for key in meta:
        if key not in allowed:
            listing = ", ".join(f"{k} ({v})" for k, v in allowed.items())
            errors.add(path, meta.line_of(key), key, f"ไม่รู้จักช่อง “{key}”{suggest(key, allowed)}",
                       f"แก้ชื่อช่องให้ถูก หรือลบบรรทัดนี้ ช่องที่ใช้ได้: {listing}",
                       f"unknown front-matter field {key!r}; allowed: {', '.join(allowed)}")


def text(meta: LDict, key: str, path: Path, errors: Collector, required: bool, example: str) -> str:
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


def date_field(meta: LDict, key: str, path: Path, errors: Collector, required: bool = True) -> date | None:
    if key not in meta or meta[key] in (None, ""):
        if required:
            errors.add(path, meta.line_of(key) if key in meta else meta.line or 1, key,
                       f"ยังไม่ได้กรอกช่อง {key} (วันที่)",
                       f"เพิ่มบรรทัด {key}: 2569-03-15 หรือ {key}: 15 มีนาคม 2569 (ปี พ.ศ.)",
                       f"required date field {key!r} is missing")
        return None
    try:
        return parse_date(meta[key])
    except DateError as exc:
        errors.add(path, meta.line_of(key), key, exc.thai, exc.fix, exc.english)
        return None


def fiscal_year_field(meta: LDict, path: Path, errors: Collector) -> int | None:
    if meta.get("fiscal_year") in (None, ""):
        return None
    try:
        return parse_fiscal_year(meta["fiscal_year"])
    except DateError as exc:
        errors.add(path, meta.line_of("fiscal_year"), "fiscal_year", exc.thai, exc.fix, exc.english)
        return None


def link_field(meta: LDict, path: Path, errors: Collector) -> str | None:
    value = meta.get("link")
    if value in (None, ""):
        return None
    if not isinstance(value, str) or not value.strip().startswith(("https://", "http://")):
        errors.add(path, meta.line_of("link"), "link", "ลิงก์ต้องขึ้นต้นด้วย https:// หรือ http://",
                   "คัดลอกที่อยู่เว็บเต็ม ๆ จากแถบที่อยู่ของเบราว์เซอร์มาวาง",
                   f"link {value!r} is not an http(s) URL")
        return None
    return value.strip()


def files_field(
    meta: LDict, path: Path, resolver: AttachmentResolver, errors: Collector
) -> tuple[Attachment, ...]:
    """``files:`` is a list whose entries are a file name or {file, title}."""
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
    for entry, line in zip(value_list, lines, strict=True):
        if isinstance(entry, LDict):
            for key in entry:
                if key not in ("file", "title"):
                    errors.add(path, entry.line_of(key), f"files.{key}",
                               f"ไม่รู้จักช่อง “{key}” ในรายการไฟล์{suggest(key, ['file', 'title'])}",
                               "แต่ละไฟล์มีได้เฉพาะ file: (ชื่อไฟล์) และ title: (ชื่อที่แสดง)",
                               f"unknown key {key!r} in files entry; use file and title")
            title = entry.get("title")
            att = resolver.resolve(entry.get("file"), path, entry.line_of("file"), "files.file",
                                   title=str(title) if title else "")
        else:
            att = resolver.resolve(entry, path, line, "files")
        if att is not None:
            out.append(att)
    return tuple(out)
