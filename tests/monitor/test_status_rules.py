"""Status rules as tables: (item, progress records, as-of) → (light, state, gap).

Each row is one situation a planning office meets; the id says which. Gaps are in
percentage points: completion minus time progress for cumulative items, the figure minus
the target (0 inside a range) for rate targets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pytest
from monitor_builders import add, board_of, cum, done, note, staged, status_of

from planwatch.monitor.wording import LIGHT_LABELS
from planwatch.plan.model import (
    KeyTask,
    LivelihoodItem,
    Milestone,
    PlanItem,
    ProgressRecord,
    Project,
    ProjectStage,
    Qualifier,
    ReportingCycle,
    Target,
    TargetMeasure,
)


@dataclass
class Row:
    id: str
    item: PlanItem
    records: list[ProgressRecord]
    as_of: str
    light: str
    state: str
    gap: float | None = None
    year: int = 2025
    stale: bool = False
    overdue: bool = False
    thresholds: dict = field(default_factory=dict)


def run(row: Row) -> None:
    status = status_of(row.item, row.records, row.as_of, row.year, **row.thresholds)
    assert f"（{LIGHT_LABELS[status.light]}）" in status.explanation  # every row explains itself
    assert (status.light, status.state) == (row.light, row.state), status.explanation
    if row.gap is None:
        assert status.gap_pp is None
    else:
        assert status.gap_pp == pytest.approx(row.gap, abs=0.05), status.explanation
    assert status.stale is row.stale, status.explanation
    assert status.overdue is row.overdue, status.explanation


JUN = "2025-06-30"  # the half-year as-of date most rows use


def ids(rows: list[Row]) -> list[str]:
    return [r.id for r in rows]


# ------------------------------------------------------------------ quantified tasks

FARMLAND = KeyTask("K01", "建设高标准农田", "A01", "江川市农业农村局", annual_quantity=40, unit="万亩")
QUARTERLY = KeyTask(
    "K02", "改造城镇老旧小区", "A02", "江川市住建局", annual_quantity=40, unit="个",
    reporting_cycle=ReportingCycle.QUARTERLY,
)

CUMULATIVE_ROWS = [
    Row("exactly on time progress", FARMLAND, [cum("K01", JUN, 20)], JUN, "green", "符合时序进度", 0),
    Row("ahead of time progress", FARMLAND, [cum("K01", JUN, 22)], JUN, "green", "快于时序进度", 5),
    Row("slightly behind stays green", FARMLAND, [cum("K01", JUN, 19)], JUN, "green", "基本符合时序进度", -2.5),
    Row("5 points behind turns yellow", FARMLAND, [cum("K01", JUN, 18)], JUN, "yellow", "落后时序进度", -5),
    Row("15 points behind turns red", FARMLAND, [cum("K01", JUN, 14)], JUN, "red", "严重滞后", -15),
    Row("goal reached", FARMLAND, [cum("K01", JUN, 40)], JUN, "green", "已完成", 50),
    Row("goal exceeded", FARMLAND, [cum("K01", JUN, 46)], JUN, "green", "超额完成", 65),
    Row(
        "non-cumulative records are added up",
        FARMLAND,
        [add("K01", "2025-04-30", 5), add("K01", "2025-05-31", 6), add("K01", JUN, 7)],
        JUN,
        "yellow",
        "落后时序进度",
        -5,
    ),
    Row(
        "the latest cumulative record wins",
        FARMLAND,
        [cum("K01", JUN, 20), cum("K01", "2025-03-31", 9)],
        JUN,
        "green",
        "符合时序进度",
        0,
    ),
    Row(
        "period amounts after the latest cumulative record are added to it",
        FARMLAND,
        [cum("K01", "2025-04-30", 12), add("K01", "2025-05-31", 6), add("K01", JUN, 2)],
        JUN,
        "green",
        "符合时序进度",
        0,
    ),
    Row(
        "progress after the as-of date is ignored",
        FARMLAND,
        [cum("K01", JUN, 20), cum("K01", "2025-07-31", 40)],
        JUN,
        "green",
        "符合时序进度",
        0,
    ),
    Row(
        "mid-month counts days (45.5%)",
        FARMLAND,
        [cum("K01", "2025-06-15", 18)],
        "2025-06-15",
        "green",
        "基本符合时序进度",
        45 - 166 / 365 * 100,
    ),
    Row(
        "leap-year month end is two twelfths",
        FARMLAND,
        [cum("K01", "2024-02-29", 6)],
        "2024-02-29",
        "green",
        "基本符合时序进度",
        15 - 200 / 12,
        year=2024,
    ),
    Row(
        "no progress once the first cycle has passed: grey and stale",
        FARMLAND,
        [],
        JUN,
        "grey",
        "未报送",
        None,
        stale=True,
    ),
    Row("no progress in the first weeks: grey, not yet due", FARMLAND, [], "2025-01-20", "grey", "未到报送期", None),
    Row(
        "a green item not updated for a month turns yellow",
        FARMLAND,
        [cum("K01", "2025-04-30", 20)],
        JUN,
        "yellow",
        "符合时序进度（数据过期）",
        0,
        stale=True,
    ),
    Row(
        "a quarterly reporter is fresh two months after its report",
        QUARTERLY,
        [cum("K02", "2025-04-30", 20)],
        JUN,
        "green",
        "符合时序进度",
        0,
    ),
    Row(
        "a plan with stricter thresholds turns yellow sooner",
        FARMLAND,
        [cum("K01", JUN, 19)],
        JUN,
        "yellow",
        "落后时序进度",
        -2.5,
        thresholds={"cumulative_yellow_gap_pp": 2.0},
    ),
    Row(
        "a plan that counts days at month ends",
        FARMLAND,
        [cum("K01", JUN, 20)],
        JUN,
        "green",
        "快于时序进度",
        50 - 181 / 365 * 100,
        thresholds={"time_progress_by_days": True},
    ),
]


@pytest.mark.parametrize("row", CUMULATIVE_ROWS, ids=ids(CUMULATIVE_ROWS))
def test_cumulative_items_are_measured_against_time_progress(row: Row) -> None:
    run(row)


# ------------------------------------------------------------------ rate targets


def target(code: str, indicator: str, value: float, qualifier=None, high=None, measure=TargetMeasure.GROWTH, unit="%"):
    return Target(code, indicator, measure, value, unit, value_high=high, qualifier=qualifier, owner_unit="江川统计局")


GDP = target("T01", "gdp", 6, Qualifier.ABOUT)
TRADE = target("T02", "foreign_trade", 3)
INDUSTRY = target("T03", "industrial_va", 5, high=5.5)
CPI = target("T04", "cpi", 2, Qualifier.ABOUT)
JOBLESS = target("T05", "urban_unemployment_rate", 5.5, Qualifier.UNDER, measure=TargetMeasure.RATIO)
RND = target("T06", "rd_intensity", 2.5, Qualifier.OVER, measure=TargetMeasure.RATIO)
ENERGY = target("T07", "energy_intensity", -2.5)
GRAIN = target("T08", "grain_output", 1200, Qualifier.OVER, measure=TargetMeasure.LEVEL, unit="万吨")
JOBS = Target("T09", "new_urban_jobs", TargetMeasure.LEVEL, 6, "万人", cumulative=True)
INCOME = target("T10", "disposable_income", 5, Qualifier.AT_LEAST)


def ytd(code: str, value: float, day: str = JUN) -> list[ProgressRecord]:
    return [cum(code, day, value)]


RATE_ROWS = [
    Row("GDP on target", GDP, ytd("T01", 6.0), JUN, "green", "达到目标", 0),
    Row("GDP within 左右 below", GDP, ytd("T01", 5.6), JUN, "green", "基本达到目标", -0.4),
    Row("GDP at the edge of 左右", GDP, ytd("T01", 5.5), JUN, "green", "基本达到目标", -0.5),
    Row("GDP just outside 左右", GDP, ytd("T01", 5.2), JUN, "yellow", "略低于目标", -0.8),
    Row("GDP a full point outside 左右", GDP, ytd("T01", 4.5), JUN, "red", "低于目标", -1.5),
    Row("GDP above target", GDP, ytd("T01", 7.0), JUN, "green", "好于目标", 1),
    Row("no time scaling mid-April", GDP, ytd("T01", 6.1, "2025-04-15"), "2025-04-15", "green", "达到目标", 0.1),
    Row(
        "the latest year-to-date figure is used",
        GDP,
        [cum("T01", "2025-03-31", 5.0), cum("T01", JUN, 5.8)],
        JUN,
        "green",
        "基本达到目标",
        -0.2,
    ),
    Row("a negative growth against a growth target", TRADE, ytd("T02", -2.1), JUN, "red", "低于目标", -5.1),
    Row("inside a range", INDUSTRY, ytd("T03", 5.2), JUN, "green", "达到目标", 0),
    Row("below a range", INDUSTRY, ytd("T03", 4.8), JUN, "yellow", "略低于目标", -0.2),
    Row("far below a range", INDUSTRY, ytd("T03", 3.9), JUN, "red", "低于目标", -1.1),
    Row("above a range", INDUSTRY, ytd("T03", 6.0), JUN, "green", "好于目标", 0.5),
    Row("CPI within 2%左右 above", CPI, ytd("T04", 2.3), JUN, "green", "基本控制在目标内", 0.3),
    Row("CPI over its ceiling", CPI, ytd("T04", 2.8), JUN, "yellow", "略超控制目标", 0.8),
    Row("CPI far over its ceiling", CPI, ytd("T04", 3.6), JUN, "red", "超出控制目标", 1.6),
    Row("CPI well under its ceiling", CPI, ytd("T04", 0.4), JUN, "green", "好于目标", -1.6),
    Row("unemployment at 5.5%以内", JOBLESS, ytd("T05", 5.5), JUN, "green", "控制在目标内", 0),
    Row("unemployment just over 5.5%以内", JOBLESS, ytd("T05", 5.6), JUN, "yellow", "略超控制目标", 0.1),
    Row("unemployment a point over", JOBLESS, ytd("T05", 6.6), JUN, "red", "超出控制目标", 1.1),
    Row("R&D intensity short of its floor", RND, ytd("T06", 2.4), JUN, "yellow", "略低于目标", -0.1),
    Row("R&D intensity over its floor", RND, ytd("T06", 2.6), JUN, "green", "好于目标", 0.1),
    Row("energy intensity falls more than required", ENERGY, ytd("T07", -3.0), JUN, "green", "好于目标", -0.5),
    Row("energy intensity falls less than required", ENERGY, ytd("T07", -2.0), JUN, "yellow", "略超控制目标", 0.5),
    Row("grain a little under its floor (0.4%)", GRAIN, ytd("T08", 1195), JUN, "yellow", "略低于目标", -5),
    Row("grain well under its floor (4.2%)", GRAIN, ytd("T08", 1150), JUN, "red", "低于目标", -50),
    Row("income at 不低于 its floor", INCOME, ytd("T10", 5.0), JUN, "green", "达到目标", 0),
    Row("a cumulative level target runs on time progress", JOBS, ytd("T09", 3.3), JUN, "green", "快于时序进度", 5),
    Row("a target never reported", GDP, [], JUN, "grey", "未报送", None, stale=True),
    Row("a plan that tolerates a small shortfall", GDP, ytd("T01", 5.2), JUN, "green", "基本达到目标", -0.8,
        thresholds={"rate_yellow_shortfall_pp": 0.5}),
    Row("a plan with a tighter red line", GDP, ytd("T01", 5.2), JUN, "red", "低于目标", -0.8,
        thresholds={"rate_red_shortfall_pp": 0.3}),
    Row(
        "a quarterly figure two months old is stale",
        GDP,
        ytd("T01", 6.0, "2025-03-31"),
        JUN,
        "yellow",
        "达到目标（数据过期）",
        0,
        stale=True,
    ),
]


@pytest.mark.parametrize("row", RATE_ROWS, ids=ids(RATE_ROWS))
def test_rate_targets_are_compared_with_the_target_directly(row: Row) -> None:
    run(row)


# ------------------------------------------------------------------ milestones


def task(*dues: str) -> KeyTask:
    milestones = [Milestone(str(n), f"第{n}步", date.fromisoformat(d)) for n, d in enumerate(dues, start=1)]
    return KeyTask("K10", "建设概念验证中心", "A03", "江川市科技局", milestones=milestones)


FRESH = done("K10", "2025-06-25", "0")  # a report that marks nothing due, to keep the task fresh

MILESTONE_ROWS = [
    Row("first step done, next later", task("2025-03-31", "2025-09-30"), [done("K10", "2025-03-20", "1"), FRESH],
        JUN, "green", "按计划推进"),
    Row("a step past due and not done", task("2025-05-31"), [FRESH], JUN, "red", "节点逾期", overdue=True),
    Row("a step due today", task(JUN), [FRESH], JUN, "yellow", "节点今日到期"),
    Row("a step due within the warning days", task("2025-07-10"), [FRESH], JUN, "yellow", "节点临近到期"),
    Row("a step due after the warning days", task("2025-07-20"), [FRESH], JUN, "green", "按计划推进"),
    Row("every step done", task("2025-03-31", JUN),
        [done("K10", "2025-03-30", "1"), done("K10", "2025-06-20", "2")], JUN, "green", "已完成"),
    Row("a step done late still counts as done", task("2025-03-31"), [done("K10", "2025-04-15", "1")],
        "2025-04-30", "green", "已完成"),
    Row("a step done after the as-of date is not done yet", task("2025-05-31"),
        [FRESH, done("K10", "2025-07-05", "1")], JUN, "red", "节点逾期", overdue=True),
    Row("never reported and nothing due: grey and stale", task("2025-09-30"), [], JUN, "grey",
        "未报送", stale=True),
    Row("never reported and overdue: red", task("2025-05-31"), [], JUN, "red", "节点逾期",
        stale=True, overdue=True),
    Row("a task with neither quantity nor milestones is not measured",
        KeyTask("K10", "研究制定产业政策", "A03", "江川市科技局"), [], JUN, "grey", "无考核要求"),
    Row("a longer warning window", task("2025-07-20"), [FRESH], JUN, "yellow", "节点临近到期",
        thresholds={"milestone_warning_days": 30}),
]


@pytest.mark.parametrize("row", MILESTONE_ROWS, ids=ids(MILESTONE_ROWS))
def test_milestones_are_measured_against_their_due_dates(row: Row) -> None:
    run(row)


# ------------------------------------------------------------------ projects


def project(stage: ProjectStage, start: str | None = None, finish: str | None = None, annual: float = 10000) -> Project:
    return Project(
        "P01",
        "江川港二期",
        "江川港务集团",
        "D01",
        "交通",
        stage,
        80000,
        annual,
        planned_start=date.fromisoformat(start) if start else None,
        planned_finish=date.fromisoformat(finish) if finish else None,
    )


BUILDING = ProjectStage.UNDER_CONSTRUCTION
NEW = ProjectStage.NEW_START

PROJECT_ROWS = [
    Row("investment ahead of time", project(BUILDING), [cum("P01", JUN, 5200)], JUN, "green",
        "快于时序进度", 2),
    Row("investment far behind", project(BUILDING), [cum("P01", JUN, 3000)], JUN, "red",
        "严重滞后", -20),
    Row("should have started but has not", project(NEW, "2025-04-01"), [], JUN, "yellow", "应开工未开工",
        stale=True, overdue=True),
    Row("started late and behind on investment", project(NEW, "2025-04-01"),
        [staged("P01", "2025-04-10", NEW), cum("P01", JUN, 4000)], JUN, "yellow", "落后时序进度",
        -10),
    Row("investment reported means work has started", project(NEW, "2025-04-01"), [cum("P01", JUN, 5000)],
        JUN, "green", "符合时序进度", 0),
    Row("planned start still ahead", project(NEW, "2025-09-01"), [], JUN, "grey", "未到开工时间"),
    Row("planned start is today", project(NEW, JUN), [], JUN, "grey", "未到开工时间"),
    Row("a reserve project with no start this year", project(ProjectStage.RESERVE, annual=0), [], JUN,
        "grey", "储备项目"),
    Row("a reserve project due to start this year", project(ProjectStage.RESERVE, "2025-05-01"), [], JUN,
        "yellow", "应开工未开工", stale=True, overdue=True),
    Row("past planned finish and not completed", project(BUILDING, finish="2025-05-31"),
        [cum("P01", JUN, 9000)], JUN, "red", "逾期未竣工", 40, overdue=True),
    Row("completed after the planned finish", project(BUILDING, finish="2025-05-31"),
        [staged("P01", "2025-06-10", ProjectStage.COMPLETED, 10000)], JUN, "green", "延期竣工", 50),
    Row("completed on time", project(BUILDING, finish="2025-12-31"),
        [staged("P01", "2025-06-20", ProjectStage.COMPLETED, 10000)], JUN, "green", "已竣工", 50),
]


@pytest.mark.parametrize("row", PROJECT_ROWS, ids=ids(PROJECT_ROWS))
def test_projects_are_measured_on_investment_and_dates(row: Row) -> None:
    run(row)


# ------------------------------------------------------------------ livelihood items

CANTEENS = LivelihoodItem("L01", "新建社区老年食堂", "江川市民政局", 40, "个")

LIVELIHOOD_ROWS = [
    Row("half the year, half the work", CANTEENS, [cum("L01", JUN, 20)], JUN, "green",
        "符合时序进度", 0),
    Row("any lag behind time turns yellow", CANTEENS, [cum("L01", JUN, 19.6)], JUN, "yellow",
        "落后时序进度", -1),
    Row("far behind is red", CANTEENS, [cum("L01", JUN, 12)], JUN, "red", "严重滞后", -20),
    Row("more than the goal", CANTEENS, [cum("L01", JUN, 44)], JUN, "green", "超额完成", 60),
]


@pytest.mark.parametrize("row", LIVELIHOOD_ROWS, ids=ids(LIVELIHOOD_ROWS))
def test_livelihood_items_must_keep_up_with_time(row: Row) -> None:
    run(row)


# ------------------------------------------------------------------ reporting cycles and freshness

GRAIN_YEARLY = Target(
    "T20", "grain_output", TargetMeasure.LEVEL, 128, "万吨", qualifier=Qualifier.AT_LEAST,
    reporting_cycle=ReportingCycle.ANNUAL,
)
RND_YEARLY = Target(
    "T21", "rd_intensity", TargetMeasure.RATIO, 2.65, "%", qualifier=Qualifier.OVER,
    reporting_cycle=ReportingCycle.ANNUAL,
)
INCOME_HALF_YEARLY = Target(
    "T22", "disposable_income", TargetMeasure.GROWTH, 5.8, "%", qualifier=Qualifier.ABOUT,
    reporting_cycle=ReportingCycle.SEMIANNUAL,
)
GRAIN_QUARTERLY = Target(
    "T23", "grain_output", TargetMeasure.LEVEL, 128, "万吨", qualifier=Qualifier.AT_LEAST,
    reporting_cycle=ReportingCycle.QUARTERLY,
)
TWO_STEPS = KeyTask(
    "K20", "建设市级数据交易平台", "A04", "江川市数据局",
    milestones=[Milestone("1", "完成平台招标", date(2025, 3, 31)), Milestone("2", "平台上线试运行", date(2025, 9, 30))],
)
MARCH_STEP = done("K20", "2025-03-25", "1")

CYCLE_ROWS = [
    Row("an annual statistic with no figure in June is not yet due", GRAIN_YEARLY, [], JUN, "grey", "未到报送期"),
    Row("an annual ratio with no figure in December is still not due", RND_YEARLY, [], "2025-12-31", "grey",
        "未到报送期"),
    Row("an annual figure reported in January stays fresh all year", RND_YEARLY, ytd("T21", 2.7, "2025-01-31"),
        "2025-12-31", "green", "好于目标", 0.05),
    Row("a half-yearly figure not due at the end of June", INCOME_HALF_YEARLY, [], JUN, "grey", "未到报送期"),
    Row("a half-yearly figure overdue in mid-July", INCOME_HALF_YEARLY, [], "2025-07-15", "grey", "未报送",
        stale=True),
    Row("a half-yearly figure is fresh five months after it came", INCOME_HALF_YEARLY,
        ytd("T22", 5.9, "2025-06-30"), "2025-11-30", "green", "达到目标", 0.1),
    Row("a half-yearly figure goes stale after half a year", INCOME_HALF_YEARLY,
        ytd("T22", 5.9, "2025-03-31"), "2025-10-31", "yellow", "达到目标（数据过期）", 0.1, stale=True),
    Row("the same statistic on a quarterly cycle is stale in June", GRAIN_QUARTERLY, [], JUN, "grey", "未报送",
        stale=True),
    Row("a milestone task with only its March step reported is stale in June", TWO_STEPS, [MARCH_STEP], JUN,
        "yellow", "按计划推进（数据过期）", stale=True),
    Row("a monthly narrative keeps a milestone task fresh between steps", TWO_STEPS,
        [MARCH_STEP, note("K20", "2025-05-31", "完成平台开发80%"), note("K20", JUN, "开展联调测试")], JUN,
        "green", "按计划推进"),
    Row("a narrative that stopped in April leaves the task stale", TWO_STEPS,
        [MARCH_STEP, note("K20", "2025-04-30", "完成需求调研")], JUN, "yellow", "按计划推进（数据过期）",
        stale=True),
    Row("a narrative does not mark an overdue step done", task("2025-05-31"),
        [note("K10", JUN, "招标文件正在审核")], JUN, "red", "节点逾期", overdue=True),
    Row("a narrative alone on a quantified task keeps it fresh but measures nothing", FARMLAND,
        [note("K01", JUN, "项目正在招标")], JUN, "grey", "未报送"),
]


@pytest.mark.parametrize("row", CYCLE_ROWS, ids=ids(CYCLE_ROWS))
def test_freshness_follows_the_reporting_cycle_and_narrative_reports(row: Row) -> None:
    run(row)


def test_an_item_not_yet_due_says_so_and_raises_no_alert() -> None:
    status = status_of(GRAIN_YEARLY, [], JUN)
    assert "年报事项，年内首次报送期未到（周期366天），不作预警" in status.explanation
    assert "尚未报送进展" not in status.explanation
    board = board_of(GRAIN_YEARLY, [], JUN)
    assert board.alerts() == []


def test_the_latest_narrative_is_quoted_with_its_unit_and_date() -> None:
    records = [MARCH_STEP, note("K20", "2025-05-31", "完成平台开发80%"), note("K20", JUN, "开展联调测试")]
    status = status_of(TWO_STEPS, records, JUN)
    assert "情况说明（江川市统计局 2025-06-30 报送）：开展联调测试" in status.explanation
    assert "完成平台开发80%" not in status.explanation
    assert status.last_report == date(2025, 6, 30)


# ------------------------------------------------------------------ 左右 tolerance per plan

TOLERANCE_ROWS = [
    Row("the default 左右 allows half a point", GDP, ytd("T01", 5.5), JUN, "green", "基本达到目标", -0.5),
    Row("a plan allowing 0.3 points finds 5.5% short of 6%左右", GDP, ytd("T01", 5.5), JUN, "yellow",
        "略低于目标", -0.5, thresholds={"about_tolerance_pp": 0.3}),
    Row("a plan allowing 0.3 points accepts 5.7%", GDP, ytd("T01", 5.7), JUN, "green", "基本达到目标", -0.3,
        thresholds={"about_tolerance_pp": 0.3}),
    Row("a plan allowing a full point accepts 5.2%", GDP, ytd("T01", 5.2), JUN, "green", "基本达到目标", -0.8,
        thresholds={"about_tolerance_pp": 1.0}),
    Row("a zero tolerance reads 左右 as exact", CPI, ytd("T04", 2.1), JUN, "yellow", "略超控制目标", 0.1,
        thresholds={"about_tolerance_pp": 0.0}),
    Row("a wider tolerance also widens the ceiling", CPI, ytd("T04", 2.8), JUN, "green", "基本控制在目标内", 0.8,
        thresholds={"about_tolerance_pp": 1.0}),
    Row("the tolerance does not touch targets without 左右", TRADE, ytd("T02", 2.8), JUN, "yellow", "略低于目标",
        -0.2, thresholds={"about_tolerance_pp": 1.0}),
]


@pytest.mark.parametrize("row", TOLERANCE_ROWS, ids=ids(TOLERANCE_ROWS))
def test_the_about_tolerance_is_a_plan_setting(row: Row) -> None:
    run(row)


def test_the_explanation_names_the_plans_about_tolerance() -> None:
    status = status_of(GDP, ytd("T01", 5.8), JUN, about_tolerance_pp=0.3)
    assert "在“左右”允许的±0.3个百分点范围内" in status.explanation
