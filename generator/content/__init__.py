"""Validate: read ``content/`` into the data model, collecting every problem on the way.

``load_site`` is the single entry point; each sub-module loads one part of the content.
"""

from __future__ import annotations

from pathlib import Path

from ..catalog import load_catalog
from ..config import Settings
from ..cycles import collector_paused
from ..errors import Collector
from ..ita.lists import load_ita_lists
from ..model import Site
from ..plan import load_plan
from ..plan.reports import plan_datasets
from .attachments import AttachmentResolver
from .datasets import load_datasets
from .documents import load_documents
from .news import load_news
from .organisation import load_organisation
from .settings import load_settings

__all__ = ["load_site"]


def load_site(root: Path, errors: Collector) -> Site:
    """Load everything under ``root/content`` (and the catalog) into a :class:`Site`.

    Problems are collected in ``errors``; the caller raises once everything has been read.
    """
    with collector_paused():  # see generator/cycles.py
        return _load_site(root, errors)


def _load_site(root: Path, errors: Collector) -> Site:
    content = root / "content"
    settings: Settings = load_settings(content, errors)
    site = Site(root=root, settings=settings)
    site.organisation = load_organisation(content, errors)
    attachments = AttachmentResolver(content, settings.max_attachment_mb, errors)
    site.documents = load_documents(content, attachments, errors)
    site.news = load_news(content, attachments, errors)
    site.datasets = load_datasets(content, errors)
    site.extra["ita"] = load_ita_lists(root, errors)  # read with generator.ita.ita_lists(site)
    site.catalog = load_catalog(root / "catalog", errors)
    org_name = site.organisation.name if site.organisation else None
    site.plan = load_plan(content / "plan", site.catalog, errors, org_name=org_name)
    if site.plan is not None:
        site.datasets.update(plan_datasets(site.plan, site.catalog, site.current_fiscal_year))
    return site
