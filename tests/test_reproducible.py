"""Reproducible: two builds of the same input give a byte-identical site/.

The second copy is made in the opposite order, in another folder, with other file times, so that
neither directory-listing order, absolute paths nor modification times can leak into the output.
SOURCE_DATE_EPOCH is fixed by conftest.py (the Makefile sets it from the last commit).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from safety_helpers import ROOT, copy_project, hash_tree, run_cli


def _copy_reversed(dst: Path) -> Path:
    dst.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", dst / "mkdocs.yml")
    for top in ("catalog", "content"):
        src = ROOT / top
        for p in sorted(src.rglob("*"), reverse=True):
            target = dst / top / p.relative_to(src)
            if p.is_symlink():
                continue  # the example content has none
            if p.is_dir():
                target.mkdir(parents=True, exist_ok=True)
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(p, target)
                os.utime(target, (1_000_000_000, 1_000_000_000))
    return dst


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    a = copy_project(tmp_path / "first-unique-folder")
    b = _copy_reversed(tmp_path / "second-ที่สอง")
    assert hash_tree(a / "content") == hash_tree(b / "content")
    for root in (a, b):
        rc, _, err = run_cli("--root", str(root), "build")
        assert rc == 0, err
    ha, hb = hash_tree(a / "site"), hash_tree(b / "site")
    assert len(ha) > 10 and "sitemap.xml.gz" in ha
    differ = sorted(k for k in ha.keys() | hb.keys() if ha.get(k) != hb.get(k))
    assert differ == [], f"files that differ between two builds: {differ[:20]}"
    # And a rebuild in place gives the same bytes again.
    rc, _, err = run_cli("--root", str(a), "build")
    assert rc == 0, err
    assert hash_tree(a / "site") == ha
    # No absolute path of the project reaches the published files.
    leaks = [p.relative_to(a).as_posix() for p in (a / "site").rglob("*")
             if p.is_file() and b"first-unique-folder" in p.read_bytes()]
    assert leaks == []

