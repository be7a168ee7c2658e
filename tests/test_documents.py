"""Documents, news and attachments: the file formats staff write, and the problems they get back."""

from __future__ import annotations

import csv as csv_module
import io
import os
import re
import shutil
from pathlib import Path

import pytest
from paths import ROOT

from generator.cli import main
from generator.content.attachments import AttachmentResolver, describe, published_url
from generator.content.documents import load_documents
from generator.content.news import load_news
from generator.errors import Collector

PDF = b"%PDF-1.4\n% test\n" + b"0" * 2000 + b"\n%%EOF\n"


def _project(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    for rel, data in files.items():
        path = tmp_path / "content" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, "utf-8")
    return tmp_path / "content"


def _load(tmp_path: Path, files: dict[str, str | bytes], max_mb: float = 20.0) -> tuple[list, list, Collector]:
    content = _project(tmp_path, files)
    errors = Collector(tmp_path)
    resolver = AttachmentResolver(content, max_mb, errors)
    return load_documents(content, resolver, errors), load_news(content, resolver, errors), errors


def _doc(front: str, body: str = "") -> str:
    return f"---\n{front.strip()}\n---\n{body}"


def test_document_with_thai_file_names(tmp_path: Path) -> None:
    docs, _, errors = _load(tmp_path, {
        "documents/operation-plan/แผน 2569.md": _doc("""
title: แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2569
date: ๒๘ ตุลาคม ๒๕๖๘
files:
  - file: ไฟล์แนบ/แผน ดำเนินงาน (ฉบับจริง).PDF
    title: แผนฉบับลงนาม
  - แผน ดำเนินงาน.pdf
"""),
        "documents/operation-plan/ไฟล์แนบ/แผน ดำเนินงาน (ฉบับจริง).PDF": PDF,
        "documents/operation-plan/แผน ดำเนินงาน.pdf": PDF,
    })
    assert not errors.problems, [p.format() for p in errors.problems]
    (doc,) = docs
    assert doc.id == "แผน-2569" and doc.item_id == "operation-plan"
    assert doc.fiscal_year == 2569  # 28 Oct 2568 is in fiscal year 2569
    assert not doc.has_page
    first, second = doc.attachments
    assert first.url == "files/documents/operation-plan/ไฟล์แนบ/แผน-ดำเนินงาน-ฉบับจริง.pdf"
    assert " " not in first.url and first.title == "แผนฉบับลงนาม"
    # no title: the document's title and the file's place, not the file name ("แผน ดำเนินงาน")
    assert second.title == "แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2569 ไฟล์ที่ 2"
    assert describe(first) == "PDF, 2 KB"


def test_a_file_without_title_is_named_after_its_record(tmp_path: Path) -> None:
    docs, news, errors = _load(tmp_path, {
        "documents/operation-plan/a.md": _doc("title: แผนการดำเนินงาน 2569\ndate: 2568-10-28\nfiles: 2569-แผน-1.pdf"),
        "documents/operation-plan/2569-แผน-1.pdf": PDF,
        "documents/operation-plan/b.md": _doc(
            "title: รายงาน\ndate: 2568-10-28\nfiles:\n  - file: ก.pdf\n    title: ' '\n  - file: ข.pdf\n    title: ภาคผนวก"
        ),
        "documents/operation-plan/ก.pdf": PDF,
        "documents/operation-plan/ข.pdf": PDF,
        "news/2569-01-10-ข่าว.md": _doc("title: ประกาศรับสมัคร\ndate: 2569-01-10\nfiles:\n  - ใบสมัคร.pdf", "เนื้อข่าว\n"),
        "news/ใบสมัคร.pdf": PDF,
    })
    assert not errors.problems, [p.format() for p in errors.problems]
    by_id = {d.id: d for d in docs}
    assert [a.title for a in by_id["a"].attachments] == ["แผนการดำเนินงาน 2569"]  # its only file
    assert [a.title for a in by_id["b"].attachments] == ["รายงาน ไฟล์ที่ 1", "ภาคผนวก"]
    assert [a.title for a in news[0].attachments] == ["ประกาศรับสมัคร"]


