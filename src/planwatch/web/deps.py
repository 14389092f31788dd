"""Request dependencies: the store, and the plan and as-of date a request asks about."""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from datetime import date
from typing import Annotated, Any

from fastapi import Depends, Query, Request

from planwatch.monitor import StatusBoard, evaluate
from planwatch.plan.model import Plan, PlanData
from planwatch.web import services
from planwatch.web.schemas import StatusOut

#: alerts a page shows (the dashboard panel); the item list filters them all.
PAGE_ALERTS = 30


class BadRequest(ValueError):
    """A query parameter is malformed; the message (Chinese) says which and why."""


def get_store(request: Request):
    """Return the store the app was created with."""
    return request.app.state.store


def parse_as_of(text: str | None) -> date | None:
    """Return the as-of date of a query (2025-06-30), or raise :class:`BadRequest`."""
    if not text:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise BadRequest(f"日期「{text}」无法识别，请按 2025-06-30 的格式填写。") from None


@dataclass(slots=True)
class Evaluation:
    """A plan's data (latest progress only) as of a date, its board, and the page summary.

    Cached as one piece: the summary (roll-ups, alerts) is computed on first use and then
    served to every later request for the same plan, date and data version, and so are the
    derived lists pages ask for again and again (a filtered, sorted item list; the items by
    code), through :meth:`memo`.
    """

    data: PlanData
    board: StatusBoard
    summary: StatusOut | None = None
    _memo: dict[Hashable, Any] = field(default_factory=dict, repr=False)
    _memo_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    #: derived values kept per evaluation (filter combinations people page through).
    MEMO_SIZE = 64

    def memo(self, key: Hashable, compute: Callable[[], Any]) -> Any:
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

    def plan_item(self, code: str):
        """Return the plan item ``code`` (its definition), or raise NotFound in Chinese."""
        item = self.memo("plan-items-by-code", self.data.item_index).get(code)
        return item if item is not None else services.find_item(self.data, code)

    def item(self, code: str):
        """Return the status of item ``code`` on the board, or None (a dict, not a scan of 100,000 items)."""
        by_code = self.memo("items-by-code", lambda: {item.code: item for item in self.board.items})
        return by_code.get(code)


@dataclass(slots=True)
class Selection:
    """The plan and date a page is about, with its evaluation."""

    plans: list[Plan]
    plan: Plan
    as_of: date
    evaluation: Evaluation

    @property
    def data(self) -> PlanData:
        return self.evaluation.data

    @property
    def board(self) -> StatusBoard:
        return self.evaluation.board

    @property
    def status(self) -> StatusOut:
        """Return the board's counts, roll-ups and worst alerts (no item list)."""
        ev = self.evaluation
        if ev.summary is None:
            ev.summary = services.status_view(ev.data, ev.board, with_items=False, alert_limit=PAGE_ALERTS)
        return ev.summary


def select(
    request: Request,
    plan: str | None = Query(None, description="计划编号；缺省为第一个计划"),
    as_of: str | None = Query(None, description="截至日期 YYYY-MM-DD；缺省为今天（限于计划年度内）或最近报送日"),
) -> Selection:
    """Resolve ``?plan=&as_of=`` into a plan, a date and the plan's status on that date."""
    store = get_store(request)
    plans = store.list_plans()
    chosen = services.choose_plan(plans, plan)
    wanted = parse_as_of(as_of)
    if wanted is not None and wanted.year != chosen.year:
        raise BadRequest(f"截至日期 {wanted.isoformat()} 不在计划年度 {chosen.year} 年内。")
    boards = request.app.state.boards
    version = store.data_version()
    if wanted is None:
        today = date.today()
        if today.year == chosen.year:
            wanted = today
        else:
            # A closed (or future) year is read as far as reports go; the latest report
            # date is kept in the cache under a date no plan has.
            latest = boards.get(chosen.code, date.min, version, lambda: _latest_report(store, chosen.code))
            wanted = services.default_as_of(chosen, latest, today)

    def compute() -> Evaluation:
        data = store.load_plan_data(chosen.code, as_of=wanted, latest_only=True)
        return Evaluation(data, evaluate(data, wanted))

    return Selection(plans, chosen, wanted, boards.get(chosen.code, wanted, version, compute))


def _latest_report(store, plan_code: str) -> date | None:
    """Return the date of the plan's latest progress record."""
    return services.latest_progress_date(store.load_plan_data(plan_code, latest_only=True))


#: a route parameter that resolves ``?plan=&as_of=`` into a :class:`Selection`.
SelectionDep = Annotated[Selection, Depends(select)]
