"""What a chart shows, as plain data: the composer, the leader's view and the 对比 page fill these in."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar of a chart: a label, a share (0.63 = 63%), an optional mark (time progress) and a light."""

    label: str
    value: float | None
    mark: float | None = None
    light: str = "grey"
    text: str = ""  # the value as printed beside the bar


@dataclass(slots=True)
class Chart:
    """A chart block: horizontal bars against a mark, or a line over the months (``kind='trend'``)."""

    title: str
    bars: list[Bar]
    kind: str = "bars"  # "bars" or "trend"
    note: str = ""  # what the mark means (竖线为时序进度)


@dataclass(frozen=True, slots=True)
class TargetBar:
    """One region's outcome against its target: a single figure (a mark) or a range (a band)."""

    label: str
    actual: float | None
    target: float | None
    low: float | None
    high: float | None
    target_text: str  # the target as a reader is told it (目标 5—5.5, 目标为文字表述)
    met: bool | None


@dataclass(frozen=True, slots=True)
class YearPoint:
    """One year of one region: the year's target and its outcome, either possibly missing."""

    year: int
    target: float | None
    actual: float | None
