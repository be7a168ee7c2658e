"""Validate: read ``content/`` into the data model, collecting every problem on the way.

``load_site`` is the single entry point; each sub-module loads one part of the content.
"""

from __future__ import annotations

from pathlib import Path

from ..catalog import load_catalog
from ..config import Settings
from ..errors import Collector
from ..ita.lists import load_ita_lists
from ..model import Site
from .organisation import load_organisation
from .settings import load_settings


def load_site(root: Path, errors: Collector) -> Site:
    """Load everything under ``root/content`` (and the catalog) into a :class:`Site`.

    Problems are collected in ``errors``; the caller raises once everything has been read.
    """
    content = root / "content"
    settings: Settings = load_settings(content, errors)
    site = Site(root=root, settings=settings)
    site.organisation = load_organisation(content, errors)
    site.extra["ita"] = load_ita_lists(root, errors)  # read with generator.ita.ita_lists(site)
    site.catalog = load_catalog(root / "catalog", errors)
    return site
