"""Worker processes of a build run below its priority.

The build's own process is its critical path (validate, generate, MkDocs' single-threaded render);
the PDPA check and the site scan work beside it in other processes and take what CPU is left.
"""

from __future__ import annotations

import contextlib
import os

BACKGROUND_NICENESS = 10


def in_background(pid: int = 0) -> None:
    """Put the process ``pid`` (0: this one) below the build's priority: the build's own process
    is the critical path, worker processes take what CPU is left (nice 10)."""
    with contextlib.suppress(AttributeError, OSError):  # not on this system, or it has ended
        os.setpriority(os.PRIO_PROCESS, pid, BACKGROUND_NICENESS)
