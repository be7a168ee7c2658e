"""PDF text extraction benchmark (not a test): pypdf against pypdfium2 for the PDPA check.

    .venv/bin/python bench/pdf_extract.py content tests                 # every PDF under these folders
    .venv/bin/python bench/pdf_extract.py bench/out/p2000/content --runs 3
    .venv/bin/python bench/pdf_extract.py --cases /tmp/pdf-cases        # PDFs with personal data, made here
    .venv/bin/python bench/pdf_extract.py --startup                     # fresh-interpreter import costs

For each PDF both read the text of every page: pypdf as ``generator.checks.pdpa`` did until it
moved to PDFium, pypdfium2 through ``pdpa._pdf_pages`` itself, ``--runs`` times each, alternating.
The script prints the median per-PDF time of each (the median over PDFs of each PDF's median), the
total, the ratio, and for every PDF whether the PDPA findings are the same: ``find_in_text`` on
each page's text, page by page as ``_read_binary`` does, as ordinary and as complaint data (the
"เลขที่ … หมู่ …" patterns), with no official numbers. Verdicts: same findings; same problems
reported (only the line within the page, which no message shows, differs); no findings either way
(one library cannot read the file, the other reads no personal data in it); FINDINGS DIFFER, with
both lists. It also counts PDFs whose text differs once runs of white space are made one space
(informative: only the findings have to match). Exit status 1 when any PDF's findings differ.

``--cases DIR`` first writes into DIR the PDFs the tests make (tests/test_pdpa.py and
tests/test_bad_input.py with fpdf2, the hand-written ones of tests/test_bad_input.py and
tests/test_documents.py) and Thai PDFs with IDs, mobiles and addresses in Arabic and Thai digits:
fonts-thai-tlwg, with and without HarfBuzz shaping, left-aligned and justified, a finding on page
3, numbers broken after a dash, a narrow column, pages turned by /Rotate, text set at 90° and 35°,
RC4-encrypted with an empty and with a real user password; then measures them with the folders given.
"""

from __future__ import annotations

import argparse
import logging
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.checks.pdpa import COMPLAINT_WORDS, find_in_text  # noqa: E402

Pages = Callable[[Path], Iterator[tuple[str, str]]]
Rows = list[tuple[str, str, int, str]] | None


def pypdf_pages(path: Path) -> Iterator[tuple[str, str]]:
    """The text of each page as pypdf reads it (``pdpa._pdf_pages`` before PDFium)."""
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    reader = PdfReader(str(path))
    for n, page in enumerate(reader.pages, 1):
        yield f"หน้า {n}", page.extract_text() or ""


def pdfium_pages(path: Path) -> Iterator[tuple[str, str]]:
    """The text of each page as PDFium reads it: what ``generator.checks.pdpa`` uses now."""
    from generator.checks.pdpa import _pdf_pages

    return _pdf_pages(path)


SAME = "same findings"
SAME_PROBLEMS = "same problems reported (kind, masked value, page; the line within the page differs)"
NO_FINDINGS = "no findings (one library cannot read it, the other reads no personal data)"
DIFFER = "FINDINGS DIFFER"
VERDICTS = [SAME, SAME_PROBLEMS, NO_FINDINGS, DIFFER]
LIBRARIES: dict[str, Pages] = {"pypdf": pypdf_pages, "pypdfium2": pdfium_pages}


def findings(pages: Pages, path: Path, complaint: bool) -> Rows:
    """``_read_binary``'s rows for ``path`` read by ``pages``, or None when it cannot be read."""
    rows = []
    try:
        for where, text in pages(path):
            rows += [(f.kind, f.masked, f.line, where) for f in find_in_text(text, complaint, set())]
    except Exception:
        return None
    return rows


def texts(pages: Pages, path: Path) -> list[str] | None:
    try:
        return [" ".join(text.split()) for _, text in pages(path)]
    except Exception:
        return None


def time_one(pages: Pages, path: Path) -> float:
    t = time.perf_counter()
    try:
        for _ in pages(path):
            pass
    except Exception:
        pass
    return time.perf_counter() - t


