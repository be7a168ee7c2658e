"""ITA/OIT: the yearly lists of items NACC assessors check, and each item's status on this portal.

- :mod:`.lists` reads the lists (``generator/data/ita/<year>.yml``, corrected by ``content/ita/<year>.yml``);
- :mod:`.rules` decides whether one topic's data is met / missing / out of date for a year;
- :mod:`.status` combines topics into the status of each OIT item;
- :mod:`.report` prints that status for staff and writes it as JSON (``prongsai check --ita``).
"""

from __future__ import annotations

from .lists import load_ita_lists
from .model import OitItem, OitList, OitLists, ita_lists
from .status import Assessment, ItemStatus, assess

__all__ = ["Assessment", "ItemStatus", "OitItem", "OitList", "OitLists", "assess", "ita_lists", "load_ita_lists"]
