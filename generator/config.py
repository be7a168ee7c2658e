"""Portal settings: the ``portal:`` section of ``content/site.yml``.

A typed schema in the MkDocs way: each setting is a field with a default and a docstring
(``help``), and a test checks that the README's settings table lists every one of them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from datetime import UTC, date, datetime
from typing import Any


def _setting(default: Any, help: str) -> Any:
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class Settings:
    site_url: str = _setting(
        "http://localhost:8000/",
        "Absolute address of the portal, ending in '/'. Used for the ITA URL list, the sitemap "
        "and feeds, so it must be the real public address.",
    )
    fiscal_year: int | None = _setting(
        None,
        "The fiscal year (BE) treated as current. Leave empty: it follows the build date. "
        "The example municipality pins it so that the demo stays complete.",
    )
    max_attachment_mb: float = _setting(
        20.0, "Largest attachment accepted, in megabytes; a larger file fails the check."
    )
    edit_url: str | None = _setting(
        None,
        "Base address for 'edit this page' links to the repository (e.g. GitHub's "
        "'.../edit/main/'); empty hides them.",
    )

    @classmethod
    def documented(cls) -> dict[str, str]:
        """Each setting with its help text (for the README test and ``prongsai check``)."""
        return {f.name: f.metadata["help"] for f in fields(cls)}


def build_date() -> date:
    """The date the site says it was built: ``SOURCE_DATE_EPOCH`` if set (reproducible builds),
    else today (UTC)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return datetime.fromtimestamp(int(epoch), UTC).date()
    return datetime.now(UTC).date()
