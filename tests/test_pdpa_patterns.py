"""The PDPA check's patterns for IDs and mobiles start with the character they need (fast) and
must find exactly what their plain forms, a look-behind first, find."""

from __future__ import annotations

import random
import re

from generator.checks import pdpa

PLAIN_ID = re.compile(r"(?<![\d/.,])([1-8][ \t\-]?\d{4}[ \t\-]?\d{5}[ \t\-]?\d{2}[ \t\-]?\d)(?![\d/.,]\d|\d)")
PLAIN_MOBILE = re.compile(r"(?<![\d+])((?:\+66|66)[ \t\-]?[689]\d|0[689]\d)[ \t\-.]?(\d{3})[ \t\-.]?(\d{4})(?![\d])")


def _matches(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


def test_fast_patterns_find_what_the_plain_ones_find() -> None:
    rng = random.Random(8)
    alphabet = "0123456789+-. /,\t\nก๑66080"
    found = 0
    for _ in range(100_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        ids = _matches(PLAIN_ID, text)
        assert _matches(pdpa._ID, text) == ids, text
        assert _matches(pdpa._MOBILE, text) == _matches(PLAIN_MOBILE, text), text
        found += bool(ids)
    assert found > 100
    for text in ("1-2345-67890-12-1", "x1234567890121", "/1234567890121", "+66812345678", "+0812345678",
                 "66 81 234 5678", "5081-234-5678", "0812345678", "+6681234567"):
        assert _matches(pdpa._ID, text) == _matches(PLAIN_ID, text), text
        assert _matches(pdpa._MOBILE, text) == _matches(PLAIN_MOBILE, text), text
