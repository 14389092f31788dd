"""Shared fixtures: where the real reports in ../shared live (tests skip without them)."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seeds" / "000_6f42d119bd871e74.txt"


@pytest.fixture
def shared_dir() -> Path:
    """Return ../shared, or skip the test when it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture
def seed_path(shared_dir: Path) -> Path:
    """Return the path of the seed report, or skip."""
    if not SEED.is_file():
        pytest.skip("seed report is not present")
    return SEED
