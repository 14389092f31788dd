"""A plan save is the whole plan: stored items it leaves out are listed, and deleted only when asked."""

from __future__ import annotations

from copy import deepcopy
from datetime import date

import pytest
from sqlalchemy import func, select

from planwatch.plan.model import PlanData, ProgressRecord
from planwatch.store import Store, StoreError
from planwatch.store.tables import MilestoneRow, ProgressLatestRow, ProgressRow


def without(data: PlanData, *codes: str) -> PlanData:
    """Return a copy of the plan with the items of ``codes`` (and their progress) left out."""
    data = deepcopy(data)
    data.targets = [t for t in data.targets if t.code not in codes]
    data.tasks = [t for t in data.tasks if t.code not in codes]
    data.projects = [p for p in data.projects if p.code not in codes]
    data.livelihood_items = [i for i in data.livelihood_items if i.code not in codes]
    data.progress = [r for r in data.progress if r.item_code not in codes]
    return data


def rows_of(store: Store, table, *where) -> int:
    with store.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table).where(*where)).scalar_one()


def codes_of(data: PlanData) -> set[str]:
    return {item.code for item in data.items()}


def test_items_left_out_of_a_save_are_listed_with_their_milestones_and_progress_and_kept(
    store: Store, plan_data: PlanData
) -> None:
    store.save_plan_data(plan_data, user="规划处")
    audit_rows = store.audit_count()
    summary = store.save_plan_data(without(plan_data, "K01", "P002"), user="规划处")
    assert [(i.kind, i.code, i.name, i.milestones, i.progress) for i in summary.absent] == [
        ("task", "K01", "建设江川概念验证中心", 2, 1),
        ("project", "P002", "西山储能电站", 0, 0),
    ]
    assert summary.removed == [] and summary.deleted == 0 and not summary.changed
    assert store.audit_count() == audit_rows
    assert codes_of(store.load_plan_data("JC2025")) == codes_of(plan_data)
    text = summary.describe()
    assert "警告：库中有 2 项不在本次文件中（未删除）" in text
    assert "重点任务 K01 建设江川概念验证中心（节点 2 个，进度记录 1 条）" in text
    assert "--replace" in text


def test_a_replacing_save_deletes_left_out_items_with_their_milestones_and_progress(
    store: Store, plan_data: PlanData
) -> None:
    store.save_plan_data(plan_data, user="规划处")
    summary = store.save_plan_data(without(plan_data, "K01", "P001"), user="规划处", absent="replace")
    assert [(i.code, i.milestones, i.progress) for i in summary.removed] == [("K01", 2, 1), ("P001", 0, 2)]
    assert (summary["task"].deleted, summary["project"].deleted) == (1, 1)
    assert (summary["milestone"].deleted, summary["progress"].deleted) == (2, 3)
    stored = store.load_plan_data("JC2025")
    assert codes_of(stored) == codes_of(plan_data) - {"K01", "P001"}
    assert {r.item_code for r in stored.progress} == {"T-GDP", "L01"}
    assert rows_of(store, MilestoneRow.__table__) == 0
    assert rows_of(store, ProgressRow.__table__, ProgressRow.item_code.in_(["K01", "P001"])) == 0
    assert rows_of(store, ProgressLatestRow.__table__, ProgressLatestRow.item_code.in_(["K01", "P001"])) == 0
    latest = store.load_plan_data("JC2025", as_of=date(2025, 6, 30), latest_only=True)
    assert {r.item_code for r in latest.progress} == {"T-GDP", "L01"}
    text = summary.describe()
    assert "已删除库中不在本次文件中的 2 项" in text
    assert "重大项目 P001 江川大道快速化改造（进度记录 2 条）" in text


def test_every_row_a_replacing_save_deletes_is_audited_with_the_row_before_and_nothing_after(
    store: Store, plan_data: PlanData
) -> None:
    store.save_plan_data(plan_data, user="规划处")
    before = store.audit_count()
    store.save_plan_data(without(plan_data, "K01", "P001"), user="李四", absent="replace")
    entries = store.audit_log(limit=100)[: store.audit_count() - before]
    assert len(entries) == 1 + 2 + 1 + 1 + 2  # task, milestones, its progress, project, its progress
    assert {(e.action, e.user) for e in entries} == {("delete", "李四")}
    assert all(e.after is None and e.before for e in entries)
    keyed = {(e.table, e.key): e.before for e in entries}
    assert keyed[("projects", "JC2025/P001")]["total_investment"] == 180000.0
    assert keyed[("key_tasks", "JC2025/K01")]["co_units"] == ["市财政局", "东湖区政府"]
    assert keyed[("milestones", "JC2025/K01/2")]["title"] == "主体开工"
    assert keyed[("progress_records", "JC2025/P001/2025-04-30")]["value"] == 9000.0
    assert keyed[("progress_records", "JC2025/K01/2025-03-28/1")]["narrative"] == "选址已批复"


def test_a_replacing_save_that_fails_later_deletes_nothing(store: Store, plan_data: PlanData) -> None:
    store.save_plan_data(plan_data, user="规划处")
    before = store.audit_count()
    broken = without(plan_data, "P001")
    broken.progress.append(ProgressRecord("P001", date(2025, 6, 30), 100.0))  # points at the item being removed
    with pytest.raises(StoreError, match="P001"):
        store.save_plan_data(broken, user="规划处", absent="replace")
    assert codes_of(store.load_plan_data("JC2025")) == codes_of(plan_data)
    assert len(store.load_plan_data("JC2025").progress) == len(plan_data.progress)
    assert store.audit_count() == before


def test_replacing_with_the_same_plan_again_deletes_nothing_more(store: Store, plan_data: PlanData) -> None:
    store.save_plan_data(plan_data, user="规划处")
    smaller = without(plan_data, "L01")
    store.save_plan_data(smaller, user="规划处", absent="replace")
    before = store.audit_count()
    again = store.save_plan_data(smaller, user="规划处", absent="replace")
    assert again.removed == [] and again.absent == [] and not again.changed
    assert store.audit_count() == before


def test_a_partial_save_neither_lists_nor_deletes_the_items_it_leaves_out(store: Store, plan_data: PlanData) -> None:
    store.save_plan_data(plan_data, user="规划处")
    summary = store.save_plan_data(without(plan_data, "P001", "P002", "K01"), user="规划处", absent="ignore")
    assert summary.absent == summary.removed == []
    assert codes_of(store.load_plan_data("JC2025")) == codes_of(plan_data)
