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
from collections.abc import Iterable
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


# id="..." and name="...", as renderers write them: found by their text, which is five times
# faster than _ID. Those written otherwise (ID=..., id='...', id = ...) are not.
_PLAIN_IDS = (re.compile(r'id="([^"]*)"'), re.compile(r'name="([^"]*)"'))


def _plain_ids(text: str) -> set[str]:
    """Part of ``_ids(text)``: the anchors written plainly (see _PLAIN_IDS)."""
    ids: set[str] = set()
    for pattern in _PLAIN_IDS:
        for m in pattern.finditer(text):
            start = m.start()
            if start and text[start - 1].isspace():  # the attribute itself, not "valid=" or "data-id="
                value = m[1]
                ids.add(html.unescape(value) if "&" in value else value)
    return ids


class _Site:
    """The built site as links see it: its files and folders, read from the folder or from a list
    of the files the renderer writes."""

    def __init__(self, built: Path, site_url: str, files: Iterable[str] | None = None) -> None:
        self.built = built
        parts = urlsplit(site_url or "/")
        self.host = (parts.hostname or "").lower()
        self.base = parts.path if parts.path.endswith("/") else parts.path + "/"
        self.files, self.dirs = _folder(built) if files is None else _listed(files)
        self.known_ids: dict[str, set[str]] = {}
        self.partly_known: set[str] = set()  # pages whose known ids are only the plain ones

    def path(self, rel: str) -> str:
        return os.path.join(self.built, rel)

    def has_id(self, page: str, fragment: str) -> bool:
        """Whether ``page`` has an element with this id (or name): from what is known of it, and
        if that does not say, from the page itself."""
        known = self.known_ids.get(page)
        if known is not None and (fragment in known or page not in self.partly_known):
            return fragment in known
        text = (self.built / page).read_text("utf-8", errors="replace")
        self.known_ids[page] = _ids(_strip(text))
        self.partly_known.discard(page)
        return fragment in self.known_ids[page]

    def target(self, page: str, url: str) -> tuple[str | None, str, bool]:
        """(site-relative file the link points to or None if off-site, fragment, is_internal)."""
        if url[:1] in ("#", "?") and "%" not in page and "//" not in page and "/." not in "/" + page:
            return page, unquote(url.partition("#")[2]), True  # the page itself: what follows gives
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


def _folder(built: Path) -> tuple[set[str], set[str]]:
    """The files and the folders in ``built`` (site-relative; "" is the site's own folder)."""
    files: set[str] = set()
    dirs: set[str] = {""}
    for dirpath, dirnames, filenames in os.walk(built):
        rel = Path(dirpath).relative_to(built).as_posix()
        rel = "" if rel == "." else rel + "/"
        for d in dirnames:
            dirs.add(rel + d)
        for f in filenames:
            files.add(rel + f)
    return files, dirs


