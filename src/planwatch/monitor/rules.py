"""The status rules, one function per way of measuring an item.

Each rule looks at one item and its folded progress (:class:`ItemProgress`) and returns a
:class:`Finding`: a light, a short state, the figures, and the clauses of the explanation.
The clauses are worded only when someone reads them (``Finding.words`` is a function):
a board of 100,000 projects decides every light at once, but formats only the sentences
that are shown. The engine (:mod:`planwatch.monitor.engine`) adds freshness and sources.
Everything here is a pure function of its arguments.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import partial

from planwatch.catalog import Indicator, IndicatorKind
from planwatch.monitor.progress import ItemProgress
from planwatch.monitor.wording import LIGHT_LABELS, LIGHT_RANK, Light, day, worst
from planwatch.plan.model import (
    PROJECT_STAGE_LABELS,
    Direction,
    KeyTask,
    ProgressRecord,
    Project,
    ProjectStage,
    Qualifier,
    StatusThresholds,
    Target,
    TargetMeasure,
    qualifier_parts,
)
from planwatch.plan.numbers import num, pct

# Enum members as module constants: reading ``Light.GREEN`` costs a class attribute
# lookup per use, which adds up over 100,000 items.
HIGHER = Direction.HIGHER
LOWER = Direction.LOWER
GREEN = Light.GREEN
GREY = Light.GREY
RED = Light.RED
YELLOW = Light.YELLOW
COMPLETED = ProjectStage.COMPLETED
RESERVE = ProjectStage.RESERVE
UNDER_CONSTRUCTION = ProjectStage.UNDER_CONSTRUCTION
ABOUT = Qualifier.ABOUT
AT_LEAST = Qualifier.AT_LEAST
OVER = Qualifier.OVER
UNDER = Qualifier.UNDER
GROWTH = TargetMeasure.GROWTH


#: 左右 on a percentage target allows ``StatusThresholds.about_tolerance_pp`` points either
#: side (6%左右 → 5.5%…6.5% by default), a plan setting.
#: 左右 on a level target allows this share of the target either side.
ABOUT_TOLERANCE_SHARE = 0.01

#: Endings of a growth target's name that the sentence's own verb replaces
#: (社零增速 + 增长5.9% → 社零增长5.9%).
GROWTH_NAME_ENDINGS: tuple[str, ...] = ("增长率", "增速", "增幅", "涨幅", "降幅", "增长")



@dataclass(frozen=True, slots=True)
class Context:
    """What every rule needs to know besides the item: the date, the year, the thresholds."""

    as_of: date
    year: int
    time_progress: float
    thresholds: StatusThresholds
    days_into_year: int = 0  # days from 1 January to the as-of date


Words = Callable[[], list[str]]


def said(*clauses: str) -> Words:
    """Return a words function for clauses that are already worded."""
    return lambda: list(clauses)


@dataclass(slots=True)
class Finding:
    """What one rule concluded about one item; ``words()`` gives the explanation's clauses."""

    light: Light
    state: str
    words: Words
    actual: float | None = None
    target: float | None = None
    target_high: float | None = None
    completion: float | None = None
    time_progress: float | None = None
    gap_pp: float | None = None
    lag: float = 0.0
    overdue: bool = False
    basis: list[ProgressRecord] = field(default_factory=list)
    actual_text: str | None = None  # the figure as a report words it: 增长5.2%
    target_text: str | None = None  # the target as the plan words it: 增长6%左右
    applicable: bool = True  # False: nothing is expected of the item yet (no stale flag)


def no_data(what: str = "进展数据") -> Finding:
    """Return the grey finding of an item that has nothing to measure yet."""
    return Finding(GREY, "未报送", lambda: [f"尚无{what}"])


# ---------------------------------------------------------------- cumulative items


