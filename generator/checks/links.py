"""Link check: every internal link, anchor and attachment in the built site must resolve.

Runs over the freshly rendered folder before it is published. It reads each HTML file once with
regular expressions (MkDocs writes well-formed, quoted attributes), so it stays fast on sites
with thousands of pages. Links to other hosts are not followed (they are checked elsewhere, and
a build must not depend on the network).
"""

from __future__ import annotations

import html
import os
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..errors import Problem

_ATTR = re.compile(r"""<(a|link|img|script|source|iframe|area|video|audio|track|embed|form|image|use)\b"""
                   r"""[^>]*?\s(href|src|action|xlink:href)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""",
                   re.I | re.S)
# An id or name attribute: ``\s(?:id|name)\s*=`` written to start at the name's last letter
# (found at once) and look back for the rest, which is twice as fast on Thai pages.
_ID = re.compile(r"""[dDeE](?:(?<=\s[iI][dD])|(?<=\s[nN][aA][mM][eE]))\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""")
# Regions whose text is not markup: inline script and style bodies, and HTML comments.
_SKIP = re.compile(r"<script\b[^>]*>.*?</script>|<style\b[^>]*>.*?</style>|<!--.*?-->", re.I | re.S)
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.\-]*:")


@dataclass(frozen=True)
class BrokenLink:
    page: str  # site-relative path of the HTML file, forward slashes
    url: str  # the link as written
    # "missing" (no such page or file) | "anchor" (no such id on the target page)
    # | "space" (a space in the URL: not a valid address; it must be written %20)
    reason: str


def _strip(text: str) -> str:
    """Blank script/style bodies and comments (their text may look like attributes)."""
    def keep_tag(m: re.Match[str]) -> str:
        s = m.group(0)
        if s.startswith("<!--"):
            return ""
        end = s.find(">") + 1
        return s[:end]  # keep <script src=...> itself: its src is a link to check
    return _SKIP.sub(keep_tag, text)


def _ids(text: str) -> set[str]:
    values = (m[m.lastindex or 0] for m in _ID.finditer(text))  # the one quoting that matched
    return {html.unescape(v) if "&" in v else v for v in values}


class _Site:
    def __init__(self, built: Path, site_url: str) -> None:
        self.built = built
        parts = urlsplit(site_url or "/")
        self.host = (parts.hostname or "").lower()
        self.base = parts.path if parts.path.endswith("/") else parts.path + "/"
        self.files: set[str] = set()
        self.dirs: set[str] = {""}
        for dirpath, dirnames, filenames in os.walk(built):
            rel = Path(dirpath).relative_to(built).as_posix()
            rel = "" if rel == "." else rel + "/"
            for d in dirnames:
                self.dirs.add(rel + d)
            for f in filenames:
                self.files.add(rel + f)
        self.known_ids: dict[str, set[str]] = {}

    def ids(self, page: str) -> set[str]:
        if page not in self.known_ids:
            text = (self.built / page).read_text("utf-8", errors="replace")
            self.known_ids[page] = _ids(_strip(text))
        return self.known_ids[page]

    def target(self, page: str, url: str) -> tuple[str | None, str, bool]:
        """(site-relative file the link points to or None if off-site, fragment, is_internal)."""
        if url.startswith("//") or _SCHEME.match(url):
            parts = urlsplit(url)
            if parts.scheme.lower() not in ("http", "https") or (parts.hostname or "").lower() != self.host:
                return None, "", False
            path, fragment = parts.path or "/", parts.fragment
        else:  # the common case, without urllib: relative or root-relative
            path, _, fragment = url.partition("#")
            path = path.partition("?")[0]
            if not path:
                path = self.base + page
            elif not path.startswith("/"):
                path = self.base + page.rpartition("/")[0] + "/" + path
        directory = path.endswith("/") or path.rpartition("/")[2] in (".", "..")
        path = posixpath.normpath(path) + ("/" if directory else "")
        path = path.replace("//", "/")
        if not path.startswith(self.base) and path + "/" != self.base:
            return "\0outside", fragment, True
        rel = unquote(path[len(self.base):]) if path.startswith(self.base) else ""
        rel = rel.lstrip("/")
        if rel == "" or rel.endswith("/"):
            rel += "index.html"
        elif rel in self.dirs:
            rel += "/index.html"
        return rel, unquote(fragment), True

