"""Attached files (PDF, spreadsheets, images) referenced from documents and news.

A reference is a path relative to the Markdown file that names it ("งบประมาณ 2569.pdf" beside
the document, or "../shared/แบบฟอร์ม.pdf"). The file must exist, stay inside ``content/`` (no
``../`` out of it, no absolute paths, no symlink pointing elsewhere), be one of the types readers
can open, and not exceed ``settings.max_attachment_mb``. It is published at
``files/<path under content/>`` with each folder and the file name slugified, so that Thai names
with spaces give valid, readable URLs.
"""

from __future__ import annotations

import errno
import os
import stat
from functools import lru_cache
from pathlib import Path, PurePosixPath

from ..errors import Collector
from ..model import Attachment, split_suffix
from ..sources import NOT_THERE_ERRNOS
from ..thai import format_bytes, slugify

#: File types readers can open without special software; the label is what links show.
ALLOWED_TYPES: dict[str, str] = {
    "pdf": "PDF",
    "xlsx": "Excel",
    "xls": "Excel",
    "docx": "Word",
    "doc": "Word",
    "odt": "ODT",
    "ods": "ODS",
    "csv": "CSV",
    "jpg": "JPG",
    "jpeg": "JPG",
    "png": "PNG",
    "webp": "WEBP",
    "zip": "ZIP",
}
IMAGE_TYPES = frozenset({"jpg", "jpeg", "png", "webp"})


def published_url(content_rel: str) -> str:
    """``documents/แผน/แผน ปี 2569.PDF`` → ``files/documents/แผน/แผน-ปี-2569.pdf``."""
    parts = content_rel.split("/")
    if "" in parts or "." in parts:  # "//", "./", "/" at an end: as pathlib spells them
        parts = list(PurePosixPath(content_rel).parts)
    stem, suffix = split_suffix(parts[-1])
    return f"{_published_folder(tuple(parts[:-1]))}/{slugify(stem) or 'file'}{suffix.lower()}"


@lru_cache(maxsize=4096)
def _published_folder(folders: tuple[str, ...]) -> str:
    """``files/`` and the slugified folders: the same few folders hold thousands of files."""
    return "/".join(["files", *(slugify(p) or "_" for p in folders)])


def describe(att: Attachment) -> str:
    """What a link says about the file: "PDF, 120 KB"."""
    ext = att.ext
    return f"{ALLOWED_TYPES.get(ext, ext.upper())}, {format_bytes(att.size)}"


def _stat(path: str) -> tuple[os.stat_result | None, OSError | None]:
    """``os.stat(path)``, or the error it raised."""
    try:
        return os.stat(path), None
    except OSError as exc:
        return None, exc


