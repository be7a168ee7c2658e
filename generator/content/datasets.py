"""Structured datasets: CSV files staff edit (in Excel, LibreOffice or the GitHub editor) and the
column dictionaries that describe them.

Where the files go, and why:

- ``content/data/procurement/<BE year>-<month>.csv`` — the monthly procurement summary (แบบ สขร.1),
  **one file per month**, e.g. ``2568-10.csv`` for ตุลาคม 2568. Staff prepare สขร.1 once a month,
  so each month is one new file and one small pull request. A month with no procurement is a file
  with only the header row: the site then says so explicitly.
- ``content/data/procurement-plan/<fiscal year>.csv`` — the procurement plan, one file per fiscal
  year (it is made once a year).
- ``content/data/complaints/<fiscal year>.csv`` — complaint statistics, one row per month and
  channel; a month without complaints is one row with zeros (and an empty channel).
- ``content/data/service-statistics/<fiscal year>.csv`` — people served per month and service.

Files may also sit in sub-folders (``procurement/2569/2568-10.csv``). The header row names the
columns in Thai (any order); the column that comes from the file name (``เดือน`` / ``ปีงบประมาณ``)
may be left out. Export (``generator.export``) writes the same columns, so an exported CSV can be
imported again.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..dates import check_be_year, month_number, parse_date
from ..errors import Collector, InputError
from ..fields import did_you_mean
from ..model import Column, Dataset, SourceRef
from ..sources import read_text
from ..thai import (
    fiscal_year,
    fiscal_year_bounds,
    format_month,
    parse_amount,
    thai_digits_to_arabic,
    to_be,
    to_ce,
)

# Procurement methods of the Public Procurement Act B.E. 2560, section 55–56, as written on
# สขร.1; keys are normalised spellings staff type (see _method_key).
METHODS: tuple[str, ...] = (
    "วิธีเฉพาะเจาะจง",
    "วิธีคัดเลือก",
    "วิธีประกาศเชิญชวนทั่วไป (e-bidding)",
    "วิธีประกาศเชิญชวนทั่วไป (e-market)",
    "วิธีประกาศเชิญชวนทั่วไป (สอบราคา)",
)
_METHOD_ALIASES = {
    "เฉพาะเจาะจง": METHODS[0],
    "คัดเลือก": METHODS[1],
    "e-bidding": METHODS[2],
    "ebidding": METHODS[2],
    "อีบิดดิ้ง": METHODS[2],
    "ประกาศเชิญชวนทั่วไป(e-bidding)": METHODS[2],
    "e-market": METHODS[3],
    "emarket": METHODS[3],
    "อีมาร์เก็ต": METHODS[3],
    "ประกาศเชิญชวนทั่วไป(e-market)": METHODS[3],
    "สอบราคา": METHODS[4],
    "ประกาศเชิญชวนทั่วไป(สอบราคา)": METHODS[4],
}


def _method_key(text: str) -> str:
    t = re.sub(r"\s+", "", text.strip().lower())
    return t.removeprefix("วิธี")


def normalise_method(text: str) -> str | None:
    """The official name of a procurement method as staff spell it, or None."""
    return _METHOD_ALIASES.get(_method_key(text))


@dataclass(frozen=True)
class Schema:
    """How one dataset is stored: its folder, one file per month or per fiscal year, its columns."""

    id: str
    title: str
    folder: str  # under content/data/
    per: str  # "month" (file 2568-10.csv) | "year" (file 2569.csv)
    columns: tuple[Column, ...]
    file_column: str | None = None  # filled from the file name when left out
    choices: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)

    def example_file(self) -> str:
        return "2568-10.csv" if self.per == "month" else "2569.csv"


def _c(key: str, title: str, type_: str, description: str, required: bool = True) -> Column:
    return Column(key=key, title=title, type=type_, description=description, required=required)


MONTH = "เดือน"
FISCAL_YEAR = "ปีงบประมาณ"

PROCUREMENT = Schema(
    id="procurement",
    title="สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน (แบบ สขร.1)",
    folder="procurement",
    per="month",
    file_column=MONTH,
    choices={"วิธีซื้อหรือจ้าง": METHODS},
    columns=(
        _c(MONTH, "เดือน", "month", "เดือนที่รายงาน (พ.ศ.) มาจากชื่อไฟล์ เช่น 2568-10.csv คือ ตุลาคม 2568 ไม่ต้องกรอก", False),
        _c("งานที่ซื้อหรือจ้าง", "งานที่ซื้อหรือจ้าง", "text", "ชื่องานหรือพัสดุที่ซื้อหรือจ้าง"),
        _c("วงเงินที่จะซื้อหรือจ้าง", "วงเงิน (บาท)", "money", "วงเงินงบประมาณที่จะซื้อหรือจ้าง (บาท)"),
        _c("ราคากลาง", "ราคากลาง (บาท)", "money", "ราคากลางหรือราคาอ้างอิง (บาท)"),
        _c("วิธีซื้อหรือจ้าง", "วิธีซื้อหรือจ้าง", "text",
           "วิธีตามพระราชบัญญัติการจัดซื้อจัดจ้างฯ พ.ศ. 2560: " + ", ".join(METHODS)),
        _c("ผู้เสนอราคาและราคาที่เสนอ", "ผู้เสนอราคาและราคาที่เสนอ", "text",
           "ชื่อผู้เสนอราคาทุกรายพร้อมราคาที่เสนอ คั่นแต่ละรายด้วย ; เช่น ร้านเอ 45,000.00; ร้านบี 46,500.00"),
        _c("ผู้ได้รับการคัดเลือก", "ผู้ได้รับการคัดเลือก", "text", "ชื่อผู้ขายหรือผู้รับจ้างที่ได้รับการคัดเลือก"),
        _c("ราคาที่ตกลง", "ราคาที่ตกลง (บาท)", "money", "ราคาที่ตกลงซื้อหรือจ้าง (บาท)"),
        _c("เหตุผลที่คัดเลือกโดยสรุป", "เหตุผลที่คัดเลือก", "text", "เหตุผลโดยสรุป เช่น เสนอราคาต่ำสุดและคุณสมบัติครบถ้วน"),
        _c("เลขที่สัญญาหรือข้อตกลง", "เลขที่สัญญา", "text", "เลขที่สัญญาหรือใบสั่งซื้อ/ใบสั่งจ้าง เช่น 12/2569"),
        _c("วันที่สัญญาหรือข้อตกลง", "วันที่สัญญา", "date", "วันที่ลงนามสัญญาหรือข้อตกลง (พ.ศ.) เช่น 2568-10-15"),
    ),
)

PROCUREMENT_PLAN = Schema(
    id="procurement-plan",
    title="แผนการจัดซื้อจัดจ้างประจำปี",
    folder="procurement-plan",
    per="year",
    file_column=FISCAL_YEAR,
    choices={"วิธีซื้อหรือจ้าง": METHODS},
    columns=(
        _c(FISCAL_YEAR, "ปีงบประมาณ", "int", "ปีงบประมาณ (พ.ศ.) มาจากชื่อไฟล์ เช่น 2569.csv ไม่ต้องกรอก", False),
        _c("รายการ", "งาน/โครงการ", "text", "ชื่องานหรือโครงการที่จะจัดซื้อจัดจ้าง"),
        _c("หน่วยงานที่รับผิดชอบ", "หน่วยงาน", "text", "กองหรือสำนักที่เป็นเจ้าของงาน", False),
        _c("วงเงินงบประมาณ", "วงเงินงบประมาณ (บาท)", "money", "วงเงินงบประมาณที่ได้รับอนุมัติ (บาท)"),
        _c("แหล่งที่มาของงบประมาณ", "แหล่งงบประมาณ", "text", "เช่น งบประมาณรายจ่ายประจำปี เงินอุดหนุนเฉพาะกิจ เงินสะสม", False),
        _c("วิธีซื้อหรือจ้าง", "วิธีซื้อหรือจ้าง", "text", "วิธีที่คาดว่าจะใช้: " + ", ".join(METHODS)),
        _c("เดือนที่คาดว่าจะประกาศ", "คาดว่าจะประกาศ", "month", "เดือนที่คาดว่าจะประกาศจัดซื้อจัดจ้าง (พ.ศ.) เช่น 2569-01 หรือ มกราคม 2569"),
        _c("หมายเหตุ", "หมายเหตุ", "text", "ข้อความเพิ่มเติม", False),
    ),
)

COMPLAINTS = Schema(
    id="complaints",
    title="สถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบรายเดือน",
    folder="complaints",
    per="year",
    columns=(
        _c(MONTH, "เดือน", "month", "เดือนที่รับเรื่อง (พ.ศ.) เช่น 2568-10 หรือ ตุลาคม 2568; เดือนที่ไม่มีเรื่องร้องเรียนให้ใส่หนึ่งแถวที่ทุกจำนวนเป็น 0"),
        _c("ช่องทาง", "ช่องทาง", "text", "ช่องทางที่รับเรื่อง เช่น โทรศัพท์ ตู้รับเรื่อง เว็บไซต์ LINE ยื่นด้วยตนเอง (เว้นว่างได้เมื่อไม่มีเรื่อง)", False),
        _c("เรื่องที่ได้รับ", "ได้รับ (เรื่อง)", "int", "จำนวนเรื่องร้องเรียนที่ได้รับในเดือน"),
        _c("อยู่ระหว่างดำเนินการ", "อยู่ระหว่างดำเนินการ", "int", "จำนวนเรื่องที่ยังอยู่ระหว่างดำเนินการ"),
        _c("ดำเนินการแล้วเสร็จ", "แล้วเสร็จ", "int", "จำนวนเรื่องที่ดำเนินการแล้วเสร็จ"),
        _c("ส่งต่อหน่วยงานอื่น", "ส่งต่อหน่วยงานอื่น", "int", "จำนวนเรื่องที่ส่งต่อให้หน่วยงานที่มีอำนาจ"),
        _c("หมายเหตุ", "หมายเหตุ", "text", "ข้อความเพิ่มเติม (ห้ามใส่ชื่อหรือเลขประจำตัวประชาชนของผู้ร้องเรียน)", False),
    ),
)

SERVICE_STATISTICS = Schema(
    id="service-statistics",
    title="สถิติการให้บริการรายเดือน",
    folder="service-statistics",
    per="year",
    columns=(
        _c(MONTH, "เดือน", "month", "เดือนที่ให้บริการ (พ.ศ.) เช่น 2568-10 หรือ ตุลาคม 2568"),
        _c("งานบริการ", "งานบริการ", "text", "ชื่องานบริการ เช่น รับชำระภาษีที่ดินและสิ่งปลูกสร้าง"),
        _c("หน่วยงาน", "หน่วยงาน", "text", "กองหรือสำนักที่ให้บริการ", False),
        _c("จำนวนผู้รับบริการ", "ผู้รับบริการ (ราย)", "int", "จำนวนผู้รับบริการในเดือน (ราย)"),
        _c("หมายเหตุ", "หมายเหตุ", "text", "ข้อความเพิ่มเติม", False),
    ),
)

SCHEMAS: dict[str, Schema] = {s.id: s for s in (PROCUREMENT, PROCUREMENT_PLAN, COMPLAINTS, SERVICE_STATISTICS)}


# --- values --------------------------------------------------------------------------------

_MONTH_NUM = re.compile(r"^(\d{4})-(\d{1,2})$")
_MONTH_SLASH = re.compile(r"^(\d{1,2})/(\d{4})$")
_MONTH_WORDS = re.compile(r"^(\S+)\s+(?:พ\.ศ\.\s*)?(\d{4})$")


def parse_month(value: str) -> date:
    """A BE month as staff type it — ``2568-10``, ``10/2568``, ``ตุลาคม 2568``, ``ต.ค. 2568`` —
    as the first day of that month (CE)."""
    text = thai_digits_to_arabic(value).strip()
    if m := _MONTH_NUM.match(text):
        y, mo = int(m[1]), int(m[2])
    elif m := _MONTH_SLASH.match(text):
        mo, y = int(m[1]), int(m[2])
    elif m := _MONTH_WORDS.match(text):
        mo, y = month_number(m[1]) or 0, int(m[2])
        if not mo:
            raise InputError(f"ไม่รู้จักชื่อเดือน “{m[1]}”", "เขียนชื่อเดือนเต็ม เช่น ตุลาคม 2568 หรือแบบตัวเลข 2568-10",
                               f"unknown month name {m[1]!r}")
    else:
        raise InputError(f"อ่านเดือน “{value}” ไม่ได้", "เขียนเดือนแบบ 2568-10 หรือ ตุลาคม 2568 (ปี พ.ศ.)",
                           f"unrecognised month {value!r}; expected YYYY-MM (BE)")
    check_be_year(y)
    if not 1 <= mo <= 12:
        raise InputError(f"เดือน {mo} ไม่มีอยู่จริง", "เดือนต้องอยู่ระหว่าง 1 ถึง 12", f"month {mo} out of range")
    return date(to_ce(y), mo, 1)


def month_label(d: date) -> str:
    """The CSV spelling of a month: ``2568-10``."""
    return f"{to_be(d.year)}-{d.month:02d}"


def parse_value(col: Column, raw: str, choices: tuple[str, ...] | None = None) -> Any:
    """Typed value of one non-empty cell; raises InputError with a Thai message and fix."""
    if col.type == "money":
        try:
            return parse_amount(raw.replace("฿", ""))
        except ValueError as exc:
            raise InputError(f"“{raw}” ไม่ใช่จำนวนเงินที่ถูกต้อง ({exc})",
                               "เขียนเป็นตัวเลข เช่น 125000 หรือ 125,000.50 (ไม่ต้องใส่ บาท)",
                               f"column {col.key}: {raw!r} is not an amount") from None
    if col.type == "int":
        text = thai_digits_to_arabic(raw).replace(",", "").strip()
        if not text.isdigit():
            raise InputError(f"“{raw}” ไม่ใช่จำนวนเต็มที่ไม่ติดลบ", "เขียนเป็นตัวเลขจำนวนเต็ม เช่น 0, 3, 120",
                               f"column {col.key}: {raw!r} is not a non-negative integer")
        return int(text)
    if col.type == "date":
        return parse_date(raw)
    if col.type == "month":
        return parse_month(raw)
    if choices:
        method = normalise_method(raw) if choices is METHODS else (raw if raw in choices else None)
        if method is None:
            raise InputError(f"ไม่รู้จัก{col.title} “{raw}”{did_you_mean(raw, choices)}",
                               "ใช้ค่าใดค่าหนึ่งต่อไปนี้: " + ", ".join(choices),
                               f"column {col.key}: unknown value {raw!r}")
        return method
    return raw


# --- files ---------------------------------------------------------------------------------

def _period_of(schema: Schema, path: Path) -> date | int | None:
    """The month (first day, CE) or fiscal year (BE) a file covers, from its name."""
    stem = thai_digits_to_arabic(path.stem).strip()
    if schema.per == "month":
        m = _MONTH_NUM.match(stem)
        if m and len(m[2]) == 2:
            try:
                return parse_month(stem)
            except InputError:
                return None
        return None
    if stem.isdigit() and len(stem) == 4:
        try:
            return check_be_year(int(stem))
        except InputError:
            return None
    return None


def period_label(period: date | int) -> str:
    """The CSV spelling of a file's period: ``2568-10`` (month) or ``2569`` (fiscal year)."""
    return month_label(period) if isinstance(period, date) else str(period)


