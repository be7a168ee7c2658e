"""The organisation profile: item sections built from ``content/organisation.yml`` and the files
they need (photos, logo, org chart, a JSON download, the profile stylesheet).

Sections are registered by item id (``structure``, ``executives``, ``powers``, ``contact``,
``laws``, ``qa``, ``social-network``, ``e-service``, ``complaint-channels``); the item-page
generator places each above the item's document register. The markup is plain lists and
definition lists, so it reads in order with a screen reader and stacks on a 390 px phone; the
classes (``pr-*``) are styled by ``generator/data/profile.css``. Titles that change with the
type of อปท. (นายกเทศมนตรี / นายกองค์การบริหารส่วนตำบล, สภาเทศบาล / สภาองค์การบริหารส่วนตำบล)
come from :class:`~generator.model.OrgType`, never from this code.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from html import escape
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

from ..content.organisation import LINK_KINDS
from ..framework import Item
from ..model import Division, Link, Organisation, OutputFile, Page, Person, Site
from ..thai import format_date, thai_digits_to_arabic
from .sections import SectionRenderer, section

#: Where images from content/organisation/ are published: ``files/organisation/...``.
FILES_PREFIX = "files/"
STYLESHEET = "assets/stylesheets/profile.css"
JSON_DOWNLOAD = "data/organisation.json"

# What readers see for each kind of channel: the same labels staff choose from.
KIND_LABELS = LINK_KINDS

# A title holding this word already says the kind ("แบบฟอร์มถามตอบออนไลน์"): no "· แบบฟอร์มออนไลน์"
_KIND_WORDS: dict[str, str] = {"form": "แบบฟอร์ม", "webboard": "เว็บบอร์ด", "line": "LINE"}

NO_PROFILE = (
    "ยังไม่มีข้อมูลหน่วยงาน เจ้าหน้าที่เพิ่มได้ในไฟล์ `content/organisation.yml`\n"
)


# --- small helpers ---------------------------------------------------------------------------


def published_path(content_rel: str) -> str:
    """Site-relative path of a file from content/ (``organisation/logo.svg`` →
    ``files/organisation/logo.svg``)."""
    return FILES_PREFIX + content_rel


def _up(item: Item) -> str:
    """From an item page (``basic/executives/``) back to the site root."""
    return "../" * item.url.count("/")


def tel_href(phone: str) -> str | None:
    """``tel:`` link for the first number in ``phone``: "0 4300 0000 ต่อ 101" → "tel:043000000,101".

    Thai numbers have a known length (landlines 0[2-57] + 7 digits, mobiles 0[689] + 8), which
    also cuts a written range such as "0 4300 0000-2" down to its first number.
    """
    text = thai_digits_to_arabic(phone)
    main, ext = text, ""
    if m := re.search(r"ต่อ|ext\.?|#", text):
        main, ext = text[: m.start()], text[m.end():]
    first = re.split(r",|/|หรือ", main)[0]
    digits = re.sub(r"\D", "", first)
    if len(digits) < 3:
        return None
    if digits.startswith("0") and len(digits) > 1:
        digits = digits[: 10 if digits[1] in "689" else 9]
    ext_digits = re.match(r"\s*(\d+)", ext)
    return f"tel:{digits}" + (f",{ext_digits.group(1)}" if ext_digits else "")


def _phone_html(phone: str) -> str:
    href = tel_href(phone)
    return f'<a href="{escape(href)}">{escape(phone)}</a>' if href else escape(phone)


def _mail_html(email: str) -> str:
    return f'<a href="mailto:{escape(email)}">{escape(email)}</a>'


def _is_external(site: Site, url: str) -> bool:
    own = urlsplit(site.settings.site_url or "").netloc
    host = urlsplit(url).netloc
    return bool(host) and host != own


def _link_html(site: Site, link: Link, mark_external: bool = False) -> str:
    """One channel as a list item: linked title, kind, phone, description."""
    title = escape(link.title)
    if link.url:
        ext = ' <span class="pr-external">(เว็บไซต์ภายนอก)</span>' if (
            mark_external and _is_external(site, link.url)) else ""
        head = f'<a href="{escape(link.url)}">{title}</a>{ext}'
    else:
        head = f"<strong>{title}</strong>"
    parts = [head]
    label = KIND_LABELS.get(link.kind, "")
    if label and label not in link.title and _KIND_WORDS.get(link.kind, label) not in link.title:
        parts.append(f'<span class="pr-kind">{escape(label)}</span>')
    if link.phone:
        parts.append(f"โทร {_phone_html(link.phone)}")
    line = " · ".join(parts)
    if link.description:
        line += f'<br><span class="pr-description">{escape(link.description)}</span>'
    return f"<li>{line}</li>"


def _links_block(site: Site, links: Iterable[Link], mark_external: bool = False) -> str:
    items = [_link_html(site, link, mark_external) for link in links]
    if not items:
        return ""
    return '<ul class="pr-links">\n' + "\n".join(items) + "\n</ul>\n"


def _md_escape(text: str) -> str:
    """Text placed in a Markdown heading must not turn into emphasis, links or HTML."""
    return re.sub(r"([\\`*_\[\]<>#|])", r"\\\1", text)


def _org(site: Site) -> Organisation | None:
    return site.organisation


ProfileRenderer = Callable[[Site, Item, Organisation], str]


def profile_section(item_id: str) -> Callable[[ProfileRenderer], SectionRenderer]:
    """Register a section built from the organisation profile; without one it says so."""

    def register(fn: ProfileRenderer) -> SectionRenderer:
        def render(site: Site, item: Item) -> str:
            org = _org(site)
            return NO_PROFILE if org is None else fn(site, item, org)

        return section(item_id)(render)

    return register


def _groups(org: Organisation) -> tuple[list[Person], list[Person], list[Person]]:
    by = {"executive": [], "council": [], "permanent": []}  # type: dict[str, list[Person]]
    for p in org.executives:
        group = p.group or ("permanent" if p.side == "permanent" else "executive")
        by.setdefault(group, []).append(p)
    return by["executive"], by["council"], by["permanent"]


def photo_alt(org: Organisation, person: Person) -> str:
    """"ภาพ<name> <position>", and says so when the photo is a sample of the fictional example."""
    alt = f"ภาพ{person.name} {person.position}"
    return alt + (" (ภาพตัวอย่าง)" if org.fictional else "")


# --- executives ------------------------------------------------------------------------------


def _person_card(org: Organisation, person: Person, up: str) -> str:
    cls = "pr-person" if person.photo else "pr-person pr-person--no-photo"
    lines = [f'<li class="{cls}">']
    if person.photo:
        lines.append(
            f'<img class="pr-person__photo" src="{escape(up + published_path(person.photo))}" '
            f'alt="{escape(photo_alt(org, person))}" width="120" height="150" loading="lazy" '
            'decoding="async">'
        )
    lines.append(f'<p class="pr-person__name"><strong>{escape(person.name)}</strong></p>')
    lines.append(f'<p class="pr-person__position">{escape(person.position)}</p>')
    contact = []
    if person.phone:
        contact.append(f"โทร {_phone_html(person.phone)}")
    if person.email:
        contact.append(f"อีเมล {_mail_html(person.email)}")
    if contact:
        lines.append('<p class="pr-person__contact">' + "<br>".join(contact) + "</p>")
    lines.append("</li>")
    return "\n".join(lines)


def _cards(org: Organisation, people: list[Person], up: str) -> str:
    cards = "\n".join(_person_card(org, p, up) for p in people)
    return f'<div class="grid cards pr-people">\n<ul>\n{cards}\n</ul>\n</div>\n'


@profile_section("executives")
def executives_section(site: Site, item: Item, org: Organisation) -> str:
    t = org.type
    executive, council, permanent = _groups(org)
    up = _up(item)
    out: list[str] = []
    if executive or council:
        out.append("## ผู้บริหารฝ่ายการเมือง\n")
        if executive:
            out.append(f"### {t.executive_team or t.executive}\n")
            out.append(_cards(org, executive, up))
        if council:
            out.append(f"### {t.council}\n")
            out.append(_cards(org, council, up))
    if permanent:
        out.append("## ผู้บริหารฝ่ายประจำ\n")
        out.append(_cards(org, permanent, up))
    if not out:
        return "ยังไม่มีรายชื่อผู้บริหาร\n"
    return "\n".join(out)


# --- structure -------------------------------------------------------------------------------


def _node(position: str, name: str | None = None, extra: str = "") -> str:
    name_html = f' <span class="pr-node__name">{escape(name)}</span>' if name else ""
    return (f'<div class="pr-node"><span class="pr-node__position">{escape(position)}</span>'
            f"{name_html}{extra}</div>")


def _person_node(p: Person) -> str:
    return _node(p.position, p.name)


def _nest(children: list[str]) -> str:
    return "<ul>\n" + "\n".join(children) + "\n</ul>" if children else ""


def _political_tree(people: list[Person]) -> str:
    """The first person heads the group; the others report to them."""
    head, rest = people[0], people[1:]
    children = [f"<li>{_person_node(p)}</li>" for p in rest]
    return f'<ul class="pr-tree">\n<li>{_person_node(head)}\n{_nest(children)}</li>\n</ul>\n'


def division_head(org: Organisation, division: Division) -> Person | None:
    """The person holding the division's head position, else the first person placed in it."""
    permanent = [p for p in org.executives if p.side == "permanent"]
    if division.head:
        found = next((p for p in permanent if p.position == division.head), None)
        if found:
            return found
    return next((p for p in permanent if p.unit == division.name), None)


