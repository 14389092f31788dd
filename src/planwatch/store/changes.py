"""What changed since a time: the item codes of a plan whose definition or progress the audit log saw change.

Every write to items and progress leaves an audit row keyed ``PLAN/ITEM[/…]`` with its
time, so ``changed_since`` needs no timestamp column of its own on the item tables.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Engine, select

from planwatch.store.engine import _escape_like
from planwatch.store.tables import AUDIT

#: audit tables that hold item definitions, and the one that holds progress.
ITEM_TABLES = ("targets", "key_tasks", "milestones", "projects", "livelihood_items")
PROGRESS_TABLES = ("progress_records",)


def changed_item_codes(engine: Engine, plan_code: str, since: datetime, *, progress: bool) -> set[str]:
    """Return the codes of the plan's items changed after ``since`` (their progress when ``progress``)."""
    tables = PROGRESS_TABLES if progress else (*ITEM_TABLES, *PROGRESS_TABLES)
    query = select(AUDIT.c.key).where(
        AUDIT.c.at > since,
        AUDIT.c.table_name.in_(tables),
        AUDIT.c.key.like(_escape_like(plan_code) + "/%", escape="\\"),
    )
    with engine.connect() as conn:
        return {key.split("/")[1] for key in conn.execute(query).scalars() if key.count("/") >= 1}
