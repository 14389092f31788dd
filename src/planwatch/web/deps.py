"""Request dependencies: the store, and the plan and as-of date a request asks about."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated

from fastapi import Depends, Query, Request

from planwatch import app
from planwatch.app import Evaluation, access
from planwatch.app.access import Principal
from planwatch.monitor import StatusBoard
from planwatch.plan.model import Plan, PlanData
from planwatch.web import services
from planwatch.web.auth import principal
from planwatch.web.schemas import StatusOut

#: alerts a page shows (the dashboard panel); the item list filters them all.
PAGE_ALERTS = 30


class BadRequest(app.Refused):
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
    user: Annotated[Principal, Depends(principal)],
    plan: str | None = Query(None, description="计划编号；缺省为最新的计划"),
    as_of: str | None = Query(
        None, description="截至日期 YYYY-MM-DD；缺省：计划年度内为今天，已结束的年度为多数事项报送所到的月末"
    ),
) -> Selection:
    """Resolve ``?plan=&as_of=`` into a plan, a date and the plan's status on that date (the app layer's rules)."""
    store = get_store(request)
    boards = request.app.state.boards
    version = store.data_version()
    plans = app.plans_of(store, cache=boards, version=version)
    chosen = app.choose_plan(plans, plan, several="newest")
    wanted = app.as_of_for(store, chosen, parse_as_of(as_of), cache=boards, version=version)
    evaluation = app.evaluate_plan(store, chosen, wanted, cache=boards, version=version)
    return scoped(Selection(plans, chosen, wanted, evaluation), user)


def scoped(sel: Selection, user: Principal) -> Selection:
    """Return the selection as ``user`` may see it: a 填报 user's board holds only the unit's items.

    The whole-plan evaluation stays cached and shared; a narrowed board is a new
    evaluation of its own (its summary computed from the unit's items alone), kept with
    the whole plan's evaluation per (role, unit, district), so a unit's pages do not
    filter 100,000 items on every request.
    """
    if user.sees_all:
        return sel

    def narrow() -> app.Narrowed:
        return app.Narrowed.of(sel.evaluation, lambda item: user.covers(item.owner_unit, item.district_code))

    narrowed = sel.evaluation.memo(("scope", user.role, user.unit, user.district_code), narrow)
    return Selection(sel.plans, sel.plan, sel.as_of, narrowed.evaluation)


#: a route parameter that resolves ``?plan=&as_of=`` into a :class:`Selection`.
SelectionDep = Annotated[Selection, Depends(select)]


def select_whole_plan(sel: SelectionDep, user: Annotated[Principal, Depends(principal)]) -> Selection:
    """Return the whole plan's selection, refusing roles that read only their own unit.

    The execution report and the leader's view sum every unit's figures, so a 填报 user's
    unit-scoped board would make a misleading whole-city document: they are refused (403).
    """
    access.require(user, "view_all")
    return sel


#: the selection of pages that sum up the whole plan (the report, the leader's view).
WholePlanDep = Annotated[Selection, Depends(select_whole_plan)]