def _division_item(org: Organisation, division: Division) -> str:
    head = division_head(org, division)
    lines = [f'<strong class="pr-node__division">{escape(division.name)}</strong>']
    if head is not None:
        lines.append(f'<span class="pr-node__position">{escape(head.position)}</span> '
                     f'<span class="pr-node__name">{escape(head.name)}</span>')
    elif division.head:
        lines.append(f'<span class="pr-node__position">{escape(division.head)}</span>')
    if division.duties:
        lines.append(f'<span class="pr-node__duties">{escape(division.duties)}</span>')
    others = [p for p in org.executives if p.side == "permanent" and p.unit == division.name
              and p is not head]
    units = [f"<li>{_person_node(p)}</li>" for p in others]
    units += [f'<li><span class="pr-unit">{escape(u)}</span></li>' for u in division.units]
    return ('<li><div class="pr-node pr-node--division">' + "<br>".join(lines) + "</div>\n"
            + ('<ul class="pr-units">\n' + "\n".join(units) + "\n</ul>" if units else "") + "</li>")


def _permanent_tree(org: Organisation, permanent: list[Person]) -> str:
    """ปลัด → รองปลัด → divisions (each with its head and units)."""
    leaders = [p for p in permanent if not p.unit]
    divisions = [_division_item(org, d) for d in org.divisions]
    if not leaders:
        return '<ul class="pr-tree">\n' + "\n".join(divisions) + "\n</ul>\n"
    head, deputies = leaders[0], leaders[1:]
    below = _nest(divisions)
    if deputies:
        inner = "\n".join(f"<li>{_person_node(p)}</li>" for p in deputies[:-1])
        last = f"<li>{_person_node(deputies[-1])}\n{below}</li>"
        below = _nest([inner, last] if inner else [last])
    return f'<ul class="pr-tree">\n<li>{_person_node(head)}\n{below}</li>\n</ul>\n'


