"""The options every database command shares: --db takes a URL or a file, --as-of a written date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from planwatch.cli.main import cli
from planwatch.cli.options import database_url, parse_date


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("postgresql+psycopg://u@localhost/pw", "postgresql+psycopg://u@localhost/pw"),
        ("sqlite:///x.sqlite", "sqlite:///x.sqlite"),
        (None, None),
    ],
)
def test_a_database_url_is_taken_as_it_is(given: str | None, expected: str | None) -> None:
    assert database_url(given) == expected


def test_a_plain_path_names_a_sqlite_file_by_its_absolute_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert database_url("demo.sqlite") == f"sqlite:///{tmp_path / 'demo.sqlite'}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2025-06-30", date(2025, 6, 30)), ("2025/6/30", date(2025, 6, 30)), ("2025年6月30日", date(2025, 6, 30))],
)
def test_an_as_of_date_may_be_written_as_clerks_write_it(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["2025-02-30", "六月底", "2025-13-01"])
def test_a_date_that_is_not_one_is_refused_in_chinese(text: str) -> None:
    with pytest.raises(click.BadParameter, match="不是有效日期"):
        parse_date(text)


def test_status_and_init_accept_a_plain_file_path_for_the_database(tmp_path: Path) -> None:
    db = tmp_path / "office.sqlite"
    runner = CliRunner()
    init = runner.invoke(cli, ["init", "--db", str(db)])
    assert init.exit_code == 0, init.output
    assert db.is_file()
    status = runner.invoke(cli, ["status", "--db", str(db), "--as-of", "2025-06-30"])
    assert status.exit_code != 0
    assert "计划" in status.output  # an empty database says there is no plan, in Chinese
