"""Read the OIT lists: ``generator/data/ita/<year>.yml`` (shipped with Prongsai, so every portal
has them, including repositories made by ``prongsai new``) and ``content/ita/<year>.yml`` (this
municipality's corrections, or a year of its own before a new release ships it).

An item in the content file replaces the fields it names of the catalog item with the same code;
a new code is added. Every mistake becomes a :class:`~generator.errors.Problem` with file, line,
field and fix, and loading goes on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import Collector
from ..fields import check_keys, closest
from ..framework import load_framework
from ..model import SourceRef
from ..sources import LDict, LList, iter_files, load_yaml
from ..thai import thai_digits_to_arabic
from .model import CONFIDENCES, SPECIAL_PAGES, OitItem, OitList, OitLists
from .rules import PERIODS, PROFILE_CHECKS

SHARED_DIR = Path(str(resources.files("generator").joinpath("data/ita")))
CODE_RE = re.compile(r"^o([1-9]\d*)$")
_ITEM_KEYS = ("code", "title", "topics", "evidence", "period", "requires", "confidence")
_FILE_KEYS = ("year", "title", "items")


def known_topics() -> list[str]:
    """What an OIT item may name in ``topics:``: every item id, then the special pages."""
    return [*load_framework().items_by_id(), *SPECIAL_PAGES]


@dataclass
class _Draft:
    """One item as read from one or more files, before the merged item is checked."""

    code: str
    values: dict[str, Any] = field(default_factory=dict)
    source: SourceRef | None = None
    broken: bool = False  # already reported: do not report its missing fields again


@dataclass
class _YearDraft:
    year: int
    title: str = ""
    items: dict[str, _Draft] = field(default_factory=dict)
    sources: list[SourceRef] = field(default_factory=list)


def load_ita_lists(root: Path, errors: Collector) -> OitLists:
    """All years' lists; an absent folder is simply no list (a portal may skip ITA pages)."""
    drafts: dict[int, _YearDraft] = {}
    for folder in (SHARED_DIR, root / "content" / "ita"):
        for path in iter_files(folder, ".yml", ".yaml"):
            _read_file(path, drafts, errors)
    lists = OitLists()
    for year in sorted(drafts):
        lists.years[year] = _finish(drafts[year], errors)
    return lists


def _year_from_name(path: Path) -> int | None:
    stem = thai_digits_to_arabic(path.stem)
    return int(stem) if re.fullmatch(r"25\d\d", stem) else None


def _read_file(path: Path, drafts: dict[int, _YearDraft], errors: Collector) -> None:
    year = _year_from_name(path)
    if year is None:
        errors.add(path, 0, "", f"ชื่อไฟล์ “{path.name}” ไม่ใช่ปี พ.ศ. ที่ประเมิน",
                   "ตั้งชื่อไฟล์เป็นปีการประเมิน เช่น 2569.yml",
                   f"ITA list file name must be a BE year (e.g. 2569.yml), got {path.name}")
        return
    data = load_yaml(path, errors)
    if data is None:
        return
    if not isinstance(data, LDict):
        errors.add(path, 1, "", "ไฟล์ต้องมีช่อง year, title และ items",
                   "ดูรูปแบบในหัวข้อ ITA ของ README หรือที่หัวไฟล์ generator/data/ita/2569.yml", "ITA list must be a mapping")
        return
    check_keys(data, _FILE_KEYS, path, errors)
    if "year" in data and str(thai_digits_to_arabic(str(data["year"]))).strip() != str(year):
        errors.add(path, data.line_of("year"), "year",
                   f"ปีในไฟล์ ({data['year']}) ไม่ตรงกับชื่อไฟล์ ({path.name})",
                   f"แก้ year ให้เป็น {year} หรือเปลี่ยนชื่อไฟล์ให้ตรงกับปี",
                   f"year {data['year']} does not match file name {path.name}")
    draft = drafts.setdefault(year, _YearDraft(year))
    draft.sources.append(SourceRef(errors.rel(path), 1))
    if isinstance(data.get("title"), str) and data["title"].strip():
        draft.title = data["title"].strip()
    items = data.get("items")
    if items is None:
        return
    if not isinstance(items, LList):
        errors.add(path, data.line_of("items"), "items", "items ต้องเป็นรายการ (แต่ละข้อขึ้นต้นด้วย - )",
                   "เขียนแต่ละข้อเป็น - code: o1 แล้วตามด้วยช่องอื่น ๆ ย่อหน้าให้ตรงกัน",
                   "items must be a list")
        return
    seen: dict[str, int] = {}
    for i, entry in enumerate(items):
        line = items.line_of(i)
        if not isinstance(entry, LDict):
            errors.add(path, line, "items", "แต่ละข้อต้องมีช่อง code, title, topics",
                       "เขียนเป็น - code: o1 แล้วตามด้วย title: และ topics:", "item must be a mapping")
            continue
        item = _read_item(path, entry, errors)
        if item is None:
            continue
        if item.code in seen:
            errors.add(path, line, "code", f"รหัสข้อ {item.code} ซ้ำกับข้อในบรรทัดที่ {seen[item.code]}",
                       "รหัสข้อในไฟล์เดียวกันต้องไม่ซ้ำกัน แก้รหัสให้ถูกหรือรวมสองข้อเป็นข้อเดียว",
                       f"duplicate OIT code {item.code}")
            continue
        seen[item.code] = line
        base = draft.items.get(item.code)
        if base is None:
            draft.items[item.code] = item
        else:  # a municipality's file corrects the fields it names
            base.values.update(item.values)
            base.source = item.source
            base.broken = base.broken and not item.values.get("topics")


