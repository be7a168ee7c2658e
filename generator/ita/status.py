"""The status of every OIT item of one assessment year, from the status of its topics."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..framework import load_framework
from ..model import Site
from .model import SPECIAL_PAGES, OitItem, OitList
from .rules import PERIOD_TEXT, STATUS_MARK, STATUS_TEXT, Status, TopicStatus, topic_status

#: Worst first: an item is as good as its weakest topic.
_RANK: dict[str, int] = {"missing": 0, "out_of_date": 1, "met": 2}


def topic_url(topic: str) -> str:
    """Site-relative URL of the page that shows a topic: ``basic/structure/``, ``ita/``."""
    if topic in SPECIAL_PAGES:
        return SPECIAL_PAGES[topic]
    item = load_framework().item(topic)
    if item is None:
        raise KeyError(topic)
    return item.url


def topic_title(topic: str) -> str:
    item = load_framework().item(topic)
    if item is not None:
        return item.title
    return {"ita": "การประเมินคุณธรรมและความโปร่งใส (ITA)", "open-data": "ข้อมูลเปิด"}.get(topic, topic)


@dataclass(frozen=True)
class ItemStatus:
    item: OitItem
    status: Status
    url: str  # absolute: the address to submit to the assessment system
    path: str  # site-relative (for links inside the site)
    description: str  # copy-ready, with the years filled in
    period_text: str
    topics: tuple[TopicStatus, ...]

    @property
    def status_text(self) -> str:
        return f"{STATUS_MARK[self.status]} {STATUS_TEXT[self.status]}"

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.item.code,
            "title": self.item.title,
            "status": self.status,
            "status_th": STATUS_TEXT[self.status],
            "url": self.url,
            "description": self.description,
            "period": self.period_text,
            "confidence": self.item.confidence,
            "topics": [
                {"topic": t.topic, "url": topic_url(t.topic), "status": t.status, "found": t.found,
                 "missing": t.missing, "where": t.where}
                for t in self.topics
            ],
        }


@dataclass(frozen=True)
class Assessment:
    year: int
    title: str
    site_url: str
    items: tuple[ItemStatus, ...]

    def count(self, status: str) -> int:
        return sum(1 for i in self.items if i.status == status)

    @property
    def all_met(self) -> bool:
        return all(i.status == "met" for i in self.items)

    def to_json(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "title": self.title,
            "site_url": self.site_url,
            "summary": {s: self.count(s) for s in ("met", "missing", "out_of_date")},
            "items": [i.to_json() for i in self.items],
        }


def _period_text(item: OitItem, year: int) -> str:
    """Which fiscal year the evidence must cover, in Thai ("ปีงบประมาณ 2569")."""
    fw = load_framework()
    periods: list[str] = []
    for topic in item.topics:
        fi = fw.item(topic)
        periods.append(item.period or (fi.period if fi else "standing"))
    return " / ".join(dict.fromkeys(PERIOD_TEXT[p].format(year=year, previous=year - 1) for p in periods))


def assess(site: Site, oit: OitList, year: int | None = None) -> Assessment:
    """Status of each item of ``oit`` for assessment year ``year`` (default: the list's year)."""
    year = year or oit.year
    base = site.settings.site_url.rstrip("/") + "/"
    out: list[ItemStatus] = []
    for item in oit.items:
        topics = tuple(topic_status(site, t, year, item.period, item.requires) for t in item.topics)
        worst = min(topics, key=lambda t: _RANK[t.status]).status if topics else "missing"
        path = topic_url(item.topics[0])
        out.append(ItemStatus(
            item=item, status=worst, url=base + path, path=path,
            description=item.evidence_for(year) or topic_title(item.topics[0]),
            period_text=_period_text(item, year), topics=topics,
        ))
    return Assessment(year, oit.title, base, tuple(out))
