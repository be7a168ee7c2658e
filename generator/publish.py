"""Publish: put a finished build in place of the live ``site/`` in one step.

The new site is built in a temporary folder next to ``site/`` (same file system), then swapped
in with renames, so a failed build never touches the last good site.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path


def swap_in(new: Path, live: Path) -> None:
    old = live.with_name(live.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if live.exists():
        os.replace(live, old)
    os.replace(new, live)
    if old.exists():
        shutil.rmtree(old)
