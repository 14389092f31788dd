"""The leader's view: "are we on track this year" in five seconds, on a desk or a phone."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup

from planwatch.charts.svg import bars_svg, sparkline_svg
from planwatch.monitor import overview
from planwatch.monitor.board import ItemStatus
from planwatch.monitor.progress import group_by_item
from planwatch.monitor.wording import LIGHT_LABELS, versus_time
from planwatch.plan.model import PROJECT_STAGE_LABELS, ItemKind
from planwatch.plan.numbers import pct, quantity, yi_yuan
from planwatch.report.charts import investment_chart
from planwatch.report.inputs import with_history
from planwatch.web.deps import WholePlanDep, get_store
from planwatch.web.templating import templates

router = APIRouter()


@dataclass(slots=True)
class Card:
    """One headline indicator: actual against target, its light and its months."""

    code: str
    name: str
    light: str
    light_label: str
    actual: str
    target: str
    note: str
    spark: Markup


def _card(status: ItemStatus, series: list[float | None], time_progress: float) -> Card:
    if status.completion is not None:
        actual = quantity(status.actual or 0.0, status.unit)
        target = f"完成{pct(status.completion)}（时序{pct(time_progress)}）"
        note = versus_time(status.gap_pp or 0.0)
    else:
        actual = status.actual_text or "尚无数据"
        target = f"目标{status.target_text}" if status.target_text else ""
        note = status.state
    return Card(
        status.code,
        status.name,
        status.light.value,
        LIGHT_LABELS[status.light],
        actual,
        target,
        note,
        Markup(sparkline_svg(series, light=status.light.value)),  # built from numbers only: nothing to escape
    )


@router.get("/leader", response_class=HTMLResponse, summary="领导视图")
def leader(request: Request, sel: WholePlanDep):
    """Render headline cards, project totals, 民生实事 and work areas (weighted beside plain average)."""
    board, data = sel.board, sel.data
    inputs = with_history(get_store(request), data, board)
    tp = board.time_progress
    statuses = {s.code: s for s in board.items}
    cards = [
        _card(
            statuses[t.code], overview.monthly_series(inputs.history.get(t.code, ()), data.plan.year, board.as_of), tp
        )
        for t in data.targets
        if t.code in statuses
    ]
    planned = overview.planned_investment(data)
    totals = overview.project_totals(board, data, group_by_item(data.progress, board.as_of))
    total = totals.total
    by_area = overview.investment_by(board, planned, "work_area")
    by_district = overview.investment_by(board, planned, "district")
    charts = [
        investment_chart(board, "重大项目投资完成率（按工作领域）", by_area),
        investment_chart(board, "重大项目投资完成率（按区县）", by_district),
    ]
    count, on_track, livelihood = overview.livelihood_glance(board)
    target_lights = [s for s in board.items if s.kind is ItemKind.TARGET]
    return templates.TemplateResponse(
        request,
        "leader.html",
        {
            "sel": sel,
            "s": sel.status,
            "nav": "leader",
            "tp": tp,
            "cards": cards,
            "target_counts": {
                light: sum(1 for s in target_lights if s.light.value == light)
                for light in ("green", "yellow", "red", "grey")
            },
            "totals": totals,
            "planned_text": yi_yuan(total.planned),
            "done_text": yi_yuan(total.done),
            "weighted": total.completion,
            "weighted_note": versus_time(((total.completion or 0) - tp) * 100),
            "stages": [(PROJECT_STAGE_LABELS[stage], n) for stage, n in totals.stages.items()],
            "charts": [Markup(bars_svg(c)) for c in charts if c.bars],  # bars_svg escapes every label
            "livelihood": livelihood,
            "livelihood_count": count,
            "livelihood_on_track": on_track,
            "areas": overview.weighted_and_plain(board, planned),
            "pct": pct,
        },
    )