def load_datasets(content: Path, errors: Collector) -> dict[str, Dataset]:
    """Every dataset with at least one file; a dataset folder with none is simply absent."""
    out: dict[str, Dataset] = {}
    base = content / "data"
    for schema in SCHEMAS.values():
        folder = base / schema.folder
        if not folder.is_dir():
            continue
        ds = load_dataset(schema, folder, errors)
        if ds is not None:
            out[schema.id] = ds
    if base.is_dir():
        known = {s.folder for s in SCHEMAS.values()}
        for child in sorted(base.iterdir()):
            if child.is_dir() and child.name not in known and not child.name.startswith("."):
                errors.add(child, 0, "", f"ไม่รู้จักโฟลเดอร์ข้อมูล “{child.name}”{did_you_mean(child.name, known)}",
                           "โฟลเดอร์ที่ใช้ได้ใน content/data/: " + ", ".join(sorted(known)),
                           f"unknown dataset folder {child.name!r}; known: {', '.join(sorted(known))}")
    return out


def load_dataset(schema: Schema, folder: Path, errors: Collector) -> Dataset | None:
    """One dataset from its folder (one CSV per period), or None when no file could be used."""
    rows: list[dict[str, Any]] = []
    sources: list[SourceRef] = []
    seen_periods: dict[str, str] = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".")):
        if path.suffix.lower() != ".csv":
            if path.name.lower() != "readme.md":
                errors.add(path, 0, "", f"ไฟล์ “{path.name}” ไม่ใช่ไฟล์ CSV จึงไม่ถูกนำไปแสดง",
                           "บันทึกจาก Excel เป็น CSV UTF-8 (Comma delimited) หรือย้ายไฟล์แนบไปไว้ที่ content/documents/",
                           f"{path.name}: only .csv files belong in content/data/{schema.folder}/", severity="warning")
            continue
        period = _period_of(schema, path)
        if period is None:
            want = "ปี พ.ศ.-เดือน เช่น 2568-10.csv (ตุลาคม 2568)" if schema.per == "month" else "ปีงบประมาณ เช่น 2569.csv"
            errors.add(path, 0, "", f"ชื่อไฟล์ “{path.name}” ไม่บอก{'เดือน' if schema.per == 'month' else 'ปีงบประมาณ'}",
                       f"ตั้งชื่อไฟล์เป็น{want}",
                       f"file name must be {schema.example_file()} style (BE)")
            continue
        label = period_label(period)
        first = seen_periods.setdefault(label, errors.rel(path))
        if first != errors.rel(path):
            errors.add(path, 0, "", f"มีไฟล์ของ {label} อยู่แล้ว: “{first}”",
                       "รวมข้อมูลไว้ในไฟล์เดียว แล้วลบไฟล์ที่ซ้ำ", f"two files for period {label} (also {first})")
            continue
        file_rows = read_csv(schema, path, period, errors)
        if file_rows is None:
            continue
        rows.extend(file_rows)
        sources.append(SourceRef(errors.rel(path), 0))
    if not sources:
        return None
    _check_gaps(schema, rows, sources, folder, errors)
    return Dataset(id=schema.id, title=schema.title, columns=schema.columns, rows=tuple(rows),
                   sources=tuple(sorted(sources, key=lambda s: Path(s.path).stem)))