def test_fiscal_year_given_overrides_the_date(tmp_path: Path) -> None:
    docs, _, errors = _load(tmp_path, {
        "documents/spending-plan/a.md": _doc("title: งบประมาณ 2569\ndate: 2568-09-18\nfiscal_year: ๒๕๖๙\nlink: https://example.invalid/x"),
    })
    assert not errors.problems
    assert docs[0].fiscal_year == 2569 and docs[0].date.year == 2025


def test_unknown_item_folder_suggests_the_closest(tmp_path: Path) -> None:
    _, _, errors = _load(tmp_path, {"documents/operation-plans/a.md": _doc("title: x\ndate: 2568-10-01\nlink: https://e.invalid/")})
    (p,) = errors.errors
    assert p.path == "content/documents/operation-plans/a.md"
    assert "“operation-plan”" in p.thai and "operation-report-6m" in p.fix


def test_every_field_mistake_is_reported_at_its_line(tmp_path: Path) -> None:
    _, _, errors = _load(tmp_path, {"documents/hr-policy/a.md": _doc("""
titel: นโยบาย
date: 2568-02-30
fiscal_year: 2026
link: www.example.invalid
files:
  - file: ไม่มีไฟล์นี้.pdf
  - file: ../../../etc/passwd
  - file: /etc/passwd
  - file: โปรแกรม.exe
  - file: a.pdf
    titel: x
""", "เนื้อหา\n"), "documents/hr-policy/โปรแกรม.exe": b"MZ", "documents/hr-policy/a.pdf": PDF})
    got = {(p.line, p.field): p for p in errors.errors}
    assert "title" in got[(2, "titel")].thai  # typo: the right key suggested
    assert (2, "title") in got  # required title missing: reported at the front matter's first line
    assert "ไม่มีอยู่จริง" in got[(3, "date")].thai
    assert "2569" in got[(4, "fiscal_year")].fix
    assert "https://" in got[(5, "link")].thai
    assert "ไม่พบไฟล์แนบ" in got[(7, "files.file")].thai
    assert "นอกโฟลเดอร์ content/" in got[(8, "files.file")].thai
    assert "absolute path" in got[(9, "files.file")].thai
    assert "ชนิดที่ไม่รองรับ" in got[(10, "files.file")].thai
    assert (12, "files.titel") in got


def test_attachment_symlink_out_of_content_and_size_limit(tmp_path: Path) -> None:
    outside = tmp_path / "secret.pdf"
    outside.write_bytes(PDF)
    content = _project(tmp_path, {
        "documents/hr-report/a.md": _doc("title: รายงาน\ndate: 2568-10-01\nfiles:\n  - link.pdf\n  - big.pdf"),
        "documents/hr-report/big.pdf": PDF * 10,
    })
    os.symlink(outside, content / "documents/hr-report/link.pdf")
    errors = Collector(tmp_path)
    load_documents(content, AttachmentResolver(content, 0.01, errors), errors)
    msgs = {p.line: p for p in errors.errors}
    assert "นอกโฟลเดอร์ content/" in msgs[5].thai
    assert "ใหญ่เกินไป" in msgs[6].thai and "0.01 MB" in msgs[6].thai


def test_two_files_that_slugify_alike_are_reported(tmp_path: Path) -> None:
    _, _, errors = _load(tmp_path, {
        "documents/hr-report/a.md": _doc("title: ก\ndate: 2568-10-01\nfiles:\n  - รายงาน ผล.pdf\n  - รายงาน-ผล.pdf"),
        "documents/hr-report/รายงาน ผล.pdf": PDF,
        "documents/hr-report/รายงาน-ผล.pdf": PDF,
    })
    (p,) = errors.errors
    assert p.line == 6 and "ซ้ำ" in p.thai


def test_a_document_with_nothing_to_show_is_refused(tmp_path: Path) -> None:
    _, _, errors = _load(tmp_path, {"documents/hr-report/a.md": _doc("title: ก\ndate: 2568-10-01")})
    (p,) = errors.errors
    assert p.field == "files" and "ไม่มีไฟล์แนบ" in p.thai


