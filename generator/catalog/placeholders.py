"""Named fill-ins in catalog text: ``{{org_name}}``, ``{{budget}}``, ...

The catalog keeps the seed's example text generic: where the seed named its example
municipality or said "ระบุ..." (fill in ...), the text holds a placeholder. An adopter's plan
fills them (:func:`fill`); what is left unfilled is found with :func:`find_placeholders`; the
catalog browser shows them as readable Thai labels (:func:`show_labels`). The names, labels and
descriptions are data: ``catalog/placeholders.yml``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

#: ``{{ name }}``: lower-case ASCII letters, digits and underscores; spaces inside are allowed.
PLACEHOLDER_RE = re.compile(r"\{\{\s*([a-z][a-z0-9_]*)\s*\}\}")


def find_placeholders(text: str) -> list[str]:
    """Placeholder names in ``text``, each once, in order of first appearance."""
    seen: dict[str, None] = {}
    for m in PLACEHOLDER_RE.finditer(text):
        seen.setdefault(m.group(1), None)
    return list(seen)


def fill(text: str, values: Mapping[str, str]) -> str:
    """Replace each placeholder that has a value; leave the others as they are (so that a
    check can still find and report them)."""
    return PLACEHOLDER_RE.sub(lambda m: values.get(m.group(1), m.group(0)), text)


def show_labels(text: str, labels: Mapping[str, str]) -> str:
    """Replace every placeholder with a bracketed Thai label, "[ชื่อ อปท.]", for reading the
    catalog. An unknown name shows as "[name]" rather than raw braces."""
    return PLACEHOLDER_RE.sub(lambda m: f"[{labels.get(m.group(1), m.group(1))}]", text)
