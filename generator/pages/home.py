"""The home page: what a citizen comes for, in the order they need it.

1. the organisation's name, one plain sentence on what the site holds, and a search box;
2. the five disclosure areas and the anti-corruption section as large entry points;
3. the latest news and the latest published documents;
4. how to contact the office, ask a question or file a complaint.

The page is HTML inside Markdown (kept by ``md_in_html``) with classes styled by
``site_theme/assets/prongsai/portal.css``; icons are CSS classes (``pz-icon--…``) drawn by that
stylesheet, because page content passes the sanitizer, which keeps no ``<svg>`` or ``<button>``.
News and documents are read defensively (``getattr``): they come from other parts of the site.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Sequence
from datetime import date
from html import escape
from operator import attrgetter
from typing import Any

from ..framework import Area, load_framework
from ..model import Link, OutputFile, Page, Site
from ..render.theme import tel_href
from ..thai import format_date

LATEST = 5

#: Icon (a ``pz-icon--…`` class of the theme) for each area of ``data/areas.yml``.
AREA_ICONS = {
    "basic": "building",
    "administration": "clipboard",
    "budget": "cash",
    "hr": "people",
    "transparency": "eye",
    "anti-corruption": "shield",
}

LEAD = (
    "ข้อมูลที่{name}เปิดเผยต่อประชาชน ทั้งแผนงาน งบประมาณ การจัดซื้อจัดจ้าง บุคลากร "
    "การป้องกันการทุจริต และช่องทางร้องเรียน อ่านและดาวน์โหลดได้โดยไม่ต้องสมัครสมาชิก"
)


def generate(site: Site) -> Iterable[Page | OutputFile]:
    org = site.organisation
    name = org.name if org else "Prongsai"
    parts = [
        _areas(load_framework().areas),
        '<div class="pz-columns">',
        _latest_news(site),
        _latest_documents(site),
        "</div>",
        _contact(site),
    ]
    body = _hero(name) + '<div class="pz-home">\n' + "\n".join(p for p in parts if p) + "\n</div>\n"
    yield Page(
        path="index.md",
        title="หน้าแรก",  # the menu's first entry; the browser tab reads "หน้าแรก - <name>"
        body=body,
        nav=True,
        hide=("navigation", "toc"),
        description=LEAD.format(name=name),
    )


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _md(text: str) -> str:
    """Data as plain text inside Markdown."""
    for ch in "\\`*_[]{}<>#|":
        text = text.replace(ch, "\\" + ch)
    return text


def _hero(name: str) -> str:
    # The title is a Markdown heading (md_in_html) so that it is in the page's table of contents:
    # Material's "skip to content" link points at the first entry there.
    # The search box opens the site search in the header (partials/search.html) through
    # portal.js; without script it is hidden (the header's search needs script anyway).
    return (
        '<div class="pz-hero" markdown="1">\n\n'
        f"# {_md(name)} {{ #title }}\n\n"
        f'<p class="pz-hero__lead">{_e(LEAD.format(name=name))}</p>\n'
        '<p><a class="pz-search" href="#__search" role="button" data-pz-open-search>'
        '<span class="pz-icon pz-icon--search" aria-hidden="true"></span>'
        '<span class="pz-search__text">ค้นหาข้อมูลและเอกสาร</span>'
        "</a></p>\n\n"
        "</div>\n\n"
    )


def _areas(areas: Sequence[Area]) -> str:
    cards = []
    for area in areas:
        icon = AREA_ICONS.get(area.id, "file")
        cards.append(
            f'<li><a class="pz-card" href="{_e(area.url)}">'
            f'<span class="pz-icon pz-icon--{icon} pz-card__icon" aria-hidden="true"></span>'
            f'<span class="pz-card__title">{_e(area.title)}</span>'
            f'<span class="pz-card__desc">{_e(area.intro)}</span>'
            "</a></li>"
        )
    return (
        '<h2 class="pz-section-title" id="areas">ข้อมูลที่เปิดเผยต่อสาธารณะ</h2>'
        f'<ul class="pz-cards">{"".join(cards)}</ul>'
    )


def _item_url(item_id: str) -> str:
    item = load_framework().item(item_id)
    return item.url if item else ""


def _dated_list(rows: list[tuple[date, str, str, str]], empty: str) -> str:
    """``<ul>`` of (date, title, url, note) rows, newest first."""
    if not rows:
        return f'<p class="pz-empty">{_e(empty)}</p>'
    items = []
    for d, title, url, note in rows:
        link = f'<a href="{_e(url)}">{_e(title)}</a>' if url else _e(title)
        extra = f'<span class="pz-meta">{_e(note)}</span>' if note else ""
        items.append(f'<li><time datetime="{d.isoformat()}">{_e(format_date(d))}</time>{link}{extra}</li>')
    return f'<ul class="pz-list">{"".join(items)}</ul>'


def _latest_news(site: Site) -> str:
    news: list[Any] = list(getattr(site, "news", None) or [])
    news.sort(key=lambda n: (n.date, n.title), reverse=True)
    base = _item_url("news")
    rows = [(n.date, n.title, f"{base}{n.id}/" if base else "", "") for n in news[:LATEST]]
    more = f'<p><a class="pz-more" href="{_e(base)}">ข่าวทั้งหมด</a></p>' if base and news else ""
    return (
        '<section aria-labelledby="latest-news">'
        '<h2 class="pz-section-title" id="latest-news">ข่าวประชาสัมพันธ์ล่าสุด</h2>'
        + _dated_list(rows, "ยังไม่มีข่าวประชาสัมพันธ์")
        + more
        + "</section>"
    )


def _latest_documents(site: Site) -> str:
    docs: list[Any] = list(getattr(site, "documents", None) or [])
    # what sorting them all, newest first, would put first (ties in list order), without the sort
    newest = heapq.nlargest(LATEST, docs, key=attrgetter("date", "title"))
    framework = load_framework()
    rows = []
    for doc in newest:
        item = framework.item(doc.item_id)
        url = ""
        if item is not None:
            url = f"{item.url}{doc.id}/" if doc.has_page else item.url
        rows.append((doc.date, doc.title, url, item.title if item else ""))
    return (
        '<section aria-labelledby="latest-documents">'
        '<h2 class="pz-section-title" id="latest-documents">เอกสารเผยแพร่ล่าสุด</h2>'
        + _dated_list(rows, "ยังไม่มีเอกสารเผยแพร่")
        + "</section>"
    )


def _links(links: Iterable[Link]) -> str:
    items = []
    for link in links:
        url = getattr(link, "url", "") or ""
        phone = getattr(link, "phone", "") or ""
        title = _e(link.title)
        text = f'<a href="{_e(url)}">{title}</a>' if url else title
        if phone:
            text += f" โทร {_e(phone)}"
        if link.description:
            text += f'<span class="pz-meta">{_e(link.description)}</span>'
        items.append(f"<li>{text}</li>")
    return f'<ul class="pz-list">{"".join(items)}</ul>' if items else ""


def _contact(site: Site) -> str:
    org = site.organisation
    if org is None:
        return ""
    rows = [("map", "ที่อยู่", _e(org.address))]
    if org.phone:
        tel = tel_href(org.phone)
        phone = f'<a href="tel:{tel}">{_e(org.phone)}</a>' if tel else _e(org.phone)
        rows.append(("phone", "โทรศัพท์", phone))
    if org.email:
        rows.append(("email", "อีเมล", f'<a href="mailto:{_e(org.email)}">{_e(org.email)}</a>'))
    if org.office_hours:
        rows.append(("clock", "เวลาทำการ", _e(org.office_hours)))
    dl = "".join(
        f'<dt><span class="pz-icon pz-icon--{icon}" aria-hidden="true"></span>{label}</dt><dd>{value}</dd>'
        for icon, label, value in rows
    )
    contact_url = _item_url("contact")
    complaints_url = _item_url("complaint-channels")
    parts = [
        '<section class="pz-contact" aria-labelledby="contact">',
        '<h2 class="pz-section-title" id="contact">ติดต่อ สอบถาม และร้องเรียน</h2>',
        '<div class="pz-columns">',
        f"<div><h3>ติดต่อ {_e(org.short_name or org.name)}</h3><dl>{dl}</dl>",
    ]
    if org.map_url:
        parts.append(f'<p><a href="{_e(org.map_url)}">ดูแผนที่ไปสำนักงาน</a></p>')
    if contact_url:
        parts.append(f'<p><a class="pz-more" href="{_e(contact_url)}">ข้อมูลการติดต่อทั้งหมด</a></p>')
    parts.append("</div><div>")
    if org.two_way_channels:
        parts.append("<h3>ถามหรือแจ้งเรื่องออนไลน์</h3>" + _links(org.two_way_channels))
    if org.complaint_channels:
        parts.append(
            "<h3>ร้องเรียนการทุจริตและประพฤติมิชอบ</h3>"
            "<p>ผู้ร้องเรียนได้รับการคุ้มครอง ข้อมูลของผู้ร้องเรียนจะถูกเก็บเป็นความลับ</p>"
            + _links(org.complaint_channels)
        )
        if complaints_url:
            parts.append(f'<p><a class="pz-more" href="{_e(complaints_url)}">วิธีร้องเรียนและการคุ้มครองผู้ร้องเรียน</a></p>')
    if org.e_services:
        parts.append("<h3>บริการออนไลน์ (E-Service)</h3>" + _links(org.e_services))
    parts.append("</div></div></section>")
    return "".join(parts)
