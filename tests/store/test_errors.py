"""Bad saves are refused whole, with a Chinese message naming the code at fault."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from planwatch.plan.model import PlanData, ProgressRecord
from planwatch.store import Store, StoreError


def _counts(store: Store) -> tuple[int, int]:
    return store.audit_count(), len(store.list_plans())


def test_progress_for_an_unknown_item_is_refused_and_nothing_is_written(store: Store, plan_data: PlanData) -> None:
    plan_data.progress.append(ProgressRecord("P999", date(2025, 6, 30), 100.0))
    with pytest.raises(StoreError, match="P999"):
        store.save_plan_data(plan_data, user="规划处")
    assert _counts(store) == (0, 0)


def test_added_progress_for_an_unknown_item_rolls_back_the_whole_batch(store: Store, plan_data: PlanData) -> None:
    store.save_plan_data(plan_data, user="规划处")
    before = store.audit_count()
    batch = [ProgressRecord("T-JOB", date(2025, 6, 30), 3.4), ProgressRecord("NOPE", date(2025, 6, 30), 1.0)]
    with pytest.raises(StoreError, match="未知的项目编码 NOPE"):
        store.add_progress("JC2025", batch, user="市人力社保局")
    assert store.audit_count() == before
    assert all(p.item_code != "T-JOB" for p in store.load_plan_data("JC2025").progress)


def test_a_code_used_twice_in_one_plan_is_refused(store: Store, plan_data: PlanData) -> None:
    plan_data.livelihood_items.append(replace(plan_data.livelihood_items[0], code="P001"))
    with pytest.raises(StoreError, match="项目编码 P001 重复"):
        store.save_plan_data(plan_data, user="规划处")
    assert _counts(store) == (0, 0)


def test_a_code_already_used_by_another_kind_of_item_is_refused(store: Store, plan_data: PlanData) -> None:
    store.save_plan_data(plan_data, user="规划处")
    later = PlanData(plan=plan_data.plan, livelihood_items=[replace(plan_data.livelihood_items[0], code="K01")])
    before = store.audit_count()
    with pytest.raises(StoreError, match="K01 已用于重点任务"):
        store.save_plan_data(later, user="规划处")
    assert store.audit_count() == before


def test_the_same_progress_twice_in_one_batch_is_refused(store: Store, plan_data: PlanData) -> None:
    plan_data.progress.append(replace(plan_data.progress[0], value=6.0))
    with pytest.raises(StoreError, match="进度记录重复：T-GDP 在 2025-03-31"):
        store.save_plan_data(plan_data, user="规划处")
    assert _counts(store) == (0, 0)


def test_a_milestone_report_for_a_milestone_the_task_lacks_is_refused(store: Store, plan_data: PlanData) -> None:
    plan_data.progress.append(ProgressRecord("K01", date(2025, 6, 1), milestone_key="9"))
    with pytest.raises(StoreError, match="K01 没有里程碑 9"):
        store.save_plan_data(plan_data, user="规划处")
    assert _counts(store) == (0, 0)


def test_progress_for_a_plan_not_yet_imported_names_the_plan(store: Store) -> None:
    with pytest.raises(StoreError, match="计划 XX2025 不存在"):
        store.add_progress("XX2025", [ProgressRecord("T1", date(2025, 1, 31), 1.0)], user="规划处")
