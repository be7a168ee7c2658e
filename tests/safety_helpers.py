"""Helpers for the robustness tests (issue #8): copy the example project, hash trees, run the CLI."""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def copy_project(dst: Path) -> Path:
    """A copy of the example project (content/, catalog/, mkdocs.yml) at ``dst``; no site/ or build/."""
    dst.mkdir(parents=True, exist_ok=True)
    for name in ("content", "catalog"):
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, dst / name, symlinks=True)
    shutil.copy(ROOT / "mkdocs.yml", dst / "mkdocs.yml")
    return dst


def hash_tree(folder: Path) -> dict[str, str]:
    """Every file (and symlink, by its target) under ``folder`` → sha256; folders listed too."""
    result: dict[str, str] = {}
    if not folder.exists():
        return result
    for dirpath, dirnames, filenames in os.walk(folder):
        d = Path(dirpath)
        for name in dirnames:
            p = d / name
            if p.is_symlink():
                result[p.relative_to(folder).as_posix()] = "link:" + os.readlink(p)
            else:
                result[p.relative_to(folder).as_posix() + "/"] = "dir"
        for name in filenames:
            p = d / name
            rel = p.relative_to(folder).as_posix()
            if p.is_symlink():
                result[rel] = "link:" + os.readlink(p)
            else:
                result[rel] = hashlib.sha256(p.read_bytes()).hexdigest()
    return result


def run_cli(*args: str) -> tuple[int, str, str]:
    """``prongsai <args>`` in-process: (exit code, stdout, stderr)."""
    from generator.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            rc = main(list(args))
        except SystemExit as exc:  # argparse
            rc = int(exc.code or 0)
    return rc, out.getvalue(), err.getvalue()


def thai_id(first12: str) -> str:
    """Complete 12 digits with the mod-11 check digit of a Thai national ID (independent of the
    code under test)."""
    total = sum(int(d) * (13 - i) for i, d in enumerate(first12))
    return first12 + str((11 - total % 11) % 10)
