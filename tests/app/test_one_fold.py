"""One progress fold: the store's SQL reduction (``latest_only``) gives the totals the pure fold gives.

Each row is one item's records; the store keeps them, reduces them in SQL (through the kept
summary, or on the fly for a date before the latest report), and the status engine's
reading of the reduced records must give the total :func:`planwatch.plan.fold.fold` gives
on the records themselves. Runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

from datetime import date

import pytest

from planwatch.monitor.progress import summarise
from planwatch.plan.fold import fold, running_totals
from planwatch.plan.model import Plan, PlanData, ProgressRecord, Project, ProjectStage, Region
from planwatch.store import Store

D = date.fromisoformat


def r(day: str, value: float | None, cumulative: bool = True, narrative: str = "") -> ProgressRecord:
    return ProgressRecord("P", D(day), value, cumulative=cumulative, narrative=narrative)


FOLDS = [
    ("one cumulative figure", [r("2025-06-30", 100)]),
    ("cumulative figures: the latest counts", [r("2025-03-31", 40), r("2025-06-30", 100)]),
    ("period amounts add up", [r("2025-01-31", 10, False), r("2025-02-28", 20, False), r("2025-03-31", 5, False)]),
    ("amounts after a cumulative figure add to it", [r("2025-03-31", 40), r("2025-04-30", 7, False)]),
    (
        "amounts before a cumulative figure are in it",
        [r("2025-02-28", 9, False), r("2025-03-31", 40), r("2025-04-30", 7, False), r("2025-05-31", 3, False)],
    ),
    ("a note without a figure keeps the total", [r("2025-03-31", 40), r("2025-05-31", None, narrative="施工中")]),
    ("only notes: no total", [r("2025-05-31", None, narrative="前期工作")]),
    ("a lower cumulative figure replaces a higher", [r("2025-03-31", 40), r("2025-06-30", 30)]),
]


def plan_with(records: list[ProgressRecord]) -> PlanData:
    return PlanData(
        plan=Plan("F2025", "F", 2025, "折算测试计划"),
        regions=[Region("F", "江川市")],
        projects=[Project("P", "测试项目", "某单位", "F", "交通", ProjectStage.UNDER_CONSTRUCTION, 1000, 500)],
        progress=records,
    )


@pytest.mark.parametrize("as_of", ["2025-12-31", "2025-04-15"])
@pytest.mark.parametrize(("case", "records"), FOLDS, ids=[case for case, _ in FOLDS])
def test_the_sql_reduction_gives_the_total_of_the_one_fold(database_url, case, records, as_of):
    store = Store.open(database_url)
    try:
        store.init()
        store.save_plan_data(plan_with(records), user="测试")
        day = D(as_of)
        reduced = store.load_plan_data("F2025", as_of=day, latest_only=True).progress
        up_to = sorted((x for x in records if x.as_of <= day), key=lambda x: x.as_of)
        assert summarise(reduced).total == fold(up_to)[0]
    finally:
        store.close()


@pytest.mark.parametrize(("case", "records"), FOLDS, ids=[case for case, _ in FOLDS])
def test_the_running_total_after_the_last_record_is_the_fold(case, records):
    totals = [total for _, total in running_totals(records)]
    assert totals[-1] == fold(records)[0]
