"""The Atom feed ``/feed.xml``: the newest news and newly published documents.

Deterministic: entries are ordered by their data date (then id), ``updated`` comes from the data,
never from the clock, and each entry's id is its absolute page URL, which is stable because URLs
follow topic ids. Theme: ``<link rel="alternate" type="application/atom+xml" href="/feed.xml">``.
"""

from __future__ import annotations

import heapq
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from urllib.parse import quote

from ..config import build_date
from ..framework import load_framework
from ..model import OutputFile, Page, Site

FEED_PATH = "feed.xml"
MAX_ENTRIES = 50
ATOM = "http://www.w3.org/2005/Atom"
TZ = "+07:00"  # dates in content are Thai dates; say so rather than pretend they are UTC


@dataclass(frozen=True)
class Entry:
    id: str  # absolute URL (unique: a document without a page gets the item URL + #id)
    link: str  # absolute URL
    title: str
    date: date
    summary: str
    category: str


def _stamp(d: date) -> str:
    return f"{d.isoformat()}T00:00:00{TZ}"


def entries(site: Site) -> list[Entry]:
    """News and documents, newest first, at most :data:`MAX_ENTRIES`."""
    base = site.settings.site_url.rstrip("/") + "/"

    def url(path: str) -> str:
        # Record ids may be Thai: escape them as the sitemap does, for strict feed readers.
        return base + quote(path, safe="/#")

    fw = load_framework()
    oldest = _oldest_kept([n.date for n in site.news] + [d.date for d in site.documents])
    out: list[Entry] = []
    for n in site.news:
        if n.date < oldest:
            continue
        link = url(f"basic/news/{n.id}/")
        out.append(Entry(link, link, n.title, n.date, _first_paragraph(n.body_md), "ข่าวประชาสัมพันธ์"))
    for d in site.documents:
        if d.date < oldest:
            continue
        item = fw.item(d.item_id)
        item_url = url(item.url if item else f"{d.item_id}/")
        if d.has_page:
            link = uid = item_url + quote(f"{d.id}/")
        else:
            link, uid = item_url, item_url + "#" + quote(d.id)
        title = item.title if item else d.item_id
        out.append(Entry(uid, link, d.title, d.date, d.summary or title, title))
    out.sort(key=lambda e: (e.date, e.id), reverse=True)
    return out[:MAX_ENTRIES]


def _oldest_kept(dates: list[date]) -> date:
    """The date of the :data:`MAX_ENTRIES`-th newest record: nothing older can be in the feed, so
    its entries are not built (a large site has ten thousand documents for fifty entries).
    Records of that very date are all kept, to be ordered by id as the others."""
    if len(dates) <= MAX_ENTRIES:
        return date.min
    return heapq.nlargest(MAX_ENTRIES, dates)[-1]


def _first_paragraph(md: str, limit: int = 300) -> str:
    """A plain-text summary: the first paragraph, without Markdown markup, cut at ``limit``."""
    for para in md.strip().split("\n\n"):
        text = " ".join(para.split())
        if text and not text.startswith(("#", "!", "<", "|", "```")):
            text = text.replace("**", "").replace("__", "")
            return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
    return ""


def atom_feed(site: Site) -> bytes:
    base = site.settings.site_url.rstrip("/") + "/"
    org = site.organisation
    name = org.name if org else "Prongsai"
    items = entries(site)
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": "th"})

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        el = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text is not None:
            el.text = text
        return el

    sub(feed, "id", base)
    sub(feed, "title", f"{name}: ข่าวและเอกสารล่าสุด")
    sub(feed, "updated", _stamp(items[0].date if items else build_date()))
    sub(feed, "link", href=base + FEED_PATH, rel="self", type="application/atom+xml")
    sub(feed, "link", href=base, rel="alternate", type="text/html")
    author = sub(feed, "author")
    sub(author, "name", name)
    for e in items:
        entry = sub(feed, "entry")
        sub(entry, "id", e.id)
        sub(entry, "title", e.title)
        sub(entry, "link", href=e.link, rel="alternate", type="text/html")
        sub(entry, "updated", _stamp(e.date))
        sub(entry, "published", _stamp(e.date))
        sub(entry, "category", term=e.category)
        if e.summary:
            sub(entry, "summary", e.summary)
    ET.indent(feed, space=" ")
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def generate(site: Site) -> Iterable[Page | OutputFile]:
    yield OutputFile(FEED_PATH, atom_feed(site))
