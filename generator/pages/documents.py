"""A page for each document that has a body (``<area>/<item>/<doc-id>/``), and the attached
files of documents and news copied to ``files/...``. Document pages are records: never in the
navigation, linked from their item's register."""

from __future__ import annotations

from collections.abc import Iterable

from ..content.attachments import published_url
from ..framework import Item, load_framework
from ..model import Attachment, Document, OutputFile, Page, Site
from ..thai import format_date
from .areas import document_page_path, document_record, item_page_path
from .markup import attachment_list, demote_headings, md, rel, url


def generate(site: Site) -> Iterable[Page | OutputFile]:
    items = load_framework().items_by_id()
    for doc in site.documents:
        if doc.has_page:
            yield document_page(doc, items[doc.item_id])
    yield from attachment_files(site)


def document_page(doc: Document, item: Item) -> Page:
    path = document_page_path(doc, item)
    item_title, item_link = md(item.title), rel(path, item_page_path(item))  # each used twice
    parts = [
        f"# {md(doc.title)}\n",
        f"ลงวันที่ {format_date(doc.date)} · ปีงบประมาณ {doc.fiscal_year} · "
        f"หัวข้อ [{item_title}]({item_link})\n{{: .doc-meta }}\n",
    ]
    if doc.summary:
        parts.append(f"**{md(doc.summary)}**\n")
    parts.append(demote_headings(doc.body_md))
    if doc.attachments:
        parts += ["## ไฟล์แนบ\n", attachment_list(path, doc.attachments) + "\n"]
    if doc.link:
        parts.append(f"[เปิดลิงก์ที่เกี่ยวข้อง (เว็บไซต์ภายนอก)]({url(doc.link)})\n")
    parts.append(f"[← กลับไปที่ {item_title}]({item_link})\n")
    return Page(path=path, title=doc.title, body="\n".join(parts), nav=False,
                description=doc.summary or item.title, twin=document_record(doc, item))


def attachment_files(site: Site) -> Iterable[OutputFile]:
    """Every referenced file once (two documents may share one attachment)."""
    content = site.root / "content"
    seen: set[str] = set()
    atts: list[Attachment] = [a for d in site.documents for a in d.attachments]
    atts += [a for n in site.news for a in n.attachments]
    sources = [(a.url, a.path) for a in atts]
    sources += [(published_url(n.image), n.image) for n in site.news if n.image]
    for target, src in sources:
        if target not in seen:
            seen.add(target)
            yield OutputFile(path=target, source=content / src)
