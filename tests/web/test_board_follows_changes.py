"""A cached board follows the writes: brought up to date item by item, equal to a fresh evaluation.

Each row of the table makes one kind of change to a plan whose board is cached (with its
counts, roll-ups and alerts already computed), then compares the board brought up to
date (:func:`planwatch.app.board.refreshed`) with the board evaluated from scratch. Run on
a SQLite file and on PostgreSQL (the ``database_url`` fixture). The last tests run two
real app instances on one database, as two server workers do.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from functools import partial

import httpx
import pytest

from planwatch import app
from planwatch.app import accounts, review
from planwatch.app.access import Principal
from planwatch.app.board import Evaluation, refreshed
from planwatch.plan.model import ProgressRecord, Project, ProjectStage, Source, WorkArea
from planwatch.store import Store
from planwatch.store.submissions import NewSubmission
from planwatch.web import services
from planwatch.web.cache import BoardCache

from .accounts import add_users, bearer
from .webapp import AS_OF, PLAN, jiangchuan_plan, start_server, stop_server

FILLER = Principal("filler", "filler", "市交通运输局")
PLANNER = Principal("planner", "planning")


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    store = Store.open(database_url)
    store.init()
    store.save_plan_data(jiangchuan_plan(), user="测试")
    accounts.sync_units(store, user="测试")
    yield store
    store.close()


def submit(store: Store, code: str, day: date, value: float | None, **extra: object):  # type: ignore[no-untyped-def]
    data = store.load_plan_data(PLAN, progress=False)
    item = data.item_index()[code]
    unit = getattr(item, "owner_unit", None) or "市交通运输局"
    who = Principal("filler", "filler", unit)
    new = NewSubmission(code, day, value, True, "测试报送", unit, **extra)  # type: ignore[arg-type]
    return review.submit(store, who, data.plan, item, new, confirm=True)


def approved_progress(store: Store) -> None:
    waiting = submit(store, "P02", date(2025, 6, 20), 21000.0)
    review.approve(store, PLANNER, waiting.id, waiting.version)


def correction_supersedes(store: Store) -> None:
    waiting = submit(store, "P01", AS_OF, 36000.0, reason="统计口径更正")
    review.approve(store, PLANNER, waiting.id, waiting.version)


def submission_withdrawn(store: Store) -> None:
    waiting = submit(store, "P01", date(2025, 6, 25), 23000.0)
    review.withdraw(store, FILLER, waiting.id, "填错了", waiting.version)


def progress_deleted(store: Store) -> None:
    assert store.delete_progress(PLAN, "P01", AS_OF, user="测试")


def milestone_done(store: Store) -> None:
    store.add_progress(PLAN, [ProgressRecord("K01", date(2025, 6, 10), milestone_key="2")], user="测试")


def two_items_reported(store: Store) -> None:
    records = [
        ProgressRecord("T02", AS_OF, 3.9, source=Source(unit="市人力资源社会保障局")),
        ProgressRecord("L01", AS_OF, 3200, source=Source(unit="市卫生健康委")),
    ]
    store.add_progress(PLAN, records, user="测试")


def reimported(change: Callable) -> Callable[[Store], None]:  # type: ignore[type-arg]
    def write(store: Store) -> None:
        store.save_plan_data(change(jiangchuan_plan()), user="测试")

    return write


def target_changed(data):  # type: ignore[no-untyped-def]
    data.targets[1] = replace(data.targets[1], value=3.0)
    return data


def project_handed_over(data):  # type: ignore[no-untyped-def]
    data.projects[2] = replace(data.projects[2], owner_unit="市水务局")
    return data


def project_added(data):  # type: ignore[no-untyped-def]
    data.projects.append(
        Project("P04", "江川新区综合管廊", "市住房城乡建设局", "JC01", "市政", ProjectStage.NEW_START, 30000, 8000)
    )
    return data


def work_area_renamed(data):  # type: ignore[no-untyped-def]
    data.work_areas[0] = WorkArea("W01", "稳住经济大盘", order=1)
    return data


#: change kind → the write, and whether the cached board follows it item by item (else it is rebuilt).
CHANGES = [
    ("progress approved", approved_progress, True),
    ("correction supersedes an approved figure", correction_supersedes, True),
    ("submission withdrawn", submission_withdrawn, True),
    ("progress record deleted", progress_deleted, True),
    ("milestone done", milestone_done, True),
    ("two items reported at once", two_items_reported, True),
    ("item target changed by a plan import", reimported(target_changed), True),
    ("project handed to another unit", reimported(project_handed_over), False),
    ("plan imported with a new project", reimported(project_added), False),
    ("work area renamed", reimported(work_area_renamed), False),
]


#: item list orders kept with a board (column, descending).
LIST_ORDERS = [("light", False), ("completion", True), ("last_report", False), ("name", True)]


def evaluated(store: Store) -> Evaluation:
    """Return a fresh evaluation with its counts, roll-ups, alerts, page summary and sorted item lists computed."""
    plan = store.list_plans()[0]
    evaluation = app.evaluate_plan(store, plan, AS_OF)
    services.status_view(evaluation.data, evaluation.board, with_items=False, alert_limit=30)
    for key, desc in LIST_ORDERS:
        evaluation.memo(("list", key, desc), partial(services.SortedItems.of, evaluation.board.items, key, desc))
    return evaluation


def view_of(evaluation: Evaluation) -> dict:  # type: ignore[type-arg]
    """Return everything a page shows of a board: the items with their explanations, the summary."""
    board = evaluation.board
    return {
        "items": [(item, item.explanation) for item in board.items],
        "summary": services.status_view(evaluation.data, board, alert_limit=30).model_dump(),
        "alerts": [item.code for item in board.alerts()],
        "rollups": {by: board.rollup(by) for by in ("work_area", "owner_unit", "district")},
        "plan items": {item.code: item for item in evaluation.data.items()},
        "progress": sorted(evaluation.data.progress, key=lambda r: (r.item_code, r.as_of, r.milestone_key or "")),
        "lists": [
            [item.code for item in evaluation.memo(("list", key, desc), lambda: None).rows] for key, desc in LIST_ORDERS
        ],
    }


@pytest.mark.parametrize(("kind", "change", "incremental"), CHANGES, ids=[row[0] for row in CHANGES])
def test_a_cached_board_brought_up_to_date_equals_a_fresh_evaluation(
    store: Store, kind: str, change: Callable[[Store], None], incremental: bool
):
    cached = evaluated(store)
    before = view_of(cached)
    change(store)
    updated = refreshed(store, cached)
    assert (updated is not None) == incremental, kind
    fresh = evaluated(store)
    assert view_of(updated or fresh) == view_of(fresh)
    if kind != "submission withdrawn":
        assert view_of(fresh) != before, "the change must show on the board"


def test_a_board_refreshed_twice_in_a_row_follows_both_changes(store: Store):
    cached = evaluated(store)
    approved_progress(store)
    once = refreshed(store, cached)
    assert once is not None
    services.status_view(once.data, once.board, with_items=False, alert_limit=30)
    milestone_done(store)
    twice = refreshed(store, once)
    assert twice is not None
    assert view_of(twice) == view_of(evaluated(store))


def test_the_web_cache_follows_a_change_without_evaluating_the_plan_again(store: Store, monkeypatch):
    cache = BoardCache()
    plan = store.list_plans()[0]
    first = app.evaluate_plan(store, plan, AS_OF, cache=cache, version=store.data_version())
    approved_progress(store)
    loads: list[object] = []
    load = store.load_plan_data
    monkeypatch.setattr(store, "load_plan_data", lambda *a, **k: loads.append(k.get("codes")) or load(*a, **k))
    second = app.evaluate_plan(store, plan, AS_OF, cache=cache, version=store.data_version())
    assert second is not first
    assert loads == [frozenset({"P02"})]  # the approved item only, not the plan
    assert second.item("P02").actual == 21000 and second.item("P02").last_report == date(2025, 6, 20)
    assert first.item("P02").actual == 1000  # the older board is not changed under its readers


# ---------------------------------------------------------------------------- two app instances


@pytest.fixture
def two_apps(database_url: str) -> Iterator[tuple[str, str, Store]]:
    """Two real app instances (each its own store and engine) over one database, under uvicorn."""
    first = Store.open(database_url)
    first.init()
    first.save_plan_data(jiangchuan_plan(), user="测试")
    add_users(first)
    second = Store.open(database_url)
    servers = [start_server(first), start_server(second)]
    yield servers[0][2], servers[1][2], first
    for server, thread, _url in servers:
        stop_server(server, thread)
    first.close()
    second.close()


def actual_of(url: str, token: dict[str, str], code: str) -> float | None:
    response = httpx.get(f"{url}/api/items/{code}", params={"as_of": AS_OF.isoformat()}, headers=token, timeout=30)
    assert response.status_code == 200, response.text
    return response.json()["status"]["actual"]


def test_a_submission_approved_in_one_process_changes_the_board_another_serves(two_apps):  # type: ignore[no-untyped-def]
    one, other, store = two_apps
    reader, filler, planner = bearer(store, "reader"), bearer(store, "filler"), bearer(store, "planner")
    assert actual_of(one, reader, "P01") == actual_of(other, reader, "P01") == 22000  # both boards cached
    overview = httpx.get(f"{other}/api/status", params={"as_of": AS_OF.isoformat()}, headers=reader, timeout=30)
    body = {"as_of": "2025-06-30", "value": 30500, "cumulative": True, "narrative": "主体完工", "reason": "漏报"}
    sent = httpx.post(f"{one}/api/items/P01/progress", json=body, headers=filler, timeout=30)
    assert sent.status_code == 201, sent.text
    assert actual_of(other, reader, "P01") == 22000  # waiting for review: not counted anywhere
    approved = httpx.post(f"{one}/api/submissions/{sent.json()['id']}/approve", headers=planner, timeout=30)
    assert approved.status_code == 200, approved.text
    assert actual_of(other, reader, "P01") == 30500
    assert actual_of(one, reader, "P01") == 30500
    after = httpx.get(f"{other}/api/status", params={"as_of": AS_OF.isoformat()}, headers=reader, timeout=30)
    rows = {r["key"]: r for r in after.json()["rollups"]["owner_unit"]}
    old_rows = {r["key"]: r for r in overview.json()["rollups"]["owner_unit"]}
    assert rows["市交通运输局"]["average_completion"] > old_rows["市交通运输局"]["average_completion"]
