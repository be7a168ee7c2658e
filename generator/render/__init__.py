"""Render: turn finished Markdown pages into a static site.

The renderer is the only part that knows about MkDocs. It receives pages and files and an
output folder; swapping MkDocs for another engine means writing another module with the same
``render`` function.
"""

from .mkdocs import render

__all__ = ["render"]
