"""Parse the dates staff type, in the forms they type them, and refuse the ambiguous ones.

Accepted (Thai or Arabic digits): ``2569-03-15`` (BE, ISO order), ``15/03/2569``,
``15 มีนาคม 2569``, ``15 มี.ค. 2569``. Years must be Buddhist Era: a CE year such as 2025
is refused with a hint (2568), and so is a year that looks converted twice (3112).
"""

from __future__ import annotations

import re
from datetime import date

from .errors import InputError
from .thai import BE_MAX, BE_MIN, BE_OFFSET, month_names, thai_digits_to_arabic, to_ce


class DateError(InputError):
    """A date or year that cannot be accepted; ``thai`` and ``fix`` are for staff, ``english`` for developers."""


_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_SLASH = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_WORDS = re.compile(r"^(\d{1,2})\s+(\S+)\s+(?:พ\.ศ\.\s*)?(\d{4})$")


def month_number(word: str) -> int | None:
    """1–12 for a Thai month name as staff type it: มีนาคม, มี.ค., มี.ค or มีค; else None."""
    word = word.strip().rstrip(".")
    for width in ("wide", "abbreviated"):  # type: Literal["wide", "abbreviated"]
        for number, name in month_names(width).items():
            if word in (name.rstrip("."), name.replace(".", "")):
                return number
    return None


def check_be_year(year: int) -> int:
    """Return the year if it is a plausible BE year, else raise :class:`DateError` with a hint."""
    if BE_MIN <= year <= BE_MAX:
        return year
    if 1900 <= year <= 2200:
        raise DateError(
            f"ปี {year} เป็นปีคริสต์ศักราช (ค.ศ.)",
            f"ใช้ปีพุทธศักราช (พ.ศ.) คือ {year + BE_OFFSET}",
            f"year {year} is Common Era; Prongsai content uses Buddhist-Era years ({year + BE_OFFSET})",
        )
    if year > BE_MAX and BE_MIN <= year - BE_OFFSET <= BE_MAX:
        raise DateError(
            f"ปี {year} ดูเหมือนบวก 543 ซ้ำสองครั้ง",
            f"ใช้ปี พ.ศ. {year - BE_OFFSET}",
            f"year {year} looks like a BE year converted twice; did you mean {year - BE_OFFSET}?",
        )
    raise DateError(
        f"ปี {year} อยู่นอกช่วงที่เป็นไปได้",
        "ใช้ปีพุทธศักราช เช่น 2569",
        f"year {year} is outside the plausible Buddhist-Era range {BE_MIN}-{BE_MAX}",
    )


def parse_date(value: object) -> date:
    """Parse a BE date as typed by staff into a (CE) :class:`datetime.date`."""
    if isinstance(value, date):
        # Only reachable if a caller bypassed our YAML loader; its year is taken as written.
        return _build(value.year, value.month, value.day, str(value))
    text = thai_digits_to_arabic(str(value)).strip()
    if m := _ISO.match(text):
        y, mo, d = int(m[1]), int(m[2]), int(m[3])
    elif m := _SLASH.match(text):
        d, mo, y = int(m[1]), int(m[2]), int(m[3])
    elif m := _WORDS.match(text):
        month = month_number(m[2])
        if month is None:
            raise DateError(
                f"ไม่รู้จักชื่อเดือน “{m[2]}”",
                "เขียนชื่อเดือนเต็ม เช่น มีนาคม หรือย่อ เช่น มี.ค.",
                f"unknown Thai month name {m[2]!r}",
            )
        d, mo, y = int(m[1]), month, int(m[3])
    else:
        raise DateError(
            f"อ่านวันที่ “{value}” ไม่ได้",
            "เขียนวันที่แบบ 2569-03-15 หรือ 15 มีนาคม 2569 (ปี พ.ศ.)",
            f"unrecognised date {value!r}; expected YYYY-MM-DD (BE) or '15 มีนาคม 2569'",
        )
    return _build(y, mo, d, str(value))


def _build(y: int, mo: int, d: int, original: str) -> date:
    check_be_year(y)
    if not 1 <= mo <= 12:
        raise DateError(
            f"เดือน {mo} ไม่มีอยู่จริง",
            "เดือนต้องอยู่ระหว่าง 1 ถึง 12",
            f"month {mo} out of range in {original!r}",
        )
    try:
        return date(to_ce(y), mo, d)
    except ValueError:
        raise DateError(
            f"วันที่ {d} {month_names()[mo]} {y} ไม่มีอยู่จริง",
            "ตรวจสอบวันที่อีกครั้ง (เช่น กุมภาพันธ์มี 28 หรือ 29 วัน)",
            f"impossible date {original!r}",
        ) from None


def parse_fiscal_year(value: object) -> int:
    """A fiscal year as staff type it ("2569", "๒๕๖๙", 2569); BE only."""
    text = thai_digits_to_arabic(str(value)).strip()
    if not text.isdigit():
        raise DateError(
            f"ปีงบประมาณ “{value}” ไม่ใช่ตัวเลข",
            "เขียนปีงบประมาณเป็นตัวเลข พ.ศ. เช่น 2569",
            f"fiscal year {value!r} is not a number",
        )
    return check_be_year(int(text))
