"""What the theme templates need from the data: ``config.extra.portal`` in Jinja.

Header (name, logo, colours), the fictional-data banner and the footer (address, phone, office
hours, build date in Thai, accessibility and privacy links) all read this dict, so that
``site_theme/`` never names a municipality.
"""

from __future__ import annotations

from typing import Any

from ..config import build_date
from ..model import Site
from ..thai import format_date


def portal_context(site: Site) -> dict[str, Any]:
    org = site.organisation
    ctx: dict[str, Any] = {"build_date": format_date(build_date())}
    if org is not None:
        ctx.update(
            name=org.name,
            type=org.type.id,
            address=org.address,
            phone=org.phone,
            email=org.email,
            office_hours=org.office_hours,
            fictional=org.fictional,
        )
    return ctx
