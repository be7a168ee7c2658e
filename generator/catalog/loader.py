"""Validate: read ``catalog/`` (framework.yml, placeholders.yml, projects/*.yml) into a
:class:`~generator.catalog.model.Catalog`, reporting hand-editing mistakes with file and line.

The catalog is imported from the seed once (``prongsai catalog import``) and then corrected by
hand in the web editor, so every check here names the file, the line, the field and the fix.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..errors import Collector
from ..fields import check_keys
from ..model import SourceRef
from ..sources import LDict, LList, iter_files, load_yaml
from .model import KINDS, TEXT_FIELDS, Catalog, Dimension, Objective, Placeholder, Project, SubObjective
from .placeholders import find_placeholders

PROJECT_ID_RE = re.compile(r"^(\d\.\d\.\d)-(\d{2})$")
_PROJECT_KEYS = ("id", "kind", "sub_objective", "also_sub_objectives", "seed_line", "name",
                 *(k for k, _ in TEXT_FIELDS))
_THAI_FIELD = {"name": "ชื่อโครงการ", **dict(TEXT_FIELDS)}


def load_catalog(folder: Path, errors: Collector) -> Catalog:
    """Read the catalog folder; an absent folder is an empty catalog (a portal without a plan)."""
    if not folder.is_dir():
        return Catalog()
    placeholders = _load_placeholders(folder / "placeholders.yml", errors)
    dims, objs, subs = _load_framework(folder / "framework.yml", errors)
    known_subs = {s.id for s in subs}
    known_names = {p.name for p in placeholders}
    projects: list[Project] = []
    seen: dict[str, str] = {}
    for path in iter_files(folder / "projects", ".yml", ".yaml"):
        project = _load_project(path, known_subs, known_names, errors)
        if project is None:
            continue
        if project.id in seen:
            errors.add(path, 0, "id", f"รหัสโครงการ {project.id} ซ้ำกับไฟล์ {seen[project.id]}",
                       "รหัสโครงการต้องไม่ซ้ำกัน ตรวจว่าคัดลอกไฟล์มาแล้วลืมแก้รหัสหรือไม่",
                       f"duplicate project id {project.id}")
            continue
        seen[project.id] = errors.rel(path)
        projects.append(project)
    projects.sort(key=lambda p: p.id)
    return Catalog(tuple(dims), tuple(objs), tuple(subs), tuple(projects), tuple(placeholders))


def _text(value: Any) -> str:
    """A scalar as text: YAML may read ``2566`` as a number."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value).strip()


def _load_placeholders(path: Path, errors: Collector) -> list[Placeholder]:
    if not path.exists():
        errors.add(path, 0, "", "ไม่พบไฟล์รายชื่อช่องที่ต้องกรอก (placeholders.yml)",
                   "สร้างไฟล์ catalog/placeholders.yml ตามรูปแบบใน catalog/README.md",
                   "catalog/placeholders.yml is missing")
        return []
    data = load_yaml(path, errors)
    if data is None:
        return []
    if not isinstance(data, LDict):
        errors.add(path, 1, "", "ไฟล์ต้องเป็นรายการ ชื่อช่อง: แล้วตามด้วย label และ description",
                   "ดูตัวอย่างใน catalog/README.md", "placeholders.yml must be a mapping")
        return []
    out: list[Placeholder] = []
    for name, entry in data.items():
        line = data.line_of(name)
        if not re.fullmatch(r"[a-z][a-z0-9_]*", name):
            errors.add(path, line, name, f"ชื่อช่อง “{name}” ต้องเป็นภาษาอังกฤษตัวเล็ก ตัวเลข หรือ _",
                       "เปลี่ยนชื่อช่อง เช่น target_count", f"bad placeholder name {name!r}")
            continue
        if not isinstance(entry, LDict) or not _text(entry.get("label")):
            errors.add(path, line, name, f"ช่อง {name} ไม่มีป้าย (label)",
                       "เพิ่มบรรทัด label: ป้ายภาษาไทย ใต้ชื่อช่อง (ย่อหน้า 2 ช่องว่าง)",
                       f"placeholder {name} has no label")
            continue
        out.append(Placeholder(name, _text(entry.get("label")), _text(entry.get("description"))))
    return out


