"""The charts the report and the leader's page share, as :class:`~planwatch.report.model.Chart` data.

One place decides what a chart shows and how a bar is lit; the SVG writer, the DOCX table
writer and the pages only draw them.
"""

from __future__ import annotations

from collections.abc import Iterable

from planwatch.monitor.board import StatusBoard
from planwatch.monitor.overview import InvestmentShare
from planwatch.plan.numbers import pct
from planwatch.report.model import Bar, Chart

#: What the mark of an investment chart is.
TIME_MARK = "条形为年度投资完成率（按投资额加权），竖线为时序进度"


def share_light(board: StatusBoard, share: float) -> str:
    """Return the light of a completion share against time progress, by the plan's own thresholds."""
    behind = (board.time_progress - share) * 100
    thresholds = board.plan.thresholds
    if behind >= thresholds.cumulative_red_gap_pp:
        return "red"
    if behind >= thresholds.cumulative_yellow_gap_pp:
        return "yellow"
    return "green"


def investment_chart(board: StatusBoard, title: str, shares: Iterable[InvestmentShare]) -> Chart:
    """Return a chart of investment completion per group against time progress."""
    bars = [
        Bar(
            share.label,
            share.completion,
            board.time_progress,
            share_light(board, share.completion),
            pct(share.completion),
        )
        for share in shares
        if share.completion is not None
    ]
    return Chart(title, bars, note=TIME_MARK)
