"""MkDocs hooks (registered by ``render/mkdocs.py``): the render-time defence against script
from content (issue #8).

MkDocs renders its templates with Jinja *autoescape off*, and Material prints
``page.meta.title`` and ``page.meta.description`` (and our footer prints the organisation's
address, phone, ...) as they are. So everything staff wrote that reaches a template is
HTML-escaped here, once; and the HTML made of each page's Markdown goes through
:func:`generator.sanitize.clean_html` (nh3): here, before the theme wraps it, or, in a full build,
marked for the search-index worker to clean before the site is published (``sanitize.mark``).
"""

from __future__ import annotations

import html
from typing import Any

from generator import sanitize

# Front-matter fields the theme prints (the rest, e.g. "hide", "template", are not text).
_TEXT_META = ("title", "description")


def _escape(value: Any) -> Any:
    if isinstance(value, str):
        return html.escape(value, quote=True)
    if isinstance(value, dict):
        return {k: _escape(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(_escape(v) for v in value)
    return value


def on_config(config: Any) -> Any:
    config["site_name"] = _escape(config["site_name"])
    extra = config.get("extra")
    if extra is not None and "portal" in extra:
        extra["portal"] = _escape(extra["portal"])
    return config


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    for key in _TEXT_META:
        if isinstance(page.meta.get(key), str):
            page.meta[key] = _escape(page.meta[key])
    return markdown


def on_page_content(html_text: str, page: Any, config: Any, files: Any) -> str:
    marks = sanitize.CLEAN_LATER.get()
    return sanitize.clean_html(html_text) if marks is None else sanitize.mark(html_text, marks)