class AttachmentResolver:
    """Resolves and checks references for one build; remembers which URL each file got, so two
    different files whose names slugify alike are reported instead of overwriting each other."""

    def __init__(self, content: Path, max_mb: float, errors: Collector) -> None:
        self.content = str(content.resolve())  # the real content/ folder, a string: paths are compared as text
        self.max_bytes = int(max_mb * 1024 * 1024)
        self.max_mb = max_mb
        self.errors = errors
        self._content_prefix = os.path.join(self.content, "")  # "/…/content/"
        self.url_owner: dict[str, str] = {}  # published URL -> content-relative path
        self.used: set[str] = set()  # resolved paths of every referenced file
        self.used_as_written: set[str] = set()  # the same, unresolved (cheap to compare)
        self._real_folders: dict[str, str] = {}  # folder as written -> os.path.realpath of it

    def resolve(
        self,
        ref: object,
        doc_path: Path,
        line: int,
        field: str,
        title: str = "",
        images_only: bool = False,
    ) -> Attachment | None:
        """Check one reference written in ``doc_path`` at ``line``; return the Attachment or None
        (after adding a Problem)."""
        add = self.errors.add
        if not isinstance(ref, str) or not ref.strip():
            add(doc_path, line, field, "ไม่ได้ระบุชื่อไฟล์แนบ",
                "เขียนชื่อไฟล์ที่อยู่ในโฟลเดอร์เดียวกับไฟล์นี้ เช่น file: ประกาศ.pdf",
                f"{field}: attachment path missing or not text")
            return None
        ref = ref.strip()
        if ref.startswith(("http://", "https://")):
            add(doc_path, line, field, "ไฟล์แนบต้องเป็นไฟล์ในโฟลเดอร์ content/ ไม่ใช่ลิงก์",
                "อัปโหลดไฟล์ไว้ข้างไฟล์นี้แล้วเขียนชื่อไฟล์ หรือย้ายลิงก์ไปไว้ที่ช่อง link:",
                f"{field}: attachments must be files under content/, not URLs ({ref})")
            return None
        if ref.startswith(("/", "\\")) or (len(ref) > 1 and ref[1] == ":"):
            add(doc_path, line, field, f"“{ref}” เป็นตำแหน่งไฟล์แบบเต็ม (absolute path) ใช้ไม่ได้",
                "เขียนตำแหน่งไฟล์เทียบกับไฟล์นี้ เช่น ประกาศ.pdf หรือ ไฟล์แนบ/ประกาศ.pdf",
                f"{field}: absolute path {ref!r} not allowed; use a path relative to the document")
            return None
        folder, written = os.fspath(doc_path.parent), ref.replace("\\", "/")
        # Resolve symlinks and "..": the real file must still be under content/.
        real = self._realpath(folder, written)
        # One stat serves Path.resolve(), is_file() and stat() as they were used, with their errors.
        st, failure = _stat(real)
        if failure is not None and failure.errno == errno.ELOOP:
            (doc_path.parent / written).resolve()  # raises pathlib's "Symlink loop from …" RuntimeError
        if real != self.content and not real.startswith(self._content_prefix):
            add(doc_path, line, field, f"ไฟล์แนบ “{ref}” อยู่นอกโฟลเดอร์ content/",
                "ย้ายไฟล์มาไว้ในโฟลเดอร์ content/ (เช่น ข้างไฟล์นี้) แล้วแก้ชื่อไฟล์ให้ตรง",
                f"{field}: attachment {ref!r} resolves outside content/")
            return None
        if failure is not None and failure.errno not in NOT_THERE_ERRNOS:
            raise failure
        if st is None or not stat.S_ISREG(st.st_mode):
            hint = self._closest(doc_path.parent / written)
            add(doc_path, line, field, f"ไม่พบไฟล์แนบ “{ref}”",
                "อัปโหลดไฟล์ไว้ในโฟลเดอร์เดียวกับไฟล์นี้ หรือแก้ชื่อไฟล์ให้ตรงทุกตัวอักษร" + hint,
                f"{field}: attachment {ref!r} not found next to {doc_path.name}")
            return None
        ext = split_suffix(os.path.basename(real))[1].lower().lstrip(".")
        allowed = IMAGE_TYPES if images_only else ALLOWED_TYPES.keys()
        if ext not in allowed:
            kinds = "JPG, PNG, WEBP" if images_only else "PDF, XLSX, XLS, DOCX, DOC, ODT, ODS, CSV, JPG, PNG, WEBP, ZIP"
            add(doc_path, line, field, f"ไฟล์ “{ref}” เป็นชนิดที่ไม่รองรับ (.{ext or 'ไม่มีนามสกุล'})",
                f"ใช้ไฟล์ชนิด {kinds} (เช่น บันทึกเป็น PDF ก่อนอัปโหลด)",
                f"{field}: file type .{ext} not allowed; allowed: {kinds}")
            return None
        size = st.st_size
        if size > self.max_bytes:
            add(doc_path, line, field,
                f"ไฟล์ “{ref}” ใหญ่เกินไป ({format_bytes(size)} เกินกำหนด {self.max_mb:g} MB)",
                "ลดขนาดไฟล์ (เช่น สแกนที่ความละเอียด 150 dpi หรือบีบอัด PDF) หรือแบ่งเป็นหลายไฟล์",
                f"{field}: {size} bytes exceeds max_attachment_mb={self.max_mb:g}")
            return None
        rel = real[len(self._content_prefix):]
        url = published_url(rel)
        owner = self.url_owner.setdefault(url, rel)
        if owner != rel:
            add(doc_path, line, field,
                f"ไฟล์ “{rel}” ได้ที่อยู่บนเว็บซ้ำกับไฟล์ “{owner}” ({url})",
                "เปลี่ยนชื่อไฟล์ใดไฟล์หนึ่งให้ต่างกันมากกว่าตัวพิมพ์เล็กใหญ่ เว้นวรรค หรือเครื่องหมาย",
                f"{field}: {rel!r} and {owner!r} publish to the same URL {url}")
            return None
        self.used.add(real)
        self.used_as_written.add(os.path.normpath(os.path.join(folder, written)))
        return Attachment(path=rel, title=title.strip() or Path(ref).stem, size=size, url=url)

    def is_used(self, path: Path | str) -> bool:
        return os.path.normpath(path) in self.used_as_written or str(Path(path).resolve()) in self.used

    def _realpath(self, folder: str, written: str) -> str:
        """``os.path.realpath(folder/written)``, which is what ``Path.resolve()`` gives.

        A file name alone (the usual reference) is looked up in the folder's real path, found
        once per folder: realpath checks every folder from the root down for a symlink, which
        cost more than the rest of the check when done for each of thousands of files.
        """
        if "/" in written or written in (".", ".."):
            return os.path.realpath(os.path.join(folder, written))
        real_folder = self._real_folders.get(folder)
        if real_folder is None:
            real_folder = self._real_folders[folder] = os.path.realpath(folder)
        real = os.path.join(real_folder, written)
        return os.path.realpath(real) if os.path.islink(real) else real

    @staticmethod
    def _closest(candidate: Path) -> str:
        """" (มีไฟล์ชื่อ “…” ในโฟลเดอร์นี้)" when a near match exists: a common slip is a
        different extension case or a space."""
        import difflib

        folder = candidate.parent
        if not folder.is_dir():
            return ""
        names = [p.name for p in folder.iterdir() if p.is_file() and p.suffix.lower() != ".md"]
        match = difflib.get_close_matches(candidate.name, names, n=1, cutoff=0.6)
        return f" (ในโฟลเดอร์นี้มีไฟล์ชื่อ “{match[0]}” ใช่ไฟล์นี้หรือไม่)" if match else ""
