"""Whole-plan loads: a plan's items come back in saved order, never mixed with another plan's."""

from __future__ import annotations

from datetime import date

from planwatch.plan.model import Plan, PlanData, ProgressRecord, Project, ProjectStage
from planwatch.store import Store


def projects(prefix: str, numbers: range) -> list[Project]:
    return [
        Project(
            f"{prefix}{i:03d}",
            f"{prefix}项目{i}",
            "江川城投公司",
            "JC-01",
            "交通",
            ProjectStage.UNDER_CONSTRUCTION,
            800.0,
            200.0 + i,
            planned_start=date(2025, 3, 1) if i % 2 else None,
        )
        for i in numbers
    ]


def test_projects_added_to_a_plan_after_another_plan_was_saved_load_in_order_and_alone(store: Store) -> None:
    first = PlanData(plan=Plan("JC2025", "JC", 2025, "江川市2025年计划"), projects=projects("A", range(5)))
    store.save_plan_data(first, user="测试")
    other = PlanData(plan=Plan("HX2025", "HX", 2025, "河西县2025年计划"), projects=projects("B", range(4)))
    store.save_plan_data(other, user="测试")
    # Plan JC2025 grows after HX2025 was saved: its rows now surround the other plan's.
    first.projects += projects("A", range(5, 8))
    first.progress = [ProgressRecord("A006", date(2025, 5, 31), 120.0)]
    store.save_plan_data(first, user="测试")

    for plan_code, expected in (("JC2025", first.projects), ("HX2025", other.projects)):
        for latest_only in (False, True):
            loaded = store.load_plan_data(plan_code, as_of=date(2025, 6, 30), latest_only=latest_only)
            assert loaded.projects == expected, (plan_code, latest_only)
    reduced = store.load_plan_data("JC2025", as_of=date(2025, 6, 30), latest_only=True).progress
    assert [(r.item_code, r.as_of, r.value) for r in reduced] == [("A006", date(2025, 5, 31), 120.0)]


def test_a_plan_without_projects_loads_with_none(store: Store) -> None:
    store.save_plan_data(PlanData(plan=Plan("KB2025", "JC", 2025, "空计划")), user="测试")
    assert store.load_plan_data("KB2025", latest_only=True).projects == []
