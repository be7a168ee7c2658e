"""generator.pages.markup.rel: the same links as posixpath.relpath, however the paths are spelt."""

from __future__ import annotations

import posixpath
import random

from generator.pages.markup import rel


def _relpath(from_page: str, target: str) -> str:
    try:
        return posixpath.relpath(target, posixpath.dirname(from_page) or ".")
    except ValueError as exc:
        return f"ValueError: {exc}"


def _rel(from_page: str, target: str) -> str:
    try:
        return rel(from_page, target)
    except ValueError as exc:
        return f"ValueError: {exc}"


def test_rel_is_posixpath_relpath() -> None:
    rng = random.Random(3)
    parts = ["a", "b", "c", "index.md", "files", "x.pdf", "..", ".", ""]
    for _ in range(100_000):
        target = "/".join(rng.choice(parts) for _ in range(rng.randint(1, 5)))
        page = "/".join(rng.choice(parts) for _ in range(rng.randint(1, 5)))
        target = "/" + target if rng.random() < 0.1 else target
        page = "/" + page if rng.random() < 0.1 else page
        assert _rel(page, target) == _relpath(page, target), (page, target)


def test_rel_of_site_links() -> None:
    assert rel("basic/news/index.md", "files/x.pdf") == "../../files/x.pdf"
    assert rel("basic/news/a/index.md", "basic/news/index.md") == "../index.md"
    assert rel("a/b/index.md", "a/b") == "."
    assert rel("index.md", "basic/index.md") == "basic/index.md"
