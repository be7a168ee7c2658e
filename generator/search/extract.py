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
    """What a page's markup says, as HTMLParser reads it (``_read_fast`` takes the same steps)."""

    def __init__(self) -> None:
        self.restart()

    def restart(self) -> None:
        """As new: nothing read yet."""
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
    if head_end < 0 or start < 0 or end < start or any(html.find(t, head_end, start) >= 0 for t in _OUTSIDE_TAGS):
        parser.feed(html)
        return
    end += len("</article>")
    if not (_read_fast(parser, html[:head_end]) and _read_fast(parser, html[start:end])):
        parser.restart()
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
# Attributes _Extractor looks for (or an entity that could spell them), but <meta>'s.
_NEEDS_ATTRS = re.compile("headerlink|data-search-exclude|&", re.I)


def _read_fast(p: _Extractor, html: str) -> bool:
    """Do to ``p`` what ``p.feed(html)`` does, reading the markup with one regular expression:
    HTMLParser's tokenizer, in Python, was most of the search index's time. The same steps as
    :class:`_Extractor`'s handlers, written out here, where attributes are read only when the
    extractor looks at them. False for markup it does not know, having changed ``p`` already:
    then HTMLParser reads the page from the start."""
    in_article, skip, heading, title_tag = p.in_article, p.skip, p.heading, p.title_tag
    body, headings = p.body, p.headings
    pos, n = 0, len(html)
    while pos < n:
        m = _MARKUP.search(html, pos)
        stop = m.start() if m else n
        if stop > pos:  # text
            text = html[pos:stop]
            if "<" in text:
                return False
            if "&" in text:
                text = unescape(text)
            if title_tag is not None:
                title_tag.append(text)
            if in_article and not skip:
                (heading if heading is not None else body).append(text)
        if m is None:
            break
        pos = m.end()
        slash, tag, rest = m.group(1, 2, 3)
        if tag is None:  # a comment or the doctype: nothing to read
            continue
        tag = tag.lower()
        if slash:
            if rest.strip():
                return False
            closes = True
        else:  # a start tag
            attrs: dict[str, str | None] = {}
            # <x/> is started and ended at once, unless the "/" ends an unquoted value
            closes = rest.rstrip().endswith("/")
            if rest and (closes or tag == "meta" or _NEEDS_ATTRS.search(rest)):
                parsed = _attrs(rest)
                if parsed is None:
                    return False
                attrs, closes = dict(parsed[0]), parsed[1]
            if tag == "meta" and attrs.get("name") == "robots" and "noindex" in (attrs.get("content") or ""):
                p.noindex = True
            if tag == "title":
                title_tag = []
            if tag in _VOID:
                if tag == "br" and in_article and not skip:
                    body.append("\n")
            elif in_article:
                in_article += 1
                if (skip or tag in _SKIP_TAGS or "data-search-exclude" in attrs
                        or "headerlink" in (attrs.get("class") or "").split()):
                    skip += 1
                elif tag in _HEADINGS:
                    heading = []
                elif tag in _BLOCK:
                    body.append("\n")
            elif tag == "article":
                in_article = 1
            if tag in _RAW_TEXT_END and not closes:  # script, style: their text as it is
                close = _RAW_TEXT_END[tag].search(html, pos)
                if close is None:
                    return False
                if close.start() > pos:
                    if title_tag is not None:
                        title_tag.append(html[pos : close.start()])
                    # (inside the article, script and style are skipped)
                    if in_article and not skip:
                        (heading if heading is not None else body).append(html[pos : close.start()])
                pos = close.end()
                closes = True
        if closes:  # an end tag, or a start tag that ends itself
            if tag == "title" and title_tag is not None:
                p.page_title = _clean("".join(title_tag))
                title_tag = None
            if tag in _VOID or not in_article:
                continue
            in_article -= 1
            if skip:
                skip -= 1
                continue
            if tag in _HEADINGS and heading is not None:
                text = _clean("".join(heading))
                heading = None
                if tag == "h1" and not p.h1:
                    p.h1 = text
                elif text:
                    headings.append(text)
            elif tag in _BLOCK:
                body.append("\n")
    p.in_article, p.skip, p.heading, p.title_tag = in_article, skip, heading, title_tag
    return True


def _attrs(rest: str) -> tuple[list[tuple[str, str | None]], bool] | None:
    """A start tag's attributes (``rest``: what follows its name) as HTMLParser reads them, and
    whether the tag ends itself (``<x/>``); None where HTMLParser would take the tag for text."""
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
    end = text[k:].strip()
    return (attrs, end == "/>") if end in (">", "/>") else None


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
