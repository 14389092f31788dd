"""Submit → review → approve or return: the state machine of a submitted figure, as a table.

A figure a unit submits waits as ``submitted``; the planning office approves it (only then
does it count in status) or returns it with a required comment; the unit resubmits (a new
submission that supersedes the returned one) or withdraws with a reason. An approved
figure is locked: a correction is a new submission with a reason that, once approved,
supersedes the old one. Nothing is overwritten or deleted; every move is audited with
the user who made it, and a move made on a stale version is refused (HTTP 409).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from planwatch.app import errors
from planwatch.app.access import ROLES, Denied, Principal, item_scope, require_submit
from planwatch.app.errors import NeedsConfirmation
from planwatch.app.progress import check_progress
from planwatch.plan.model import Plan, PlanItem
from planwatch.plan.validation import entry_warnings
from planwatch.store import submissions as subs
from planwatch.store.submissions import Conflict, NewSubmission, Submission

#: state → the Chinese word users see.
STATE_LABELS: dict[str, str] = {
    "submitted": "待审核",
    "approved": "已通过",
    "returned": "已退回",
    "superseded": "已被替代",
    "withdrawn": "已撤回",
}
#: action → the Chinese word users see.
ACTION_LABELS: dict[str, str] = {
    "approve": "审核通过",
    "return": "退回",
    "withdraw": "撤回",
    "resubmit": "重新报送",
    "correct": "更正",
    "supersede": "被更正替代",
}


@dataclass(frozen=True, slots=True)
class Transition:
    """Where an action takes a submission, the right it needs, and what the user must write."""

    to: str
    right: str
    needs: str | None = None  # "comment" / "reason": required text
    own_unit: bool = False  # the actor must answer for the submission's unit (or be 计划处)


#: (state, action) → transition. A pair not listed is refused.
TRANSITIONS: dict[tuple[str, str], Transition] = {
    ("submitted", "approve"): Transition("approved", "review"),
    ("submitted", "return"): Transition("returned", "review", needs="comment"),
    ("submitted", "withdraw"): Transition("withdrawn", "submit", needs="reason", own_unit=True),
    ("submitted", "resubmit"): Transition("superseded", "submit", own_unit=True),
    ("returned", "resubmit"): Transition("superseded", "submit", own_unit=True),
    ("returned", "withdraw"): Transition("withdrawn", "submit", needs="reason", own_unit=True),
    ("approved", "correct"): Transition("approved", "submit", needs="reason", own_unit=True),
    ("approved", "supersede"): Transition("superseded", "review"),
}

#: longest comment, reason or narrative kept (characters).
MAX_TEXT = 2000
#: what a required text is called in a message.
NEEDS_LABELS = {"comment": "退回意见", "reason": "原因"}


class Refused(errors.Invalid):
    """The figures or the text of a submission are not acceptable; the message is Chinese (HTTP 422)."""


def decide(state: str, action: str, principal: Principal, unit: str, text: str | None = None) -> Transition:
    """Return the transition of ``action`` on a submission in ``state`` for this user, or refuse.

    Raises :class:`Denied` (role or unit), :class:`Conflict` (the state does not allow the
    action) or :class:`Refused` (a required comment or reason is missing or too long).
    """
    transition = TRANSITIONS.get((state, action))
    if transition is None:
        raise Conflict(f"该报送当前状态为“{STATE_LABELS.get(state, state)}”，不能{ACTION_LABELS.get(action, action)}。")
    if not principal.may(transition.right):
        raise Denied("只有计划处可以审核报送。" if transition.right == "review" else "当前账号不能填报或撤回进度。")
    if transition.own_unit and principal.role != "planning" and principal.unit != unit:
        raise Denied(f"这条报送属于“{unit}”，不是本单位的报送。")
    if transition.needs:
        label = NEEDS_LABELS[transition.needs]
        if not (text or "").strip():
            raise Refused(f"请填写{label}。")
        if len(text or "") > MAX_TEXT:
            raise Refused(f"{label}过长（{len(text or '')} 字），最多 {MAX_TEXT} 字。")
    return transition


def submitting_unit(principal: Principal, item: object) -> str:
    """Return the unit a submission is made for: a unit user's own; the owner unit when 计划处 enters it."""
    if principal.role != "planning" and principal.unit:
        return principal.unit
    return getattr(item, "owner_unit", None) or ROLES["planning"]


