"""Prongsai (โปร่งใส): a static-site generator for Thai local-government transparency portals.

Public API: :func:`build` (validate → generate → render → check → publish) and :func:`validate`.
"""

from .build import BuildResult, build, validate

__all__ = ["BuildResult", "build", "validate"]
__version__ = "0.1.0"
