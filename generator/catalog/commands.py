"""``prongsai catalog import PATH [--force]``: the catalog's command-line part."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

HELP = "คลังตัวอย่างโครงการ: นำเข้าจากข้อความคู่มือ ป.ป.ช. (catalog import PATH)"


def add_parser(sub: Any) -> None:
    """Register ``catalog import`` on the main parser's subparsers."""
    p = sub.add_parser("catalog", help=HELP)
    csub = p.add_subparsers(dest="catalog_command", required=True)
    imp = csub.add_parser(
        "import", help="อ่านข้อความคู่มือ (.txt ที่แปลงจาก PDF) แล้วเขียน catalog/framework.yml และ catalog/projects/*.yml"
    )
    imp.add_argument("path", help="ไฟล์ข้อความคู่มือ (seed text)")
    imp.add_argument("--force", action="store_true",
                     help="เขียนทับไฟล์ที่ถูกแก้ไขด้วยมือหลังการนำเข้าครั้งล่าสุด (overwrite hand edits)")


def cmd_catalog(args: argparse.Namespace) -> int:
    from .importer import import_catalog

    folder = Path(args.root).resolve() / "catalog"
    folder.mkdir(exist_ok=True)
    result = import_catalog(Path(args.path), folder, force=args.force)
    for note in result.warnings:
        print(f"หมายเหตุจากต้นฉบับ (seed note): {note}")
    for rel in result.overwritten_edits:
        print(f"เขียนทับการแก้ไขด้วยมือ (--force): catalog/{rel}")
    for rel in result.stale:
        print(f"ไฟล์นี้ไม่มีในการนำเข้าครั้งนี้ ไม่ได้ลบ ตรวจดูเอง: catalog/{rel}")
    print(f"นำเข้าคลังตัวอย่างโครงการแล้ว: เขียน {len(result.written)} ไฟล์ ไม่เปลี่ยน {len(result.unchanged)} ไฟล์ "
          f"(wrote {len(result.written)}, unchanged {len(result.unchanged)})")
    return 0
