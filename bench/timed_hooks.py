"""Prongsai's safety hooks (``generator/render/safety_hooks.py``) with their time added up, so the
benchmark can count them as the generator's own work inside MkDocs' render. Every ``on_*`` event
of the real module is wrapped, whatever events it grows."""

from __future__ import annotations

import _state

from generator.render import safety_hooks

for _name in dir(safety_hooks):
    if _name.startswith("on_"):
        globals()[_name] = _state.timed("hooks", getattr(safety_hooks, _name))
