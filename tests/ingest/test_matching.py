"""The pure rules of ingest, as tables: periods, units and clauses."""

from __future__ import annotations

from datetime import date

import pytest

from planwatch.ingest.matching import Period, clause_around, in_unit, parse_period


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-01/2025-06", Period(date(2025, 1, 1), date(2025, 6, 30))),
        ("2025-01/2025-12", Period(date(2025, 1, 1), date(2025, 12, 31))),
        ("2024-03/2024-09", Period(date(2024, 3, 1), date(2024, 9, 30))),
        ("2025-06-30", Period(None, date(2025, 6, 30))),
        ("2025-01-01/2025-06-30", Period(date(2025, 1, 1), date(2025, 6, 30))),
        ("2025-02", Period(None, date(2025, 2, 28))),
        (None, None),
        ("", None),
        ("上半年", None),
    ],
)
def test_a_fact_period_gives_the_dates_of_a_progress_record(text, expected):
    assert parse_period(text) == expected


@pytest.mark.parametrize(
    ("value", "fact_unit", "unit", "expected"),
    [
        (39500.0, "人", "万人", 3.95),
        (246000000.0, "美元", "亿美元", 2.46),
        (1280000.0, "吨", "万吨", 128),
        (5.6, "%", "%", 5.6),
        (5.6, "pp", "%", None),
        (100.0, "个", "万人", None),
        (120.0, "个", "个", 120),
    ],
)
def test_a_fact_value_is_converted_to_the_unit_of_the_target(value, fact_unit, unit, expected):
    result = in_unit(value, fact_unit, unit)
    assert result == (pytest.approx(expected) if expected is not None else None)


def test_the_quoted_clause_is_the_one_holding_the_figure():
    text = "上半年，全市新增就业3.95万人，完成年度目标的60.8%。下半年继续努力。"
    start = text.index("60.8%")
    assert clause_around(text, (start, start + 5)) == "全市新增就业3.95万人，完成年度目标的60.8%"
