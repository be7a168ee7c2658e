"""Where things are, for tests (a plain module: test files import it; conftest.py is pytest's).

``pyproject.toml`` puts ``tests/`` on ``sys.path`` (``pythonpath``), so ``from paths import ROOT``
works the same from every folder of tests; importing from ``conftest`` would pick whichever of
the two ``conftest.py`` files was imported first.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seeds" / "000_d1b957405c320544.txt"