@profile_section("structure")
def structure_section(site: Site, item: Item, org: Organisation) -> str:
    t = org.type
    executive, council, permanent = _groups(org)
    out: list[str] = []
    if executive or council:
        out.append("## ฝ่ายการเมือง\n")
        if executive:
            out.append(f"### {t.executive_team or t.executive}\n")
            out.append(_political_tree(executive))
        if council:
            out.append(f"### {t.council}\n")
            out.append(_political_tree(council))
    if permanent or org.divisions:
        out.append("## ฝ่ายประจำ\n")
        out.append(_permanent_tree(org, permanent))
    if org.org_chart:
        src = escape(_up(item) + published_path(org.org_chart))
        alt = escape(f"แผนภูมิโครงสร้างส่วนราชการของ{org.name} (รายละเอียดตรงกับรายการด้านบน)")
        out.append("## แผนภูมิโครงสร้าง\n")
        out.append(
            f'<figure class="pr-orgchart">\n<a href="{src}"><img src="{src}" alt="{alt}" '
            'loading="lazy" decoding="async"></a>\n'
            "<figcaption>แตะที่ภาพเพื่อเปิดขนาดเต็ม</figcaption>\n</figure>\n"
        )
    if not out:
        return "ยังไม่มีข้อมูลโครงสร้างส่วนราชการ\n"
    return "\n".join(out)


