"""The per-item progress summary (``progress_latest``): how it is computed and kept current.

``summary_select`` is the one grouped pass over progress rows that ``latest_only`` loads
start from; ``refresh`` rewrites the summary rows of some items (or of a whole plan)
from it inside the writer's transaction, so the summary always matches the rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import FromClause, Select, Table, and_, case, delete, func, select
from sqlalchemy.engine import Connection

from planwatch.store.mapping import PROGRESS_READ_COLUMNS
from planwatch.store.tables import ProgressLatestRecordRow, ProgressLatestRow, ProgressRow

PROGRESS: Table = ProgressRow.__table__
LATEST: Table = ProgressLatestRow.__table__
LATEST_ROWS: Table = ProgressLatestRecordRow.__table__
#: The summary figures each candidate row carries, after its progress values.
AGG_COLUMNS = ("last_cum", "last_nc", "first_nc", "sum_nc", "n_nc")
#: ``progress_latest_rows`` columns in the order a load reads them: the progress row's id and
#: values (``PROGRESS_READ_COLUMNS``), then ``AGG_COLUMNS``.
ROWS_READ_COLUMNS = ("progress_id", *PROGRESS_READ_COLUMNS, *AGG_COLUMNS)
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


def candidate_rows(agg: FromClause, *where: Any) -> Select[Any]:
    """Return the progress rows at the dates of ``agg`` (a summary), each with its summary figures.

    Columns: the row's id, ``PROGRESS_READ_COLUMNS``, ``AGG_COLUMNS``. Both plan and item come
    from ``agg`` so the database looks rows up by the unique (plan, item, as_of, …) index.
    """
    pr = PROGRESS
    on = and_(
        pr.c.plan_id == agg.c.plan_id,
        pr.c.item_code == agg.c.item_code,
        pr.c.as_of.in_([agg.c.last_any, agg.c.last_cum, agg.c.last_nc, agg.c.last_stage]),
    )
    return (
        select(pr.c.id, *(pr.c[c] for c in PROGRESS_READ_COLUMNS), *(agg.c[c] for c in AGG_COLUMNS))
        .select_from(agg)
        .join(pr, on)
        .where(*where)
    )


def copy_rows(conn: Connection, *where: Any) -> None:
    """Fill ``progress_latest_rows`` from the summary rows matching ``where``."""
    query = candidate_rows(LATEST, *where).add_columns(LATEST.c.plan_id)
    conn.execute(LATEST_ROWS.insert().from_select([*ROWS_READ_COLUMNS, "plan_id"], query))


def refresh(conn: Connection, plan_id: int | None = None, codes: Sequence[str] | None = None) -> None:
    """Recompute the summary of ``codes`` of plan ``plan_id``, and the rows a load reads with it.

    ``codes`` None: every item of the plan; ``plan_id`` None: every plan.
    """
    if plan_id is None:
        conn.execute(delete(LATEST_ROWS))
        conn.execute(delete(LATEST))
        conn.execute(LATEST.insert().from_select(SUMMARY_COLUMNS, summary_select()))
        copy_rows(conn)
        return
    if codes is None:
        conn.execute(delete(LATEST_ROWS).where(LATEST_ROWS.c.plan_id == plan_id))
        conn.execute(delete(LATEST).where(LATEST.c.plan_id == plan_id))
        conn.execute(LATEST.insert().from_select(SUMMARY_COLUMNS, summary_select(PROGRESS.c.plan_id == plan_id)))
        copy_rows(conn, LATEST.c.plan_id == plan_id)
        return
    codes = sorted(set(codes))
    for start in range(0, len(codes), 500):
        part = codes[start : start + 500]
        forget(conn, plan_id, part)
        query = summary_select(PROGRESS.c.plan_id == plan_id, PROGRESS.c.item_code.in_(part))
        conn.execute(LATEST.insert().from_select(SUMMARY_COLUMNS, query))
        copy_rows(conn, LATEST.c.plan_id == plan_id, LATEST.c.item_code.in_(part))


def forget(conn: Connection, plan_id: int, codes: Sequence[str]) -> None:
    """Remove the summary and its rows for ``codes`` (at most a few hundred) of plan ``plan_id``."""
    for table in (LATEST_ROWS, LATEST):
        conn.execute(delete(table).where(table.c.plan_id == plan_id, table.c.item_code.in_(codes)))


def usable(conn: Connection, plan_id: int, as_of: date | None) -> bool:
    """Tell whether the summary answers a load as of ``as_of``: no report of the plan is later than it."""
    if as_of is None:
        return True
    last = conn.execute(select(func.max(LATEST.c.last_any)).where(LATEST.c.plan_id == plan_id)).scalar_one()
    return last is None or last <= as_of


def reported_after(conn: Connection, plan_id: int, as_of: date, codes: Sequence[str] | None = None) -> list[str]:
    """Return the codes of the plan's items (of ``codes`` when given) with a report dated after ``as_of``."""
    query = select(LATEST.c.item_code).where(LATEST.c.plan_id == plan_id, LATEST.c.last_any > as_of)
    if codes is not None:
        query = query.where(LATEST.c.item_code.in_(list(codes)))
    return sorted(conn.execute(query).scalars())
