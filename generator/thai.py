"""Thai calendar, numbers and text helpers.

Everything that turns a value into Thai for a reader, or Thai input into a value, lives here:
Buddhist-Era years, fiscal years (1 Oct – 30 Sep, named by the BE year in which they end),
official date style ("25 พฤศจิกายน 2569"), Thai digits, baht amounts and URL slugs that keep
Thai letters intact (Python's usual slug functions drop vowels and tone marks).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import cache, lru_cache
from typing import Literal

from babel.dates import get_month_names

BE_OFFSET = 543
THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_TO_ARABIC = str.maketrans(THAI_DIGITS, "0123456789")

#: Plausible BE years for content (a BE year outside this is almost surely a CE year or a typo).
BE_MIN, BE_MAX = 2400, 2700


@cache
def month_names(width: Literal["wide", "abbreviated"] = "wide") -> dict[int, str]:
    """Thai month names from Babel's CLDR data ("wide": มกราคม, "abbreviated": ม.ค.)."""
    return dict(get_month_names(width, locale="th"))


def thai_digits_to_arabic(text: str) -> str:
    return text.translate(_TO_ARABIC)


def to_be(year_ce: int) -> int:
    return year_ce + BE_OFFSET


def to_ce(year_be: int) -> int:
    return year_be - BE_OFFSET


def fiscal_year(d: date) -> int:
    """The BE fiscal year a CE date falls in: FY 2569 = 1 Oct 2025 – 30 Sep 2026."""
    return to_be(d.year) + (1 if d.month >= 10 else 0)


def fiscal_year_bounds(fy_be: int) -> tuple[date, date]:
    """First and last day (CE dates) of a BE fiscal year."""
    end_ce = to_ce(fy_be)
    return date(end_ce - 1, 10, 1), date(end_ce, 9, 30)


def first_half_bounds(fy_be: int) -> tuple[date, date]:
    """รอบ 6 เดือน: 1 ต.ค. – 31 มี.ค. of the fiscal year."""
    end_ce = to_ce(fy_be)
    return date(end_ce - 1, 10, 1), date(end_ce, 3, 31)


@lru_cache(maxsize=4096)  # pages write the same few hundred dates tens of thousands of times
def format_date(d: date, short: bool = False) -> str:
    """Official style: "25 พฤศจิกายน 2569"; short: "25 พ.ย. 2569"."""
    names = month_names("abbreviated" if short else "wide")
    return f"{d.day} {names[d.month]} {to_be(d.year)}"


def format_month(year_ce: int, month: int) -> str:
    """"ตุลาคม 2568" for October 2025."""
    return f"{month_names()[month]} {to_be(year_ce)}"


def format_number(value: int | float | Decimal, decimals: int = 0) -> str:
    """Thai grouping: 1,234,567 (CLDR "th" uses comma grouping and a full stop for decimals).

    Python's own formatting gives CLDR's output for "th" (half-even rounding, like Babel) at a
    twentieth of the cost: tables of ten thousand amounts format each one.
    """
    if not isinstance(value, Decimal):
        value = Decimal(str(value))  # as Babel does: 2.675 rounds as written, big ints stay exact
    return f"{value:,.{decimals}f}"


def format_baht(value: int | float | Decimal | None, none_text: str = "ไม่ใช้งบประมาณ") -> str:
    """"1,234,567.00 บาท"; ``None`` means no budget is used."""
    if value is None:
        return none_text
    return f"{format_number(value, 2)} บาท"  # (format_number reads non-Decimals as Decimal(str(value)))


def format_bytes(size: int) -> str:
    """File sizes as readers expect them: "850 KB", "1.2 MB"."""
    if size < 1024:
        return f"{size} ไบต์"
    if size < 1024 * 1024:
        return f"{round(size / 1024)} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def parse_amount(text: str | int | float) -> Decimal:
    """Parse a baht amount written by staff: "1,234.50", "๑,๒๓๔", "1234 บาท".

    Raises ValueError with a Thai message when the text is not an amount.
    """
    if isinstance(text, bool):
        raise ValueError("ต้องเป็นจำนวนเงิน ไม่ใช่ค่าจริง/เท็จ")
    if isinstance(text, int | float):
        value = Decimal(str(text))
    else:
        cleaned = thai_digits_to_arabic(str(text)).replace(",", "").replace("บาท", "").strip()
        try:
            value = Decimal(cleaned)
        except InvalidOperation:
            raise ValueError(f"“{text}” ไม่ใช่จำนวนเงิน") from None
    if not value.is_finite():  # Decimal reads "nan" and "Infinity"; comparing them would raise
        raise ValueError(f"“{text}” ไม่ใช่จำนวนเงิน")
    if value < 0:
        raise ValueError("จำนวนเงินติดลบไม่ได้")
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


_SLUG_DROP = re.compile(r"[^\w\u0E00-\u0E7F-]+")
_SLUG_SPACES = re.compile(r"[\s_/\\.]+")
_SLUG_HYPHENS = re.compile(r"-{2,}")


def slugify(text: str) -> str:
    """A URL slug that keeps Thai letters, vowels and tone marks ("กิจกรรม" stays "กิจกรรม").

    ASCII letters are lower-cased; spaces and punctuation become single hyphens.
    """
    text = unicodedata.normalize("NFC", text).strip().lower()
    text = _SLUG_SPACES.sub("-", text)
    text = _SLUG_DROP.sub("", text)
    return _SLUG_HYPHENS.sub("-", text).strip("-")


def heading_id(value: str, separator: str = "-") -> str:
    """Heading anchors for Python-Markdown's toc that keep Thai words readable.

    The default drops every non-ASCII letter, so Thai headings all became ``_1``, ``_2``…
    Used in mkdocs_base.yml as ``toc: slugify``.
    """
    slug = slugify(value)
    return slug.replace("-", separator) if separator != "-" else slug
