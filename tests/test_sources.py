"""generator.sources: the quick reading of simple front matter gives exactly what PyYAML gives,
and the file walk finds the files rglob finds, in the same order."""

from __future__ import annotations

import os
import random
from pathlib import Path
from typing import Any

from generator.errors import Collector
from generator.sources import LDict, LList, files_under, iter_files, parse_yaml, simple_front_matter

REPO = Path(__file__).resolve().parent.parent


def _shape(data: Any) -> Any:
    """Values, their exact types and every recorded line, for comparing two loads."""
    if isinstance(data, LDict):
        return ("LDict", data.line, [(k, data.key_lines[k], _shape(v)) for k, v in data.items()])
    if isinstance(data, LList):
        return ("LList", data.line, data.item_lines, [_shape(v) for v in data])
    return (type(data).__name__, data)


def _yaml(text: str) -> Any:
    errors = Collector(Path("/nonexistent"))
    data = parse_yaml(text, Path("x.md"), errors, line_offset=1)
    return "error" if errors.problems else _shape(data)


# Values that are text, numbers, YAML syntax or specials YAML reads as something else.
VALUES = [
    "", "ชื่อเอกสาร", "2568-11-20", "2569", "0", "012", "1_000", "+5", "-5", "2569.0", "1e5", ".5", "1:30",
    "yes", "No", "on", "OFF", "true", "null", "Null", "~", "=", "<<", "<a", "a: b", "a:b", "a:", "http://x.y/z",
    "x #c", "x#c", "#c", "'q'", '"q"', "it's", 'say "x"', "[a]", "{a}", "a, b", "a [b] {c}", "- x", "-x", "?x",
    "? x", ":x", "!tag", "&a", "*a", "|", ">", "%x", "@x", "`x", "a\tb", "x  y", "ไฟล์ที่ 2", "a\u00a0b", "a\u200bb",
    "a\x85b", "a\u2028b", "a\ufeffb", "2567-ผลสำรวจ.pdf", "๒๕๖๙", "400 คน", "a|b", "a > b", "...", "---", "a ---",
]
SIMPLE_VALUES = ["", "ชื่อเอกสาร", "2568-11-20", "2569", "0", "a:b", "http://x.y/z", "x#c", "it's", 'say "x"', "a, b",
                 "x  y", "ไฟล์ที่ 2", "400 คน", "a|b", "a > b", "a ---", "<a", "=a", "Yesterday", "nullable", "-"]
KEYS = ["title", "date", "fiscal_year", "files", "yes", "null", "on", "Title", "_x", "a1", "2569", "a-b", "ชื่อ"]


def _value(rng: random.Random) -> str:
    return rng.choice(SIMPLE_VALUES if rng.random() < 0.7 else VALUES)


def _line(key: str, value: str, indent: str = "") -> str:
    return f"{indent}{key}:" + (f" {value}" if value else random.choice(["", " ", "  "]))


def _document(rng: random.Random) -> str:
    lines: list[str] = []
    for _ in range(rng.randint(1, 5)):
        key = rng.choice(KEYS[:4] if rng.random() < 0.8 else KEYS)
        if rng.random() < 0.3:
            lines.append(f"{key}:")
            indent = rng.choice(["", "  ", "    ", " "])
            for _ in range(rng.randint(1, 3)):
                if rng.random() < 0.6:
                    lines.append(f"{indent}- " + _line("file", _value(rng)))
                    if rng.random() < 0.5:
                        lines.append(_line("title", _value(rng), indent + rng.choice(["  ", "  ", "   ", " "])))
                else:
                    lines.append(f"{indent}- {_value(rng)}")
        else:
            lines.append(_line(key, _value(rng)) + rng.choice(["", "", " ", "  "]))
        if rng.random() < 0.05:
            lines.append(rng.choice(["", "# comment", "  extra", "\tx: 1"]))
    return "\n".join(lines) + "\n"


def test_simple_front_matter_matches_pyyaml_on_many_variants() -> None:
    rng = random.Random(20261125)
    random.seed(1)
    simple = 0
    for _ in range(20000):
        text = _document(rng)
        fast = simple_front_matter(text, line_offset=1)
        if fast is not None:
            simple += 1
            assert _shape(fast) == _yaml(text), text
    assert simple > 3000  # the quick path is taken for a good share of them


def test_simple_front_matter_matches_pyyaml_for_every_key_and_value() -> None:
    for key in KEYS:
        for value in VALUES + SIMPLE_VALUES:
            for text in (f"{key}: {value}\n", f"files:\n  - file: x.pdf\n    {key}: {value}\n", f"k:\n- {value}\n- b\n"):
                fast = simple_front_matter(text, line_offset=1)
                if fast is not None:
                    assert _shape(fast) == _yaml(text), text


def test_simple_front_matter_reads_the_usual_document() -> None:
    text = ("title: รายงานผล\ndate: 2567-11-20\nfiscal_year: 2567\nfiles:\n  - file: a.pdf\n    title: ฉบับลงนาม\n"
            "  - b.pdf\nlink:\n")
    fast = simple_front_matter(text, line_offset=1)
    assert fast is not None
    assert _shape(fast) == _yaml(text)
    assert fast == {"title": "รายงานผล", "date": "2567-11-20", "fiscal_year": 2567,
                    "files": [{"file": "a.pdf", "title": "ฉบับลงนาม"}, "b.pdf"], "link": None}


def test_simple_front_matter_leaves_the_rest_to_pyyaml() -> None:
    for text in ("title: x # note\n", "title: 'x'\n", "title: x\ntitle: y\n", "title:\n  nested: x\n", "\ntitle: x\n",
                 "title: x\n  more\n", "date: yes\n", "a:\n  - file:\n      - x\n", "- a\n", "x\n"):
        assert simple_front_matter(text, line_offset=1) is None, text


def test_front_matter_of_the_example_content_reads_the_same() -> None:
    import re

    front = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*\n?", re.S)
    for path in iter_files(REPO / "content", ".md"):
        m = front.match(path.read_text("utf-8"))
        if m and m.group(1):
            fast = simple_front_matter(m.group(1), line_offset=1)
            if fast is not None:
                assert _shape(fast) == _yaml(m.group(1)), path


def test_files_under_finds_what_rglob_finds(tmp_path: Path) -> None:
    for rel in ("a/x.md", "a-b/x.md", "a/b/c.PDF", ".hidden/y.md", "a/.z", "b.md", "a b/ไฟล์.md", "A/x.md"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x", "utf-8")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "o.md").write_text("x", "utf-8")
    os.symlink(tmp_path / "outside", tmp_path / "a" / "linked-folder")
    os.symlink(tmp_path / "b.md", tmp_path / "a" / "linked.md")
    os.symlink(tmp_path / "missing.md", tmp_path / "a" / "broken.md")
    os.symlink(tmp_path / "a" / "loop.md", tmp_path / "a" / "loop.md")
    folder = tmp_path
    expected = sorted(p for p in folder.rglob("*") if p.is_file())
    assert [folder / rel for rel in files_under(folder)] == expected
    no_links = sorted(p for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    assert [folder / rel for rel in files_under(folder, symlinks=False)] == no_links
    assert list(iter_files(folder, ".md", ".pdf")) == [p for p in expected if p.suffix.lower() in (".md", ".pdf")]
    assert files_under(tmp_path / "missing") == []
