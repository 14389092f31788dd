"""Ingest fixtures: the one-transaction tests run on a SQLite file and on a throwaway PostgreSQL cluster."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pgcluster import fresh_postgres_database, postgres_server


@pytest.fixture(scope="session")
def ingest_postgres_admin() -> Iterator[str | None]:
    """One PostgreSQL cluster for the session (or PLANWATCH_TEST_POSTGRES_URL); None without binaries."""
    with postgres_server() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Yield the URL of an empty database: a SQLite file, then a fresh PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'ingest.sqlite'}"
        return
    admin = request.getfixturevalue("ingest_postgres_admin")
    if admin is None:
        pytest.skip(postgres_server.skip_reason)
    with fresh_postgres_database(admin) as url:
        yield url
