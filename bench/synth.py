"""A large synthetic municipality for the benchmarks: the example project (organisation, plan,
catalog, settings) plus ``n`` generated documents, news and monthly procurement rows.

Everything is derived from a seeded random generator, so the same ``n`` gives the same files.
Documents are spread over fiscal years 2565–2569 and over every item of the framework except
news (news are their own files); about one in six has a Markdown body (its own page) and about
five in six attach a small text PDF. Titles and bodies are assembled from Thai phrases that
staff actually write, so the search index and page sizes behave like real content.

    .venv/bin/python bench/synth.py 2000 /tmp/muni-2000
"""

from __future__ import annotations

import argparse
import random
import shutil
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FISCAL_YEARS = (2565, 2566, 2567, 2568, 2569)
LAST_DAY = date(2025, 11, 20)  # BE 2568-11-20: before the pinned build date of the benchmarks
BODY_SHARE = 6  # one document in six has a Markdown body
NO_FILE_SHARE = 6  # one document in six has no attachment
NEWS_PER_DOCS = 10  # one news item per ten documents
PROCUREMENT_ROWS_PER_DOCS = 100  # rows of สขร.1 per month per hundred documents (at least two)
PDF_VARIANTS = 12

PREFIXES = (
    "ประกาศ", "คำสั่ง", "รายงาน", "บันทึกข้อความ", "สรุปผล", "แจ้ง", "ผลการพิจารณา", "ระเบียบ",
)
SUBJECTS = (
    "การจัดเก็บภาษีที่ดินและสิ่งปลูกสร้าง",
    "การซ่อมแซมถนนคอนกรีตเสริมเหล็ก หมู่ที่ {m}",
    "การฝึกอบรมอาสาสมัครป้องกันภัยฝ่ายพลเรือน",
    "การจัดซื้อวัสดุการศึกษาศูนย์พัฒนาเด็กเล็ก",
    "การรับสมัครบุคคลเพื่อสรรหาเป็นพนักงานจ้าง",
    "การประชุมสภาท้องถิ่น สมัยสามัญ สมัยที่ {n}",
    "การใช้จ่ายงบประมาณรายจ่ายประจำปี",
    "การติดตั้งไฟฟ้าส่องสว่างสาธารณะ หมู่ที่ {m}",
    "การป้องกันและแก้ไขปัญหาไข้เลือดออก",
    "การบริหารจัดการขยะมูลฝอยชุมชน",
    "การขุดลอกคลองระบายน้ำ หมู่ที่ {m}",
    "การประเมินผลการปฏิบัติงานของพนักงานส่วนท้องถิ่น",
    "การเบิกจ่ายเบี้ยยังชีพผู้สูงอายุและคนพิการ",
    "การจัดงานประเพณีลอยกระทง",
    "การตรวจสอบภายในประจำปี",
    "มาตรการส่งเสริมคุณธรรมและความโปร่งใส",
    "การจ้างเหมาบริการทำความสะอาดอาคารสำนักงาน",
    "การปรับปรุงระบบประปาหมู่บ้าน หมู่ที่ {m}",
    "การให้บริการรับคำร้องผ่านระบบออนไลน์",
    "การเปิดเผยข้อมูลข่าวสารของราชการ",
)
SUFFIXES = (
    " ประจำปีงบประมาณ พ.ศ. {fy}", " ครั้งที่ {n}/{fy}", " (ฉบับปรับปรุง)", " ไตรมาสที่ {q} ปีงบประมาณ {fy}", "",
)
SENTENCES = (
    "หน่วยงานได้ดำเนินการตามแผนที่กำหนดไว้ และรายงานผลให้ผู้บริหารทราบเป็นประจำทุกเดือน",
    "ผู้ที่สนใจสามารถขอดูเอกสารฉบับเต็มได้ที่สำนักปลัดในวันและเวลาราชการ",
    "การดำเนินงานครั้งนี้มีผู้เข้าร่วมทั้งสิ้น {n} คน จากทุกหมู่บ้านในเขตพื้นที่",
    "งบประมาณที่ใช้จ่ายจริงเป็นเงิน {money} บาท ต่ำกว่าวงเงินที่ได้รับอนุมัติ",
    "คณะกรรมการได้ตรวจรับงานเรียบร้อยแล้ว และไม่พบข้อบกพร่องที่ต้องแก้ไข",
    "ประชาชนสามารถแสดงความคิดเห็นหรือสอบถามเพิ่มเติมผ่านช่องทางที่หน่วยงานกำหนด",
    "ผลการประเมินอยู่ในระดับดีมาก โดยเฉพาะด้านการให้บริการและความรวดเร็ว",
    "ทั้งนี้ ให้มีผลตั้งแต่วันที่ประกาศเป็นต้นไป",
    "หน่วยงานขอขอบคุณผู้นำชุมชนและอาสาสมัครทุกท่านที่ให้ความร่วมมือเป็นอย่างดี",
    "ข้อมูลในรายงานนี้รวบรวมจากทะเบียนคุมของกองคลังและกองช่าง",
    "ปัญหาและอุปสรรคที่พบ ได้แก่ ระยะเวลาดำเนินการจำกัด และสภาพอากาศไม่เอื้ออำนวย",
    "ในปีถัดไป หน่วยงานจะเพิ่มการประชาสัมพันธ์ให้ประชาชนทราบล่วงหน้าอย่างน้อยเจ็ดวัน",
)
HEADINGS = ("หลักการและเหตุผล", "วัตถุประสงค์", "ผลการดำเนินงาน", "ปัญหาและข้อเสนอแนะ", "ระยะเวลาดำเนินการ")
NEWS_TOPICS = (
    "ขอเชิญร่วมประชุมประชาคมหมู่บ้าน หมู่ที่ {m}",
    "กิจกรรมวันเด็กแห่งชาติ ประจำปี {fy}",
    "รณรงค์ป้องกันไข้เลือดออกในชุมชน",
    "ประชาสัมพันธ์การชำระภาษีที่ดินและสิ่งปลูกสร้าง",
    "โครงการปลูกต้นไม้เฉลิมพระเกียรติ",
    "ตรวจสุขภาพผู้สูงอายุเคลื่อนที่ หมู่ที่ {m}",
    "ขอเชิญร่วมแข่งขันกีฬาต้านยาเสพติด",
    "แจ้งงดจ่ายน้ำประปาชั่วคราว หมู่ที่ {m}",
    "อบรมการคัดแยกขยะต้นทาง",
    "เปิดรับสมัครเด็กเข้าศูนย์พัฒนาเด็กเล็ก ปีการศึกษา {fy}",
)
WORKS = (
    "จัดซื้อวัสดุสำนักงาน", "จ้างซ่อมแซมรถบรรทุกขยะ", "จัดซื้อน้ำมันเชื้อเพลิง", "จ้างเหมาถ่ายเอกสาร",
    "จัดซื้ออาหารเสริม (นม) โรงเรียน", "จ้างก่อสร้างรางระบายน้ำ หมู่ที่ {m}", "จัดซื้อวัสดุไฟฟ้าและวิทยุ",
    "จ้างปรับปรุงห้องประชุมสภา", "จัดซื้อครุภัณฑ์คอมพิวเตอร์", "จ้างเหมาตัดหญ้าริมทาง",
)
SHOPS = ("ร้านรุ่งเรืองพาณิชย์", "หจก.สมบูรณ์การช่าง", "บริษัท ไทยพัฒนา จำกัด", "ร้านเจริญวัสดุ", "สหกรณ์การเกษตร")
METHODS = ("วิธีเฉพาะเจาะจง", "วิธีคัดเลือก", "วิธีประกาศเชิญชวนทั่วไป (e-bidding)")


