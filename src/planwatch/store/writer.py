"""The writer of one transaction: diffing against stored rows, batched statements, audit rows.

Every write runs in one transaction and goes through Core bulk statements: existing rows
are read once per table (one query, keyed by code), compared with the incoming rows as
plain dicts, and only the differences are written — inserts and updates as executemany
batches, with one audit row per changed record, also batched. Saving the same data twice
therefore writes nothing the second time. Each aggregate module (plans, progress,
documents) adds the writes of its own rows as a subclass of :class:`Writer`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Table, delete, select
from sqlalchemy.engine import Connection

from planwatch.store.audit import AUDIT_COLUMNS, audit_json
from planwatch.store.bulk import insert_rows, update_rows
from planwatch.store.summary import ChangeSummary
from planwatch.store.tables import AUDIT

Row = dict[str, Any]

#: Rows per executemany batch: large enough to amortise round trips, small enough for memory.
CHUNK = 20_000


def chunks(rows: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    """Yield ``rows`` in slices a driver takes in one statement."""
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def repeated_codes(codes: Iterable[Any]) -> list[Any]:
    """Return the codes that stand more than once, in order of their second appearance."""
    seen: set[Any] = set()
    dups: list[Any] = []
    for code in codes:
        if code in seen and code not in dups:
            dups.append(code)
        seen.add(code)
    return dups



class Writer:
    """The writes of one transaction: diffing, batched statements and the audit rows they leave."""

    def __init__(self, conn: Connection, user: str, summary: ChangeSummary) -> None:
        self.conn = conn
        self.user = user
        self.summary = summary
        self.at = datetime.now(UTC)
        # The timestamp is the same for every audit row of the transaction: convert it once.
        to_db = AUDIT.c.at.type._cached_bind_processor(conn.dialect)
        self.at_db = to_db(self.at) if to_db else self.at
        self.audit: list[tuple[Any, ...]] = []
        #: when a list, :meth:`apply` appends the key of every row it inserts or updates
        self.changed: list[Any] | None = None

    # -- audit ------------------------------------------------------------------------

    def log(self, action: str, table: str, key: str, before: Row | None, after: Row | None) -> None:
        self.audit.append((self.at_db, self.user, action, table, key, audit_json(before), audit_json(after)))
        if len(self.audit) >= CHUNK:
            self.flush()

    def flush(self) -> None:
        insert_rows(self.conn, AUDIT, AUDIT_COLUMNS, self.audit, ready=frozenset(AUDIT_COLUMNS))
        self.audit = []

    # -- generic diff -----------------------------------------------------------------

    def apply(
        self,
        table: Table,
        kind: str,
        existing: dict[Any, tuple[int, Row]],
        new: list[tuple[Any, Row]],
        fixed: Row,
        audit_key: Any,
    ) -> None:
        """Insert rows whose key is new, update rows that differ, count the rest as unchanged."""
        if not new:
            return
        columns = list(new[0][1])
        fixed_values = tuple(fixed.values())
        inserts: list[tuple[Any, ...]] = []
        updates: list[tuple[Any, ...]] = []
        unchanged = 0
        log = self.log
        changed = self.changed
        name = str(table.name)  # a plain str: the driver probes str subclasses for adapters on every row
        for key, row in new:
            old = existing.get(key)
            if old is None:
                inserts.append((*row.values(), *fixed_values))
                log("insert", name, audit_key(row), None, row)
            elif old[1] != row:
                updates.append((*row.values(), old[0]))
                log("update", name, audit_key(row), old[1], row)
            else:
                unchanged += 1
                continue
            if changed is not None:
                changed.append(key)
        insert_rows(self.conn, table, [*columns, *fixed], inserts)
        update_rows(self.conn, table, columns, updates)
        self.summary.bump(kind, "inserted", len(inserts))
        self.summary.bump(kind, "updated", len(updates))
        self.summary.bump(kind, "unchanged", unchanged)

    def existing(
        self, table: Table, columns: Sequence[str], key_columns: Sequence[str], *where: Any
    ) -> dict[Any, tuple[int, Row]]:
        """Read the rows matching ``where`` once: key → (id, row of ``columns``)."""
        result = self.conn.execute(select(table.c.id, *(table.c[c] for c in columns)).where(*where))
        out: dict[Any, tuple[int, Row]] = {}
        single = len(key_columns) == 1
        for record in result:
            row = dict(zip(columns, record[1:], strict=True))
            key = row[key_columns[0]] if single else tuple(row[c] for c in key_columns)
            out[key] = (record[0], row)
        return out

    def _delete(self, table: Table, kind: str, rows: list[tuple[str, int, Row]]) -> None:
        """Delete rows by id (audit key, id, row), one audit row each."""
        name = str(table.name)
        for part in chunks(rows, 500):
            self.conn.execute(delete(table).where(table.c.id.in_([row_id for _, row_id, _ in part])))
        for key, _, row in rows:
            self.log("delete", name, key, row, None)
        self.summary.bump(kind, "deleted", len(rows))
