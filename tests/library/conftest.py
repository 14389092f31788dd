"""Library fixtures: a migrated store on SQLite and PostgreSQL, and the short fictional reports of ``reports/``.

The reports are our own writing in the style of 政府工作报告 and 统计公报: real division names
(so the gazetteer can tell the region), invented figures.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from planwatch.store import Store

REPORTS = Path(__file__).parent / "reports"


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    """Yield a migrated store on an empty database."""
    s = Store.open(database_url)
    s.init()
    yield s
    s.close()


@pytest.fixture
def reports() -> Path:
    """Return the folder of fictional reports."""
    return REPORTS
