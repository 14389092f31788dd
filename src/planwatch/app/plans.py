"""Which plan a request is about: the one named, or the one the database makes obvious."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Literal, Protocol

from planwatch.app.errors import NotFound, Refused
from planwatch.plan.model import Plan

if TYPE_CHECKING:
    from planwatch.app.board import Cache

#: The cache key (plan code, date) under which the list of plans is kept (no plan has it).
PLANS_KEY = ("", date.min)


class PlanLister(Protocol):
    def list_plans(self) -> list[Plan]: ...


#: What to do when no plan is named and the database holds several: a command asks the
#: user to name one (it would be a guess otherwise); a page opens the newest.
WhenSeveral = Literal["ask", "newest"]


def plans_of(store: PlanLister, *, cache: Cache | None = None, version: Hashable = 0) -> list[Plan]:
    """Return the database's plans, newest year first; from ``cache`` while the data version holds.

    A page asks for them on every request (the plan picker, the default plan), where
    reading the same few rows again would cost as much as the rest of a small page.
    """
    if cache is None:
        return store.list_plans()
    return list(cache.get(*PLANS_KEY, version, store.list_plans))


def choose_plan(source: PlanLister | Sequence[Plan], plan_code: str | None, *, several: WhenSeveral = "ask") -> Plan:
    """Return the plan named by ``plan_code``, or the only (or newest) plan when none is named.

    ``source`` is a store or the list of its plans (newest year first, as
    ``Store.list_plans`` gives them). Raises :class:`NotFound` when there is no plan or no
    plan with that code, :class:`Refused` when several plans leave the choice open.
    """
    plans = list(source) if isinstance(source, Sequence) else source.list_plans()
    if not plans:
        raise NotFound("数据库中还没有计划：请先导入计划（planwatch import 计划.xlsx）或运行 planwatch demo")
    listed = "、".join(plan.code for plan in plans)
    if plan_code:
        for plan in plans:
            if plan.code == plan_code:
                return plan
        raise NotFound(f"没有编号为「{plan_code}」的计划；库中的计划：{listed}")
    if len(plans) == 1 or several == "newest":
        return plans[0]
    raise Refused(f"数据库中有多个计划（{listed}），请用 --plan 指定")