def submit(
    store, principal: Principal, plan: Plan, item: PlanItem, new: NewSubmission, *, confirm: bool = False
) -> Submission:
    """Record a submission for an item the user answers for; it waits for review.

    The figures pass the one progress validation every entry path uses (refusals →
    :class:`Invalid`; warnings → :class:`NeedsConfirmation` unless ``confirm``, then kept
    on the submission for the reviewer). Earlier open submissions of the same (item, date,
    milestone) are superseded; if that key already has an approved figure, the submission
    is a correction and needs a reason.
    """
    require_submit(principal, item, new.item_code)
    if len(new.reason or "") > MAX_TEXT:
        raise Refused(f"“更正原因”过长（{len(new.reason or '')} 字），最多 {MAX_TEXT} 字。")
    record = new.progress_record()
    items = {new.item_code: item}
    check_progress(plan, [record], items)
    history = store.items_progress(plan.code, [new.item_code]) if record.value is not None else {}
    warnings = list(entry_warnings([record], history, items).values())
    if warnings and not confirm:
        raise NeedsConfirmation(warnings)
    if warnings:
        new = replace(new, warning="；".join(warnings))
    open_ones = subs.same_key(store.engine, plan.code, new, subs.OPEN_STATES)
    for old in open_ones:
        decide(old.state, "resubmit", principal, old.unit)
    if _has_approved(store, plan.code, new):
        if not (new.reason or "").strip():
            raise Refused(
                f"{new.item_code} 截至 {new.as_of.isoformat()} 的进度已审核通过并锁定；如需更正，请填写更正原因后提交。"
            )
        decide("approved", "correct", principal, new.unit, new.reason)
    return subs.add(store.engine, plan.code, new, user=principal.name, supersede=open_ones)


def _has_approved(store, plan_code: str, new: NewSubmission) -> bool:
    """Tell whether the key already holds a figure that counts (approved, imported or ingested)."""
    if subs.same_key(store.engine, plan_code, new, ("approved",)):
        return True
    records = store.item_progress(plan_code, new.item_code, as_of=new.as_of)
    key = new.milestone_key or None
    return any(r.as_of == new.as_of and (r.milestone_key or None) == key for r in records)


def _current(store, submission_id: int, version: int | None) -> Submission:
    """Return the submission, refusing when it is gone or the caller saw an older version."""
    current = subs.get(store.engine, submission_id)
    if current is None:
        raise LookupError(f"没有编号为 {submission_id} 的报送。")
    if version is not None and version != current.version:
        raise Conflict(
            f"报送记录 {submission_id} 已被他人处理（当前状态：{STATE_LABELS.get(current.state, current.state)}），"
            "本次操作未生效。请刷新页面查看最新状态后再操作。"
        )
    return current


def approve(store, principal: Principal, submission_id: int, version: int | None = None) -> Submission:
    """Approve a waiting submission: its figure now counts in status."""
    current = _current(store, submission_id, version)
    decide(current.state, "approve", principal, current.unit)
    return subs.approve(store.engine, current, user=principal.name)


def send_back(store, principal: Principal, submission_id: int, comment: str, version: int | None = None) -> Submission:
    """Return a waiting submission to its unit with a required comment."""
    current = _current(store, submission_id, version)
    decide(current.state, "return", principal, current.unit, comment)
    return subs.move(store.engine, current, "returned", user=principal.name, review=True, comment=comment.strip())


def withdraw(store, principal: Principal, submission_id: int, reason: str, version: int | None = None) -> Submission:
    """Withdraw a waiting or returned submission with a required reason."""
    current = _current(store, submission_id, version)
    decide(current.state, "withdraw", principal, current.unit, reason)
    return subs.move(store.engine, current, "withdrawn", user=principal.name, reason=reason.strip())


def visible(principal: Principal, submission: Submission, item: object | None) -> bool:
    """Tell whether the user may see a submission (its item is in the user's scope)."""
    if principal.sees_all:
        return True
    if item is not None and principal.covers(*item_scope(item)):
        return True
    return principal.unit is not None and submission.unit == principal.unit


@dataclass(frozen=True, slots=True)
class QueueRow:
    """A submission as a reviewer weighs it: the item, the figure before it and the target."""

    submission: Submission
    item_name: str
    target: float | None
    unit_of_measure: str | None
    previous_value: float | None
    previous_as_of: date | None


def queue_rows(store, plan_code: str, board, pending: list[Submission]) -> list[QueueRow]:  # type: ignore[no-untyped-def]
    """Return the review rows of ``pending``: by unit, oldest first, each beside the previous approved figure."""
    # the board's index and one read of the waiting items' histories, not a scan and a query per row
    positions = board.positions
    histories = store.items_progress(plan_code, {s.item_code for s in pending})
    rows = []
    for s in sorted(pending, key=lambda x: (x.unit, x.submitted_at, x.id)):
        position = positions.get(s.item_code)
        status = board.items[position] if position is not None else None
        history = [r for r in histories.get(s.item_code, ()) if r.as_of <= s.as_of]
        earlier = sorted((r for r in history if r.value is not None and r.milestone_key is None), key=lambda r: r.as_of)
        previous = earlier[-1] if earlier else None
        rows.append(
            QueueRow(
                submission=s,
                item_name=status.name if status else s.item_code,
                target=status.target if status else None,
                unit_of_measure=status.unit if status else None,
                previous_value=previous.value if previous else None,
                previous_as_of=previous.as_of if previous else None,
            )
        )
    return rows
