"""Accessible HTML tables for page Markdown: a caption, ``<th scope>`` headers, a totals row in
``<tfoot>``, and a focusable wrapper that scrolls sideways on phones instead of squeezing."""

from __future__ import annotations

from dataclasses import dataclass

from .markup import h


@dataclass(frozen=True)
class Cell:
    text: str
    numeric: bool = False
    min_em: int = 0  # long text: keep at least this wide (the table scrolls instead of squeezing)


def cell(text: str, numeric: bool = False, min_em: int = 0) -> Cell:
    return Cell(text, numeric, min_em)


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

    def td(c: Cell, tag: str = "td", scope: str = "") -> str:
        attrs = (f' scope="{scope}"' if scope else "") + (' class="num"' if c.numeric else "")
        text = h(c.text)
        if c.min_em:  # browsers ignore min-width on table cells: a block inside holds the width
            text = f'<span style="display:block;min-width:{c.min_em}em">{text}</span>'
        return f"<{tag}{attrs}>{text}</{tag}>"

    cap_id = f"{table_id}-caption"
    out = [
        f'<div class="table-scroll" role="region" tabindex="0" aria-labelledby="{cap_id}">',
        f'<table id="{table_id}">',
        f'<caption id="{cap_id}">{h(caption)}</caption>',
        "<thead><tr>" + "".join(td(c, "th", "col") for c in headers) + "</tr></thead>",
        "<tbody>",
    ]
    for r in rows:
        cells = [td(r[0], "th", "row") if row_headers else td(r[0])] + [td(c) for c in r[1:]]
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</tbody>")
    if foot:
        out.append("<tfoot><tr>" + td(foot[0], "th", "row") + "".join(td(c) for c in foot[1:]) + "</tr></tfoot>")
    out.append("</table>")
    out.append("</div>")
    return "\n".join(out) + "\n"
