"""Fold the progress records of one item into the figures the status rules need.

Records are grouped by item once (:func:`group_by_item`), so the engine's work per item
is proportional to that item's own records, whatever the size of the plan.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from planwatch.plan.fold import fold
from planwatch.plan.model import ProgressRecord, ProjectStage, Source

# Enum members as module constants: reading ``Light.GREEN`` costs a class attribute
# lookup per use, which adds up over 100,000 items.
COMPLETED = ProjectStage.COMPLETED
NEW_START = ProjectStage.NEW_START
UNDER_CONSTRUCTION = ProjectStage.UNDER_CONSTRUCTION


#: Stages that mean a project has broken ground.
STARTED_STAGES = frozenset({NEW_START, UNDER_CONSTRUCTION, COMPLETED})


@dataclass(slots=True)
class ItemProgress:
    """What one item's records say as of a date.

    ``total`` is the running total for the year: the latest cumulative record plus the
    non-cumulative records reported after it (or the sum of all non-cumulative records
    when none is cumulative). ``latest`` is the latest record with a value, the
    year-to-date figure of a rate. ``basis`` lists the records ``total`` rests on, for
    naming sources. ``note`` is the latest narrative-only report (情况说明 with no figure,
    milestone or stage): it keeps an item fresh between milestones and is quoted in the
    explanation.
    """

    total: float | None = None
    latest: ProgressRecord | None = None
    basis: list[ProgressRecord] = field(default_factory=list)
    last_report: date | None = None
    milestones_done: dict[str, ProgressRecord] = field(default_factory=dict)
    stage: ProjectStage | None = None
    started: ProgressRecord | None = None
    completed: ProgressRecord | None = None
    note: ProgressRecord | None = None

    @property
    def reported(self) -> bool:
        """Return True when the item has any record."""
        return self.last_report is not None


NO_PROGRESS = ItemProgress()


def group_by_item(records: Iterable[ProgressRecord], as_of: date) -> dict[str, list[ProgressRecord]]:
    """Return the records dated on or before ``as_of``, grouped by item code."""
    grouped: dict[str, list[ProgressRecord]] = {}
    for record in records:
        if record.as_of <= as_of:
            bucket = grouped.get(record.item_code)
            if bucket is None:
                grouped[record.item_code] = [record]
            else:
                bucket.append(record)
    return grouped


def summarise(records: list[ProgressRecord] | None) -> ItemProgress:
    """Return the figures of one item's records (all already dated on or before as-of)."""
    if not records:
        return NO_PROGRESS
    if len(records) == 1 and records[0].milestone_key is None and records[0].stage is None:
        # The common case after ``latest_only`` loading: one folded record per item.
        record = records[0]
        if record.value is None:
            return ItemProgress(last_report=record.as_of, note=record if record.narrative else None)
        return ItemProgress(record.value, record, [record], record.as_of)  # positional: cheaper
    if len(records) > 1:
        # Stable sort: of two records on one day, the one reported later in the list wins.
        records = sorted(records, key=_record_date)
    progress = ItemProgress(last_report=records[-1].as_of)
    for record in records:
        if record.value is not None:
            progress.latest = record
        elif record.milestone_key is None and record.stage is None and record.narrative:
            progress.note = record
        if record.milestone_key is not None and record.milestone_key not in progress.milestones_done:
            progress.milestones_done[record.milestone_key] = record
        if record.stage is not None:
            progress.stage = record.stage
            if progress.started is None and record.stage in STARTED_STAGES:
                progress.started = record
            if progress.completed is None and record.stage is COMPLETED:
                progress.completed = record
    total, basis = fold(records)
    if basis:
        progress.basis = basis
        progress.total = total
    return progress


def describe_sources(records: list[ProgressRecord], limit: int = 3) -> str:
    """Return the sources of some records as one Chinese phrase, newest first.

    A unit's report reads ``市农业农村局 2025-06-28 报送``; several reports of one unit
    are named once, at the latest date (``… 2025-06-28 等2次报送``); a document reads as
    :meth:`Source.describe` gives it, with the date the figure is as of.
    """
    latest: dict[tuple[str, bool], ProgressRecord] = {}
    times: dict[tuple[str, bool], int] = {}
    for record in records:
        key = (record.source.describe(), bool(record.source.document))
        if key not in latest or record.as_of >= latest[key].as_of:
            latest[key] = record
        times[key] = times.get(key, 0) + 1
    ordered = sorted(latest.items(), key=lambda kv: kv[1].as_of, reverse=True)
    phrases = [_source_phrase(record.source, record.as_of, times[key]) for key, record in ordered]
    shown = "；".join(phrases[:limit])
    if len(phrases) > limit:
        shown += f" 等{len(phrases)}处"
    return shown


def is_narrative_only(record: ProgressRecord) -> bool:
    """Return True for a report that only says how things stand (no figure, milestone or stage)."""
    return record.value is None and record.milestone_key is None and record.stage is None and bool(record.narrative)


def _source_phrase(source: Source, as_of: date, times: int = 1) -> str:
    if source.document:
        return f"{source.describe()}（数据截至{as_of.isoformat()}）"
    reported = f"等{times}次报送" if times > 1 else "报送"
    if source.unit:
        return f"{source.unit} {as_of.isoformat()} {reported}"
    return f"{as_of.isoformat()} {reported}（未注明报送单位）"


def _record_date(record: ProgressRecord) -> date:
    return record.as_of
