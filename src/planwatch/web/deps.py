"""Request dependencies: the store, and the plan and as-of date a request asks about."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated

from fastapi import Depends, Query, Request

from planwatch.plan.model import Plan, PlanData
from planwatch.web import services
from planwatch.web.schemas import StatusOut


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
class Selection:
    """The plan and date a page is about, its data (latest progress only) and status."""

    plans: list[Plan]
    plan: Plan
    as_of: date
    data: PlanData
    board: object
    status: StatusOut


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
    if wanted is None:
        latest = store.load_plan_data(chosen.code, latest_only=True)
        wanted = services.default_as_of(chosen, services.latest_progress_date(latest), date.today())
    data, board = services.load_status(store, chosen.code, wanted)
    return Selection(plans, chosen, wanted, data, board, services.status_view(data, board))


#: a route parameter that resolves ``?plan=&as_of=`` into a :class:`Selection`.
SelectionDep = Annotated[Selection, Depends(select)]
