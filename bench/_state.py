"""Time per step, added up by the timing wrappers of ``bench/child.py`` and ``bench/timed_hooks.py``:
wall-clock seconds and CPU seconds of this process (CPU time hardly moves when other programs
load the machine, so shares computed from it are steadier)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

SECONDS: dict[str, float] = {}
CPU: dict[str, float] = {}


def timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            SECONDS[name] = SECONDS.get(name, 0.0) + time.perf_counter() - wall
            CPU[name] = CPU.get(name, 0.0) + time.process_time() - cpu

    return wrapper
