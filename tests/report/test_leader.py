"""The leader's view and the overview figures it shares with the report and the ledger."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from planwatch.monitor import overview
from planwatch.monitor.progress import group_by_item
from planwatch.plan.model import ProgressRecord

CSS = Path(__file__).parents[2] / "src" / "planwatch" / "web" / "static" / "planwatch.css"


@pytest.fixture(scope="module")
def page(client) -> str:
    response = client.get("/leader", params={"plan": "JC2025", "as_of": "2025-06-30"})
    assert response.status_code == 200
    return response.text


def test_weighted_completion_is_completed_over_planned_investment_not_the_mean_of_rates(demo_inputs):
    board, data = demo_inputs.board, demo_inputs.data
    planned = overview.planned_investment(data)
    shares = overview.investment_by(board, planned, "work_area")
    assert sum(s.count for s in shares) == 216
    assert sum(s.planned for s in shares) == pytest.approx(sum(p.annual_planned_investment for p in data.projects))
    for share in shares:
        if share.planned:
            assert share.completion == pytest.approx(share.done / share.planned)


def test_project_totals_count_starts_completions_and_stages(demo_inputs):
    data, board = demo_inputs.data, demo_inputs.board
    totals = overview.project_totals(board, data, group_by_item(data.progress, board.as_of))
    assert totals.total.count == 216
    assert round(totals.total.planned / 1e4, 1) == 1275.1
    assert round(totals.total.completion * 100, 1) == 51.1
    assert (totals.to_start, totals.started) == (94, 59)
    assert sum(totals.stages.values()) == 216


@pytest.mark.parametrize(
    ("records", "through", "expected"),
    [
        ([], date(2025, 3, 31), [None, None, None]),
        ([(date(2025, 1, 31), 10), (date(2025, 3, 31), 30)], date(2025, 4, 30), [10, 10, 30, 30]),
        ([(date(2025, 2, 15), 5), (date(2025, 2, 28), 8)], date(2025, 2, 28), [None, 8]),
        ([(date(2025, 6, 30), 50)], date(2025, 6, 15), [None] * 6),
    ],
)
def test_the_monthly_series_keeps_the_last_figure_of_each_month(records, through, expected):
    made = [ProgressRecord("T", day, value) for day, value in records]
    assert overview.monthly_series(made, 2025, through) == expected


def test_the_leader_page_answers_first_with_time_progress_projects_and_livelihood(page):
    answer = re.search(r'<section class="leader-answer">(.*?)</section>', page, re.S).group(1)
    assert "时序进度 <strong>50%</strong>" in answer
    assert "重大项目投资完成率 <strong>51.1%</strong>" in answer
    assert re.search(r"民生实事 \d+/15 件进度不低于时序", answer)


def test_every_headline_indicator_has_a_card_with_light_target_and_sparkline(page, demo_inputs):
    cards = re.findall(r'<a class="card card-(\w+)" href="/items/(\w+)\?', page)
    assert [code for _, code in cards] == [t.code for t in demo_inputs.data.targets]
    gdp = page.split('href="/items/T01?')[1].split("</a>")[0]
    assert "增长6.1%" in gdp and "目标增长6%左右" in gdp and "<polyline" in gdp


def test_project_totals_show_planned_done_weighted_start_rate_and_completions(page):
    for words in ("年度计划投资", "1275.1亿元", "651.3亿元", "投资完成率（按投资额加权）", "开工率", "62.8%", "竣工"):
        assert words in page


def test_work_areas_show_weighted_completion_beside_the_plain_average_and_say_which_is_which(page):
    assert "按投资额加权" in page and "各事项简单平均" in page
    rows = re.findall(r"<tr><th>([^<]+)</th><td class=\"num\">([^<]+)</td><td class=\"num\">([^<]+)</td></tr>", page)
    assert len(rows) == 12
    assert any(weighted != plain for _, weighted, plain in rows)


def test_the_leader_page_escapes_names_and_draws_charts_as_inline_svg(page):
    assert page.count("<svg") >= 2 + 20
    assert "<script>alert" not in page


def test_the_leader_page_fits_a_phone(page):
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    css = CSS.read_text(encoding="utf-8")
    narrow = css.split("@media (max-width: 600px)")[-1]
    assert ".leader-grid.cards, .leader-grid.panels { grid-template-columns: 1fr; }" in narrow
    assert "minmax(210px, 1fr)" in css  # cards reflow: four across on a desk, one on a phone


def test_the_navigation_offers_the_leader_view(client):
    page = client.get("/", params={"plan": "JC2025", "as_of": "2025-06-30"}).text
    assert "/leader?plan=JC2025" in page
