"""The per-item progress summary (``progress_latest``): how it is computed and kept current.

``summary_select`` is the one grouped pass over progress rows that ``latest_only`` loads
start from; ``refresh`` rewrites the summary rows of some items (or of a whole plan)
from it inside the writer's transaction, so the summary always matches the rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Select, Table, and_, case, delete, func, select
from sqlalchemy.engine import Connection

from planwatch.store.tables import ProgressLatestRow, ProgressRow

PROGRESS: Table = ProgressRow.__table__
LATEST: Table = ProgressLatestRow.__table__
SUMMARY_COLUMNS = (
    "plan_id",
    "item_code",
    "last_cum",
    "last_nc",
    "first_nc",
    "sum_nc",
    "n_nc",
    "last_stage",
    "last_any",
)


def summary_select(*where: Any) -> Select[Any]:
    """Return the grouped pass over progress rows matching ``where``, one row per (plan, item).

    Columns in ``SUMMARY_COLUMNS`` order: the latest cumulative value's date, the latest
    and first dates of non-cumulative values with their sum and count, the latest stage
    report and the latest report of any kind (milestone reports count only for the last).
    """
    pr = PROGRESS
    plain = pr.c.milestone_key == ""
    has_value = pr.c.value.is_not(None)
    is_cum = and_(plain, pr.c.cumulative.is_(True), has_value)
    is_nc = and_(plain, pr.c.cumulative.is_(False), has_value)
    return (
        select(
            pr.c.plan_id,
            pr.c.item_code,
            func.max(case((is_cum, pr.c.as_of))).label("last_cum"),
            func.max(case((is_nc, pr.c.as_of))).label("last_nc"),
            func.min(case((is_nc, pr.c.as_of))).label("first_nc"),
            func.sum(case((is_nc, pr.c.value))).label("sum_nc"),
            func.count(case((is_nc, 1))).label("n_nc"),
            func.max(case((pr.c.stage.is_not(None), pr.c.as_of))).label("last_stage"),
            func.max(pr.c.as_of).label("last_any"),
        )
        .where(*where)
        .group_by(pr.c.plan_id, pr.c.item_code)
    )


def refresh(conn: Connection, plan_id: int | None = None, codes: Sequence[str] | None = None) -> None:
    """Recompute the summary of ``codes`` of plan ``plan_id``.

    ``codes`` None: every item of the plan; ``plan_id`` None: every plan.
    """
    if plan_id is None:
        conn.execute(delete(LATEST))
        conn.execute(LATEST.insert().from_select(SUMMARY_COLUMNS, summary_select()))
        return
    if codes is None:
        conn.execute(delete(LATEST).where(LATEST.c.plan_id == plan_id))
        conn.execute(LATEST.insert().from_select(SUMMARY_COLUMNS, summary_select(PROGRESS.c.plan_id == plan_id)))
        return
    codes = sorted(set(codes))
    for start in range(0, len(codes), 500):
        part = codes[start : start + 500]
        conn.execute(delete(LATEST).where(LATEST.c.plan_id == plan_id, LATEST.c.item_code.in_(part)))
        query = summary_select(PROGRESS.c.plan_id == plan_id, PROGRESS.c.item_code.in_(part))
        conn.execute(LATEST.insert().from_select(SUMMARY_COLUMNS, query))


def usable(conn: Connection, plan_id: int, as_of: date | None) -> bool:
    """Tell whether the summary answers a load as of ``as_of``: no report of the plan is later than it."""
    if as_of is None:
        return True
    last = conn.execute(select(func.max(LATEST.c.last_any)).where(LATEST.c.plan_id == plan_id)).scalar_one()
    return last is None or last <= as_of
