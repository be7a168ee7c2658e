"""The Atom feed of news and documents, and the sitemap."""

from __future__ import annotations

import gzip
from datetime import date
from pathlib import Path

import feedparser
import pytest
from ita_fixtures import SITE_URL, complete_site

from generator.build import build
from generator.model import Document
from generator.pages.feeds import MAX_ENTRIES, atom_feed
from generator.render.sitemap import finalize_sitemap

ROOT = Path(__file__).resolve().parent.parent


def test_feed_is_valid_atom_with_absolute_links_newest_first() -> None:
    site = complete_site()
    data = atom_feed(site)
    feed = feedparser.parse(data)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.title == "เทศบาลตำบลดอนตัวอย่าง: ข่าวและเอกสารล่าสุด"
    entries = feed.entries
    assert len(entries) == len(site.news) + len(site.documents)
    assert all(e.link.startswith(SITE_URL) for e in entries)
    assert len({e.id for e in entries}) == len(entries)
    stamps = [e.updated for e in entries]
    assert stamps == sorted(stamps, reverse=True)
    news = next(e for e in entries if e.id == SITE_URL + "basic/news/n1/")
    assert news.title == "ประชุมประชาคมหมู่บ้าน & แผนพัฒนา <2569>"  # escaped, not mangled
    assert news.summary == "เทศบาลจัดประชุมประชาคม"
    assert news.updated == "2025-11-20T00:00:00+07:00"
    # a document with a page links to it; one without links to its item page with a unique id
    plan = next(e for e in entries if "operation-plan-2569" in e.id)
    assert plan.link == SITE_URL + "administration/operation-plan/operation-plan-2569/"
    manual = next(e for e in entries if e.id.endswith("#work-manual-2569"))
    assert manual.link == SITE_URL + "administration/work-manual/"
    assert atom_feed(site) == data  # deterministic


def test_feed_keeps_the_newest_fifty() -> None:
    site = complete_site()
    site.documents = [Document(f"d{i:03d}", "work-manual", f"คู่มือ {i}", date(2025, 1, 1 + i % 28), 2568)
                      for i in range(80)]
    site.news = []
    entries = feedparser.parse(atom_feed(site)).entries
    assert len(entries) == MAX_ENTRIES
    assert entries[0].updated.startswith("2025-01-28")


SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
    <url><loc>https://x.invalid/b/</loc><lastmod>2031-01-01</lastmod></url>
    <url><loc>https://x.invalid/a/</loc><lastmod>2031-01-01</lastmod></url>
    <url><loc>https://x.invalid/a/</loc><lastmod>2031-01-01</lastmod></url>
</urlset>
"""


def test_sitemap_is_sorted_unique_and_dated_only_when_pinned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "sitemap.xml").write_text(SITEMAP, "utf-8")
    (tmp_path / "sitemap.xml.gz").write_bytes(b"")
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    finalize_sitemap(tmp_path, "https://x.invalid/")
    text = (tmp_path / "sitemap.xml").read_text("utf-8")
    assert text.count("<loc>") == 2 and text.index("/a/") < text.index("/b/")
    assert "lastmod" not in text
    gz = (tmp_path / "sitemap.xml.gz").read_bytes()
    assert gzip.decompress(gz).decode("utf-8") == text
    finalize_sitemap(tmp_path, "https://x.invalid/")
    assert (tmp_path / "sitemap.xml.gz").read_bytes() == gz  # no timestamp inside
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764028800")
    finalize_sitemap(tmp_path, "https://x.invalid/")
    assert (tmp_path / "sitemap.xml").read_text("utf-8").count("<lastmod>2025-11-25</lastmod>") == 2


def test_example_feed_and_sitemap_use_the_site_url(tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = build(ROOT, out)
    url = result.site.settings.site_url
    feed = feedparser.parse((out / "feed.xml").read_bytes())
    assert feed.bozo == 0
    assert feed.entries and all(e.link.startswith(url) and e.link.isascii() for e in feed.entries)
    sitemap = (out / "sitemap.xml").read_text("utf-8")
    locs = [line.split("<loc>")[1].split("</loc>")[0] for line in sitemap.splitlines() if "<loc>" in line]
    assert locs == sorted(locs) and all(loc.startswith(url) for loc in locs)
    assert url + "ita/2569/" in locs and url + "open-data/" in locs
    assert {e.link for e in feed.entries} <= set(locs)  # every entry links to a published page
