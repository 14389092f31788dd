"""The board of plan P as of D for a scope: the use case every face shows.

The CLI (``status``, ``alerts``, ``chase``, the 监测台账), the pages, the API, the exports
and the report writer all get their board here, so they agree on what a plan's status is
on a date. A face may pass a cache (the web keeps one per app) keyed by the data version.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol, TypeVar

from planwatch.app.as_of import check_as_of, default_as_of
from planwatch.app.errors import NotFound
from planwatch.app.scope import Scope
from planwatch.monitor import ItemStatus, StatusBoard, evaluate
from planwatch.plan.model import Plan, PlanData, PlanItem

T = TypeVar("T")

#: The cache key date under which a plan's report dates are kept (no board is as of it).
REPORT_DATES_KEY = date.min


class Cache(Protocol):
    """What :func:`evaluate_plan` needs of a cache: get-or-compute by (plan, date, data version)."""

    def get(self, plan_code: str, as_of: date, version: Hashable, compute: Callable[[], T]) -> T: ...


@dataclass(slots=True)
class Evaluation:
    """A plan's data (latest progress only) as of a date and its board.

    ``summary`` is free for a face to keep its own view of the board beside it (the web's
    dashboard summary), computed once per cached evaluation; so are the derived values a face
    asks for again and again (a filtered, sorted item list a user pages through; the items by
    code), through :meth:`memo`.
    """

    data: PlanData
    board: StatusBoard
    summary: Any = None
    _memo: dict[Hashable, Any] = field(default_factory=dict, repr=False)
    _memo_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    #: derived values kept per evaluation (the filter combinations people page through).
    MEMO_SIZE = 64

    def memo(self, key: Hashable, compute: Callable[[], T]) -> T:
        """Return the value derived from this evaluation under ``key``, computing it once."""
        with self._memo_lock:
            if key in self._memo:
                return self._memo[key]
        value = compute()
        with self._memo_lock:
            if len(self._memo) >= self.MEMO_SIZE:
                self._memo.pop(next(iter(self._memo)))
            self._memo[key] = value
        return value

    def plan_item(self, code: str) -> PlanItem:
        """Return the plan item ``code`` (its definition), or raise :class:`NotFound` in Chinese."""
        return find_item(self.data, code, self.memo("plan-items-by-code", self.data.item_index))

    def item(self, code: str) -> ItemStatus | None:
        """Return the status of item ``code`` on the board, or None (a dict, not a scan of 100,000 items)."""
        by_code = self.memo("items-by-code", lambda: {item.code: item for item in self.board.items})
        return by_code.get(code)


def find_item(data: PlanData, code: str, index: dict[str, PlanItem] | None = None) -> PlanItem:
    """Return the plan item with ``code`` (looked up in ``index`` when given) or raise :class:`NotFound`."""
    item = (index if index is not None else data.item_index()).get(code)
    if item is None:
        raise NotFound(f"计划「{data.plan.title}」中没有编号为「{code}」的事项。")
    return item


def as_of_for(
    store: Any,
    plan: Plan,
    as_of: date | None,
    *,
    today: date | None = None,
    cache: Cache | None = None,
    version: Hashable = 0,
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
    store: Any, plan: Plan, as_of: date, *, cache: Cache | None = None, version: Hashable = 0
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
