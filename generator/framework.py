"""The disclosure framework: the five areas of the seed's section 2.1.3 and their items.

Shared by every อปท.; loaded from ``data/areas.yml`` so that a reviewer can read and correct it
without reading code. Item ids are stable topics: they are folder names under
``content/documents/`` and URL segments, so they must never be renamed.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from typing import Literal

from .sources import safe_load

ItemKind = Literal["register", "profile", "dataset", "news", "plan"]
Period = Literal["current", "previous", "first_half", "standing"]


@dataclass(frozen=True)
class Item:
    id: str
    title: str
    intro: str
    kind: ItemKind
    period: Period
    area_id: str
    dataset: str | None = None  # for kind == "dataset": which structured dataset it shows

    @property
    def url(self) -> str:
        """Site-relative URL of the item's page, e.g. ``basic/structure/``."""
        return f"{self.area_id}/{self.id}/"


@dataclass(frozen=True)
class Area:
    id: str
    title: str
    intro: str
    items: tuple[Item, ...]

    @property
    def url(self) -> str:
        return f"{self.id}/"


@dataclass(frozen=True)
class Framework:
    areas: tuple[Area, ...]

    def item(self, item_id: str) -> Item | None:
        return self._items.get(item_id)

    def items_by_id(self) -> dict[str, Item]:
        """Every item by id, in framework order (a copy: callers may change it)."""
        return dict(self._items)

    @cached_property
    def _items(self) -> dict[str, Item]:
        # Built once: pages look items up per document (feeds, open data), thousands of times.
        return {i.id: i for a in self.areas for i in a.items}

    def area(self, area_id: str) -> Area | None:
        return next((a for a in self.areas if a.id == area_id), None)


@cache
def load_framework() -> Framework:
    """The five areas and their items from ``data/areas.yml`` (read once per process)."""
    text = resources.files("generator").joinpath("data/areas.yml").read_text("utf-8")
    raw = safe_load(text)
    areas = []
    for a in raw["areas"]:
        items = tuple(
            Item(
                id=i["id"],
                title=i["title"],
                intro=i["intro"],
                kind=i["kind"],
                period=i["period"],
                area_id=a["id"],
                dataset=i.get("dataset"),
            )
            for i in a["items"]
        )
        areas.append(Area(id=a["id"], title=a["title"], intro=a["intro"], items=items))
    return Framework(tuple(areas))
