"""Shared fixtures."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from paths import ROOT

# Builds in tests are reproducible: a fixed build date (25 November 2025).
os.environ.setdefault("SOURCE_DATE_EPOCH", "1764028800")


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT
