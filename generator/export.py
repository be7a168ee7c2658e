"""Writers for a :class:`~generator.model.Dataset`: CSV (the import format) and JSON.

CSV: UTF-8 with a BOM (so Excel on Thai Windows opens it without mojibake), the same Thai
column headers staff import, dates and months in BE (``2568-10-15``, ``2568-10``), amounts as
plain numbers (``125000.50``). Re-importing an exported file gives the same rows.

JSON: for programs. Column dictionary first, then rows; numbers are numbers, and dates and
months are ISO 8601 in the Common Era (``2025-10-15``, ``2025-10``), as JSON readers expect.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict
from datetime import date
from decimal import Decimal
from typing import Any

from .model import Column, Dataset
from .thai import to_be


def _csv_cell(col: Column, value: Any) -> str:
    if value is None:
        return ""
    if col.type == "date" and isinstance(value, date):
        return f"{to_be(value.year)}-{value.month:02d}-{value.day:02d}"
    if col.type == "month" and isinstance(value, date):
        return f"{to_be(value.year)}-{value.month:02d}"
    if col.type == "money" and isinstance(value, Decimal):
        return f"{value:.2f}"
    return str(value)


def dataset_to_csv(ds: Dataset) -> bytes:
    """The dataset as the CSV staff import (UTF-8 with BOM, CRLF, BE dates)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180; Excel expects CRLF
    writer.writerow([c.key for c in ds.columns])
    for row in ds.rows:
        writer.writerow([_csv_cell(c, row.get(c.key)) for c in ds.columns])
    return b"\xef\xbb\xbf" + out.getvalue().encode("utf-8")


def _json_value(col: Column, value: Any) -> Any:
    if value is None:
        return None
    if col.type == "month" and isinstance(value, date):
        return f"{value.year:04d}-{value.month:02d}"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


def dataset_to_json(ds: Dataset, periods: list[str] | None = None) -> bytes:
    """``periods`` (BE labels of the months/years covered, from
    ``generator.content.datasets.dataset_periods``) tells readers which empty months were reported."""
    doc: dict[str, Any] = {
        "id": ds.id,
        "title": ds.title,
        "columns": [asdict(c) for c in ds.columns],
        "dates": "ISO 8601, Common Era (ค.ศ.)",
        "rows": [{c.key: _json_value(c, row.get(c.key)) for c in ds.columns} for row in ds.rows],
    }
    if periods is not None:
        doc["periods_be"] = periods
    return json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")


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
