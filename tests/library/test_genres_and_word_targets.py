"""Genres from titles and openings, and goals stated only in words, as tables of our own phrases."""

from __future__ import annotations

import pytest

from planwatch.library.genres import classify_genre
from planwatch.library.word_targets import word_targets

GENRES = [
    ("2026年江川市政府工作报告", "", "政府工作报告"),
    ("政 府 工 作 报 告", "", "政府工作报告"),
    (None, "各位代表：\n现在，我代表市人民政府，向大会报告政府工作，请予审议。", "政府工作报告"),
    ("关于江川市2025年国民经济和社会发展计划执行情况与2026年计划草案的报告", "", "计划执行情况报告"),
    ("江川市2025年国民经济和社会发展统计公报", "", "统计公报"),
    ("2025年上半年全市经济运行情况分析", "", "经济运行分析"),
    ("江川市一季度经济形势分析", "", "经济运行分析"),
    ("关于2025年市级重大项目推进情况的通报", "", "重大项目/民生实事通报"),
    ("江川市2025年十件民生实事进展情况", "", "重大项目/民生实事通报"),
    ("江川市文化旅游发展规划", "", "其他"),
]


@pytest.mark.parametrize(("title", "opening", "genre"), GENRES)
def test_a_report_is_given_the_genre_its_title_or_opening_names(title: str | None, opening: str, genre: str) -> None:
    assert classify_genre(title, opening) == genre


WORDS = [
    # (a goal passage of our own, the (indicator, measure) pairs stated only in words)
    ("今年的主要预期目标是：地区生产总值增长6%左右；居民收入增长和经济增长同步。", [("居民人均可支配收入", "growth")]),
    (
        "主要预期目标是：城镇居民人均可支配收入增速高于全国平均水平，单位地区生产总值能耗完成省下达目标。",
        [("城镇居民人均可支配收入", "growth"), ("单位地区生产总值能耗", "growth")],
    ),
    (
        "主要预期目标是：完成国家下达的单位地区生产总值二氧化碳排放降低任务。",
        [("单位地区生产总值二氧化碳排放", "growth")],
    ),
    # a comparison names another indicator after the subject: no target for that one
    ("主要预期目标是：全员劳动生产率增速高于地区生产总值增速。", []),
    # a share of an amount is not the amount
    ("主要预期目标是：制造业投资占比稳步提升。", []),
    # a number makes it a numeric target, read by the extractor
    ("主要预期目标是：居民人均可支配收入增长6%，与经济增长同步。", []),
    # words outside a goal passage are no goals
    ("去年居民收入增长和经济增长基本同步。", []),
]


@pytest.mark.parametrize(("text", "expected"), WORDS)
def test_a_goal_stated_only_in_words_is_found_in_the_goal_passage(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(w.indicator, w.measure) for w in word_targets(text)] == expected


def test_a_word_target_carries_the_span_of_its_clause() -> None:
    text = "主要预期目标是：地区生产总值增长6%左右；居民收入增长和经济增长同步。"
    (found,) = word_targets(text)
    assert text[found.span[0] : found.span[1]] == "居民收入增长和经济增长同步" == found.text
