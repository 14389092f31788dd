"""``planwatch init`` brings a database of the first release forward and keeps its data.

The old database is made the way the first release made it: Alembic to revision "0001" only.
Its rows are the sample plan with progress and audit rows, copied column by column from a
database written by today's code, so every column the first release had holds real data.
After ``planwatch init`` it must give today's board, plan, audit log, and take new writes.
"""

from __future__ import annotations

from datetime import date

from alembic import command
from click.testing import CliRunner
from sqlalchemy import MetaData, func, insert, select, text

from planwatch.cli.main import cli
from planwatch.monitor import evaluate
from planwatch.monitor.render import render_table
from planwatch.plan.model import ProgressRecord
from planwatch.store import Store
from planwatch.store.migrate import alembic_config, head_revision
from planwatch.store.tables import metadata

FIRST_RELEASE = "0001"
AS_OF = date(2025, 6, 30)


def first_release_database(url: str, source: Store) -> None:
    """Create the schema of revision 0001 at ``url`` and copy ``source``'s rows into the tables it had."""
    old = Store.open(url)
    config = alembic_config(old.engine)
    with old.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, FIRST_RELEASE)
    existing = MetaData()
    existing.reflect(old.engine)
    with source.engine.connect() as reader, old.engine.begin() as writer:
        for table in metadata.sorted_tables:
            if table.name not in existing.tables:
                continue
            target = existing.tables[table.name]
            columns = [c for c in table.columns if c.name in target.columns]
            rows = [dict(r._mapping) for r in reader.execute(select(*columns))]
            if rows:
                writer.execute(insert(target), rows)
            if writer.dialect.name == "postgresql" and "id" in target.columns:
                writer.execute(text(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                                    f"(SELECT coalesce(max(id), 1) FROM {table.name}))"))
    assert old.revision() == FIRST_RELEASE
    old.close()


def picture(store: Store) -> tuple:
    data = store.load_plan_data("JC2025")
    board = render_table(evaluate(store.load_plan_data("JC2025", as_of=AS_OF, latest_only=True), AS_OF))
    return data, board, store.audit_log(limit=10_000)


def test_init_upgrades_a_first_release_database_keeping_its_data(database_url: str, plan_data, tmp_path) -> None:
    today = Store.open(f"sqlite:///{tmp_path / 'today.sqlite'}")
    today.save_plan_data(plan_data, user="规划处")
    today.add_progress("JC2025", [ProgressRecord("P001", date(2025, 6, 30), 15000.0, False)], user="城投集团")
    first_release_database(database_url, today)

    result = CliRunner().invoke(cli, ["init", "--db", database_url])
    assert result.exit_code == 0, result.output
    head = head_revision(today.engine)
    assert f"版本 {FIRST_RELEASE} → {head}" in result.output

    upgraded = Store.open(database_url)
    assert picture(upgraded) == picture(today)
    upgraded.add_progress("JC2025", [ProgressRecord("P001", date(2025, 7, 31), 21000.0, False)], user="城投集团")
    with upgraded.engine.connect() as connection:
        count = connection.execute(select(func.count()).select_from(metadata.tables["progress_records"])).scalar()
    assert count == len(plan_data.progress) + 2
    upgraded.close()
    today.close()
