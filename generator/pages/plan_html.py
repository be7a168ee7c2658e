"""HTML pieces of the plan pages: the seed-form overview table, report tables and the progress
chart (a small SVG file shown with ``<img>``: the page sanitizer keeps ``<img>`` but not inline
``<svg>``, and a static SVG image cannot run script).

Tables are plain ``<table>`` without a class, so Material lets them scroll sideways on phones;
each has a caption and header cells with ``scope`` for screen readers. Every number in the chart
is also in a table next to it.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from decimal import Decimal
from html import escape

from ..catalog.model import Catalog
from ..plan.model import DONE, IN_PROGRESS, NO_BUDGET, NOT_STARTED, STATUSES, PlanProject
from ..plan.reports import SummaryRow, Tally, dimension_title
from ..thai import format_number

#: Status colours: dark enough for white numbers (green, grey) or black ones (amber).
STATUS_STYLE: dict[str, tuple[str, str]] = {
    DONE: ("#1b5e20", "#ffffff"),
    IN_PROGRESS: ("#f9a825", "#000000"),
    NOT_STARTED: ("#757575", "#ffffff"),
}
RIGHT = ' style="text-align:right;white-space:nowrap"'


def wide(html_text: str, em: int = 14) -> str:
    """Keep a text cell readable: browsers ignore min-width on table cells, so a block inside
    holds it, and the table scrolls sideways on phones instead of squeezing the text."""
    return f'<span style="display:block;min-width:{em}em">{html_text}</span>'



def href(from_dir: str, to: str) -> str:
    """Relative link from the page at site-relative URL ``from_dir`` (ends in /) to ``to``."""
    rel = posixpath.relpath("/" + to.rstrip("/"), "/" + from_dir.rstrip("/"))
    if to.endswith("/"):
        rel = "./" if rel == "." else rel + "/"
    return rel


def money(value: Decimal | None) -> str:
    return NO_BUDGET if value is None else format_number(value, 2)


def _row(cells: Iterable[str]) -> str:
    return "<tr>" + "".join(cells) + "</tr>"


def overview_table(rows: list[SummaryRow], years: tuple[int, ...], catalog: Catalog | None, caption: str) -> str:
    """The seed's summary form: dimension, objective, and per fiscal year the number of projects
    and the budget; a total per dimension and for the whole plan."""
    head1 = ['<th scope="col" rowspan="2">มิติ</th>', '<th scope="col" rowspan="2">วัตถุประสงค์</th>']
    head1 += [f'<th scope="colgroup" colspan="2">ปี {y}</th>' for y in years]
    head1 += ['<th scope="col" rowspan="2">งบประมาณรวม (บาท)</th>']
    head2 = ['<th scope="col">จำนวนโครงการ</th><th scope="col">งบประมาณ (บาท)</th>' for _ in years]
    body: list[str] = []
    foot = ""
    pending: list[SummaryRow] = []

    def numbers(r: SummaryRow, strong: bool) -> list[str]:
        out = []
        for c in r.cells:
            n, b = format_number(c.count), format_number(c.budget, 2)
            if strong:
                n, b = f"<strong>{n}</strong>", f"<strong>{b}</strong>"
            out += [f"<td{RIGHT}>{n}</td>", f"<td{RIGHT}>{b}</td>"]
        total = format_number(r.total_budget, 2)
        out.append(f"<td{RIGHT}>" + (f"<strong>{total}</strong>" if strong else total) + "</td>")
        return out

    for r in rows:
        if r.level == "objective":
            pending.append(r)
            continue
        if r.level == "dimension":
            dim = escape(dimension_title(catalog, r.id))
            for i, o in enumerate(pending):
                first = [f'<th scope="rowgroup" rowspan="{len(pending)}">{wide(dim, 8)}</th>'] if i == 0 else []
                body.append(_row([*first, f'<th scope="row">{wide(escape(o.id) + " " + escape(o.title))}</th>',
                                  *numbers(o, False)]))
            if not pending:
                body.append(_row([f'<th scope="row">{dim}</th>', "<td></td>", *numbers(r, False)]))
            body.append(_row([f'<th scope="row" colspan="2">{escape(r.title)}</th>', *numbers(r, True)]))
            pending = []
        else:
            foot = _row([f'<th scope="row" colspan="2">{escape(r.title)}</th>', *numbers(r, True)])
    return (
        f"<table>\n<caption>{escape(caption)}</caption>\n"
        f"<thead>\n{_row(head1)}\n{_row(head2)}\n</thead>\n"
        "<tbody>\n" + "\n".join(body) + "\n</tbody>\n"
        f"<tfoot>\n{foot}\n</tfoot>\n</table>"
    )


def projects_table(projects: list[PlanProject], years: tuple[int, ...], page_dir: str, caption: str) -> str:
    """Projects with their unit and budget per year, each name linking to its page."""
    head = ['<th scope="col">ลำดับ</th>', '<th scope="col">โครงการ/กิจกรรม/มาตรการ</th>',
            '<th scope="col">หน่วยงานที่รับผิดชอบ</th>']
    head += [f'<th scope="col">ปี {y} (บาท)</th>' for y in years]
    body = []
    for i, p in enumerate(projects, 1):
        cells = [f"<td{RIGHT}>{i}</td>",
                 '<th scope="row">' + wide(f'<a href="{escape(href(page_dir, p.url))}">{escape(p.name)}</a>'
                                           + (" (โครงการของหน่วยงานเอง)" if p.own else "")) + "</th>",
                 f"<td>{wide(escape(p.responsible_unit), 8)}</td>"]
        cells += [f"<td{RIGHT}>{money(p.budget[y]) if y in p.budget else '–'}</td>" for y in years]
        body.append(_row(cells))
    return (f"<table>\n<caption>{escape(caption)}</caption>\n<thead>\n{_row(head)}\n</thead>\n"
            "<tbody>\n" + "\n".join(body) + "\n</tbody>\n</table>")


def tally_table(by_dimension: tuple[tuple[str, Tally], ...], total: Tally, catalog: Catalog | None,
                caption: str) -> str:
    """Counts per status, budget and spending, per dimension: the chart's numbers, readable."""
    head = ['<th scope="col">มิติ</th>', *(f'<th scope="col">{s}</th>' for s in STATUSES),
            '<th scope="col">รวม (โครงการ)</th>', '<th scope="col">งบประมาณ (บาท)</th>',
            '<th scope="col">ใช้จ่ายจริง (บาท)</th>']

    def cells(t: Tally, strong: bool) -> list[str]:
        vals = [*(format_number(t.counts[s]) for s in STATUSES), format_number(t.total),
                format_number(t.budget, 2), format_number(t.spent, 2)]
        return [f"<td{RIGHT}>" + (f"<strong>{v}</strong>" if strong else v) + "</td>" for v in vals]

    body = [_row([f'<th scope="row">{wide(escape(dimension_title(catalog, d)))}</th>', *cells(t, False)])
            for d, t in by_dimension]
    foot = _row(['<th scope="row">รวมทั้งสิ้น</th>', *cells(total, True)])
    return (f"<table>\n<caption>{escape(caption)}</caption>\n<thead>\n{_row(head)}\n</thead>\n"
            "<tbody>\n" + "\n".join(body) + f"\n</tbody>\n<tfoot>\n{foot}\n</tfoot>\n</table>")


