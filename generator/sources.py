"""Reading staff-written files: text decoding, YAML with line numbers, Markdown front matter.

YAML is loaded with a loader that
- keeps every scalar that looks like a date as a string (we parse BE dates ourselves, and
  PyYAML would otherwise turn ``2569-02-31`` into an exception without a useful message);
- records the line of every mapping key and list entry, so that errors can name them.
"""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .errors import Collector
from .model import split_suffix


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


def safe_load(text: str) -> Any:
    """``yaml.safe_load`` with LibYAML's parser when there is one (for Prongsai's own data files,
    read on every build: no line numbers needed)."""
    return yaml.load(text, Loader=_Base)


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
    meta = simple_front_matter(m.group(1) or "", line_offset=1)
    if meta is None:
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


# --- front matter without PyYAML ----------------------------------------------------------------
# Nearly every front matter is a few "key: text" lines and a list of files. PyYAML (even with
# LibYAML) takes ~40 µs a file for that; simple_front_matter ~10 µs. It reads exactly that shape
# and gives what parse_yaml gives (the same LDict, LList, str, int and lines); anything else — a
# comment, quotes, a tab, a nested block, a value YAML reads as a bool, null or float, a duplicate
# key — gives None, and PyYAML reads the file (and reports its mistakes) as before.
# tests/test_sources.py compares the two on many variants.

_SIMPLE_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_]{0,63}):(?: (.*))?")  # "key: value", "key:"
_SIMPLE_ITEM = re.compile(r"( *)- (\S.*)")  # "  - value", "  - key: value"
_NOT_PLAIN_START = frozenset("-?:,[]{}#&*!|>'\"%@`")  # indicators: not a plain text scalar
_DECIMAL = re.compile(r"0|[1-9][0-9]*")
_NOT_SIMPLE = object()
# The loader's implicit resolvers (bool, int, float, null, ...) by the first character they apply to.
_RESOLVERS = {first: [*resolvers, *_Loader.yaml_implicit_resolvers.get(None, [])]
              for first, resolvers in _Loader.yaml_implicit_resolvers.items()}
_WILDCARD_RESOLVERS = _Loader.yaml_implicit_resolvers.get(None, [])


def _simple_scalar(value: str) -> Any:
    """The value PyYAML would construct for a plain scalar (already stripped of spaces), or
    _NOT_SIMPLE when it is not plain text, a whole number or empty."""
    if not value:
        return None  # "key:" with nothing after it is null
    if value[0] in _NOT_PLAIN_START or ": " in value or value.endswith(":") or " #" in value:
        return _NOT_SIMPLE  # YAML syntax inside: an indicator, a nested key or a comment
    tag = next((tag for tag, rx in _RESOLVERS.get(value[0], _WILDCARD_RESOLVERS) if rx.match(value)), None)
    if tag is None:
        return value  # text
    if tag == "tag:yaml.org,2002:int" and _DECIMAL.fullmatch(value):
        return int(value)
    return _NOT_SIMPLE


@lru_cache(maxsize=256)
def _simple_key(key: str) -> bool:
    """Whether PyYAML reads ``key`` as this text (not "yes" → True, "null" → None)."""
    return _simple_scalar(key) == key


def _simple_entry(into: LDict, line: str, line_no: int) -> bool:
    """Add one "key: value" line to ``into``; False when PyYAML must read it."""
    m = _SIMPLE_KEY.fullmatch(line)
    if m is None or not line.isprintable() or m[1] in into or not _simple_key(m[1]):
        return False  # not simple, a tab or control character, a duplicate, a key such as "yes"
    value = _simple_scalar((m[2] or "").strip(" "))
    if value is _NOT_SIMPLE:
        return False
    into[m[1]] = value
    into.key_lines[m[1]] = line_no
    return True


def _new_ldict(line: int) -> LDict:
    result = LDict()
    result.line, result.key_lines = line, {}
    return result


