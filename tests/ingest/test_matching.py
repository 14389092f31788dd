"""The pure rules of ingest, as tables: periods, units and clauses."""

from __future__ import annotations

from datetime import date

import pytest

from planwatch.ingest.matching import Period, clause_around, in_unit, parse_period
from planwatch.plan.model import Target, TargetMeasure


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


def fact(subject, measure, value, unit, period, modality="actual", qualifier=None, baseline="yoy", span=(10, 14)):
    from planwatch.extract import Fact

    return Fact(span, "x", subject, measure, value, unit, period, modality, qualifier, baseline)


def plan_with(*targets):
    from planwatch.plan.model import Plan, PlanData

    return PlanData(plan=Plan("P", "R", 2025, "计划"), targets=list(targets))


GDP = Target("T01", "gdp", TargetMeasure.GROWTH, 6, "%")
JOBS = Target("T12", "new_urban_jobs", TargetMeasure.LEVEL, 6.5, "万人", cumulative=True)
H1 = "2025-01/2025-06"


@pytest.mark.parametrize(
    ("facts", "targets", "expected"),
    [
        # one fact → progress of the target with its date and value in the target's unit
        ([fact("全市GDP", "growth", 6.1, "%", H1)], [GDP], [("progress", "T01", date(2025, 6, 30), 6.1)]),
        ([fact("实现地区生产总值", "growth", 6.1, "%", H1)], [GDP], [("progress", "T01", date(2025, 6, 30), 6.1)]),
        ([fact("城镇新增就业", "level", 39500, "人", H1)], [JOBS], [("progress", "T12", date(2025, 6, 30), 3.95)]),
        ([fact("GDP", "growth", 5.2, "%", "2025-01/2025-03")], [GDP], [("progress", "T01", date(2025, 3, 31), 5.2)]),
        # not progress: another year, another measure, another baseline, no period, a plan, a second mention
        ([fact("GDP", "growth", 5.0, "%", "2024-01/2024-12")], [GDP], [("document", "gdp")]),
        ([fact("GDP", "level", 3.2e11, "元", H1)], [GDP], [("document", "gdp")]),
        ([fact("GDP", "growth", 5.5, "%", "2021-01/2025-12", baseline="avg_annual")], [GDP], [("document", "gdp")]),
        ([fact("GDP", "growth", 6.1, "%", None)], [GDP], [("document", "gdp")]),
        ([fact("GDP", "growth", 6.0, "%", "2025-07/2025-12", modality="plan")], [GDP], [("document", "gdp")]),
        (
            [fact("GDP", "growth", 6.1, "%", H1), fact("GDP", "growth", 6.1, "%", H1, span=(90, 94))],
            [GDP],
            [("progress", "T01", date(2025, 6, 30), 6.1), ("document", "gdp")],
        ),
        # not an indicator at all
        ([fact("川渝汽车产量", "level", 1.74e6, "辆", H1)], [GDP], [("document", None)]),
        # a target of an indicator the plan lacks → a new target; of one it has → a document fact
        (
            [fact("固定资产投资", "growth", 6, "%", "2025-01/2025-12", "target", "about")],
            [GDP],
            [("target", "T-fixed_asset_investment", 6, None)],
        ),
        ([fact("GDP", "growth", 6, "%", "2025-01/2025-12", "target", "about")], [GDP], [("document", "gdp")]),
        (
            [
                fact("GDP", "growth", 5, "%", "2025-01/2025-12", "target", span=(10, 12)),
                fact("GDP", "growth", 5.5, "%", "2025-01/2025-12", "target", span=(13, 17)),
            ],
            [],
            [("target", "T-gdp", 5, 5.5)],
        ),
    ],
)
def test_what_a_fact_becomes(facts, targets, expected):
    from planwatch.catalog import load_catalog
    from planwatch.ingest import match_facts

    result = match_facts(facts, plan_with(*targets), load_catalog(), document="报告.txt", text="。" * 200)
    got = [("progress", m.target.code, m.record.as_of, pytest.approx(m.record.value)) for m in result.progress]
    got += [("target", t.target.code, t.target.value, t.target.value_high) for t in result.targets]
    got += [("document", f.get("indicator")) for f in result.document_facts]
    assert got == expected
