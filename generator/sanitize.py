"""Staff-written Markdown must not carry script into the site.

Two lines of defence:

1. ``check_markdown`` (validate step) reports raw HTML that could run script — ``<script>``,
   ``<iframe>``/``<object>``/``<embed>`` and friends, ``on*=`` event attributes, and
   ``javascript:``/``vbscript:``/``data:text/html`` URLs in Markdown links or HTML — as a
   :class:`~generator.errors.Problem` at its exact line, so the staff member learns what to fix.
2. ``clean_html`` (render step) runs the HTML that MkDocs makes of every page's content through
   `nh3` (the Rust ``ammonia`` sanitizer) with an allow-list of what Material needs, so anything
   the first check missed is removed before it reaches ``site/``. In a full build this happens
   in the search-index worker, on another core, not in the render (see "cleaning later" below).

``check_internal_url`` enforces the ITA rule that evidence lives on the agency's own site
(``domain.md`` §4: "not a cloud drive"): loaders call it where an internal link is required,
e.g. a document's ``files:``.
"""

from __future__ import annotations

import html
import re
import secrets
from collections.abc import Callable
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from .errors import Collector

# --- 1. the check on staff Markdown ---------------------------------------------------------

# Elements that run script or pull in another document. (<svg>/<math> are fine by themselves:
# their script would need <script> or on*= again, which we catch.)
DANGEROUS_TAGS = (
    "script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "meta", "link",
)
_TAG = re.compile(r"<\s*/?\s*(" + "|".join(DANGEROUS_TAGS) + r")\b", re.I)
# An HTML start tag, across lines; its attributes are searched for on*= and URLs.
_START_TAG = re.compile(r"<[a-zA-Z][a-zA-Z0-9:-]*(?:\s(?:[^>\"']|\"[^\"]*\"|'[^']*')*)?/?>", re.S)
_EVENT_ATTR = re.compile(r"[\s\"'/](on[a-z]+)\s*=", re.I)
_URL_ATTR = re.compile(
    r"""[\s"'/](?:href|src|action|formaction|xlink:href|data|poster|background|srcset|cite|ping)"""
    r"""\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""",
    re.I,
)
# Markdown: inline links/images [x](url), reference definitions [x]: url, autolinks <scheme:...>
_MD_INLINE = re.compile(r"\]\(\s*(<[^>]*>|[^)\s]+)")
_MD_REFDEF = re.compile(r"^[ ]{0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)", re.M)
_MD_AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.\-]{1,31}:[^<>\s]*)>")
_BAD_SCHEMES = ("javascript:", "vbscript:", "livescript:", "mocha:", "data:text/html",
                "data:application/xhtml", "data:image/svg", "data:text/xml", "data:application/xml")
_FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})[^\n]*\n.*?(?:^[ ]{0,3}\1[`~]*[ \t]*$|\Z)", re.S | re.M)
_CODE_SPAN = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.S)

# report(offset, key, thai, fix, english)
Reporter = Callable[[int, str, str, str, str], None]

_FIX_HTML = ("ลบโค้ด HTML ส่วนนี้ออก แล้วเขียนเป็นข้อความธรรมดาแบบ Markdown "
             "ถ้าต้องการแสดงวิดีโอหรือแผนที่ ให้ใส่เป็นลิงก์ [ชื่อ](https://...) แทน")


def _blank(match: re.Match[str]) -> str:
    """Replace code with spaces, keeping newlines, so offsets and lines stay right."""
    return re.sub(r"[^\n]", " ", match.group(0))


def _without_code(text: str) -> str:
    """Code blocks and code spans are shown as text, never run: leave them out of the check."""
    return _CODE_SPAN.sub(_blank, _FENCE.sub(_blank, text))


def unsafe_scheme(url: str) -> str | None:
    """The dangerous scheme of ``url`` (``javascript:`` ...), seen through entities, case,
    whitespace and control characters the browser ignores; ``None`` when the URL is safe."""
    u = html.unescape(url.strip().strip("<>\"'"))
    u = re.sub(r"[\x00-\x20\x7f]+", "", u).lower()
    for scheme in _BAD_SCHEMES:
        if u.startswith(scheme):
            return scheme
    return None


def check_markdown(text: str, path: Path, first_line: int, field: str, errors: Collector) -> None:
    """Add a Problem for each unsafe construct in ``text`` (Markdown from ``path``; its first
    line is ``first_line`` of the file, ``field`` names where it came from, e.g. "body")."""
    if not text or ("<" not in text and ":" not in text):
        return
    scan = _without_code(text)

    def line_at(offset: int) -> int:
        return first_line + scan.count("\n", 0, offset)

    found: set[tuple[int, str]] = set()

    def report(offset: int, what: str, thai: str, fix: str, english: str) -> None:
        line = line_at(offset)
        if (line, what) in found:
            return
        found.add((line, what))
        errors.add(path, line, field, thai, fix, english)

    for m in _TAG.finditer(scan):
        tag = m.group(1).lower()
        report(m.start(), tag,
               f"มีโค้ด HTML <{tag}> ซึ่งอาจใช้รันสคริปต์หรือฝังเนื้อหาจากเว็บอื่นในหน้าเว็บ ระบบไม่อนุญาต",
               _FIX_HTML,
               f"raw HTML <{tag}> is not allowed in content (it can run script or embed another site)")
    for tag_m in _START_TAG.finditer(scan):
        attrs = tag_m.group(0)
        for m in _EVENT_ATTR.finditer(attrs):
            attr = m.group(1).lower()
            report(tag_m.start() + m.start(1), attr,
                   f"มีแอตทริบิวต์ {attr}= ในโค้ด HTML ซึ่งใช้รันสคริปต์ ระบบไม่อนุญาต",
                   f"ลบ {attr}=\"...\" ออกจากแท็ก (หรือเขียนเป็นข้อความ Markdown ธรรมดาแทนโค้ด HTML)",
                   f"event-handler attribute {attr}= is not allowed in content")
        for m in _URL_ATTR.finditer(attrs):
            _report_url(m.group(1), tag_m.start() + m.start(1), report)
    for rx in (_MD_INLINE, _MD_REFDEF, _MD_AUTOLINK):
        for m in rx.finditer(scan):
            _report_url(m.group(1), m.start(1), report)


def _report_url(url: str, offset: int, report: Reporter) -> None:
    scheme = unsafe_scheme(url)
    if scheme is None:
        return
    report(offset, scheme,
           f"มีลิงก์แบบ {scheme} ซึ่งใช้รันสคริปต์เมื่อคลิก ระบบไม่อนุญาต",
           "เปลี่ยนเป็นลิงก์ไปยังหน้าเว็บหรือไฟล์จริง เช่น https://... หรือชื่อไฟล์ในโฟลเดอร์ content/",
           f"a {scheme} URL is not allowed in content (it runs script)")


def check_text(value: str, path: Path, line: int, field: str, errors: Collector) -> None:
    """For one-line fields shown as text (titles, names): no HTML tags at all."""
    if re.search(r"<\s*/?\s*[a-zA-Z!]", value):
        errors.add(path, line, field,
                   "ช่องนี้เป็นข้อความธรรมดา ใส่โค้ด HTML (เครื่องหมาย < ตามด้วยชื่อแท็ก) ไม่ได้",
                   "ลบโค้ด HTML ออก เหลือไว้แต่ข้อความ",
                   f"HTML tags are not allowed in the plain-text field {field}")


# --- 2. internal links where the ITA requires them -------------------------------------------

CLOUD_DRIVES = (
    "drive.google.com", "docs.google.com", "sites.google.com", "onedrive.live.com", "1drv.ms",
    "sharepoint.com", "dropbox.com", "box.com", "mega.nz", "icloud.com", "terabox.com",
    "mediafire.com", "we.tl", "wetransfer.com", "bit.ly", "tinyurl.com", "forms.gle",
)


def external_host(url: str, site_url: str = "") -> str | None:
    """The host ``url`` points to when it is not the portal itself, else ``None``.

    Relative URLs and paths are internal; so is an absolute URL on ``site_url``'s host."""
    parts = urlsplit(url.strip())
    if not parts.scheme and not parts.netloc:
        return None
    own = urlsplit(site_url).hostname or ""
    host = (parts.hostname or "").lower()
    if parts.scheme.lower() in ("http", "https", "") and host and host == own.lower():
        return None
    return host or parts.scheme.lower() + ":"


def is_internal_required_violation(url: str, site_url: str = "") -> bool:
    """True when ``url`` leaves the portal where the evidence must stay on it."""
    return external_host(url, site_url) is not None


def check_internal_url(url: str, path: Path, line: int, field: str, errors: Collector,
                       site_url: str = "") -> bool:
    """Report ``url`` if it points off the portal where an internal file is required (ITA
    evidence: ``files:`` of a document). Returns True when the URL is acceptable."""
    host = external_host(url, site_url)
    if host is None:
        return True
    cloud = any(host == d or host.endswith("." + d) for d in CLOUD_DRIVES)
    where = "ไดรฟ์ออนไลน์ (cloud drive)" if cloud else f"เว็บไซต์อื่น ({host})"
    errors.add(path, line, field,
               f"ไฟล์หลักฐานต้องอยู่บนเว็บไซต์ของหน่วยงานเอง แต่ลิงก์นี้ชี้ไปที่{where} "
               "ซึ่งผู้ประเมิน ITA ไม่นับ และอาจหายได้",
               "ดาวน์โหลดไฟล์มาใส่ในโฟลเดอร์ content/ แล้วเขียนชื่อไฟล์แทนลิงก์ "
               "(ลิงก์ไปเว็บอื่น เช่น e-GP ให้ใส่ในช่อง link: แทน)",
               f"{field} must be a file on the portal itself, not a link to {host} (ITA evidence rule)")
    return False


# --- 3. the renderer's sanitizer ---------------------------------------------------------------

# What Python-Markdown, our extensions and Material produce inside the page content area.
_EXTRA_TAGS = {"section", "input", "label", "source", "picture", "caption", "tfoot", "audio",
               "video", "track", "figure", "figcaption", "nav", "main", "search", "meter",
               "progress", "output"}
_GENERIC_ATTRS = {"class", "id", "title", "lang", "dir", "role", "hidden", "tabindex", "style"}
_TAG_ATTRS: dict[str, set[str]] = {
    "a": {"href", "hreflang", "download", "type", "rel"},
    "img": {"src", "alt", "width", "height", "loading", "decoding", "srcset", "sizes"},
    "source": {"src", "srcset", "type", "media", "sizes"},
    "video": {"src", "controls", "width", "height", "poster", "preload", "muted"},
    "audio": {"src", "controls", "preload"},
    "track": {"src", "kind", "srclang", "label", "default"},
    "input": {"checked", "disabled", "name", "value"},
    "label": {"for"},
    "time": {"datetime"},
    "data": {"value"},
    "details": {"open"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "th": {"scope", "colspan", "rowspan", "headers", "abbr", "align"},
    "td": {"colspan", "rowspan", "headers", "align"},
    "col": {"span"},
    "colgroup": {"span"},
    "abbr": {"title"},
    "meter": {"value", "min", "max", "low", "high", "optimum"},
    "progress": {"value", "max"},
    "del": {"datetime", "cite"},
    "ins": {"datetime", "cite"},
    "q": {"cite"},
    "blockquote": {"cite"},
}
# Layout properties only: nothing that loads a URL (background, list-style-image, ...).
_STYLE_PROPS = {"text-align", "vertical-align", "width", "min-width", "max-width", "height",
                "white-space", "font-weight", "font-style", "color", "display", "margin",
                "padding", "text-decoration", "--md-typeset-table-sort"}


# Attributes kept only with one of these values (the rest of each tag's attributes take any).
# nh3 checks them itself: a Python filter called back for every attribute cost a tenth of the
# cleaning.
_TAG_ATTR_VALUES = {
    "a": {"target": {"_blank", "_self"}},
    "input": {"type": {"checkbox", "radio"}},  # task lists; never a text field or a button
}


@cache
def _cleaner() -> object:
    import nh3

    tags = set(nh3.ALLOWED_TAGS) | _EXTRA_TAGS
    attributes = {"*": set(_GENERIC_ATTRS)}
    for tag, attrs in _TAG_ATTRS.items():
        attributes[tag] = set(attrs) - _GENERIC_ATTRS
    return nh3.Cleaner(
        tags=tags,
        clean_content_tags={"script", "style", "iframe", "object", "embed", "noscript", "template"},
        attributes=attributes,
        generic_attribute_prefixes={"data-", "aria-"},
        tag_attribute_values=_TAG_ATTR_VALUES,
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel=None,
        strip_comments=True,
        filter_style_properties=_STYLE_PROPS,
    )


def clean_html(text: str) -> str:
    """Sanitize an HTML fragment (a page's content area) with nh3's allow-list."""
    if not text:
        return text
    return str(_cleaner().clean(text))  # type: ignore[attr-defined]


def markup_of(fragment: str) -> set[str]:
    """The tags and ``tag@attribute`` pairs in an HTML fragment (to see what cleaning removed)."""
    from html.parser import HTMLParser

    found: set[str] = set()

    class _Collect(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.add(tag)
            found.update(f"{tag}@{name}" for name, _ in attrs)

    _Collect().feed(fragment)
    return found


# --- 4. cleaning later, in another process ------------------------------------------------------
#
# Cleaning is 2–3% of a build, on the render's critical path. In a full build the search-index
# worker reads every written page anyway, on the other core (generator/scan.py), so it cleans
# there: the safety hook puts the content between two markers instead of cleaning it
# (:func:`mark`), the renderer takes the markers out of the finished page and notes where the
# content is (:func:`unmark`), and the worker cleans that span of the written file and writes it
# back when cleaning changed it (:func:`clean_span`). The site is published only after the worker
# has cleaned as many pages as were marked. (A thread cannot do it: nh3 frees the GIL, but
# handing it back and forth for every page costs the render more than cleaning does.)

#: The markers for the render under way, or None: clean at once. Set by the renderer.
CLEAN_LATER: ContextVar[tuple[str, str] | None] = ContextVar("prongsai_clean_later", default=None)


def new_marks() -> tuple[str, str]:
    """A pair of markers no content can contain: a random nonce, new for every build, so that
    staff text cannot close the span early and leave what follows uncleaned."""
    nonce = secrets.token_hex(16)
    return f"<!--prongsai-clean {nonce}-->", f"<!--/prongsai-clean {nonce}-->"


def mark(content: str, marks: tuple[str, str]) -> str:
    return marks[0] + content + marks[1]


#: Where a page's content is, to be cleaned later: (start, end, length of the whole page), in
#: characters; the length tells that the page was written as it was given.
Span = tuple[int, int, int]


def unmark(page: str, marks: tuple[str, str]) -> tuple[str, Span | None]:
    """``page`` without the markers, and where the marked content is in it. When the theme
    printed the content more than once, every marked span is cleaned here and then, and the
    span is None: nothing is left to clean later (as when the theme does not print it)."""
    start_mark, end_mark = marks
    start = page.find(start_mark)
    if start < 0:
        return page, None  # the template does not print the page's content
    end = page.find(end_mark, start)
    if end >= 0 and page.find(start_mark, start + 1) < 0 and page.find(end_mark, end + 1) < 0:
        unmarked = page[:start] + page[start + len(start_mark):end] + page[end + len(end_mark):]
        return unmarked, (start, end - len(start_mark), len(unmarked))
    parts: list[str] = []
    pos = 0
    while (start := page.find(start_mark, pos)) >= 0:
        end = page.find(end_mark, start)
        if end < 0:
            raise ValueError("a page's content has a start marker without an end marker")
        parts += [page[pos:start], clean_html(page[start + len(start_mark):end])]
        pos = end + len(end_mark)
    return "".join(parts) + page[pos:], None


def clean_span(text: str, span: Span) -> str | None:
    """``text`` with its content (``span``) cleaned, or None when cleaning leaves it as it is."""
    start, end, length = span
    if len(text) != length:  # the page is not what unmark() measured: its span is unknown
        raise ValueError(f"the page is {len(text)} characters long, not {length}: it cannot be cleaned")
    content = text[start:end]
    cleaned = clean_html(content)
    if cleaned == content:
        return None
    return text[:start] + cleaned + text[end:]