def measure(pdfs: list[Path], runs: int) -> int:
    for pages in LIBRARIES.values():  # imports and first-call set-up are not per-PDF costs
        time_one(pages, pdfs[0])
    times: dict[str, list[list[float]]] = {name: [[] for _ in pdfs] for name in LIBRARIES}
    for run in range(runs):
        order = list(LIBRARIES.items()) if run % 2 == 0 else list(reversed(LIBRARIES.items()))
        for name, pages in order:
            for i, pdf in enumerate(pdfs):
                times[name][i].append(time_one(pages, pdf))
    medians = {name: [statistics.median(t) for t in per_pdf] for name, per_pdf in times.items()}
    print(f"{len(pdfs)} PDFs, {runs} runs each")
    for name, per_pdf in medians.items():
        print(f"  {name:10} median per PDF {statistics.median(per_pdf) * 1000:8.2f} ms, "
              f"total {sum(per_pdf):7.2f} s, slowest {max(per_pdf) * 1000:8.1f} ms")
    slow, fast = (statistics.median(medians[n]) for n in LIBRARIES)
    print(f"  ratio (median per PDF) {slow / fast:.1f}x, "
          f"ratio (total) {sum(medians['pypdf']) / sum(medians['pypdfium2']):.1f}x")

    verdicts: dict[str, list[str]] = {}
    text_differs = 0
    for pdf in pdfs:
        rel = str(pdf.relative_to(ROOT)) if pdf.is_relative_to(ROOT) else str(pdf)
        complaint_path = any(w in rel.lower() for w in COMPLAINT_WORDS)
        verdict = SAME
        for complaint in sorted({False, True, complaint_path}):
            a, b = (findings(pages, pdf, complaint) for pages in LIBRARIES.values())
            if a == b:
                continue
            if a and b and sorted(r[:2] + r[3:] for r in a) == sorted(r[:2] + r[3:] for r in b):
                verdict = max(verdict, SAME_PROBLEMS, key=VERDICTS.index)
            elif not a and not b:
                verdict = max(verdict, NO_FINDINGS, key=VERDICTS.index)
            else:
                verdict = DIFFER
                print(f"  FINDINGS DIFFER {rel} (complaint={complaint})\n    pypdf:     {a}\n    pypdfium2: {b}")
        if texts(pypdf_pages, pdf) != texts(pdfium_pages, pdf):
            text_differs += 1
        verdicts.setdefault(verdict, []).append(rel)
        found = findings(pdfium_pages, pdf, True)
        if verdict != SAME or found is None or found or len(pdfs) <= 40:
            state = "unreadable" if found is None else f"{len(found)} finding(s) as complaint data by pypdfium2"
            print(f"  {verdict}: {rel}: {state}")
    for verdict, rels in sorted(verdicts.items(), key=lambda v: VERDICTS.index(v[0])):
        print(f"  {verdict}: {len(rels)}/{len(pdfs)} PDFs")
    print(f"  text differs (white space made one space) in {text_differs}/{len(pdfs)} PDFs")
    return 1 if DIFFER in verdicts else 0


def startup(runs: int) -> None:
    """What a worker process pays before its first PDF: a fresh interpreter and its imports."""
    snippets = {
        "python (nothing)": "pass",
        "import generator.checks.pdpa": "import generator.checks.pdpa",
        "from pypdf import PdfReader": "from pypdf import PdfReader",
        "import pypdfium2": "import pypdfium2",
    }
    for label, code in snippets.items():
        cpu = []
        for _ in range(runs):
            out = subprocess.run(
                [sys.executable, "-c", f"import resource\n{code}\n"
                 "r = resource.getrusage(resource.RUSAGE_SELF)\nprint(r.ru_utime + r.ru_stime)"],
                cwd=ROOT, capture_output=True, text=True, check=True)
            cpu.append(float(out.stdout))
        print(f"  {label:30} {statistics.median(cpu) * 1000:6.0f} ms CPU (median of {runs})")


# --- PDFs with personal data ------------------------------------------------------------------


def _thai_id(first12: str) -> str:
    total = sum(int(d) * (13 - i) for i, d in enumerate(first12))
    return first12 + str((11 - total % 11) % 10)