def cumulative_finding(
    actual: float,
    goal: float,
    unit: str,
    ctx: Context,
    strict: bool = False,
    done_words: str = "累计完成",
    goal_words: str = "完成年度目标",
) -> Finding:
    """Return the finding of a quantity that accumulates towards an annual goal.

    Completion is actual/goal; the gap to time progress in percentage points decides the
    light: behind by ``cumulative_yellow_gap_pp`` or more → yellow, by
    ``cumulative_red_gap_pp`` or more → red. ``strict`` (民生实事, 时序过半、任务过半)
    turns any lag behind time progress at least yellow.
    """
    th = ctx.thresholds
    tp = ctx.time_progress
    unit = unit or ""
    if goal <= 0:
        return Finding(
            GREY,
            "目标值缺失",
            lambda: [f"{done_words}{num(actual)}{unit}", "年度目标不大于零，无法计算完成率"],
            actual=actual,
            target=goal,
        )
    completion = actual / goal
    gap = round(completion * 100 - tp * 100, 1)
    behind = -gap
    if completion >= 1:
        light, state = GREEN, ("超额完成" if completion > 1 else "已完成")
    elif behind >= th.cumulative_red_gap_pp:
        light, state = RED, "严重滞后"
    elif behind >= th.cumulative_yellow_gap_pp or (strict and behind > 0):
        light, state = YELLOW, "落后时序进度"
    elif gap > 0:
        light, state = GREEN, "快于时序进度"
    else:
        light, state = GREEN, "符合时序进度" if gap == 0 else "基本符合时序进度"

    # Positional (light, state, words, actual, target, target_high, completion, time_progress,
    # gap_pp, lag): keyword passing costs measurably over 100,000 items.
    # The clauses as a partial, not a closure: no cell per captured variable.
    words = partial(_cumulative_words, actual, goal, unit, tp, completion, gap, behind, done_words, goal_words)
    return Finding(light, state, words, actual, goal, None, completion, tp, gap, behind if behind > 0 else 0.0)


def _cumulative_words(
    actual: float,
    goal: float,
    unit: str,
    tp: float,
    completion: float,
    gap: float,
    behind: float,
    done_words: str,
    goal_words: str,
) -> list[str]:
    """Word the clauses of ``cumulative_finding``."""
    if gap > 0:
        relation = f"高于时序进度{pct(tp)}共{num(gap)}个百分点"
    elif gap < 0:
        relation = f"低于时序进度{pct(tp)}共{num(behind)}个百分点"
    else:
        relation = f"与时序进度{pct(tp)}持平"
    return [f"{done_words}{num(actual)}{unit}", f"{goal_words}{num(goal)}{unit}的{pct(completion)}", relation]


def quantity_finding(
    progress: ItemProgress, goal: float, unit: str, ctx: Context, *, strict: bool = False, done_words: str = "累计完成"
) -> Finding:
    """Return the cumulative finding of an item from its folded progress (grey without data)."""
    if progress.total is None:
        return no_data()
    finding = cumulative_finding(progress.total, goal, unit, ctx, strict=strict, done_words=done_words)
    finding.basis = progress.basis
    return finding


# ---------------------------------------------------------------- rate targets


def target_direction(target: Target, indicator: Indicator | None) -> Direction:
    """Return which way is good for a target: its qualifier decides, else the indicator."""
    if target.qualifier in (OVER, AT_LEAST):
        return HIGHER
    if target.qualifier is UNDER:
        return LOWER
    return indicator.direction if indicator is not None else HIGHER


def is_percent(unit: str | None) -> bool:
    """Return True for units measured in percentage points (%, ‰ is not compared in pp)."""
    return (unit or "").strip() in ("%", "％")


def tolerance(target: Target, about_pp: float = 0.5) -> float:
    """Return how far either side of the target 左右 allows, in the target's unit.

    ``about_pp`` is the plan's tolerance for percentage targets, in percentage points.
    """
    if target.qualifier is not ABOUT:
        return 0.0
    if is_percent(target.unit):
        return about_pp
    return abs(target.value) * ABOUT_TOLERANCE_SHARE


