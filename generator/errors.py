"""Errors that name the file, the line, the field and the fix — in Thai first, then English.

Every problem found in staff-written input becomes a :class:`Problem`. Loaders collect them
instead of stopping at the first one, so one run of ``prongsai check`` lists everything to fix.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in the input, located as precisely as we can."""

    path: str  # relative to the project root, with forward slashes
    line: int  # 1-based; 0 when the whole file is concerned
    field: str  # the YAML key / CSV column / front-matter field, or "" for the whole file
    thai: str  # what is wrong, in plain Thai
    fix: str  # what to do about it, in plain Thai
    english: str  # one line for developers
    severity: str = "error"  # "error" or "warning"

    def location(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path

    def format(self) -> str:
        where = self.location() + (f" [{self.field}]" if self.field else "")
        return f"{where}: {self.thai}\n    วิธีแก้: {self.fix}\n    (en) {self.english}"

    def github_annotation(self) -> str:
        """A GitHub Actions workflow command that marks the file and line in the pull request."""
        level = "error" if self.severity == "error" else "warning"
        msg = f"{self.thai} — วิธีแก้: {self.fix} ({self.english})"
        msg = msg.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        loc = f"file={self.path}" + (f",line={self.line}" if self.line else "")
        return f"::{level} {loc}::{msg}"


class ProngsaiError(Exception):
    """Base class: anything the CLI reports without a traceback."""


class InputError(ValueError):
    """A value staff wrote that cannot be accepted (a date, an amount, a month ...).

    Parsers raise it without knowing where the value came from; the loader that called them
    adds the place with :meth:`Collector.add_input_error`.
    """

    def __init__(self, thai: str, fix: str, english: str) -> None:
        super().__init__(english)
        self.thai, self.fix, self.english = thai, fix, english


@dataclass
class ValidationFailed(ProngsaiError):
    """Raised once, after all input has been read, when any :class:`Problem` is an error."""

    problems: list[Problem] = field(default_factory=list)

    def __str__(self) -> str:
        return format_problems(self.problems)


class Collector:
    """Gathers problems while loading, so that one run reports every mistake."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.problems: list[Problem] = []
        self.error_count = 0  # loaders compare it before and after a file: "did this file fail?"
        self._real_root = root.resolve()

    def rel(self, path: Path | str) -> str:
        """Project-relative path with forward slashes (unchanged when outside the project).

        Loader paths are built under the root, so the cheap comparison comes first: resolving
        symlinks costs ~0.1 ms a call, seconds over ten thousand documents.
        """
        p = Path(path)
        if not p.is_absolute():
            return p.as_posix()
        with contextlib.suppress(ValueError):
            return p.relative_to(self.root).as_posix()
        with contextlib.suppress(ValueError):
            return p.resolve().relative_to(self._real_root).as_posix()
        return p.as_posix()

    def add(
        self,
        path: Path | str,
        line: int,
        field: str,
        thai: str,
        fix: str,
        english: str,
        severity: str = "error",
    ) -> None:
        self.problems.append(Problem(self.rel(path), line or 0, field, thai, fix, english, severity))
        self.error_count += severity == "error"

    def add_input_error(
        self, path: Path | str, line: int, field: str, exc: InputError, severity: str = "error"
    ) -> None:
        """The :class:`InputError` a parser raised, at the place the value was read from."""
        self.add(path, line, field, exc.thai, exc.fix, exc.english, severity)

    def extend(self, problems: Iterable[Problem]) -> None:
        for p in problems:
            self.problems.append(p)
            self.error_count += p.severity == "error"

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    def raise_if_errors(self) -> None:
        if self.error_count:
            raise ValidationFailed(sorted(self.problems))


def format_problems(problems: Iterable[Problem]) -> str:
    """Every problem for a terminal, sorted by file and line, then the counts in Thai and English."""
    problems = sorted(problems)
    errors = sum(1 for p in problems if p.severity == "error")
    warnings = len(problems) - errors
    lines = [p.format() for p in problems]
    lines.append(f"พบข้อผิดพลาด {errors} รายการ คำเตือน {warnings} รายการ ({errors} error(s), {warnings} warning(s))")
    return "\n".join(lines)


def in_github_actions() -> bool:
    """Whether to print ``::error`` annotations as well (they mark the line in a pull request)."""
    return os.environ.get("GITHUB_ACTIONS") == "true"
