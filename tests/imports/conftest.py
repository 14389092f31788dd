"""Fixtures for import tests: a real SQLite store in a temporary folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from planwatch.store import Store
from planwatch.store.tables import Base


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """Yield an initialised SQLite store in a temporary file."""
    with Store.open(f"sqlite:///{tmp_path / 'planwatch.sqlite'}") as opened:
        opened.init()
        yield opened


def row_counts(store: Store) -> dict[str, int]:
    """Return the number of rows in every table of the store (to prove nothing was written)."""
    with store.engine.connect() as conn:
        return {
            name: conn.execute(select(func.count()).select_from(table)).scalar_one()
            for name, table in Base.metadata.tables.items()
        }
