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


def test_the_models_list_each_tables_columns_in_the_order_the_migrations_created_them(store: Store) -> None:
    # The item tables share their key and common columns through a mixin and column functions;
    # the folding must leave the tables exactly as the migrations made them, order included.
    inspector = inspect(store.engine)
    for table in metadata.sorted_tables:
        created = [column["name"] for column in inspector.get_columns(table.name)]
        assert created == [column.name for column in table.columns], table.name


def test_every_item_table_keys_its_rows_by_plan_and_code(store: Store) -> None:
    inspector = inspect(store.engine)
    for name in ("work_areas", "targets", "key_tasks", "projects", "livelihood_items"):
        assert [u["column_names"] for u in inspector.get_unique_constraints(name)] == [["plan_id", "code"]], name
        (foreign_key,) = inspector.get_foreign_keys(name)
        assert (foreign_key["constrained_columns"], foreign_key["referred_table"]) == (["plan_id"], "plans")
        assert foreign_key["options"].get("ondelete") == "CASCADE"
