"""Targets found in reports wait as proposals until the planning office accepts or rejects them.

A report never adds to the official plan by itself (``ingest`` records what it read as
``target_proposals``); a person of the planning office (计划处, or 管理员) decides each one,
from the CLI (``planwatch proposals --accept/--reject``) or the web page (``/proposals``),
through the same functions here. A rejection needs a reason; the decision and the reason
are in the audit log with the real user.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from planwatch.app.access import Principal, require
from planwatch.app.errors import Invalid, NotFound
from planwatch.catalog import load_catalog
from planwatch.plan.model import Target
from planwatch.store.summary import StoreError

#: proposal state → the Chinese word users see.
STATE_LABELS = {"proposed": "待确认", "accepted": "已列入计划", "rejected": "不采纳"}
#: longest rejection reason kept (characters).
MAX_REASON = 2000


@dataclass(frozen=True, slots=True)
class Proposal:
    """A target a report stated, as the planning office weighs it: what, how much, and where it was read."""

    id: int
    code: str
    name: str
    measure: str
    value: float | None
    value_high: float | None
    unit: str
    document: str
    sentence: str
    state: str
    proposed_by: str
    proposed_at: datetime
    decided_by: str | None
    decided_at: datetime | None
    reason: str | None = None

    @property
    def state_label(self) -> str:
        return STATE_LABELS.get(self.state, self.state)


def _sentence(row: dict[str, Any]) -> str:
    """Return the words of the report the proposal came from: its quote, else the figure noted at reading."""
    if row.get("quote"):
        return str(row["quote"])
    note = str(row["target"].get("note") or "")
    _, _, said = note.partition("：")
    return said or note


def _proposal(row: dict[str, Any], name_of: Callable[[str], str]) -> Proposal:
    target = row["target"]
    return Proposal(
        id=row["id"],
        code=row["code"],
        name=target.get("name") or name_of(target.get("indicator_code") or ""),
        measure=target.get("measure") or "",
        value=target.get("value"),
        value_high=target.get("value_high"),
        unit=target.get("unit") or "",
        document=row["document"],
        sentence=_sentence(row),
        state=row["state"],
        proposed_by=row["proposed_by"],
        proposed_at=row["proposed_at"],
        decided_by=row.get("decided_by"),
        decided_at=row.get("decided_at"),
        reason=row.get("decision_reason"),
    )


def listing(store, plan_code: str, state: str | None = "proposed") -> list[Proposal]:  # type: ignore[no-untyped-def]
    """Return the plan's proposals of ``state`` (None: all), oldest first."""
    catalog = load_catalog()

    def name_of(code: str) -> str:
        indicator = catalog.get(code)
        return indicator.name if indicator else code

    return [_proposal(row, name_of) for row in store.target_proposals(plan_code, state)]


def pending_count(store, plan_code: str) -> int:  # type: ignore[no-untyped-def]
    """Return how many proposals of the plan wait for a decision."""
    return store.count_proposals(plan_code, "proposed")


def decide(
    store,  # type: ignore[no-untyped-def]
    plan_code: str,
    proposal_id: int,
    *,
    accept: bool,
    user: str,
    reason: str | None = None,
) -> Target | None:
    """Accept a proposal into the plan or reject it (a reason required), audited as ``user``; return the target added.

    Raises :class:`Invalid` for a missing or over-long reason and for a proposal already
    decided, :class:`NotFound` for an unknown one; nothing is written then.
    """
    reason = (reason or "").strip()
    if not accept and not reason:
        raise Invalid("请填写不采纳的原因。")
    if len(reason) > MAX_REASON:
        raise Invalid(f"原因过长（{len(reason)} 字），最多 {MAX_REASON} 字。")
    if not any(row["id"] == proposal_id for row in store.target_proposals(plan_code, None)):
        raise NotFound(f"计划 {plan_code} 中没有编号为 {proposal_id} 的目标建议。")
    try:
        return store.decide_proposal(plan_code, proposal_id, accept=accept, user=user, reason=reason or None)
    except StoreError as exc:  # decided meanwhile, or the code is taken by now
        raise Invalid(str(exc)) from exc


def decide_as(
    store,  # type: ignore[no-untyped-def]
    principal: Principal,
    plan_code: str,
    proposal_id: int,
    *,
    accept: bool,
    reason: str | None = None,
) -> Target | None:
    """Decide a proposal as a signed-in user: only 计划处 and 管理员 may (``Denied`` otherwise)."""
    require(principal, "decide_proposals")
    return decide(store, plan_code, proposal_id, accept=accept, user=principal.name, reason=reason)