def test_unreferenced_attachment_is_a_warning(tmp_path: Path) -> None:
    _, _, errors = _load(tmp_path, {
        "documents/hr-report/a.md": _doc("title: ก\ndate: 2568-10-01\nlink: https://e.invalid/"),
        "documents/hr-report/ลืม.pdf": PDF,
    })
    assert not errors.errors
    assert [p.path for p in errors.problems] == ["content/documents/hr-report/ลืม.pdf"]


def test_news_image_needs_alt_text(tmp_path: Path) -> None:
    _, news, errors = _load(tmp_path, {
        "news/2569-01-10-วันเด็ก.md": _doc("title: วันเด็ก\ndate: 2569-01-10\nimage: รูป.png", "เนื้อข่าว\n"),
        "news/2569-01-11-ข่าว.md": _doc("title: ข่าว\ndate: 2569-01-12", "เนื้อข่าว\n"),
        "news/รูป.png": b"\x89PNG\r\n\x1a\n" + b"0" * 100,
    })
    (p,) = errors.errors
    assert (p.path, p.line, p.field) == ("content/news/2569-01-10-วันเด็ก.md", 4, "image_alt")
    (w,) = [p for p in errors.problems if p.severity == "warning"]
    assert "ไม่ตรงกับช่อง date" in w.thai
    assert [n.title for n in news] == ["ข่าว"]


def test_published_url_keeps_thai_and_the_extension() -> None:
    assert published_url("documents/แผน/แผน ปี 2569.PDF") == "files/documents/แผน/แผน-ปี-2569.pdf"
    assert published_url("news/Photo 1.JPG") == "files/news/photo-1.jpg"


# --- `prongsai check` on the example with one planted mistake of each kind -------------------

def _report(stderr: str) -> list[tuple[str, str, str]]:
    """(file:line, field, Thai message) of each reported problem."""
    return re.findall(r"^(\S+?)(?: \[([^\]]*)\])?: (.+)$", stderr, re.M)


