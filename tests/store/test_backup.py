"""``planwatch backup`` / ``restore``: a restored database gives the same board and the same audit log.

Runs on a SQLite file (the online backup API) and on PostgreSQL (pg_dump/pg_restore), through
the commands an IT colleague types.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from pgcluster import fresh_postgres_database, postgres_or_skip
from planwatch.cli.main import cli
from planwatch.monitor import evaluate
from planwatch.monitor.render import render_table
from planwatch.plan.model import ProgressRecord
from planwatch.store import Store

AS_OF = date(2025, 6, 30)


@pytest.fixture
def other_database_url(database_url: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A second empty database of the same kind as ``database_url``: where the backup is restored."""
    if database_url.startswith("sqlite"):
        yield f"sqlite:///{tmp_path / 'restored' / 'planwatch.sqlite'}"
        return
    admin = postgres_or_skip(request.getfixturevalue("postgres_admin_url"))
    with fresh_postgres_database(admin) as url:
        yield url


def board_and_audit(url: str) -> tuple[str, list]:
    store = Store.open(url)
    try:
        board = render_table(evaluate(store.load_plan_data("JC2025", as_of=AS_OF, latest_only=True), AS_OF))
        return board, store.audit_log(limit=10_000)
    finally:
        store.close()


def filled(url: str, plan_data) -> None:
    store = Store.open(url)
    store.save_plan_data(plan_data, user="规划处")
    store.add_progress("JC2025", [ProgressRecord("P001", date(2025, 6, 30), 15000.0, False)], user="城投集团")
    store.close()


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_a_restored_database_gives_the_same_board_and_audit_log(
    database_url: str, other_database_url: str, plan_data, tmp_path: Path
) -> None:
    filled(database_url, plan_data)
    backup_file = tmp_path / "备份" / "planwatch.backup"
    made = run("backup", "--db", database_url, "-o", str(backup_file))
    assert made.exit_code == 0, made.output
    restored = run("restore", str(backup_file), "--db", other_database_url)
    assert restored.exit_code == 0, restored.output
    board, audit = board_and_audit(other_database_url)
    assert (board, audit) == board_and_audit(database_url)
    assert len(audit) > 10 and "P001" in board


def test_restore_refuses_a_database_with_data_unless_forced(
    database_url: str, other_database_url: str, plan_data, tmp_path: Path
) -> None:
    filled(database_url, plan_data)
    backup_file = tmp_path / "planwatch.backup"
    assert run("backup", "--db", database_url, "-o", str(backup_file)).exit_code == 0
    store = Store.open(other_database_url)
    store.save_plan_data(plan_data, user="另一处")
    store.close()
    before = board_and_audit(other_database_url)

    refused = run("restore", str(backup_file), "--db", other_database_url)
    assert refused.exit_code == 1
    assert "已有数据" in refused.output and "--force" in refused.output
    assert board_and_audit(other_database_url) == before

    forced = run("restore", str(backup_file), "--db", other_database_url, "--force")
    assert forced.exit_code == 0, forced.output
    assert board_and_audit(other_database_url) == board_and_audit(database_url)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "不是 SQLite 数据库备份"),
        (b"PK\x03\x04 a zip, not a database", "不是 SQLite 数据库备份"),
        (b"SQLite format 3\x00" + b"\x00" * 200, "未恢复"),
    ],
)
def test_restore_refuses_a_file_that_is_no_planwatch_backup(tmp_path: Path, content: bytes, message: str) -> None:
    bad = tmp_path / "坏备份.sqlite"
    bad.write_bytes(content)
    target = tmp_path / "target.sqlite"
    result = run("restore", str(bad), "--db", str(target))
    assert result.exit_code == 1
    assert message in result.output
    store = Store.open(f"sqlite:///{target}")
    assert store.revision() is None  # nothing was written
    store.close()


def test_a_backup_taken_while_a_writer_holds_a_transaction_is_consistent(tmp_path: Path, plan_data) -> None:
    url = f"sqlite:///{tmp_path / 'live.sqlite'}"
    filled(url, plan_data)
    store = Store.open(url)
    with store.engine.connect() as writer:
        writer.exec_driver_sql("INSERT INTO audit_log (at, user, action, table_name, key) SELECT at, user, action, "
                               "table_name, key FROM audit_log LIMIT 1")  # uncommitted
        made = run("backup", "--db", url, "-o", str(tmp_path / "snap.sqlite"))
        assert made.exit_code == 0, made.output
        writer.rollback()
    store.close()
    restored = f"sqlite:///{tmp_path / 'restored.sqlite'}"
    assert run("restore", str(tmp_path / "snap.sqlite"), "--db", restored).exit_code == 0
    assert board_and_audit(restored) == board_and_audit(url)
