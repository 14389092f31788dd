"""What a page asks the database on every request goes through an index, never a walk of a big table.

The board is evaluated once per data version; after that, each request of the overview,
the item list and an item page runs a handful of small reads (who is asking, the data
version, the item's history, audit rows, submissions and report figures). On a plan of
100,000 projects with a million progress rows and as many submissions, one of them
reading a whole table would cost seconds per page: SQLite's own query plan of each says
whether it does.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator

import httpx
import pytest
from sqlalchemy import event

from planwatch.store import Store

from .webapp import PLAN

#: the tables that grow with the plan's life. A SCAN of one walks the table (or a whole index);
#: a SEARCH by the plan alone walks every row of the plan.
BIG_TABLES = ("progress_records", "progress_latest", "submissions", "audit_log", "report_figures", "document_facts")
WALK = re.compile(rf"\bSCAN ({'|'.join(BIG_TABLES)})\b|\bSEARCH ({'|'.join(BIG_TABLES)}) .*\(plan_id=\?\)( |$)")

PAGES = [
    pytest.param(f"/?plan={PLAN}&as_of=2025-06-30", id="overview"),
    pytest.param(f"/items?plan={PLAN}&as_of=2025-06-30", id="item-list"),
    pytest.param(f"/items/P01?plan={PLAN}&as_of=2025-06-30", id="project-page"),
    pytest.param(f"/items/T01?plan={PLAN}&as_of=2025-06-30", id="target-page"),
]


@pytest.fixture
def statements(web_store: Store) -> Iterator[list[tuple[str, tuple]]]:
    """Collect the statements the store's engine runs while the test is on."""
    seen: list[tuple[str, tuple]] = []

    def note(_conn, _cursor, statement, parameters, _context, _many) -> None:  # type: ignore[no-untyped-def]
        seen.append((statement, tuple(parameters or ())))

    event.listen(web_store.engine, "before_cursor_execute", note)
    yield seen
    event.remove(web_store.engine, "before_cursor_execute", note)


@pytest.mark.parametrize("page", PAGES)
def test_a_page_of_an_evaluated_board_reads_only_through_indexes(
    web: httpx.Client, web_store: Store, statements: list[tuple[str, tuple]], page: str
) -> None:
    assert web.get(page).status_code == 200  # the board of that date is evaluated and kept
    statements.clear()
    assert web.get(page).status_code == 200
    reads = [(sql, params) for sql, params in statements if sql.lstrip().upper().startswith("SELECT")]
    assert reads, "a page reads at least who is asking and the data version"
    with sqlite3.connect(web_store.engine.url.database) as db:
        for sql, params in reads:
            plan = " / ".join(row[-1] for row in db.execute("EXPLAIN QUERY PLAN " + sql, params))
            for step in plan.split(" / "):
                assert not WALK.search(step), f"{page}: {step}\n{sql}"


def test_an_item_page_asks_a_bounded_number_of_questions(
    web: httpx.Client, statements: list[tuple[str, tuple]]
) -> None:
    page = f"/items/P01?plan={PLAN}&as_of=2025-06-30"
    web.get(page)
    statements.clear()
    assert web.get(page).status_code == 200
    # who is asking, the data version, the waiting count, the item's history, its audit rows,
    # its report figures, its submissions, the nav's pending proposals: not one per record.
    assert len(statements) <= 10, [sql for sql, _ in statements]
