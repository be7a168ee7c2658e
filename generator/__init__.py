"""Prongsai (โปร่งใส): a static-site generator for Thai local-government transparency portals.

Public API, for scripts and CI::

    from pathlib import Path
    from generator import ValidationFailed, build, format_problems

    try:
        result = build(Path("."))        # validate → generate → render → check → publish
    except ValidationFailed as exc:      # staff input is wrong: nothing was written
        print(format_problems(exc.problems))

- :func:`build` returns a :class:`BuildResult` (pages, files, output folder, timings);
- :func:`validate` reads ``content/`` and ``catalog/`` into a :class:`Site` and returns it with
  the warnings; both raise :class:`ValidationFailed` (a :class:`ProngsaiError`) listing every
  :class:`Problem` (file, line, field, Thai message and fix, English line).

:func:`build` starts worker processes ("spawn", which imports the calling script again): in a
script, call it under ``if __name__ == "__main__":``.

Everything else is internal and may change between versions.
"""

from .build import BuildResult, build, validate
from .errors import Problem, ProngsaiError, ValidationFailed, format_problems
from .model import Site

__all__ = [
    "BuildResult",
    "Problem",
    "ProngsaiError",
    "Site",
    "ValidationFailed",
    "build",
    "format_problems",
    "validate",
]
__version__ = "0.1.0"