# --- powers, laws ----------------------------------------------------------------------------


@profile_section("powers")
def powers_section(site: Site, item: Item, org: Organisation) -> str:
    return org.powers_md or "ยังไม่มีสรุปอำนาจหน้าที่\n"


@profile_section("laws")
def laws_section(site: Site, item: Item, org: Organisation) -> str:
    t = org.type
    out = []
    if t.governing_law:
        out.append(f"{t.full_name}จัดตั้งและมีอำนาจหน้าที่ตาม{t.governing_law} "
                   f"ข้อบังคับของท้องถิ่นที่{t.full_name}ตราขึ้นเรียกว่า{t.ordinance}\n")
    rows = []
    for law in org.laws:
        title = f'<a href="{escape(law.url)}">{escape(law.title)}</a>' if law.url else escape(law.title)
        note = f'<br><span class="pr-description">{escape(law.note)}</span>' if law.note else ""
        rows.append(f"<li>{title}{note}</li>")
    if rows:
        out.append('<ul class="pr-links">\n' + "\n".join(rows) + "\n</ul>\n")
    else:
        out.append("ยังไม่มีรายการกฎหมายที่เกี่ยวข้อง\n")
    return "\n".join(out)


# --- contact and channels --------------------------------------------------------------------


def _dl(rows: list[tuple[str, str]]) -> str:
    body = "\n".join(f"<dt>{escape(k)}</dt><dd>{v}</dd>" for k, v in rows)
    return f'<dl class="pr-contact">\n{body}\n</dl>\n'


@profile_section("contact")
def contact_section(site: Site, item: Item, org: Organisation) -> str:
    rows = [("ชื่อหน่วยงาน", escape(org.name)),
            ("ที่อยู่", escape(" ".join(org.address.split())))]
    rows.append(("โทรศัพท์", _phone_html(org.phone)))
    if org.fax:
        rows.append(("โทรสาร", escape(org.fax)))
    rows.append(("อีเมล", _mail_html(org.email)))
    rows.append(("วันและเวลาทำการ", escape(org.office_hours)))
    if org.map_url:
        host = urlsplit(org.map_url).netloc.removeprefix("www.")
        rows.append(("แผนที่", f'<a href="{escape(org.map_url)}">เปิดแผนที่ที่ตั้งสำนักงาน</a> '
                               f'<span class="pr-external">({escape(host)})</span>'))
    out = [_dl(rows)]
    out.append("## ช่องทางสอบถามและแสดงความคิดเห็น\n")
    if org.two_way_channels:
        out.append("ส่งคำถามหรือความคิดเห็นถึงเจ้าหน้าที่ได้ทางช่องทางต่อไปนี้ และจะได้รับคำตอบกลับ\n")
        out.append(_links_block(site, org.two_way_channels))
    else:
        out.append(f"สอบถามได้ทางโทรศัพท์ {_phone_html(org.phone)} หรืออีเมล {_mail_html(org.email)}\n")
    if org.social:
        out.append("## เครือข่ายสังคมออนไลน์\n")
        out.append(_links_block(site, org.social))
    return "\n".join(out)


@profile_section("social-network")
def social_section(site: Site, item: Item, org: Organisation) -> str:
    if not org.social:
        return "ยังไม่มีบัญชีสื่อสังคมออนไลน์ที่เผยแพร่\n"
    return f"บัญชีทางการของ{escape(org.name)}\n\n" + _links_block(site, org.social)


@profile_section("e-service")
def e_service_section(site: Site, item: Item, org: Organisation) -> str:
    if not org.e_services:
        return "ยังไม่มีบริการออนไลน์ที่เผยแพร่\n"
    # the item's intro (areas.yml) already says what E-Service is: no second lead sentence
    return _links_block(site, org.e_services, mark_external=True)


