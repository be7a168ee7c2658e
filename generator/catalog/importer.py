"""``prongsai catalog import PATH``: write the parsed seed into ``catalog/`` as YAML.

Deterministic: the same seed gives the same bytes (fixed field order, no dates, no dict-order
surprises). Safe to rerun over a reviewed catalog: ``import-manifest.json`` keeps the SHA-256
of every file as the importer last wrote it; a file whose bytes differ from that was corrected
by hand, and the import refuses to overwrite it (showing a unified diff) unless ``force``.
Nothing is written unless everything can be.
"""

from __future__ import annotations

import difflib
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import ProngsaiError
from .model import TEXT_FIELDS
from .seed import SHARED_SUB_OBJECTIVES, SeedCatalog, SeedProject, parse_seed

MANIFEST = "import-manifest.json"
FRAMEWORK = "framework.yml"

_PROJECT_HEADER = """\
# ตัวอย่าง{kind}จากคู่มือของสำนักงาน ป.ป.ช. — รหัส {id} (ห้ามเปลี่ยนรหัส)
# แก้ข้อความได้ รูปแบบอธิบายใน catalog/README.md; {{{{...}}}} คือช่องที่แต่ละหน่วยงานกรอกเอง
"""

_FRAMEWORK_HEADER = """\
# กรอบการจัดทำแผนปฏิบัติการป้องกันการทุจริต พ.ศ. 2566 – 2570: มิติ → วัตถุประสงค์ → วัตถุประสงค์ย่อย
# count = จำนวนตัวอย่างโครงการตามตารางสรุปของคู่มือ ป.ป.ช. (ข้อ 3.2.x ตารางไม่ได้แยกจำนวน)
# สร้างด้วย prongsai catalog import — รูปแบบอธิบายใน catalog/README.md
"""


def _scalar(key: str, value: Any) -> str:
    """One ``key: value`` line, quoted by PyYAML only where YAML needs it."""
    return yaml.safe_dump({key: value}, allow_unicode=True, width=10**6, sort_keys=False)


def _block(key: str, text: str) -> str:
    """A literal block scalar: the Markdown reads in the web editor as it will on the page."""
    lines = [f"  {ln}" if ln else "" for ln in text.split("\n")]
    return f"{key}: |\n" + "\n".join(lines) + "\n"


def project_yaml(p: SeedProject) -> str:
    out = [_PROJECT_HEADER.format(kind=p.kind, id=p.id)]
    out.append(_scalar("id", p.id))
    out.append(_scalar("kind", p.kind))
    out.append(_scalar("sub_objective", p.sub_objective))
    also = SHARED_SUB_OBJECTIVES.get(p.sub_objective)
    if also:
        out.append(_scalar("also_sub_objectives", list(also)).replace("\n- ", "\n  - "))
    out.append(_scalar("seed_line", p.line))
    out.append(_scalar("name", p.name))
    for key, _ in TEXT_FIELDS:
        out.append(_block(key, p.fields[key]))
    return "".join(out)


def framework_yaml(sc: SeedCatalog) -> str:
    dims: list[dict[str, Any]] = []
    for d in sc.dimensions:
        objs: list[dict[str, Any]] = []
        for o in sc.objectives:
            if o.id.split(".")[0] != d.id:
                continue
            subs: list[dict[str, Any]] = []
            for s in sc.sub_objectives:
                if s.id.rsplit(".", 1)[0] == o.id:
                    entry: dict[str, Any] = {"id": s.id, "title": s.title}
                    if s.count is not None:
                        entry["count"] = s.count
                    subs.append(entry)
            objs.append({"id": o.id, "title": o.title, "count": o.count, "sub_objectives": subs})
        dims.append({"id": d.id, "title": d.title, "count": d.count, "objectives": objs})
    body = yaml.safe_dump({"dimensions": dims}, allow_unicode=True, width=10**6, sort_keys=False)
    return _FRAMEWORK_HEADER + body