def read_csv(schema: Schema, path: Path, period: date | int, errors: Collector) -> list[dict[str, Any]] | None:
    """Typed rows of one CSV file, or None when it cannot be read or its header is unusable."""
    text = read_text(path, errors)
    if text is None:
        return None
    return parse_csv(schema, text, path, period, errors)


def parse_csv(
    schema: Schema, text: str, path: Path, period: date | int, errors: Collector
) -> list[dict[str, Any]] | None:
    """Rows of one CSV file (typed), or None when its header is unusable. Every bad cell is a
    Problem at its line and column; a row with a bad cell is left out."""
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader)
    except StopIteration:
        header = []
    header = [h.strip() for h in header]
    while header and not header[-1]:  # Excel keeps empty columns someone once touched
        header.pop()
    keys = [c.key for c in schema.columns]
    if not any(header):
        errors.add(path, 1, "", "ไฟล์ไม่มีแถวหัวตาราง",
                   "บรรทัดแรกต้องเป็นชื่อคอลัมน์: " + ",".join(c.key for c in schema.columns if c.key != schema.file_column),
                   "CSV has no header row")
        return None
    ok = True
    for i, h in enumerate(header):
        if h not in keys:
            errors.add(path, 1, h or f"คอลัมน์ที่ {i + 1}", f"ไม่รู้จักคอลัมน์ “{h}”{did_you_mean(h, keys)}",
                       "แก้ชื่อคอลัมน์ให้ตรงกับที่กำหนด: " + ", ".join(keys),
                       f"unknown column {h!r}; expected: {', '.join(keys)}")
            ok = False
        elif header.index(h) != i:
            errors.add(path, 1, h, f"คอลัมน์ “{h}” ซ้ำกัน", "ลบคอลัมน์ที่ซ้ำ", f"duplicate column {h!r}")
            ok = False
    for col in schema.columns:
        if col.required and col.key not in header:
            errors.add(path, 1, col.key, f"ไม่มีคอลัมน์ “{col.key}” ({col.description})",
                       f"เพิ่มคอลัมน์ “{col.key}” ในแถวหัวตาราง", f"required column {col.key!r} missing")
            ok = False
    if not ok:
        return None
    rows: list[dict[str, Any]] = []
    line = reader.line_num + 1
    for cells in reader:
        row_line, line = line, reader.line_num + 1
        if not any(c.strip() for c in cells):
            continue
        while len(cells) > len(header) and not cells[-1].strip():
            cells.pop()
        if len(cells) > len(header):
            errors.add(path, row_line, "", f"แถวนี้มี {len(cells)} ช่อง แต่หัวตารางมี {len(header)} คอลัมน์",
                       "ข้อความที่มีเครื่องหมายจุลภาค (,) ต้องอยู่ในเครื่องหมายคำพูด \"...\" หรือใช้ ; แทน",
                       f"row has {len(cells)} cells, header has {len(header)}")
            continue
        row = _parse_row(schema, dict(zip(header, cells, strict=False)), path, row_line, period, errors)
        if row is not None:
            rows.append(row)
    return rows


