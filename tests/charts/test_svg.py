"""The one drawing module: every chart escapes what it is told and draws nothing from nothing."""

from __future__ import annotations

import pytest

from planwatch.charts.model import Bar, Chart, TargetBar, YearPoint
from planwatch.charts.svg import render_svg, sparkline_svg, targets_across_svg, years_svg

HOSTILE = '<script>alert("x")</script>&'

DRAWINGS = [
    pytest.param(
        lambda: render_svg(Chart(HOSTILE, [Bar(HOSTILE, 0.5, 0.4, "green", HOSTILE)], note=HOSTILE)), id="bars"
    ),
    pytest.param(lambda: render_svg(Chart(HOSTILE, [Bar(HOSTILE, 1.0, text=HOSTILE)] * 2, kind="trend")), id="trend"),
    pytest.param(
        lambda: targets_across_svg([TargetBar(HOSTILE, 5.0, 6.0, None, None, HOSTILE, False)], HOSTILE),
        id="across regions",
    ),
    pytest.param(lambda: years_svg([YearPoint(2024, 5.0, 5.2), YearPoint(2025, 5.0, 4.9)], HOSTILE), id="over years"),
]


@pytest.mark.parametrize("draw", DRAWINGS)
def test_every_chart_escapes_its_labels(draw) -> None:
    drawn = draw()
    assert drawn.startswith("<svg") and drawn.endswith("</svg>")
    assert "<script>" not in drawn and "&lt;script&gt;" in drawn


@pytest.mark.parametrize(
    "drawn",
    [
        pytest.param(lambda: targets_across_svg([], "无"), id="across regions without rows"),
        pytest.param(
            lambda: targets_across_svg([TargetBar("甲", None, None, None, None, "无目标", None)], "无"),
            id="across regions without figures",
        ),
        pytest.param(lambda: years_svg([YearPoint(2025, None, None)], "无"), id="over years without figures"),
        pytest.param(lambda: sparkline_svg([None, 3.0, None]), id="sparkline of one point"),
    ],
)
def test_a_chart_with_nothing_to_draw_is_empty(drawn) -> None:
    assert drawn() == ""


def test_a_range_target_is_a_band_and_a_single_target_is_a_mark() -> None:
    drawn = targets_across_svg(
        [
            TargetBar("甲市", 5.2, 5.25, 5.0, 5.5, "目标 5—5.5", True),
            TargetBar("乙市", 4.1, 5.0, None, None, "目标 5", False),
        ],
        "2025年 地区生产总值",
    )
    assert drawn.count('class="target-band"') == 1 and drawn.count('class="target-mark"') == 1
    assert 'class="bar bar-met"' in drawn and 'class="bar bar-missed"' in drawn


def test_one_point_a_year_draws_no_line_but_two_do() -> None:
    one = years_svg([YearPoint(2025, 5.0, 5.1)], "甲市")
    two = years_svg([YearPoint(2024, 5.0, 5.1), YearPoint(2025, 5.5, 5.3)], "甲市")
    assert "<polyline" not in one and one.count("<circle") == 2
    assert two.count("<polyline") == 2 and 'class="line-target"' in two
