"""No command deletes or rewrites what staff wrote: content/ and catalog/ are hashed before and
after every command (successful or failed) and must be byte-for-byte the same."""

from __future__ import annotations

from pathlib import Path

import pytest
from safety_helpers import ROOT, copy_project, hash_tree, run_cli

SEED = ROOT.parent / "shared" / "seeds" / "000_d1b957405c320544.txt"


def _staff(root: Path) -> dict[str, str]:
    return {f"{top}/{k}": v for top in ("content", "catalog") for k, v in hash_tree(root / top).items()}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("staff") / "p")


def _commands(root: Path, tmp: Path) -> list[list[str]]:
    commands = [
        ["check"],
        ["check", "--ita", "2569"],
        ["build", "--strict"],
        ["build"],
        ["build", "--out", str(tmp / "elsewhere")],
        ["build-all", str(root), "--out", str(tmp / "all"), "--jobs", "1"],
        ["new", str(root), "--name", "ดอนตัวอย่าง", "--type", "เทศบาลตำบล"],  # refuses: not empty
        ["new", str(tmp / "another"), "--name", "นาสมมุติ", "--type", "อบต."],
    ]
    if SEED.is_file():
        commands.append(["catalog", "import", str(SEED)])  # re-import of the same seed
    return commands


def test_no_command_changes_staff_files(project: Path, tmp_path: Path) -> None:
    before = _staff(project)
    assert any(k.startswith("content/") for k in before) and any(k.startswith("catalog/") for k in before)
    for command in _commands(project, tmp_path):
        rc, _, err = run_cli("--root", str(project), *command)
        after = _staff(project)
        changed = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
        assert changed == [], f"`prongsai {' '.join(command)}` (exit {rc}) changed {changed[:10]}\n{err[-2000:]}"


def test_failed_commands_change_nothing_either(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "p")
    bad = root / "content" / "documents" / "operation-plan" / "แผน.md"
    bad.parent.mkdir(parents=True, exist_ok=True)
    bad.write_bytes("---\ntitle: แผน\ndate: 2569-02-31\nfiles: [ไม่มี.pdf\n---\n<script>x</script>\n".encode())
    before = _staff(root)
    for command in (["check"], ["build"], ["build", "--strict"]):
        rc, _, err = run_cli("--root", str(root), *command)
        assert rc == 1, err
        assert _staff(root) == before, command
    assert not (root / "site").exists()


def test_catalog_import_keeps_hand_edits(tmp_path: Path) -> None:
    if not SEED.is_file():
        pytest.skip("seed text not available")
    root = copy_project(tmp_path / "p")
    projects = sorted((root / "catalog" / "projects").glob("*.yml"))
    assert projects
    edited = projects[0]
    edited.write_text(edited.read_text("utf-8") + "# แก้ไขด้วยมือโดยเจ้าหน้าที่\n", "utf-8")
    before = _staff(root)
    rc, out, err = run_cli("--root", str(root), "catalog", "import", str(SEED))
    assert _staff(root) == before, f"exit {rc}\n{out}\n{err}"
