"""The one number format: a table of numbers and the strings every page, message and report prints for them.

Rows from both former formatters (the pages' ``plan/numbers.py`` and the report's
``monitor/wording.py``) stand side by side; the strings are those printed before the two
were merged, except where a row says it mends a bug.
"""

from __future__ import annotations

import math

import pytest

from planwatch.plan.numbers import (
    format_number,
    format_percent,
    format_pp,
    num,
    one_decimal,
    pct,
    points,
    quantity,
    yi_yuan,
)

NAN, INF = math.nan, math.inf


@pytest.mark.parametrize(
    ("format_", "value", "expected"),
    [
        # pages and tables: thousands grouped, trailing zeros dropped
        (format_number, 12345.678, "12,345.68"),
        (format_number, 22000.0, "22,000"),
        (format_number, 0.5, "0.5"),
        (format_number, -3.25, "-3.25"),
        (format_number, 1.2e20, "1.2e+20"),
        (format_number, None, "—"),
        (format_number, NAN, "—"),
        (format_number, -0.001, "0"),  # mended: printed "-0"
        (lambda v: format_number(v, 4), 5.00004, "5"),
        (lambda v: format_number(v, 4), 0.12345, "0.1235"),
        (lambda v: format_number(v, 4, grouping=False), 128222.25, "128222.25"),
        # prose: no grouping, at most two decimals
        (num, 6.10, "6.1"),
        (num, 12345.678, "12345.68"),
        (num, 63.0, "63"),
        (num, -0.001, "0"),
        (num, INF, "—"),
        (one_decimal, 6.14, "6.1"),
        (one_decimal, 63.0, "63"),
        (one_decimal, -0.04, "0"),
        # percentages: tables keep one decimal, prose drops a trailing .0
        (format_percent, 0.5, "50.0%"),
        (format_percent, 12345.678, "1234567.8%"),
        (format_percent, -3.25, "-325.0%"),
        (format_percent, -0.0001, "0.0%"),  # mended: printed "-0.0%"
        (format_percent, INF, "—"),
        (pct, 0.5, "50%"),
        (pct, 0.356, "35.6%"),
        (pct, 0.51149, "51.1%"),
        (pct, -0.0001, "0%"),
        (pct, NAN, "—"),
        # percentage points: tables sign them, prose does not
        (format_pp, 0.5, "+0.5个百分点"),
        (format_pp, -3.25, "-3.2个百分点"),
        (format_pp, 0.0, "+0.0个百分点"),
        (format_pp, -0.04, "+0.0个百分点"),  # mended: printed "-0.0个百分点"
        (format_pp, None, "—"),
        (points, 13.04, "13个百分点"),
        (points, -2.46, "2.5个百分点"),
        # money: 万元 in, 亿元 with one decimal out
        (yi_yuan, 12751234, "1275.1亿元"),
        (yi_yuan, 2653000, "265.3亿元"),
        (yi_yuan, 260000, "26.0亿元"),
        (yi_yuan, NAN, "—"),  # mended: printed "nan亿元"
    ],
)
def test_a_number_prints_the_same_string_on_every_page_and_in_every_report(format_, value, expected) -> None:
    assert format_(value) == expected


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (2653000, "万元", "265.3亿元"),
        (7.5, "万人", "7.5万人"),
        (4.88, "万人次", "4.88万人次"),
        (1260, "公里", "1260公里"),
        (12, None, "12"),
        (NAN, "公里", "—"),  # mended: printed "—公里"
    ],
)
def test_a_quantity_carries_its_unit_and_money_becomes_yi_yuan(value, unit, expected) -> None:
    assert quantity(value, unit) == expected
