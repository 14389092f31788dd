"""Annual and half-yearly cycles, the 左右 tolerance and narrative-only reports survive the store."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

from sqlalchemy import text

from planwatch.monitor import evaluate
from planwatch.plan.model import (
    KeyTask,
    LivelihoodItem,
    Milestone,
    Plan,
    PlanData,
    ProgressRecord,
    Project,
    ProjectStage,
    Qualifier,
    Region,
    ReportingCycle,
    Source,
    StatusThresholds,
    Target,
    TargetMeasure,
)
from planwatch.store import Store

ANNUAL, SEMIANNUAL = ReportingCycle.ANNUAL, ReportingCycle.SEMIANNUAL
UNIT = Source(unit="市数据局")


def yearly_plan() -> PlanData:
    """A plan whose items use the new cycles and whose 左右 tolerance is not the default."""
    return PlanData(
        plan=Plan("JC2025", "JC", 2025, "江川市2025年计划", thresholds=StatusThresholds(about_tolerance_pp=0.3)),
        regions=[Region("JC", "江川市"), Region("JC-DH", "东湖区", "JC", "district")],
        targets=[
            Target("T13", "grain_output", TargetMeasure.LEVEL, 128.0, "万吨", qualifier=Qualifier.AT_LEAST,
                   reporting_cycle=ANNUAL),
            Target("T07", "disposable_income", TargetMeasure.GROWTH, 5.8, "%", qualifier=Qualifier.ABOUT,
                   reporting_cycle=SEMIANNUAL),
        ],
        tasks=[
            KeyTask("K01", "建设市级数据交易平台", None, "市数据局",
                    milestones=[Milestone("1", "完成平台招标", date(2025, 3, 31)),
                                Milestone("2", "平台上线试运行", date(2025, 9, 30))],
                    reporting_cycle=SEMIANNUAL),
        ],
        projects=[
            Project("P001", "东湖数据中心", "江川大数据集团", "JC-DH", "数字基建", ProjectStage.UNDER_CONSTRUCTION,
                    50000.0, 12000.0, reporting_cycle=ANNUAL),
        ],
        livelihood_items=[LivelihoodItem("M01", "新建社区食堂", "市民政局", 40.0, "个", reporting_cycle=ANNUAL)],
        progress=[
            ProgressRecord("K01", date(2025, 3, 25), milestone_key="1", narrative="完成招标", source=UNIT),
            ProgressRecord("K01", date(2025, 4, 30), narrative="完成需求调研", source=UNIT),
            ProgressRecord("K01", date(2025, 5, 31), narrative="完成平台开发80%", source=UNIT),
            ProgressRecord("K01", date(2025, 6, 30), narrative="开展联调测试", source=UNIT),
        ],
    )


def test_new_cycles_and_the_tolerance_load_back_as_saved(store: Store) -> None:
    data = yearly_plan()
    store.save_plan_data(data, user="规划处")
    loaded = store.load_plan_data("JC2025")
    assert loaded == data
    assert [t.reporting_cycle for t in loaded.targets] == [ANNUAL, SEMIANNUAL]
    assert loaded.plan.thresholds.about_tolerance_pp == 0.3
    assert store.list_plans()[0].thresholds.about_tolerance_pp == 0.3


def test_saving_the_same_plan_again_changes_nothing(store: Store) -> None:
    store.save_plan_data(yearly_plan(), user="规划处")
    summary = store.save_plan_data(yearly_plan(), user="规划处")
    assert not summary.changed


def test_a_changed_tolerance_is_an_update_of_the_plan(store: Store) -> None:
    store.save_plan_data(yearly_plan(), user="规划处")
    data = yearly_plan()
    data.plan = replace(data.plan, thresholds=StatusThresholds(about_tolerance_pp=1.0))
    store.save_plan_data(data, user="规划处")
    assert store.load_plan_data("JC2025").plan.thresholds.about_tolerance_pp == 1.0


def test_thresholds_stored_before_the_tolerance_existed_load_with_the_default(store: Store) -> None:
    store.save_plan_data(yearly_plan(), user="规划处")
    older = {"cumulative_yellow_gap_pp": 4.0, "a_setting_from_a_later_version": 7}
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE plans SET thresholds = :t WHERE code = 'JC2025'"), {"t": json.dumps(older)})
    thresholds = store.load_plan_data("JC2025").plan.thresholds
    assert (thresholds.cumulative_yellow_gap_pp, thresholds.about_tolerance_pp) == (4.0, 0.5)


def test_narrative_only_reports_are_kept_and_the_latest_one_survives_the_reduction(store: Store) -> None:
    store.save_plan_data(yearly_plan(), user="规划处")
    full = store.load_plan_data("JC2025").progress
    assert [(r.as_of.month, r.milestone_key, r.narrative) for r in full] == [
        (3, "1", "完成招标"),
        (4, None, "完成需求调研"),
        (5, None, "完成平台开发80%"),
        (6, None, "开展联调测试"),
    ]
    reduced = store.load_plan_data("JC2025", as_of=date(2025, 6, 30), latest_only=True).progress
    assert sorted((r.as_of, r.milestone_key or "", r.narrative) for r in reduced) == [
        (date(2025, 3, 25), "1", "完成招标"),
        (date(2025, 6, 30), "", "开展联调测试"),
    ]
    as_of_may = store.load_plan_data("JC2025", as_of=date(2025, 5, 31), latest_only=True).progress
    assert max(r.as_of for r in as_of_may) == date(2025, 5, 31)


def test_a_milestone_task_with_monthly_narratives_is_fresh_from_the_reduced_load(store: Store) -> None:
    store.save_plan_data(yearly_plan(), user="规划处")
    data = yearly_plan()
    data.tasks[0].reporting_cycle = ReportingCycle.MONTHLY
    store.save_plan_data(data, user="规划处")
    as_of = date(2025, 6, 30)
    reduced = evaluate(store.load_plan_data("JC2025", as_of=as_of, latest_only=True), as_of)
    full = evaluate(store.load_plan_data("JC2025"), as_of)
    for board in (reduced, full):
        task = next(i for i in board.items if i.code == "K01")
        assert (task.light, task.state, task.stale) == ("green", "按计划推进", False)
        assert "：开展联调测试" in task.explanation and "情况说明（市数据局" in task.explanation
    grain = next(i for i in reduced.items if i.code == "T13")
    assert (grain.light, grain.state, grain.stale) == ("grey", "未到报送期", False)
