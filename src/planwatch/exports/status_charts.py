"""The 图表 sheet of the 监测台账: the leader's charts as native Excel charts over their own data.

Three tables, each with a bar chart beside it: the headline growth indicators against their
targets; major-project investment completion (weighted by investment) against time
progress by work area; and the same by district. The figures are the ones the leader's page
and the report give (:mod:`planwatch.monitor.overview`); Excel draws the charts itself, so
they stay live if an office edits a number.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from openpyxl.chart import BarChart, Reference
from openpyxl.worksheet.worksheet import Worksheet

from planwatch.monitor import overview
from planwatch.monitor.board import StatusBoard
from planwatch.plan.model import ItemKind

#: Rows a chart takes on the sheet (its anchor moves down by this much per table).
CHART_ROWS = 18


Table = tuple[str, tuple[str, str, str], list[list[Any]]]


def chart_tables(board: StatusBoard, planned: Mapping[str, float] | None) -> list[Table]:
    """Return the (title, headers, rows) of each chart: label, value, reference (target or time progress), in %."""
    tp = round(board.time_progress * 100, 1)
    rates = [
        [s.name, s.actual, s.target]
        for s in board.items
        if s.kind is ItemKind.TARGET
        and s.completion is None
        and s.actual is not None
        and s.target is not None
        and (s.unit or "").strip() in ("%", "％")
    ]
    tables: list[Table] = [("主要指标实际值与年度目标（%）", ("指标", "实际", "年度目标"), rates)]
    if planned is None:
        plain = [
            [r.label, round(r.average_completion * 100, 1), tp]
            for r in board.rollup("work_area")
            if r.average_completion is not None
        ]
        tables.append(("各工作领域平均完成率（各事项简单平均，%）", ("工作领域", "平均完成率", "时序进度"), plain))
        return [t for t in tables if t[2]]
    for by, title in (
        ("work_area", "重大项目投资完成率（按工作领域，%）"),
        ("district", "重大项目投资完成率（按区县，%）"),
    ):
        rows = [
            [share.label, round(share.completion * 100, 1), tp]
            for share in overview.investment_by(board, planned, by)  # type: ignore[arg-type]
            if share.completion is not None
        ]
        tables.append((title, ("分组", "投资完成率（加权）", "时序进度"), rows))
    return [t for t in tables if t[2]]


def chart_sheet(
    sheet: Worksheet,
    board: StatusBoard,
    planned: Mapping[str, float] | None,
    cell: Callable[..., Any],
    header_row: Callable[[Worksheet, Sequence[str]], list[Any]],
) -> int:
    """Write the chart tables and their bar charts on ``sheet`` (write-only); return the rows written.

    ``cell`` and ``header_row`` are the ledger's own cell makers, so the sheet looks like the others.
    """
    row = 0
    for title, headers, rows in chart_tables(board, planned):
        sheet.append([cell(sheet, title)])
        sheet.append(header_row(sheet, headers))
        first = row + 3
        for values in rows:
            sheet.append([cell(sheet, v) for v in values])
        last = first + len(rows) - 1
        chart = BarChart()
        chart.type = "bar"
        chart.title = title
        chart.style = 10
        chart.height = max(7.5, 0.6 * len(rows) + 2)
        chart.width = 18
        data = Reference(sheet, min_col=2, max_col=3, min_row=first - 1, max_row=last)
        labels = Reference(sheet, min_col=1, min_row=first, max_row=last)
        chart.add_data(data, titles_from_data=True)
        chart.set_categories(labels)
        chart.y_axis.title = "%"
        chart.x_axis.scaling.orientation = "maxMin"  # first row at the top, as in the table
        sheet.add_chart(chart, f"E{row + 1}")
        used = 2 + len(rows)
        gap = max(used, CHART_ROWS) + 2 - used
        for _ in range(gap):
            sheet.append([])
        row += used + gap
    return row
