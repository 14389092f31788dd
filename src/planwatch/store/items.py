"""What a plan's stored items are: the plan's id, codes and kinds, milestone keys, figure bounds.

The lookups every aggregate checks its writes against (a progress record names an item,
a proposal must not reuse a code), read inside the caller's transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.engine import Connection

from planwatch.plan import validation
from planwatch.plan.model import TargetMeasure
from planwatch.store.summary import KIND_LABELS, StoreError
from planwatch.store.tables import ITEM_TABLES, KeyTaskRow, MilestoneRow, PlanRow


def plan_id_of(conn: Connection, plan_code: str) -> int:
    """Return the id of the plan with ``plan_code``; an unknown plan → StoreError (Chinese)."""
    table: Table = PlanRow.__table__
    plan_id = conn.execute(select(table.c.id).where(table.c.code == plan_code)).scalar_one_or_none()
    if plan_id is None:
        raise StoreError(f"计划 {plan_code} 不存在，请先导入计划")
    return plan_id


def item_kinds(conn: Connection, plan_id: int, codes: Sequence[str] | None = None) -> dict[str, str]:
    """Return code → kind of every item of the plan in the database (of ``codes`` only, when given).

    A write of a few records (an approval) asks for their items only: reading 100,000 codes
    inside a write transaction would hold every other writer back.
    """
    kinds: dict[str, str] = {}
    for kind, table in ITEM_TABLES.items():
        query = select(table.c.code).where(table.c.plan_id == plan_id)
        if codes is not None:
            query = query.where(table.c.code.in_(list(codes)))
        for (code,) in conn.execute(query):
            kinds[code] = kind
    return kinds


def check_namespace(
    conn: Connection, plan_id: int, plan_code: str, groups: Iterable[tuple[str, Sequence[Any]]]
) -> None:
    """Refuse an item whose code the plan already uses for an item of another kind (Chinese message)."""
    stored = item_kinds(conn, plan_id)
    for kind, items in groups:
        for item in items:
            other = stored.get(item.code)
            if other is not None and other != kind:
                raise StoreError(
                    f"计划 {plan_code} 中编码 {item.code} 已用于{KIND_LABELS[other]}，"
                    f"不能再用于{KIND_LABELS[kind]}，未写入任何数据"
                )


def entry_bounds(conn: Connection, plan_id: int) -> tuple[int, dict[str, validation.Bounds]]:
    """Return the plan's year and the bounds of its targets' figures (growth rates may be negative)."""
    plans: Table = PlanRow.__table__
    year = conn.execute(select(plans.c.year).where(plans.c.id == plan_id)).scalar_one()
    targets = ITEM_TABLES["target"]
    query = select(targets.c.code, targets.c.measure).where(targets.c.plan_id == plan_id)
    bounds = {code: validation.bounds_for(TargetMeasure(measure), None) for code, measure in conn.execute(query)}
    return year, bounds


def task_milestones(conn: Connection, plan_id: int, codes: Sequence[str] | None = None) -> dict[str, set[str]]:
    """Return task code → milestone keys, for the plan's tasks (of ``codes`` only, when given)."""
    task_table: Table = KeyTaskRow.__table__
    table: Table = MilestoneRow.__table__
    out: dict[str, set[str]] = {}
    query = (
        select(task_table.c.code, table.c.key)
        .join(task_table, task_table.c.id == table.c.task_id)
        .where(task_table.c.plan_id == plan_id)
    )
    if codes is not None:
        query = query.where(task_table.c.code.in_(list(codes)))
    for code, key in conn.execute(query):
        out.setdefault(code, set()).add(key)
    return out
