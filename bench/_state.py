"""Seconds per step, filled by the timing wrappers of ``bench/child.py`` and ``bench/timed_hooks.py``."""

SECONDS: dict[str, float] = {}
