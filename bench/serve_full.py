"""``prongsai serve`` as it was before preview builds: every save runs the whole ``prongsai build``
pipeline (render into a new folder, link check, search index, swap). ``bench/preview.py`` runs it
beside the real ``serve`` to compare the two in one run."""

from __future__ import annotations

import sys
from importlib import import_module
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

serve = import_module("generator.serve")
real_build = serve.build


def full_build(*args: Any, **kwargs: Any) -> Any:
    kwargs["preview"] = False
    return real_build(*args, **kwargs)


setattr(serve, "build", full_build)  # noqa: B010

from generator.cli import main  # noqa: E402

sys.exit(main())
