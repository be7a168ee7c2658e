"""Writers for a :class:`~generator.model.Dataset`: CSV (the import format) and JSON.

CSV: UTF-8 with a BOM (so Excel on Thai Windows opens it without mojibake), the same Thai
column headers staff import, dates and months in BE (``2568-10-15``, ``2568-10``), amounts as
plain numbers (``125000.50``). Re-importing an exported file gives the same rows.

JSON: for programs. Column dictionary first, then rows, one per line; numbers are numbers, and
dates and months are ISO 8601 in the Common Era (``2025-10-15``, ``2025-10``), as JSON readers
expect.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import asdict
from datetime import date
from decimal import Decimal
from typing import Any

from .model import Dataset
from .thai import to_be


def _be_date(value: date) -> str:
    return f"{to_be(value.year)}-{value.month:02d}-{value.day:02d}"


def _be_month(value: date) -> str:
    return f"{to_be(value.year)}-{value.month:02d}"


def _money(value: Decimal) -> str:
    return f"{value:.2f}"


# CSV cells that differ from str(): BE dates and months, amounts with two decimals. The csv
# module writes every other value as str() would, and None as "".
_CSV_TYPED: dict[str, tuple[type, Callable[[Any], str]]] = {
    "date": (date, _be_date),
    "month": (date, _be_month),
    "money": (Decimal, _money),
}


def dataset_to_csv(ds: Dataset) -> bytes:
    """The dataset as the CSV staff import (UTF-8 with BOM, CRLF, BE dates)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180; Excel expects CRLF
    keys = [c.key for c in ds.columns]
    writer.writerow(keys)
    # Which columns need converting is decided once, not per cell (the documents register has
    # ten thousand rows); the writer stringifies the other cells itself.
    typed = [(i, *_CSV_TYPED[c.type]) for i, c in enumerate(ds.columns) if c.type in _CSV_TYPED]
    for row in ds.rows:
        cells = [row.get(k) for k in keys]
        for i, kind, fmt in typed:
            if isinstance(value := cells[i], kind):
                cells[i] = fmt(value)
        writer.writerow(cells)
    return b"\xef\xbb\xbf" + out.getvalue().encode("utf-8")


def _json_default(value: Any) -> Any:
    """Values JSON has no type for (month columns are converted before encoding)."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


# Without ``indent`` json uses its C encoder (``indent`` means the pure-Python one, a fifth of
# generate on a large site); the line breaks are ours (see dataset_to_json). Rows hold plain
# values, so there is no cycle to look for (the check costs a dict per encoded row).
_encode = json.JSONEncoder(ensure_ascii=False, check_circular=False, default=_json_default).encode


def _json_row(keys: list[str], months: list[str], row: dict[str, Any]) -> str:
    if list(row) != keys:  # loaded rows hold exactly the columns, in order: no copy needed
        row = {k: row.get(k) for k in keys}
    elif months:
        row = dict(row)  # the month values are replaced below
    for key in months:
        if isinstance(value := row[key], date):
            row[key] = f"{value.year:04d}-{value.month:02d}"
    return _encode(row)


def _json_array(items: list[str]) -> list[str]:
    """A JSON array written one element per line, as pieces for one final join (a large
    dataset's rows are megabytes of text, and every copy of them shows in the build time)."""
    return ["[\n  ", ",\n  ".join(items), "\n ]"] if items else ["[]"]


def dataset_to_json(ds: Dataset, periods: list[str] | None = None) -> bytes:
    """``periods`` (BE labels of the months/years covered, from
    ``generator.content.datasets.dataset_periods``) tells readers which empty months were reported.

    One top-level key, column and row per line: readable, and a changed row is a one-line diff."""
    keys = [c.key for c in ds.columns]
    months = [c.key for c in ds.columns if c.type == "month"]
    fields: dict[str, list[str]] = {
        "id": [_encode(ds.id)],
        "title": [_encode(ds.title)],
        "columns": _json_array([_encode(asdict(c)) for c in ds.columns]),
        "dates": [_encode("ISO 8601, Common Era (ค.ศ.)")],
        "rows": _json_array([_json_row(keys, months, row) for row in ds.rows]),
    }
    if periods is not None:
        fields["periods_be"] = [_encode(periods)]
    parts = ["{"]
    for key, value in fields.items():
        parts += [",\n " if len(parts) > 1 else "\n ", _encode(key), ": ", *value]
    parts.append("\n}")
    return "".join(parts).encode("utf-8")


def rows_from_json(data: bytes) -> list[dict[str, Any]]:
    """Typed rows back from :func:`dataset_to_json` (for round-trip tests and consumers)."""
    doc = json.loads(data)
    types = {c["key"]: c["type"] for c in doc["columns"]}
    rows: list[dict[str, Any]] = []
    for raw in doc["rows"]:
        row: dict[str, Any] = {}
        for key, value in raw.items():
            t = types[key]
            if value is None:
                row[key] = None
            elif t == "date":
                row[key] = date.fromisoformat(value)
            elif t == "month":
                y, m = value.split("-")
                row[key] = date(int(y), int(m), 1)
            elif t == "money":
                row[key] = Decimal(str(value)).quantize(Decimal("0.01"))
            else:
                row[key] = value
        rows.append(row)
    return rows
