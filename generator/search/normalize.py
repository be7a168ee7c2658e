"""Text normalisation and index keys shared by the index builder and the browser.

``site_theme/assets/search/search.js`` implements the same rules; ``tests/browser/test_search.py``
checks that both sides agree on tricky strings. Change both or neither.

Why n-grams and not words: Thai has no spaces between words and no two segmenters agree on word
boundaries (the browser's ICU cuts จัดซื้อจัดจ้าง into four words, a build-time dictionary into
one or two). Matching character trigrams finds any substring a citizen types — whole words,
compounds, parts of words, with or without spaces — without a segmenter on either side.
"""

from __future__ import annotations

import re

THAI_FIRST, THAI_LAST = 0x0E01, 0x0E4E
THAI_DIGIT_ZERO = 0x0E50
# Characters dropped inside a word: "E-Service" = "eservice", "ป.ป.ช." = "ปปช", "1,000" = "1000".
JOINERS = frozenset(".-,'’‐‑")
ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
# Thai marks typed in either order (PDF conversions swap them): vowel marks sort before tone
# marks, so that "ที่" typed as ท + ่ + ี still matches.
_MARK_RANK = {0x0E31: 0, 0x0E47: 0, 0x0E48: 1, 0x0E49: 1, 0x0E4A: 1, 0x0E4B: 1, 0x0E4C: 2, 0x0E4D: 2, 0x0E4E: 2}
_MARK_RANK.update({cp: 0 for cp in range(0x0E34, 0x0E3B)})
NGRAM = 3


def is_thai(ch: str) -> bool:
    return THAI_FIRST <= ord(ch) <= THAI_LAST and ch not in "ฯๆ฿"


def is_word_char(ch: str) -> bool:
    return (ch.isascii() and ch.isalnum()) or is_thai(ch)


def _char(ch: str) -> str:
    """One input character as it is indexed: '' dropped, ' ' separator, else the character."""
    cp = ord(ch)
    if ch in ZERO_WIDTH:
        return ""
    if THAI_DIGIT_ZERO <= cp <= THAI_DIGIT_ZERO + 9:
        return chr(cp - THAI_DIGIT_ZERO + 0x30)
    if ch.isascii() and ch.isalpha():
        return ch.lower()
    return ch if is_word_char(ch) else " "


def normalize(text: str) -> tuple[str, list[int]]:
    """The searchable form of ``text`` and, for each of its characters, the index of the
    original character it came from (so that the browser can highlight the original text).

    Separators collapse to one space; a separator between two Thai characters disappears, since
    Thai spaces end phrases, not words; sara am written as nikhahit + sara aa becomes sara am.
    """
    out: list[str] = []
    src: list[int] = []
    pending_space = False
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "\u0e4d" and i + 1 < n and text[i + 1] == "\u0e32":  # ํ + า = ำ
            c, width = "\u0e33", 2
        else:
            c, width = _char(ch), 1
            if ch in JOINERS and out and out[-1] != " " and i + 1 < n and is_word_char(_char(text[i + 1]) or " "):
                c = ""
        if c == " ":
            pending_space = bool(out)
        elif c:
            if pending_space and not (is_thai(out[-1]) and is_thai(c)):
                out.append(" ")
                src.append(i - 1)
            pending_space = False
            out.append(c)
            src.append(i)
        i += width
    _sort_marks(out, src)
    return "".join(out), src


# The same rules as :func:`normalize` applied to whole strings with regular expressions, for the
# index builder, which needs only the text: several times faster than the loop above (which the
# browser side mirrors character by character). tests/test_search_index.py checks both agree.
_THAI_CLASS = "\u0e01-\u0e2e\u0e30-\u0e3e\u0e40-\u0e45\u0e47-\u0e4e"  # is_thai
_RAW_WORD = re.compile(f"[0-9A-Za-z\u0e50-\u0e59{_THAI_CLASS}]")  # characters _char keeps
_JOINER_BEFORE_WORD = re.compile(f"[{re.escape(''.join(sorted(JOINERS)))}](?=[0-9A-Za-z\u0e50-\u0e59{_THAI_CLASS}])")
_SEPARATORS = re.compile(f"[^0-9a-z{_THAI_CLASS}]+")
_THAI_SPACE = re.compile(f"(?<=[{_THAI_CLASS}]) (?=[{_THAI_CLASS}])")


