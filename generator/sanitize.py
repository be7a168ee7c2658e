"""Staff-written Markdown must not carry script into the site.

``check_markdown`` reports raw HTML that could run script (``<script>``, ``on*=`` attributes,
``<iframe>``, ``javascript:`` links) as a Problem at its line; ``clean_html`` is the renderer's
second line of defence. (Issue #8 fills these in; the signatures are the contract.)
"""

from __future__ import annotations

from pathlib import Path

from .errors import Collector


def check_markdown(text: str, path: Path, first_line: int, field: str, errors: Collector) -> None:
    """Add a Problem for each unsafe construct in ``text`` (Markdown from ``path``; its first
    line is ``first_line`` of the file, ``field`` names where it came from, e.g. "body")."""
