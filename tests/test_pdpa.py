"""PDPA guard: national IDs (valid check digit only), private mobiles, house addresses; exemptions."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from safety_helpers import copy_project, hash_tree, run_cli, thai_id

from generator.checks import pdpa
from generator.checks.pdpa import check_personal_data, find_in_text, thai_id_valid
from generator.config import Settings
from generator.errors import Collector, Problem
from generator.model import Site

VALID = thai_id("123456789012")  # 1234567890121
INVALID = VALID[:-1] + str((int(VALID[-1]) + 1) % 10)
THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def dashed(n: str) -> str:
    return f"{n[0]}-{n[1:5]}-{n[5:10]}-{n[10:12]}-{n[12]}"


def test_check_digit() -> None:
    assert thai_id_valid("1-2345-67890-12-1")
    assert thai_id_valid(thai_id("310060012345"))
    assert not thai_id_valid("1-2345-67890-12-2")
    assert not thai_id_valid("123456789012")  # 12 digits
    assert thai_id_valid(VALID.translate(THAI))


@pytest.mark.parametrize(
    "written",
    [VALID, dashed(VALID), dashed(VALID).replace("-", " "), VALID.translate(THAI), dashed(VALID).translate(THAI)],
)
def test_valid_ids_are_found_in_every_spelling(written: str) -> None:
    (f,) = find_in_text(f"ผู้ร้อง\nเลขประจำตัว {written} ที่อยู่", False, set())
    assert f.kind == "id" and f.line == 2 and f.masked == "1-xxxx-xxxxx-12-1"


@pytest.mark.parametrize(
    "text",
    [
        f"เลข {INVALID}",  # wrong check digit: not an ID
        f"เลข {dashed(INVALID)}",
        "งบประมาณ 1,234,567,890,121 บาท",  # money with separators
        f"โทร 02-123-4567 หรือ {VALID}0",  # 14 digits
        "ปีงบประมาณ 2568 2569 ยอดรวม 1234",
    ],
)
def test_not_ids(text: str) -> None:
    assert [f for f in find_in_text(text, False, set()) if f.kind == "id"] == []


def test_phones_and_addresses() -> None:
    text = "ติดต่อคุณสมชาย 081-234-5678\nสำนักงาน 0 4312 3456\nมือถือสำนักงาน 089 999 0000\n+66 91 234 5678"
    found = [(f.kind, f.masked, f.line) for f in find_in_text(text, False, {"0899990000"})]
    assert found == [("phone", "08x-xxx-5678", 1), ("phone", "09x-xxx-5678", 4)]
    addr = "ผู้ร้องอยู่ เลขที่ 12/3 หมู่ 4 ตำบลดอนตัวอย่าง\nบ้านเลขที่ 45 ซอย 2"
    assert [f.line for f in find_in_text(addr, True, set())] == [2, 1]
    # Outside complaint data only an explicit "บ้านเลขที่" counts (contract PDFs name firms' offices).
    assert [f.line for f in find_in_text(addr, False, set())] == [2]


def _site(tmp_path: Path) -> Site:
    (tmp_path / "content").mkdir(exist_ok=True)
    return Site(root=tmp_path, settings=Settings())


def _check(site: Site) -> list[Problem]:
    errors = Collector(site.root)
    check_personal_data(site, errors)
    return errors.problems


def test_markdown_yaml_csv_are_scanned_with_lines(tmp_path: Path) -> None:
    site = _site(tmp_path)
    c = tmp_path / "content"
    (c / "documents" / "x").mkdir(parents=True)
    (c / "documents" / "x" / "a.md").write_text(f"---\ntitle: t\n---\n\nผู้ขอ {dashed(VALID)}\n", "utf-8")
    (c / "data").mkdir()
    (c / "data" / "complaints.csv").write_text(
        "เดือน,เรื่อง\n2569-01,ถนนชำรุด หน้าบ้านเลขที่ 7 หมู่ 2\n2569-02,ไฟดับ เลขที่ 9/1 ม.3\n", "utf-8")
    (c / "news.yml").write_text(f"items:\n  - phone: 0812345678\n    id: {VALID.translate(THAI)}\n", "utf-8")
    found = sorted((p.path, p.line, p.english.split(" ")[2]) for p in _check(site))
    assert found == [
        ("content/data/complaints.csv", 2, "(house"),
        ("content/data/complaints.csv", 3, "(house"),
        ("content/documents/x/a.md", 5, "(Thai"),
        ("content/news.yml", 2, "(private"),
        ("content/news.yml", 3, "(Thai"),
    ]
    p = next(p for p in _check(site) if p.path.endswith("a.md"))
    assert "เลขประจำตัวประชาชน" in p.thai and "PDPA" in p.thai and "pdpa-exemptions.yml" in p.fix
    assert VALID not in p.format() and dashed(VALID) not in p.format()  # the message leaks nothing


def test_organisation_numbers_are_official(tmp_path: Path) -> None:
    site = _site(tmp_path)
    c = tmp_path / "content"
    (c / "organisation.yml").write_text("name: เทศบาลตำบลดอนตัวอย่าง\nphone: 081-111-2222\n", "utf-8")
    (c / "contact.md").write_text("โทร 0811112222 หรือ 081-333-4444\n", "utf-8")
    assert [(p.path, p.line) for p in _check(site)] == [("content/contact.md", 1)]


def test_pdf_text_is_scanned(tmp_path: Path) -> None:
    fpdf = pytest.importorskip("fpdf")
    site = _site(tmp_path)
    pdf = fpdf.FPDF()
    pdf.set_font("helvetica", size=12)
    pdf.add_page()
    pdf.cell(text="Report page one")
    pdf.add_page()
    pdf.cell(text=f"Complainant ID {dashed(VALID)}")
    pdf.add_page()
    pdf.cell(text=f"Not an ID {dashed(INVALID)}")
    pdf.output(str(tmp_path / "content" / "report.pdf"))
    (p,) = _check(site)
    assert p.path == "content/report.pdf" and p.field == "หน้า 2" and "(หน้า 2)" in p.thai
    # Cached by content: a second run gives the same answer without re-reading the PDF.
    assert (tmp_path / "build" / "pdpa-cache.json").is_file()
    assert [q.thai for q in _check(site)] == [p.thai]


def test_shaped_thai_pdf_text_keeps_the_written_order(tmp_path: Path) -> None:
    """HarfBuzz-shaped Thai from fpdf2 (as scripts/make_example_pdfs.py writes it) puts each tone mark
    over an upper vowel (ที่) in its own text object, starting a hair after the letters that follow it;
    PDFium alone read "บ้านเลขที ่" and the address went unreported."""
    fpdf = pytest.importorskip("fpdf")
    pytest.importorskip("uharfbuzz")
    font = Path("/usr/share/fonts/truetype/tlwg/Laksaman.ttf")
    if not font.is_file():
        pytest.skip("needs Debian's fonts-thai-tlwg")
    pdf = fpdf.FPDF()
    pdf.add_font("th", fname=str(font))
    pdf.set_font("th", size=14)
    pdf.set_text_shaping(True)
    pdf.add_page()
    pdf.multi_cell(0, 8, "ที่อยู่ผู้ร้อง บ้านเลขที่ 12/3 หมู่ที่ 4 ตำบลดอนตัวอย่าง")
    pdf.output(str(tmp_path / "letter.pdf"))
    ((where, text),) = list(pdpa._pdf_pages(tmp_path / "letter.pdf"))
    assert where == "หน้า 1" and "ที่อยู่ผู้ร้อง บ้านเลขที่ 12/3 หมู่ที่ 4" in text
    assert [f.masked for f in find_in_text(text, False, set())] == ["บ้านเลขที่ xx/3"]


def test_docx_and_xlsx_text_is_scanned(tmp_path: Path) -> None:
    site = _site(tmp_path)
    with zipfile.ZipFile(tmp_path / "content" / "form.docx", "w") as z:
        z.writestr("word/document.xml",
                   f"<w:document><w:body><w:p><w:r><w:t>เลข {VALID[:6]}</w:t></w:r>"
                   f"<w:r><w:t>{VALID[6:]}</w:t></w:r></w:p></w:body></w:document>")
    with zipfile.ZipFile(tmp_path / "content" / "sheet.xlsx", "w") as z:
        z.writestr("xl/worksheets/sheet1.xml", f"<sheetData><row><c><v>{VALID}</v></c></row></sheetData>")
    assert sorted(p.path for p in _check(site)) == ["content/form.docx", "content/sheet.xlsx"]


def test_reviewed_exemption(tmp_path: Path) -> None:
    site = _site(tmp_path)
    c = tmp_path / "content"
    (c / "a.md").write_text(f"เลขผู้เสียภาษี {VALID}\n", "utf-8")
    (c / "pdpa-exemptions.yml").write_text(
        "exemptions:\n"
        "  - file: content/a.md\n"
        '    value: "1-xxxx-xxxxx-12-1"\n'
        "    reviewed_by: นางสาวตัวอย่าง ใจดี\n"
        "    date: 2569-01-15\n"
        "    reason: เลขประจำตัวผู้เสียภาษีของนิติบุคคล\n"
        "  - file: content/gone.md\n"
        '    value: "08x-xxx-0000"\n'
        "    reviewed_by: นางสาวตัวอย่าง ใจดี\n"
        "    date: 2569-01-15\n"
        "    reason: ไฟล์ถูกลบแล้ว\n", "utf-8")
    problems = _check(site)
    assert [(p.severity, p.line) for p in problems] == [("warning", 7)]  # only the unused one


def test_exemption_needs_reviewer_and_valid_date(tmp_path: Path) -> None:
    site = _site(tmp_path)
    c = tmp_path / "content"
    (c / "a.md").write_text(f"{VALID}\n", "utf-8")
    (c / "pdpa-exemptions.yml").write_text(
        "exemptions:\n  - file: content/a.md\n    value: \"1-xxxx-xxxxx-12-1\"\n    date: 2569-02-31\n"
        "    reason: x\n", "utf-8")
    found = sorted((p.path, p.line, p.field) for p in _check(site))
    assert ("content/pdpa-exemptions.yml", 2, "exemptions[0].reviewed_by") in found
    assert ("content/pdpa-exemptions.yml", 4, "exemptions[0].date") in found
    assert ("content/a.md", 1, "") in found  # not exempted by an incomplete record


def test_prongsai_check_fails_on_a_planted_id(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "p")
    (root / "content" / "บันทึก ผู้ร้องเรียน.txt").write_text(f"\n\nผู้ร้อง {dashed(VALID)}\n", "utf-8")
    rc, _, err = run_cli("--root", str(root), "check")
    assert rc == 1
    assert "content/บันทึก ผู้ร้องเรียน.txt:3" in err and "เลขประจำตัวประชาชน" in err and "(en)" in err
    (root / "content" / "บันทึก ผู้ร้องเรียน.txt").write_text(f"ผู้ร้อง {dashed(INVALID)}\n", "utf-8")
    rc, _, err = run_cli("--root", str(root), "check")
    assert "เลขประจำตัวประชาชน" not in err


def test_attachments_read_in_workers_stop_the_build_as_a_check_in_one_go_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``build`` reads attachments in worker processes while it renders: a finding in one still
    stops it with the same problems and exit code, the old site/ untouched, the same cache."""
    fpdf = pytest.importorskip("fpdf")
    root = copy_project(tmp_path / "p")
    pdf = fpdf.FPDF()
    pdf.set_font("helvetica", size=12)
    pdf.add_page()
    pdf.cell(text=f"Complainant ID {dashed(VALID)}")
    pdf.output(str(root / "content" / "plan" / "plan-2566-2570.pdf"))
    (root / "content" / "บันทึก ร้องเรียน.txt").write_text(f"ผู้ร้อง {dashed(VALID)}\n", "utf-8")  # a text file too
    (root / "site").mkdir()
    (root / "site" / "index.html").write_text("old", "utf-8")
    before = hash_tree(root / "site")
    monkeypatch.setattr(pdpa, "PARALLEL_FROM", 10**9)  # all in this process, before rendering
    rc_one, out_one, err_one = run_cli("--root", str(root), "build")
    cache_one = (root / "build" / "pdpa-cache.json").read_bytes()
    (root / "build" / "pdpa-cache.json").unlink()
    monkeypatch.setattr(pdpa, "PARALLEL_FROM", 1)  # in workers, during generate and render
    rc, out, err = run_cli("--root", str(root), "build")
    assert (rc, out, err) == (rc_one, out_one, err_one)
    assert rc == 1 and "content/plan/plan-2566-2570.pdf" in err and "(หน้า 1)" in err
    assert "content/บันทึก ร้องเรียน.txt:1" in err
    # the same problems as `prongsai check`, which reads every file in the foreground
    rc_check, _, err_check = run_cli("--root", str(root), "check")
    assert rc_check == 1
    assert [ln for ln in err_check.splitlines() if "content/" in ln] == [ln for ln in err.splitlines() if "content/" in ln]
    assert hash_tree(root / "site") == before
    assert (root / "build" / "pdpa-cache.json").read_bytes() == cache_one
    assert not [p for p in (root / "build").iterdir() if p.name.startswith("work-")]