def _listed(files: Iterable[str]) -> tuple[set[str], set[str]]:
    """The files ``files`` and the folders they are in, as :func:`_folder` gives them."""
    listed = set(files)
    dirs: set[str] = {""}
    for rel in listed:
        while (rel := rel.rpartition("/")[0]) and rel not in dirs:
            dirs.add(rel)
    return listed, dirs


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
    resolves the links once every file is in place. Told first which files the site will have
    (:meth:`expect`), it resolves each page's links as the page is added instead, so that only
    little is left for the end."""

    def __init__(self) -> None:
        self._links: dict[str, list[str]] = {}  # page -> its distinct links, in page order
        self._ids: dict[str, set[str]] = {}  # page -> its ids and names (anchors)
        self._partly: set[str] = set()  # pages of which _ids holds only the plain ids (_plain_ids)
        self._early: _Early | None = None

    def expect(self, built: Path, site_url: str, files: Iterable[str], unchecked: str | None = None) -> None:
        """The site in ``built`` will hold ``files`` (site-relative paths: every file the renderer
        writes); ``unchecked`` as for :meth:`broken_links`."""
        site = _Site(built, site_url, files)
        site.known_ids = self._ids  # the anchors of each page as it is added
        site.partly_known = self._partly
        self._early = _Early(site, unchecked)
        for page, links in self._links.items():
            self._early.check(page, links)

    def add_page(self, page: str, text: str) -> None:
        text = _strip(text)
        links: dict[str, None] = {}
        for m in _ATTR.finditer(text):
            links.setdefault(html.unescape(m[m.lastindex or 0]).strip())  # the quoting that matched
        self._links[page] = list(links)
        # The plain ids answer nearly every anchor; a page's own anchors that they do not answer
        # are looked for in all of them now, and links from other pages, at the end.
        self._ids[page] = _plain_ids(text)
        self._partly.add(page)
        if self._early is None:
            if any(url[:1] == "#" and unquote(url[1:]) not in self._ids[page] for url in links):
                self._ids[page] = _ids(text)
                self._partly.discard(page)
            return
        self._early.check(page, self._links[page])
        if any(isinstance(aim, tuple) and aim[0] == page for _, aim in self._early.doubts.get(page, ())):
            self._ids[page] = _ids(text)
            self._partly.discard(page)
            self._early.check(page, self._links[page])

    def broken_links(self, built: Path, site_url: str = "", unchecked: str | None = None) -> list[BrokenLink]:
        """The broken links of the pages added; links into the folder ``unchecked`` (a prefix such
        as ``"search-index/"``, being written while this runs) are taken as they are. After
        :meth:`expect`, the files listed there are checked to be in place (if not, the folder is
        read and every link resolved again)."""
        if self._early is not None and (broken := self._early.broken()) is not None:
            return broken
        site = _Site(built, site_url)
        site.known_ids.update(self._ids)
        site.partly_known.update(self._partly)
        broken = []
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


# What a link needs to work: nothing (None), a file and an anchor in it (anchor "" for none), or
# nothing can make it work ("space").
_Aim = tuple[str, str] | str | None


class _Early:
    """Links resolved as their pages are added, against the list of the files the site will have;
    what cannot be decided yet (an anchor into a page not added yet, a file not on the list) is
    kept with its page for :meth:`broken`."""

    def __init__(self, site: _Site, unchecked: str | None) -> None:
        self.site = site
        self.unchecked = unchecked
        # (place, url) -> what the link needs; None also once all it needs is a listed file
        self.aims: dict[tuple[str, str], _Aim] = {}
        self.needed: set[str] = set()  # the listed files that links need, not yet seen written
        self.doubts: dict[str, list[tuple[str, _Aim]]] = {}  # page -> its links not known to work

    def check(self, page: str, links: list[str]) -> None:
        site, aims = self.site, self.aims
        depth = page.count("/")
        doubts: list[tuple[str, _Aim]] = []
        for url in links:
            key = (_place(page, depth, url), url)
            if key in aims:
                aim = aims[key]
            else:
                aim = aims[key] = self._aim(page, url)
            if aim is None:
                continue
            if isinstance(aim, tuple) and aim[0] in site.files:
                ids = site.known_ids.get(aim[0])
                if ids is not None and aim[1] in ids:
                    continue
            doubts.append((url, aim))
        if doubts:
            self.doubts[page] = doubts
        else:
            self.doubts.pop(page, None)

    def _aim(self, page: str, url: str) -> _Aim:
        aim = _aim(self.site, page, url, self.unchecked)
        if isinstance(aim, tuple) and aim[0] in self.site.files:
            rel = aim[0]
            # A page is known to be written once it is added; any other file is looked for now
            # (a renderer writes them before its pages), and if not there yet, again at the end.
            if rel.endswith(".html") or not os.path.isfile(self.site.path(rel)):
                self.needed.add(rel)
            if not aim[1]:
                return None  # the file is all it needs: see broken()
        return aim

    def broken(self) -> list[BrokenLink] | None:
        """The broken links, once every page is added; None if the site's folder does not hold
        the files as listed."""
        site = self.site
        if any(rel not in site.known_ids and not os.path.isfile(site.path(rel)) for rel in self.needed):
            return None  # a listed file was not written (the pages added were)
        broken: list[BrokenLink] = []
        for page in sorted(self.doubts):
            for url, aim in self.doubts[page]:
                if isinstance(aim, tuple) and aim[0] not in site.files and os.path.lexists(site.path(aim[0])):
                    return None  # written, though not listed
                reason = _judge(site, aim)
                if reason is not None:
                    broken.append(BrokenLink(page, url, reason))
        return broken


def _place(page: str, depth: int, url: str) -> str:
    """What, besides ``url`` itself, decides where ``url`` on ``page`` points: nothing for an
    absolute or root-relative link; for "#...", "?..." the page; for a relative one that first
    climbs out of every folder of the page ("../../x/" on a page two folders deep, as MkDocs
    writes navigation links), only the page's depth; otherwise the folder it climbs to ("../x/"
    on "a/b/c/index.html": "a/b/", shared by the pages in a/b/'s subfolders)."""
    first = url[:1]  # checked first: this runs for every link of every page
    if first == "/" or (first.isalpha() and _SCHEME.match(url)):
        return ""
    if first in ("#", "?", ""):
        return page
    climb = 0
    if first == ".":
        while url.startswith("../", climb * 3):
            climb += 1
    if climb >= depth:
        return str(depth)
    if climb == 0:
        return page.rpartition("/")[0] + "/"
    return "/".join(page.split("/", depth - climb)[: depth - climb]) + "/"


def _verdict(site: _Site, page: str, url: str, unchecked: str | None = None) -> str | None:
    """Why ``url`` on ``page`` is broken ("space", "missing", "anchor"), or None."""
    return _judge(site, _aim(site, page, url, unchecked))


def _aim(site: _Site, page: str, url: str, unchecked: str | None = None) -> _Aim:
    """What ``url`` on ``page`` needs to work (see _Aim)."""
    if not url or (_SCHEME.match(url) and not url.lower().startswith("http")):
        return None  # mailto:, tel:, data: ... are not pages
    if re.search(r"\s", url):
        return "space"
    rel, fragment, internal = site.target(page, url)
    if not internal or rel is None or (unchecked and rel.startswith(unchecked)):
        return None
    return rel, fragment if rel.endswith(".html") else ""


def _judge(site: _Site, aim: _Aim) -> str | None:
    """Why a link that needs ``aim`` is broken in ``site``, or None."""
    if aim is None or isinstance(aim, str):
        return aim
    rel, fragment = aim
    if rel not in site.files:
        return "missing"
    if fragment and not site.has_id(rel, fragment):
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
