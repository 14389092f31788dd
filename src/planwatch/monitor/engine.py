"""``evaluate``: the status of every item of a plan as of a date.

The engine groups progress records by item once, folds each item's records, applies the
rule for the item's kind (:mod:`planwatch.monitor.rules`), then the freshness check, and
writes the explanation. Work per item is proportional to that item's records, so a plan of
100,000 projects is evaluated in about a second.
"""

from __future__ import annotations

import gc
from datetime import date
from functools import partial

from planwatch.catalog import Catalog, Indicator, load_catalog
from planwatch.monitor.board import ItemStatus, StatusBoard
from planwatch.monitor.progress import ItemProgress, describe_sources, group_by_item, summarise
from planwatch.monitor.rules import (
    Context,
    Finding,
    combine,
    light_word,
    milestone_finding,
    project_finding,
    quantity_finding,
    rate_finding,
    said,
)
from planwatch.monitor.timing import time_progress
from planwatch.monitor.wording import CYCLE_LABELS, LIGHT_RANK, Light, day
from planwatch.plan.model import (
    REPORTING_CYCLE_DAYS,
    ItemKind,
    KeyTask,
    LivelihoodItem,
    PlanData,
    ProgressRecord,
    Project,
    ReportingCycle,
    Target,
)

# Enum members as module constants: reading ``Light.GREEN`` costs a class attribute
# lookup per use, which adds up over 100,000 items.
GREEN = Light.GREEN
GREY = Light.GREY
YELLOW = Light.YELLOW
YELLOW_RANK = LIGHT_RANK[YELLOW]
TARGET, TASK, PROJECT, LIVELIHOOD = ItemKind.TARGET, ItemKind.TASK, ItemKind.PROJECT, ItemKind.LIVELIHOOD


def evaluate(data: PlanData, as_of: date, catalog: Catalog | None = None) -> StatusBoard:
    """Return the status board of a plan as of a date (progress after ``as_of`` is ignored)."""
    # A board of 100,000 items allocates a few hundred thousand objects and no reference
    # cycles; the cyclic collector would rescan them all several times over (2-3x the time).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _evaluate(data, as_of, catalog or load_catalog())
    finally:
        if collecting:
            gc.enable()


def _evaluate(data: PlanData, as_of: date, catalog: Catalog) -> StatusBoard:
    plan = data.plan
    thresholds = plan.thresholds
    ctx = Context(
        as_of=as_of,
        year=plan.year,
        time_progress=time_progress(as_of, plan.year, thresholds.time_progress_by_days),
        thresholds=thresholds,
        days_into_year=(as_of - date(plan.year, 1, 1)).days,
    )
    records = group_by_item(data.progress, as_of)
    statuses: list[ItemStatus] = []
    for target in data.targets:
        statuses.append(evaluate_target(target, summarise(records.get(target.code)), ctx, catalog))
    for task in data.tasks:
        statuses.append(evaluate_task(task, summarise(records.get(task.code)), ctx))
    append, get = statuses.append, records.get  # bound once: the loop runs 100,000 times
    for project in data.projects:
        append(evaluate_project(project, summarise(get(project.code)), ctx))
    for item in data.livelihood_items:
        statuses.append(evaluate_livelihood(item, summarise(records.get(item.code)), ctx))
    return StatusBoard(
        plan=plan,
        as_of=as_of,
        time_progress=ctx.time_progress,
        items=statuses,
        work_area_titles={a.code: a.title for a in sorted(data.work_areas, key=lambda a: a.order)},
        region_names={r.code: r.name for r in data.regions},
    )


def find_indicator(target: Target, catalog: Catalog) -> Indicator | None:
    """Return the catalog indicator of a target, by code or, failing that, by name."""
    return catalog.get(target.indicator_code) or catalog.find(target.indicator_code)


def evaluate_target(target: Target, progress: ItemProgress, ctx: Context, catalog: Catalog) -> ItemStatus:
    """Return the status of a headline target (cumulative level, or rate compared directly)."""
    indicator = find_indicator(target, catalog)
    name = target.name or (indicator.name if indicator else target.indicator_code)
    if target.cumulative:
        finding = quantity_finding(progress, target.value, target.unit, ctx)
    else:
        finding = rate_finding(target, indicator, progress, ctx, subject=name)
    return finish(
        finding,
        progress,
        target.reporting_cycle,
        ctx,
        target.code,
        TARGET,
        name,
        target.work_area_code,
        target.owner_unit,
        target.unit,
        None,
    )