def _read_item(path: Path, entry: LDict, errors: Collector) -> _Draft | None:
    line = entry.line
    check_keys(entry, _ITEM_KEYS, path, errors)
    code = str(entry.get("code") or "").strip().lower()
    if not CODE_RE.match(code):
        errors.add(path, entry.line_of("code"), "code",
                   f"รหัสข้อ “{entry.get('code') or ''}” ไม่ถูกต้อง",
                   "เขียนรหัสเป็นตัว o เล็กตามด้วยตัวเลข เช่น o1, o26",
                   f"bad OIT code {entry.get('code')!r}; expected o1, o2, ...")
        return None
    draft = _Draft(code, source=SourceRef(errors.rel(path), line))
    for key in ("title", "evidence"):
        if key in entry:
            text = str(entry[key] or "").strip()
            if not text:
                errors.add(path, entry.line_of(key), key, f"ช่อง {key} ของข้อ {code} ว่าง",
                           "เขียนข้อความ หรือลบบรรทัดนี้", f"{code}: empty {key}")
                continue
            draft.values[key] = " ".join(text.split())
    if "topics" in entry:
        topics = _read_topics(path, entry, code, errors)
        if topics:
            draft.values["topics"] = topics
        else:
            draft.broken = True
    if "period" in entry:
        period = str(entry["period"] or "").strip()
        if period in PERIODS:
            draft.values["period"] = period
        else:
            errors.add(path, entry.line_of("period"), "period", f"ช่วงเวลา “{period}” ของข้อ {code} ไม่ถูกต้อง",
                       "ใช้ค่าใดค่าหนึ่ง: " + ", ".join(PERIODS) + " หรือลบบรรทัดนี้เพื่อใช้ค่าของหัวข้อ",
                       f"{code}: bad period {period!r}; expected one of {', '.join(PERIODS)}")
    if "requires" in entry:
        draft.values["requires"] = _read_requires(path, entry, code, errors)
    if "confidence" in entry:
        conf = str(entry["confidence"] or "").strip()
        if conf in CONFIDENCES:
            draft.values["confidence"] = conf
        else:
            errors.add(path, entry.line_of("confidence"), "confidence", f"ค่า confidence “{conf}” ไม่ถูกต้อง",
                       "ใช้ high, medium หรือ low", f"{code}: bad confidence {conf!r}")
    return draft


def _as_list(value: Any) -> list[Any]:
    if isinstance(value, list):
        return list(value)
    return [] if value is None else [value]


def _read_topics(path: Path, entry: LDict, code: str, errors: Collector) -> tuple[str, ...]:
    known = known_topics()
    out: list[str] = []
    line = entry.line_of("topics")
    for raw in _as_list(entry["topics"]):
        topic = str(raw).strip()
        if topic in known:
            out.append(topic)
            continue
        close = closest(topic, known, cutoff=0.5)
        hint = f"หมายถึง “{close}” หรือไม่" if close else "ดูรหัสหัวข้อใน generator/data/areas.yml"
        errors.add(path, line, "topics", f"ข้อ {code}: ไม่รู้จักหัวข้อ “{topic}”",
                   f"{hint} (รหัสหัวข้อเป็นภาษาอังกฤษตัวเล็ก เช่น structure, complaint-statistics)",
                   f"{code}: unknown topic {topic!r}" + (f"; did you mean {close!r}?" if close else ""))
    if not _as_list(entry["topics"]):
        errors.add(path, line, "topics", f"ข้อ {code} ไม่มีหัวข้อที่ใช้เป็นหลักฐาน",
                   "ใส่รหัสหัวข้ออย่างน้อย 1 หัวข้อ เช่น topics: [structure]", f"{code}: no topics")
    return tuple(out)


def _read_requires(path: Path, entry: LDict, code: str, errors: Collector) -> tuple[str, ...]:
    out: list[str] = []
    for raw in _as_list(entry["requires"]):
        name = str(raw).strip()
        if name in PROFILE_CHECKS:
            out.append(name)
            continue
        close = closest(name, PROFILE_CHECKS, cutoff=0.5)
        errors.add(path, entry.line_of("requires"), "requires", f"ข้อ {code}: ไม่รู้จักเงื่อนไข “{name}”",
                   (f"หมายถึง “{close}” หรือไม่" if close else "ใช้ชื่อใดชื่อหนึ่ง: " + ", ".join(PROFILE_CHECKS)),
                   f"{code}: unknown requirement {name!r}")
    return tuple(out)


def _finish(draft: _YearDraft, errors: Collector) -> OitList:
    items: list[OitItem] = []
    for code, d in draft.items.items():
        src = d.source
        missing = [k for k in ("title", "topics") if not d.values.get(k)]
        if missing:
            if src is not None and not d.broken:
                errors.add(src.path, src.line, missing[0], f"ข้อ {code} ไม่มีช่อง {' และ '.join(missing)}",
                           "เพิ่มช่องที่ขาด (ข้อใหม่ต้องมี code, title และ topics)",
                           f"{code}: missing {', '.join(missing)}")
            continue
        items.append(OitItem(code=code, source=src, **d.values))
    items.sort(key=lambda i: i.number)
    title = draft.title or f"การเปิดเผยข้อมูลสาธารณะ (OIT) ปี พ.ศ. {draft.year}"
    return OitList(draft.year, title, tuple(items), tuple(draft.sources))
