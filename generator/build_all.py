"""``prongsai build-all``: build many municipalities, one process each, skipping unchanged ones.

A municipality is rebuilt only when its inputs changed: the hash of its ``content/`` (and
``catalog/``, ``mkdocs.yml`` if it has its own) plus the generator's version fingerprint. The
hash of the last successful build is kept beside each output as ``.prongsai-inputs``.

This is deliberately not a scheduler: for a province or a national host, split the list of
folders across CI runners (a job matrix) or an existing batch engine and run this command on
each shard (see README, "Many municipalities").
"""

from __future__ import annotations

import hashlib
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path

STAMP = ".prongsai-inputs"


@cache
def generator_fingerprint() -> str:
    """The generator's version plus a hash of its code, data and theme files."""
    from . import __version__

    h = hashlib.sha256(__version__.encode())
    package = Path(__file__).resolve().parent
    theme = package.parent / "site_theme"
    for folder in (package, theme):
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.is_file() and "__pycache__" not in path.parts:
                    h.update(path.relative_to(folder.parent).as_posix().encode())
                    h.update(path.read_bytes())
    return h.hexdigest()


def inputs_hash(project: Path) -> str:
    """Hash of everything a municipality's site is built from."""
    h = hashlib.sha256(generator_fingerprint().encode())
    for name in ("content", "catalog", "mkdocs.yml"):
        target = project / name
        files = sorted(p for p in target.rglob("*") if p.is_file()) if target.is_dir() else (
            [target] if target.is_file() else []
        )
        for path in files:
            h.update(path.relative_to(project).as_posix().encode())
            h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


@dataclass(frozen=True)
class Outcome:
    project: str
    status: str  # built | skipped | failed
    seconds: float = 0.0
    message: str = ""


def _build_one(project: Path, out: Path, force: bool) -> Outcome:
    import time

    from .build import build
    from .errors import ProngsaiError, ValidationFailed, format_problems

    digest = inputs_hash(project)
    stamp = out / STAMP
    if not force and stamp.is_file() and stamp.read_text().strip() == digest:
        return Outcome(project.name, "skipped")
    started = time.perf_counter()
    try:
        build(project, out=out)
    except ValidationFailed as exc:
        return Outcome(project.name, "failed", message=format_problems(exc.problems))
    except ProngsaiError as exc:
        return Outcome(project.name, "failed", message=str(exc))
    stamp.write_text(digest + "\n")
    return Outcome(project.name, "built", time.perf_counter() - started)


def build_all(projects: list[Path], out_root: Path, jobs: int | None = None, force: bool = False) -> list[Outcome]:
    """Build each project into ``out_root/<folder name>/`` using ``jobs`` processes."""
    names = [p.resolve().name for p in projects]
    if len(set(names)) != len(names):
        raise ValueError("project folders must have distinct names: each becomes an output folder")
    out_root.mkdir(parents=True, exist_ok=True)
    jobs = jobs or os.cpu_count() or 1
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = [
            pool.submit(_build_one, p.resolve(), (out_root / p.resolve().name).resolve(), force) for p in projects
        ]
        return [f.result() for f in futures]
