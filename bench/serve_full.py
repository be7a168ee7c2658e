"""``prongsai serve`` as it was before preview builds: every save runs the whole ``prongsai build``
pipeline (render into a new folder, link check, search index, swap). ``bench/preview.py`` runs it
beside the real ``serve`` to compare the two in one run."""

from __future__ import annotations

import sys
from importlib import import_module
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))



def full_build(*args: Any, **kwargs: Any) -> Any:
    from generator.build import build

    kwargs["preview"] = False
    return build(*args, **kwargs)


if __name__ == "__main__":  # the build's worker processes import this file again (spawn)
    setattr(import_module("generator.serve"), "build", full_build)  # noqa: B010

    from generator.cli import main

    sys.exit(main())
