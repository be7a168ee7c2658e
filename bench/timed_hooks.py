"""Prongsai's safety hooks (``generator/render/safety_hooks.py``) with their time added up, so the
benchmark can count them as the generator's own work inside MkDocs' render. Every ``on_*`` event
of the real module is wrapped, whatever events it grows."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import _state

from generator.render import safety_hooks


def _wrap(fn: Callable[..., Any]) -> Callable[..., Any]:
    def timed(*args: Any, **kwargs: Any) -> Any:
        t = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            _state.SECONDS["hooks"] = _state.SECONDS.get("hooks", 0.0) + time.perf_counter() - t

    return timed


for _name in dir(safety_hooks):
    if _name.startswith("on_"):
        globals()[_name] = _wrap(getattr(safety_hooks, _name))
