"""Properties every status must keep, whatever the numbers (hypothesis)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st
from monitor_builders import cum, status_of

from planwatch.monitor import Light, time_progress
from planwatch.plan.model import KeyTask, Qualifier, Target, TargetMeasure

RANK = {Light.GREEN: 0, Light.YELLOW: 1, Light.RED: 2}
days_2025 = st.integers(min_value=0, max_value=364).map(lambda n: date(2025, 1, 1) + timedelta(days=n))


@given(days_2025, days_2025)
def test_time_progress_never_goes_back_as_the_year_goes_on(a: date, b: date) -> None:
    early, late = sorted((a, b))
    assert 0 < time_progress(early, 2025) <= time_progress(late, 2025) <= 1


@settings(max_examples=60, deadline=None)
@given(st.floats(min_value=0, max_value=60, allow_nan=False), st.floats(min_value=0, max_value=60, allow_nan=False))
def test_more_work_done_never_gives_a_worse_light(a: float, b: float) -> None:
    task = KeyTask("K01", "建设高标准农田", "A01", "江川市农业农村局", annual_quantity=40, unit="万亩")
    less, more = sorted((a, b))
    worse = status_of(task, [cum("K01", "2025-06-30", less)], "2025-06-30")
    better = status_of(task, [cum("K01", "2025-06-30", more)], "2025-06-30")
    assert RANK[better.light] <= RANK[worse.light]
    assert better.gap_pp >= worse.gap_pp


@settings(max_examples=60, deadline=None)
@given(st.floats(min_value=-10, max_value=15, allow_nan=False), st.floats(min_value=-10, max_value=15, allow_nan=False))
def test_a_higher_unemployment_rate_never_gives_a_better_light(a: float, b: float) -> None:
    ceiling = Target("T05", "urban_unemployment_rate", TargetMeasure.RATIO, 5.5, "%", qualifier=Qualifier.UNDER)
    low, high = sorted((a, b))
    better = status_of(ceiling, [cum("T05", "2025-06-30", low)], "2025-06-30")
    worse = status_of(ceiling, [cum("T05", "2025-06-30", high)], "2025-06-30")
    assert RANK[better.light] <= RANK[worse.light]


@settings(max_examples=40, deadline=None)
@given(st.floats(min_value=-10, max_value=20, allow_nan=False))
def test_every_rate_explanation_names_its_light_and_source(value: float) -> None:
    gdp = Target("T01", "gdp", TargetMeasure.GROWTH, 6, "%", qualifier=Qualifier.ABOUT)
    status = status_of(gdp, [cum("T01", "2025-06-30", value)], "2025-06-30")
    label = {"green": "（绿灯）", "yellow": "（黄灯）", "red": "（红灯）"}[status.light]
    assert label in status.explanation
    assert status.explanation.endswith("来源：江川市统计局 2025-06-30 报送")