def _load_framework(
    path: Path, errors: Collector
) -> tuple[list[Dimension], list[Objective], list[SubObjective]]:
    dims: list[Dimension] = []
    objs: list[Objective] = []
    subs: list[SubObjective] = []
    if not path.exists():
        errors.add(path, 0, "", "ไม่พบไฟล์กรอบการจัดทำแผน (framework.yml)",
                   "นำเข้าคลังตัวอย่างโครงการอีกครั้งด้วยคำสั่ง prongsai catalog import",
                   "catalog/framework.yml is missing")
        return dims, objs, subs
    data = load_yaml(path, errors)
    if data is None:
        return dims, objs, subs
    dim_list = data.get("dimensions") if isinstance(data, LDict) else None
    if not isinstance(dim_list, LList):
        errors.add(path, 1, "dimensions", "ไม่พบรายการมิติ (dimensions)",
                   "ไฟล์ต้องขึ้นต้นด้วย dimensions: แล้วตามด้วยรายการมิติ",
                   "framework.yml needs a 'dimensions' list")
        return dims, objs, subs

    def node(parent: LList, i: int, level: str, parent_id: str) -> tuple[str, str, int | None] | None:
        entry = parent[i]
        line = parent.line_of(i)
        if not isinstance(entry, LDict):
            errors.add(path, line, level, f"รายการ{level}ลำดับที่ {i + 1} ต้องมี id และ title",
                       "เขียนเป็น - id: ... แล้วบรรทัดถัดไป title: ...", f"{level} entry must be a mapping")
            return None
        id_ = _text(entry.get("id"))
        title = _text(entry.get("title"))
        want = rf"{re.escape(parent_id)}\.\d" if parent_id else r"\d"
        if not re.fullmatch(want, id_):
            example = f"{parent_id}.1" if parent_id else "1"
            errors.add(path, entry.line_of("id"), "id", f"รหัส “{id_}” ไม่อยู่ในรูปแบบที่ถูกต้องของ{level}",
                       f"ใช้รหัสที่ขึ้นต้นด้วยรหัสของระดับบน เช่น \"{example}\" (ใส่เครื่องหมายคำพูด)",
                       f"bad {level} id {id_!r} under {parent_id!r}")
            return None
        if not title:
            errors.add(path, entry.line_of("title"), "title", f"{level} {id_} ไม่มีชื่อ (title)",
                       "เพิ่มบรรทัด title: ชื่อภาษาไทย", f"{level} {id_} has no title")
        count = entry.get("count")
        if count is not None and (isinstance(count, bool) or not isinstance(count, int)):
            errors.add(path, entry.line_of("count"), "count", f"จำนวนโครงการของ {id_} ต้องเป็นตัวเลข",
                       "เขียนเป็นตัวเลขอย่างเดียว เช่น count: 3", f"count of {id_} is not an integer")
            count = None
        return id_, title, count

    for i in range(len(dim_list)):
        d = node(dim_list, i, "มิติ", "")
        if d is None:
            continue
        dims.append(Dimension(d[0], d[1], d[2] or 0))
        children = dim_list[i].get("objectives") or LList()
        for j in range(len(children) if isinstance(children, LList) else 0):
            o = node(children, j, "วัตถุประสงค์", d[0])
            if o is None:
                continue
            objs.append(Objective(o[0], d[0], o[1], o[2] or 0))
            grand = children[j].get("sub_objectives") or LList()
            for k in range(len(grand) if isinstance(grand, LList) else 0):
                s = node(grand, k, "วัตถุประสงค์ย่อย", o[0])
                if s is not None:
                    subs.append(SubObjective(s[0], o[0], s[1], s[2]))
    return dims, objs, subs


