"""Shared fixtures."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seeds" / "000_d1b957405c320544.txt"

# Builds in tests are reproducible: a fixed build date (25 November 2025).
os.environ.setdefault("SOURCE_DATE_EPOCH", "1764028800")


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT
