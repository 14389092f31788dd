"""Save → load gives back exactly the plan that was saved, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest

from planwatch.plan.model import PlanData, Region
from planwatch.store import Store, StoreError


def test_a_saved_plan_loads_back_equal_field_for_field(store: Store, plan_data: PlanData) -> None:
    store.save_plan_data(plan_data, user="规划处")
    assert store.load_plan_data("JC2025") == plan_data


def test_loading_as_of_a_date_leaves_out_later_progress(store: Store, plan_data: PlanData) -> None:
    store.save_plan_data(plan_data, user="规划处")
    loaded = store.load_plan_data("JC2025", as_of=date(2025, 4, 30))
    assert [(p.item_code, p.as_of) for p in loaded.progress] == [
        (p.item_code, p.as_of) for p in plan_data.progress if p.as_of <= date(2025, 4, 30)
    ]


def test_the_plan_list_names_every_saved_plan(store: Store, plan_data: PlanData) -> None:
    store.save_plan_data(plan_data, user="规划处")
    assert [p.code for p in store.list_plans()] == ["JC2025"]
    assert store.list_plans()[0].thresholds == plan_data.plan.thresholds


def test_regions_of_other_cities_stay_out_of_a_plan(store: Store, plan_data: PlanData) -> None:
    store.save_plan_data(plan_data, user="规划处")
    other = PlanData(
        plan=plan_data.plan.__class__(code="HY2025", region_code="HY", year=2025, title="河阳市计划"),
        regions=[Region("HY", "河阳市")],
    )
    store.save_plan_data(other, user="规划处")
    assert [r.code for r in store.load_plan_data("JC2025").regions] == ["JC", "JC-DH", "JC-XS"]
    assert [r.code for r in store.load_plan_data("HY2025").regions] == ["HY"]


def test_loading_an_unknown_plan_says_which_plan_is_missing(store: Store) -> None:
    with pytest.raises(StoreError, match="计划 NOPE 不存在"):
        store.load_plan_data("NOPE")