def make_cases(dest: Path) -> None:
    """PDFs as the tests make them, and Thai ones with every kind of finding."""
    from fpdf import FPDF

    dest.mkdir(parents=True, exist_ok=True)
    valid = _thai_id("123456789012")
    invalid = valid[:-1] + str((int(valid[-1]) + 1) % 10)

    def dashed(n: str) -> str:
        return f"{n[0]}-{n[1:5]}-{n[5:10]}-{n[10:12]}-{n[12]}"

    def thai_pdf() -> FPDF:
        """A PDF in the first Thai font found, shaped by HarfBuzz (Helvetica when there is none)."""
        pdf = FPDF()
        if fonts:
            pdf.add_font("th", fname=str(fonts[0]))
            pdf.set_font("th", size=14)
            pdf.set_text_shaping(True)
        else:
            pdf.set_font("helvetica", size=12)
        return pdf

    thai_digits = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")

    # tests/test_pdpa.py: helvetica cells, the ID on page 2 (and alone on page 1 in the build test)
    pdf = FPDF()
    pdf.set_font("helvetica", size=12)
    for text in ("Report page one", f"Complainant ID {dashed(valid)}", f"Not an ID {dashed(invalid)}"):
        pdf.add_page()
        pdf.cell(text=text)
    pdf.output(str(dest / "test_pdpa-report.pdf"))
    pdf = FPDF()
    pdf.set_font("helvetica", size=12)
    pdf.add_page()
    pdf.cell(text=f"Complainant ID {dashed(valid)}")
    pdf.output(str(dest / "test_pdpa-plan-2566-2570.pdf"))
    # tests/test_bad_input.py: pdf_text with multi_cell, and the hand-written minimal PDF
    pdf = FPDF()
    pdf.set_font("helvetica", size=12)
    for page in ["Operation plan 2569", "Applicant ID 3-1006-00123-45-0"]:  # pdf_text split at \f
        pdf.add_page()
        pdf.multi_cell(w=0, text=page)
    pdf.output(str(dest / "bad_input-pdf-attachment.pdf"))
    minimal = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>"
               b"endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n"
               b"%%EOF\n")
    (dest / "bad_input-minimal.pdf").write_bytes(minimal)
    (dest / "bad_input-minimal-padded.pdf").write_bytes(minimal + b"%" + b"0" * 4096 + b"\n")
    # tests/test_documents.py: not a PDF at all
    (dest / "test_documents-not-a-pdf.pdf").write_bytes(b"%PDF-1.4\n% test\n" + b"0" * 2000 + b"\n%%EOF\n")
    (dest / "empty.pdf").write_bytes(b"")

    lines = [
        f"ผู้ร้องเรียน นายสมชาย ใจดี เลขประจำตัวประชาชน {valid}",
        f"เลขประจำตัวประชาชน {dashed(valid)} และ {dashed(valid).replace('-', ' ')}",
        f"เลขประจำตัวประชาชน {dashed(valid).translate(thai_digits)} ({valid.translate(thai_digits)})",
        f"เลขที่ผิด {dashed(invalid)} งบประมาณ 1,234,567,890,121 บาท",
        "โทร 081-234-5678 หรือ 0812345679 หรือ +66 91 234 5678 หรือ ๐๘๙-๘๗๖-๕๔๓๒",
        "สำนักงาน 0 4312 3456 โทรสาร 043-123-457",
        "ที่อยู่ บ้านเลขที่ 12/3 หมู่ 4 ตำบลดอนตัวอย่าง และบ้านเลขที่ ๙๙/๑ หมู่ที่ ๗",
        "ผู้ร้องอยู่เลขที่ 45 หมู่ที่ 6 ถนนมิตรภาพ และ 12/3 ม.4 ตำบลดอน",
        "เลขที่ 7/1 ซอยสุขใจ หมู่ 2 ต.ดอนตัวอย่าง อ.เมือง จ.ตัวอย่าง",
    ]
    fonts = [Path("/usr/share/fonts/truetype/tlwg") / f"{name}.ttf" for name in ("Laksaman", "Garuda", "Norasi")]
    fonts = [f for f in fonts if f.exists()]
    if not fonts:
        print("fonts-thai-tlwg not installed: no Thai cases", file=sys.stderr)
    for font in fonts:
        for shaping in (False, True):
            for align in ("L", "J"):
                pdf = FPDF(format="A4")
                pdf.add_font("th", fname=str(font))
                pdf.set_font("th", size=14)
                if shaping:
                    pdf.set_text_shaping(True)
                pdf.add_page()
                pdf.multi_cell(0, 8, "หนังสือร้องเรียน เรื่อง ถนนชำรุด " * 6, align=align, new_x="LMARGIN", new_y="NEXT")
                for line in lines:
                    pdf.multi_cell(0, 8, line, align=align, new_x="LMARGIN", new_y="NEXT")
                # a long justified paragraph with an ID in the middle of a line
                pdf.multi_cell(0, 8, "ข้าพเจ้า " * 10 + f"เลขประจำตัว {dashed(valid)} " + "ขอร้องเรียน " * 10,
                               align=align)
                pdf.add_page()
                pdf.multi_cell(0, 8, "หน้าที่สองไม่มีข้อมูลส่วนบุคคล", align=align, new_x="LMARGIN", new_y="NEXT")
                pdf.add_page()
                pdf.multi_cell(0, 8, lines[6], align=align, new_x="LMARGIN", new_y="NEXT")
                name = f"thai-{font.stem}-{'shaped' if shaping else 'plain'}-{align}"
                pdf.output(str(dest / f"{name}.pdf"))
    # an ID and a mobile broken after a dash; a narrow column; a justified line with a spaced ID
    pdf = thai_pdf()
    pdf.add_page()
    pdf.multi_cell(0, 8, f"ID {dashed(valid)[:7]}\n{dashed(valid)[7:]} mobile 081-\n234-5678",
                   new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(60, 8, lines[0] + " " + lines[6], new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(0, 8, "ข้าพเจ้า ขอร้องเรียน " * 5 + f"เลข {dashed(valid).replace('-', ' ')} โทร 081 234 5678 "
                   + "ขอร้องเรียน ถนนชำรุด " * 8, align="J", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(dest / "wrapped-and-justified.pdf"))
    # pages turned by /Rotate (the text itself is written level)
    shaped = dest / "thai-Laksaman-shaped-L.pdf"
    if shaped.exists():
        from pypdf import PdfWriter

        for angle in (90, 180, 270):
            writer = PdfWriter(clone_from=shaped)
            for turned in writer.pages:
                turned.rotate(angle)
            writer.write(dest / f"rotate-{angle}.pdf")
    # text set at an angle on the page (stamps, vertical table headings)
    for angle in (90, 35):
        pdf = thai_pdf()
        pdf.add_page()
        with pdf.rotation(angle, 100, 150):
            pdf.set_xy(60, 150)
            pdf.cell(text=lines[7])
        pdf.output(str(dest / f"text-at-{angle}-degrees.pdf"))
    for label, user in (("empty-user-password", ""), ("user-password", "secret")):
        pdf = FPDF()
        pdf.set_encryption(owner_password="owner", user_password=user)
        pdf.set_font("helvetica", size=12)
        pdf.add_page()
        pdf.cell(text=f"Complainant ID {dashed(valid)} phone 081-234-5678")
        pdf.output(str(dest / f"encrypted-rc4-{label}.pdf"))


def main() -> int:
    parser = argparse.ArgumentParser(description="PDF text extraction: pypdf against pypdfium2")
    parser.add_argument("folders", nargs="*", type=Path, help="folders searched for *.pdf (recursively)")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per PDF and library (default 5)")
    parser.add_argument("--cases", type=Path, help="write PDFs with personal data into this folder and include them")
    parser.add_argument("--startup", action="store_true", help="also time a fresh interpreter's imports")
    args = parser.parse_args()
    folders = list(args.folders)
    if args.cases:
        make_cases(args.cases)
        folders.append(args.cases)
    pdfs = sorted({p.resolve() for folder in folders for p in folder.rglob("*") if p.suffix.lower() == ".pdf"})
    status = 0
    if pdfs:
        status = measure(pdfs, args.runs)
    elif folders:
        print("no PDFs found", file=sys.stderr)
        status = 2
    if args.startup:
        print("worker start-up (a spawned process imports these before reading a PDF):")
        startup(max(3, args.runs))
    return status


if __name__ == "__main__":
    sys.exit(main())
