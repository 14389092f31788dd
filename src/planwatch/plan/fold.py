"""The one progress fold: an item's records → the year's running total.

A cumulative record states the total for the year so far and resets the count; a
non-cumulative record is an amount for its period and adds to it. The status engine
(:func:`planwatch.monitor.progress.summarise`), the item page's history, the entry
warnings and the tests of the store's SQL reduction all fold with these functions.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from planwatch.plan.model import PlanItem, ProgressRecord, Target


def fold(records: Sequence[ProgressRecord]) -> tuple[float | None, list[ProgressRecord]]:
    """Return the running total of records in date order, with the records it rests on.

    The basis is the latest cumulative record with every valued record after it, or every
    valued record when none is cumulative; records without a value do not count.
    """
    last_cumulative: int | None = None
    for index, record in enumerate(records):
        if record.value is not None and record.cumulative:
            last_cumulative = index
    if last_cumulative is None:
        basis = [r for r in records if r.value is not None]
    else:
        basis = [records[last_cumulative], *(r for r in records[last_cumulative + 1 :] if r.value is not None)]
    if not basis:
        return None, []
    return sum(r.value for r in basis if r.value is not None), basis


def running_totals(records: Iterable[ProgressRecord]) -> Iterator[tuple[ProgressRecord, float | None]]:
    """Yield each record (in the order given: by date) with the running total after it.

    The same total :func:`fold` gives for the records up to and including that one.
    """
    total: float | None = None
    for record in records:
        if record.value is not None:
            total = record.value if record.cumulative else (total or 0.0) + record.value
        yield record, total


def adds_up(item: PlanItem) -> bool:
    """Return True when an item's figures count up over the year (not a year-to-date rate)."""
    return not isinstance(item, Target) or item.cumulative
