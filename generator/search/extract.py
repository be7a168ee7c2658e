"""Read the searchable text out of rendered HTML pages.

Only the article is indexed (not the navigation, header or footer, which repeat on every page):
its first ``h1`` is the title, other headings are weighted higher than body text, and link texts
(document and attachment titles) are body text. Elements marked ``data-search-exclude`` and
Material's permalink anchors are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser, attrfind_tolerant, tagfind_tolerant  # type: ignore[attr-defined]

_SKIP_TAGS = frozenset({"script", "style", "template", "svg", "nav", "button", "form"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
_BLOCK = frozenset(
    {"p", "li", "tr", "td", "th", "dt", "dd", "div", "section", "table", "ul", "ol", "dl", "br",
     "blockquote", "pre", "figcaption", "details", "summary", "caption", "article", "aside"}
)
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


@dataclass
class PageText:
    """What the index knows of one page."""

    url: str
    title: str = ""
    headings: list[str] = field(default_factory=list)
    body: str = ""


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.in_article = 0  # depth inside <article>, 0 = outside
        self.skip = 0  # depth inside skipped elements
        self.heading: list[str] | None = None
        self.title_tag: list[str] | None = None
        self.page_title = ""
        self.noindex = False
        self.h1 = ""
        self.headings: list[str] = []
        self.body: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "meta" and a.get("name") == "robots" and "noindex" in (a.get("content") or ""):
            self.noindex = True
        if tag == "title":
            self.title_tag = []
        if tag in _VOID:
            if tag == "br" and self.in_article and not self.skip:
                self.body.append("\n")
            return
        if self.in_article:
            self.in_article += 1
            classes = (a.get("class") or "").split()
            if self.skip or tag in _SKIP_TAGS or "data-search-exclude" in a or "headerlink" in classes:
                self.skip += 1
            elif tag in _HEADINGS:
                self.heading = []
            elif tag in _BLOCK:
                self.body.append("\n")
        elif tag == "article":
            self.in_article = 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self.title_tag is not None:
            self.page_title = _clean("".join(self.title_tag))
            self.title_tag = None
        if tag in _VOID or not self.in_article:
            return
        self.in_article -= 1
        if self.skip:
            self.skip -= 1
            return
        if tag in _HEADINGS and self.heading is not None:
            text = _clean("".join(self.heading))
            self.heading = None
            if tag == "h1" and not self.h1:
                self.h1 = text
            elif text:
                self.headings.append(text)
        elif tag in _BLOCK:
            self.body.append("\n")

    def handle_data(self, data: str) -> None:
        if self.title_tag is not None:
            self.title_tag.append(data)
        if not self.in_article or self.skip:
            return
        if self.heading is not None:
            self.heading.append(data)
        else:
            self.body.append(data)


_SPACES = re.compile(r"\s+")
_SPACES_IN_LINE = re.compile(r"[^\S\n]+")


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


# Outside the article only <title> and <meta name="robots"> count: a part without these (the
# navigation, header and footer, most of a page's bytes) need not be parsed.
_OUTSIDE_TAGS = ("<title", "<meta", "<article")


def _feed(parser: _Extractor, html: str) -> None:
    """Feed ``parser`` the page's head and article, and any other part that could change what
    it reads: the same result as feeding the whole page, in a third of the time."""
    head_end = html.find("</head>")
    start = html.find("<article", head_end)
    end = html.rfind("</article>")
    if head_end < 0 or start < 0 or end < start or any(t in html[head_end:start] for t in _OUTSIDE_TAGS):
        parser.feed(html)
        return
    end += len("</article>")
    head, article = _events(html[:head_end]), _events(html[start:end])
    if head is not None and article is not None:
        _give(parser, head + article)
    else:
        parser.feed(html[:head_end])
        parser.feed(html[start:end])
    tail = html[end:]
    if parser.in_article or any(t in tail for t in _OUTSIDE_TAGS):  # the article did not close
        parser.feed(tail)


# The markup a renderer writes: start tags (attribute values quoted or not), end tags, comments
# and the doctype. Whatever else looks like markup sends the page to HTMLParser.
_MARKUP = re.compile(
    r"""<(?:(/?)([a-zA-Z][^\t\n\r\f />\x00]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|!--.*?-->|![dD][oO][cC][tT][yY][pP][eE][^>]*>)""",
    re.S,
)
_RAW_TEXT_END = {"script": re.compile(r"</\s*script\s*>", re.I), "style": re.compile(r"</\s*style\s*>", re.I)}
_NEEDS_ATTRS = ("headerlink", "data-search-exclude", "&")  # what _Extractor looks for, but <meta>'s
_NO_ATTRS: list[tuple[str, str | None]] = []  # shared: the extractor never changes attrs


_Event = tuple[int, str, list[tuple[str, str | None]]]  # (0 text | 1 start | 2 end | 3 start-end, text or tag, attrs)


def _events(html: str) -> list[_Event] | None:
    """The tags and text of ``html`` as ``HTMLParser.feed`` gives them, read by one regular
    expression: HTMLParser's tokenizer, in Python, was most of the search index's time. Reads
    attributes only where the extractor looks at them. None for markup it does not know: then
    HTMLParser reads the page, so the result is always the same."""
    events: list[_Event] = []
    pos = 0
    n = len(html)
    while pos < n:
        m = _MARKUP.search(html, pos)
        text = html[pos : m.start() if m else n]
        if text:
            if "<" in text:
                return None
            events.append((0, unescape(text) if "&" in text else text, _NO_ATTRS))
        if m is None:
            break
        pos = m.end()
        tag = m.group(2)
        if tag is None:  # a comment or the doctype: nothing the extractor reads
            continue
        tag = tag.lower()
        rest = m.group(3)
        if m.group(1):  # an end tag
            if rest.strip():
                return None
            events.append((2, tag, _NO_ATTRS))
            continue
        attrs = _NO_ATTRS
        if rest and (tag == "meta" or any(k in rest.lower() for k in _NEEDS_ATTRS)):
            parsed = _attrs(rest)
            if parsed is None:
                return None
            attrs = parsed
        if rest.rstrip().endswith("/"):
            events.append((3, tag, attrs))
            continue
        events.append((1, tag, attrs))
        if tag in _RAW_TEXT_END:  # script or style: text up to its end tag, as it is
            close = _RAW_TEXT_END[tag].search(html, pos)
            if close is None:
                return None
            if close.start() > pos:
                events.append((0, html[pos : close.start()], _NO_ATTRS))
            events.append((2, tag, _NO_ATTRS))
            pos = close.end()
    return events


def _give(parser: _Extractor, events: list[_Event]) -> None:
    for kind, value, attrs in events:
        if kind == 0:
            parser.handle_data(value)
        elif kind == 1:
            parser.handle_starttag(value, attrs)
        elif kind == 2:
            parser.handle_endtag(value)
        else:
            parser.handle_startendtag(value, attrs)


def _attrs(rest: str) -> list[tuple[str, str | None]] | None:
    """A start tag's attributes (``rest``: what follows its name) as HTMLParser reads them; None
    where HTMLParser would take the tag for text."""
    text = "<x" + rest + ">"
    m = tagfind_tolerant.match(text, 1)
    k = m.end() if m else 2
    attrs: list[tuple[str, str | None]] = []
    while k < len(text):
        m = attrfind_tolerant.match(text, k)
        if not m:
            break
        name, eq, value = m.group(1, 2, 3)
        if not eq:
            value = None
        elif value[:1] == "'" == value[-1:] or value[:1] == '"' == value[-1:]:
            value = value[1:-1]
        if value:
            value = unescape(value)
        attrs.append((name.lower(), value))
        k = m.end()
    return attrs if text[k:].strip() in (">", "/>") else None


def extract(url: str, html: str) -> PageText | None:
    """The page's searchable text, or None for a page that asks not to be indexed."""
    parser = _Extractor()
    _feed(parser, html)
    parser.close()
    if parser.noindex:
        return None
    # Each line _clean'ed, the empty ones left out (whitespace is made one space in one go).
    lines = (line.strip(" ") for line in _SPACES_IN_LINE.sub(" ", "".join(parser.body)).split("\n"))
    body = "\n".join(line for line in lines if line)
    # Material's <title> is "Page - Site"; the article's h1 is the page's own title.
    title = parser.h1 or parser.page_title.rsplit(" - ", 1)[0]
    return PageText(url=url, title=title, headings=parser.headings, body=body)