def _parse_row(
    schema: Schema, raw: dict[str, str], path: Path, line: int, period: date | int, errors: Collector
) -> dict[str, Any] | None:
    row: dict[str, Any] = {}
    good = True
    for col in schema.columns:
        cell = (raw.get(col.key) or "").strip()
        if col.key == schema.file_column:
            row[col.key] = period
            if cell:
                try:
                    value = parse_value(col, cell)
                except InputError:
                    value = None
                if value != period:
                    errors.add(path, line, col.key,
                               f"“{cell}” ไม่ตรงกับชื่อไฟล์ ({period_label(period)})",
                               f"เว้นคอลัมน์ {col.key} ว่างไว้ (ระบบใช้ค่าจากชื่อไฟล์) หรือย้ายแถวนี้ไปไฟล์ที่ถูกต้อง",
                               f"{col.key} {cell!r} disagrees with the file name {path.name}")
                    good = False
            continue
        if not cell:
            if col.required:
                errors.add(path, line, col.key, f"ยังไม่ได้กรอก “{col.key}”",
                           f"กรอก{col.description}", f"required column {col.key!r} is empty")
                good = False
            row[col.key] = "" if col.type == "text" else None
            continue
        try:
            row[col.key] = parse_value(col, cell, schema.choices.get(col.key))
        except InputError as exc:
            errors.add_input_error(path, line, col.key, exc)
            good = False
    if not good:
        return None
    _check_row(schema, row, path, line, period, errors)
    return row


