"""Reading staff-written files: text decoding, YAML with line numbers, Markdown front matter.

YAML is loaded with a loader that
- keeps every scalar that looks like a date as a string (we parse BE dates ourselves, and
  PyYAML would otherwise turn ``2569-02-31`` into an exception without a useful message);
- records the line of every mapping key and list entry, so that errors can name them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from .errors import Collector


class LDict(dict[str, Any]):
    """A dict that remembers the line of each key (``line_of``) and its own line (``line``)."""

    line: int = 0
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class LList(list[Any]):
    """A list that remembers the line of each item."""

    line: int = 0
    item_lines: list[int]

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


# LibYAML's parser when PyYAML was built with it (the wheels are): ~7x faster on thousands of
# documents, same data and marks; the pure-Python SafeLoader otherwise.
_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[valid-type,misc]
    pass


# Dates and times stay strings: drop the implicit timestamp resolver.
_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LDict:
    result = LDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        key = str(key)
        if key in result:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LList:
    result = LList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def shift_lines(data: Any, offset: int) -> Any:
    """Add ``offset`` to every recorded line (front matter starts below the ``---`` line)."""
    if isinstance(data, LDict):
        data.line += offset
        data.key_lines = {k: v + offset for k, v in data.key_lines.items()}
        for v in data.values():
            shift_lines(v, offset)
    elif isinstance(data, LList):
        data.line += offset
        data.item_lines = [v + offset for v in data.item_lines]
        for v in data:
            shift_lines(v, offset)
    return data


def read_text(path: Path, errors: Collector) -> str | None:
    """Read a staff file as UTF-8 (a BOM and Windows line endings are fine).

    A file saved as TIS-620 / Windows-874 (what Thai Windows editors often do) is reported with
    the fix, rather than shown as mojibake.
    """
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        hint = ""
        try:
            raw.decode("cp874")
            hint = " (ดูเหมือนบันทึกเป็น TIS-620/Windows-874)"
        except UnicodeDecodeError:
            pass
        errors.add(
            path,
            line,
            "",
            f"ไฟล์ไม่ได้บันทึกเป็น UTF-8{hint}",
            "เปิดไฟล์แล้วบันทึกใหม่โดยเลือกการเข้ารหัส UTF-8 (Save with encoding: UTF-8)",
            "file is not valid UTF-8 (TIS-620/Windows-874?); re-save it as UTF-8",
        )
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_yaml(text: str, path: Path, errors: Collector, line_offset: int = 0) -> Any:
    """Parse YAML text; a syntax error becomes one :class:`Problem` with its line."""
    try:
        data = yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 + line_offset) if mark else 0
        errors.add(
            path,
            line,
            "",
            f"รูปแบบ YAML ไม่ถูกต้อง: {exc.problem or exc.context}",
            "ตรวจการย่อหน้า (ใช้ช่องว่าง ไม่ใช้แท็บ) เครื่องหมาย : หลังชื่อช่อง และเครื่องหมายคำพูดที่เปิดแล้วต้องปิด",
            f"YAML syntax error: {exc.problem or exc.context}",
        )
        return None
    return shift_lines(data, line_offset) if line_offset else data


def load_yaml(path: Path, errors: Collector) -> Any:
    """Read and parse one staff YAML file; None after reporting an encoding or syntax error."""
    text = read_text(path, errors)
    return None if text is None else parse_yaml(text, path, errors)


def _empty_meta() -> LDict:
    meta = LDict()
    meta.line, meta.key_lines = 1, {}
    return meta


_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*\n?", re.S)


def load_markdown(path: Path, errors: Collector) -> tuple[LDict, str, int] | None:
    """Split a Markdown file into (front matter, body, first body line)."""
    text = read_text(path, errors)
    if text is None:
        return None
    m = _FRONT.match(text)
    if not m:
        return _empty_meta(), text, 1
    before = errors.error_count
    meta = parse_yaml(m.group(1) or "", path, errors, line_offset=1)
    if errors.error_count != before:  # a YAML syntax error, already reported
        return None
    if meta is None:  # "---" lines with nothing between them
        meta = _empty_meta()
    if not isinstance(meta, LDict):
        errors.add(path, 2, "", "ส่วนหัวของไฟล์ (ระหว่าง ---) ต้องเป็นรายการ ชื่อช่อง: ค่า",
                   "เขียนแต่ละบรรทัดเป็น ชื่อช่อง: ค่า เช่น title: ชื่อเอกสาร",
                   "front matter must be a mapping")
        return None
    body_line = text[: m.end()].count("\n") + 1
    return meta, text[m.end():], body_line


def iter_files(folder: Path, *suffixes: str) -> Iterator[Path]:
    """Files under ``folder`` with one of ``suffixes``, in a stable (sorted) order."""
    if not folder.is_dir():
        return iter(())
    return iter(sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in suffixes))
