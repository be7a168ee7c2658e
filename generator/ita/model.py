"""The OIT lists as data: one :class:`OitList` per assessment year."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ..model import Site, SourceRef

Confidence = Literal["high", "medium", "low"]
CONFIDENCES: tuple[str, ...] = ("high", "medium", "low")

#: Pages that are not disclosure items but may satisfy an OIT item, with their site-relative URL.
SPECIAL_PAGES: dict[str, str] = {"ita": "ita/", "open-data": "open-data/"}


@dataclass(frozen=True)
class OitItem:
    """One OIT item (o1…oN) of one assessment year."""

    code: str  # "o1"
    title: str
    topics: tuple[str, ...]  # disclosure item ids (areas.yml) or SPECIAL_PAGES; the first is the URL
    evidence: str = ""  # copy-ready description; may hold {year} and {previous_year}
    period: str | None = None  # overrides each topic's own period rule
    requires: tuple[str, ...] = ()  # extra organisation-profile checks (rules.PROFILE_CHECKS)
    confidence: Confidence = "medium"
    source: SourceRef | None = None

    @property
    def number(self) -> int:
        return int(self.code[1:])

    def evidence_for(self, year: int) -> str:
        return self.evidence.replace("{year}", str(year)).replace("{previous_year}", str(year - 1))


@dataclass(frozen=True)
class OitList:
    year: int  # BE assessment year; the current fiscal year of the assessment
    title: str
    items: tuple[OitItem, ...]
    sources: tuple[SourceRef, ...] = ()


@dataclass
class OitLists:
    """Every assessment year's list, by year."""

    years: dict[int, OitList] = field(default_factory=dict)

    def get(self, year: int) -> OitList | None:
        return self.years.get(year)

    def sorted_years(self) -> list[int]:
        return sorted(self.years)


def ita_lists(site: Site) -> OitLists:
    """The lists loaded for this build (``load_site`` keeps them in ``site.extra["ita"]``)."""
    lists = site.extra.get("ita")
    return lists if isinstance(lists, OitLists) else OitLists()
