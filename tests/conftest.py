"""Shared fixtures: where the real reports in ../shared live (tests skip without them)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from pgcluster import fresh_postgres_database, postgres_or_skip, postgres_server

# The suite is deterministic: the same generated examples on every run, so a CI failure is a real
# regression and never a lucky draw. ``HYPOTHESIS_PROFILE=explore`` draws fresh random examples
# on every run to hunt for new crashes; add what it finds as an @example.
settings.register_profile("ci", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

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


@pytest.fixture(scope="session")
def postgres_admin_url() -> Iterator[str | None]:
    """Start one PostgreSQL cluster for the whole run (or use PLANWATCH_TEST_POSTGRES_URL); None without one."""
    with postgres_server() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Yield the URL of an empty database: a SQLite file, then a fresh PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'planwatch.sqlite'}"
        return
    admin = postgres_or_skip(request.getfixturevalue("postgres_admin_url"))
    with fresh_postgres_database(admin) as url:
        yield url