def find_broken_links(built: Path, site_url: str = "") -> list[BrokenLink]:
    """Every internal link in ``built`` whose page, file or anchor does not exist."""
    scan = LinkScan()
    for dirpath, _, filenames in os.walk(built):
        for name in filenames:
            if name.endswith(".html"):
                path = Path(dirpath, name)
                scan.add_page(path.relative_to(built).as_posix(), path.read_text("utf-8", errors="replace"))
    return scan.broken_links(built, site_url)


class LinkScan:
    """The link check in two halves: :meth:`add_page` reads a page's links and anchors as soon as
    it is written (in any order, while the rest of the site renders); :meth:`broken_links`
    resolves the links once every file is in place."""

    def __init__(self) -> None:
        self._links: dict[str, list[str]] = {}  # page -> its distinct links, in page order
        self._ids: dict[str, set[str]] = {}  # page -> its ids and names (anchors)

    def add_page(self, page: str, text: str) -> None:
        text = _strip(text)
        links: dict[str, None] = {}
        for m in _ATTR.finditer(text):
            links.setdefault(html.unescape(m[m.lastindex or 0]).strip())  # the quoting that matched
        self._links[page] = list(links)
        self._ids[page] = _ids(text)

    def broken_links(self, built: Path, site_url: str = "", unchecked: str | None = None) -> list[BrokenLink]:
        """The broken links of the pages added; links into the folder ``unchecked`` (a prefix such
        as ``"search-index/"``, being written while this runs) are taken as they are."""
        site = _Site(built, site_url)
        site.known_ids.update(self._ids)
        broken: list[BrokenLink] = []
        # Each link is checked once per place it could resolve differently from: the navigation,
        # header and footer links repeated on every page are checked once (see _place).
        verdicts: dict[tuple[str, str], str | None] = {}
        for page in sorted(self._links):
            depth = page.count("/")
            for url in self._links[page]:
                key = (_place(page, depth, url), url)
                if key not in verdicts:
                    verdicts[key] = _verdict(site, page, url, unchecked)
                reason = verdicts[key]
                if reason is not None:
                    broken.append(BrokenLink(page, url, reason))
        return broken


def _place(page: str, depth: int, url: str) -> str:
    """What, besides ``url`` itself, decides where ``url`` on ``page`` points: nothing for an
    absolute or root-relative link; for a relative one that first climbs out of every folder
    of the page ("../../x/" on a page two folders deep, as MkDocs writes navigation links), only
    the page's depth; for "#...", "?..." the page; otherwise the page's folder."""
    if url.startswith("/") or _SCHEME.match(url):
        return ""
    if url[:1] in ("#", "?", ""):
        return page
    if url.startswith("../" * depth):
        return str(depth)
    return page.rpartition("/")[0] + "/"


def _verdict(site: _Site, page: str, url: str, unchecked: str | None = None) -> str | None:
    """Why ``url`` on ``page`` is broken ("space", "missing", "anchor"), or None."""
    if not url or (_SCHEME.match(url) and not url.lower().startswith("http")):
        return None  # mailto:, tel:, data: ... are not pages
    if re.search(r"\s", url):
        return "space"
    rel, fragment, internal = site.target(page, url)
    if not internal or rel is None or (unchecked and rel.startswith(unchecked)):
        return None
    if rel not in site.files:
        return "missing"
    if fragment and rel.endswith(".html") and fragment not in site.ids(rel):
        return "anchor"
    return None


def link_problems(broken: list[BrokenLink], severity: str) -> list[Problem]:
    """Broken links as Problems, located in the built page (``site/<page>``)."""
    problems = []
    for b in broken:
        if b.reason == "anchor":
            thai = f"ลิงก์ “{b.url}” ชี้ไปยังหัวข้อที่ไม่มีอยู่ในหน้าปลายทาง"
            english = f"broken anchor: {b.url} (no such id on the target page)"
        elif b.reason == "space":
            thai = f"ที่อยู่ลิงก์ “{b.url}” มีช่องว่าง ซึ่งไม่ใช่ที่อยู่เว็บที่ถูกต้อง"
            english = f"invalid URL (unencoded space): {b.url}; the generator must percent-encode it"
        else:
            thai = f"ลิงก์ “{b.url}” ชี้ไปยังหน้าหรือไฟล์ที่ไม่มีอยู่ในเว็บไซต์"
            english = f"broken internal link: {b.url} (no such page or file)"
        problems.append(Problem(
            f"site/{b.page}", 0, "link", thai,
            "ตรวจชื่อไฟล์หรือที่อยู่ในลิงก์ให้ตรงกับไฟล์ใน content/ (ตัวพิมพ์และช่องว่างต้องตรงกัน) "
            "หรือลบลิงก์ออก",
            english, severity))
    return problems
