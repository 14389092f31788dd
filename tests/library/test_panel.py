"""The panel from six short fictional reports (江苏省 2024–2026, 苏州市 2025–2026 and its 2025 统计公报) equals
the table written here by hand.

The reports state targets with 左右, 以上, 以内, a range (5%—5.5%) and in words only
(与经济增长同步, 完成国家下达目标), and each year's outcome in the next year's report; 苏州's
2025 outcomes are stated twice (预计 in the 2026 report, final in the later 统计公报: the
newer source wins and the other is kept).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from planwatch.library import add, panel
from planwatch.library.export import to_csv
from planwatch.store import Store

JS, SZ = "320000", "320500"
GDP, RETAIL, JOBLESS = "地区生产总值", "社会消费品零售总额", "城镇调查失业率"
INCOME, ENERGY = "居民人均可支配收入", "单位地区生产总值能耗"
INDUSTRY, REVENUE = "规模以上工业增加值", "一般公共预算收入"
W = "非数值"

# (region code, year, indicator, measure): (target, low, high, qualifier, actual, gap, met)
EXPECTED = {
    (JS, 2023, GDP, "growth"): (None, None, None, None, 5.6, None, None),
    (JS, 2023, RETAIL, "growth"): (None, None, None, None, 6.0, None, None),
    (JS, 2023, JOBLESS, "ratio"): (None, None, None, None, 4.6, None, None),
    (JS, 2024, GDP, "growth"): (5.0, None, None, "about", 5.8, 0.8, True),
    (JS, 2024, RETAIL, "growth"): (5.5, None, None, "over", 5.1, -0.4, False),
    (JS, 2024, JOBLESS, "ratio"): (5.5, None, None, "under", 4.5, -1.0, True),
    (JS, 2024, INCOME, "growth"): (None, None, None, W, 5.3, None, None),
    (JS, 2024, ENERGY, "growth"): (None, None, None, W, None, None, None),
    (JS, 2025, GDP, "growth"): (5.0, 5.0, 5.5, None, 5.2, 0.2, True),
    (JS, 2025, RETAIL, "growth"): (5.0, None, None, "about", 4.6, -0.4, False),
    (JS, 2025, JOBLESS, "ratio"): (5.5, None, None, "about", 4.7, -0.8, True),
    (JS, 2025, INCOME, "growth"): (None, None, None, W, 5.4, None, None),
    (JS, 2026, GDP, "growth"): (5.0, None, None, "about", None, None, None),
    (JS, 2026, JOBLESS, "ratio"): (5.5, None, None, "about", None, None, None),
    (SZ, 2024, GDP, "growth"): (None, None, None, None, 6.0, None, None),
    (SZ, 2024, INDUSTRY, "growth"): (None, None, None, None, 7.1, None, None),
    (SZ, 2025, GDP, "growth"): (5.5, None, None, "about", 5.4, -0.1, False),
    (SZ, 2025, INDUSTRY, "growth"): (6.0, None, None, "over", 6.8, 0.8, True),
    (SZ, 2025, REVENUE, "growth"): (3.0, None, None, None, 2.5, -0.5, False),
    (SZ, 2026, GDP, "growth"): (5.0, None, None, "about", None, None, None),
    (SZ, 2026, INDUSTRY, "growth"): (5.5, None, None, "about", None, None, None),
}


@pytest.fixture
def library(store: Store, reports: Path) -> Store:
    summary = add([reports], store, jobs=1, progress=None)
    assert summary.failures == [] and summary.added == 6
    return store


def test_the_panel_of_the_fictional_reports_equals_the_table_written_by_hand(library: Store) -> None:
    rows = panel(library)
    got = {
        (r.region_code, r.year, r.indicator, r.measure): (
            r.target_value, r.target_low, r.target_high, r.target_qualifier, r.actual_value, r.gap, r.met
        )
        for r in rows
    }
    assert got == EXPECTED
    assert len(rows) == len(EXPECTED)


def test_the_newer_source_of_an_outcome_wins_and_the_older_is_kept(library: Store) -> None:
    (row,) = panel(library, indicators=["GDP"], region="苏州市", years="2025")
    assert row.actual_value == 5.4
    assert row.actual is not None and row.actual.document == "suzhou-bulletin-2025.txt"
    assert [(o.value, o.source.document) for o in row.other_actuals] == [(5.3, "suzhou-gwr-2026.txt")]
    assert "全市地区生产总值增长5.4%" in row.actual.quote


def test_every_number_of_the_panel_points_at_its_characters_in_its_document(library: Store, reports: Path) -> None:
    for row in panel(library):
        for source in (row.target, row.actual):
            if source is None:
                continue
            text = (reports / source.document).read_text(encoding="utf-8")
            start, end = source.span
            assert text[start:end] in source.quote
            if source is row.actual:
                assert float(text[start:end].rstrip("%")) == row.actual_value


def test_a_range_target_spans_both_numbers(library: Store, reports: Path) -> None:
    rows = panel(library, indicators=[GDP], region="江苏省", years="2025")  # the province and the cities under it
    assert [r.region for r in rows] == ["江苏省", "苏州市"]
    row = rows[0]
    text = (reports / "jiangsu-gwr-2025.txt").read_text(encoding="utf-8")
    assert row.target is not None
    assert text[row.target.span[0] : row.target.span[1]] == "5%—5.5%"


FILTERS = [
    ({"indicators": ["GDP"]}, {GDP}),
    ({"years": "2026"}, {GDP, JOBLESS, INDUSTRY}),
    ({"region": "苏州市", "years": "2024-2024"}, {GDP, INDUSTRY}),
    ({"level": "province", "indicators": [INDUSTRY]}, set()),
]


@pytest.mark.parametrize(("filters", "indicators"), FILTERS)
def test_the_panel_keeps_only_the_rows_asked_for(library: Store, filters: dict, indicators: set[str]) -> None:
    assert {r.indicator for r in panel(library, **filters)} == indicators


def test_the_csv_has_the_issues_columns_first_and_one_row_per_panel_row(library: Store) -> None:
    rows = panel(library)
    table = list(csv.reader(io.StringIO(to_csv(rows))))
    assert table[0][:15] == [
        "region", "region_code", "year", "indicator", "measure", "unit", "target_value", "target_low",
        "target_high", "target_qualifier", "actual_value", "gap", "met", "target_source", "actual_source",
    ]  # fmt: skip
    assert len(table) == len(rows) + 1
    income = next(r for r in table if r[1] == JS and r[2] == "2024" and r[3] == INCOME)
    assert income[9] == "非数值" and income[6] == "" and income[12] == ""


def test_a_notebook_loads_the_panel_in_one_line_as_plain_records_or_arrow(library: Store, tmp_path: Path) -> None:
    from planwatch import library as api

    records = api.records(api.panel(library, indicators=["GDP"], region="苏州市"))
    assert [(r["year"], r["target_value"], r["actual_value"]) for r in records] == [
        (2024, None, 6.0), (2025, 5.5, 5.4), (2026, 5.0, None)
    ]  # fmt: skip
    table = api.to_arrow(api.panel(library))
    assert table.num_rows == len(EXPECTED) and table.column_names[:3] == ["region", "region_code", "year"]
    api.write_parquet(api.panel(library), tmp_path / "panel.parquet")
    import pyarrow.parquet as pq

    assert pq.read_table(tmp_path / "panel.parquet").equals(table)
