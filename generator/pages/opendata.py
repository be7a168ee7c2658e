"""Open data (ข้อมูลเปิด): every structured dataset as ``/data/<id>.csv`` and ``/data/<id>.json``,
a data-dictionary page per dataset (``/open-data/<id>/``) and the index page ``/open-data/``.

The CSV is the import format (UTF-8 with BOM, Thai headers, BE dates; ``generator.export``), so
what a citizen downloads is what staff upload. The document registers are published too, as the
derived dataset ``documents``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import date
from operator import attrgetter
from pathlib import Path

from ..export import dataset_to_csv, dataset_to_json
from ..framework import load_framework
from ..model import Column, Dataset, OutputFile, Page, Site
from ..thai import format_bytes, format_date, format_month, format_number
from .ita import cell

TITLE = "ข้อมูลเปิด"
DOCUMENTS_ID = "documents"
LICENCE = (
    "ข้อมูลในหน้านี้เผยแพร่ภายใต้สัญญาอนุญาต "
    "[ครีเอทีฟคอมมอนส์แบบแสดงที่มา 4.0 (CC BY 4.0)](https://creativecommons.org/licenses/by/4.0/deed.th) "
    "นำไปใช้ ดัดแปลง และเผยแพร่ต่อได้ โดยระบุแหล่งที่มา"
)
TYPE_TEXT: dict[str, str] = {
    "text": "ข้อความ",
    "int": "จำนวนเต็ม",
    "money": "จำนวนเงิน (บาท) ทศนิยม 2 ตำแหน่ง ไม่มีเครื่องหมายจุลภาค",
    "date": "วันที่ ปี พ.ศ. แบบ ปปปป-ดด-วว (ใน JSON เป็น ค.ศ. ตาม ISO 8601)",
    "month": "เดือน ปี พ.ศ. แบบ ปปปป-ดด (ใน JSON เป็น ค.ศ. ตาม ISO 8601)",
}

DOCUMENT_COLUMNS: tuple[Column, ...] = (
    Column("หัวข้อ", "รหัสหัวข้อ", "text", "รหัสหัวข้อการเปิดเผยข้อมูลที่เอกสารอยู่ เช่น operation-plan (เป็นส่วนหนึ่งของที่อยู่หน้าเว็บ)"),
    Column("ชื่อหัวข้อ", "ชื่อหัวข้อ", "text", "ชื่อหัวข้อการเปิดเผยข้อมูล"),
    Column("ชื่อเอกสาร", "ชื่อเอกสาร", "text", "ชื่อเอกสาร"),
    Column("วันที่", "วันที่", "date", "วันที่ของเอกสาร"),
    Column("ปีงบประมาณ", "ปีงบประมาณ", "int", "ปีงบประมาณ (พ.ศ.) ที่เอกสารเกี่ยวข้อง"),
    Column("ที่อยู่หน้าเว็บ", "ที่อยู่หน้าเว็บ", "text", "ที่อยู่ (URL) ของหน้าที่แสดงเอกสาร"),
    Column("ไฟล์แนบ", "ไฟล์แนบ", "text", "ที่อยู่ (URL) ของไฟล์แนบ คั่นแต่ละไฟล์ด้วยช่องว่าง", required=False),
)


def documents_dataset(site: Site) -> Dataset:
    """The document registers of every item as one table (newest first)."""
    base = site.settings.site_url.rstrip("/") + "/"
    items = load_framework().items_by_id()
    rows = []
    docs = sorted(site.documents, key=attrgetter("date", "item_id", "id"), reverse=True)
    for d in docs:
        item = items.get(d.item_id)
        item_url = item.url if item else f"{d.item_id}/"
        page = f"{item_url}{d.id}/" if d.has_page else item_url
        rows.append({
            "หัวข้อ": d.item_id,
            "ชื่อหัวข้อ": item.title if item else d.item_id,
            "ชื่อเอกสาร": d.title,
            "วันที่": d.date,
            "ปีงบประมาณ": d.fiscal_year,
            "ที่อยู่หน้าเว็บ": base + page,
            "ไฟล์แนบ": " ".join([base + a.url.lstrip("/") for a in d.attachments]),
        })
    return Dataset(id=DOCUMENTS_ID, title="ทะเบียนเอกสารที่เผยแพร่", columns=DOCUMENT_COLUMNS, rows=tuple(rows))


def published_datasets(site: Site) -> list[Dataset]:
    """Every dataset published as open data, in a stable order; ``documents`` last."""
    out = [site.datasets[k] for k in sorted(site.datasets)]
    if site.documents:
        out.append(documents_dataset(site))
    return out


def _latest_of(ds: Dataset, kind: str) -> date | None:
    keys = [c.key for c in ds.columns if c.type == kind]
    dates = [v for row in ds.rows for k in keys if isinstance(v := row.get(k), date)]
    return max(dates) if dates else None


def latest(ds: Dataset) -> tuple[str, str | None]:
    """How recent the data is, from the data itself (never the build date, which says nothing
    about the data): the newest date, else the newest month, else the newest fiscal year.
    Returns (Thai text, ISO value for the twin)."""
    if d := _latest_of(ds, "date"):
        return format_date(d), d.isoformat()
    if m := _latest_of(ds, "month"):
        return format_month(m.year, m.month), f"{m.year:04d}-{m.month:02d}"
    years = [v for row in ds.rows for c in ds.columns if c.type == "int" and c.key == "ปีงบประมาณ"
             and isinstance(v := row.get(c.key), int)]
    if years:
        return f"ปีงบประมาณ {max(years)}", str(max(years))
    return "—", None


def _item_for(ds: Dataset) -> str | None:
    """Site-relative URL of the item page that shows this dataset, if any."""
    for item in load_framework().items_by_id().values():
        if item.dataset == ds.id:
            return item.url
    return None


def _json_bytes(ds: Dataset) -> bytes:
    # The file names of monthly data tell which empty months were reported (see generator.export).
    periods = sorted(Path(s.path).stem for s in ds.sources) if ds.sources else None
    return dataset_to_json(ds, periods)


def generate(site: Site) -> Iterable[Page | OutputFile]:
    datasets = published_datasets(site)
    rows, summaries = [], []
    for ds in datasets:
        csv_bytes, json_bytes = dataset_to_csv(ds), _json_bytes(ds)
        newest = latest(ds)  # once: it reads every row
        yield OutputFile(f"data/{ds.id}.csv", csv_bytes)
        yield OutputFile(f"data/{ds.id}.json", json_bytes)
        yield _dictionary_page(ds, csv_bytes, json_bytes, newest[0])
        summaries.append(_summary(ds, newest[1]))
        rows.append(
            f"| [{cell(ds.title)}]({ds.id}/index.md) | {format_number(len(ds.rows))} | {newest[0]} | "
            f"[CSV](../data/{ds.id}.csv) ({format_bytes(len(csv_bytes))}), "
            f"[JSON](../data/{ds.id}.json) ({format_bytes(len(json_bytes))}) |"
        )
    body = [
        f"# {TITLE}",
        "",
        "ข้อมูลที่หน่วยงานเผยแพร่ในรูปแบบที่เครื่องอ่านได้ ดาวน์โหลดไปใช้ต่อได้ทันที "
        "ไฟล์ CSV เปิดด้วย Excel หรือ LibreOffice ได้โดยภาษาไทยไม่เพี้ยน (UTF-8) ส่วนไฟล์ JSON สำหรับโปรแกรม "
        "แต่ละชุดข้อมูลมีคำอธิบายทุกคอลัมน์",
        "",
    ]
    if rows:
        body += [
            "| ชุดข้อมูล | จำนวนแถว | ข้อมูลล่าสุด | ดาวน์โหลด |",
            "|---|---:|---|---|",
            *rows,
        ]
    else:
        body.append("ยังไม่มีชุดข้อมูลที่เผยแพร่")
    body += ["", "## สัญญาอนุญาต", "", LICENCE, ""]
    yield Page(path="open-data/index.md", title=TITLE, body="\n".join(body), nav=True,
               description="ดาวน์โหลดข้อมูลของหน่วยงานเป็น CSV และ JSON พร้อมคำอธิบายข้อมูล",
               twin={"datasets": summaries})


def _summary(ds: Dataset, latest_iso: str | None) -> dict[str, object]:
    return {"id": ds.id, "title": ds.title, "rows": len(ds.rows), "csv": f"/data/{ds.id}.csv",
            "json": f"/data/{ds.id}.json", "latest": latest_iso}


def _examples(csv_bytes: bytes) -> dict[str, str]:
    """The first row of the exported CSV, per header: examples exactly as the file writes them."""
    # Decoded as read (only the first lines), not the whole file; newline="\n" as io.StringIO's.
    reader = csv.DictReader(io.TextIOWrapper(io.BytesIO(csv_bytes), encoding="utf-8-sig", newline="\n"))
    first = next(reader, None) or {}
    return {k: v for k, v in first.items() if k is not None and isinstance(v, str)}


def _dictionary_page(ds: Dataset, csv_bytes: bytes, json_bytes: bytes, latest_text: str) -> Page:
    examples = _examples(csv_bytes)
    lines = [
        f"# {cell(ds.title)}",
        "",
        f"- จำนวนแถว: {format_number(len(ds.rows))}",
        f"- ข้อมูลล่าสุด: {latest_text}",
        f"- ดาวน์โหลด: [CSV](../../data/{ds.id}.csv) ({format_bytes(len(csv_bytes))}), "
        f"[JSON](../../data/{ds.id}.json) ({format_bytes(len(json_bytes))})",
    ]
    item_url = _item_for(ds)
    if item_url:
        lines.append(f"- แสดงเป็นตารางที่หน้า: [{cell(ds.title)}](../../{item_url}index.md)")
    lines += [
        "",
        "## คำอธิบายข้อมูล (Data dictionary)",
        "",
        "ไฟล์ CSV ใช้หัวตารางตามคอลัมน์ “ชื่อคอลัมน์” ด้านล่าง และเป็นรูปแบบเดียวกับที่เจ้าหน้าที่ใช้นำเข้าข้อมูล",
        "",
        "| ชื่อคอลัมน์ | ความหมาย | ชนิดข้อมูล | ต้องมีค่า | ตัวอย่าง |",
        "|---|---|---|---|---|",
    ]
    for c in ds.columns:
        meaning = c.title if c.title == c.description else f"{c.title}: {c.description}"
        lines.append(f"| {cell(c.key)} | {cell(meaning)} | {cell(TYPE_TEXT.get(c.type, c.type))} | "
                     f"{'ต้องมี' if c.required else 'ไม่บังคับ'} | {cell(examples.get(c.key, ''))} |")
    lines += ["", LICENCE, ""]
    return Page(path=f"open-data/{ds.id}/index.md", title=ds.title, body="\n".join(lines), nav=False,
                description=f"คำอธิบายข้อมูลและไฟล์ดาวน์โหลดของชุดข้อมูล {ds.title}")
