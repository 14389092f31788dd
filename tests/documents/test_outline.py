"""The heading tree: one row per text with the headings it must (or must not) yield.

The texts are our own, about the fictional city of 江川市.
"""

from __future__ import annotations

import pytest

from planwatch.documents.outline import build_outline, chinese_small_number


def flat(text: str) -> list[tuple[int, str, str]]:
    """(level, label, title) of every heading, in document order."""
    return [(h.level, h.label, h.title) for h in build_outline(text)]


OUTLINE_TABLE = [
    # text, expected (level, label, title) list
    (
        "一、上半年工作情况\n正文。\n二、下半年工作安排\n正文。",
        [(1, "一、", "上半年工作情况"), (1, "二、", "下半年工作安排")],
    ),
    (
        "一、总体情况\n（一）工业稳中有进。规上工业增长6%。\n（二）投资持续回升。\n二、下步打算\n",
        [
            (1, "一、", "总体情况"),
            (2, "（一）", "工业稳中有进"),
            (2, "（二）", "投资持续回升"),
            (1, "二、", "下步打算"),
        ],
    ),
    (
        "一、总体情况\n(一)ASCII括号的小标题\n(二)第二个小标题\n",
        [(1, "一、", "总体情况"), (2, "(一)", "ASCII括号的小标题"), (2, "(二)", "第二个小标题")],
    ),
    ("（一）混用括号甲\n(二）混用括号乙\n", [(1, "（一）", "混用括号甲"), (1, "(二）", "混用括号乙")]),
    (
        "一、产业\n1.工业平稳\n2、服务业向好\n３．农业丰收\n",
        [(1, "一、", "产业"), (2, "1.", "工业平稳"), (2, "2、", "服务业向好"), (2, "３．", "农业丰收")],
    ),
    (
        "1.投资\n(1)工业投资\n（2）基建投资\n2.消费\n",
        [(1, "1.", "投资"), (2, "(1)", "工业投资"), (2, "（2）", "基建投资"), (1, "2.", "消费")],
    ),
    (
        "（一）稳住工业。一是扩大技改投资。全年技改投资增长8%。二是培育新兴产业；三是稳住龙头企业。\n",
        [
            (1, "（一）", "稳住工业"),
            (2, "一是", "扩大技改投资"),
            (2, "二是", "培育新兴产业"),
            (2, "三是", "稳住龙头企业"),
        ],
    ),
    (
        "（一）促消费\n一是办好展会。\n二是发放消费券。\n",
        [(1, "（一）", "促消费"), (2, "一是", "办好展会"), (2, "二是", "发放消费券")],
    ),
    ("　　一、缩进的标题\n　　（一）缩进的小标题\n", [(1, "一、", "缩进的标题"), (2, "（一）", "缩进的小标题")]),
    ("十、第十项\n十一、第十一项\n", [(1, "十、", "第十项"), (1, "十一、", "第十一项")]),
    ("一、甲\r\n二、乙\r\n", [(1, "一、", "甲"), (1, "二、", "乙")]),
]

OUTLINE_TABLE += [
    (
        "第一部分 2025年工作回顾\n一、经济运行\n第二部分 2026年工作安排\n",
        [(1, "第一部分", "2025年工作回顾"), (2, "一、", "经济运行"), (1, "第二部分", "2026年工作安排")],
    ),
    ("①稳定工业\n②扩大投资\n", [(1, "①", "稳定工业"), (1, "②", "扩大投资")]),
]

NOT_HEADINGS = [
    "1.5%的增速高于全省平均水平。",
    "2025.6月完成投资。",
    "2025年江川市经济运行平稳。",
    "1、2月份工业增速放缓。",
    "一、二季度增速分别为5%和6%。",
    "江川市坚持系统统一是做好工作的前提。",
    "主要措施有：一是加快项目建设。",  # 一是 without 二是 is no series
    "12.3万人次参加培训。",
    "３．５％的增速高于预期。",
    "3.\n",  # a bare number on a line
    "第一季度全市经济开局良好。",
]


@pytest.mark.parametrize(("text", "expected"), OUTLINE_TABLE)
def test_headings_are_found_with_level_label_and_title(text: str, expected: list[tuple[int, str, str]]) -> None:
    assert flat(text) == expected


@pytest.mark.parametrize("text", NOT_HEADINGS)
def test_prose_that_looks_like_a_number_is_not_a_heading(text: str) -> None:
    assert flat(text) == []


def test_an_out_of_sequence_number_is_not_a_heading() -> None:
    text = "一、总体情况\n1.工业\n正文提到\n5.这行不是标题\n2.服务业\n"
    assert flat(text) == [(1, "一、", "总体情况"), (2, "1.", "工业"), (2, "2.", "服务业")]


