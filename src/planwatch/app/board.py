"""The board of plan P as of D for a scope: the use case every face shows.

The CLI (``status``, ``alerts``, ``chase``, the 监测台账), the pages, the API, the exports
and the report writer all get their board here, so they agree on what a plan's status is
on a date. A face may pass a cache (the web keeps one per app) keyed by the data version.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol, TypeVar

from planwatch.app.as_of import check_as_of, default_as_of
from planwatch.app.scope import Scope
from planwatch.monitor import StatusBoard, evaluate
from planwatch.plan.model import Plan, PlanData

T = TypeVar("T")

#: The cache key date under which a plan's report dates are kept (no board is as of it).
REPORT_DATES_KEY = date.min


class Cache(Protocol):
    """What :func:`evaluate_plan` needs of a cache: get-or-compute by (plan, date, data version)."""

    def get(self, plan_code: str, as_of: date, version: int, compute: Callable[[], T]) -> T: ...


@dataclass(slots=True)
class Evaluation:
    """A plan's data (latest progress only) as of a date and its board.

    ``summary`` is free for a face to keep its own view of the board beside it (the web's
    dashboard summary), computed once per cached evaluation.
    """

    data: PlanData
    board: StatusBoard
    summary: Any = None


def as_of_for(
    store: Any,
    plan: Plan,
    as_of: date | None,
    *,
    today: date | None = None,
    cache: Cache | None = None,
    version: int = 0,
) -> date:
    """Return the board date of a request: ``as_of`` checked to lie in the plan year, else the default.

    The default follows :func:`planwatch.app.as_of.default_as_of`; the store is asked for
    report dates only when the plan year is not running.
    """
    if as_of is not None:
        return check_as_of(plan, as_of)
    today = today or date.today()
    if today.year == plan.year:
        return default_as_of(plan, {}, today)

    def dates() -> dict[date, int]:
        return store.report_dates(plan.code)

    found = cache.get(plan.code, REPORT_DATES_KEY, version, dates) if cache is not None else dates()
    return default_as_of(plan, found, today)


def evaluate_plan(
    store: Any, plan: Plan, as_of: date, *, cache: Cache | None = None, version: int = 0
) -> Evaluation:
    """Return the plan's status as of ``as_of`` (its whole board), from ``cache`` when it has it."""

    def compute() -> Evaluation:
        data = store.load_plan_data(plan.code, as_of=as_of, latest_only=True)
        return Evaluation(data, evaluate(data, as_of))

    return cache.get(plan.code, as_of, version, compute) if cache is not None else compute()


def board_for(store: Any, plan: Plan, as_of: date, scope: Scope | None = None) -> StatusBoard:
    """Return the board of ``plan`` as of ``as_of`` holding the items inside ``scope``.

    Roll-ups, counts and alerts of the returned board cover the scope's items only.
    """
    board = evaluate_plan(store, plan, check_as_of(plan, as_of)).board
    return scope.apply(board) if scope is not None else board
