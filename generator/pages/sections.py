"""Item sections: the part of an item page above its document register.

Every item page is: the item's intro, then its *section* (if any), then its register of dated
documents. Sections come from the module that owns the data: the organisation profile renders
``structure`` and ``executives``; datasets render ``procurement-monthly``; the plan renders
``action-plan``. Each registers a function here by item id, so the item-page generator needs no
knowledge of any of them.
"""

from __future__ import annotations

from collections.abc import Callable

from ..framework import Item
from ..model import Site

#: A section renderer returns finished Markdown for one item (may be "").
SectionRenderer = Callable[[Site, Item], str]

SECTIONS: dict[str, SectionRenderer] = {}


def section(*item_ids: str) -> Callable[[SectionRenderer], SectionRenderer]:
    """Decorator: ``@section("structure")`` registers the function for that item id."""

    def register(fn: SectionRenderer) -> SectionRenderer:
        for item_id in item_ids:
            if item_id in SECTIONS:
                raise RuntimeError(f"two section renderers for item {item_id!r}")
            SECTIONS[item_id] = fn
        return fn

    return register


def render_section(site: Site, item: Item) -> str:
    fn = SECTIONS.get(item.id)
    return fn(site, item) if fn else ""
