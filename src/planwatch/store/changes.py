"""What changed: the audit log read as a change feed (since a time, or after a change mark).

Every write to items and progress leaves an audit row keyed ``PLAN/ITEM[/…]``, so the
audit log says which items changed without a timestamp column of their own on the item
tables, and its ids are a change counter every server process shares.

A :class:`ChangeMark` is how far a reader has read: the newest id it saw and the ids
just below it it has seen. On PostgreSQL ids are handed out before commit, so a
transaction may commit after one holding higher ids; reading the :data:`WINDOW` ids
below the mark again finds such a late row (the same window ``Store.data_version``
watches). On SQLite writers queue and ids commit in order.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, func, select

from planwatch.store.engine import escape_like
from planwatch.store.tables import AUDIT

#: audit tables that hold item definitions, and the one that holds progress.
ITEM_TABLES = ("targets", "key_tasks", "milestones", "projects", "livelihood_items")
PROGRESS_TABLES = ("progress_records",)

#: item definitions (a change re-reads the item), and every table whose change is an item's.
DEFINITION_TABLES = frozenset(ITEM_TABLES)
ITEM_CHANGE_TABLES = frozenset((*ITEM_TABLES, *PROGRESS_TABLES))
#: tables whose change reshapes a whole board (its settings, groups and names).
RESHAPING_TABLES = frozenset(("plans", "work_areas", "regions"))

#: audit ids below a mark read again, for rows that committed late (PostgreSQL).
WINDOW = 1000


@dataclass(frozen=True, slots=True)
class Change:
    """One audit row as a change: which table, what was done, to which record key."""

    id: int
    table: str
    action: str
    key: str


@dataclass(frozen=True, slots=True)
class ChangeMark:
    """How far a reader has read the change feed: the newest audit id, and the ids seen in the window below it."""

    top: int
    seen: frozenset[int]


def change_mark(engine: Engine) -> ChangeMark:
    """Return the mark of everything committed now (read before the data it stands for)."""
    return changes_after(engine, ChangeMark(0, frozenset()), window_only=True)[1]


def changes_after(engine: Engine, mark: ChangeMark, *, window_only: bool = False) -> tuple[list[Change], ChangeMark]:
    """Return the changes committed after ``mark`` (oldest first) and the mark after them.

    Reads the rows above ``mark.top - WINDOW`` through the primary key and drops those
    already seen. ``window_only`` reads only the newest window (a fresh mark).
    """
    with engine.connect() as conn:
        if window_only:
            top = conn.execute(select(func.coalesce(func.max(AUDIT.c.id), 0))).scalar_one()
            low = top - WINDOW
        else:
            low = mark.top - WINDOW
        query = select(AUDIT.c.id, AUDIT.c.table_name, AUDIT.c.action, AUDIT.c.key).where(AUDIT.c.id > low)
        rows = conn.execute(query.order_by(AUDIT.c.id)).all()
    changes = [Change(*row) for row in rows if row[0] not in mark.seen]
    top = max((row[0] for row in rows), default=mark.top)
    top = max(top, mark.top)
    seen = frozenset(row[0] for row in rows if row[0] > top - WINDOW)
    return ([] if window_only else changes), ChangeMark(top, seen)


def changed_item_codes(engine: Engine, plan_code: str, since: datetime, *, progress: bool) -> set[str]:
    """Return the codes of the plan's items changed after ``since`` (their progress when ``progress``)."""
    tables = PROGRESS_TABLES if progress else (*ITEM_TABLES, *PROGRESS_TABLES)
    query = select(AUDIT.c.key).where(
        AUDIT.c.at > since,
        AUDIT.c.table_name.in_(tables),
        AUDIT.c.key.like(escape_like(plan_code) + "/%", escape="\\"),
    )
    with engine.connect() as conn:
        return {key.split("/")[1] for key in conn.execute(query).scalars() if key.count("/") >= 1}
