"""Time per step, added up by the timing wrappers of ``bench/child.py`` and ``bench/timed_hooks.py``:
wall-clock seconds and CPU seconds of this process (CPU time hardly moves when other programs
load the machine, so shares computed from it are steadier).

A step's time is its own: when a timed function calls another (MkDocs' build calls our plugins,
which call the page reports), the inner one's time goes to its step and not to the outer's, so
no time is counted twice and "mkdocs" is MkDocs' time alone.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

SECONDS: dict[str, float] = {}
CPU: dict[str, float] = {}
_INNER: list[list[float]] = []  # for each timed call under way: [wall, CPU] of the calls inside it


def timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        wall, cpu = time.perf_counter(), time.process_time()
        _INNER.append([0.0, 0.0])
        try:
            return fn(*args, **kwargs)
        finally:
            inner_wall, inner_cpu = _INNER.pop()
            spent_wall, spent_cpu = time.perf_counter() - wall, time.process_time() - cpu
            SECONDS[name] = SECONDS.get(name, 0.0) + spent_wall - inner_wall
            CPU[name] = CPU.get(name, 0.0) + spent_cpu - inner_cpu
            if _INNER:
                _INNER[-1][0] += spent_wall
                _INNER[-1][1] += spent_cpu

    # MkDocs orders plugin events by this attribute of the method (mkdocs.plugins.event_priority).
    if hasattr(fn, "mkdocs_priority"):
        wrapper.mkdocs_priority = fn.mkdocs_priority  # type: ignore[attr-defined]
    return wrapper
