"""Theme values computed from the data: accessible colours and the footer's links.

The templates in ``site_theme/`` read these through ``config.extra.portal`` (see
:mod:`generator.render.context`). Colours come from ``content/`` (``colours: {primary, accent}``);
whatever a municipality picks, text on them keeps WCAG AA contrast (4.5:1): the header's text is
black or white, whichever reads better, and link colours are darkened until they read on white.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from ..model import Organisation

#: Neutral fallbacks: a deep government blue and a darker teal for hover/focus.
DEFAULT_PRIMARY = "#1f4e79"
DEFAULT_ACCENT = "#0b6b6f"
WHITE = "#ffffff"
BLACK = "#111111"
AA = 4.5

_HEX = re.compile(r"^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")


def parse_hex(value: str | None) -> tuple[int, int, int] | None:
    """``#abc`` / ``#aabbcc`` (with or without '#') → RGB, or None if not a colour."""
    if not value:
        return None
    m = _HEX.match(value.strip())
    if not m:
        return None
    h = m.group(1)
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def to_hex(rgb: tuple[int, int, int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def luminance(rgb: tuple[int, int, int]) -> float:
    """WCAG 2.1 relative luminance."""

    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def mix(rgb: tuple[int, int, int], other: tuple[int, int, int], t: float) -> tuple[int, int, int]:
    """``t`` of the way from ``rgb`` to ``other``."""
    return (
        round(rgb[0] + (other[0] - rgb[0]) * t),
        round(rgb[1] + (other[1] - rgb[1]) * t),
        round(rgb[2] + (other[2] - rgb[2]) * t),
    )


def readable_on(bg: tuple[int, int, int]) -> tuple[int, int, int]:
    """Black or white text, whichever contrasts more with ``bg`` (one always passes AA)."""
    white, black = (255, 255, 255), parse_hex(BLACK) or (0, 0, 0)
    return white if contrast(white, bg) >= contrast(black, bg) else black


def darken_until(rgb: tuple[int, int, int], against: tuple[int, int, int], ratio: float = AA) -> tuple[int, int, int]:
    """``rgb`` darkened just enough to reach ``ratio`` against a light ``against`` colour."""
    for step in range(0, 101):
        c = mix(rgb, (0, 0, 0), step / 100)
        if contrast(c, against) >= ratio:
            return c
    return (0, 0, 0)


def theme_colours(colours: dict[str, str] | None) -> dict[str, str]:
    """CSS colours for the theme from a municipality's ``primary``/``accent`` (hex) choice."""
    colours = colours or {}
    primary = parse_hex(colours.get("primary")) or parse_hex(DEFAULT_PRIMARY)
    accent = parse_hex(colours.get("accent")) or parse_hex(DEFAULT_ACCENT)
    assert primary is not None and accent is not None
    white = (255, 255, 255)
    light_bg = (243, 246, 249)  # the page's tinted panels (cards, footer)
    header_text = readable_on(primary)
    if contrast(header_text, primary) < AA:  # a mid-tone: neither black nor white reads on it
        primary = darken_until(primary, white)
        header_text = white
    link = darken_until(primary, light_bg)
    return {
        "primary": to_hex(primary),
        "primary_dark": to_hex(mix(primary, (0, 0, 0), 0.25)),
        "primary_light": to_hex(mix(primary, white, 0.9)),
        "on_primary": to_hex(header_text),
        "link": to_hex(link),
        "accent": to_hex(darken_until(accent, light_bg)),
        "focus": "#ffdd00",  # GOV.UK's focus yellow: with black, visible on any background
    }


#: Footer links to pages other parts of the site build, in order; shown only when the page exists.
FOOTER_LINKS: tuple[tuple[str, str], ...] = (
    ("ita", "การประเมิน ITA"),
    ("open-data", "ข้อมูลเปิด (Open Data)"),
    ("basic/contact", "ข้อมูลการติดต่อ"),  # the page's own title (generator/data/areas.yml)
    ("accessibility", "การเข้าถึงเว็บไซต์"),
    ("privacy", "ประกาศความเป็นส่วนตัว"),
)


def footer_links(page_paths: Iterable[str]) -> list[dict[str, str]]:
    """``[{title, url}]`` for the footer's links whose page exists (``url`` is site-relative).

    A section links to its ``index.md`` if there is one, else to its first page.
    """
    paths = sorted(set(page_paths))
    links: list[dict[str, str]] = []
    for prefix, title in FOOTER_LINKS:
        if f"{prefix}/index.md" in paths:
            links.append({"title": title, "url": f"{prefix}/"})
            continue
        inside = [p for p in paths if p.startswith(prefix + "/") and p.endswith("index.md")]
        if inside:
            links.append({"title": title, "url": inside[0][: -len("index.md")]})
    return links


def tel_href(phone: str | None) -> str:
    """The first number in a phone text, for a ``tel:`` link: "0 4400 0000 ต่อ 101" → "044000000"."""
    if not phone:
        return ""
    first = re.split(r"[,/]|ต่อ|หรือ", phone)[0]
    digits = re.sub(r"[^0-9+]", "", first.translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")))
    return digits if len(digits) >= 3 else ""


def theme_context(org: Organisation | None, page_paths: Iterable[str]) -> dict[str, Any]:
    """Keys of ``config.extra.portal`` that the theme computes (see :mod:`.context`)."""
    return {
        "colours": theme_colours(org.colours if org else None),
        "footer_links": footer_links(page_paths),
        "phone_tel": tel_href(org.phone if org else None),
    }
