"""The home page."""

from __future__ import annotations

from collections.abc import Iterable

from ..model import OutputFile, Page, Site


def generate(site: Site) -> Iterable[Page | OutputFile]:
    org = site.organisation
    name = org.name if org else "Prongsai"
    yield Page(path="index.md", title=name, body=f"# {name}\n", nav=True, hide=("toc",))