@dataclass(frozen=True)
class Counts:
    documents: int
    with_body: int
    with_file: int
    news: int
    procurement_rows: int


def _fill(text: str, rng: random.Random, fy: int) -> str:
    return text.format(m=rng.randint(1, 15), n=rng.randint(1, 4), fy=fy, q=rng.randint(1, 4),
                       money=f"{rng.randint(5, 900) * 1000:,}")


def _date_in(fy: int, rng: random.Random) -> date:
    start = date(fy - 544, 10, 1)
    end = min(date(fy - 543, 9, 30), LAST_DAY)
    return start + timedelta(days=rng.randint(0, (end - start).days))


def _be(d: date) -> str:
    return f"{d.year + 543}-{d.month:02d}-{d.day:02d}"


def _body(rng: random.Random, fy: int) -> str:
    parts = []
    for heading in rng.sample(HEADINGS, rng.randint(2, 4)):
        parts.append(f"## {heading}\n")
        parts.append(" ".join(_fill(s, rng, fy) for s in rng.sample(SENTENCES, rng.randint(2, 4))) + "\n")
    return "\n".join(parts)


def _pdf_templates(cache: Path) -> list[bytes]:
    """A few small one-page text PDFs in Thai (made once with fpdf2, kept in ``cache``)."""
    cache.mkdir(parents=True, exist_ok=True)
    paths = [cache / f"template-{i}.pdf" for i in range(PDF_VARIANTS)]
    if not all(p.exists() for p in paths):
        from fpdf import FPDF

        font = next(Path("/usr/share/fonts/truetype/tlwg").glob("Laksaman.ttf"), None) or next(
            Path("/usr/share/fonts").rglob("*.ttf"))
        rng = random.Random(7)
        for i, path in enumerate(paths):
            pdf = FPDF(format="A4")
            pdf.add_font("thai", fname=str(font))
            pdf.set_font("thai", size=14)
            pdf.add_page()
            fy = FISCAL_YEARS[i % len(FISCAL_YEARS)]
            title = rng.choice(PREFIXES) + _fill(rng.choice(SUBJECTS), rng, fy)
            text = title + "\n\n" + " ".join(_fill(s, rng, fy) for s in rng.sample(SENTENCES, 6))
            text += "\n\nข้อมูลสมมุติเพื่อการทดสอบความเร็ว"
            pdf.multi_cell(0, 8, text)
            path.write_bytes(bytes(pdf.output()))
    return [p.read_bytes() for p in paths]