def _simple_list(lines: list[str], i: int, indent: int, first_line: int) -> tuple[LList, int] | None:
    """The list whose first item is ``lines[i]``, ``indent`` spaces in (items of text or of
    "key: value" lines), and the index of the line after it; None when PyYAML must read it."""
    result = LList()
    result.line, result.item_lines = first_line + i, []
    while i < len(lines) and (m := _SIMPLE_ITEM.fullmatch(lines[i])) and len(m[1]) == indent:
        result.item_lines.append(first_line + i)
        if _SIMPLE_KEY.fullmatch(m[2]):  # "- key: value" and more keys below, two columns in
            entry = _new_ldict(first_line + i)
            if not _simple_entry(entry, m[2], first_line + i):
                return None
            i += 1
            inner = " " * (indent + 2)
            while i < len(lines) and lines[i].startswith(inner) and lines[i][indent + 2:indent + 3] != " ":
                if not _simple_entry(entry, lines[i][indent + 2:], first_line + i):
                    return None
                i += 1
            result.append(entry)
        else:
            value = _simple_scalar(m[2].strip(" "))
            if value is _NOT_SIMPLE or not lines[i].isprintable():
                return None
            result.append(value)
            i += 1
    return result, i


def simple_front_matter(text: str, line_offset: int = 0) -> LDict | None:
    """What ``parse_yaml(text, …, line_offset)`` gives, when ``text`` is only "key: value" lines
    and lists under a "key:" line; otherwise None."""
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    first_line = 1 + line_offset  # the number of lines[0]
    if not lines:
        return None
    result = _new_ldict(first_line)
    i = 0
    while i < len(lines):
        if not _simple_entry(result, lines[i], first_line + i):
            return None
        key = next(reversed(result))
        i += 1
        if result[key] is None and i < len(lines) and (item := _SIMPLE_ITEM.fullmatch(lines[i])):
            found = _simple_list(lines, i, len(item[1]), first_line)
            if found is None:
                return None
            result[key], i = found
    return result


def iter_files(folder: Path, *suffixes: str) -> Iterator[Path]:
    """Files under ``folder`` with one of ``suffixes``, in a stable (sorted) order."""
    return iter([folder / rel for rel in files_under(folder)
                 if split_suffix(rel.rpartition("/")[2])[1].lower() in suffixes])


def files_under(folder: Path, symlinks: bool = True) -> list[str]:
    """Every file under ``folder`` as a path relative to it with forward slashes, sorted as
    pathlib sorts Paths: part by part, so "a/x.md" comes before "a-b/x.md".

    The same files as ``sorted(p for p in folder.rglob("*") if p.is_file())``: hidden ones too, a
    symlink to a file is a file (left out when ``symlinks`` is False), symlinked folders are not
    entered. One ``scandir`` per folder instead of a Path, a stat and a comparison of Paths per
    file, which took a third of a second per ten thousand files. Empty when ``folder`` is not a
    folder.
    """
    if not folder.is_dir():
        return []
    found: list[str] = []
    _scan(os.fspath(folder), "", symlinks, found)
    return sorted(found, key=lambda rel: rel.split("/"))


def _scan(top: str, prefix: str, symlinks: bool, found: list[str]) -> None:
    """Add the files under ``top`` to ``found``, each as ``prefix`` and its path below ``top``."""
    try:
        with os.scandir(top) as it:
            entries = list(it)
    except PermissionError:  # skipped, as rglob skips it
        return
    for entry in entries:
        if _entry_is(entry.is_dir) and not entry.is_symlink():
            _scan(entry.path, prefix + entry.name + "/", symlinks, found)
        elif _entry_is(entry.is_file) and (symlinks or not entry.is_symlink()):
            found.append(prefix + entry.name)


#: What pathlib's ``is_file()`` and ``is_dir()`` take for "not there" rather than raise.
NOT_THERE_ERRNOS = (errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP)


def _entry_is(test: Callable[[], bool]) -> bool:
    """``entry.is_dir()`` or ``entry.is_file()`` answered as pathlib answers it: a symlink loop is
    neither (scandir's own methods raise)."""
    try:
        return test()
    except OSError as exc:
        if exc.errno in NOT_THERE_ERRNOS:
            return False
        raise


def project_rel(errors: Collector, folder: Path) -> Callable[[str], str]:
    """``errors.rel(folder / rel)`` for the folder-relative paths :func:`files_under` gives.

    When ``folder`` lies (as written) under the project root, that is the folder's own project
    path and the rest, with no Path and no ``relative_to`` per file; otherwise each file goes
    through ``errors.rel``.
    """
    if folder.is_absolute():
        try:
            base = folder.relative_to(errors.root).as_posix()
        except ValueError:
            return lambda rel: errors.rel(folder / rel)
    else:
        base = folder.as_posix()
    return (lambda rel: rel) if base == "." else (lambda rel: f"{base}/{rel}")
