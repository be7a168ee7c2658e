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
        if live.exists():
            shutil.rmtree(old)
        else:  # an earlier swap stopped between its two renames: ``old`` is the last good site
            os.replace(old, live)
    if live.exists():
        os.replace(live, old)
    try:
        os.replace(new, live)
    except BaseException:
        if old.exists() and not live.exists():
            os.replace(old, live)  # put the last good site back
        raise
    if old.exists():
        shutil.rmtree(old)
