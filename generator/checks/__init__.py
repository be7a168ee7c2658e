"""Check: inspect the rendered site before it is published (links, personal data).

``run_site_checks`` reports what the scan of the freshly rendered folder found (``generator/scan.py``
reads the pages for the link check while they render). An error stops the build, so the new site
is never swapped in; a warning is printed and the site is published.
With ``strict`` (``prongsai build --strict``, used on pull requests) warnings are errors too.

Personal data (PDPA) is checked on the *input*, in the validate step (``checks/pdpa.py``,
called from ``build.validate``), so that ``prongsai check`` finds it with file and line.
"""

from __future__ import annotations

import sys

from ..errors import Problem, ValidationFailed, format_problems
from .links import BrokenLink, link_problems


def run_site_checks(broken_links: list[BrokenLink], strict: bool = False) -> None:
    """Report the post-render findings; raise ProngsaiError to stop the site being published."""
    problems: list[Problem] = []
    problems += link_problems(broken_links, "error" if strict else "warning")
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise ValidationFailed(sorted(problems))
    if problems:
        print(format_problems(problems), file=sys.stderr)
