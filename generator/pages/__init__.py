"""Generate: turn the loaded :class:`~generator.model.Site` into finished Markdown pages and files.

Each module here holds one family of pages and exposes ``generate(site) -> Iterable[Page |
OutputFile]``. To add a family, write the module and list it in :data:`GENERATORS` — the order
is the order of the navigation.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..cycles import collector_paused
from ..model import OutputFile, Page, Site
from . import areas, catalog, documents, feeds, home, ita, news, opendata, plan, profile, staff, static

Generator = Callable[[Site], Iterable[Page | OutputFile]]

GENERATORS: list[Generator] = [
    home.generate,
    areas.generate,  # the five areas then anti-corruption, in areas.yml order
    documents.generate,
    news.generate,
    catalog.generate,
    plan.generate,
    ita.generate,
    opendata.generate,
    feeds.generate,
    profile.generate,  # photos, logo, org chart, /data/organisation.json; sections register on import
    staff.generate,  # /staff/, kept out of the navigation
    static.generate,  # /accessibility/ and /privacy/, linked from the footer
]


def generate(site: Site) -> tuple[list[Page], list[OutputFile]]:
    pages: list[Page] = []
    files: list[OutputFile] = []
    with collector_paused():  # see generator/cycles.py
        for gen in GENERATORS:
            for out in gen(site):
                if isinstance(out, Page):
                    pages.append(out)
                else:
                    files.append(out)
    _check_unique(pages, files)
    return pages, files


def _check_unique(pages: list[Page], files: list[OutputFile]) -> None:
    seen: set[str] = set()
    for path in [p.path for p in pages] + [f.path for f in files]:
        if path in seen:
            raise RuntimeError(f"two generators wrote the same output path: {path}")
        seen.add(path)
