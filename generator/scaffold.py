"""``prongsai new DIR --name NAME --type TYPE``: a new municipality's repository, ready to build.

It writes the content skeleton (every area and item, each folder with a short Thai README saying
what belongs there and a copyable example), the settings, the organisation profile with the new
name and the words of its type, the GitHub Actions workflows and a README for staff. Nothing
else is needed for ``prongsai build`` to succeed inside DIR; every page carries the new name.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from . import __version__
from .content.organisation import find_org_type, org_types
from .errors import ProngsaiError
from .framework import Item, load_framework
from .model import OrgType


def _template(name: str) -> str:
    return resources.files("generator").joinpath(f"data/scaffold/{name}").read_text("utf-8")


def full_name(name: str, org_type: OrgType) -> str:
    """"หนองบัว" with type อบต. → "องค์การบริหารส่วนตำบลหนองบัว"; a full name stays as it is."""
    name = name.strip()
    for prefix in (org_type.full_name, org_type.short, org_type.id):
        if prefix and name.startswith(prefix):
            name = name[len(prefix):].strip()
    return f"{org_type.full_name}{name}"


def _item_readme(item: Item, area_title: str) -> str:
    example_name = "2569-10-15-ตัวอย่าง.md"
    kind_note = {
        "dataset": "หัวข้อนี้แสดงเป็นตารางจากไฟล์ข้อมูลใน `content/data/` ด้วย (ดู `content/data/README.md`) "
        "โฟลเดอร์นี้ใช้เก็บเอกสารประกอบ เช่น ฉบับสแกนที่ลงนามแล้ว\n\n",
        "profile": "ข้อมูลหลักของหัวข้อนี้มาจาก `content/organisation.yml` "
        "โฟลเดอร์นี้ใช้เก็บเอกสารเพิ่มเติม (ถ้ามี)\n\n",
        "plan": "ข้อมูลหลักของหัวข้อนี้สร้างจากแผนใน `content/plan/` (ดู `content/plan/README.md`) "
        "โฟลเดอร์นี้ใช้เก็บเอกสารประกอบ (ถ้ามี)\n\n",
    }.get(item.kind, "")
    return (
        f"# {item.title}\n\n"
        f"ด้าน: {area_title} · หน้าเว็บ: `/{item.url}`\n\n"
        f"{item.intro}\n\n{kind_note}"
        "## เพิ่มเอกสาร\n\n"
        f"สร้างไฟล์ใหม่ในโฟลเดอร์นี้ เช่น `{example_name}` (ชื่อไฟล์ภาษาไทยได้) แล้ววางข้อความนี้ "
        "แก้ชื่อเรื่องและวันที่ (ปี พ.ศ.) แล้วอัปโหลดไฟล์ PDF ไว้ในโฟลเดอร์เดียวกัน:\n\n"
        "```markdown\n---\n"
        f"title: {item.title} ประจำปีงบประมาณ พ.ศ. 2569\n"
        "date: 2569-10-15\n"
        "files:\n  - file: เอกสาร.pdf\n    title: ฉบับลงนาม\n---\n```\n\n"
        "ไฟล์ README.md นี้เป็นคำอธิบาย ไม่แสดงบนเว็บไซต์\n"
    )


def new_project(dest: Path, name: str, type_text: str) -> Path:
    """Create the repository at ``dest``; refuse to touch a folder that already has files."""
    org_type = find_org_type(type_text)
    if org_type is None:
        raise ProngsaiError(
            f"ไม่รู้จักประเภทหน่วยงาน “{type_text}” เลือกจาก: {', '.join(org_types())}"
            f" (unknown type {type_text!r})"
        )
    if dest.exists() and any(dest.iterdir()):
        raise ProngsaiError(
            f"โฟลเดอร์ {dest} มีไฟล์อยู่แล้ว เลือกโฟลเดอร์ใหม่ที่ยังว่าง (refusing to write into a non-empty folder)"
        )
    org_name = full_name(name, org_type)
    values = {
        "name": org_name,
        "type": org_type.id,
        "executive": org_type.executive,
        "permanent_head": org_type.permanent_head,
        "ordinance": org_type.ordinance,
        "version": __version__,
    }
    files: dict[str, str] = {
        "content/site.yml": _template("site.yml"),
        "content/organisation.yml": _template("organisation.yml"),
        "content/news/README.md": _template("news-README.md"),
        "content/data/README.md": _template("data-README.md"),
        "content/plan/README.md": _template("plan-README.md"),
        "content/ita/README.md": _template("ita-README.md"),
        "README.md": _template("README.md"),
        "requirements.txt": _template("requirements.txt"),
        "mkdocs.yml": _template("mkdocs.yml"),
        ".gitignore": "site/\nbuild/\n.venv/\n__pycache__/\n",
        ".github/workflows/pull-request.yml": _template("github/pull-request.yml"),
        ".github/workflows/publish.yml": _template("github/publish.yml"),
    }
    for area in load_framework().areas:
        for item in area.items:
            files[f"content/documents/{item.id}/README.md"] = _item_readme(item, area.title)
    for rel, text in sorted(files.items()):
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        for key, value in values.items():
            text = text.replace("{{" + key + "}}", value)
        target.write_text(text, encoding="utf-8")
    return dest
