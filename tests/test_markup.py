"""generator.pages.markup: rel gives the same links as posixpath.relpath, however the paths are spelt;
headings of staff bodies are demoted below the page title; plain-text excerpts."""

from __future__ import annotations

import posixpath
import random
import re

from generator.pages.markup import demote_headings, plain_excerpt, rel


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


def _demote_by_regex(body: str) -> str:
    """demote_headings as first written: both patterns tried on every line."""
    out, fenced = [], False
    for line in body.splitlines():
        if re.match(r"^(```|~~~)", line):
            fenced = not fenced
        elif not fenced:
            line = re.sub(r"^(#{1,5})(\s)", r"#\1\2", line)
        out.append(line)
    return "\n".join(out) + "\n"


def test_demote_headings_is_the_regex_on_every_line() -> None:
    rng = random.Random(5)
    pieces = ["#", "##", "######", " ", "\t", "text", "```", "~~~", "`", "~", "\n", "\r\n", "\n\n", "#x"]
    for _ in range(20_000):
        body = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert demote_headings(body) == _demote_by_regex(body), repr(body)
    assert demote_headings("# ก\n```\n# code\n```\n##### ข\n###### ค") == "## ก\n```\n# code\n```\n###### ข\n###### ค\n"


def test_plain_excerpt() -> None:
    body = "# หัวข้อ\n\n![รูป](a.jpg)\n\nข่าว **สำคัญ** ดู [ประกาศ](x.pdf) และ `โค้ด`\nบรรทัดสอง\n\nย่อหน้าถัดไป"
    assert plain_excerpt(body) == "ข่าว สำคัญ ดู ประกาศ และ โค้ด บรรทัดสอง"
    assert plain_excerpt("คำ " * 100, limit=10) == "คำ คำ คำ…"
    assert plain_excerpt("# only a heading") == ""
