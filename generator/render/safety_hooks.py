"""MkDocs hooks (registered by ``render/mkdocs.py``): the render-time defence against script
from content (issue #8).

- ``on_page_markdown``: a page title is printed by the theme without escaping (Material's
  ``<title>{{ page.meta.title }}``), so it is HTML-escaped here.
- ``on_page_content``: the HTML made of each page's Markdown goes through
  :func:`generator.sanitize.clean_html` (nh3) before the theme wraps it.
"""

from __future__ import annotations

import html
from typing import Any

from generator.sanitize import clean_html


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    title = page.meta.get("title")
    if isinstance(title, str):
        page.meta["title"] = html.escape(title, quote=False)
    return markdown


def on_page_content(html_text: str, page: Any, config: Any, files: Any) -> str:
    return clean_html(html_text)