ROW_H, TOP = 34, 40


def chart_height(by_dimension: tuple[tuple[str, Tally], ...]) -> int:
    """Pixel height of :func:`progress_svg` (the page reserves it, so nothing jumps on load)."""
    return TOP + ROW_H * sum(1 for _, t in by_dimension if t.total) + 44


def progress_svg(by_dimension: tuple[tuple[str, Tally], ...], title: str) -> bytes:
    """A stacked bar per dimension (done / in progress / not started), as a standalone SVG file."""
    row_h, top, label_w, bar_w = ROW_H, TOP, 96, 420
    rows = [(d, t) for d, t in by_dimension if t.total]
    height = chart_height(by_dimension)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 {height}" width="640" height="{height}" '
        'font-family="sans-serif" font-size="14">',
        f"<title>{escape(title)}</title>",
        '<rect width="640" height="100%" fill="#ffffff"/>',
        f'<text x="0" y="22" font-size="16" font-weight="bold" fill="#000">{escape(title)}</text>',
    ]
    for i, (dim_id, t) in enumerate(rows):
        y = top + i * row_h
        out.append(f'<text x="0" y="{y + 19}" fill="#000">มิติที่ {escape(dim_id)}</text>')
        x = float(label_w)
        for status in (DONE, IN_PROGRESS, NOT_STARTED):
            n = t.counts[status]
            if not n:
                continue
            w = bar_w * n / t.total
            fill, ink = STATUS_STYLE[status]
            out.append(f'<rect x="{x:.1f}" y="{y + 2}" width="{w:.1f}" height="{row_h - 8}" fill="{fill}"/>')
            if w >= 22:
                out.append(f'<text x="{x + w / 2:.1f}" y="{y + 19}" text-anchor="middle" fill="{ink}">{n}</text>')
            x += w
        out.append(f'<text x="{label_w + bar_w + 8}" y="{y + 19}" fill="#000">{t.total} โครงการ</text>')
    y = top + row_h * len(rows) + 14
    for x, status in zip((0, 180, 400), (DONE, IN_PROGRESS, NOT_STARTED), strict=True):
        fill, _ = STATUS_STYLE[status]
        out.append(f'<rect x="{x}" y="{y}" width="14" height="14" fill="{fill}"/>')
        out.append(f'<text x="{x + 20}" y="{y + 12}" fill="#000">{escape(status)}</text>')
    out.append("</svg>")
    return ("\n".join(out) + "\n").encode("utf-8")
