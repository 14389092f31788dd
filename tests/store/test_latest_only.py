"""latest_only: the SQL reduction gives the status engine the same numbers as the full history."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from planwatch.plan.model import (
    KeyTask,
    Milestone,
    Plan,
    PlanData,
    ProgressRecord,
    Project,
    ProjectStage,
    Source,
)
from planwatch.store import Store

AS_OF_DATES = [None, date(2025, 3, 31), date(2025, 6, 30), date(2025, 1, 1)]


def random_plan(seed: int) -> PlanData:
    """A plan whose items get a random mix of cumulative, non-cumulative, stage and milestone reports."""
    rng = random.Random(seed)
    projects = [
        Project(f"P{i:03d}", f"项目{i}", "市发展改革委", "JC-DH", "制造业", ProjectStage.NEW_START, 1000.0, 500.0)
        for i in range(40)
    ]
    tasks = [
        KeyTask(
            f"K{i:02d}",
            f"任务{i}",
            None,
            "市科技局",
            milestones=[Milestone(str(k), f"步骤{k}", date(2025, 2 * k, 28)) for k in range(1, 4)],
        )
        for i in range(10)
    ]
    progress: list[ProgressRecord] = []
    for project in projects:
        days = sorted(rng.sample(range(0, 300), rng.randint(0, 8)))
        for day in days:
            as_of = date(2025, 1, 1) + timedelta(days=day)
            progress.append(
                ProgressRecord(
                    project.code,
                    as_of,
                    value=rng.choice([None, round(rng.uniform(1, 90), 2)]),
                    cumulative=rng.random() < 0.3,
                    stage=rng.choice([None, None, ProjectStage.UNDER_CONSTRUCTION, ProjectStage.COMPLETED]),
                    narrative=f"第{day}天",
                    source=Source(unit=f"单位{day % 3}"),
                )
            )
    for task in tasks:
        for milestone in task.milestones:
            if rng.random() < 0.6:
                progress.append(
                    ProgressRecord(
                        task.code, milestone.due - timedelta(days=rng.randint(-20, 20)), milestone_key=milestone.key
                    )
                )
    return PlanData(plan=Plan("R2025", "JC", 2025, "随机计划"), tasks=tasks, projects=projects, progress=progress)


def expected(records: list[ProgressRecord]) -> dict[str, tuple]:
    """Per item from the full history: (cumulative value, milestones done, last report, latest stage)."""
    out = {}
    for code in {r.item_code for r in records}:
        mine = sorted((r for r in records if r.item_code == code), key=lambda r: r.as_of)
        plain = [r for r in mine if r.milestone_key is None and r.value is not None]
        cum = [r for r in plain if r.cumulative]
        base = cum[-1] if cum else None
        later = [r for r in plain if not r.cumulative and (base is None or r.as_of > base.as_of)]
        value = None if base is None and not later else (base.value if base else 0) + sum(r.value for r in later)
        staged = [r for r in mine if r.stage is not None]
        out[code] = (
            None if value is None else round(value, 6),
            sorted(r.milestone_key for r in mine if r.milestone_key),
            mine[-1].as_of,
            staged[-1].stage if staged else None,
        )
    return out


def observed(records: list[ProgressRecord]) -> dict[str, tuple]:
    """The same four things read the way the status engine reads a reduced list."""
    out = {}
    for code in {r.item_code for r in records}:
        mine = sorted((r for r in records if r.item_code == code), key=lambda r: r.as_of)
        assert not any(r.value is not None and not r.cumulative for r in mine), "a non-cumulative amount was left over"
        valued = [r for r in mine if r.value is not None and r.milestone_key is None]
        staged = [r for r in mine if r.stage is not None]
        out[code] = (
            round(valued[-1].value, 6) if valued else None,
            sorted(r.milestone_key for r in mine if r.milestone_key),
            mine[-1].as_of,
            staged[-1].stage if staged else None,
        )
    return out


@pytest.mark.parametrize("seed", [1, 2])
def test_the_reduced_progress_gives_the_same_status_inputs_as_the_full_history(store: Store, seed: int) -> None:
    data = random_plan(seed)
    store.save_plan_data(data, user="测试")
    for as_of in AS_OF_DATES:
        full = [r for r in data.progress if as_of is None or r.as_of <= as_of]
        reduced = store.load_plan_data("R2025", as_of=as_of, latest_only=True).progress
        assert observed(reduced) == expected(full), f"as of {as_of}"
        assert len(reduced) <= len(full)


@pytest.mark.parametrize("seed", [1, 2])
def test_a_few_items_read_by_code_get_the_same_status_inputs_as_the_full_history(store: Store, seed: int) -> None:
    """What a board brought up to date reads for the items a write touched, at dates before their last reports."""
    data = random_plan(seed)
    store.save_plan_data(data, user="测试")
    codes = sorted({r.item_code for r in data.progress})[::4]
    for as_of in AS_OF_DATES:
        full = [r for r in data.progress if r.item_code in codes and (as_of is None or r.as_of <= as_of)]
        part = store.load_plan_data("R2025", as_of=as_of, latest_only=True, codes=codes).progress
        assert {r.item_code for r in part} <= set(codes)
        assert observed(part) == expected(full), f"as of {as_of}"


def test_monthly_amounts_after_a_cumulative_report_are_added_to_it(store: Store) -> None:
    data = random_plan(3)
    data.progress = [
        ProgressRecord("P001", date(2025, 1, 31), 10.0, cumulative=False),
        ProgressRecord("P001", date(2025, 3, 31), 100.0, cumulative=True, source=Source(unit="市统计局")),
        ProgressRecord("P001", date(2025, 4, 30), 20.0, cumulative=False),
        ProgressRecord("P001", date(2025, 5, 31), 30.0, cumulative=False, source=Source(unit="东湖区")),
    ]
    store.save_plan_data(data, user="测试")
    reduced = store.load_plan_data("R2025", latest_only=True).progress
    latest = max((r for r in reduced if r.value is not None), key=lambda r: r.as_of)
    assert (latest.value, latest.as_of, latest.cumulative, latest.source.unit) == (
        150.0,
        date(2025, 5, 31),
        True,
        "东湖区",
    )
