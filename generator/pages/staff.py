"""The staff guide at ``/staff/``: how to add news, a document, a monthly procurement summary and
a plan progress update through GitHub's web editor. Kept out of the public navigation.

The text lives in ``generator/data/staff-guide.md`` (generic, no municipality named); the parts
that must never fall behind the code — the CSV header of สขร.1 and the table of item folders —
are generated here from the same definitions the validator uses.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from importlib import resources

from ..content.datasets import SCHEMAS
from ..framework import load_framework
from ..model import OutputFile, Page, Site

_EXAMPLE_ROW = {
    "งานที่ซื้อหรือจ้าง": "จัดซื้อวัสดุสำนักงาน",
    "วงเงินที่จะซื้อหรือจ้าง": "45,000.00",
    "ราคากลาง": "45,000.00",
    "วิธีซื้อหรือจ้าง": "เฉพาะเจาะจง",
    "ผู้เสนอราคาและราคาที่เสนอ": "ร้านตัวอย่างพาณิชย์ 44,500.00",
    "ผู้ได้รับการคัดเลือก": "ร้านตัวอย่างพาณิชย์",
    "ราคาที่ตกลง": "44,500.00",
    "เหตุผลที่คัดเลือกโดยสรุป": "เสนอราคาต่ำสุดและคุณสมบัติครบถ้วน",
    "เลขที่สัญญาหรือข้อตกลง": "15/2569",
    "วันที่สัญญาหรือข้อตกลง": "2569-01-12",
}


def procurement_csv_example() -> tuple[str, str]:
    """The header row staff copy, and one example row, of the monthly สขร.1 file."""
    schema = SCHEMAS["procurement"]
    keys = [c.key for c in schema.columns if c.key != schema.file_column]
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(keys)
    writer.writerow([_EXAMPLE_ROW.get(k, "") for k in keys])
    header, example = buf.getvalue().splitlines()
    return header, example


def item_table() -> str:
    rows = ["| ด้าน | หัวข้อ | โฟลเดอร์ (`content/documents/…`) | หน้าเว็บ |", "|---|---|---|---|"]
    for area in load_framework().areas:
        for item in area.items:
            rows.append(f"| {area.title} | {item.title} | `{item.id}` | [`/{item.url}`](../{item.url}) |")
    return "\n".join(rows)


def guide_markdown(site: Site) -> str:
    text = resources.files("generator").joinpath("data/staff-guide.md").read_text("utf-8")
    header, example = procurement_csv_example()
    org = site.organisation
    values = {
        "org_name": org.name if org else "หน่วยงาน",
        "procurement_header": header,
        "procurement_example": example,
        "item_table": item_table(),
    }
    for key, value in values.items():
        text = text.replace("{{" + key + "}}", value)
    return text


def generate(site: Site) -> Iterable[Page | OutputFile]:
    body = guide_markdown(site)
    yield Page(path="staff/index.md", title="คู่มือเจ้าหน้าที่", body=body, nav=False,
               description="วิธีเพิ่มข่าว เอกสาร สรุปผลการจัดซื้อจัดจ้างรายเดือน และความก้าวหน้าของแผน ผ่านหน้าเว็บ GitHub")
