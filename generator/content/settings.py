"""``content/site.yml`` → :class:`~generator.config.Settings`."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import Collector
from ..fields import check_keys, fiscal_year_field
from ..sources import LDict, load_yaml
from ..thai import thai_digits_to_arabic


def load_settings(content: Path, errors: Collector) -> Settings:
    """The ``portal:`` settings of ``content/site.yml``; defaults where absent or wrong."""
    path = content / "site.yml"
    if not path.exists():
        errors.add(path, 0, "", "ไม่พบไฟล์ตั้งค่าเว็บไซต์ content/site.yml",
                   "สร้างไฟล์ content/site.yml (ดูตัวอย่างใน README)", "content/site.yml is missing")
        return Settings()
    data = load_yaml(path, errors)
    if not isinstance(data, LDict):
        return Settings()
    portal = data.get("portal") or LDict()
    known = sorted(f.name for f in fields(Settings))
    check_keys(portal, known, path, errors, prefix="portal.")
    values: dict[str, Any] = {}
    for key, value in portal.items():
        line = portal.line_of(key)
        if key not in known:
            continue
        if key == "fiscal_year" and value is not None:
            value = fiscal_year_field(portal, key, path, errors, field="portal.fiscal_year")
            if value is None:
                continue
        if key == "max_attachment_mb":
            try:
                value = float(thai_digits_to_arabic(str(value)))
                if value <= 0:
                    raise ValueError(value)
            except ValueError:
                errors.add(path, line, "portal.max_attachment_mb",
                           f"ขนาดไฟล์แนบสูงสุด “{value}” ต้องเป็นตัวเลขจำนวนเมกะไบต์ที่มากกว่า 0",
                           "เขียนเป็นตัวเลข เช่น max_attachment_mb: 20",
                           f"portal.max_attachment_mb must be a positive number of MB, not {value!r}")
                continue
        if key == "site_url" and isinstance(value, str) and not value.endswith("/"):
            value += "/"
        values[key] = value
    return Settings(**values)
