"""Accessible HTML tables for page Markdown: a caption, ``<th scope>`` headers, a totals row in
``<tfoot>``, and a focusable wrapper that scrolls sideways on phones instead of squeezing."""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

from .markup import h


class Cell(NamedTuple):
    """A table cell (a named tuple: large procurement tables make tens of thousands of them, and a
    frozen dataclass takes twice as long to build)."""

    text: str
    numeric: bool = False
    min_em: int = 0  # long text: keep at least this wide (the table scrolls instead of squeezing)


cell = Cell  # the short name the section renderers use


def table(
    table_id: str,
    caption: str,
    headers: list[Cell],
    rows: list[list[Cell]],
    foot: list[Cell] | None = None,
    row_headers: bool = True,
) -> str:
    """Raw HTML (one block, no blank lines, so Markdown leaves it whole). The first cell of each
    row is a row header when ``row_headers``."""
    cap_id = f"{table_id}-caption"
    out = [
        f'<div class="table-scroll" role="region" tabindex="0" aria-labelledby="{cap_id}">',
        f'<table id="{table_id}">',
        f'<caption id="{cap_id}">{h(caption)}</caption>',
        "<thead><tr>" + "".join(_td(c, "th", "col") for c in headers) + "</tr></thead>",
        "<tbody>",
    ]
    for r in rows:
        first = _td(r[0], "th", "row") if row_headers else _td(r[0])
        out.append("<tr>" + first + "".join([_td(c) for c in r[1:]]) + "</tr>")
    out.append("</tbody>")
    if foot:
        out.append("<tfoot><tr>" + _td(foot[0], "th", "row") + "".join(_td(c) for c in foot[1:]) + "</tr></tfoot>")
    out.append("</table>")
    out.append("</div>")
    return "\n".join(out) + "\n"


def _td(c: Cell, tag: str = "td", scope: str = "") -> str:
    text = h(c.text)
    if c.min_em:  # browsers ignore min-width on table cells: a block inside holds the width
        text = f'<span style="display:block;min-width:{c.min_em}em">{text}</span>'
    return f"{_opening(tag, scope, c.numeric)}{text}</{tag}>"


@cache
def _opening(tag: str, scope: str, numeric: bool) -> str:
    return f"<{tag}" + (f' scope="{scope}"' if scope else "") + (' class="num"' if numeric else "") + ">"
