"""Make the small, real (text, not scanned) PDFs of the example municipality.

Reads every document and news file under ``content/`` (or ``--root``), and for each attachment
it names that ends in ``.pdf`` and does not exist yet (or all of them with ``--force``) writes a
one- or two-page A4 PDF: the organisation's name, the title, the date in official Thai style,
the summary and body text, and the stamp "ข้อมูลสมมุติเพื่อการสาธิต" on every page. Missing news
images named ``*.webp``/``*.png`` get a plain illustration (no text: the alt text describes it).

Needs fpdf2 and uharfbuzz (dev extra) and a Thai TrueType font: Debian's ``fonts-thai-tlwg``
(Laksaman, the TH Sarabun-like face) is used by default; fpdf2 embeds only the glyphs used.

    .venv/bin/python scripts/make_example_pdfs.py [--root tests/fixtures/nasommut] [--force]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml
from fpdf import FPDF

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.dates import parse_date  # noqa: E402
from generator.thai import format_date  # noqa: E402

FONT_DIRS = [Path("/usr/share/fonts/truetype/tlwg"), Path("/usr/share/fonts/opentype/tlwg")]
STAMP = "ข้อมูลสมมุติเพื่อการสาธิต"
_FRONT = re.compile(r"\A---\n(.*?)\n---\n?(.*)\Z", re.S)


def find_font(name: str) -> Path:
    for folder in FONT_DIRS:
        for ext in (".ttf", ".otf"):
            if (p := folder / f"{name}{ext}").exists():
                return p
    raise SystemExit(f"font {name} not found: apt-get install fonts-thai-tlwg")


class DemoPDF(FPDF):
    def __init__(self, org: str) -> None:
        super().__init__(format="A4")
        self.org = org
        # One face only: each face adds its own embedded subset (~12 KB), and the example content
        # must stay small. Headings are set larger instead of bold.
        self.add_font("th", "", str(find_font("Laksaman")))
        self.set_text_shaping(True)  # Thai marks stacked correctly (uharfbuzz)
        self.set_margins(25, 20, 20)
        self.set_auto_page_break(True, margin=22)
        self.set_creator("Prongsai scripts/make_example_pdfs.py")

    def header(self) -> None:
        self.set_font("th", "", 11)
        self.set_text_color(150, 0, 0)
        self.cell(0, 6, f"{STAMP} — ไม่ใช่เอกสารราชการจริง", align="R", new_x="LMARGIN", new_y="NEXT")
        # A light diagonal stamp across the page, so a printed copy cannot pass for a real one.
        with self.local_context(fill_opacity=0.12, text_color=(150, 0, 0)), self.rotation(35, 105, 160):
            self.set_font("th", "", 44)
            self.text(30, 170, STAMP)
        self.set_text_color(0, 0, 0)
        self.ln(4)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("th", "", 10)
        self.set_text_color(90, 90, 90)
        self.cell(0, 6, f"{self.org} · หน้า {self.page_no()}/{{nb}} · {STAMP}", align="C")


def plain(markdown: str) -> list[str]:
    """Markdown body → paragraphs of plain text (headings and list markers dropped)."""
    paras = []
    for block in re.split(r"\n\s*\n", markdown.strip()):
        lines = [re.sub(r"^\s*(#+|[-*]|\d+\.)\s+", "", ln) for ln in block.splitlines()]
        text = re.sub(r"[*_`]|\[([^\]]*)\]\([^)]*\)", lambda m: m.group(1) or "", " ".join(lines)).strip()
        if text:
            paras.append(text)
    return paras


def make_pdf(target: Path, org: str, title: str, file_title: str, when: str, summary: str, body: str) -> None:
    pdf = DemoPDF(org)
    pdf.set_title(file_title or title)
    pdf.set_author(org)
    pdf.add_page()
    pdf.set_font("th", "", 18)
    pdf.multi_cell(0, 9, org, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font("th", "", 16)
    pdf.multi_cell(0, 8, f"เรื่อง {title}", align="C", new_x="LMARGIN", new_y="NEXT")
    if file_title and file_title != title:
        pdf.set_font("th", "", 15)
        pdf.multi_cell(0, 8, file_title, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("th", "", 15)
    for para in ([summary] if summary else []) + plain(body):
        pdf.multi_cell(0, 7.5, "        " + para, align="J", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    if not summary and not body.strip():
        pdf.multi_cell(0, 7.5, f"        {org} จึงประกาศให้ทราบโดยทั่วกัน", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.set_font("th", "", 15)
    pdf.cell(0, 8, f"ประกาศ ณ วันที่ {when}", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(14)
    pdf.cell(0, 8, "(ลงชื่อ) ........................................", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 8, "(ผู้มีอำนาจลงนาม — ข้อมูลสมมุติ)", align="C", new_x="LMARGIN", new_y="NEXT")
    target.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(target))


def make_image(target: Path, seed: int) -> None:
    """A simple illustration (sky, fields, a building) in the colours of the seed."""
    from PIL import Image, ImageDraw

    w, h = 640, 360
    img = Image.new("RGB", (w, h), (200, 225, 245))
    d = ImageDraw.Draw(img)
    greens = [(120, 170, 90), (95, 150, 70), (140, 185, 100)]
    d.rectangle((0, 230, w, h), fill=greens[seed % 3])
    x = 80 + (seed * 97) % 300
    d.rectangle((x, 130, x + 220, 260), fill=(240, 235, 220), outline=(90, 70, 50), width=3)
    d.polygon([(x - 20, 130), (x + 110, 70), (x + 240, 130)], fill=(170, 60, 40))
    for i in range(4):
        d.rectangle((x + 20 + i * 50, 165, x + 50 + i * 50, 205), fill=(110, 150, 190))
    d.ellipse((w - 110, 30, w - 50, 90), fill=(250, 210, 80))
    target.parent.mkdir(parents=True, exist_ok=True)
    img.save(target, quality=60) if target.suffix == ".webp" else img.save(target, optimize=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", default=str(ROOT), help="project folder holding content/")
    ap.add_argument("--force", action="store_true", help="rewrite PDFs that already exist")
    args = ap.parse_args(argv)
    content = Path(args.root) / "content"
    org_file = content / "organisation.yml"
    org = "หน่วยงานตัวอย่าง"
    if org_file.exists():
        org = (yaml.safe_load(org_file.read_text("utf-8")) or {}).get("name") or org
    made = 0
    for md_file in sorted([*(content / "documents").rglob("*.md"), *(content / "news").rglob("*.md")]):
        m = _FRONT.match(md_file.read_text("utf-8"))
        if not m:
            continue
        meta = yaml.load(m.group(1), Loader=yaml.BaseLoader) or {}  # BaseLoader: dates stay text
        body = m.group(2)
        when = format_date(parse_date(meta["date"])) if meta.get("date") else ""
        for i, entry in enumerate(meta.get("files") or []):
            ref, ftitle = (entry, "") if isinstance(entry, str) else (entry.get("file", ""), entry.get("title", ""))
            target = md_file.parent / ref
            if target.suffix.lower() != ".pdf" or (target.exists() and not args.force):
                continue
            # The second and later files of a document are annexes: title only, no body again.
            make_pdf(target, org, meta.get("title", ""), ftitle, when,
                     meta.get("summary", "") if i == 0 else "", body if i == 0 else "")
            made += 1
        image = meta.get("image")
        if image and not (md_file.parent / image).exists():
            make_image(md_file.parent / image, len(md_file.stem))
            made += 1
    print(f"made {made} file(s) under {content}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
