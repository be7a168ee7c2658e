"""PDPA guard: personal data must not be published by mistake.

``check_personal_data`` reads every staff file under ``content/`` and ``catalog/`` — Markdown,
YAML, CSV, text, and the text inside PDF, DOCX, XLSX and ODF attachments — and reports:

- **Thai national ID numbers**: 13 digits (Arabic or Thai) whose last digit is the mod-11 check
  digit, written together or grouped 1-2345-67890-12-1 with dashes or spaces. Numbers that fail
  the check digit are not IDs and are not reported.
- **Private mobile phone numbers** (06/08/09, also +66): any that is not one of the
  organisation's own numbers (every number written in ``content/organisation.yml`` is official).
- **House addresses**: "บ้านเลขที่ 12/3" anywhere; and in complaint data (files whose path says
  complaint / ร้องเรียน / ร้องทุกข์) also "เลขที่ 12 หมู่ 3" and "12/3 ม.4".

Each finding is an error at its file and line (for PDF: the page) unless a person has reviewed
it and recorded an exemption in ``content/pdpa-exemptions.yml``::

    exemptions:
      - file: content/documents/2569-01-10-คำสั่ง.pdf
        value: "1-xxxx-xxxxx-12-1"      # masked, exactly as the error message prints it
        reviewed_by: นางสาวตัวอย่าง ใจดี (เจ้าหน้าที่คุ้มครองข้อมูลส่วนบุคคล)
        date: 2569-01-15
        reason: เลขประจำตัวผู้เสียภาษีของนิติบุคคล ไม่ใช่ข้อมูลส่วนบุคคล

The file keeps only masked values, so the exemption list itself leaks nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..background import Inbox, Worker, WorkerFailed, in_background, worker_started
from ..dates import DateError, parse_date
from ..errors import Collector
from ..model import Site
from ..sources import LDict, LList, files_under, load_yaml, project_rel

EXEMPTIONS = "pdpa-exemptions.yml"
TEXT_SUFFIXES = {".md", ".markdown", ".yml", ".yaml", ".csv", ".tsv", ".txt", ".json", ".html", ".htm"}
OFFICE_SUFFIXES = {".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp"}
PDF_SUFFIXES = {".pdf"}
COMPLAINT_WORDS = ("complaint", "ร้องเรียน", "ร้องทุกข์")
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_THAI_DIGIT = re.compile("[๐-๙]")
_CACHE_VERSION = "pdpa-2"  # 2: PDF text read by PDFium
Cache = dict[str, list[list[object]]]

_D = r"\d"
_SEP = r"[ \t\-]?"
# An ID: not preceded by [\d/.,], then [1-8] and 12 more digits. A mobile: not preceded by [\d+],
# then +66, 66 or 0 and the number. Each pattern starts with the character it needs and checks the
# one before it just after (``X(?<!B.)`` is ``(?<!B)X`` for a one-character X): a pattern that
# starts with a look-behind is tried at every position of the text, this one only where X is, 3-4x
# faster over thousands of files. tests/test_pdpa_patterns.py checks them against the plain forms.
_ID = re.compile(rf"([1-8](?<![\d/.,].){_SEP}{_D}{{4}}{_SEP}{_D}{{5}}{_SEP}{_D}{{2}}{_SEP}{_D})(?![\d/.,]\d|\d)")
_NOT_AFTER_DIGIT_OR_PLUS = r"(?<![\d+].)"
_MOBILE = re.compile(rf"((?:\+{_NOT_AFTER_DIGIT_OR_PLUS}66|6{_NOT_AFTER_DIGIT_OR_PLUS}6)[ \t\-]?[689]\d"
                     rf"|0{_NOT_AFTER_DIGIT_OR_PLUS}[689]\d)[ \t\-.]?(\d{{3}})[ \t\-.]?(\d{{4}})(?![\d])")
_HOUSE = re.compile(r"บ้านเลขที่\s*\d+(?:/\d+)?")
_ADDRESS = re.compile(
    r"(?:เลขที่\s*\d+(?:/\d+)?[^\n\d]{0,20}?(?:หมู่(?:ที่)?|ม\.)\s*\d+)"
    r"|(?:(?<![\d/])\d{1,4}/\d{1,4}\s*(?:หมู่(?:ที่)?|ม\.)\s*\d+)"
)


@dataclass(frozen=True)
class Finding:
    kind: str  # "id" | "phone" | "address"
    masked: str  # what the message and the exemption file show
    line: int  # text line, or PDF page; 0 if unknown
    where: str = ""  # "หน้า 3" for a PDF page, the part name in an office file


def thai_id_valid(number: str) -> bool:
    """True when ``number`` (13 digits, separators and Thai digits allowed) has a valid check digit."""
    digits = re.sub(r"\D", "", number.translate(_THAI_DIGITS))
    if len(digits) != 13:
        return False
    total = sum(int(d) * (13 - i) for i, d in enumerate(digits[:12]))
    return (11 - total % 11) % 10 == int(digits[12])


def mask_id(digits: str) -> str:
    d = re.sub(r"\D", "", digits)
    return f"{d[0]}-xxxx-xxxxx-{d[10:12]}-{d[12]}"


def mask_phone(digits: str) -> str:
    d = re.sub(r"\D", "", digits)
    if d.startswith("66"):
        d = "0" + d[2:]
    return f"{d[:2]}x-xxx-{d[-4:]}"


def phone_key(text: str) -> str:
    d = re.sub(r"\D", "", text.translate(_THAI_DIGITS))
    return "0" + d[2:] if d.startswith("66") else d


def mask_address(text: str) -> str:
    return re.sub(r"\d", "x", text[:-1]) + text[-1:] if text else text


def find_in_text(text: str, complaint: bool, official_phones: set[str]) -> Iterator[Finding]:
    """Personal data in ``text`` (any Thai digits are read as Arabic ones)."""
    if _THAI_DIGIT.search(text):  # translate() looks up every character: slow on long Thai text
        text = text.translate(_THAI_DIGITS)

    def line(offset: int) -> int:
        return text.count("\n", 0, offset) + 1

    for m in _ID.finditer(text):
        if thai_id_valid(m.group(1)):
            yield Finding("id", mask_id(m.group(1)), line(m.start(1)))
    for m in _MOBILE.finditer(text):
        if phone_key(m.group(0)) not in official_phones:
            yield Finding("phone", mask_phone(m.group(0)), line(m.start()))
    for m in _HOUSE.finditer(text):
        yield Finding("address", mask_address(m.group(0)), line(m.start()))
    if complaint:
        for m in _ADDRESS.finditer(text):
            if not text[max(0, m.start() - 10):m.start()].endswith(("บ้าน", "บ้าน ")):
                yield Finding("address", mask_address(" ".join(m.group(0).split())), line(m.start()))


# --- reading files -----------------------------------------------------------------------------


def _pdf_pages(path: Path) -> Iterator[tuple[str, str]]:
    """The text of each page, read by PDFium (pypdfium2: 3-4x faster than pypdf was here).

    PDFium's text page puts the text objects of a line in order of where they start; pypdf kept
    the order they are written in. Two changes to the page in memory (never saved) make PDFium
    read what is written, so the patterns find the same words (``bench/pdf_extract.py`` compares
    the two on the example's, the tests' and the benchmark's PDFs):

    - the page's /Rotate is set to 0: on a page turned 180° PDFium would read each line backwards;
    - see :func:`_keep_written_order`: Thai shaped by HarfBuzz (fpdf2, the example's PDFs) writes
      each tone mark over an upper vowel (ที่, นี้) as its own object, a hair to the right of where
      the next letters start; PDFium moved the mark after them ("บ้านเลขที ่") and the address
      patterns missed "บ้านเลขที่".
    """
    import pypdfium2 as pdfium  # importing it initialises the library

    doc = pdfium.PdfDocument(path)  # PdfiumError when damaged beyond repair or password-protected
    try:
        for n in range(len(doc)):
            page = doc[n]
            try:
                if pdfium.raw.FPDFPage_GetRotation(page.raw):
                    pdfium.raw.FPDFPage_SetRotation(page.raw, 0)
                _keep_written_order(pdfium.raw, [pdfium.raw.FPDFPage_GetObject(page.raw, i)
                                                 for i in range(pdfium.raw.FPDFPage_CountObjects(page.raw))])
                textpage = page.get_textpage()
                text = textpage.get_text_range()
                textpage.close()
            finally:
                page.close()
            yield f"หน้า {n + 1}", text.replace("\r\n", "\n")
    finally:
        doc.close()


def _keep_written_order(raw: Any, objects: list[Any]) -> None:
    """Move each text object that starts less than a quarter em before the text object written
    just before it, on the same line, to just after that one's start: PDFium then keeps them in the
    written order. Larger steps back (columns, tables) are left to PDFium's own ordering."""
    import ctypes

    matrix = raw.FS_MATRIX()
    size = ctypes.c_float()

    def em(obj: Any, scale: float) -> float:
        raw.FPDFTextObj_GetFontSize(obj, ctypes.byref(size))  # the Tf size, without the matrix
        return float(size.value) * scale

    prev: Any = None
    px = py = pa = pb = 0.0  # where the previous text object starts; its matrix's first column
    for obj in objects:
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == raw.FPDF_PAGEOBJ_FORM:  # a form's objects, in the form's own space
            _keep_written_order(raw, [raw.FPDFFormObj_GetObject(obj, i)
                                      for i in range(raw.FPDFFormObj_CountObjects(obj))])
            prev = None
        if kind != raw.FPDF_PAGEOBJ_TEXT:
            continue
        raw.FPDFPageObj_GetMatrix(obj, ctypes.byref(matrix))
        x, y, a, b = matrix.e, matrix.f, matrix.a, matrix.b
        scale = (a * a + b * b) ** 0.5
        if prev is not None and (a, b) == (pa, pb) and scale:
            ux, uy = a / scale, b / scale  # along the baseline
            along = (x - px) * ux + (y - py) * uy
            if along < 0:
                across = (y - py) * ux - (x - px) * uy
                limit = max(em(obj, scale), em(prev, scale)) / 4
                if -along < limit and abs(across) < limit:
                    step = 0.001 - along
                    raw.FPDFPageObj_Transform(obj, 1, 0, 0, 1, step * ux, step * uy)
                    x, y = x + step * ux, y + step * uy
        prev, px, py, pa, pb = obj, x, y, a, b


def _office_parts(path: Path) -> Iterator[tuple[str, str]]:
    with zipfile.ZipFile(path) as z:
        for name in sorted(z.namelist()):
            if name.endswith(".xml") and not name.startswith(("docProps/", "_rels/", "[Content")):
                xml = z.read(name).decode("utf-8", errors="replace")
                # Paragraphs and cells become lines; other tags vanish (Word splits words into runs).
                xml = re.sub(r"</(?:w:p|text:p|c|si|row|a:p)>", "\n", xml)
                yield name, re.sub(r"<[^>]+>", "", xml)


def _cache_key(data: bytes, complaint: bool, official: set[str]) -> str:
    key = hashlib.sha256(data)  # then the rest, as if appended: no copy of every attachment's bytes
    key.update(f"|{_CACHE_VERSION}|{complaint}|{sorted(official)}".encode())
    return key.hexdigest()


def _read_binary(path: Path, complaint: bool, official: set[str]) -> list[list[object]] | None:
    """Findings inside a PDF or office file as cache rows, or None when it cannot be read (a
    damaged attachment is the loaders' business, not a PDPA finding)."""
    rows: list[list[object]] = []
    try:
        parts = _pdf_pages(path) if path.suffix.lower() in PDF_SUFFIXES else _office_parts(path)
        for where, text in parts:
            for f in find_in_text(text, complaint, official):
                rows.append([f.kind, f.masked, f.line, where])
    except Exception:
        return None
    return rows


def _text_findings(path: Path, rel: str, complaint: bool, official: set[str]) -> list[Finding]:
    text = path.read_bytes().decode("utf-8", errors="replace")
    findings = list(find_in_text(text, complaint, official))
    if rel == "content/organisation.yml":  # the organisation's own numbers are public
        findings = [f for f in findings if f.kind != "phone"]
    return findings


_CACHES: dict[str, Cache] = {}  # a worker's copy of the cache file, read once


Job = tuple[str, str, bool, list[str]]  # path, project path, complaint, official phones


def _check_files(jobs: list[Job], cache_file: str) -> list[tuple[str, list[list[object]] | None]]:
    """Check files (in a worker process, or here when they are few): (cache key or "", findings
    as cache rows or None when unreadable) for each job. ``cache_file``: look attachments up there
    first ("" when the caller did)."""
    if cache_file and cache_file not in _CACHES:
        _CACHES[cache_file] = _load_cache(Path(cache_file))
    cache = _CACHES.get(cache_file, {})
    out: list[tuple[str, list[list[object]] | None]] = []
    for path, rel, complaint, official_list in jobs:
        file, official = Path(path), set(official_list)
        if file.suffix.lower() in TEXT_SUFFIXES:
            out.append(("", [[f.kind, f.masked, f.line, f.where] for f in _text_findings(file, rel, complaint, official)]))
        else:
            key = _cache_key(file.read_bytes(), complaint, official)
            out.append((key, cache[key] if key in cache else _read_binary(file, complaint, official)))
    return out


def _check_in_worker(inbox: Inbox) -> list[tuple[str, list[list[object]] | None]]:
    """The single worker of a build (see PendingCheck.start_workers)."""
    jobs, cache_file = inbox.recv()
    return _check_files(jobs, cache_file)


def _findings(rows: list[list[object]]) -> list[Finding]:
    return [Finding(str(k), str(m), int(str(ln)), str(w)) for k, m, ln, w in rows]


def _staff_files(root: Path, errors: Collector) -> Iterator[tuple[str, str, str]]:
    """Every file under content/ and catalog/ but symlinks, sorted: (its path, its path below
    content/ or catalog/, its project path), as strings (a Path each cost a third of a second
    per 20,000 files)."""
    for top in ("content", "catalog"):
        folder = root / top
        project_path = project_rel(errors, folder)
        base = os.fspath(folder) + os.sep
        for rel in files_under(folder, symlinks=False):
            yield base + rel, rel if top == "content" else "", project_path(rel)


def official_phones(site: Site) -> set[str]:
    """The organisation's own numbers: every phone number written in organisation.yml."""
    phones: set[str] = set()
    org_file = site.root / "content" / "organisation.yml"
    texts = [org_file.read_bytes().decode("utf-8", errors="replace")] if org_file.is_file() else []
    org = site.organisation
    if org is not None:
        texts += [org.phone, org.fax or ""] + [p.phone or "" for p in org.executives]
    for text in texts:
        for m in _MOBILE.finditer(text.translate(_THAI_DIGITS)):
            phones.add(phone_key(m.group(0)))
        for m in re.finditer(r"0\d[\d \-]{7,11}\d", text.translate(_THAI_DIGITS)):
            phones.add(phone_key(m.group(0)))
    return phones


# --- exemptions ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Exemption:
    file: str
    value: str
    line: int


def load_exemptions(content: Path, errors: Collector) -> list[Exemption]:
    path = content / EXEMPTIONS
    if not path.is_file():
        return []
    data = load_yaml(path, errors)
    if data is None:
        return []
    items = data.get("exemptions") if isinstance(data, LDict) else None
    if not isinstance(items, LList):
        errors.add(path, getattr(data, "line", 1), "exemptions",
                   "ไฟล์นี้ต้องมีช่อง exemptions: เป็นรายการ (แต่ละรายการขึ้นต้นด้วย - )",
                   "ดูตัวอย่างรูปแบบใน README หัวข้อ ข้อมูลส่วนบุคคล (PDPA)",
                   "pdpa-exemptions.yml must have an 'exemptions:' list")
        return []
    result = []
    for i, item in enumerate(items):
        line = items.line_of(i)
        if not isinstance(item, LDict):
            errors.add(path, line, "exemptions", "แต่ละรายการต้องมีช่อง file, value, reviewed_by, date, reason",
                       "เขียนรายการตามตัวอย่างใน README", "each exemption must be a mapping")
            continue
        ok = True
        for key in ("file", "value", "reviewed_by", "date", "reason"):
            if not str(item.get(key) or "").strip():
                errors.add(path, line, f"exemptions[{i}].{key}",
                           f"รายการยกเว้นนี้ไม่มีช่อง {key} ต้องบันทึกว่าใครตรวจ เมื่อไร และเหตุใดจึงเปิดเผยได้",
                           f"เพิ่มบรรทัด {key}: ... ในรายการนี้",
                           f"exemption is missing '{key}' (file, value, reviewed_by, date, reason are required)")
                ok = False
        if item.get("date"):
            try:
                parse_date(item["date"])
            except DateError as exc:
                errors.add(path, item.line_of("date"), f"exemptions[{i}].date", exc.thai, exc.fix, exc.english)
                ok = False
        if ok:
            result.append(Exemption(str(item["file"]).strip().lstrip("./"), str(item["value"]).strip(), line))
    return result


# --- the check -------------------------------------------------------------------------------------

_KIND_THAI = {
    "id": "เลขประจำตัวประชาชน 13 หลัก",
    "phone": "หมายเลขโทรศัพท์มือถือของบุคคล",
    "address": "บ้านเลขที่หรือที่อยู่ของบุคคล",
}
_KIND_EN = {"id": "Thai national ID number", "phone": "private mobile phone number",
            "address": "house address"}


# Reading the text of attachments (PDFium) is much of a clean validate. With at least this many
# attachments not in the cache, they are read in worker processes, one per core; ``build`` lets
# them run while the site is generated and rendered, and waits for them before publishing.
PARALLEL_FROM = 24
_CHUNKS_PER_WORKER = 4
# Up to this many files, a build's single worker gets them all in one message through its pipe
# (which holds them at once: sending does not wait for the worker to start).
_ONE_MESSAGE = 1000


@dataclass
class _Item:
    path: str
    rel: str
    findings: list[Finding] | None = None  # None until the worker's answer is in
    job: int = -1  # index into the jobs sent to workers
    key: str = ""


class PendingCheck:
    """A PDPA check under way: text files are checked, attachments may still be read elsewhere
    (for a build, every file is: see ``jobs``). :meth:`finish` reports everything in file
    order, exactly as a check done in one go."""

    def __init__(self, root: Path, exemptions: list[Exemption], cache_file: Path) -> None:
        self.root = root
        self.exemptions = exemptions
        self.cache_file = cache_file
        self.new_cache: Cache = {}
        self.items: list[_Item] = []
        # The files to read elsewhere: the attachments not in the cache; for a build
        # (``background``) every file, text files too, the workers looking up the cache
        # themselves, so that the build's own process only lists the files.
        self.jobs: list[Job] = []
        self._futures: list[Any] = []
        self._chunk = 1
        self._pool: Any = None
        self._worker: Worker | None = None  # instead of the pool: one worker, few files
        self._lookup = ""  # the cache file the workers look attachments up in, if any
        self.finished = False

    @property
    def known_errors(self) -> bool:
        """True when the files read so far already hold a finding that stops the build."""
        return any(self._unexempt(item, f) for item in self.items for f in item.findings or [])

    def _unexempt(self, item: _Item, f: Finding) -> bool:
        return not any(e.file == item.rel and e.value == f.masked for e in self.exemptions)

    def start_workers(self, background: bool = False) -> None:
        """Read the attachments not in the cache: here when they are few, else in worker
        processes. ``background``: the build goes on meanwhile, so the workers leave it a core
        and run below its priority (the build's own steps are its critical path)."""
        jobs = self.jobs
        if not jobs:
            return
        self._lookup = str(self.cache_file) if background else ""
        if len(jobs) < PARALLEL_FROM:
            self._collect(_check_files(jobs, self._lookup))
            return
        cores = len(os.sched_getaffinity(0))
        workers = max(1, min(cores - 1 if background else cores, len(jobs) // PARALLEL_FROM))
        if background and workers == 1 and len(jobs) <= _ONE_MESSAGE:
            # A plain worker process starts in a millisecond; a process pool takes ten.
            self._worker = Worker(_check_in_worker)
            self._worker.send((jobs, self._lookup))
            return
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self._chunk = -(-len(jobs) // (workers * _CHUNKS_PER_WORKER))
        # "spawn": a fresh interpreter, safe whatever threads this process runs (prongsai serve)
        self._pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                                         initializer=worker_started, initargs=(background,))
        self._futures = [self._pool.submit(_check_files, jobs[i : i + self._chunk], self._lookup)
                         for i in range(0, len(jobs), self._chunk)]
        if background:
            for pid in getattr(self._pool, "_processes", None) or {}:  # started by submit (CPython)
                in_background(pid)  # before they import anything; the initializer is the fallback

    def _collect(self, results: list[tuple[str, list[list[object]] | None]]) -> None:
        for item in self.items:
            if item.job >= 0:
                key, rows = results[item.job]
                item.findings = [] if rows is None else _findings(rows)
                if key and rows is not None:
                    self.new_cache[key] = rows

    def finish(self, errors: Collector) -> None:
        """Wait for the attachments, then report every finding and unused exemption."""
        if self.finished:
            return
        self.finished = True
        if self._worker is not None:
            try:
                results = self._worker.result()
            except WorkerFailed as failed:
                raise RuntimeError(f"the PDPA check failed in its worker process:\n{failed}") from None
            finally:
                self._worker.cancel()  # its answer is in (or it failed): it need not exit on its own
                self._worker = None
            self._collect(results)
        if self._pool is not None:
            try:
                results = [rows for future in self._futures for rows in future.result()]
            finally:
                # Their work is done: they exit on their own (~20 ms each), which the build
                # need not wait for.
                self._pool.shutdown(wait=False)
                self._pool = None
            self._collect(results)
        used: set[Exemption] = set()
        for item in self.items:
            for f in item.findings or []:
                match = next((e for e in self.exemptions if e.file == item.rel and e.value == f.masked), None)
                if match:
                    used.add(match)
                    continue
                _report(errors, Path(item.path), item.rel, f)
        for e in self.exemptions:
            if e not in used:
                errors.add(self.root / "content" / EXEMPTIONS, e.line, "value",
                           f"รายการยกเว้น “{e.value}” ของไฟล์ {e.file} ไม่ตรงกับข้อมูลที่พบ (อาจแก้ไฟล์แล้ว)",
                           "ลบรายการนี้ออก หรือแก้ชื่อไฟล์และค่าให้ตรงกับข้อความที่ระบบแจ้ง",
                           f"unused PDPA exemption for {e.file}: {e.value}", severity="warning")
        _save_cache(self.cache_file, self.new_cache)

    def cancel(self) -> None:
        """Stop the workers of a build that failed for another reason."""
        if self._worker is not None:
            self._worker.cancel()
            self._worker = None
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        self.finished = True


def start_personal_data_check(site: Site, errors: Collector, background: bool = False) -> PendingCheck:
    """Check the text files and start reading the attachments (see :class:`PendingCheck`;
    ``background``: see :meth:`PendingCheck.start_workers`)."""
    root = site.root
    exemptions = load_exemptions(root / "content", errors)
    official = official_phones(site)
    cache_file = root / "build" / "pdpa-cache.json"
    cache: Cache = {} if background else _load_cache(cache_file)
    check = PendingCheck(root, exemptions, cache_file)
    official_list = sorted(official)
    readable = TEXT_SUFFIXES | PDF_SUFFIXES | OFFICE_SUFFIXES
    for name, in_content, rel in _staff_files(root, errors):
        if in_content == EXEMPTIONS:
            continue
        suffix = os.path.splitext(name)[1].lower()
        complaint = any(w in rel.lower() for w in COMPLAINT_WORDS)
        if suffix not in readable:
            continue
        item = _Item(name, rel)
        if background:
            item.job = len(check.jobs)
            check.jobs.append((name, rel, complaint, official_list))
        elif suffix in TEXT_SUFFIXES:
            item.findings = _text_findings(Path(name), rel, complaint, official)
        else:
            item.key = _cache_key(Path(name).read_bytes(), complaint, official)
            if item.key in cache:
                check.new_cache[item.key] = cache[item.key]
                item.findings = _findings(cache[item.key])
            else:
                item.job = len(check.jobs)
                check.jobs.append((name, rel, complaint, official_list))
        check.items.append(item)
    check.start_workers(background)
    return check


def check_personal_data(site: Site, errors: Collector) -> None:
    """Report personal data in staff files (see the module docstring)."""
    start_personal_data_check(site, errors).finish(errors)


def _report(errors: Collector, path: Path, rel: str, f: Finding) -> None:
    where = f" ({f.where})" if f.where else ""
    line = 0 if f.where else f.line
    field = f.where if f.where.startswith("หน้า") else ""
    errors.add(
        path, line, field,
        f"พบ{_KIND_THAI[f.kind]} “{f.masked}”{where} ซึ่งเป็นข้อมูลส่วนบุคคล ห้ามเผยแพร่ตาม พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล (PDPA)",
        "ลบหรือปกปิดข้อมูลนี้ (เช่น แทนตัวเลขด้วย x) แล้วบันทึกใหม่ ถ้าผู้รับผิดชอบตรวจแล้วว่าเปิดเผยได้ "
        f"ให้เพิ่มรายการใน content/{EXEMPTIONS}: file: {rel} / value: \"{f.masked}\" / reviewed_by / date / reason",
        f"personal data ({_KIND_EN[f.kind]} {f.masked}) in {rel}{' ' + f.where if f.where else ''}; "
        f"remove it or record a reviewed exemption in content/{EXEMPTIONS}",
    )


def _load_cache(cache_file: Path) -> Cache:
    try:
        cache: Cache = json.loads(cache_file.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return cache


def _save_cache(cache_file: Path, cache: Cache) -> None:
    if not cache:
        return
    try:
        cache_file.parent.mkdir(exist_ok=True)
        tmp = cache_file.with_suffix(".tmp")
        tmp.write_text(json.dumps(cache, ensure_ascii=False, sort_keys=True), "utf-8")
        tmp.replace(cache_file)
    except OSError:
        pass
