"""The audit reader behind ``planwatch audit`` filters the same on SQLite and on PostgreSQL.

Codes with LIKE wildcards in them (P_1 against PX1), plan prefixes (JC2025 against
JC20250), and times compared across time zones are where the two databases could differ.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone

import pytest

from planwatch.plan.model import LivelihoodItem, Plan, PlanData, Region
from planwatch.store import Store


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    """Yield an empty migrated store: a SQLite file, then a fresh PostgreSQL database."""
    with Store.open(database_url) as opened:
        opened.init()
        yield opened


def plan(code: str, items: dict[str, float]) -> PlanData:
    """Return a plan of livelihood items code → annual goal."""
    return PlanData(
        plan=Plan(code, "JC", 2025, f"{code} 计划"),
        regions=[Region("JC", "江川市", None, "city")],
        livelihood_items=[LivelihoodItem(c, f"实事{c}", "市民政局", goal, "个") for c, goal in items.items()],
    )


@pytest.fixture
def audited(store: Store) -> Store:
    """Return a store with two plans whose codes and item codes differ only where LIKE could blur them."""
    store.save_plan_data(plan("JC2025", {"P_1": 10, "PX1": 20}), user="规划处")
    store.save_plan_data(plan("JC20250", {"P_1": 30}), user="规划处")
    store.save_plan_data(plan("JC2025", {"P_1": 10, "PX1": 25}), user="张三")
    return store


def keys(entries: list) -> list[str]:
    return [e.key for e in entries]


def test_an_item_code_with_an_underscore_matches_only_itself(audited: Store) -> None:
    assert keys(audited.audit_entries(item="P_1", plan="JC2025")) == ["JC2025/P_1"]
    assert sorted(keys(audited.audit_entries(item="P_1"))) == ["JC2025/P_1", "JC20250/P_1"]


def test_a_plan_code_is_not_a_prefix_of_another_plan(audited: Store) -> None:
    found = keys(audited.audit_entries(plan="JC2025", limit=None))
    assert "JC2025" in found and "JC2025/PX1" in found
    assert not any(k.startswith("JC20250") for k in found)
    assert "JC" not in found, "regions belong to no plan"


def test_the_newest_change_comes_first_and_user_and_table_narrow_it(audited: Store) -> None:
    (entry,) = audited.audit_entries(user="张三")
    assert (entry.table, entry.key, entry.before["goal_quantity"], entry.after["goal_quantity"]) == (
        "livelihood_items",
        "JC2025/PX1",
        20.0,
        25.0,
    )
    assert audited.audit_entries(limit=1)[0].id == entry.id
    assert {e.table for e in audited.audit_entries(table="plans")} == {"plans"}


def test_a_time_window_compares_instants_whatever_the_time_zone(audited: Store) -> None:
    now = datetime.now(UTC)
    shanghai = now.astimezone(timezone(timedelta(hours=8)))
    everything = audited.audit_entries(limit=None)
    assert audited.audit_entries(since=now - timedelta(minutes=5), until=now + timedelta(minutes=5), limit=None) == (
        everything
    )
    assert audited.audit_entries(since=shanghai + timedelta(minutes=5)) == []
    assert audited.audit_entries(until=now - timedelta(minutes=5)) == []
