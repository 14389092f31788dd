"""Record progress the planning office vouches for: the importer's and ingest's way to the store.

A unit's figures (form, uploaded workbook, API) wait for review (:mod:`planwatch.app.review`);
figures the planning office brings in bulk are recorded as submissions it approved itself.
Every record is checked (:func:`planwatch.plan.validation.refusals`) against its item and
the plan year; any refusal refuses the whole submission and writes nothing. What is
allowed but suspicious (:func:`planwatch.plan.validation.entry_warnings`) must be
confirmed: without ``confirm`` the submission raises :class:`NeedsConfirmation` with the
warnings; with it the warning text is stored on the record for the reviewer.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from planwatch.app.errors import Invalid, NeedsConfirmation, NotFound
from planwatch.plan.model import Plan, PlanItem, ProgressRecord
from planwatch.plan.validation import LIMITS, EntryLimits, bounds_of, entry_warnings, refusals, text_problem
from planwatch.store.summary import ChangeSummary, StoreError

#: longest source note kept on an approved submission (characters).
MAX_SOURCE = 500


@dataclass(slots=True)
class Submission:
    """What a submission wrote, and the warnings its submitter confirmed (one line per record)."""

    summary: ChangeSummary
    warnings: list[str] = field(default_factory=list)


def _where(record: ProgressRecord) -> str:
    return f"{record.item_code}（{record.as_of.isoformat()}）"


def check_progress(
    plan: Plan, records: Sequence[ProgressRecord], items: Mapping[str, PlanItem], limits: EntryLimits = LIMITS
) -> None:
    """Raise :class:`Invalid` (or :class:`NotFound` for an unknown item) for the first record refused."""
    for record in records:
        item = items.get(record.item_code)
        if item is None:
            raise NotFound(f"计划「{plan.title}」中没有编号为「{str(record.item_code)[:64]}」的事项。")
        problems = refusals(record, plan.year, bounds_of(item, limits), limits)
        if problems:
            prefix = f"{_where(record)}：" if len(records) > 1 else ""
            raise Invalid(prefix + "；".join(str(p) for p in problems))


def record_approved(
    store: Any,
    plan: Plan,
    records: Sequence[ProgressRecord],
    *,
    user: str,
    source: str = "",
    items: Mapping[str, PlanItem] | None = None,
    confirm: bool = False,
    limits: EntryLimits = LIMITS,
) -> Submission:
    """Check progress records of ``plan`` and record each as a submission approved by ``user``, in one transaction.

    The planning office's bulk paths (``planwatch import --user``, report figures from
    ``ingest``) vouch for their figures by running: every record that changes a figure
    becomes an *approved* submission decided by ``user`` together with the progress row
    it approves, so the history and the audit log say who vouched for each figure.
    ``source`` (a file name, a document) is kept on each submission as its reason.
    ``items`` (code → item) saves reading the plan when the caller has it. Raises
    :class:`Invalid` / :class:`NotFound` for a refused record and :class:`NeedsConfirmation`
    for unconfirmed warnings; nothing is written then.
    """
    user = (user or "").strip()
    if not user:
        raise Invalid("请填写报送单位或用户名。")
    too_long = text_problem("source_unit", user, limits)
    if too_long is not None:
        raise Invalid(str(too_long))
    records = list(records)
    if items is None:
        items = store.load_plan_data(plan.code, progress=False).item_index()
    check_progress(plan, records, items, limits)
    valued = {r.item_code for r in records if r.value is not None}
    history = store.items_progress(plan.code, valued) if valued else {}
    found = entry_warnings(records, history, items, limits)
    warnings = [f"{_where(r)}：{found[k]}" for r in records if (k := (r.item_code, r.as_of, r.milestone_key)) in found]
    if warnings and not confirm:
        raise NeedsConfirmation(warnings)
    if found:
        records = [
            replace(r, warning=found.get((r.item_code, r.as_of, r.milestone_key), r.warning)) for r in records
        ]
    try:
        summary = store.record_approved(plan.code, records, user=user, source=source[:MAX_SOURCE])
    except StoreError as exc:
        raise Invalid(str(exc)) from exc
    return Submission(summary, warnings)
