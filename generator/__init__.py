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

import sys
from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .build import BuildResult, build, validate
    from .errors import Problem, ProngsaiError, ValidationFailed, format_problems
    from .model import Site

# The public names are loaded when first used, so that a worker process of the build, which
# imports one small module (the PDPA check, the site scan), does not load the whole generator.
_PUBLIC = {
    "BuildResult": "build", "build": "build", "validate": "build",
    "Problem": "errors", "ProngsaiError": "errors", "ValidationFailed": "errors", "format_problems": "errors",
    "Site": "model",
}


class _Package(ModuleType):
    def __getattr__(self, name: str) -> Any:
        if name not in _PUBLIC:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(import_module(f"{__name__}.{_PUBLIC[name]}"), name)
        super().__setattr__(name, value)
        return value

    def __setattr__(self, name: str, value: Any) -> None:
        # Importing the submodule generator.build would set the attribute "build" to it: the
        # public name stays the function, as when this file imported it.
        if name in _PUBLIC and isinstance(value, ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package

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
