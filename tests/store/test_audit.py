"""Every change leaves an audit row; saving the same data again changes nothing."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from planwatch.plan.model import PlanData, ProgressRecord
from planwatch.store import Store


def test_a_first_save_inserts_everything_and_audits_each_record(store: Store, plan_data: PlanData) -> None:
    summary = store.save_plan_data(plan_data, user="规划处")
    assert summary["project"].inserted == 2
    assert summary["progress"].inserted == 6
    assert summary["milestone"].inserted == 2
    assert summary.updated == summary.unchanged == 0
    assert store.audit_count() == summary.inserted
    entry = store.audit_log(limit=1, table="projects", key="JC2025/P001")[0]
    assert (entry.user, entry.action, entry.before) == ("规划处", "insert", None)
    assert entry.after["name"] == "江川大道快速化改造"
    assert entry.at.tzinfo is not None


def test_saving_the_same_plan_twice_changes_nothing_and_adds_no_audit_rows(store: Store, plan_data: PlanData) -> None:
    store.save_plan_data(plan_data, user="规划处")
    rows = store.audit_count()
    again = store.save_plan_data(plan_data, user="规划处")
    assert not again.changed
    assert again.unchanged == sum(c.total for c in again.counts.values())
    assert store.audit_count() == rows


def test_an_edited_project_is_updated_with_before_and_after_in_the_audit(store: Store, plan_data: PlanData) -> None:
    store.save_plan_data(plan_data, user="规划处")
    plan_data.projects[0] = replace(plan_data.projects[0], annual_planned_investment=50000.0)
    summary = store.save_plan_data(plan_data, user="张三")
    assert (summary["project"].updated, summary["project"].unchanged) == (1, 1)
    entry = store.audit_log(limit=1)[0]
    assert (entry.user, entry.action, entry.table, entry.key) == ("张三", "update", "projects", "JC2025/P001")
    assert (entry.before["annual_planned_investment"], entry.after["annual_planned_investment"]) == (42000.0, 50000.0)
    assert store.load_plan_data("JC2025").projects[0].annual_planned_investment == 50000.0


def test_a_milestone_dropped_from_a_task_is_deleted_and_audited(store: Store, plan_data: PlanData) -> None:
    store.save_plan_data(plan_data, user="规划处")
    plan_data.tasks[0].milestones.pop()
    summary = store.save_plan_data(plan_data, user="规划处")
    assert summary["milestone"].deleted == 1
    entry = store.audit_log(limit=1)[0]
    assert (entry.action, entry.key, entry.after) == ("delete", "JC2025/K01/2", None)
    assert [m.key for m in store.load_plan_data("JC2025").tasks[0].milestones] == ["1"]


def test_added_progress_is_audited_and_a_corrected_figure_is_an_update(store: Store, plan_data: PlanData) -> None:
    store.save_plan_data(plan_data, user="规划处")
    first = store.add_progress("JC2025", [ProgressRecord("T-JOB", date(2025, 6, 30), 3.4)], user="市人力社保局")
    assert first["progress"].inserted == 1
    fixed = store.add_progress("JC2025", [ProgressRecord("T-JOB", date(2025, 6, 30), 3.5)], user="市人力社保局")
    assert fixed["progress"].updated == 1
    entry = store.audit_log(limit=1)[0]
    assert (entry.key, entry.before["value"], entry.after["value"]) == ("JC2025/T-JOB/2025-06-30", 3.4, 3.5)
    same = store.add_progress("JC2025", [ProgressRecord("T-JOB", date(2025, 6, 30), 3.5)], user="市人力社保局")
    assert not same.changed


def test_a_deleted_progress_record_leaves_its_last_state_in_the_audit(store: Store, plan_data: PlanData) -> None:
    store.save_plan_data(plan_data, user="规划处")
    assert store.delete_progress("JC2025", "L01", date(2025, 6, 30), user="规划处")
    entry = store.audit_log(limit=1)[0]
    assert (entry.action, entry.before["value"]) == ("delete", 22.0)
    assert not store.delete_progress("JC2025", "L01", date(2025, 6, 30), user="规划处")