def evaluate_task(task: KeyTask, progress: ItemProgress, ctx: Context) -> ItemStatus:
    """Return the status of a key task: its annual quantity, its milestones, or both."""
    findings: list[Finding] = []
    if task.annual_quantity is not None:
        findings.append(quantity_finding(progress, task.annual_quantity, task.unit or "", ctx))
    if task.milestones:
        findings.append(milestone_finding(task, progress, ctx))
    if not findings:
        findings.append(Finding(GREY, "无考核要求", said("未设年度工作量或时间节点"), applicable=False))
    finding = findings[0] if len(findings) == 1 else combine(findings)
    return finish(
        finding,
        progress,
        task.reporting_cycle,
        ctx,
        task.code,
        TASK,
        task.name,
        task.work_area_code,
        task.owner_unit,
        task.unit,
        None,
    )


def evaluate_project(project: Project, progress: ItemProgress, ctx: Context) -> ItemStatus:
    """Return the status of a major project."""
    return finish(
        project_finding(project, progress, ctx),
        progress,
        project.reporting_cycle,
        ctx,
        project.code,
        PROJECT,
        project.name,
        project.work_area_code,
        project.owner_unit,
        "万元",
        project.district_code,
    )


def evaluate_livelihood(item: LivelihoodItem, progress: ItemProgress, ctx: Context) -> ItemStatus:
    """Return the status of a livelihood item: task progress must keep up with time (时序过半、任务过半)."""
    finding = quantity_finding(progress, item.goal_quantity, item.unit, ctx, strict=True)
    if finding.completion is not None:
        measured = finding.words
        finding.words = lambda: [*measured(), "民生实事要求任务进度不低于时序进度"]
    return finish(
        finding,
        progress,
        item.reporting_cycle,
        ctx,
        item.code,
        LIVELIHOOD,
        item.name,
        item.work_area_code,
        item.owner_unit,
        item.unit,
        None,
    )


def finish(
    finding: Finding,
    progress: ItemProgress,
    cycle: ReportingCycle,
    ctx: Context,
    code: str,
    kind: ItemKind,
    name: str,
    work_area_code: str | None,
    owner_unit: str | None,
    unit: str | None,
    district_code: str | None = None,
) -> ItemStatus:
    """Return the item status: the finding plus the freshness check and the explanation.

    An item whose latest record is older than its reporting cycle is stale and at least
    yellow; an item never reported once its first cycle has passed is stale and grey
    (unless its dates alone already make it yellow or red). An item never reported whose
    first cycle has not passed (an annual statistic in June) is grey 未到报送期, not a
    warning. A narrative-only report counts as a report and is quoted.

    Arguments are positional and ``ItemStatus`` is built positionally: keyword passing
    costs measurably over 100,000 items.
    """
    light = finding.light
    cycle_days = REPORTING_CYCLE_DAYS[cycle]
    last = progress.last_report
    stale = False
    silent_days = 0
    if finding.applicable:
        if last is None:
            if light is GREEN:
                light = GREY
            stale = ctx.days_into_year >= cycle_days
        else:
            silent_days = (ctx.as_of - last).days
            if silent_days > cycle_days:
                stale = True
                if LIGHT_RANK[light] < YELLOW_RANK:
                    light = YELLOW

    not_due = finding.applicable and last is None and not stale and light is GREY
    note = progress.note if progress.note is not None and progress.note.as_of == last else None

    state = finding.state
    if not_due:
        state = "未到报送期"
    elif light is not finding.light:
        state = "未报送" if last is None else f"{state}（数据过期）"
    return ItemStatus(
        code,
        kind,
        name,
        light,
        state,
        # A partial, not a closure: no cell per captured variable, 100,000 times over.
        partial(_explain, finding, light, note, stale, last, cycle, cycle_days, silent_days, not_due),
        work_area_code,
        owner_unit,
        district_code,
        unit,
        finding.actual,
        finding.target,
        finding.target_high,
        finding.completion,
        finding.time_progress,
        finding.gap_pp,
        finding.lag,
        finding.actual_text,
        finding.target_text,
        stale,
        finding.overdue,
        last,
    )


def _explain(
    finding: Finding,
    light: Light,
    note: ProgressRecord | None,
    stale: bool,
    last: date | None,
    cycle: ReportingCycle,
    cycle_days: int,
    silent_days: int,
    not_due: bool,
) -> str:
    """Word an item's explanation (called when someone reads it, see ``finish``)."""
    text = "，".join(finding.words()) + light_word(light)
    if finding.basis:
        text += "；来源：" + describe_sources(finding.basis)
    if note is not None:
        text += f"；情况说明（{describe_sources([note])}）：{note.narrative}"
    if stale and last is None:
        text += f"；年内尚未报送进展（{CYCLE_LABELS[cycle]}，周期{cycle_days}天）"
    elif stale and last is not None:
        text += f"；最近一次报送为{day(last)}，已{silent_days}天未更新，超过{CYCLE_LABELS[cycle]}周期{cycle_days}天"
    elif not_due:
        text += f"；{CYCLE_LABELS[cycle]}事项，年内首次报送期未到（周期{cycle_days}天），不作预警"
    return text
