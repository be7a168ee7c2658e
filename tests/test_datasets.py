"""Structured datasets: CSV import with precise problems, export round trip, tables with totals."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from paths import ROOT

from generator.content.datasets import (
    COMPLAINTS,
    PROCUREMENT,
    PROCUREMENT_PLAN,
    SCHEMAS,
    SERVICE_STATISTICS,
    load_datasets,
    normalise_method,
    parse_csv,
    parse_month,
)
from generator.errors import Collector
from generator.export import dataset_to_csv, dataset_to_json, rows_from_json
from generator.framework import load_framework
from generator.model import Site
from generator.pages.datasets import complaints_section, procurement_section, service_statistics_section
from generator.thai import fiscal_year

P_HEADER = ("งานที่ซื้อหรือจ้าง,วงเงินที่จะซื้อหรือจ้าง,ราคากลาง,วิธีซื้อหรือจ้าง,ผู้เสนอราคาและราคาที่เสนอ,"
            "ผู้ได้รับการคัดเลือก,ราคาที่ตกลง,เหตุผลที่คัดเลือกโดยสรุป,เลขที่สัญญาหรือข้อตกลง,วันที่สัญญาหรือข้อตกลง")
C_HEADER = "เดือน,ช่องทาง,เรื่องที่ได้รับ,อยู่ระหว่างดำเนินการ,ดำเนินการแล้วเสร็จ,ส่งต่อหน่วยงานอื่น,หมายเหตุ"


@pytest.fixture(scope="module")
def example() -> dict:
    errors = Collector(ROOT)
    datasets = load_datasets(ROOT / "content", errors)
    assert not errors.errors, [p.format() for p in errors.errors]
    return datasets


def _write(tmp_path: Path, rel: str, text: str) -> Path:
    path = tmp_path / "content" / "data" / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path


def test_example_has_every_dataset_for_both_fiscal_years(example: dict) -> None:
    assert set(example) == {"procurement", "procurement-plan", "complaints", "service-statistics"}
    months = {r["เดือน"] for r in example["procurement"].rows}
    # Every month Oct 2567 – Sep 2569 is filed; April 2568 is filed with no rows (no procurement).
    assert len(example["procurement"].sources) == 24
    assert date(2025, 4, 1) not in months and len(months) == 23
    assert {r["ปีงบประมาณ"] for r in example["procurement-plan"].rows} == {2568, 2569}
    zero_months = [r for r in example["complaints"].rows if r["เรื่องที่ได้รับ"] == 0]
    assert len(zero_months) >= 10


def test_typed_values_from_staff_spellings(tmp_path: Path) -> None:
    path = _write(tmp_path, "procurement/2568-10.csv", P_HEADER + "\n"
                  'ซื้อวัสดุ,"๑๒,๕๐๐",฿12500,e-market,ร้านเอ 12000,ร้านเอ,"12,000.50",ราคาต่ำสุด,1/2569,๑๕ ต.ค. ๒๕๖๘\n')
    errors = Collector(tmp_path)
    rows = parse_csv(PROCUREMENT, path.read_text("utf-8"), path, date(2025, 10, 1), errors)
    assert not errors.problems
    assert rows is not None
    row = rows[0]
    assert row["วงเงินที่จะซื้อหรือจ้าง"] == Decimal("12500.00")
    assert row["ราคาที่ตกลง"] == Decimal("12000.50")
    assert row["วิธีซื้อหรือจ้าง"] == "วิธีประกาศเชิญชวนทั่วไป (e-market)"
    assert row["วันที่สัญญาหรือข้อตกลง"] == date(2025, 10, 15)
    assert row["เดือน"] == date(2025, 10, 1)  # from the file name


def test_each_bad_cell_is_reported_at_its_line_and_column(tmp_path: Path) -> None:
    path = _write(tmp_path, "procurement/2568-10.csv", P_HEADER + "\n"
                  "ซื้อวัสดุ,หนึ่งหมื่น,10000,เฉพาะเจาะจง,ร้านเอ,ร้านเอ,9000,ต่ำสุด,1/2569,2568-10-15\n"
                  "ซื้อวัสดุ,10000,10000,วิธีพิเศษ,ร้านเอ,ร้านเอ,9000,ต่ำสุด,2/2569,2568-10-15\n"
                  "\n"
                  "ซื้อวัสดุ,10000,10000,เฉพาะเจาะจง,ร้านเอ,,9000,ต่ำสุด,3/2569,2025-10-15\n")
    errors = Collector(tmp_path)
    rows = parse_csv(PROCUREMENT, path.read_text("utf-8"), path, date(2025, 10, 1), errors)
    assert rows == []
    got = {(p.line, p.field): p for p in errors.errors}
    assert set(got) == {(2, "วงเงินที่จะซื้อหรือจ้าง"), (3, "วิธีซื้อหรือจ้าง"), (5, "ผู้ได้รับการคัดเลือก"),
                        (5, "วันที่สัญญาหรือข้อตกลง")}
    assert "จำนวนเงิน" in got[(2, "วงเงินที่จะซื้อหรือจ้าง")].thai
    assert "วิธีเฉพาะเจาะจง" in got[(3, "วิธีซื้อหรือจ้าง")].fix
    assert "ยังไม่ได้กรอก" in got[(5, "ผู้ได้รับการคัดเลือก")].thai
    assert "2568" in got[(5, "วันที่สัญญาหรือข้อตกลง")].fix  # CE year refused with the BE hint
    assert all(p.path == "content/data/procurement/2568-10.csv" for p in errors.errors)


def test_header_mistakes_name_the_column(tmp_path: Path) -> None:
    path = _write(tmp_path, "complaints/2569.csv",
                  "เดือน,ช่องทาง,เรื่องที่ได้รับ,อยู่ระหว่างดำเนินการ,ดำเนินการแล้วเสร็จ,ส่งต่อหน่วยงานอืน\n")
    errors = Collector(tmp_path)
    assert parse_csv(COMPLAINTS, path.read_text("utf-8"), path, 2569, errors) is None
    fields = {p.field: p for p in errors.errors}
    assert "ส่งต่อหน่วยงานอื่น" in fields["ส่งต่อหน่วยงานอืน"].thai  # suggests the right spelling
    assert fields["ส่งต่อหน่วยงานอื่น"].line == 1  # the required column is missing


def test_file_names_and_months_must_agree(tmp_path: Path) -> None:
    _write(tmp_path, "complaints/2569.csv", C_HEADER + "\n2568-09,,0,0,0,0,\n")
    _write(tmp_path, "procurement/ตุลาคม.csv", P_HEADER + "\n")
    _write(tmp_path, "procurement-plans/2569.csv", "x\n")
    errors = Collector(tmp_path)
    load_datasets(tmp_path / "content", errors)
    by_path = {p.path: p for p in errors.errors}
    assert "ไม่อยู่ในปีงบประมาณ 2569" in by_path["content/data/complaints/2569.csv"].thai
    assert by_path["content/data/complaints/2569.csv"].line == 2
    assert "2568-10.csv" in by_path["content/data/procurement/ตุลาคม.csv"].fix
    assert "procurement-plan" in by_path["content/data/procurement-plans"].thai


def test_missing_month_is_a_warning_naming_it(tmp_path: Path) -> None:
    _write(tmp_path, "complaints/2569.csv", C_HEADER + "\n2568-10,,0,0,0,0,\n2568-12,,0,0,0,0,\n")
    errors = Collector(tmp_path)
    load_datasets(tmp_path / "content", errors)
    assert not errors.errors
    assert any("พฤศจิกายน 2568" in p.thai for p in errors.problems if p.severity == "warning")


def test_months_as_staff_type_them() -> None:
    expected = date(2025, 10, 1)
    for text in ("2568-10", "10/2568", "ตุลาคม 2568", "ต.ค. 2568", "๒๕๖๘-๑๐", "ตุลาคม พ.ศ. 2568"):
        assert parse_month(text) == expected, text
    assert normalise_method(" วิธี เฉพาะเจาะจง ") == "วิธีเฉพาะเจาะจง"
    assert normalise_method("E-Bidding") == "วิธีประกาศเชิญชวนทั่วไป (e-bidding)"
    assert normalise_method("ประมูล") is None


@pytest.mark.parametrize("schema_id", sorted(SCHEMAS))
def test_export_round_trip(example: dict, schema_id: str, tmp_path: Path) -> None:
    """The export is the import format: the exported CSV, split back into one file per period,
    re-imports to the same typed rows; the JSON gives them back too."""
    ds = example[schema_id]
    schema = SCHEMAS[schema_id]
    data = dataset_to_csv(ds)
    assert data.startswith(b"\xef\xbb\xbf")
    header, *lines = data.decode("utf-8-sig").splitlines()
    assert header.split(",") == [c.key for c in ds.columns]

    def period_of(row: dict) -> date | int:
        return row[schema.file_column] if schema.file_column else fiscal_year(row["เดือน"])

    files: dict[date | int, list[str]] = {}
    for row, line in zip(ds.rows, lines, strict=True):
        files.setdefault(period_of(row), []).append(line)
    errors = Collector(tmp_path)
    back: list[dict] = []
    for period, file_lines in files.items():
        rows = parse_csv(schema, "\n".join([header, *file_lines]) + "\n", tmp_path / "x.csv", period, errors)
        assert rows is not None
        back.extend(rows)
    assert not errors.errors, [p.format() for p in errors.errors]
    assert back == list(ds.rows)
    assert rows_from_json(dataset_to_json(ds)) == list(ds.rows)


def test_json_is_for_programs(example: dict) -> None:
    doc = json.loads(dataset_to_json(example["procurement"], periods=["2568-04"]))
    row = doc["rows"][0]
    assert isinstance(row["ราคาที่ตกลง"], float)
    assert row["วันที่สัญญาหรือข้อตกลง"].startswith("20")  # ISO, Common Era
    assert doc["periods_be"] == ["2568-04"]
    assert {c["key"] for c in doc["columns"]} == {c.key for c in PROCUREMENT.columns}
    assert all(c["description"] for c in doc["columns"])


def _site(datasets: dict) -> Site:
    site = Site(root=ROOT, settings=None)
    site.datasets = dict(datasets)
    return site


def test_procurement_tables_have_totals_and_say_when_a_month_had_none(example: dict) -> None:
    item = load_framework().item("procurement-monthly")
    assert item is not None
    html = procurement_section(_site(example), item)
    ds = example["procurement"]
    fy2569 = [r for r in ds.rows if date(2025, 10, 1) <= r["เดือน"] <= date(2026, 9, 1)]
    total = sum((r["ราคาที่ตกลง"] for r in fy2569), Decimal(0))
    assert f"{total:,.2f} บาท" in html  # fiscal-year total of agreed prices
    assert "<caption" in html and '<th scope="col">' in html and "<tfoot>" in html
    assert "เมษายน 2568 — ไม่มีการจัดซื้อจัดจ้าง" in html
    assert 'role="region" tabindex="0"' in html  # the wide table scrolls, and by keyboard too
    assert "data/procurement.csv" in html and "data/procurement.json" in html


def test_complaint_months_with_none_are_explicit(example: dict) -> None:
    item = load_framework().item("complaint-statistics")
    assert item is not None
    html = complaints_section(_site(example), item)
    assert html.count("ไม่มีเรื่องร้องเรียน") >= 10
    assert "ปีงบประมาณ 2569 (ตุลาคม 2568 – กันยายน 2569) ได้รับเรื่องร้องเรียน 4 เรื่อง" in html


def test_a_year_without_any_complaint_says_so(tmp_path: Path) -> None:
    _write(tmp_path, "complaints/2569.csv", C_HEADER + "\n2568-10,,0,0,0,0,\nพฤศจิกายน 2568,,0,0,0,0,\n")
    errors = Collector(tmp_path)
    datasets = load_datasets(tmp_path / "content", errors)
    item = load_framework().item("complaint-statistics")
    assert item is not None
    html = complaints_section(_site(datasets), item)
    assert "ปีงบประมาณ 2569 (ตุลาคม 2568 – พฤศจิกายน 2568) ไม่มีเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ" in html


def test_service_statistics_pivot_totals(example: dict) -> None:
    item = load_framework().item("service-statistics")
    assert item is not None
    html = service_statistics_section(_site(example), item)
    total = sum(r["จำนวนผู้รับบริการ"] for r in example["service-statistics"].rows
                if r["เดือน"] >= date(2025, 10, 1))
    assert f"ให้บริการรวม {total:,} ราย" in html
    assert "ต.ค. 2568" in html


def test_schemas_document_every_column() -> None:
    for schema in (PROCUREMENT, PROCUREMENT_PLAN, COMPLAINTS, SERVICE_STATISTICS):
        assert all(c.description and c.title for c in schema.columns), schema.id
        assert len({c.key for c in schema.columns}) == len(schema.columns)


def test_excel_trailing_empty_columns_are_ignored(tmp_path: Path) -> None:
    path = _write(tmp_path, "complaints/2569.csv", C_HEADER + ",,\n2568-10,,0,0,0,0,,,\n2568-11,โทรศัพท์,1,0,1,0,,x,\n")
    errors = Collector(tmp_path)
    rows = parse_csv(COMPLAINTS, path.read_text("utf-8"), path, 2569, errors)
    assert rows is not None and len(rows) == 1  # the row with a stray value is refused...
    (p,) = errors.errors
    assert p.line == 3 and "8 ช่อง" in p.thai  # ...and named at its line