def rise_word(indicator: Indicator | None) -> str:
    """Return the verb of a rise: prices 上涨 (CPI上涨0.3%), everything else 增长."""
    return "上涨" if indicator is not None and indicator.kind is IndicatorKind.PRICE else "增长"


def describe_target(target: Target, rise: str = "增长") -> str:
    """Return a target as a report states it: 增长6%左右, 5.5%以内, 增长5%—5.5%, 不低于60万人."""
    before, after = qualifier_parts(target.qualifier)
    unit = target.unit or ""
    if target.value_high is not None:
        amount = f"{num(target.value)}{unit}—{num(target.value_high)}{unit}"
    elif target.measure is GROWTH and target.value < 0:
        return f"下降{before}{num(-target.value)}{unit}{after}"
    else:
        amount = f"{num(target.value)}{unit}"
    verb = rise if target.measure is GROWTH else ""
    return f"{verb}{before}{amount}{after}"


def describe_actual(target: Target, value: float, rise: str = "增长") -> str:
    """Return a year-to-date figure as a report states it: 增长5.2%, 下降2.1%, 为5.3%."""
    unit = target.unit or ""
    if target.measure is GROWTH:
        return f"下降{num(-value)}{unit}" if value < 0 else f"{rise}{num(value)}{unit}"
    return f"为{num(value)}{unit}"


def rate_finding(
    target: Target, indicator: Indicator | None, progress: ItemProgress, ctx: Context, subject: str = ""
) -> Finding:
    """Return the finding of a target compared directly with its year-to-date figure.

    No time scaling: a growth rate or a share is already a year-to-date figure. The
    acceptable band is the target (or range) widened by the 左右 tolerance; the shortfall
    is how far the figure lies beyond the band on the bad side (below for higher-is-better,
    above for ceilings such as CPI or unemployment). Shortfall above
    ``rate_yellow_shortfall_pp`` → yellow, at or above ``rate_red_shortfall_pp`` → red;
    for a target not in % the shortfall is taken as a percentage of the target.
    """
    record = progress.latest
    if record is None or record.value is None:
        return no_data()
    th = ctx.thresholds
    actual = record.value
    low, high = target.value, target.value if target.value_high is None else target.value_high
    low, high = min(low, high), max(low, high)
    tol = tolerance(target, th.about_tolerance_pp)
    rise = rise_word(indicator)
    if target.measure is GROWTH:
        subject = next((subject[: -len(e)] for e in GROWTH_NAME_ENDINGS if subject.endswith(e)), subject)
    direction = target_direction(target, indicator)
    percent = is_percent(target.unit)
    diff_unit = "个百分点" if percent else (target.unit or "")

    if actual < low:
        gap = actual - low
    elif actual > high:
        gap = actual - high
    else:
        gap = 0.0
    gap = round(gap, 2)
    shortfall = round(low - tol - actual, 2) if direction is HIGHER else round(actual - high - tol, 2)
    lag = shortfall if percent else (round(shortfall / abs(low) * 100, 2) if low else shortfall)

    if lag > 0 and lag >= th.rate_red_shortfall_pp:
        light = RED
    elif lag > th.rate_yellow_shortfall_pp:
        light = YELLOW
    else:
        light = GREEN
    state = _rate_state(direction, light, actual, low, high, tol)

    def words() -> list[str]:
        clauses = [
            f"截至{day(record.as_of)}{subject}{describe_actual(target, actual, rise)}",
            f"目标{describe_target(target, rise)}",
        ]
        if gap == 0:
            clauses.append("处于目标区间内" if target.value_high is not None else "与目标持平")
        else:
            reference = "目标" if target.value_high is None else ("目标下限" if gap < 0 else "目标上限")
            side = "高" if gap > 0 else "低"
            clauses.append(f"比{reference}{side}{num(abs(gap))}{diff_unit}")
        if tol and shortfall > 0:
            clauses.append(f"超出“左右”允许的±{num(tol)}{diff_unit}范围{num(shortfall)}{diff_unit}")
        elif tol and gap != 0 and light is GREEN and state.startswith("基本"):
            clauses.append(f"在“左右”允许的±{num(tol)}{diff_unit}范围内")
        clauses.append("增速、比率类目标直接比较，不按时序折算")
        return clauses

    return Finding(
        light,
        state,
        words,
        actual=actual,
        target=target.value,
        target_high=target.value_high,
        gap_pp=gap,
        lag=max(lag, 0.0),
        basis=[record],
        actual_text=describe_actual(target, actual, rise),
        target_text=describe_target(target, rise),
    )


