"""The plan catalog: NACC's example anti-corruption projects as data (``catalog/``).

- :mod:`.model` — frozen dataclasses (Catalog, Dimension, Objective, SubObjective, Project);
- :mod:`.loader` — ``load_catalog(folder, errors)``, with line-numbered problems;
- :mod:`.placeholders` — ``{{name}}`` fill-ins: ``find_placeholders``, ``fill``, ``show_labels``;
- :mod:`.seed` — the parser of the seed text; :mod:`.importer` — ``prongsai catalog import``.
"""

from .loader import load_catalog
from .model import Catalog, Project

__all__ = ["Catalog", "Project", "load_catalog"]
