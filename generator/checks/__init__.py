"""Check: inspect the rendered site before it is published (links, weight, personal data)."""

from __future__ import annotations

from pathlib import Path

from ..model import Site


def run_site_checks(site: Site, built: Path, strict: bool = False) -> None:
    """Run the post-render checks; raise ProngsaiError to stop the site being published."""
