"""The ``prongsai`` command.

Subcommands: build, check, serve, new, build-all, catalog import. Messages for staff are in
Thai, with an English line for developers; errors exit non-zero without a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from .errors import Problem, ProngsaiError, ValidationFailed, format_problems, in_github_actions


def _print_problems(problems: list[Problem]) -> None:
    print(format_problems(problems), file=sys.stderr)
    if in_github_actions():
        for p in problems:
            print(p.github_annotation())


def cmd_build(args: argparse.Namespace) -> int:
    from .build import build

    result = build(Path(args.root), Path(args.out) if args.out else None, strict=args.strict)
    n = len(result.pages)
    total = sum(result.timings.values())
    print(f"สร้างเว็บไซต์เสร็จ: {n} หน้า ใน {total:.1f} วินาที → {result.out}")
    print(f"(built {n} pages in {total:.1f}s: " + ", ".join(f"{k} {v:.2f}s" for k, v in result.timings.items()) + ")")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from .build import validate

    site, errors = validate(Path(args.root).resolve())
    warnings = errors.problems  # validate() raised already if any of them was an error
    if warnings:
        _print_problems(warnings)
        print(f"ตรวจแล้ว ไม่พบข้อผิดพลาด มีคำเตือน {len(warnings)} รายการที่ควรแก้ (no errors, {len(warnings)} warning(s))")
    else:
        print("ตรวจแล้ว ไม่พบข้อผิดพลาดหรือคำเตือน (no errors, no warnings)")
    if getattr(args, "ita", None):
        from .ita.report import run_check

        return run_check(site, args.ita, args.strict, Path(args.json) if args.json else None)
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    from .scaffold import new_project

    dest = new_project(Path(args.dir), args.name, args.type)
    print(f"สร้างโครงการเว็บไซต์ใหม่ที่ {dest} แล้ว ต่อไป: cd {dest} && prongsai build")
    print(f"(created {dest}; next: cd {dest} && prongsai build)")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from .serve import serve

    serve(Path(args.root), host=args.host, port=args.port)
    return 0


def cmd_build_all(args: argparse.Namespace) -> int:
    from .build_all import build_all

    outcomes = build_all([Path(p) for p in args.projects], Path(args.out), jobs=args.jobs, force=args.force)
    for o in outcomes:
        label = {"built": "สร้างใหม่", "skipped": "ไม่เปลี่ยนแปลง ข้าม", "failed": "ล้มเหลว"}[o.status]
        print(f"{o.project}: {label} ({o.status}{f', {o.seconds:.1f}s' if o.seconds else ''})")
        if o.message:
            print(o.message, file=sys.stderr)
    counts = {s: sum(1 for o in outcomes if o.status == s) for s in ("built", "skipped", "failed")}
    print(f"สร้าง {counts['built']} ข้าม {counts['skipped']} ล้มเหลว {counts['failed']} "
          f"(built {counts['built']}, skipped {counts['skipped']}, failed {counts['failed']})")
    return 1 if counts["failed"] else 0


def cmd_catalog(args: argparse.Namespace) -> int:
    from .catalog.commands import cmd_catalog as run

    return run(args)


COMMANDS: dict[str, tuple[Callable[[argparse.Namespace], int], str]] = {
    "catalog": (cmd_catalog, "คลังตัวอย่างโครงการ: prongsai catalog import PATH [--force]"),
    "new": (cmd_new, "สร้างโครงการเว็บไซต์ของหน่วยงานใหม่ พร้อมโครงข้อมูลทุกหัวข้อและ GitHub Actions (scaffold)"),
    "serve": (cmd_serve, "แสดงตัวอย่างเว็บไซต์ที่เครื่องนี้ และสร้างใหม่ทุกครั้งที่บันทึกไฟล์ (live preview)"),
    "build-all": (cmd_build_all, "สร้างเว็บไซต์ของหลายหน่วยงานพร้อมกัน ข้ามหน่วยงานที่ข้อมูลไม่เปลี่ยน (many municipalities)"),
    "build": (cmd_build, "ตรวจข้อมูลแล้วสร้างเว็บไซต์ลงโฟลเดอร์ site/ (validate, generate, render, check)"),
    "check": (cmd_check, "ตรวจข้อมูลใน content/ โดยไม่สร้างเว็บไซต์ (validate only)"),
}


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="prongsai", description="Prongsai (โปร่งใส): เว็บไซต์เปิดเผยข้อมูลสำหรับองค์กรปกครองส่วนท้องถิ่น"
    )
    parser.add_argument("--root", default=".", help="โฟลเดอร์โครงการที่มี content/ (project folder)")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("build", help=COMMANDS["build"][1])
    p.add_argument("--strict", action="store_true", help="ถือว่าคำเตือนเป็นข้อผิดพลาด และตรวจลิงก์ทุกลิงก์")
    p.add_argument("--out", help="โฟลเดอร์ผลลัพธ์ (default: site/)")
    p = sub.add_parser("check", help=COMMANDS["check"][1])
    p.add_argument("--ita", type=int, metavar="YEAR", help="แสดงสถานะรายการ ITA/OIT ของปีการประเมิน (พ.ศ.) เช่น 2569")
    p.add_argument("--strict", action="store_true", help="กับ --ita: จบด้วยรหัสผิดพลาดถ้ามีข้อที่ยังไม่ครบ (for CI)")
    p.add_argument("--json", metavar="PATH", help="กับ --ita: ที่บันทึกรายงาน JSON (default: build/ita-YEAR.json)")
    p = sub.add_parser("new", help=COMMANDS["new"][1])
    p.add_argument("dir", help="โฟลเดอร์ใหม่ที่จะสร้าง (must not exist or be empty)")
    p.add_argument("--name", required=True, help="ชื่อหน่วยงาน เช่น หนองบัว หรือ องค์การบริหารส่วนตำบลหนองบัว")
    p.add_argument("--type", required=True, help="ประเภท: เทศบาลนคร, เทศบาลเมือง, เทศบาลตำบล, อบต., อบจ.")
    p = sub.add_parser("serve", help=COMMANDS["serve"][1])
    p.add_argument("--host", default="127.0.0.1", help="ที่อยู่ที่ให้บริการ (default: 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="พอร์ต (default: 8000)")
    p = sub.add_parser("build-all", help=COMMANDS["build-all"][1])
    p.add_argument("projects", nargs="+", help="โฟลเดอร์โครงการของแต่ละหน่วยงาน (each has content/)")
    p.add_argument("--out", required=True, help="โฟลเดอร์ผลลัพธ์ แต่ละหน่วยงานได้โฟลเดอร์ย่อยของตัวเอง")
    p.add_argument("--jobs", type=int, default=None, help="จำนวนโปรเซสพร้อมกัน (default: จำนวนแกนประมวลผล)")
    p.add_argument("--force", action="store_true", help="สร้างใหม่ทุกหน่วยงานแม้ข้อมูลไม่เปลี่ยน")
    from .catalog.commands import add_parser as add_catalog_parser

    add_catalog_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one ``prongsai`` command; the exit code is 0 on success."""
    args = make_parser().parse_args(argv)
    handler = COMMANDS[args.command][0]
    try:
        return handler(args)
    except ValidationFailed as exc:
        _print_problems(exc.problems)
        if args.command in ("build", "serve"):
            print("ยังไม่ได้สร้างเว็บไซต์ เว็บไซต์เดิมใน site/ ยังอยู่ครบ (build stopped; site/ untouched)", file=sys.stderr)
        return 1
    except ProngsaiError as exc:
        print(f"ข้อผิดพลาด: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:  # Ctrl-C: say what state things are in, not a traceback
        if args.command == "build":
            print("หยุดการสร้างเว็บไซต์แล้ว เว็บไซต์เดิมใน site/ ยังอยู่ครบ (interrupted; site/ untouched)",
                  file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
