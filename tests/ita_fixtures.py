"""A hand-built, complete :class:`Site` for the ITA, open-data and feed tests (FY 2569), so those
tests do not depend on the example content's progress."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from generator.config import Settings
from generator.errors import Collector
from generator.framework import load_framework
from generator.ita import load_ita_lists
from generator.model import (
    Attachment,
    Column,
    Dataset,
    Division,
    Document,
    Law,
    Link,
    NewsItem,
    Organisation,
    OrgType,
    Person,
    Site,
    SourceRef,
)

ROOT = Path(__file__).resolve().parent.parent
SITE_URL = "https://portal.example.invalid/"
YEAR = 2569
FIRST_HALF = [date(2025, 10, 1), date(2025, 11, 1), date(2025, 12, 1),
              date(2026, 1, 1), date(2026, 2, 1), date(2026, 3, 1)]

ORG_TYPE = OrgType("เทศบาลตำบล", "เทศบาลตำบล", "นายกเทศมนตรี", "สภาเทศบาล", "เทศบัญญัติ", "ปลัดเทศบาล")

MONTH_COL = Column("เดือน", "เดือน", "month", "เดือนที่รับเรื่อง")
COMPLAINT_COLUMNS = (
    MONTH_COL,
    Column("ช่องทาง", "ช่องทาง", "text", "ช่องทางที่รับเรื่อง", required=False),
    Column("เรื่องที่ได้รับ", "ได้รับ (เรื่อง)", "int", "จำนวนเรื่องที่ได้รับ"),
)
PROCUREMENT_COLUMNS = (
    Column("เดือน", "เดือน", "month", "เดือนที่รายงาน", required=False),
    Column("งานที่ซื้อหรือจ้าง", "งานที่ซื้อหรือจ้าง", "text", "ชื่องาน"),
    Column("ราคาที่ตกลง", "ราคาที่ตกลง (บาท)", "money", "ราคาที่ตกลง"),
)


def organisation(**changes: object) -> Organisation:
    people = (
        Person("นายสมชาย ใจดี", "นายกเทศมนตรีตำบลดอนตัวอย่าง", "political", photo="p/1.jpg", phone="0 4400 0001"),
        Person("นางสาวสมศรี ตั้งใจ", "ปลัดเทศบาล", "permanent", photo="p/2.jpg", email="palad@example.invalid"),
    )
    values: dict[str, object] = dict(
        name="เทศบาลตำบลดอนตัวอย่าง", short_name="ทต.ดอนตัวอย่าง", type=ORG_TYPE,
        address="99 หมู่ 1 ตำบลดอนตัวอย่าง", phone="0 4400 0000", email="saraban@example.invalid",
        office_hours="จันทร์–ศุกร์ 08.30–16.30 น.", fictional=True,
        two_way_channels=(Link("LINE Official Account", "https://line.example.invalid/", "line"),),
        social=(Link("Facebook", "https://facebook.example.invalid/", "facebook"),),
        complaint_channels=(Link("แจ้งเรื่องร้องเรียน", "https://form.example.invalid/", "form"),),
        e_services=(Link("ขออนุญาตก่อสร้าง", "https://eservice.example.invalid/", "e-service"),),
        executives=people,
        divisions=(Division("สำนักปลัด", head="หัวหน้าสำนักปลัด"),),
        powers_md="จัดให้มีและบำรุงรักษาทางบกและทางน้ำ",
        laws=(Law("พระราชบัญญัติเทศบาล พ.ศ. 2496"),),
    )
    values.update(changes)
    return Organisation(**values)  # type: ignore[arg-type]


def _doc_year(period: str) -> int:
    return YEAR - 1 if period == "previous" else YEAR


def documents() -> list[Document]:
    """One document per register or plan item, for the fiscal year its period rule wants."""
    out = []
    for item in load_framework().items_by_id().values():
        if item.kind not in ("register", "plan"):
            continue
        fy = _doc_year(item.period)
        d = date(2025 if fy == YEAR else 2024, 11, 15)
        att = Attachment(f"documents/{item.id}/{item.id}.pdf", item.title, 1000, f"files/{item.id}/{item.id}.pdf")
        out.append(Document(id=f"{item.id}-{fy}", item_id=item.id, title=f"{item.title} ปีงบประมาณ {fy}",
                            date=d, fiscal_year=fy, attachments=(att,),
                            body_md="รายละเอียด" if item.id == "operation-plan" else ""))
    return out


def complaints(months: list[date] = FIRST_HALF) -> Dataset:
    rows = tuple({"เดือน": m, "ช่องทาง": "", "เรื่องที่ได้รับ": 0} for m in months)
    return Dataset("complaints", "สถิติเรื่องร้องเรียนการทุจริตรายเดือน", COMPLAINT_COLUMNS, rows,
                   (SourceRef("content/data/complaints/2569.csv"),))


def procurement() -> Dataset:
    """Monthly files ต.ค.–มี.ค.; only October had purchases (the other files have no rows)."""
    rows = ({"เดือน": date(2025, 10, 1), "งานที่ซื้อหรือจ้าง": "จัดซื้อวัสดุสำนักงาน “ชุดที่ 1”, กระดาษ",
             "ราคาที่ตกลง": __import__("decimal").Decimal("12500.50")},)
    sources = tuple(SourceRef(f"content/data/procurement/{m.year + 543}-{m.month:02d}.csv") for m in FIRST_HALF)
    return Dataset("procurement", "สรุปผลการจัดซื้อจัดจ้างรายเดือน", PROCUREMENT_COLUMNS, rows, sources)


def service_statistics() -> Dataset:
    cols = (MONTH_COL, Column("งานบริการ", "งานบริการ", "text", "ชื่องานบริการ"),
            Column("จำนวนผู้รับบริการ", "ผู้รับบริการ (ราย)", "int", "จำนวนผู้รับบริการ"))
    rows = tuple({"เดือน": m, "งานบริการ": "รับชำระภาษี", "จำนวนผู้รับบริการ": 10} for m in FIRST_HALF)
    return Dataset("service-statistics", "สถิติการให้บริการ", cols, rows,
                   (SourceRef("content/data/service-statistics/2569.csv"),))


def complete_site(root: Path = ROOT) -> Site:
    errors = Collector(root)
    site = Site(root=root, settings=Settings(site_url=SITE_URL, fiscal_year=YEAR))
    site.organisation = organisation()
    site.documents = documents()
    site.news = [NewsItem("n1", "ประชุมประชาคมหมู่บ้าน & แผนพัฒนา <2569>", date(2025, 11, 20),
                          "เทศบาลจัดประชุมประชาคม\n\nย่อหน้าที่สอง"),
                 NewsItem("n2", "ข่าวเก่า", date(2025, 1, 5), "ข่าวปีก่อน")]
    site.datasets = {"complaints": complaints(), "procurement": procurement(),
                     "service-statistics": service_statistics()}
    site.extra["ita"] = load_ita_lists(ROOT, errors)
    assert not errors.problems, errors.problems
    return site
