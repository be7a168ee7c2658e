"""Nothing lost: a failed build leaves the previous site/ byte-for-byte as it was."""

from __future__ import annotations

import importlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from safety_helpers import copy_project, hash_tree, run_cli

from generator import publish

build_module = importlib.import_module("generator.build")


@pytest.fixture(scope="module")
def built_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("atomic") / "p")
    rc, _, err = run_cli("--root", str(root), "build")
    assert rc == 0, err
    assert (root / "site" / "index.html").is_file()
    return root


@pytest.fixture
def built(built_once: Path, tmp_path: Path) -> Path:
    """A copy of the example project with a good site/ already built."""
    root = tmp_path / "p"
    shutil.copytree(built_once, root, symlinks=True)
    return root


def _leftovers(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if p.name.startswith("site."))


def test_broken_yaml_fails_naming_the_file_and_site_stays(built: Path) -> None:
    """What `make site` runs, as a real process: exit 1, the file's name, site/ untouched."""
    before = hash_tree(built / "site")
    assert before
    site_yml = built / "content" / "site.yml"
    site_yml.write_text(site_yml.read_text("utf-8") + "  broken: [unclosed\n", "utf-8")
    proc = subprocess.run(
        [str(Path(sys.executable).with_name("prongsai")), "--root", str(built), "build"],
        capture_output=True, text=True, env={**os.environ, "GITHUB_ACTIONS": ""}, timeout=300,
    )
    assert proc.returncode == 1
    assert "content/site.yml:" in proc.stderr and "YAML" in proc.stderr
    assert "site/ untouched" in proc.stderr and "Traceback" not in proc.stderr
    assert hash_tree(built / "site") == before
    assert _leftovers(built) == []


def test_failure_while_rendering_keeps_the_site(built: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = hash_tree(built / "site")

    def half_render(site: object, pages: object, files: object, out: Path, work: Path, strict: bool = False,
                    on_page: object = None) -> Path:
        (out / "index.html").write_text("half-written", "utf-8")
        raise RuntimeError("disk full")

    monkeypatch.setattr(build_module, "render", half_render)
    with pytest.raises(RuntimeError):
        build_module.build(built)
    assert hash_tree(built / "site") == before
    assert _leftovers(built) == []


def test_ctrl_c_during_the_render_keeps_the_site_and_says_so(built: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C mid-build: exit 130 with a Thai line saying site/ is untouched, no traceback, and
    nothing left behind."""
    before = hash_tree(built / "site")

    def interrupted(site: object, pages: object, files: object, out: Path, work: Path, strict: bool = False,
                    on_page: object = None) -> Path:
        (out / "index.html").write_text("half-written", "utf-8")
        raise KeyboardInterrupt

    monkeypatch.setattr(build_module, "render", interrupted)
    rc, _, err = run_cli("--root", str(built), "build")
    assert rc == 130
    assert "site/ ยังอยู่ครบ" in err and "Traceback" not in err
    assert hash_tree(built / "site") == before
    assert _leftovers(built) == []


def test_crash_between_the_two_renames_restores_the_site(built: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = hash_tree(built / "site")
    real_replace = os.replace
    calls = []

    def flaky_replace(src: str | Path, dst: str | Path) -> None:
        calls.append((Path(src).name, Path(dst).name))
        if len(calls) == 2:  # site → site.old worked; site.new-* → site fails
            raise OSError("power cut")
        real_replace(src, dst)

    monkeypatch.setattr(publish.os, "replace", flaky_replace)
    with pytest.raises(OSError):
        build_module.build(built)
    assert hash_tree(built / "site") == before
    assert _leftovers(built) == []


def test_an_interrupted_swap_is_recovered_not_deleted(tmp_path: Path) -> None:
    """A swap killed between its renames leaves only site.old: the next publish must not delete it."""
    live, old = tmp_path / "site", tmp_path / "site.old"
    old.mkdir()
    (old / "index.html").write_text("last good site", "utf-8")
    with pytest.raises(OSError):
        publish.swap_in(tmp_path / "does-not-exist", live)
    assert (live / "index.html").read_text("utf-8") == "last good site"
    new = tmp_path / "site.new"
    new.mkdir()
    (new / "index.html").write_text("new", "utf-8")
    publish.swap_in(new, live)
    assert (live / "index.html").read_text("utf-8") == "new" and not old.exists() and not new.exists()


def test_published_site_is_readable_by_a_web_server(built: Path) -> None:
    umask = os.umask(0)
    os.umask(umask)
    assert (built / "site").stat().st_mode & 0o777 == 0o777 & ~umask


def test_every_staff_error_stops_before_anything_is_written(built: Path) -> None:
    """Validation problems are all reported in one run, and site/ is not touched."""
    before = hash_tree(built / "site")
    (built / "content" / "site.yml").write_text("portal:\n  fiscal_year: 2025\n  colour: red\n", "utf-8")
    rc, _, err = run_cli("--root", str(built), "build")
    assert rc == 1
    assert "content/site.yml:2 [portal.fiscal_year]" in err and "content/site.yml:3 [portal.colour]" in err
    assert hash_tree(built / "site") == before

