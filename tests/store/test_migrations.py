"""Migrations: an empty database is brought to head, re-running init changes nothing."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from planwatch.store import Store
from planwatch.store.migrate import head_revision
from planwatch.store.tables import metadata

TABLES = {
    "regions",
    "plans",
    "work_areas",
    "targets",
    "key_tasks",
    "milestones",
    "projects",
    "livelihood_items",
    "progress_records",
    "audit_log",
    "documents",
    "document_facts",
}


def test_init_migrates_an_empty_database_to_the_newest_revision(database_url: str) -> None:
    store = Store.open(database_url)
    assert store.revision() is None
    assert store.init() == head_revision(store.engine)
    assert set(inspect(store.engine).get_table_names()) >= TABLES
    store.close()


def test_running_init_twice_keeps_the_data_and_the_revision(store: Store, plan_data) -> None:
    store.save_plan_data(plan_data, user="测试")
    revision = store.revision()
    assert store.init() == revision
    assert store.load_plan_data("JC2025") == plan_data


def test_the_migrations_create_exactly_the_tables_the_models_describe(store: Store) -> None:
    with store.engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), metadata)
    assert differences == []


def test_progress_lookups_by_plan_item_and_date_have_an_index(store: Store) -> None:
    inspector = inspect(store.engine)
    indexed = [u["column_names"] for u in inspector.get_unique_constraints("progress_records")]
    indexed += [i["column_names"] for i in inspector.get_indexes("progress_records")]
    assert any(cols[:3] == ["plan_id", "item_code", "as_of"] for cols in indexed)


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'wal.sqlite'}")
    store.init()
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    store.close()
