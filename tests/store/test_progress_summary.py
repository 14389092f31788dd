"""The per-item progress summary stays in step with the progress rows through every kind of write."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy import select
from test_latest_only import expected, observed, random_plan

from planwatch.store import Store
from planwatch.store.latest import LATEST, LATEST_ROWS, ROWS_READ_COLUMNS, candidate_rows, summary_select


def summary_rows(store: Store) -> tuple[list[tuple], list[tuple]]:
    """Return (the stored summary, the summary computed afresh from the progress rows)."""
    with store.engine.connect() as conn:
        kept = conn.execute(select(LATEST).order_by(LATEST.c.plan_id, LATEST.c.item_code)).all()
        fresh = conn.execute(summary_select()).all()
    columns = ("plan_id", "item_code", "last_cum", "last_nc", "first_nc", "sum_nc", "n_nc", "last_stage", "last_any")
    by_name = [tuple(getattr(r, c) for c in columns) for r in kept]
    again = sorted(tuple(getattr(r, c) for c in columns) for r in fresh)
    return by_name, again


def kept_rows(store: Store) -> tuple[list[tuple], list[tuple]]:
    """Return (the stored rows a whole-plan load reads, the same rows found afresh from the summary)."""
    with store.engine.connect() as conn:
        kept = conn.execute(select(LATEST_ROWS.c.plan_id, *(LATEST_ROWS.c[c] for c in ROWS_READ_COLUMNS))).all()
        fresh = conn.execute(candidate_rows(LATEST).add_columns(LATEST.c.plan_id)).all()
    return sorted(tuple(r) for r in kept), sorted((r[-1], *r[:-1]) for r in fresh)


def test_the_rows_a_whole_plan_load_reads_follow_updates_deletes_and_removed_items(store: Store) -> None:
    data = random_plan(9)
    store.save_plan_data(data, user="测试")
    kept, fresh = kept_rows(store)
    assert kept and kept == fresh
    changed = [replace(r, value=(r.value or 0) + 3.0) for r in data.progress[:25] if r.milestone_key is None]
    store.add_progress("R2025", changed, user="测试")
    gone = data.progress[30]
    store.delete_progress("R2025", gone.item_code, gone.as_of, gone.milestone_key, user="测试")
    assert kept_rows(store)[0] == kept_rows(store)[1]
    dropped = data.projects[0].code
    fewer = replace(data, projects=data.projects[1:], progress=[r for r in data.progress if r.item_code != dropped])
    store.save_plan_data(fewer, user="测试", absent="replace")
    kept, fresh = kept_rows(store)
    assert kept == fresh
    assert dropped not in {row[1] for row in kept}


def test_the_status_after_updates_and_deletes_matches_the_full_history(store: Store) -> None:
    data = random_plan(5)
    store.save_plan_data(data, user="测试")
    changed = [replace(r, value=(r.value or 0) + 7.0) for r in data.progress[:30] if r.milestone_key is None]
    store.add_progress("R2025", changed, user="测试")
    gone = data.progress[40]
    store.delete_progress("R2025", gone.item_code, gone.as_of, gone.milestone_key, user="测试")
    kept, fresh = summary_rows(store)
    assert kept == fresh
    history = store.load_plan_data("R2025").progress
    assert observed(store.load_plan_data("R2025", latest_only=True).progress) == expected(history)


def test_a_load_as_of_a_date_before_the_latest_report_reads_the_rows_themselves(store: Store) -> None:
    data = random_plan(6)
    store.save_plan_data(data, user="测试")
    as_of = date(2025, 4, 30)
    full = [r for r in store.load_plan_data("R2025").progress if r.as_of <= as_of]
    assert observed(store.load_plan_data("R2025", as_of=as_of, latest_only=True).progress) == expected(full)


def test_saving_the_same_progress_again_leaves_the_summary_as_it_was(store: Store) -> None:
    data = random_plan(7)
    store.save_plan_data(data, user="测试")
    before = summary_rows(store)[0]
    store.save_plan_data(data, user="测试")
    assert summary_rows(store)[0] == before


def test_a_load_without_progress_gives_the_items_and_no_progress(store: Store) -> None:
    data = random_plan(8)
    store.save_plan_data(data, user="测试")
    bare = store.load_plan_data("R2025", progress=False)
    assert bare.progress == []
    assert bare.projects == store.load_plan_data("R2025").projects
    assert [t.milestones for t in bare.tasks] == [t.milestones for t in data.tasks]
