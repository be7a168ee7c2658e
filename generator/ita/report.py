"""``prongsai check --ita YEAR``: the ITA status for staff in Thai, and as JSON for CI."""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import ProngsaiError
from ..model import Site
from .model import ita_lists
from .status import Assessment, assess


def format_text(a: Assessment) -> str:
    """One line per item; below an unmet item, what is missing and where to add it."""
    lines = [f"รายการ ITA/OIT ปีการประเมิน {a.year} ({a.title})"]
    for i in a.items:
        lines.append(f"{i.item.code:>4} {i.status_text:<24} {i.item.title} → {i.url}")
        for t in i.topics:
            if t.status != "met":
                lines.append(f"       ขาด: {t.missing} [{t.topic}]")
                lines.append(f"       เพิ่มที่: {t.where}")
    low = [i.item.code for i in a.items if i.item.confidence == "low"]
    if low:
        lines.append("หมายเหตุ: ชื่อข้อ " + ", ".join(low) + " ยังไม่ได้ตรวจกับคู่มือฉบับจริง "
                     "โปรดตรวจกับคู่มือการประเมินของปีนี้ แล้วแก้ในไฟล์รายการ ITA")
    n = len(a.items)
    lines.append(f"สรุป: ครบถ้วน {a.count('met')} จาก {n} ข้อ, ยังไม่มีข้อมูล {a.count('missing')} ข้อ, "
                 f"ข้อมูลไม่เป็นปัจจุบัน {a.count('out_of_date')} ข้อ "
                 f"({a.count('met')}/{n} met, {a.count('missing')} missing, {a.count('out_of_date')} out of date)")
    return "\n".join(lines)


def write_json(a: Assessment, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(a.to_json(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def assessment_for(site: Site, year: int) -> Assessment:
    lists = ita_lists(site)
    oit = lists.get(year)
    if oit is None:
        have = ", ".join(str(y) for y in lists.sorted_years()) or "ไม่มี"
        raise ProngsaiError(
            f"ไม่มีรายการ ITA ของปี {year} (มีปี: {have}) — สร้างไฟล์ content/ita/{year}.yml "
            f"โดยคัดลอกรายการของปีล่าสุดแล้วแก้ (no ITA list for {year})"
        )
    return assess(site, oit)


def run_check(site: Site, year: int, strict: bool, json_path: Path | None) -> int:
    """Print the report, write the JSON; with ``strict`` an unmet item makes the exit status 1."""
    a = assessment_for(site, year)
    print(format_text(a))
    path = json_path or site.root / "build" / f"ita-{year}.json"
    write_json(a, path)
    print(f"บันทึกรายงาน JSON ที่ {path} (JSON report written)")
    return 1 if strict and not a.all_met else 0
