"""The bad-input corpus (issue #8): every case in ``tests/bad_input/*.yml`` is planted in a copy of
the example project and run through ``prongsai check`` (and ``build`` where the output matters).

A case file::

    description: what the staff member did
    plant:                      # files to write, relative to the project root
      content/documents/operation-plan/x.md: |      # text, UTF-8
        ---
        title: ...
      content/a.pdf: {pdf: true}                       # a small real PDF
      content/b.md: {text: "...", encoding: cp874, bom: false, crlf: false}
      content/big.pdf: {pdf: true, size_kb: 40}
      content/c.pdf: {pdf_text: "page one\fpage two"}        # a PDF with text (pages split by \f)
    symlink: {content/documents/x/link.pdf: "{outside}/secret.pdf"}
    settings: {max_attachment_mb: 0.01}               # merged into content/site.yml portal:
    replace: {content/site.yml: [["2569", "2025"]]}   # edit an example file (old must exist)
    remove: [content/...]
    resave: {content/organisation.yml: {bom: true, crlf: true}}   # an example file, re-encoded
    command: check              # or: build, build --strict
    expect:
      ok: true                  # must work; nothing reported about the planted files
      site_files: [files/documents/...]   # with a build: these exist in site/
      site_never_contains: ["<script>alert(1)"]   # no HTML file of the built site has this
    # or
    expect:
      errors:
        - {file: content/..., line: 3, field: date, thai: กุมภาพันธ์}

Every error case asserts a non-zero exit and, per expected problem, the file, the line (when
given), the field, a Thai keyword in the message and the English line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from safety_helpers import copy_project, run_cli

from generator.checks.links import find_broken_links

CASES = sorted((Path(__file__).parent / "bad_input").glob("*.yml"))
# A real (tiny) PDF: one page without text and without an xref table, which PDFium repairs.
PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
       b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")


@dataclass
class Reported:
    path: str
    line: int
    field: str
    thai: str
    fix: str
    english: str


_HEAD = re.compile(r"^(?P<path>\S.*?)(?::(?P<line>\d+))?(?: \[(?P<field>[^\]]*)\])?: (?P<thai>.*)$")


def parse_problems(stderr: str) -> list[Reported]:
    """The problems as printed by ``prongsai`` (errors.Problem.format)."""
    found: list[Reported] = []
    lines = stderr.splitlines()
    for i, line in enumerate(lines):
        m = _HEAD.match(line)
        if not m or line.startswith(("    ", "พบข้อผิดพลาด", "ยังไม่ได้สร้าง", "ข้อผิดพลาด:")):
            continue
        block = []
        for follow in lines[i + 1:]:
            if not follow.startswith(" "):
                break
            block.append(follow.strip())
        fix = next((b[len("วิธีแก้:"):].strip() for b in block if b.startswith("วิธีแก้:")), "")
        english = next((b[len("(en)"):].strip() for b in block if b.startswith("(en)")), "")
        found.append(Reported(m["path"], int(m["line"] or 0), m["field"] or "", m["thai"], fix, english))
    return found


def _write(path: Path, spec: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(spec, str):
        spec = {"text": spec}
    if spec.get("pdf_text"):  # a text PDF (fpdf2, a dev dependency): what PDFium reads back
        from fpdf import FPDF

        pdf = FPDF()
        pdf.set_font("helvetica", size=12)
        for page in str(spec["pdf_text"]).split("\f"):
            pdf.add_page()
            pdf.multi_cell(w=0, text=page)
        data = bytes(pdf.output())
    elif spec.get("pdf"):
        data = PDF
        if spec.get("size_kb"):
            data = data + b"%" + b"0" * (int(spec["size_kb"]) * 1024) + b"\n"
    else:
        text = str(spec["text"])
        if spec.get("crlf"):
            text = text.replace("\n", "\r\n")
        data = text.encode(spec.get("encoding", "utf-8"))
        if spec.get("bom"):
            data = b"\xef\xbb\xbf" + data
    path.write_bytes(data)


def apply_case(case: dict[str, Any], root: Path, outside: Path) -> list[str]:
    """Plant the case in the project at ``root``; return the planted paths."""
    planted: list[str] = []
    for rel in case.get("remove") or []:
        (root / rel).unlink()
    for rel, pairs in (case.get("replace") or {}).items():
        p = root / rel
        text = p.read_text("utf-8")
        for old, new in pairs:
            assert old in text, f"case is out of date: {old!r} not in {rel}"
            text = text.replace(old, new, 1)
        p.write_text(text, "utf-8")
        planted.append(rel)
    for rel, spec in (case.get("resave") or {}).items():  # an example file re-saved by another editor
        text = (root / rel).read_text("utf-8")
        _write(root / rel, {**spec, "text": text})
        planted.append(rel)
    if case.get("settings"):
        site_yml = root / "content" / "site.yml"
        data = yaml.safe_load(site_yml.read_text("utf-8")) or {}
        data.setdefault("portal", {}).update(case["settings"])
        site_yml.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    for rel, spec in (case.get("plant") or {}).items():
        _write(root / rel, spec)
        planted.append(rel)
    for rel, target in (case.get("symlink") or {}).items():
        link = root / rel
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(target.format(outside=outside, root=root))
        planted.append(rel)
    return planted


def _matches(expected: dict[str, Any], got: Reported) -> bool:
    return (
        got.path == expected["file"]
        and ("line" not in expected or got.line == expected["line"])
        and ("field" not in expected or got.field == expected["field"])
        and str(expected["thai"]) in got.thai + " " + got.fix
    )


@pytest.mark.parametrize("case_file", CASES, ids=[c.stem for c in CASES])
def test_bad_input_case(case_file: Path, tmp_path: Path) -> None:
    case = yaml.safe_load(case_file.read_text("utf-8"))
    assert case.get("description"), "every case says what the staff member did"
    root = copy_project(tmp_path / "project")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.pdf").write_bytes(PDF)
    planted = apply_case(case, root, outside)
    command = str(case.get("command", "check")).split()
    rc, out, err = run_cli("--root", str(root), *command)
    reported = parse_problems(err)
    expect = case["expect"]
    for marker in expect.get("site_never_contains") or []:  # whatever the exit code
        leaks = [p.relative_to(root).as_posix() for p in (root / "site").rglob("*.html")
                 if marker in p.read_text("utf-8")] if (root / "site").is_dir() else []
        assert leaks == [], f"{marker!r} reached {leaks}"
    if expect.get("site_never_contains") and not expect.get("ok") and not expect.get("errors"):
        return
    if expect.get("ok"):
        about_planted = [r for r in reported if r.path in planted]
        assert rc == 0 or not about_planted, err
        assert about_planted == [], f"{case_file.name}: legitimate input was reported:\n{err}"
        if command[0] == "build":
            assert rc == 0, err
            for rel in expect.get("site_files") or []:
                assert list((root / "site").glob(rel)), f"{rel} not published:\n" + "\n".join(
                    sorted(p.relative_to(root / "site").as_posix() for p in (root / "site" / "files").rglob("*"))
                    if (root / "site" / "files").is_dir() else [])
            for rel, text in (expect.get("site_contains") or {}).items():
                assert text in (root / "site" / rel).read_text("utf-8"), f"{text!r} not in site/{rel}"
            broken = [b for b in find_broken_links(root / "site", "https://example.prongsai.invalid/")
                      if "files/" in b.url or b.reason == "space"]
            assert broken == [], broken
        return
    assert rc != 0, f"{case_file.name}: bad input was accepted\n{out}\n{err}"
    for expected in expect["errors"]:
        hits = [r for r in reported if _matches(expected, r)]
        assert hits, (f"{case_file.name}: expected {expected} among:\n"
                      + "\n".join(f"  {r.path}:{r.line} [{r.field}] {r.thai}" for r in reported))
        assert all(r.english and r.fix for r in hits), "each problem has a fix and an English line"


def test_corpus_is_large_enough() -> None:
    cases = [yaml.safe_load(c.read_text("utf-8")) for c in CASES]
    assert len(cases) >= 30
    assert sum(1 for c in cases if c["expect"].get("ok")) >= 5  # legitimate input must work too


def test_parse_problems_reads_the_cli_format() -> None:
    from generator.errors import Problem, format_problems

    text = format_problems([
        Problem("content/documents/x/ไฟล์ มี ช่อง.md", 4, "files.file", "ไม่พบไฟล์แนบ “a: b.pdf”", "แก้\n  ต่อ", "missing"),
        Problem("content/site.yml", 0, "", "ไม่พบไฟล์", "สร้าง", "no file", "warning"),
    ])
    got = parse_problems(text)
    assert [(r.path, r.line, r.field) for r in got] == [
        ("content/documents/x/ไฟล์ มี ช่อง.md", 4, "files.file"), ("content/site.yml", 0, "")]
    assert got[0].thai == "ไม่พบไฟล์แนบ “a: b.pdf”" and got[0].english == "missing"
