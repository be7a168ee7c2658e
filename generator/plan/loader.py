"""Validate: read ``content/plan/`` into a :class:`~generator.plan.model.Plan`.

Layout (see ``content/plan/README.md`` for the staff version):

- ``plan.yml`` (optional): title, intro, adoption date, the signed plan as a file;
- ``projects/<catalog-id>.yml``: a project adopted from the catalog (``1.1.1-01.yml``);
- ``projects/<own-id>.yml``: the municipality's own project (ASCII id, e.g. ``own-waste-bank``),
  with the catalog's fields written out (kind, sub_objective, name, rationale, ...);
- evidence files anywhere under ``content/plan/`` (``evidence/2568/...`` by convention).

Every mistake becomes a Problem naming the file, the line and the fix; loading goes on.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..catalog.model import KINDS, TEXT_FIELDS, Catalog
from ..catalog.placeholders import PLACEHOLDER_RE, fill, find_placeholders
from ..dates import DateError, parse_fiscal_year
from ..errors import Collector
from ..fields import check_keys, closest, date_field
from ..model import SourceRef
from ..sanitize import check_internal_url, check_markdown
from ..sources import LDict, LList, iter_files, load_yaml
from ..thai import fiscal_year, format_baht, format_number, parse_amount
from .model import NO_BUDGET, PLAN_YEARS, RESERVED_IDS, STATUSES, Evidence, Plan, PlanProject, Update

CATALOG_ID_RE = re.compile(r"^\d\.\d\.\d-\d{2}$")
OWN_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
TEXT_KEYS = tuple(k for k, _ in TEXT_FIELDS)
THAI_FIELD = {"name": "ชื่อโครงการ", **dict(TEXT_FIELDS)}

#: Text the staff or the catalog left as a fill-in marker: "ระบุจำนวน...", "องค์การบริหารส่วนตำบลxxx".
#: ("พร้อมระบุผู้รับผิดชอบ" is ordinary Thai, so only the seed's marker forms count.)
MARKER_RE = re.compile(r"\{\{|\}\}|ระบุ(?:ชื่อ|จำนวน|งบประมาณ|หน่วยงาน)|xxx")

ADOPTED_KEYS = ("responsible_unit", "budget", "values", "append", "replace", "progress")
OWN_KEYS = ("kind", "sub_objective", "name", *(k for k in TEXT_KEYS if k not in ("budget", "responsible_unit")))
PLAN_KEYS = ("title", "intro", "adopted_on", "documents", "org_name")
UPDATE_KEYS = ("date", "status", "done", "spent", "evidence")
EVIDENCE_KEYS = ("file", "link", "title")
#: Placeholders filled from structured fields, never from ``values``.
STRUCTURED = {"org_name": "ชื่อหน่วยงาน", "budget": "budget:", "responsible_unit": "responsible_unit:"}


@dataclass
class _Ctx:
    """What every check of one file needs."""

    path: Path
    folder: Path  # content/plan
    errors: Collector

    def add(self, line: int, field: str, thai: str, fix: str, english: str, severity: str = "error") -> None:
        self.errors.add(self.path, line, field, thai, fix, english, severity)


def load_plan(
    folder: Path, catalog: Catalog | None, errors: Collector, org_name: str | None = None
) -> Plan | None:
    """Read the plan folder; ``None`` when the municipality publishes no plan (no folder).

    ``org_name`` (the organisation's official name) fills ``{{org_name}}``; ``plan.yml`` may give
    one when there is no organisation profile.
    """
    if not folder.is_dir():
        return None
    catalog = catalog or Catalog()
    meta = _load_meta(folder, errors)
    name = org_name or meta.get("org_name") or ""
    projects: list[PlanProject] = []
    for path in iter_files(folder / "projects", ".yml", ".yaml"):
        project = _load_project(_Ctx(path, folder, errors), catalog, name)
        if project is not None:
            projects.append(project)
    projects.sort(key=_framework_order)
    if not projects:
        errors.add(folder / "projects", 0, "", "แผนยังไม่มีโครงการ",
                   "เพิ่มไฟล์โครงการใน content/plan/projects/ เช่น 1.1.1-01.yml (ดู content/plan/README.md)",
                   "the plan has no projects", "warning")
    return Plan(
        projects=tuple(projects),
        title=meta.get("title") or "แผนปฏิบัติการป้องกันการทุจริต",
        intro_md=meta.get("intro") or "",
        adopted_on=meta.get("adopted_on"),
        documents=tuple(meta.get("documents") or ()),
        source=SourceRef(errors.rel(folder / "plan.yml"), 1),
    )


def _framework_order(p: PlanProject) -> tuple[tuple[int, ...], int, str]:
    return tuple(int(x) for x in p.sub_objective_id.split(".")), int(p.own), p.id


def _text(value: Any) -> str:
    if value is None:
        return ""
    return str(value).strip()


# --- plan.yml -----------------------------------------------------------------------------------


def _load_meta(folder: Path, errors: Collector) -> dict[str, Any]:
    path = folder / "plan.yml"
    out: dict[str, Any] = {}
    if not path.exists():
        return out
    ctx = _Ctx(path, folder, errors)
    data = load_yaml(path, errors)
    if data is None:
        return out
    if not isinstance(data, LDict):
        ctx.add(1, "", "ไฟล์ plan.yml ต้องเป็นรายการ ชื่อช่อง: ค่า", "ดูตัวอย่างใน content/plan/README.md",
                "plan.yml must be a mapping")
        return out
    check_keys(data, PLAN_KEYS, path, errors, where="plan.yml")
    out["title"] = _text(data.get("title"))
    out["org_name"] = _text(data.get("org_name"))
    intro = _text(data.get("intro"))
    if intro:
        check_markdown(intro, path, data.line_of("intro") + 1, "intro", errors)
    out["intro"] = intro
    out["adopted_on"] = date_field(data, "adopted_on", path, errors, required=False)
    docs = data.get("documents")
    if docs is not None:
        out["documents"] = _load_evidence(ctx, docs, data.line_of("documents"), "documents")
    return out


# --- one project file -----------------------------------------------------------------------------


def _load_project(ctx: _Ctx, catalog: Catalog, org_name: str) -> PlanProject | None:
    data = load_yaml(ctx.path, ctx.errors)
    if data is None:
        return None
    pid = ctx.path.stem
    if not isinstance(data, LDict):
        ctx.add(1, "", "ไฟล์โครงการต้องเป็นรายการ ชื่อช่อง: ค่า",
                "ดูตัวอย่างใน content/plan/README.md", "project file must be a mapping")
        return None
    adopted = CATALOG_ID_RE.match(pid) is not None
    base = _catalog_base(ctx, data, catalog, pid) if adopted else _own_base(ctx, data, catalog, pid)
    if base is None:
        return None
    kind, sub, name, texts = base.kind, base.sub_objective_id, base.name, base.texts

    unit = _text(data.get("responsible_unit"))
    if not unit or MARKER_RE.search(unit):
        ctx.add(data.line_of("responsible_unit"), "responsible_unit", "ยังไม่ได้กรอกหน่วยงานที่รับผิดชอบ",
                "เขียน responsible_unit: ตามด้วยชื่อกองหรือสำนัก เช่น responsible_unit: สำนักปลัดเทศบาล",
                "responsible_unit is missing")
    budget = _load_budget(ctx, data)
    values = _load_values(ctx, data)
    texts, edits = _apply_edits(ctx, data, texts)
    _report_unused(ctx, data, values, {n for t in (name, *texts.values()) for n in find_placeholders(t)})
    fills = {
        **values,
        "responsible_unit": unit,
        "budget": budget_sentence(budget),
    }
    if org_name:
        fills["org_name"] = org_name
    name = fill(name, fills)
    texts = {k: fill(v, fills) for k, v in texts.items()}
    _report_unfilled(ctx, data, {"name": name, **texts}, base.origin, catalog)
    progress = _load_progress(ctx, data, budget)
    return PlanProject(
        id=pid, kind=kind, sub_objective_id=sub, name=name, texts=texts, budget=budget,
        responsible_unit=unit, catalog_id=pid if adopted else None, values=values,
        progress=progress, source=SourceRef(ctx.errors.rel(ctx.path), 1),
        budget_note=fill(edits.get("budget", ""), fills),
    )


@dataclass(frozen=True)
class _Base:
    """What a project's text starts from: the catalog project, or the municipality's own fields."""

    kind: str
    sub_objective_id: str
    name: str
    texts: dict[str, str]
    origin: dict[str, str]  # field -> where its text was written (named by unfilled-text problems)


def _catalog_base(ctx: _Ctx, data: LDict, catalog: Catalog, pid: str) -> _Base | None:
    base = catalog.project(pid)
    if base is None:
        close = difflib.get_close_matches(pid, [p.id for p in catalog.projects], n=3, cutoff=0.6)
        hint = ("รหัสที่ใกล้เคียง: " + ", ".join(close) + " — ") if close else ""
        ctx.add(0, "", f"ไม่มีโครงการรหัส {pid} ในคลังตัวอย่างโครงการ (catalog/)",
                f"{hint}ตั้งชื่อไฟล์ให้ตรงกับรหัสโครงการในคลัง (ดูได้ที่หน้า /catalog/ ของเว็บไซต์)",
                f"unknown catalog id {pid!r}" + (f"; close: {', '.join(close)}" if close else ""))
        return None
    check_keys(data, ADOPTED_KEYS, ctx.path, ctx.errors, where="ไฟล์โครงการที่นำมาจากคลัง")
    where = base.source.path if base.source else "catalog"
    return _Base(base.kind, base.sub_objective_id, base.name, {k: base.text(k) for k in TEXT_KEYS},
                 {k: f"{where} [{k}]" for k in ("name", *TEXT_KEYS)})


def _own_base(ctx: _Ctx, data: LDict, catalog: Catalog, pid: str) -> _Base | None:
    if pid in RESERVED_IDS:
        ctx.add(0, "", f"ชื่อไฟล์ “{ctx.path.name}” ซ้ำกับชื่อหน้าของระบบ",
                "เปลี่ยนชื่อไฟล์ เช่น own-" + pid + ".yml", f"project id {pid!r} is reserved")
        return None
    if not OWN_ID_RE.match(pid):
        ctx.add(0, "", f"ชื่อไฟล์ “{ctx.path.name}” ใช้เป็นรหัสโครงการไม่ได้",
                "โครงการจากคลังใช้รหัสคลัง เช่น 1.1.1-01.yml; โครงการของหน่วยงานเองใช้อักษรอังกฤษตัวเล็ก "
                "ตัวเลข และ - เช่น own-waste-bank.yml",
                f"project file name {ctx.path.name!r} is neither a catalog id nor an ASCII slug")
        return None
    check_keys(data, ADOPTED_KEYS + OWN_KEYS, ctx.path, ctx.errors, where="ไฟล์โครงการของหน่วยงาน")
    parsed = _own_fields(ctx, data, catalog)
    if parsed is None:
        return None
    here = ctx.errors.rel(ctx.path)
    return _Base(*parsed, {k: f"{here}:{data.line_of(k)}" for k in ("name", *TEXT_KEYS)})


def budget_sentence(budget: Mapping[int, Decimal | None]) -> str:
    """What ``{{budget}}`` becomes in running text: "ปีงบประมาณ 2568 จำนวน 20,000.00 บาท ..."."""
    if not budget:
        return ""
    if all(v is None for v in budget.values()):
        return NO_BUDGET
    parts = [f"ปีงบประมาณ {fy} {NO_BUDGET if v is None else 'จำนวน ' + format_baht(v)}"
             for fy, v in sorted(budget.items())]
    return " ".join(parts)


def _own_fields(ctx: _Ctx, data: LDict, catalog: Catalog) -> tuple[str, str, str, dict[str, str]] | None:
    ok = True
    kind = _text(data.get("kind"))
    if kind not in KINDS:
        ctx.add(data.line_of("kind"), "kind", f"ประเภท “{kind}” ไม่ถูกต้อง" if kind else "ยังไม่ได้ระบุประเภท (kind)",
                "เขียน kind: ตามด้วยคำใดคำหนึ่ง: " + " / ".join(KINDS), f"kind {kind!r} not in {KINDS}")
        ok = False
    sub = _text(data.get("sub_objective"))
    if catalog.sub_objective(sub) is None:
        valid = [s.id for s in catalog.sub_objectives]
        close = difflib.get_close_matches(sub, valid, n=3)
        ctx.add(data.line_of("sub_objective"), "sub_objective",
                f"ไม่มีวัตถุประสงค์ย่อย “{sub}” ในกรอบการจัดทำแผน" if sub else "ยังไม่ได้ระบุตำแหน่งในกรอบการจัดทำแผน (sub_objective)",
                "เขียน sub_objective: ตามด้วยรหัสวัตถุประสงค์ย่อย เช่น 1.1.3"
                + (f" (ใกล้เคียง: {', '.join(close)})" if close else ""),
                f"unknown sub_objective {sub!r}")
        ok = False
    texts: dict[str, str] = {}
    for key in ("name", *TEXT_KEYS):
        if key in ("budget", "responsible_unit"):
            texts[key] = "{{" + key + "}}"  # written from the structured fields
            continue
        text = _text(data.get(key))
        if not text or isinstance(data.get(key), LDict | LList):
            ctx.add(data.line_of(key), key, f"ยังไม่ได้เขียน{THAI_FIELD[key]} ({key})",
                    f"เขียน {key}: แล้วตามด้วยข้อความ (หลายบรรทัดให้ขึ้นต้นด้วย | แล้วย่อหน้าทุกบรรทัด 2 ช่องว่าง)",
                    f"own project field {key} is empty")
            ok = False
            continue
        if key != "name":
            check_markdown(text, ctx.path, data.line_of(key) + 1, key, ctx.errors)
        texts[key] = text
    if not ok:
        return None
    name = texts.pop("name")
    return kind, sub, name, texts


def _plan_years(ctx: _Ctx, raw: LDict, field: str) -> Iterator[tuple[int, int, Any]]:
    """(fiscal year, line, value) for each key of ``raw`` that is a fiscal year of the plan;
    a key that is not, is reported once here for budget and progress alike."""
    for key, value in raw.items():
        line = raw.line_of(key)
        try:
            fy = parse_fiscal_year(key)
        except DateError as exc:
            ctx.errors.add_input_error(ctx.path, line, field, exc)
            continue
        if fy not in PLAN_YEARS:
            ctx.add(line, field, f"ปีงบประมาณ {fy} อยู่นอกช่วงของแผน ({PLAN_YEARS[0]}–{PLAN_YEARS[-1]})",
                    "ใช้ปีงบประมาณ " + ", ".join(map(str, PLAN_YEARS)) + " เท่านั้น",
                    f"{field} year {fy} outside {PLAN_YEARS[0]}-{PLAN_YEARS[-1]}")
            continue
        yield fy, line, value


def _load_budget(ctx: _Ctx, data: LDict) -> dict[int, Decimal | None]:
    raw = data.get("budget")
    years = ", ".join(str(y) for y in PLAN_YEARS)
    if not isinstance(raw, LDict) or not raw:
        ctx.add(data.line_of("budget"), "budget", "ยังไม่ได้กรอกงบประมาณของโครงการ",
                f"เขียน budget: แล้วใต้นั้นแต่ละปีที่ดำเนินการ ({years}) เป็น 2569: 20000 หรือ 2569: {NO_BUDGET}",
                "budget is missing or not a mapping of fiscal year to amount")
        return {}
    out: dict[int, Decimal | None] = {}
    for fy, line, value in _plan_years(ctx, raw, "budget"):
        text = _text(value)
        if not text or MARKER_RE.search(text):
            ctx.add(line, "budget", f"ยังไม่ได้กรอกงบประมาณปี {fy}",
                    f"เขียนจำนวนเงินเป็นบาท เช่น {fy}: 20000 หรือ {fy}: {NO_BUDGET} ถ้าไม่ดำเนินการปีนี้ให้ลบบรรทัดนี้",
                    f"budget for {fy} is empty")
            continue
        if text.replace(" ", "") == NO_BUDGET.replace(" ", ""):
            out[fy] = None
            continue
        try:
            out[fy] = parse_amount(value)
        except ValueError as exc:
            ctx.add(line, "budget", f"งบประมาณปี {fy}: {exc}",
                    f"เขียนเป็นตัวเลข เช่น 20000 หรือ 20,000.50 หรือเขียนว่า {NO_BUDGET}",
                    f"budget for {fy} is not an amount: {value!r}")
    return out


def _load_values(ctx: _Ctx, data: LDict) -> dict[str, str]:
    raw = data.get("values")
    if raw is None:
        return {}
    if not isinstance(raw, LDict):
        ctx.add(data.line_of("values"), "values", "values ต้องเป็นรายการ ชื่อช่อง: ค่า",
                "ใต้ values: เขียนแต่ละช่องในบรรทัดของตัวเอง ย่อหน้า 2 ช่องว่าง เช่น   target_count: 45",
                "values must be a mapping")
        return {}
    out: dict[str, str] = {}
    for key, value in raw.items():
        line = raw.line_of(key)
        if key in STRUCTURED:
            where = STRUCTURED[key]
            ctx.add(line, f"values.{key}", f"ช่อง {key} กรอกใน values ไม่ได้",
                    f"ลบบรรทัดนี้ ระบบเติมช่องนี้จาก {where} ให้เอง", f"placeholder {key} comes from {where}")
            continue
        if isinstance(value, bool | LDict | LList):
            ctx.add(line, f"values.{key}", f"ค่าของ {key} ต้องเป็นข้อความหรือตัวเลข",
                    f"เขียน {key}: ตามด้วยค่า เช่น {key}: 45", f"value of {key} must be a scalar")
            continue
        text = format_number(value) if isinstance(value, int | float) else _text(value)
        if not text or MARKER_RE.search(text):
            ctx.add(line, f"values.{key}", f"ยังไม่ได้กรอกค่าของ {key}",
                    f"เขียนค่าต่อจาก {key}: เช่น {key}: 45", f"value {key} is empty")
            continue
        out[key] = text
    return out


def _apply_edits(ctx: _Ctx, data: LDict, texts: dict[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """``replace:`` swaps a whole field for the municipality's text; ``append:`` adds to it.

    Returns the edited texts and, per field, what the staff wrote themselves.
    """
    out = dict(texts)
    edits: dict[str, str] = {}
    for mode in ("replace", "append"):
        raw = data.get(mode)
        if raw is None:
            continue
        if not isinstance(raw, LDict):
            ctx.add(data.line_of(mode), mode, f"{mode} ต้องเป็นรายการ ชื่อช่อง: ข้อความ",
                    f"ใต้ {mode}: เขียนชื่อช่อง เช่น method: | แล้วข้อความย่อหน้าเข้าไป", f"{mode} must be a mapping")
            continue
        check_keys(raw, TEXT_KEYS, ctx.path, ctx.errors, prefix=f"{mode}.")
        for key, value in raw.items():
            line = raw.line_of(key)
            if key not in TEXT_KEYS:
                continue
            text = _text(value)
            if not text:
                ctx.add(line, f"{mode}.{key}", "ข้อความว่าง", "เขียนข้อความ หรือลบบรรทัดนี้",
                        f"{mode}.{key} is empty", "warning")
                continue
            check_markdown(text, ctx.path, line + 1, f"{mode}.{key}", ctx.errors)
            out[key] = text if mode == "replace" else f"{out[key].rstrip()}\n\n{text}"
            edits[key] = f"{edits[key]}\n\n{text}" if key in edits else text
    return out, edits


def _report_unused(ctx: _Ctx, data: LDict, values: dict[str, str], used: set[str]) -> None:
    """A value no text asks for is most often a misspelt name: say which one was meant."""
    raw = data.get("values")
    for key in values:
        if key in used or not isinstance(raw, LDict):
            continue
        close = closest(key, used - set(values))
        ctx.add(raw.line_of(key), f"values.{key}", f"ข้อความของโครงการนี้ไม่มีช่อง {{{{{key}}}}}",
                (f"สะกดผิดหรือไม่? ช่องที่ยังไม่ได้กรอกคือ {close}" if close else "ลบบรรทัดนี้ได้"),
                f"value {key} is not used by this project's text", "warning")


def _report_unfilled(
    ctx: _Ctx, data: LDict, texts: dict[str, str], origin: dict[str, str], catalog: Catalog
) -> None:
    """Name every placeholder still unfilled, and any raw "ระบุ..." marker left in the text."""
    values_line = data.line_of("values") if "values" in data else 1
    for key, text in texts.items():
        for name in find_placeholders(text):
            ph = catalog.placeholder(name)
            label = f" ({ph.label})" if ph else ""
            if name == "org_name":
                fix = "กรอกชื่อหน่วยงานในข้อมูลหน่วยงาน (content/) หรือเขียน org_name: ใน content/plan/plan.yml"
            else:
                fix = f"เพิ่มใต้ values: บรรทัด   {name}: ค่า   (ย่อหน้า 2 ช่องว่าง)"
            ctx.add(values_line, f"values.{name}",
                    f"ยังไม่ได้กรอกช่อง {{{{{name}}}}}{label} ที่ใช้ใน{THAI_FIELD.get(key, key)} (จาก {origin[key]})",
                    fix, f"placeholder {name} in field {key} is not filled")
        m = MARKER_RE.search(PLACEHOLDER_RE.sub("", text))  # placeholders were reported above
        if m:
            where = data.line_of("replace") if "replace" in data else 1
            ctx.add(where, key, f"ข้อความ{THAI_FIELD.get(key, key)}ยังมีคำที่ต้องกรอก “{m.group(0)}” (จาก {origin[key]})",
                    f"เขียนข้อความของหน่วยงานแทนใต้ replace: เช่น   {key}: |   แล้วข้อความย่อหน้าเข้าไป",
                    f"raw fill-in marker {m.group(0)!r} left in field {key}")


# --- progress ---------------------------------------------------------------------------------------


def _load_progress(ctx: _Ctx, data: LDict, budget: dict[int, Decimal | None]) -> dict[int, tuple[Update, ...]]:
    raw = data.get("progress")
    if raw is None:
        return {}
    if not isinstance(raw, LDict):
        ctx.add(data.line_of("progress"), "progress", "progress ต้องแยกตามปีงบประมาณ",
                "เขียน progress: แล้วใต้นั้น 2569: แล้วรายการความก้าวหน้าแต่ละครั้งขึ้นต้นด้วย -",
                "progress must be a mapping of fiscal year to a list of updates")
        return {}
    out: dict[int, tuple[Update, ...]] = {}
    for fy, line, entries in _plan_years(ctx, raw, "progress"):
        if budget and fy not in budget:
            ctx.add(line, "progress", f"มีความก้าวหน้าปี {fy} แต่ไม่มีงบประมาณปี {fy} ในแผน",
                    f"เพิ่มปี {fy} ใต้ budget: (จำนวนเงิน หรือ {NO_BUDGET})",
                    f"progress for {fy} but the project is not budgeted that year", "warning")
        if not isinstance(entries, LList):
            ctx.add(line, "progress", f"ความก้าวหน้าปี {fy} ต้องเป็นรายการที่ขึ้นต้นด้วย -",
                    "แต่ละครั้งขึ้นต้นด้วย - date: ... แล้วบรรทัดถัดไป status:, done:, spent:",
                    f"progress for {fy} must be a list")
            continue
        updates = [u for i in range(len(entries)) if (u := _load_update(ctx, entries, i, fy)) is not None]
        updates.sort(key=lambda u: u.date)
        out[fy] = tuple(updates)
        spent = sum((u.spent for u in updates), Decimal("0"))
        if fy in budget and spent > 0:
            amount = budget[fy]
            if amount is None or spent > amount:
                allowed = NO_BUDGET if amount is None else format_baht(amount)
                ctx.add(line, "progress", f"ปี {fy} ใช้เงินรวม {format_baht(spent)} มากกว่างบประมาณ ({allowed})",
                        "ตรวจจำนวนเงินที่ใช้ (spent) ของแต่ละครั้ง หรือแก้งบประมาณใต้ budget: ให้ตรงกับที่อนุมัติ",
                        f"spent {spent} in {fy} exceeds budget {amount}", "warning")
    return out


def _load_update(ctx: _Ctx, entries: LList, i: int, fy: int) -> Update | None:
    entry = entries[i]
    line = entries.line_of(i)
    if not isinstance(entry, LDict):
        ctx.add(line, "progress", "ความก้าวหน้าแต่ละครั้งต้องมี date, status, done",
                "เขียน - date: 2569-03-15 แล้วบรรทัดถัดไป (ย่อหน้าให้ตรงกัน) status:, done:, spent:",
                "progress entry must be a mapping")
        return None
    check_keys(entry, UPDATE_KEYS, ctx.path, ctx.errors, where="ความก้าวหน้า")
    when = date_field(entry, "date", ctx.path, ctx.errors)
    ok = when is not None
    if when is not None and fiscal_year(when) != fy:
        ctx.add(entry.line_of("date"), "date", f"วันที่ {_text(entry.get('date'))} ไม่อยู่ในปีงบประมาณ {fy}",
                f"ปีงบประมาณ {fy} คือ 1 ตุลาคม {fy - 1} ถึง 30 กันยายน {fy}: แก้วันที่ หรือย้ายรายการไปไว้ใต้ปีที่ถูกต้อง",
                f"update date {when} is not in fiscal year {fy}")
        ok = False
    status = _text(entry.get("status"))
    if status not in STATUSES:
        close = closest(status, STATUSES)
        ctx.add(entry.line_of("status"), "status",
                f"สถานะ “{status}” ไม่ถูกต้อง" if status else "ยังไม่ได้ระบุสถานะ (status)",
                (f"หรือหมายถึง “{close}”? " if close else "") + "ใช้คำใดคำหนึ่ง: " + " / ".join(STATUSES),
                f"status {status!r} not one of {STATUSES}")
        ok = False
    done = _text(entry.get("done"))
    if not done:
        ctx.add(entry.line_of("done"), "done", "ยังไม่ได้เขียนว่าทำอะไรไปบ้าง (done)",
                "เขียน done: ตามด้วยสิ่งที่ดำเนินการ เช่น จัดอบรมบุคลากร 45 คน", "update has no 'done' text",
                "warning" if status == "ยังไม่ดำเนินการ" else "error")
    else:
        check_markdown(done, ctx.path, entry.line_of("done"), "done", ctx.errors)
    spent = Decimal("0")
    if entry.get("spent") not in (None, ""):
        try:
            spent = parse_amount(entry["spent"])
        except ValueError as exc:
            ctx.add(entry.line_of("spent"), "spent", f"จำนวนเงินที่ใช้: {exc}",
                    "เขียนเป็นตัวเลขเงินบาทที่ใช้ในครั้งนี้ เช่น spent: 18500 (ไม่ใช้เงินเขียน 0)",
                    f"spent is not an amount: {entry['spent']!r}")
            ok = False
    evidence: tuple[Evidence, ...] = ()
    if entry.get("evidence") is not None:
        evidence = _load_evidence(ctx, entry["evidence"], entry.line_of("evidence"), "evidence")
    if not ok or when is None:
        return None
    return Update(date=when, status=status, done_md=done, spent=spent, evidence=evidence,
                  source=SourceRef(ctx.errors.rel(ctx.path), line))


def _load_evidence(ctx: _Ctx, raw: Any, line: int, field: str) -> tuple[Evidence, ...]:
    if not isinstance(raw, LList):
        ctx.add(line, field, "หลักฐานต้องเป็นรายการที่ขึ้นต้นด้วย -",
                "เขียน - file: evidence/2569/ชื่อไฟล์.pdf แล้วบรรทัดถัดไป title: คำอธิบาย",
                f"{field} must be a list")
        return ()
    out: list[Evidence] = []
    for i, entry in enumerate(raw):
        at = raw.line_of(i)
        if not isinstance(entry, LDict):
            ctx.add(at, field, "หลักฐานแต่ละรายการต้องมี file หรือ link และ title",
                    "เขียน - file: evidence/2569/ภาพกิจกรรม.jpg แล้วบรรทัดถัดไป title: ภาพการอบรม",
                    f"{field} entry must be a mapping")
            continue
        check_keys(entry, EVIDENCE_KEYS, ctx.path, ctx.errors, where="หลักฐาน")
        title = _text(entry.get("title"))
        if not title:
            ctx.add(entry.line_of("title"), "title", "หลักฐานยังไม่มีคำอธิบาย (title)",
                    "เขียน title: ตามด้วยคำอธิบายสั้น ๆ เช่น ภาพการอบรม (ผู้อ่านที่ใช้โปรแกรมอ่านหน้าจอได้ยินคำนี้)",
                    "evidence has no title")
            continue
        file, link = _text(entry.get("file")), _text(entry.get("link"))
        if file:
            ev = _evidence_file(ctx, file, entry.line_of("file"), title)
            if ev:
                out.append(ev)
        elif link:
            if link.startswith(("http://", "https://")):
                ctx.add(entry.line_of("link"), "link", "หลักฐานอยู่นอกเว็บไซต์ของหน่วยงาน",
                        "ผู้ประเมิน ITA ต้องการหลักฐานบนเว็บไซต์ของหน่วยงานเอง: เก็บไฟล์ไว้ใน content/plan/evidence/ แล้วใช้ file:",
                        "evidence link is off-site", "warning")
                out.append(Evidence(title=title, url=link))
            elif link.startswith("/"):
                out.append(Evidence(title=title, url=link.strip("/") + ("/" if not Path(link).suffix else "")))
            else:
                ctx.add(entry.line_of("link"), "link", f"ลิงก์ “{link}” ต้องขึ้นต้นด้วย / (หน้าในเว็บไซต์นี้) หรือ https://",
                        "เช่น link: /basic/news/2569-01-15-อบรม/", f"bad evidence link {link!r}")
        else:
            ctx.add(entry.line_of("title"), field, "หลักฐานต้องมี file: (ไฟล์ใน content/plan/) หรือ link: (หน้าในเว็บไซต์)",
                    "เพิ่ม file: evidence/2569/ชื่อไฟล์.pdf", "evidence needs file or link")
    return tuple(out)


def _evidence_file(ctx: _Ctx, file: str, line: int, title: str) -> Evidence | None:
    if "://" in file:  # a link where the ITA wants a file on the portal (issue #8)
        check_internal_url(file, ctx.path, line, "file", ctx.errors)
        return None
    rel = file.replace("\\", "/").lstrip("/")
    for prefix in ("content/plan/", "plan/"):
        if rel.startswith(prefix) and not (ctx.folder / rel).exists():
            rel = rel[len(prefix):]
    path = ctx.folder / rel
    if path.is_file() and not path.resolve().is_relative_to(ctx.folder.resolve()):  # a symlink out (#8)
        ctx.add(line, "file", f"ไฟล์หลักฐาน “{file}” อยู่นอกโฟลเดอร์ content/plan/ (เป็นทางลัดที่ชี้ออกไปข้างนอก)",
                "คัดลอกไฟล์จริงมาไว้ในโฟลเดอร์ content/plan/evidence/ แล้วเขียนชื่อไฟล์ให้ตรง",
                f"evidence file {file!r} resolves outside content/plan/ (symlink)")
        return None
    if ".." in Path(rel).parts or not path.is_file():
        near = [p.relative_to(ctx.folder).as_posix() for p in iter_files(path.parent, path.suffix.lower() or ".pdf")] \
            if path.parent.is_dir() and ".." not in Path(rel).parts else []
        close = closest(rel, near, cutoff=0.5)
        ctx.add(line, "file", f"ไม่พบไฟล์หลักฐาน content/plan/{rel}",
                (f"หรือหมายถึง {close}? " if close else "")
                + "อัปโหลดไฟล์ไว้ในโฟลเดอร์ content/plan/ (เช่น content/plan/evidence/2569/) แล้วเขียนชื่อให้ตรงทุกตัวอักษร",
                f"evidence file content/plan/{rel} not found")
        return None
    return Evidence(title=title, url=f"files/plan/{rel}", path=f"plan/{rel}", size=path.stat().st_size)