def _load_project(path: Path, known_subs: set[str], known_names: set[str], errors: Collector) -> Project | None:
    data = load_yaml(path, errors)
    if data is None:
        return None
    if not isinstance(data, LDict):
        errors.add(path, 1, "", "ไฟล์โครงการต้องเป็นรายการ ชื่อช่อง: ค่า",
                   "ดูรูปแบบใน catalog/README.md", "project file must be a mapping")
        return None
    ok = check_keys(data, _PROJECT_KEYS, path, errors)
    id_ = _text(data.get("id"))
    m = PROJECT_ID_RE.match(id_)
    if not m or id_ != path.stem:
        errors.add(path, data.line_of("id"), "id", f"รหัสโครงการ “{id_}” ต้องตรงกับชื่อไฟล์ {path.stem} และอยู่ในรูป 1.1.1-01",
                   "อย่าเปลี่ยนรหัสโครงการ: ใช้รหัสเดิมตามชื่อไฟล์", f"project id {id_!r} != file stem or bad format")
        ok = False
    kind = _text(data.get("kind"))
    if kind not in KINDS:
        errors.add(path, data.line_of("kind"), "kind", f"ประเภท “{kind}” ไม่ถูกต้อง",
                   "ใช้คำใดคำหนึ่ง: " + " / ".join(KINDS), f"kind {kind!r} not in {KINDS}")
        ok = False
    sub = _text(data.get("sub_objective"))
    if sub not in known_subs or (m and m.group(1) != sub):
        errors.add(path, data.line_of("sub_objective"), "sub_objective",
                   f"วัตถุประสงค์ย่อย “{sub}” ไม่มีใน framework.yml หรือไม่ตรงกับรหัสโครงการ",
                   "ใช้รหัสวัตถุประสงค์ย่อยที่ขึ้นต้นรหัสโครงการ เช่น โครงการ 1.1.1-01 อยู่ใน 1.1.1",
                   f"sub_objective {sub!r} unknown or not the id's prefix")
        ok = False
    also_raw = data.get("also_sub_objectives") or []
    also = tuple(_text(x) for x in also_raw) if isinstance(also_raw, list) else ()
    for i, s in enumerate(also):
        if s not in known_subs:
            line = also_raw.line_of(i) if isinstance(also_raw, LList) else data.line_of("also_sub_objectives")
            errors.add(path, line, "also_sub_objectives", f"ไม่มีวัตถุประสงค์ย่อย “{s}” ใน framework.yml",
                       "ตรวจรหัส เช่น 3.2.2", f"unknown sub-objective {s!r}")
            ok = False
    texts: dict[str, str] = {}
    for key in ("name", *(k for k, _ in TEXT_FIELDS)):
        value = data.get(key)
        text = _text(value)
        if not text or isinstance(value, LDict | LList):
            errors.add(path, data.line_of(key), key, f"ช่อง {key} ({_THAI_FIELD[key]}) ว่างหรือไม่ใช่ข้อความ",
                       f"เขียนข้อความ{_THAI_FIELD[key]}ต่อจาก {key}: (ข้อความหลายบรรทัดให้ขึ้นต้นด้วย | แล้วย่อหน้าทุกบรรทัด)",
                       f"field {key} is empty or not text")
            ok = False
            continue
        for name in find_placeholders(text):
            if name not in known_names:
                errors.add(path, data.line_of(key), key, f"ไม่รู้จักช่องที่ต้องกรอก {{{{{name}}}}}",
                           "ใช้ชื่อช่องที่มีใน catalog/placeholders.yml หรือเพิ่มชื่อนี้ในไฟล์นั้น",
                           f"unknown placeholder {name!r}")
                ok = False
        texts[key] = text
    seed_line = data.get("seed_line")
    if not ok:
        return None
    return Project(
        id=id_, kind=kind, sub_objective_id=sub, also_sub_objective_ids=also,
        seed_line=seed_line if isinstance(seed_line, int) and not isinstance(seed_line, bool) else 0,
        source=SourceRef(errors.rel(path), data.line),
        **texts,
    )