def _marks(rank: int) -> str:
    return "".join(chr(cp) for cp in sorted(_MARK_RANK) if _MARK_RANK[cp] == rank)


_MARK_RUN = re.compile(f"[{_marks(0)}{_marks(1)}{_marks(2)}]{{2,}}")
# Most runs are in order already: sort only when some mark comes before one of lower rank.
_MARKS_UNSORTED = re.compile(f"[{_marks(1)}{_marks(2)}][{_marks(0)}]|[{_marks(2)}][{_marks(1)}]")
_ZERO_WIDTH_RE = re.compile(f"[{''.join(sorted(ZERO_WIDTH))}]")
_UPPER = re.compile("[A-Z]+")
_THAI_DIGITS = re.compile("[\u0e50-\u0e59]+")
_DIGIT_TABLE = {THAI_DIGIT_ZERO + d: 0x30 + d for d in range(10)}


def _sorted_run(m: re.Match[str]) -> str:
    return "".join(sorted(m.group(), key=lambda c: _MARK_RANK[ord(c)]))


def normalize_text(text: str) -> str:
    """``normalize(text)[0]``, without the map back to the original characters."""
    text = text.replace("\u0e4d\u0e32", "\u0e33")
    first = _RAW_WORD.search(text)
    if first is None:
        return ""
    # A joiner between a word character and the next goes; one before any word character or
    # not followed by one is a separator.
    start = first.start()
    text = text[start:]
    text = _JOINER_BEFORE_WORD.sub("", text)
    if _ZERO_WIDTH_RE.search(text):
        text = _ZERO_WIDTH_RE.sub("", text)
    text = _UPPER.sub(lambda m: m.group().lower(), text)
    text = _THAI_DIGITS.sub(lambda m: m.group().translate(_DIGIT_TABLE), text)
    text = _SEPARATORS.sub(" ", text).strip(" ")
    text = _THAI_SPACE.sub("", text)
    return _MARK_RUN.sub(_sorted_run, text) if _MARKS_UNSORTED.search(text) else text


def _sort_marks(chars: list[str], src: list[int]) -> None:
    """Stable-sort each run of Thai combining marks by rank (vowel, tone, other)."""
    i = 0
    while i < len(chars):
        j = i
        while j < len(chars) and ord(chars[j]) in _MARK_RANK:
            j += 1
        if j - i > 1:
            run = sorted(zip(chars[i:j], src[i:j], strict=True), key=lambda p: _MARK_RANK[ord(p[0])])
            chars[i:j] = [c for c, _ in run]
            src[i:j] = [s for _, s in run]
        i = max(j, i + 1)


def grams(norm: str) -> list[str]:
    """Index keys of a normalised text: every trigram inside each token, and each token's last
    two characters followed by a space (so a two-letter query like "งบ" finds "งบ" anywhere).
    A lone Latin letter or digit is a key of its own ("มิติที่ 3", "ITA 2")."""
    keys: list[str] = []
    add, add_all = keys.append, keys.extend
    for token in norm.split(" "):
        if len(token) < 2:
            if token.isascii() and token.isalnum():
                add(token + " ")
            continue
        add_all([token[k : k + NGRAM] for k in range(len(token) - NGRAM + 1)])  # a list: faster
        add(token[-2:] + " ")
    return keys


def shard_of(key: str, shards: int) -> int:
    """Keys sharing their first two characters live in one shard (the browser looks a two-letter
    query up by prefix there)."""
    return (ord(key[0]) * 31 + ord(key[1])) % shards
