"""The one rule for the default board date, on its own and as the CLI and the pages apply it."""

from __future__ import annotations

from datetime import date

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from monitor.sample_plan import sample_plan
from planwatch.app import as_of_for, choose_plan, default_as_of
from planwatch.cli.main import cli
from planwatch.plan.model import Plan, ProgressRecord, Source
from planwatch.store import Store
from planwatch.web import create_app

PLAN_2025 = Plan(code="X", region_code="X", year=2025, title="")
D = date.fromisoformat


@pytest.mark.parametrize(
    ("today", "report_dates", "expected"),
    [
        # the year runs: the board as it stands today
        (D("2025-08-12"), {D("2025-06-30"): 40}, D("2025-08-12")),
        # a closed year: the month end the reports reached
        (D("2026-03-01"), {D("2025-06-30"): 40}, D("2025-06-30")),
        (D("2026-03-01"), {D("2025-06-15"): 10, D("2025-06-28"): 5}, D("2025-06-30")),
        # one stray entry dated 31 December does not move everyone's board to year end
        (D("2026-03-01"), {D("2025-06-30"): 300, D("2025-12-31"): 1}, D("2025-06-30")),
        (D("2026-03-01"), {D("2025-06-30"): 1, D("2025-12-31"): 1}, D("2025-06-30")),
        # a quarter of the reporting items reaching a month is enough
        (D("2026-03-01"), {D("2025-03-31"): 30, D("2025-06-30"): 10}, D("2025-06-30")),
        (D("2026-03-01"), {D("2025-03-31"): 90, D("2025-06-30"): 10}, D("2025-03-31")),
        # a single report is all there is to go by
        (D("2026-03-01"), {D("2025-09-12"): 1}, D("2025-09-30")),
        # reports dated outside the plan year say nothing about it
        (D("2026-03-01"), {D("2026-01-31"): 50, D("2025-05-31"): 3}, D("2025-05-31")),
        # no reports: the year's last day for a closed year, its first for next year's plan
        (D("2026-03-01"), {}, D("2025-12-31")),
        (D("2024-11-05"), {}, D("2025-01-01")),
    ],
)
def test_the_default_board_date_follows_one_rule(today, report_dates, expected):
    assert default_as_of(PLAN_2025, report_dates, today) == expected


@pytest.fixture
def store(database_url: str):
    s = Store.open(database_url)
    s.init()
    s.save_plan_data(sample_plan(), user="测试")
    # one unit types a December date by mistake
    stray = ProgressRecord("P01", D("2025-12-31"), 15000, source=Source(unit="江川交投集团"))
    s.add_progress("JC2025", [stray], user="江川交投集团")
    yield s
    s.close()


def test_a_stray_december_entry_leaves_the_default_date_of_a_closed_year_at_june(store: Store):
    plan = choose_plan(store, None)
    assert as_of_for(store, plan, None, today=D("2026-03-01")) == D("2025-06-30")
    assert as_of_for(store, plan, None, today=D("2025-08-12")) == D("2025-08-12")


def test_the_cli_and_the_pages_open_a_closed_year_on_the_same_day(store: Store, database_url: str):
    if date.today().year == 2025:
        pytest.skip("the plan year is running: both show today")
    out = CliRunner().invoke(cli, ["status", "--db", database_url, "--format", "json"])
    assert out.exit_code == 0, out.output
    assert '"as_of": "2025-06-30"' in out.output
    from planwatch.app import accounts

    accounts.add_user(store, "reader", "只读", None, "test-password-1", actor="测试")
    token = accounts.issue_token(store, "reader", actor="测试")
    page = TestClient(create_app(store)).get("/api/status", headers={"Authorization": f"Bearer {token}"})
    assert page.json()["as_of"] == "2025-06-30"
