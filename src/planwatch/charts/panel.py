"""The 对比 page's two charts of the library's panel rows: across regions in one year, one region over the years."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from planwatch.charts import svg
from planwatch.charts.model import TargetBar, YearPoint

if TYPE_CHECKING:  # the rows come from the library; drawing them needs none of its machinery
    from planwatch.library.panel import PanelRow


def target_text(row: PanelRow) -> str:
    """Return a row's target as a chart's tooltip says it: 目标 5—5.5, 目标 6, 目标为文字表述, 无目标."""
    if row.target_qualifier == "非数值":
        return "目标为文字表述"
    if row.target_value is None:
        return "无目标"
    if row.target_high is not None:
        return f"目标 {svg.label(row.target_low)}—{svg.label(row.target_high)}"
    return f"目标 {svg.label(row.target_value)}"


def across_regions(rows: Sequence[PanelRow], title: str) -> str:
    """Return the SVG of ``rows`` (one per region; same indicator, measure and year); empty when nothing to draw."""
    bars = [
        TargetBar(r.region, r.actual_value, r.target_value, r.target_low, r.target_high, target_text(r), r.met)
        for r in rows
    ]
    return svg.targets_across_svg(bars, title)


def over_years(rows: Sequence[PanelRow], title: str) -> str:
    """Return the SVG of one region's ``rows`` over the years (same indicator and measure); empty when none."""
    return svg.years_svg([YearPoint(r.year, r.target_value, r.actual_value) for r in rows], title)
