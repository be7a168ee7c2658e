"""The accessibility statement and privacy notice (generator/pages/static.py): their titles, and a
"last updated" date that is the day the text changed, not the day the site was built."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.model import Page, Site
from generator.pages import static
from generator.render.theme import footer_links

# sha256 (first 16 hex digits) of each text as written when its date was last set. A failure here
# means the text changed: set ACCESSIBILITY_UPDATED / PRIVACY_UPDATED in static.py to today and
# copy the new digest from the failure message.
TEXTS: dict[str, tuple[Callable[..., str], str]] = {
    "ACCESSIBILITY_UPDATED": (static.accessibility_md, "4a3261493c16c676"),
    "PRIVACY_UPDATED": (static.privacy_md, "ab25f67fea25f1cf"),
}


def _pages() -> list[Page]:
    return [p for p in static.generate(Site(root=Path("."), settings=None)) if isinstance(p, Page)]


def _text_without_date(render: Callable[..., str]) -> str:
    text = render(None)
    return text[: text.rindex("ปรับปรุงล่าสุด")]


@pytest.mark.parametrize("constant", sorted(TEXTS))
def test_a_changed_text_gets_a_new_date(constant: str) -> None:
    render, digest = TEXTS[constant]
    now = hashlib.sha256(_text_without_date(render).encode()).hexdigest()[:16]
    assert now == digest, f"the text changed: set static.{constant} to today and the digest here to {now!r}"


def test_last_updated_is_the_texts_date_not_the_build_date(monkeypatch: pytest.MonkeyPatch) -> None:
    bodies = []
    for epoch in ("1764028800", "1900000000"):  # 2025-11-25, 2030-03-17
        monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
        bodies.append([p.body for p in _pages()])
    assert bodies[0] == bodies[1]
    assert bodies[0][0].rstrip().endswith("ปรับปรุงล่าสุด 25 พฤศจิกายน 2569")
    assert bodies[0][1].rstrip().endswith("ปรับปรุงล่าสุด 25 พฤศจิกายน 2569")


def test_titles_and_footer_names() -> None:
    accessibility, privacy = _pages()
    assert accessibility.title == "การเข้าถึงเว็บไซต์"
    assert accessibility.body.startswith("# การเข้าถึงเว็บไซต์\n")
    assert privacy.title == "ประกาศความเป็นส่วนตัว"
    links = footer_links(["basic/contact/index.md", "accessibility/index.md"])
    # the footer calls each page what its heading says
    assert [link["title"] for link in links] == ["ข้อมูลการติดต่อ", "การเข้าถึงเว็บไซต์"]
