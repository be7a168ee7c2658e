"""What the theme templates need from the data: ``config.extra.portal`` in Jinja.

Header (name, logo, colours), the fictional-data banner and the footer (address, phone, office
hours, build date in Thai, accessibility and privacy links) all read this dict, so that
``site_theme/`` never names a municipality.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..config import build_date
from ..model import Link, Page, Site
from ..pages.profile import KIND_LABELS, published_path
from ..thai import format_date
from .theme import theme_context


def portal_context(site: Site, pages: Iterable[Page] = ()) -> dict[str, Any]:
    org = site.organisation
    ctx: dict[str, Any] = {"build_date": format_date(build_date())}
    # colours (AA-safe, from organisation colours) and footer_links (to pages that exist)
    ctx.update(theme_context(org, [p.path for p in pages]))
    if org is not None:
        ctx.update(
            name=org.name,
            type=org.type.id,
            address=org.address,
            phone=org.phone,
            email=org.email,
            office_hours=org.office_hours,
            fictional=org.fictional,
            # from the organisation profile (generator/pages/profile.py publishes the files)
            short_name=org.short_name,
            province=org.province,
            fax=org.fax,
            map_url=org.map_url,
            logo=published_path(org.logo) if org.logo else None,  # site-relative: use `| url`
            channels=[_link(x) for x in org.two_way_channels],  # two-way (LINE OA, form, ...)
            social=[_link(x) for x in org.social],
        )
    return ctx


def _link(link: Link) -> dict[str, str]:
    """A channel for templates: title, url, kind and its Thai/brand label ("LINE Official Account")."""
    return {"title": link.title, "url": link.url, "kind": link.kind,
            "label": KIND_LABELS.get(link.kind, "")}
