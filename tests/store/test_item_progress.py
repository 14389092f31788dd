"""item_progress: one item's history, the same records a full load holds for it."""

from __future__ import annotations

from datetime import date

import pytest
from test_latest_only import AS_OF_DATES, random_plan

from planwatch.plan.model import ProgressRecord, Source
from planwatch.store import Store, StoreError


def test_an_items_history_is_the_same_as_in_the_whole_plan_load(store: Store) -> None:
    data = random_plan(5)
    store.save_plan_data(data, user="测试")
    codes = [*sorted({r.item_code for r in data.progress}), "P039", "K09"]
    for as_of in AS_OF_DATES:
        full = store.load_plan_data("R2025", as_of=as_of).progress
        for code in codes:
            assert store.item_progress("R2025", code, as_of=as_of) == [r for r in full if r.item_code == code], (
                code,
                as_of,
            )


def test_an_item_with_monthly_amounts_keeps_every_amount_with_its_source(store: Store) -> None:
    data = random_plan(6)
    data.progress = [r for r in data.progress if r.item_code != "P002"]
    store.save_plan_data(data, user="测试")
    store.add_progress(
        "R2025",
        [
            ProgressRecord("P002", date(2025, 1, 31), 12.5, cumulative=False, source=Source(unit="东湖区")),
            ProgressRecord("P002", date(2025, 2, 28), 7.5, cumulative=False, source=Source(unit="西山县")),
        ],
        user="测试",
    )
    history = store.item_progress("R2025", "P002")
    assert [(r.as_of, r.value, r.cumulative, r.source.unit) for r in history] == [
        (date(2025, 1, 31), 12.5, False, "东湖区"),
        (date(2025, 2, 28), 7.5, False, "西山县"),
    ]
    assert store.item_progress("R2025", "P002", as_of=date(2025, 2, 1)) == history[:1]


def test_the_history_of_an_item_in_an_unknown_plan_is_a_clear_error(store: Store) -> None:
    with pytest.raises(StoreError, match="计划 NOPE 不存在"):
        store.item_progress("NOPE", "P001")
