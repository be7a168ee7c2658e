"""The municipality's anti-corruption action plan (``content/plan/``), built on the catalog.

- :mod:`.model` — Plan, PlanProject, Update, Evidence (frozen data; statuses and plan years);
- :mod:`.loader` — ``load_plan(folder, catalog, errors)`` with line-numbered problems;
- :mod:`.reports` — the overview's sums and the 6-month/annual reports, derived from progress,
  and the datasets ``plan``, ``plan-budget``, ``plan-progress``.
"""

from .loader import load_plan
from .model import Plan, PlanProject

__all__ = ["Plan", "PlanProject", "load_plan"]
