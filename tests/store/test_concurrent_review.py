"""Two reviewers acting on one submission at once: one wins, the other is told, nothing is lost.

Run on a SQLite file and on PostgreSQL (the ``database_url`` fixture), with real threads
and separate connections, as two server workers would.
"""

from __future__ import annotations

import threading
from datetime import date

import pytest

from planwatch.app import accounts, review
from planwatch.app.access import Principal
from planwatch.store import Store
from planwatch.store import submissions as subs
from planwatch.store.submissions import Conflict, NewSubmission


@pytest.fixture
def review_store(database_url: str, plan_data):  # type: ignore[no-untyped-def]
    store = Store.open(database_url)
    store.init()
    store.save_plan_data(plan_data, user="测试")
    accounts.sync_units(store, user="测试")
    yield store
    store.close()


def submit(store: Store, value: float) -> subs.Submission:
    data = store.load_plan_data("JC2025", progress=False)
    project = data.projects[0]
    filler = Principal("filler", "filler", project.owner_unit)
    new = NewSubmission(project.code, date(2025, 7, 31), value, True, "七月进度", project.owner_unit)
    return review.submit(store, filler, data.plan, project, new)


@pytest.mark.parametrize("actions", [("approve", "approve"), ("approve", "return"), ("return", "return")])
def test_of_two_reviewers_acting_on_one_version_exactly_one_wins_and_the_other_gets_a_conflict(
    review_store: Store, actions: tuple[str, str]
) -> None:
    store = review_store
    waiting = submit(store, 15234.0)
    barrier = threading.Barrier(2)
    outcomes: list[object] = [None, None]

    def act(slot: int, action: str) -> None:
        reviewer = Principal(f"reviewer{slot}", "planning")
        barrier.wait()
        try:
            if action == "approve":
                outcomes[slot] = review.approve(store, reviewer, waiting.id, waiting.version)
            else:
                outcomes[slot] = review.send_back(store, reviewer, waiting.id, f"意见{slot}", waiting.version)
        except Conflict as exc:
            outcomes[slot] = exc

    threads = [threading.Thread(target=act, args=(slot, action)) for slot, action in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    winners = [o for o in outcomes if isinstance(o, subs.Submission)]
    losers = [o for o in outcomes if isinstance(o, Conflict)]
    assert len(winners) == 1 and len(losers) == 1, outcomes
    assert "已被他人处理" in str(losers[0])
    final = subs.get(store.engine, waiting.id)
    assert final is not None and final.version == waiting.version + 1
    assert final.reviewed_by == winners[0].reviewed_by  # the winner's decision stands, not overwritten
    progress = [r for r in store.load_plan_data("JC2025").progress if r.as_of == date(2025, 7, 31)]
    assert len(progress) == (1 if final.state == "approved" else 0)
    moves = [e for e in store.audit_log(limit=20, table="submissions") if e.action == "update"]
    assert len(moves) == 1  # the loser left no trace


def test_a_review_made_on_a_stale_version_is_refused_even_when_sequential(review_store: Store) -> None:
    store = review_store
    waiting = submit(store, 15010.0)
    review.send_back(store, Principal("a", "planning"), waiting.id, "请补充说明", waiting.version)
    with pytest.raises(Conflict):
        review.approve(store, Principal("b", "planning"), waiting.id, waiting.version)


def test_only_approved_figures_reach_progress_and_a_correction_supersedes_the_approved_one(review_store: Store) -> None:
    store = review_store
    planner = Principal("planner", "planning")
    first = submit(store, 15100.0)
    assert not [r for r in store.load_plan_data("JC2025").progress if r.as_of == date(2025, 7, 31)]
    review.approve(store, planner, first.id)
    data = store.load_plan_data("JC2025", progress=False)
    project = data.projects[0]
    filler = Principal("filler", "filler", project.owner_unit)
    again = NewSubmission(project.code, date(2025, 7, 31), 15120.0, True, "更正", project.owner_unit)
    with pytest.raises(review.Refused, match="更正原因"):
        review.submit(store, filler, data.plan, project, again)
    fixed = review.submit(
        store,
        filler,
        data.plan,
        project,
        NewSubmission(project.code, date(2025, 7, 31), 15120.0, True, "更正", project.owner_unit, reason="漏报一笔"),
    )
    review.approve(store, planner, fixed.id)
    assert subs.get(store.engine, first.id).state == "superseded"
    values = [r.value for r in store.load_plan_data("JC2025").progress if r.as_of == date(2025, 7, 31)]
    assert values == [15120.0]