@profile_section("complaint-channels")
def complaint_channels_section(site: Site, item: Item, org: Organisation) -> str:
    office = [
        "<li><strong>ยื่นด้วยตนเองหรือส่งทางไปรษณีย์</strong><br>"
        f'<span class="pr-description">{escape(org.name)} {escape(" ".join(org.address.split()))} '
        f"({escape(org.office_hours)})</span></li>",
        f"<li><strong>โทรศัพท์</strong> · {_phone_html(org.phone)}</li>",
        f"<li><strong>อีเมล</strong> · {_mail_html(org.email)}</li>",
    ]
    channels = [_link_html(site, c, mark_external=True) for c in org.complaint_channels]
    return ("แจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบของเจ้าหน้าที่ได้ทางช่องทางต่อไปนี้ "
            "ข้อมูลของผู้ร้องเรียนจะถูกเก็บเป็นความลับ\n\n"
            '<ul class="pr-links">\n' + "\n".join(office + channels) + "\n</ul>\n")


@profile_section("qa")
def qa_section(site: Site, item: Item, org: Organisation) -> str:
    out = ["## ส่งคำถาม\n"]
    if org.two_way_channels:
        out.append("ถามเจ้าหน้าที่ได้ทางช่องทางต่อไปนี้ คำถามที่เป็นประโยชน์ต่อส่วนรวมจะนำมาเผยแพร่ในหน้านี้\n")
        out.append(_links_block(site, org.two_way_channels))
    else:
        out.append(f"ถามเจ้าหน้าที่ได้ทางโทรศัพท์ {_phone_html(org.phone)} หรืออีเมล {_mail_html(org.email)}\n")
    out.append("## คำถามที่ตอบแล้ว\n")
    entries = sorted(org.qa, key=lambda e: e.date, reverse=True)
    if not entries:
        out.append("ยังไม่มีคำถาม–คำตอบที่เผยแพร่\n")
    for e in entries:
        out.append(f"### {_md_escape(e.question)}\n")
        out.append(e.answer_md.strip() + "\n")
        out.append(f'<p class="pr-date">ตอบเมื่อ {format_date(e.date)}</p>\n')
    return "\n".join(out)


# --- files and downloads ---------------------------------------------------------------------


def profile_json(org: Organisation, site_url: str = "/") -> dict[str, Any]:
    """The profile as open data (``/data/organisation.json``): what the pages show, no more.
    Photos are absolute URLs under ``site_url`` so the file is usable on its own."""

    def link(x: Link) -> dict[str, str]:
        return {k: v for k, v in (("title", x.title), ("url", x.url), ("kind", x.kind),
                                  ("phone", x.phone), ("description", x.description)) if v}

    def person(p: Person) -> dict[str, str]:
        d = {"name": p.name, "position": p.position, "side": p.side, "group": p.group,
             "division": p.unit or "", "phone": p.phone or "", "email": p.email or "",
             "photo": site_url + published_path(p.photo) if p.photo else ""}
        return {k: v for k, v in d.items() if v}

    return {
        "name": org.name,
        "short_name": org.short_name,
        "type": org.type.id,
        "fictional": org.fictional,
        "address": org.address,
        "province": org.province,
        "phone": org.phone,
        "fax": org.fax,
        "email": org.email,
        "office_hours": org.office_hours,
        "map": org.map_url,
        "channels": [link(x) for x in org.two_way_channels],
        "social": [link(x) for x in org.social],
        "complaint_channels": [link(x) for x in org.complaint_channels],
        "e_services": [link(x) for x in org.e_services],
        "people": [person(p) for p in org.executives],
        "divisions": [{"name": d.name, "head": d.head, "duties": d.duties, "units": list(d.units)}
                      for d in org.divisions],
        "laws": [{"title": law.title, "url": law.url, "note": law.note} for law in org.laws],
        "qa": [{"question": e.question, "answer": e.answer_md, "date": e.date.isoformat()}
               for e in org.qa],
    }


def stylesheet() -> bytes:
    return resources.files("generator").joinpath("data/profile.css").read_bytes()


def generate(site: Site) -> Iterable[Page | OutputFile]:
    """Publish the profile's images, its stylesheet and its JSON download."""
    yield OutputFile(path=STYLESHEET, data=stylesheet())
    org = site.organisation
    if org is None:
        return
    content = site.root / "content"
    images = [org.logo, org.org_chart, *(p.photo for p in org.executives)]
    for rel in dict.fromkeys(i for i in images if i):  # a shared photo is copied once
        yield OutputFile(path=published_path(rel), source=content / rel)
    site_url = site.settings.site_url or "/"
    data = json.dumps(profile_json(org, site_url), ensure_ascii=False, indent=1).encode("utf-8")
    yield OutputFile(path=JSON_DOWNLOAD, data=data)
