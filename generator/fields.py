"""Checks of one field of staff-written YAML, shared by every loader.

Loaders differ in what they read; the mistakes staff make are the same everywhere (a misspelt
key, a date in the wrong calendar), so they are checked and worded in one place.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path

from .dates import DateError, parse_date, parse_fiscal_year
from .errors import Collector
from .sources import LDict


def closest(word: str, choices: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The choice ``word`` most likely misspells, if any is close enough."""
    match = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=cutoff)
    return match[0] if match else None


def did_you_mean(word: str, choices: Iterable[str], cutoff: float = 0.6) -> str:
    """" (หมายถึง “x” หรือไม่)" for the closest choice, or ""."""
    match = closest(word, choices, cutoff)
    return f" (หมายถึง “{match}” หรือไม่)" if match else ""


def check_keys(
    data: LDict,
    allowed: Mapping[str, str] | Sequence[str],
    path: Path,
    errors: Collector,
    prefix: str = "",
    where: str = "",
) -> bool:
    """Report every key of ``data`` not in ``allowed`` (usually a typo) at its line; True if none.

    ``allowed`` may map each key to its Thai meaning, listed in the fix. ``prefix`` makes the
    field name (``executives[2].``), ``where`` names the part of the file in Thai ("หลักฐาน").
    """
    unknown = [key for key in data if key not in allowed]
    if not unknown:
        return True
    if isinstance(allowed, Mapping):
        listing = ", ".join(f"{k} ({v})" for k, v in allowed.items())
    else:
        listing = ", ".join(allowed)
    for key in unknown:
        errors.add(path, data.line_of(key), prefix + key,
                   f"ไม่รู้จักช่อง “{key}”{' ใน' + where if where else ''}{did_you_mean(key, allowed)}",
                   f"แก้ชื่อช่องให้ถูก หรือลบบรรทัดนี้ ช่องที่ใช้ได้: {listing}",
                   f"unknown field {prefix}{key!r}; allowed: {', '.join(allowed)}")
    return False


def date_field(
    data: LDict, key: str, path: Path, errors: Collector, required: bool = True, field: str = ""
) -> date | None:
    """The BE date under ``key`` as a (CE) date; a missing or bad one is reported at its line."""
    field = field or key
    if data.get(key) in (None, ""):
        if required:
            errors.add(path, data.line_of(key) or 1, field,
                       f"ยังไม่ได้กรอกช่อง {key} (วันที่)",
                       f"เพิ่มบรรทัด {key}: 2569-03-15 หรือ {key}: 15 มีนาคม 2569 (ปี พ.ศ.)",
                       f"required date field {field!r} is missing")
        return None
    try:
        return parse_date(data[key])
    except DateError as exc:
        errors.add_input_error(path, data.line_of(key), field, exc)
        return None


def fiscal_year_field(data: LDict, key: str, path: Path, errors: Collector, field: str = "") -> int | None:
    """The optional BE fiscal year under ``key``; a bad one is reported at its line."""
    if data.get(key) in (None, ""):
        return None
    try:
        return parse_fiscal_year(data[key])
    except DateError as exc:
        errors.add_input_error(path, data.line_of(key), field or key, exc)
        return None
