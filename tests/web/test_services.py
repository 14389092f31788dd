"""The pure helpers behind the pages, as tables of inputs and what a reader sees."""

from __future__ import annotations

from datetime import date

import pytest

from planwatch.web.services import describe_change, format_number, format_percent, format_pp, month_ends


@pytest.mark.parametrize(
    ("before", "after", "shown"),
    [
        (None, {"value": 22000.0, "cumulative": True}, "数值 22,000"),  # a new progress record
        ({"value": 1.5}, None, "数值 1.5"),  # a deleted one
        (None, {"value": None, "milestone_key": "2"}, "节点或阶段"),  # a milestone marked done
        (None, {"name": "改造老旧小区", "owner_unit": "市住房城乡建设局"}, "建立事项"),
        (
            {"value": 30.0, "narrative": ""},
            {"value": 42.0, "narrative": "新开工12个"},
            "数值 30 → 42；情况说明 空 → 新开工12个",
        ),
        ({"value": 5.0, "cumulative": True}, {"value": 5.0, "cumulative": False}, "累计口径 是 → 否"),
        ({"value": 5.0}, {"value": 5.0}, "—"),
    ],
)
def test_an_audit_row_reads_as_the_change_it_made(before, after, shown):
    assert describe_change(before, after) == shown


@pytest.mark.parametrize(
    ("value", "number", "percent", "pp"),
    [
        (0.5, "0.5", "50.0%", "+0.5个百分点"),
        (12345.678, "12,345.68", "1234567.8%", "+12345.7个百分点"),
        (-3.25, "-3.25", "-325.0%", "-3.2个百分点"),
        (None, "—", "—", "—"),
    ],
)
def test_numbers_are_written_the_way_reports_write_them(value, number, percent, pp):
    assert (format_number(value), format_percent(value), format_pp(value)) == (number, percent, pp)


def test_month_ends_know_february_of_a_leap_year():
    assert month_ends(2024)[1] == date(2024, 2, 29)
    assert month_ends(2025)[:3] == [date(2025, 1, 31), date(2025, 2, 28), date(2025, 3, 31)]
    assert month_ends(2025)[-1] == date(2025, 12, 31)
