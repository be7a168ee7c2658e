"""News (ข่าวประชาสัมพันธ์): the list on the ``news`` item page, newest first and grouped by month,
and one page per news item at ``<news item>/<id>/`` (a record: not in the navigation)."""

from __future__ import annotations

from collections.abc import Iterable

from ..content.attachments import published_url
from ..framework import Item, load_framework
from ..model import NewsItem, OutputFile, Page, Site
from ..thai import format_date, format_month
from .markup import attachment_list, demote_headings, md, plain_excerpt, rel
from .sections import section

NEWS_ITEM = "news"


def news_item() -> Item:
    item = load_framework().item(NEWS_ITEM)
    if item is None:  # areas.yml is package data; this only fails if someone renames the id
        raise RuntimeError("generator/data/areas.yml has no 'news' item")
    return item


def news_page_path(news: NewsItem) -> str:
    return f"{news_item().url}{news.id}/index.md"


@section(NEWS_ITEM)
def news_list(site: Site, item: Item) -> str:
    if not site.news:
        return "ยังไม่มีข่าวประชาสัมพันธ์\n"
    page = f"{item.url}index.md"
    out: list[str] = []
    current = ""
    for n in site.news:  # loaded newest first
        month = format_month(n.date.year, n.date.month)
        if month != current:
            out.append(f"## {month}\n")
            current = month
        excerpt = plain_excerpt(n.body_md)
        out.append(f"- **[{md(n.title)}]({rel(page, news_page_path(n))})**\n\n"
                   f"    {format_date(n.date)}" + (f"\n\n    {md(excerpt)}" if excerpt else "") + "\n")
    return "\n".join(out)


def generate(site: Site) -> Iterable[Page | OutputFile]:
    item = news_item()
    for n in site.news:
        yield news_page(n, item)


def news_page(n: NewsItem, item: Item) -> Page:
    path = news_page_path(n)
    parts = [f"# {md(n.title)}\n", f"{format_date(n.date)}\n{{: .doc-meta }}\n"]
    if n.image:
        parts.append(f"![{md(n.image_alt)}]({rel(path, published_url(n.image))}){{ loading=lazy }}\n")
    parts.append(demote_headings(n.body_md))
    if n.attachments:
        parts += ["## ไฟล์แนบ\n", attachment_list(path, n.attachments) + "\n"]
    parts.append(f"[← ข่าวประชาสัมพันธ์ทั้งหมด]({rel(path, item.url + 'index.md')})\n")
    twin = {
        "id": n.id, "title": n.title, "date": n.date.isoformat(), "date_th": format_date(n.date),
        "image": published_url(n.image) if n.image else None, "image_alt": n.image_alt or None,
        "files": [{"title": a.title, "url": a.url, "type": a.ext, "size": a.size} for a in n.attachments],
    }
    return Page(path=path, title=n.title, body="\n".join(parts), nav=False,
                description=plain_excerpt(n.body_md) or n.title, twin=twin)