def _items() -> list[tuple[str, str]]:
    import sys

    sys.path.insert(0, str(ROOT))
    from generator.framework import load_framework

    return [(i.id, i.title) for a in load_framework().areas for i in a.items if i.kind != "news"]


def make_project(n: int, dest: Path, seed: int = 1) -> Counts:
    """Write a project with ``n`` synthetic documents at ``dest`` (replaced if it exists)."""
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    shutil.copytree(ROOT / "content", dest / "content")
    shutil.copytree(ROOT / "catalog", dest / "catalog")
    if (ROOT / "mkdocs.yml").exists():
        shutil.copyfile(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    rng = random.Random(seed)
    pdfs = _pdf_templates(ROOT / "bench" / "out" / "cache")
    content = dest / "content"
    items = _items()
    with_body = with_file = 0
    for i in range(n):
        item_id, _ = items[i % len(items)]
        fy = FISCAL_YEARS[rng.randrange(len(FISCAL_YEARS))]
        d = _date_in(fy, rng)
        title = rng.choice(PREFIXES) + _fill(rng.choice(SUBJECTS), rng, fy) + _fill(rng.choice(SUFFIXES), rng, fy)
        folder = content / "documents" / item_id / "bench" / str(fy)
        folder.mkdir(parents=True, exist_ok=True)
        name = f"{_be(d)}-{i:05d}"
        front = [f"title: {title}", f"date: {_be(d)}"]
        if rng.randrange(3) == 0:
            front.append("summary: " + _fill(rng.choice(SENTENCES), rng, fy))
        if rng.randrange(NO_FILE_SHARE):
            pdf = folder / f"{name}.pdf"
            # A distinct file each (as in life): the PDPA cache is keyed by content.
            pdf.write_bytes(pdfs[i % len(pdfs)] + f"\n% bench {i}\n".encode())
            front += ["files:", f"  - file: {pdf.name}", "    title: เอกสารฉบับลงนาม"]
            with_file += 1
        body = ""
        if i % BODY_SHARE == 0:
            body = _body(rng, fy)
            with_body += 1
        elif not front[-1].startswith("    title"):  # neither file nor body: a link to e-GP
            front.append(f"link: https://process.gprocurement.go.th/egp/announcement/{i:05d}")
        (folder / f"{name}.md").write_text("---\n" + "\n".join(front) + "\n---\n" + body, "utf-8")
    news = _news(content, n // NEWS_PER_DOCS, rng)
    rows = _procurement(content, max(2, n // PROCUREMENT_ROWS_PER_DOCS), rng)
    return Counts(n, with_body, with_file, news, rows)


def _news(content: Path, count: int, rng: random.Random) -> int:
    folder = content / "news" / "bench"
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        fy = FISCAL_YEARS[rng.randrange(len(FISCAL_YEARS))]
        d = _date_in(fy, rng)
        title = _fill(rng.choice(NEWS_TOPICS), rng, fy)
        text = "\n\n".join(" ".join(_fill(s, rng, fy) for s in rng.sample(SENTENCES, 3)) for _ in range(2))
        (folder / f"{_be(d)}-{i:05d}.md").write_text(f"---\ntitle: {title}\ndate: {_be(d)}\n---\n{text}\n", "utf-8")
    return count


def _procurement(content: Path, per_month: int, rng: random.Random) -> int:
    """One สขร.1 file per month of the five fiscal years, skipping months the example already has."""
    base = content / "data" / "procurement"
    existing = {p.name for p in base.rglob("*.csv")} if base.is_dir() else set()
    folder = base / "bench"
    folder.mkdir(parents=True, exist_ok=True)
    header = ("งานที่ซื้อหรือจ้าง,วงเงินที่จะซื้อหรือจ้าง,ราคากลาง,วิธีซื้อหรือจ้าง,ผู้เสนอราคาและราคาที่เสนอ,"
              "ผู้ได้รับการคัดเลือก,ราคาที่ตกลง,เหตุผลที่คัดเลือกโดยสรุป,เลขที่สัญญาหรือข้อตกลง,วันที่สัญญาหรือข้อตกลง")
    total = 0
    for fy in FISCAL_YEARS:
        for k in range(12):
            year, month = (fy - 544, 10 + k) if k < 3 else (fy - 543, k - 2)
            if date(year, month, 1) > LAST_DAY:
                break
            name = f"{year + 543}-{month:02d}.csv"
            if name in existing:
                continue
            lines = [header]
            for r in range(per_month):
                budget = rng.randint(3, 500) * 1000
                price = budget - rng.randint(0, budget // 20)
                shop, other = rng.sample(SHOPS, 2)
                day = min(28, 1 + r % 28)
                work = _fill(rng.choice(WORKS), rng, fy)
                lines.append(",".join((
                    f'"{work}"', f"{budget:.2f}", f"{budget:.2f}", f'"{rng.choice(METHODS)}"',
                    f'"{shop} {price:,.2f}; {other} {budget:,.2f}"', shop, f"{price:.2f}",
                    "เสนอราคาต่ำสุดและคุณสมบัติครบถ้วน", f"{r + 1}/{fy}", f"{year + 543}-{month:02d}-{day:02d}",
                )))
                total += 1
            (folder / name).write_text("\n".join(lines) + "\n", "utf-8")
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("documents", type=int)
    parser.add_argument("dest", type=Path)
    args = parser.parse_args()
    print(make_project(args.documents, args.dest))


if __name__ == "__main__":
    main()
