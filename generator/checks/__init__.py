"""Check: inspect the rendered site before it is published (links, weight, personal data).

``run_site_checks`` runs every check over the freshly rendered folder. An error stops the
build, so the new site is never swapped in; a warning is printed and the site is published.
With ``strict`` (``prongsai build --strict``, used on pull requests) warnings are errors too.

Personal data (PDPA) is checked on the *input*, in the validate step (``checks/pdpa.py``,
called from ``build.validate``), so that ``prongsai check`` finds it with file and line.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..errors import Problem, ValidationFailed, format_problems
from ..model import Site
from .links import find_broken_links, link_problems


def run_site_checks(site: Site, built: Path, strict: bool = False) -> None:
    """Run the post-render checks; raise ProngsaiError to stop the site being published."""
    problems: list[Problem] = []
    broken = find_broken_links(built, site.settings.site_url)
    problems += link_problems(broken, "error" if strict else "warning")
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise ValidationFailed(sorted(problems))
    if problems:
        print(format_problems(problems), file=sys.stderr)