def test_spans_cover_the_label_and_title_and_sections_run_to_the_next_sibling() -> None:
    text = "前言。\n一、工业\n（一）制造业。增长6%。\n（二）建筑业\n二、服务业\n尾声。"
    outline = build_outline(text)
    first, second = outline.headings
    assert text[first.span[0] : first.span[1]] == "一、工业"
    assert text[first.section_span[0] : first.section_span[1]] == "一、工业\n（一）制造业。增长6%。\n（二）建筑业\n"
    sub1, sub2 = first.children
    assert text[sub1.span[0] : sub1.span[1]] == "（一）制造业"
    assert text[sub1.section_span[0] : sub1.section_span[1]] == "（一）制造业。增长6%。\n"
    assert sub2.section_span[1] == second.section_span[0]
    assert second.section_span[1] == len(text)


def test_the_last_inline_item_ends_with_its_paragraph() -> None:
    text = "（一）稳工业。一是抓技改。投资增长8%。二是抓龙头。\n全市工业平稳。\n（二）促消费\n"
    outline = build_outline(text)
    parent = outline.headings[0]
    one, two = parent.children
    assert text[one.section_span[0] : one.section_span[1]] == "一是抓技改。投资增长8%。"
    assert text[two.section_span[0] : two.section_span[1]] == "二是抓龙头。"
    assert text[parent.section_span[0] : parent.section_span[1]].endswith("全市工业平稳。\n")


def test_an_inline_item_runs_over_its_follow_up_paragraphs_to_the_next_item() -> None:
    text = "（一）促消费\n一是办好展会。\n展会吸引客流12万人次。\n二是发放消费券。\n（二）稳投资\n"
    one, two = build_outline(text).headings[0].children
    assert text[one.section_span[0] : one.section_span[1]] == "一是办好展会。\n展会吸引客流12万人次。\n"
    assert text[two.section_span[0] : two.section_span[1]] == "二是发放消费券。"


def test_a_title_without_a_full_stop_ends_at_the_next_label() -> None:
    text = "（一）主要做法：一是抓项目，二是抓招商\n"
    parent = build_outline(text).headings[0]
    assert parent.title == "主要做法"
    assert [(h.label, h.title) for h in parent.children] == [("一是", "抓项目"), ("二是", "抓招商")]
    one = parent.children[0]
    assert text[one.span[0] : one.span[1]] == "一是抓项目，"


def test_enclosing_lists_the_headings_around_an_offset_outermost_first() -> None:
    text = "一、工业\n（一）制造业。一是抓技改，技改投资增长8%。二是抓龙头。\n二、服务业\n"
    outline = build_outline(text)
    offset = text.index("8%")
    assert [h.label for h in outline.enclosing(offset)] == ["一、", "（一）", "一是"]
    assert [h.label for h in outline.enclosing(text.index("服务业"))] == ["二、"]
    assert outline.enclosing(0) == [outline.headings[0]]


def test_text_before_the_first_heading_has_no_enclosing_heading() -> None:
    text = "江川市统计局\n一、总体\n"
    assert build_outline(text).enclosing(0) == []


def test_the_outline_serialises_to_json_ready_data() -> None:
    data = build_outline("一、甲\n（一）乙\n").to_dict()
    assert data[0]["label"] == "一、"
    assert data[0]["children"][0] == {
        "level": 2,
        "label": "（一）",
        "title": "乙",
        "span": [4, 8],
        "section_span": [4, 9],
        "children": [],
    }


@pytest.mark.parametrize(
    ("numeral", "value"),
    [("一", 1), ("十", 10), ("十二", 12), ("二十", 20), ("九十九", 99), ("十十", None), ("", None)],
)
def test_chinese_heading_numerals_are_read(numeral: str, value: int | None) -> None:
    assert chinese_small_number(numeral) == value


def test_the_seed_report_outline_finds_its_top_level_sections(seed_path) -> None:
    text = seed_path.read_text(encoding="utf-8")
    outline = build_outline(text)
    assert [h.label for h in outline.headings] == ["一、", "二、"]
    first, second = outline.headings
    assert len(first.children) == 12 and len(second.children) == 12
    assert all(child.label.startswith("(") for child in first.children)
    inline = [h for h in outline if h.label.endswith("是")]
    assert len(inline) >= 30
    for heading in outline:
        start, end = heading.section_span
        assert start == heading.span[0] and end <= len(text)
        assert text[heading.span[0] : heading.span[1]].startswith(heading.label)