def _rate_state(direction: Direction, light: Light, actual: float, low: float, high: float, tol: float) -> str:
    if direction is HIGHER:
        if light is RED:
            return "低于目标"
        if light is YELLOW:
            return "略低于目标"
        if actual > high + tol:
            return "好于目标"
        return "达到目标" if actual >= low else "基本达到目标"
    if light is RED:
        return "超出控制目标"
    if light is YELLOW:
        return "略超控制目标"
    if actual < low - tol:
        return "好于目标"
    return "控制在目标内" if actual <= high else "基本控制在目标内"


# ---------------------------------------------------------------- milestones


def milestone_finding(task: KeyTask, progress: ItemProgress, ctx: Context) -> Finding:
    """Return the finding of a task's dated milestones.

    A milestone is done when a record marks it done on or before the as-of date. Not done
    and due before the as-of date → overdue (red); due within ``milestone_warning_days``,
    the as-of day included → due soon (yellow); all done → done; else on schedule.
    """
    as_of = ctx.as_of
    done = progress.milestones_done
    milestones = sorted(task.milestones, key=lambda m: m.due)
    open_ = [m for m in milestones if m.key not in done]
    overdue = [m for m in open_ if m.due < as_of]
    horizon = as_of + timedelta(days=ctx.thresholds.milestone_warning_days)
    due_soon = [m for m in open_ if as_of <= m.due <= horizon]
    late = sum(1 for m in milestones if m.key in done and done[m.key].as_of > m.due)
    basis = [done[m.key] for m in milestones if m.key in done]

    def words(step: str | None = None) -> Words:
        def say() -> list[str]:
            clauses = [f"共{len(milestones)}个节点，已完成{len(milestones) - len(open_)}个"]
            if step:
                clauses.append(step)
            if late:
                clauses.append(f"其中{late}个节点逾期完成")
            return clauses

        return say

    if overdue:
        first = overdue[0]
        days = (as_of - first.due).days
        more = f"等{len(overdue)}个节点" if len(overdue) > 1 else ""
        step = f"节点“{first.title}”{more}应于{day(first.due)}完成，已逾期{days}天"
        return Finding(RED, "节点逾期", words(step), lag=float(days), overdue=True, basis=basis)
    if due_soon:
        first = due_soon[0]
        left = (first.due - as_of).days
        when = "今日到期" if left == 0 else f"{day(first.due)}到期，还剩{left}天"
        state = "节点今日到期" if left == 0 else "节点临近到期"
        return Finding(YELLOW, state, words(f"节点“{first.title}”{when}，尚未完成"), basis=basis)
    if not open_:
        return Finding(GREEN, "已完成", words(), basis=basis)
    following = open_[0]
    step = f"下一节点“{following.title}”{day(following.due)}到期"
    return Finding(GREEN, "按计划推进", words(step), basis=basis)


# ---------------------------------------------------------------- projects

STARTED_PLAN_STAGES = frozenset({UNDER_CONSTRUCTION, COMPLETED})


