"""Small builders for plans of one item, so status tables read as data."""

from __future__ import annotations

from datetime import date

from planwatch.monitor import ItemStatus, StatusBoard, evaluate
from planwatch.plan.model import (
    KeyTask,
    LivelihoodItem,
    Plan,
    PlanData,
    PlanItem,
    ProgressRecord,
    Project,
    Source,
    StatusThresholds,
    Target,
)

UNIT = Source(unit="江川市统计局")


def cum(item: str, day: str, value: float, unit: str = "江川市统计局") -> ProgressRecord:
    """A cumulative (year-to-date) record."""
    return ProgressRecord(item, date.fromisoformat(day), value, cumulative=True, source=Source(unit=unit))


def add(item: str, day: str, value: float) -> ProgressRecord:
    """A non-cumulative record: the amount of one period."""
    return ProgressRecord(item, date.fromisoformat(day), value, cumulative=False, source=UNIT)


def done(item: str, day: str, key: str) -> ProgressRecord:
    """A record marking a milestone done."""
    return ProgressRecord(item, date.fromisoformat(day), milestone_key=key, source=UNIT)


def note(item: str, day: str, narrative: str) -> ProgressRecord:
    """A narrative-only record: how the work stands, with no figure, milestone or stage."""
    return ProgressRecord(item, date.fromisoformat(day), narrative=narrative, source=UNIT)


def staged(item: str, day: str, stage, value: float | None = None) -> ProgressRecord:
    """A record reporting a project's new stage."""
    return ProgressRecord(item, date.fromisoformat(day), value, stage=stage, source=UNIT)


def plan_of(item: PlanItem, records: list[ProgressRecord], year: int = 2025, **thresholds) -> PlanData:
    """A plan holding one item and its records."""
    data = PlanData(Plan("JC2025", "JC", year, "江川市计划", thresholds=StatusThresholds(**thresholds)))
    if isinstance(item, Target):
        data.targets.append(item)
    elif isinstance(item, KeyTask):
        data.tasks.append(item)
    elif isinstance(item, Project):
        data.projects.append(item)
    elif isinstance(item, LivelihoodItem):
        data.livelihood_items.append(item)
    data.progress.extend(records)
    return data


def status_of(item: PlanItem, records: list[ProgressRecord], as_of: str, year: int = 2025, **thresholds) -> ItemStatus:
    """The status of one item as of a date."""
    board = evaluate(plan_of(item, records, year, **thresholds), date.fromisoformat(as_of))
    (status,) = board.items
    return status


def board_of(item: PlanItem, records: list[ProgressRecord], as_of: str, year: int = 2025, **thresholds) -> StatusBoard:
    """The status board of a plan of one item as of a date."""
    return evaluate(plan_of(item, records, year, **thresholds), date.fromisoformat(as_of))
