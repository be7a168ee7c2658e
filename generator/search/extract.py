"""Read the searchable text out of rendered HTML pages.

Only the article is indexed (not the navigation, header or footer, which repeat on every page):
its first ``h1`` is the title, other headings are weighted higher than body text, and link texts
(document and attachment titles) are body text. Elements marked ``data-search-exclude`` and
Material's permalink anchors are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

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


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


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
    parser.feed(html[:head_end])
    parser.feed(html[start:end])
    tail = html[end:]
    if parser.in_article or any(t in tail for t in _OUTSIDE_TAGS):  # the article did not close
        parser.feed(tail)


def extract(url: str, html: str) -> PageText | None:
    """The page's searchable text, or None for a page that asks not to be indexed."""
    parser = _Extractor()
    _feed(parser, html)
    parser.close()
    if parser.noindex:
        return None
    lines = (_clean(line) for line in "".join(parser.body).split("\n"))
    body = "\n".join(line for line in lines if line)
    # Material's <title> is "Page - Site"; the article's h1 is the page's own title.
    title = parser.h1 or parser.page_title.rsplit(" - ", 1)[0]
    return PageText(url=url, title=title, headings=parser.headings, body=body)
