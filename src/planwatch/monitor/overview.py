"""Project and 民生实事 roll-ups a leader asks for first: one home for the report, the leader's page and the ledger.

Pure functions of a board and the plan's annual investment plans: project totals
(planned and completed investment, investment-weighted completion against time progress,
开工率, 竣工), investment completion grouped by work area or district, 民生实事 at a glance,
and the monthly series of an indicator. "Weighted" completion is completed investment over
planned investment of the group (a 10亿元 project weighs ten times a 1亿元 one); the board's
"plain average" is the mean of the items' own completion rates. Both are shown, named.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from planwatch.monitor.board import ItemStatus, RollupBy, StatusBoard
from planwatch.monitor.progress import STARTED_STAGES
from planwatch.plan.model import ItemKind, PlanData, ProgressRecord, Project, ProjectStage

#: 万元 of annual planned investment per project code.
Planned = Mapping[str, float]


def planned_investment(data: PlanData) -> dict[str, float]:
    """Return each project's annual planned investment (万元) by code."""
    return {p.code: p.annual_planned_investment for p in data.projects}


@dataclass(frozen=True, slots=True)
class InvestmentShare:
    """Planned and completed investment of a group of projects (万元) and its weighted completion."""

    key: str | None
    label: str
    count: int
    planned: float
    done: float

    @property
    def completion(self) -> float | None:
        """Completed over planned investment (None for a group with no planned investment)."""
        return self.done / self.planned if self.planned > 0 else None


@dataclass(frozen=True, slots=True)
class ProjectTotals:
    """The major projects of a plan at a glance."""

    total: InvestmentShare
    to_start: int  # planned new starts this year
    started: int  # of those, started
    to_finish: int  # planned to finish this year
    finished: int  # of those, finished
    stages: dict[ProjectStage, int]

    @property
    def start_rate(self) -> float | None:
        """开工率: started over planned new starts."""
        return self.started / self.to_start if self.to_start else None


def _projects(board: StatusBoard) -> list[ItemStatus]:
    return [s for s in board.items if s.kind is ItemKind.PROJECT]


def investment_by(board: StatusBoard, planned: Planned, by: RollupBy) -> list[InvestmentShare]:
    """Return investment and weighted completion of the board's projects per work area or district.

    Work areas come in plan order, districts in the order the plan lists its regions.
    """
    attribute = {"work_area": "work_area_code", "district": "district_code", "owner_unit": "owner_unit"}[by]
    sums: dict[str | None, list[float]] = {}
    for status in _projects(board):
        entry = sums.setdefault(getattr(status, attribute), [0, 0.0, 0.0])
        entry[0] += 1
        entry[1] += planned.get(status.code, 0.0)
        entry[2] += status.actual or 0.0
    order = list(board.work_area_titles if by == "work_area" else board.region_names)
    keys = sorted(sums, key=lambda k: (k is None, order.index(k) if k in order else len(order), k or ""))
    return [InvestmentShare(k, board.label_of(by, k), int(sums[k][0]), sums[k][1], sums[k][2]) for k in keys]


def project_totals(board: StatusBoard, data: PlanData, records: Mapping[str, list[ProgressRecord]]) -> ProjectTotals:
    """Return the plan's project totals: investment, starts, completions and stages (stage as last reported).

    ``records`` are the progress records by item code (as ``monitor.progress.group_by_item`` gives
    them); only stage reports are read, so 100,000 projects take one quick pass.
    """
    statuses = _projects(board)
    projects = {p.code: p for p in data.projects}
    chosen: list[Project] = [projects[s.code] for s in statuses if s.code in projects]
    planned = sum(p.annual_planned_investment for p in chosen)
    done = sum(s.actual or 0.0 for s in statuses)
    total = InvestmentShare(None, "全部重大项目", len(statuses), planned, done)
    year_end = date(board.plan.year, 12, 31)
    stage_now = {p.code: _stages(records.get(p.code, ()), p.stage) for p in chosen}
    to_start = [p for p in chosen if p.stage is ProjectStage.NEW_START]
    started = [p for p in to_start if stage_now[p.code][1]]
    to_finish = [p for p in chosen if p.planned_finish is not None and p.planned_finish <= year_end]
    finished = [p for p in to_finish if stage_now[p.code][2]]
    stages = dict.fromkeys(ProjectStage, 0)
    for current, _, _ in stage_now.values():
        stages[current] += 1
    return ProjectTotals(total, len(to_start), len(started), len(to_finish), len(finished), stages)


def _stages(records: Iterable[ProgressRecord], planned: ProjectStage) -> tuple[ProjectStage, bool, bool]:
    """Return a project's stage as last reported (else as planned), whether it has started, whether finished."""
    reported = [r for r in records if r.stage is not None]
    if not reported:
        return planned, False, False
    reported.sort(key=lambda r: r.as_of)  # stable: of two on one day, the later-listed wins, as in ``summarise``
    seen = {r.stage for r in reported}
    finished = ProjectStage.COMPLETED in seen
    return reported[-1].stage, finished or bool(seen & STARTED_STAGES), finished  # type: ignore[return-value]


def weighted_and_plain(board: StatusBoard, planned: Planned) -> list[tuple[str, float | None, float | None]]:
    """Return per work area (plan order): (title, investment-weighted project completion, plain average completion).

    The plain average is the board's roll-up: the mean completion rate of the area's items of every kind.
    """
    weighted = {share.key: share.completion for share in investment_by(board, planned, "work_area")}
    return [(r.label, weighted.get(r.key), r.average_completion) for r in board.rollup("work_area")]


def livelihood_glance(board: StatusBoard) -> tuple[int, int, list[ItemStatus]]:
    """Return (items, items whose completion keeps up with time progress, the items in plan order)."""
    items = [s for s in board.items if s.kind is ItemKind.LIVELIHOOD]
    on_track = sum(1 for s in items if s.completion is not None and s.completion >= board.time_progress)
    return len(items), on_track, items


def monthly_series(records: Iterable[ProgressRecord], year: int, through: date) -> list[float | None]:
    """Return an item's reported figure at each month end of ``year`` up to ``through`` (None before its first).

    Cumulative records give the running figure; a month without a report keeps the last one.
    """
    ordered = sorted((r for r in records if r.value is not None and r.cumulative), key=lambda r: r.as_of)
    series: list[float | None] = []
    last: float | None = None
    index = 0
    for month in range(1, through.month + 1):
        end = date(year, month, calendar.monthrange(year, month)[1])
        while index < len(ordered) and ordered[index].as_of <= min(end, through):
            last = ordered[index].value
            index += 1
        series.append(last)
    return series
