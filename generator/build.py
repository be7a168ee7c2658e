"""The whole build, in order: validate → generate → render → check → publish.

Everything is read and validated before anything is written; the site is rendered into a
temporary folder and swapped into place only when every step has passed.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import pages as page_generators
from .checks import run_site_checks
from .checks.pdpa import PendingCheck
from .content import load_site
from .errors import Collector
from .model import OutputFile, Page, Site
from .publish import swap_in
from .render import render
from .render.mkdocs import render_preview
from .scan import SiteScan


@dataclass
class BuildResult:
    site: Site
    pages: list[Page]
    files: list[OutputFile]
    out: Path
    timings: dict[str, float] = field(default_factory=dict)


def validate(root: Path) -> tuple[Site, Collector]:
    """Read all input into the model; raise ValidationFailed if anything is wrong."""
    site, errors, pdpa = start_validation(root)
    finish_validation(errors, pdpa)
    return site, errors


def start_validation(root: Path, background: bool = False) -> tuple[Site, Collector, PendingCheck]:
    """Validate everything but the text inside attachments, whose PDPA check may still be running
    in other processes (``finish_validation`` waits for it; ``background``: the caller goes on
    meanwhile, so they leave it a core). Raises ValidationFailed, with every problem ``validate``
    would report, when the rest already has an error."""
    errors = Collector(root)
    site = load_site(root, errors)
    from .checks.pdpa import start_personal_data_check  # PDPA: personal data in any staff file (#8)

    pdpa = start_personal_data_check(site, errors, background)
    if errors.errors or pdpa.known_errors:
        finish_validation(errors, pdpa)
    return site, errors, pdpa


def finish_validation(errors: Collector, pdpa: PendingCheck) -> None:
    """Wait for the PDPA check of attachments; raise ValidationFailed if anything is wrong."""
    pdpa.finish(errors)
    errors.raise_if_errors()


def build(
    root: Path,
    out: Path | None = None,
    strict: bool = False,
    site_url: str | None = None,
    preview: bool = False,
) -> BuildResult:
    """Build the portal of the project at ``root`` into ``out`` (default ``root/site``).

    ``site_url`` overrides the configured address (the live preview serves on localhost);
    ``preview`` is a build for ``prongsai serve``: rendered in place into ``out``, again only
    the pages that changed, without the post-render checks (``render.mkdocs.render_preview``).
    """
    root = root.resolve()
    out = (out or root / "site").resolve()
    timings: dict[str, float] = {}

    # The PDPA check of attachments (most of a clean validate) runs in other processes while the
    # site is generated and rendered into a temporary folder; the build waits for it before any
    # other check and before publishing, and when a later step fails, so that it stops with the
    # same problems as a build that validated everything first.
    #
    # The workers of the site scan (search index, links: see the render step) start now, so that
    # they are ready when the first page is written.
    scan = None if preview else SiteScan()
    try:
        t = time.perf_counter()
        site, errors, pdpa = start_validation(root, background=True)
        if site_url:
            site.settings = replace(site.settings, site_url=site_url)
        timings["validate"] = time.perf_counter() - t
        try:
            return _generate_and_publish(site, errors, pdpa, scan, root, out, strict, preview, timings)
        except Exception:
            if not pdpa.finished:
                finish_validation(errors, pdpa)  # a PDPA finding is what this build stops with
            raise
        finally:
            pdpa.cancel()
    finally:
        if scan is not None:
            scan.cancel()


def _generate_and_publish(
    site: Site, errors: Collector, pdpa: PendingCheck, scan: SiteScan | None, root: Path, out: Path, strict: bool,
    preview: bool, timings: dict[str, float],
) -> BuildResult:
    t = time.perf_counter()
    pages, files = page_generators.generate(site)
    timings["generate"] = time.perf_counter() - t

    work_root = root / "build"
    work_root.mkdir(exist_ok=True)
    if preview or scan is None:  # in place, only what changed; no link check (see render_preview)
        t = time.perf_counter()
        finish_validation(errors, pdpa)  # before writing into the served folder
        (work_root / "preview-work").mkdir(exist_ok=True)
        render_preview(site, pages, files, out, work_root / "preview-work")
        timings["render"] = time.perf_counter() - t
        return BuildResult(site, pages, files, out, timings)
    work = Path(tempfile.mkdtemp(prefix="work-", dir=work_root))
    out.parent.mkdir(parents=True, exist_ok=True)
    new_site = Path(tempfile.mkdtemp(prefix=out.name + ".new-", dir=out.parent))
    umask = os.umask(0)
    os.umask(umask)
    new_site.chmod(0o777 & ~umask)  # mkdtemp makes it 0700: a web server could not read site/
    try:
        # The search index and the link check read each page as soon as it is written, in
        # other processes, while the rest of the site renders.
        scan.open(new_site, site.settings.site_url)
        t = time.perf_counter()
        render(site, pages, files, new_site, work, strict=strict, on_page=scan.page_written)
        timings["render"] = time.perf_counter() - t

        t = time.perf_counter()
        scanned = scan.finish()
        timings["scan_wait"] = time.perf_counter() - t

        t = time.perf_counter()
        finish_validation(errors, pdpa)
        timings["pdpa_wait"] = time.perf_counter() - t

        t = time.perf_counter()
        run_site_checks(scanned.broken_links, strict=strict)
        timings["check"] = time.perf_counter() - t

        swap_in(new_site, out)
    finally:
        shutil.rmtree(work, ignore_errors=True)
        if new_site.exists():
            shutil.rmtree(new_site, ignore_errors=True)
    return BuildResult(site, pages, files, out, timings)