def project_finding(project: Project, progress: ItemProgress, ctx: Context) -> Finding:
    """Return the finding of a major project: annual investment and start/finish dates.

    Investment completed this year against the annual plan is a cumulative check against
    time progress. A project past its planned start with no start reported is a warning
    (yellow, overdue); past its planned finish and not completed is red; finished after
    the planned date is noted. A reserve project with no start planned this year is not
    measured (grey).
    """
    as_of, year = ctx.as_of, ctx.year
    starts_this_year = project.planned_start is not None and project.planned_start.year == year
    if project.stage is RESERVE and not starts_this_year and not progress.reported:
        return Finding(GREY, "储备项目", said("储备项目，本年度无计划开工安排，暂不考核"), applicable=False)

    # Investment completed this year means work is under way even if no start was reported.
    started = (
        project.stage in STARTED_PLAN_STAGES
        or progress.started is not None
        or (progress.total is not None and progress.total > 0)
    )
    completed = project.stage is COMPLETED or progress.completed is not None
    checks: list[Finding] = []

    if project.annual_planned_investment > 0:
        if progress.total is not None:
            investment = cumulative_finding(
                progress.total,
                project.annual_planned_investment,
                "万元",
                ctx,
                False,
                "年内累计完成投资",
                "年度计划投资",
            )
            investment.basis = progress.basis
            checks.append(investment)
        elif not (project.planned_start and project.planned_start >= as_of and not started):
            checks.append(no_data("投资完成数据"))

    if project.planned_start is not None and not started:
        if project.planned_start < as_of:
            start_late = (as_of - project.planned_start).days
            checks.append(
                Finding(
                    YELLOW,
                    "应开工未开工",
                    lambda: [f"计划{day(project.planned_start)}开工，截至{day(as_of)}尚未开工，已晚{start_late}天"],
                    lag=float(start_late),
                    overdue=True,
                )
            )
        elif not checks:
            return Finding(
                GREY,
                "未到开工时间",
                lambda: [f"计划{day(project.planned_start)}开工，尚未到期"],
                applicable=False,
            )
    if project.planned_finish is not None:
        if completed:
            record = progress.completed
            if record is not None and record.as_of > project.planned_finish:
                checks.append(
                    Finding(
                        GREEN,
                        "延期竣工",
                        lambda: [f"计划{day(project.planned_finish)}竣工，实际{day(record.as_of)}竣工"],
                        lag=float((record.as_of - project.planned_finish).days),
                        basis=[record],
                    )
                )
        elif project.planned_finish < as_of:
            finish_late = (as_of - project.planned_finish).days
            checks.append(
                Finding(
                    RED,
                    "逾期未竣工",
                    lambda: [f"计划{day(project.planned_finish)}竣工，已逾期{finish_late}天仍未竣工"],
                    lag=float(finish_late),
                    overdue=True,
                )
            )
    if completed and not any(c.state == "延期竣工" for c in checks):
        checks.append(Finding(GREEN, "已竣工", said("项目已竣工")))
    if not checks:
        stage = PROJECT_STAGE_LABELS[progress.stage or project.stage]
        return Finding(GREEN, "无年度投资计划", lambda: [f"项目处于{stage}阶段，无年度投资计划"])
    return checks[0] if len(checks) == 1 else combine(checks)


def combine(findings: list[Finding]) -> Finding:
    """Return one finding from several checks of an item: the worst light, every clause."""
    # Of equally bad checks the last one names the state: stage checks come after investment.
    main = max(reversed(findings), key=lambda f: (_rank(f.light), f.lag))
    light = worst(*(f.light for f in findings))

    def words() -> list[str]:
        return [clause for f in findings for clause in f.words()]

    numbers = next((f for f in findings if f.completion is not None or f.actual is not None), main)
    basis = [r for f in findings for r in f.basis]
    return Finding(
        light,
        main.state,
        words,
        actual=numbers.actual,
        target=numbers.target,
        target_high=numbers.target_high,
        completion=numbers.completion,
        time_progress=numbers.time_progress,
        gap_pp=numbers.gap_pp,
        lag=main.lag,
        overdue=any(f.overdue for f in findings),
        basis=basis,
        applicable=all(f.applicable for f in findings),
    )


def _rank(light: Light) -> int:
    return LIGHT_RANK[light]


def light_word(light: Light) -> str:
    """Return the light as it closes an explanation: （黄灯）."""
    return f"（{LIGHT_LABELS[light]}）"
