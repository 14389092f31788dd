"""Periods and modality from the document, the section and the clause (fictional 江川市 texts)."""

from __future__ import annotations

import pytest

from planwatch.extract import extract_facts

HALF_YEAR = "江川市2025年1—6月国民经济和社会发展计划执行情况的报告\n一、1—6月计划执行情况\n"

PERIODS = [
    # (text, span text, period)
    (HALF_YEAR + "全市地区生产总值增长5.1%。", "5.1%", "2025-01/2025-06"),
    (HALF_YEAR + "6月末，全市贷款余额3200亿元。", "3200亿元", "2025-06-30"),
    (HALF_YEAR + "全市人民币存款余额达到4100亿元。", "4100亿元", "2025-06-30"),
    (HALF_YEAR + "累计建成充电桩8000个。", "8000个", None),
    (HALF_YEAR + "一季度，全市工业用电量增长3.3%。", "3.3%", "2025-01/2025-03"),
    ("江川市2024年国民经济和社会发展统计公报\n全年粮食产量62万吨。", "62万吨", "2024-01/2024-12"),
    ("“十四五”期间，江川市累计新增城镇就业21万人。", "21万人", "2021-01/2025-12"),
    ("2021—2025年，江川市地方财政收入年均增长5.2%。", "5.2%", "2021-01/2025-12"),
]


@pytest.mark.parametrize(("text", "span_text", "period"), PERIODS)
def test_a_fact_takes_the_period_its_text_and_section_give(text: str, span_text: str, period: str | None) -> None:
    found = [f for f in extract_facts(text) if f.text == span_text]
    assert found, [f.text for f in extract_facts(text)]
    assert found[0].period == period


PLAN_REPORT = (
    "江川市2025年1—6月计划执行情况的报告\n一、1—6月计划执行情况\n全市新开工项目320个。\n"
    "二、下一步工作打算\n力争全年高新技术企业达到900家。推进城市更新项目40个。\n"
)
MODALITIES = [
    ("320个", "actual"),
    ("900家", "target"),
    ("40个", "plan"),
]


@pytest.mark.parametrize(("span_text", "modality"), MODALITIES)
def test_a_future_section_makes_its_numbers_targets_or_plans(span_text: str, modality: str) -> None:
    found = [f for f in extract_facts(PLAN_REPORT) if f.text == span_text]
    assert found and found[0].modality == modality


def test_a_document_object_is_read_through_its_text() -> None:
    class Doc:
        text = "全市新增市场主体1.2万户。"

    assert [f.text for f in extract_facts(Doc())] == ["1.2万户"]


def test_every_span_points_at_its_own_text() -> None:
    text = HALF_YEAR + "全市社会消费品零售总额1,050.6亿元，同比增长4.8%，居全省第2位。"
    for f in extract_facts(text):
        assert text[f.span[0]:f.span[1]] == f.text