def _check_row(
    schema: Schema, row: dict[str, Any], path: Path, line: int, period: date | int, errors: Collector
) -> None:
    """Consistency checks that catch typos without refusing plausible data (warnings)."""
    if schema.id == "procurement":
        agreed, budget = row["ราคาที่ตกลง"], row["วงเงินที่จะซื้อหรือจ้าง"]
        if isinstance(agreed, Decimal) and isinstance(budget, Decimal) and agreed > budget:
            errors.add(path, line, "ราคาที่ตกลง", "ราคาที่ตกลงสูงกว่าวงเงินที่จะซื้อหรือจ้าง",
                       "ตรวจตัวเลขอีกครั้ง (อาจพิมพ์ศูนย์เกินหรือสลับคอลัมน์)",
                       "agreed price exceeds the budget", severity="warning")
        signed = row["วันที่สัญญาหรือข้อตกลง"]
        if isinstance(signed, date) and isinstance(period, date) and (signed.year, signed.month) > (period.year, period.month):
            errors.add(path, line, "วันที่สัญญาหรือข้อตกลง",
                       f"วันที่สัญญาอยู่หลังเดือนที่รายงาน ({format_month(period.year, period.month)})",
                       "ตรวจปี พ.ศ. และเดือนของวันที่สัญญา หรือย้ายแถวไปไว้ในไฟล์ของเดือนที่ลงนาม",
                       "contract date is after the reported month", severity="warning")
    if schema.per == "year" and isinstance(period, int) and isinstance(row.get(MONTH), date):
        month: date = row[MONTH]
        if fiscal_year(month) != period:
            start, end = fiscal_year_bounds(period)
            errors.add(path, line, MONTH,
                       f"{format_month(month.year, month.month)} ไม่อยู่ในปีงบประมาณ {period} ของไฟล์นี้",
                       f"ปีงบประมาณ {period} คือ {format_month(start.year, start.month)} ถึง {format_month(end.year, end.month)} "
                       "ตรวจปี พ.ศ. หรือย้ายแถวไปไฟล์ของปีงบประมาณที่ถูกต้อง",
                       f"month {month_label(month)} is outside fiscal year {period}")
    if schema.id == "complaints":
        total = sum(row[k] for k in ("อยู่ระหว่างดำเนินการ", "ดำเนินการแล้วเสร็จ", "ส่งต่อหน่วยงานอื่น"))
        if total != row["เรื่องที่ได้รับ"]:
            errors.add(path, line, "เรื่องที่ได้รับ",
                       f"เรื่องที่ได้รับ ({row['เรื่องที่ได้รับ']}) ไม่เท่ากับผลรวมของสถานะ ({total})",
                       "อยู่ระหว่างดำเนินการ + แล้วเสร็จ + ส่งต่อ ควรเท่ากับจำนวนเรื่องที่ได้รับในเดือนนั้น",
                       "received != in progress + done + forwarded", severity="warning")


