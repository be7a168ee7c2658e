"""``prongsai catalog import``: same seed → same bytes as the committed catalog; hand edits are
never overwritten silently."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from paths import ROOT, SEED

from generator.catalog.importer import MANIFEST, ImportRefused, import_catalog
from generator.cli import main

pytestmark = pytest.mark.skipif(not SEED.exists(), reason="seed text not available")

COMMITTED = ROOT / "catalog"


def imported_files(folder: Path) -> dict[str, bytes]:
    paths = [folder / "framework.yml", folder / MANIFEST, *sorted((folder / "projects").glob("*.yml"))]
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in paths}


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("import") / "catalog"
    folder.mkdir()
    result = import_catalog(SEED, folder)
    assert len(result.written) == 63 and not result.unchanged
    return folder


def test_import_gives_the_committed_catalog_byte_for_byte(fresh: Path) -> None:
    assert imported_files(fresh) == imported_files(COMMITTED)


def test_reimport_is_a_no_op(fresh: Path, tmp_path: Path) -> None:
    folder = tmp_path / "catalog"
    shutil.copytree(fresh, folder)
    before = imported_files(folder)
    result = import_catalog(SEED, folder)
    assert result.written == [] and len(result.unchanged) == 63
    assert imported_files(folder) == before


def test_reimport_refuses_to_overwrite_a_hand_correction(fresh: Path, tmp_path: Path) -> None:
    folder = tmp_path / "catalog"
    shutil.copytree(fresh, folder)
    edited = folder / "projects" / "2.2.2-01.yml"
    corrected = edited.read_text("utf-8").replace("name: มาตรการ No Gift Policy", "name: มาตรการไม่รับของขวัญ (No Gift Policy)")
    edited.write_text(corrected, "utf-8")
    # a file the importer last wrote and nobody touched, but whose import output changes, is fine
    other = folder / "projects" / "1.1.1-01.yml"
    other.write_text(other.read_text("utf-8") + "\n", "utf-8")
    manifest = (folder / MANIFEST).read_text("utf-8")
    with pytest.raises(ImportRefused) as info:
        import_catalog(SEED, folder)
    conflicts = dict(info.value.conflicts)
    assert set(conflicts) == {"projects/2.2.2-01.yml", "projects/1.1.1-01.yml"}
    assert "\n-name: มาตรการไม่รับของขวัญ (No Gift Policy)\n" in conflicts["projects/2.2.2-01.yml"]
    assert "\n+name: มาตรการ No Gift Policy\n" in conflicts["projects/2.2.2-01.yml"]
    assert "--force" in str(info.value)
    # nothing was written: the correction and the manifest are intact
    assert edited.read_text("utf-8") == corrected
    assert (folder / MANIFEST).read_text("utf-8") == manifest
    # --force overwrites, and says which files
    result = import_catalog(SEED, folder, force=True)
    assert sorted(result.overwritten_edits) == ["projects/1.1.1-01.yml", "projects/2.2.2-01.yml"]
    assert imported_files(folder) == imported_files(fresh)


def test_untouched_files_are_replaced_when_the_import_changes(fresh: Path, tmp_path: Path) -> None:
    """A file still as the importer wrote it (hash in the manifest) may be replaced."""
    folder = tmp_path / "catalog"
    shutil.copytree(fresh, folder)
    target = folder / "projects" / "4.3.2-01.yml"
    old = "# an older import\n" + target.read_text("utf-8")
    target.write_text(old, "utf-8")
    import hashlib
    import json

    manifest = json.loads((folder / MANIFEST).read_text("utf-8"))
    manifest["files"]["projects/4.3.2-01.yml"] = hashlib.sha256(old.encode()).hexdigest()
    (folder / MANIFEST).write_text(json.dumps(manifest), "utf-8")
    result = import_catalog(SEED, folder)
    assert result.written == ["projects/4.3.2-01.yml"]
    assert imported_files(folder) == imported_files(fresh)


def test_cli_refusal_exits_nonzero_and_prints_the_diff(fresh: Path, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "project"
    shutil.copytree(fresh, root / "catalog")
    path = root / "catalog" / "framework.yml"
    path.write_text(path.read_text("utf-8").replace("วัฒนธรรมสุจริต\n", "วัฒนธรรมสุจริต (แก้)\n"), "utf-8")
    assert main(["--root", str(root), "catalog", "import", str(SEED)]) == 1
    err = capsys.readouterr().err
    assert "catalog/framework.yml" in err
    assert "-  title: การสร้างวัฒนธรรมสุจริต (แก้)" in err and "+  title: การสร้างวัฒนธรรมสุจริต\n" in err
    assert main(["--root", str(root), "catalog", "import", str(SEED), "--force"]) == 0
    assert "(แก้)" not in path.read_text("utf-8")


def test_the_example_municipality_is_found_in_the_seed_not_named_in_code() -> None:
    from generator.catalog.seed import example_name

    text = SEED.read_text("utf-8")
    name = example_name(text)
    assert name is not None and name.startswith("เทศบาลตำบล")
    assert text.count(name) > 100
    code = "".join(p.read_text("utf-8") for p in (ROOT / "generator").rglob("*.py"))
    assert name not in code
    catalog = "".join(p.read_text("utf-8") for p in (ROOT / "catalog" / "projects").glob("*.yml"))
    assert name not in catalog