def render_catalog(seed_text: str) -> tuple[dict[str, str], list[str]]:
    """The files the importer writes (catalog-relative path → text) and the parser's notes."""
    sc = parse_seed(seed_text)
    files = {FRAMEWORK: framework_yaml(sc)}
    for p in sc.projects:
        files[f"projects/{p.id}.yml"] = project_yaml(p)
    return files, sc.warnings


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class ImportResult:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    overwritten_edits: list[str] = field(default_factory=list)  # only with force
    stale: list[str] = field(default_factory=list)  # imported before, no longer produced
    warnings: list[str] = field(default_factory=list)


@dataclass
class ImportRefused(ProngsaiError):
    """Files corrected by hand since the last import: (path, unified diff to what import writes)."""

    conflicts: list[tuple[str, str]]

    def __str__(self) -> str:
        parts = [
            f"ไม่ได้นำเข้า: มี {len(self.conflicts)} ไฟล์ที่ถูกแก้ไขด้วยมือหลังการนำเข้าครั้งล่าสุด "
            "(the catalog has hand edits since the last import; nothing was written)"
        ]
        for path, diff in self.conflicts:
            parts.append(f"--- {path}\n{diff}")
        parts.append(
            "วิธีแก้: ถ้าการแก้ไขนั้นถูกต้อง ให้คงไว้และไม่ต้องนำเข้าใหม่ (หรือแก้ต้นฉบับให้ตรงกัน); "
            "ถ้าต้องการเขียนทับการแก้ไขจริง ๆ ให้สั่งอีกครั้งพร้อม --force"
        )
        return "\n".join(parts)


def read_manifest(folder: Path) -> dict[str, str]:
    path = folder / MANIFEST
    if not path.exists():
        return {}
    data = json.loads(path.read_text("utf-8"))
    files = data.get("files", {}) if isinstance(data, dict) else {}
    return {str(k): str(v) for k, v in files.items()}


def import_catalog(seed: Path, folder: Path, force: bool = False) -> ImportResult:
    """Parse ``seed`` and write ``folder`` (``catalog/``); refuse to clobber hand edits."""
    seed_bytes = seed.read_bytes()
    files, warnings = render_catalog(seed_bytes.decode("utf-8"))
    manifest = read_manifest(folder)
    result = ImportResult(warnings=warnings)
    conflicts: list[tuple[str, str]] = []
    to_write: dict[str, bytes] = {}
    for rel, text in files.items():
        new = text.encode("utf-8")
        target = folder / rel
        if not target.exists():
            to_write[rel] = new
            continue
        current = target.read_bytes()
        if current == new:
            result.unchanged.append(rel)
            continue
        if manifest.get(rel) == sha256(current):
            to_write[rel] = new  # untouched since the last import: safe to replace
            continue
        diff = "".join(
            difflib.unified_diff(
                current.decode("utf-8", "replace").splitlines(keepends=True),
                text.splitlines(keepends=True),
                fromfile=f"catalog/{rel} (ปัจจุบัน / current)",
                tofile=f"catalog/{rel} (จากการนำเข้า / import)",
            )
        )
        conflicts.append((rel, diff))
        if force:
            to_write[rel] = new
            result.overwritten_edits.append(rel)
    if conflicts and not force:
        raise ImportRefused(conflicts)
    result.stale = sorted(set(manifest) - set(files))
    for rel, data in sorted(to_write.items()):
        target = folder / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        result.written.append(rel)
    new_manifest = {
        "about": "SHA-256 of each file as `prongsai catalog import` last wrote it; do not edit",
        "seed_sha256": sha256(seed_bytes),
        "files": {rel: sha256(text.encode("utf-8")) for rel, text in sorted(files.items())},
    }
    (folder / MANIFEST).write_text(
        json.dumps(new_manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n", "utf-8"
    )
    return result
