"""``planwatch demo``: a fresh database and a board as of 30 June with every case on it."""

from __future__ import annotations

from datetime import date

import pytest
from click.testing import CliRunner

from planwatch.cli.main import cli
from planwatch.demo import DEMO_AS_OF, build_demo
from planwatch.monitor import evaluate
from planwatch.store import Store


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build_demo(tmp_path_factory.mktemp("demo") / "demo.sqlite")


@pytest.fixture(scope="module")
def board(built):
    store = Store.open(built.url)
    try:
        data = store.load_plan_data("JC2025", as_of=DEMO_AS_OF, latest_only=True)
    finally:
        store.close()
    return evaluate(data, DEMO_AS_OF)


def test_the_demo_board_of_30_june_stands_at_half_the_year(board):
    assert board.as_of == date(2025, 6, 30)
    assert board.time_progress == pytest.approx(0.5)


def test_the_demo_board_shows_every_light(board):
    lights = {str(item.light) for item in board.items}
    assert {"green", "yellow", "red", "grey"} <= lights


def test_the_demo_board_has_stale_items_and_an_overdue_milestone(board):
    assert any(item.stale for item in board.items)
    overdue = [item for item in board.items if item.overdue]
    assert any(str(item.kind) == "task" for item in overdue)


def test_annual_statistics_without_a_figure_in_june_are_not_yet_due_not_stale(board):
    annual = {i.code: i for i in board.items if i.code in {"T13", "T15"}}
    assert {(str(i.light), i.state, i.stale) for i in annual.values()} == {("grey", "未到报送期", False)}
    assert not set(annual) & {i.code for i in board.alerts()}


def test_milestone_tasks_reporting_between_milestones_are_fresh_and_silent_ones_stale(board):
    milestone_tasks = {"K0104", "K0304", "K0502", "K0603", "K0905", "K1005", "K1206"}
    stale = {i.code for i in board.items if i.code in milestone_tasks and i.stale}
    assert stale == {"K0603", "K0905", "K1005"}
    k0104 = next(i for i in board.items if i.code == "K0104")
    assert "情况说明（市商务局 2025-06-30 报送）" in k0104.explanation


def test_a_livelihood_item_is_already_beyond_its_annual_goal(board):
    done = [i for i in board.items if str(i.kind) == "livelihood" and (i.completion or 0) > 1]
    assert {i.code for i in done} >= {"M07", "M08"}


def test_the_new_start_that_never_started_is_behind(board):
    item = next(i for i in board.items if i.code == "JC2025-017")
    assert str(item.light) in {"red", "yellow"}


def test_planwatch_demo_prints_summary_rollup_and_alerts(tmp_path):
    db = tmp_path / "board.sqlite"
    result = CliRunner().invoke(cli, ["demo", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "时序进度50%" in result.output
    assert "按工作领域汇总" in result.output
    assert "预警事项" in result.output
    assert db.is_file()


def test_running_the_demo_again_rebuilds_the_database_from_scratch(tmp_path):
    db = tmp_path / "again.sqlite"
    db.write_bytes(b"not a database")
    first = build_demo(db)
    second = build_demo(db)
    assert first.plan.summary.inserted == second.plan.summary.inserted > 0
    assert second.plan.summary.unchanged == 0


def test_planwatch_demo_can_print_the_board_as_json(tmp_path):
    result = CliRunner().invoke(cli, ["demo", "--db", str(tmp_path / "j.sqlite"), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert result.output.lstrip().startswith("{")


def test_an_as_of_date_outside_the_plan_year_is_refused_before_anything_is_built(tmp_path):
    db = tmp_path / "never.sqlite"
    result = CliRunner().invoke(cli, ["demo", "--db", str(db), "--as-of", "2024-06-30"])
    assert result.exit_code == 2
    assert "2025年" in result.output
    assert not db.exists()


def test_the_demo_board_of_an_earlier_date_uses_the_progress_known_by_then(tmp_path):
    result = CliRunner().invoke(cli, ["demo", "--db", str(tmp_path / "may.sqlite"), "--as-of", "2025-05-31"])
    assert result.exit_code == 0, result.output
    assert "截至2025-05-31" in result.output
