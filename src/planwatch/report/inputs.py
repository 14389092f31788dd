"""What a report is composed from: the plan's data, its board, and a little history.

The one place the report layer reads the store, so the CLI, the web download and
``report verify`` compose from the same board the status pages show.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from planwatch.monitor import StatusBoard
from planwatch.plan.model import PlanData, ProgressRecord


@dataclass(slots=True)
class ReportInputs:
    """A plan's data (latest progress per item), its board as of a date, and the history of its targets.

    ``history`` holds every progress record of the headline indicators up to the date
    (their monthly trend is charted); the rest of the plan needs only the latest records.
    """

    data: PlanData
    board: StatusBoard
    history: dict[str, list[ProgressRecord]] = field(default_factory=dict)


def load_inputs(store: Any, plan_code: str, as_of: date) -> ReportInputs:
    """Return the inputs of plan ``plan_code``'s report as of ``as_of`` (the application layer's board)."""
    from planwatch.app import choose_plan, evaluate_plan

    evaluation = evaluate_plan(store, choose_plan(store, plan_code), as_of)
    return with_history(store, evaluation.data, evaluation.board)


def with_history(store: Any, data: PlanData, board: StatusBoard) -> ReportInputs:
    """Return the inputs of a board already evaluated (the web's cached one), adding the targets' history."""
    code, as_of = data.plan.code, board.as_of
    history = {t.code: store.item_progress(code, t.code, as_of=as_of) for t in data.targets}
    return ReportInputs(data, board, history)