def _check_gaps(schema: Schema, rows: list[dict[str, Any]], sources: list[SourceRef], folder: Path,
                errors: Collector) -> None:
    """A missing month reads as "nothing happened"; the ITA rule wants that said explicitly."""
    if schema.id not in ("procurement", "complaints"):
        return
    months: set[date] = {r[MONTH] for r in rows if isinstance(r.get(MONTH), date)}
    if schema.id == "procurement":
        months |= {parse_month(Path(s.path).stem) for s in sources}
    by_year: dict[int, list[date]] = {}
    for m in months:
        by_year.setdefault(fiscal_year(m), []).append(m)
    what = ("ไฟล์ของเดือน", "เพิ่มไฟล์ของเดือนนั้น ถ้าไม่มีการจัดซื้อจัดจ้างให้มีเพียงแถวหัวตาราง") if schema.id == "procurement" \
        else ("แถวของเดือน", "เพิ่มแถวของเดือนนั้น ถ้าไม่มีเรื่องร้องเรียนให้ใส่จำนวนเป็น 0 ทุกช่อง")
    for fy, ms in sorted(by_year.items()):
        start, _ = fiscal_year_bounds(fy)
        last = max(ms)
        cur = start
        while cur <= last:
            if cur not in months:
                errors.add(folder, 0, MONTH, f"ไม่มี{what[0]} {format_month(cur.year, cur.month)} (ปีงบประมาณ {fy})",
                           what[1], f"{schema.id}: no data for {month_label(cur)}", severity="warning")
            cur = date(cur.year + (cur.month == 12), cur.month % 12 + 1, 1)


def dataset_periods(ds: Dataset) -> list[str]:
    """The periods (``2568-10`` or ``2569``) the dataset's files cover, including months whose
    file has no rows (no procurement that month)."""
    return sorted(Path(s.path).stem for s in ds.sources)
