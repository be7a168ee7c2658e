"""Small helpers for writing page Markdown: escaping staff text, relative links, attachment
links, and headings of staff bodies shifted below the page title."""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Iterable
from functools import lru_cache

from ..content.attachments import describe
from ..model import Attachment

_MD_SPECIAL = re.compile(r"([\\`*_\[\]>#{}!])")  # Python-Markdown's escapable characters


def md(text: str) -> str:
    """Staff text placed inside our Markdown (titles, summaries): no accidental formatting,
    no raw HTML."""
    text = " ".join(text.split()).replace("&", "&amp;").replace("<", "&lt;")
    return _MD_SPECIAL.sub(_backslashed, text)


def _backslashed(m: re.Match[str]) -> str:
    return "\\" + m[1]  # a function: re.sub parses a replacement template like r"\\\1" on every call


def h(text: str) -> str:
    """Text placed inside raw HTML (tables)."""
    return html.escape(text, quote=True)


def rel(from_page: str, target: str) -> str:
    """Link from a docs-relative page (``basic/news/index.md``) to a docs-relative target
    (``files/x.pdf`` or ``basic/news/a/index.md``). Relative links keep the site working under
    any sub-path (GitHub Pages project sites) and let MkDocs check them."""
    here, to = _folder(from_page), target.split("/")
    if here is not None and _UNUSUAL_PARTS.isdisjoint(to):
        # posixpath.relpath's answer for plain relative paths, without its abspath and normpath
        # (a tenth of the time; registers link thousands of files): up from the page's folder to
        # the folder both share, then down to the target.
        common = 0
        for a, b in zip(to, here, strict=False):
            if a != b:
                break
            common += 1
        return "/".join([".."] * (len(here) - common) + to[common:]) or "."
    return posixpath.relpath(target, posixpath.dirname(from_page) or ".")


_UNUSUAL_PARTS = frozenset({"", ".", ".."})  # "/" at either end, "//", "./", "../": leave them to posixpath


@lru_cache(maxsize=1024)
def _folder(page: str) -> tuple[str, ...] | None:
    """The folders of a page's path, or None when they need posixpath. Cached: a page links
    to hundreds of files, and a register page to thousands."""
    start = posixpath.dirname(page)
    here = tuple(start.split("/")) if start else ()
    return here if _UNUSUAL_PARTS.isdisjoint(here) else None


def url(href: str) -> str:
    """An external address safe inside Markdown ``(...)``: spaces and brackets encoded."""
    return href.strip().replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("<", "%3C").replace(">", "%3E")


def attachment_link(from_page: str, att: Attachment) -> str:
    return f"[{md(att.title)} ({describe(att)})]({rel(from_page, att.url)})"


def attachment_list(from_page: str, atts: Iterable[Attachment]) -> str:
    return "\n".join(f"- {attachment_link(from_page, a)}" for a in atts)


_FENCE = re.compile(r"^(```|~~~)")
_HEADING = re.compile(r"^(#{1,5})(\s)")


def demote_headings(body: str) -> str:
    """The page title is the only level-1 heading: staff ``#`` becomes ``##`` and so on."""
    lines = body.splitlines()
    fenced = False
    for i, line in enumerate(lines):
        if not line.startswith(("#", "`", "~")):  # most lines: neither a fence nor a heading
            continue
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced and _HEADING.match(line):
            lines[i] = "#" + line
    return "\n".join(lines) + "\n"


_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKS = re.compile(r"[*_`>#]")


def plain_excerpt(body: str, limit: int = 160) -> str:
    """First paragraph of a Markdown body as plain text, cut at a word boundary."""
    para = next((p for p in _PARAGRAPH_BREAK.split(body) if p.strip() and not p.lstrip().startswith(("#", "!", "<"))), "")
    text = _LINK.sub(_link_text, para)
    text = _MARKS.sub("", " ".join(text.split()))
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut + "…"


def _link_text(m: re.Match[str]) -> str:
    return m[1]
