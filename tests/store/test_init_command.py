"""``planwatch init`` creates the database, says where it is, and can be run again."""

from __future__ import annotations

from click.testing import CliRunner

from planwatch.cli.main import cli


def test_init_creates_the_database_and_says_where_it_is(database_url: str) -> None:
    runner = CliRunner()
    first = runner.invoke(cli, ["init", "--db", database_url])
    assert first.exit_code == 0, first.output
    assert "数据库已就绪" in first.output
    again = runner.invoke(cli, ["init", "--db", database_url])
    assert again.exit_code == 0, again.output
    assert "已是最新结构" in again.output


def test_init_without_options_makes_planwatch_sqlite_in_the_working_folder(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PLANWATCH_DATABASE_URL", raising=False)
    result = CliRunner().invoke(cli, ["init"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "planwatch.sqlite").is_file()
    assert str(tmp_path / "planwatch.sqlite") in result.output
