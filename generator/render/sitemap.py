"""Make MkDocs' ``sitemap.xml`` deterministic: sorted by address, one entry per address, and a
``lastmod`` only when the build date is pinned (``SOURCE_DATE_EPOCH``), since otherwise it would
be the day of the build, which says nothing about the page and changes every build.
"""

from __future__ import annotations

import gzip
import html
import os
import re
from pathlib import Path

from ..config import build_date

NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
# MkDocs' sitemap template writes each address as <loc>...</loc>, escaped. (A regular expression,
# not an XML parser: a parse tree of thousands of elements, made in a process that holds a whole
# site, set off Python's full garbage collection, a tenth of a second at 10,000 documents.)
_LOC = re.compile(r"<loc>(.*?)</loc>", re.S)


def finalize_sitemap(out: Path, site_url: str) -> None:
    """Rewrite ``out/sitemap.xml`` (and ``.gz``) in place; absent sitemap: nothing to do."""
    path = out / "sitemap.xml"
    if not path.exists():
        return
    base = site_url.rstrip("/") + "/"
    locs: set[str] = set()
    for text in _LOC.findall(path.read_text("utf-8")):
        loc = html.unescape(text).strip()
        if loc:
            # MkDocs gives site-relative paths when site_url is empty: make them absolute.
            locs.add(loc if "://" in loc else base + loc.lstrip("/"))
    pinned = os.environ.get("SOURCE_DATE_EPOCH", "").strip().isdigit()
    lastmod = f"<lastmod>{build_date().isoformat()}</lastmod>" if pinned else ""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', f'<urlset xmlns="{NS}">']
    lines += [f"<url><loc>{_escape(loc)}</loc>{lastmod}</url>" for loc in sorted(locs)]
    lines.append("</urlset>")
    data = ("\n".join(lines) + "\n").encode("utf-8")
    path.write_bytes(data)
    gz = out / "sitemap.xml.gz"
    if gz.exists():
        with gz.open("wb") as f, gzip.GzipFile(fileobj=f, filename="", mode="wb", mtime=0) as z:
            z.write(data)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