def test_check_reports_each_planted_mistake(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    if (ROOT / "catalog").is_dir():
        shutil.copytree(ROOT / "catalog", tmp_path / "catalog")
    docs = tmp_path / "content" / "documents"
    # 1. missing field (no title)
    (docs / "hr-policy" / "ไม่มีชื่อ.md").write_text(
        "---\ndate: 2568-10-06\nlink: https://example.invalid/\n---\n", "utf-8")
    # 2. bad date (30 February)
    (docs / "hr-policy" / "วันที่ผิด.md").write_text(
        "---\ntitle: นโยบาย\ndate: 2569-02-30\nlink: https://example.invalid/\n---\n", "utf-8")
    # 3. unknown item
    (docs / "hr-polcy").mkdir()
    (docs / "hr-polcy" / "a.md").write_text("---\ntitle: นโยบาย\ndate: 2568-10-06\nlink: https://example.invalid/\n---\n", "utf-8")
    # 4. missing attachment, 5. wrong type
    (docs / "hr-policy" / "แนบผิด.md").write_text(
        "---\ntitle: นโยบาย\ndate: 2568-10-06\nfiles:\n  - file: ไม่มี.pdf\n  - file: สคริปต์.exe\n---\n", "utf-8")
    (docs / "hr-policy" / "สคริปต์.exe").write_bytes(b"MZ")
    # 6. a bad amount in a dataset
    csv = tmp_path / "content" / "data" / "procurement" / "2569-09.csv"
    rows = list(csv_module.reader(io.StringIO(csv.read_text("utf-8"))))
    rows[1][1] = "ห้าพันบาท"  # วงเงินที่จะซื้อหรือจ้าง written in words
    out = io.StringIO()
    csv_module.writer(out, lineterminator="\n").writerows(rows)
    csv.write_text(out.getvalue(), "utf-8")

    rc = main(["--root", str(tmp_path), "check"])
    err = capsys.readouterr().err
    assert rc != 0
    found = {(where, fld): msg for where, fld, msg in _report(err)}
    assert "ยังไม่ได้กรอกช่อง title" in found[("content/documents/hr-policy/ไม่มีชื่อ.md:2", "title")]
    assert "ไม่มีอยู่จริง" in found[("content/documents/hr-policy/วันที่ผิด.md:3", "date")]
    assert "ไม่รู้จักหัวข้อ “hr-polcy”" in found[("content/documents/hr-polcy/a.md", "")]
    assert "hr-policy" in found[("content/documents/hr-polcy/a.md", "")]
    assert "ไม่พบไฟล์แนบ “ไม่มี.pdf”" in found[("content/documents/hr-policy/แนบผิด.md:5", "files.file")]
    assert "ชนิดที่ไม่รองรับ" in found[("content/documents/hr-policy/แนบผิด.md:6", "files.file")]
    assert "ไม่ใช่จำนวนเงิน" in found[("content/data/procurement/2569-09.csv:2", "วงเงินที่จะซื้อหรือจ้าง")]
    assert "วิธีแก้:" in err and "(en)" in err
    # Nothing was written under content/.
    assert not (tmp_path / "site").exists()


def _both_ways(tmp_path: Path, files: dict[str, str | bytes], monkeypatch: pytest.MonkeyPatch) -> list[tuple]:
    """Load the documents in one process, then with half of them read in a second one."""
    import generator.content.documents as documents

    content = _project(tmp_path, files)
    results = []
    for parallel_from in (10**9, 2):
        monkeypatch.setattr(documents, "PARALLEL_FROM", parallel_from)
        errors = Collector(tmp_path)
        resolver = AttachmentResolver(content, 20, errors)
        docs = load_documents(content, resolver, errors)
        results.append((docs, sorted(errors.problems), resolver.used, resolver.url_owner))
    return results


def test_documents_read_in_two_processes_are_read_as_in_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files: dict[str, str | bytes] = {}
    for item in ("spending-plan", "operation-plan", "procurement-plan", "structure"):
        for n in range(3):
            files[f"documents/{item}/เอกสาร {n}.md"] = _doc(f"title: {item} {n}\ndate: 2568-10-0{n + 1}\nfiles: [ไฟล์ {n}.pdf]")
            files[f"documents/{item}/ไฟล์ {n}.pdf"] = PDF
    files["documents/structure/ซ้ำ.md"] = _doc("title: ไม่มีไฟล์\ndate: 2568-13-01\nfiles: [ไม่มี.pdf]")  # two errors
    files["documents/operation-plan/ไม่ใช้.pdf"] = PDF  # a warning: nobody links it
    one, two = _both_ways(tmp_path, files, monkeypatch)
    assert two == one
    assert len(one[0]) == 12 and len(one[1]) == 3


def test_a_web_address_clash_across_the_two_processes_is_reported_as_in_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two different files that slugify alike, one referenced from each half: the second reference
    is refused exactly as when one process reads everything."""
    files: dict[str, str | bytes] = {
        "documents/shared/แบบ ฟอร์ม.pdf": PDF,
        "documents/shared/แบบ-ฟอร์ม.pdf": PDF,
        "documents/spending-plan/ก.md": _doc("title: ก\ndate: 2568-10-01\nfiles: [../shared/แบบ ฟอร์ม.pdf]"),
        "documents/structure/ข.md": _doc("title: ข\ndate: 2568-10-01\nfiles: [../shared/แบบ-ฟอร์ม.pdf]"),
    }
    one, two = _both_ways(tmp_path, files, monkeypatch)
    assert two == one
    assert [p.english for p in one[1] if "same URL" in p.english]


def test_a_document_id_taken_in_both_processes_is_reported_as_in_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cut between the two shares may fall inside an item folder: two files of one item that
    slugify to the same id, one in each share, are reported exactly as one process reports them."""
    files: dict[str, str | bytes] = {
        "documents/structure/a b.md": _doc("title: ก\ndate: 2568-10-01\nlink: https://example.org/a"),
        "documents/structure/a-b.md": _doc("title: ข\ndate: 2568-10-01\nlink: https://example.org/b"),
    }
    one, two = _both_ways(tmp_path, files, monkeypatch)
    assert two == one
    assert len(one[0]) == 1 and [p for p in one[1] if p.english.startswith("duplicate document")]
