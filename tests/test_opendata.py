"""Open data: every dataset as CSV (UTF-8 with BOM, the import format) and JSON, with a data
dictionary page, plus the document registers."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from ita_fixtures import complete_site

from generator.build import build
from generator.content import load_site
from generator.content.datasets import COMPLAINTS, load_datasets
from generator.errors import Collector
from generator.export import dataset_to_json, rows_from_json
from generator.model import Column, Dataset, OutputFile, Page, SourceRef
from generator.pages import opendata

ROOT = Path(__file__).resolve().parent.parent


def outputs() -> tuple[dict[str, Page], dict[str, bytes]]:
    pages: dict[str, Page] = {}
    files: dict[str, bytes] = {}
    for out in opendata.generate(complete_site()):
        if isinstance(out, Page):
            pages[out.path] = out
        else:
            assert isinstance(out, OutputFile) and out.data is not None
            files[out.path] = out.data
    return pages, files


def read_csv(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "Excel needs the BOM to read Thai as UTF-8"
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_every_dataset_and_the_document_register_is_published() -> None:
    pages, files = outputs()
    ids = ["complaints", "procurement", "service-statistics", "documents"]
    for i in ids:
        assert f"data/{i}.csv" in files and f"data/{i}.json" in files
        assert f"open-data/{i}/index.md" in pages and not pages[f"open-data/{i}/index.md"].nav
    index = pages["open-data/index.md"]
    assert index.nav and "CC BY 4.0" in index.body
    assert [d["id"] for d in index.twin["datasets"]] == ids
    assert "| [สรุปผลการจัดซื้อจัดจ้างรายเดือน](procurement/index.md) | 1 | ตุลาคม 2568 |" in index.body


def test_csv_round_trips_thai_text_quotes_and_commas() -> None:
    _, files = outputs()
    rows = read_csv(files["data/procurement.csv"])
    assert rows == [{"เดือน": "2568-10", "งานที่ซื้อหรือจ้าง": "จัดซื้อวัสดุสำนักงาน “ชุดที่ 1”, กระดาษ",
                     "ราคาที่ตกลง": "12500.50"}]
    docs = read_csv(files["data/documents.csv"])
    site = complete_site()
    assert len(docs) == len(site.documents)
    plan = next(r for r in docs if r["หัวข้อ"] == "operation-plan")
    assert plan["ชื่อหัวข้อ"] == "แผนการดำเนินงาน"
    assert plan["ที่อยู่หน้าเว็บ"] == "https://portal.example.invalid/administration/operation-plan/operation-plan-2569/"
    assert plan["ไฟล์แนบ"] == "https://portal.example.invalid/files/operation-plan/operation-plan.pdf"
    assert plan["วันที่"] == "2568-11-15"  # BE, as staff type dates
    js = json.loads(files["data/documents.json"])
    assert [r["ชื่อเอกสาร"] for r in js["rows"]] == [r["ชื่อเอกสาร"] for r in docs]


def test_exported_csv_imports_back_unchanged(tmp_path: Path) -> None:
    """The published file is the import format: put it back under content/data/ and load it."""
    rows = (
        {"เดือน": date(2025, 10, 1), "ช่องทาง": "ตู้รับเรื่อง, หน้าสำนักงาน", "เรื่องที่ได้รับ": 2,
         "อยู่ระหว่างดำเนินการ": 1, "ดำเนินการแล้วเสร็จ": 1, "ส่งต่อหน่วยงานอื่น": 0, "หมายเหตุ": "เรื่อง “ถนนชำรุด”"},
        {"เดือน": date(2025, 11, 1), "ช่องทาง": None, "เรื่องที่ได้รับ": 0, "อยู่ระหว่างดำเนินการ": 0,
         "ดำเนินการแล้วเสร็จ": 0, "ส่งต่อหน่วยงานอื่น": 0, "หมายเหตุ": None},
    )
    site = complete_site()
    site.documents = []
    site.datasets = {"complaints": Dataset("complaints", COMPLAINTS.title, COMPLAINTS.columns, rows,
                                           (SourceRef("content/data/complaints/2569.csv"),))}
    data = next(o.data for o in opendata.generate(site) if isinstance(o, OutputFile) and o.path.endswith(".csv"))
    assert data is not None
    target = tmp_path / "content/data/complaints/2569.csv"
    target.parent.mkdir(parents=True)
    target.write_bytes(data)
    errors = Collector(tmp_path)
    loaded = load_datasets(tmp_path / "content", errors)
    assert [p for p in errors.problems if p.severity == "error"] == []
    again = [{k: v for k, v in r.items() if v not in (None, "")} for r in loaded["complaints"].rows]
    assert again == [{k: v for k, v in r.items() if v not in (None, "")} for r in rows]


def test_dictionary_page_describes_every_column_with_an_example() -> None:
    pages, _ = outputs()
    body = pages["open-data/procurement/index.md"].body
    assert "| ราคาที่ตกลง | ราคาที่ตกลง (บาท): ราคาที่ตกลง | จำนวนเงิน (บาท)" in body
    assert "| 12500.50 |" in body
    assert "[สรุปผลการจัดซื้อจัดจ้างรายเดือน](../../budget/procurement-monthly/index.md)" in body
    assert "[CSV](../../data/procurement.csv)" in body


def test_latest_comes_from_the_data_not_the_clock() -> None:
    cols = complete_site().datasets["complaints"].columns
    ds = Dataset("x", "x", cols, ({"เดือน": date(2026, 3, 1), "เรื่องที่ได้รับ": Decimal(0)},
                                  {"เดือน": date(2025, 10, 1), "เรื่องที่ได้รับ": Decimal(0)}))
    assert opendata.latest(ds) == ("มีนาคม 2569", "2026-03")
    docs = opendata.documents_dataset(complete_site())
    assert opendata.latest(docs) == ("15 พฤศจิกายน 2568", "2025-11-15")
    assert opendata.latest(Dataset("y", "y", cols, ())) == ("—", None)


@pytest.fixture(scope="module")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site") / "site"
    build(ROOT, out)
    return out


def test_every_published_csv_in_the_example_matches_its_json(example_site: Path) -> None:
    csvs = sorted((example_site / "data").glob("*.csv"))
    assert csvs, "the example publishes at least the document register"
    for path in csvs:
        rows = read_csv(path.read_bytes())
        doc = json.loads(path.with_suffix(".json").read_text("utf-8"))
        keys = [c["key"] for c in doc["columns"]]
        with path.open(encoding="utf-8-sig", newline="") as f:
            assert next(csv.reader(f)) == keys
        assert len(rows) == len(doc["rows"]), path.name
        for row, js in zip(rows, doc["rows"], strict=True):
            for col in doc["columns"]:
                if col["type"] == "text":
                    assert row[col["key"]] == (js[col["key"]] or ""), (path.name, col["key"])
    assert (example_site / "open-data/index.html").exists()


def test_document_register_urls_point_at_published_pages_and_files(example_site: Path) -> None:
    from urllib.parse import unquote

    rows = read_csv((example_site / "data/documents.csv").read_bytes())
    doc = json.loads((example_site / "data/documents.json").read_text("utf-8"))
    assert rows and len(rows) == len(doc["rows"])
    urls = [u for r in rows for u in [r["ที่อยู่หน้าเว็บ"], *r["ไฟล์แนบ"].split()]]
    base = urls[0][: urls[0].index("/", len("https://")) + 1]
    missing = [u for u in urls if not (example_site / unquote(u[len(base):])).exists()]
    assert missing == []


def _indented_json(ds: Dataset, periods: list[str] | None) -> bytes:
    """The JSON as it was written before one row per line: ``json.dumps(..., indent=1)``."""

    def value(col: Column, v: object) -> object:
        if v is None:
            return None
        if col.type == "month" and isinstance(v, date):
            return f"{v.year:04d}-{v.month:02d}"
        if isinstance(v, date):
            return v.isoformat()
        return float(v) if isinstance(v, Decimal) else v

    doc: dict[str, object] = {
        "id": ds.id,
        "title": ds.title,
        "columns": [asdict(c) for c in ds.columns],
        "dates": "ISO 8601, Common Era (ค.ศ.)",
        "rows": [{c.key: value(c, row.get(c.key)) for c in ds.columns} for row in ds.rows],
    }
    if periods is not None:
        doc["periods_be"] = periods
    return json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")


def _same_json(new: bytes, old: bytes) -> None:
    assert json.loads(new) == json.loads(old)
    # ... with the same key order and number types (== takes 1 for 1.0)
    assert json.dumps(json.loads(new)) == json.dumps(json.loads(old))


def test_json_of_the_example_reads_back_as_the_indented_json_did() -> None:
    """One row per line (json's C encoder; ``indent`` means its pure-Python one) is whitespace only."""
    errors = Collector(ROOT)
    datasets = opendata.published_datasets(load_site(ROOT, errors))
    assert not errors.errors
    assert {"procurement", "complaints", "documents"} <= {ds.id for ds in datasets}
    for ds in datasets:
        data = opendata._json_bytes(ds)
        periods = sorted(Path(s.path).stem for s in ds.sources) if ds.sources else None
        _same_json(data, _indented_json(ds, periods))
        lines = data.decode("utf-8").splitlines()  # one row per line, for people and diffs
        first = lines.index(' "rows": [') + 1
        rows = [json.loads(line.rstrip(",")) for line in lines[first:first + len(ds.rows)]]
        assert rows == json.loads(data)["rows"] and lines[first + len(ds.rows)].startswith(" ]")
        assert rows_from_json(data) == list(ds.rows), ds.id


def test_json_rows_in_any_key_order_or_missing_a_column() -> None:
    cols = (Column("เดือน", "เดือน", "month", "m"), Column("ข้อความ", "ข้อความ", "text", "t"),
            Column("จำนวนเงิน", "จำนวนเงิน", "money", "a"), Column("วันที่", "วันที่", "date", "d"))
    rows = (
        {"เดือน": date(2025, 10, 1), "ข้อความ": "“คำพูด”, \\ และ\nบรรทัดใหม่", "จำนวนเงิน": Decimal("12.50"),
         "วันที่": date(2025, 10, 3)},
        {"วันที่": date(2025, 11, 30), "จำนวนเงิน": None, "เดือน": date(2025, 11, 1), "ข้อความ": "x"},
        {"ข้อความ": date(2025, 1, 2), "อื่น": 1},  # missing columns, an extra key, a date in a text column
    )
    for ds in (Dataset("x", "x", cols, rows), Dataset("x", "x", cols[1:], rows), Dataset("x", "x", cols, ())):
        for periods in (None, ["2568-10"]):
            _same_json(dataset_to_json(ds, periods), _indented_json(ds, periods))
