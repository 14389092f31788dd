"""Frames set by a passage's own words (facts-schema: "Frames are set by content"), one row per cue.

Each row is a short report of our own about the fictional 江川市: the frame the paragraph holding
``marker`` must be read in — its kind and, for plans, its years — whatever its heading says.
"""

from __future__ import annotations

import pytest

from planwatch.extract.context import build_context

GWR = "江川市2026年政府工作报告\n一、2025年工作和“十四五”发展回顾\n过去一年，全市经济稳中有进。\n"

ROWS = [
    # (text, marker, kind, years)
    (GWR + "——这五年，全市新建学校46所。", "新建学校", "plan_review", (2021, 2025)),
    (GWR + "过去五年，全市经济总量连跨两个台阶。", "经济总量", "plan_review", (2021, 2025)),
    (GWR + "五年来，我们办好民生实事120件。", "民生实事", "plan_review", (2021, 2025)),
    (GWR + "“十四五”时期是江川发展极不平凡的五年。", "极不平凡", "plan_review", (2021, 2025)),
    (GWR + "2025年是“十四五”收官之年。回望“十四五”，我们砥砺前行。", "砥砺前行", "plan_review", (2021, 2025)),
    (GWR + "——这五年，新建学校46所。\n各位代表！\n全市新增就业岗位3万个。", "新增就业岗位", "plan_review",
     (2021, 2025)),
    (GWR + "二、“十五五”时期主要目标\n全市地区生产总值年均增长5%左右。", "年均增长", "plan_goals", (2026, 2030)),
    (GWR + "二、今后五年的奋斗方向\n到2030年，森林覆盖率达到65%。", "森林覆盖率", "plan_goals", (2026, 2030)),
    (GWR + "二、坚定信心\n今年经济社会发展的主要预期目标是：地区生产总值增长5%左右。", "增长5%", "year_goals", None),
    (GWR + "二、坚定信心\n今年是“十五五”开局之年。主要预期目标是：地区生产总值增长5%左右。", "增长5%", "year_goals",
     None),
    (GWR + "二、坚定信心\n主要预期目标是：增长5%左右。\n5%左右的增长目标与规划相衔接。", "相衔接", "year_goals", None),
    (GWR + "二、坚定信心\n主要预期目标是：增长5%左右。\n（一）扩大内需\n新建充电桩800个。", "充电桩", "year_work",
     None),
    (GWR + "二、坚定信心\n今年要重点抓好以下工作。", "重点抓好", "year_work", None),
    # a heading that names a year as well as the plan sets no frame of its own: its first paragraph does
    (GWR + "——这五年，新建学校46所。\n二、2026年重点工作\n新建学校12所。", "新建学校12所", None, None),
    # 今年以来 and 今年上半年 look back: no frame of this year's work
    ("江川市2025年1—6月经济运行情况\n今年以来，全市经济稳中向好。", "稳中向好", None, None),
    ("江川市2025年1—6月经济运行情况\n今年上半年，社会消费品零售总额增长4.2%。", "社会消费品", None, None),
    # in a progress notice on this year, 今年 is the year being reported on
    ("江川市2025年1—8月重大项目进展通报\n一、总体进展\n今年全市共安排重大项目412个。", "重大项目412", None, None),
]


@pytest.mark.parametrize(("text", "marker", "kind", "years"), ROWS, ids=[r[1] for r in ROWS])
def test_a_passage_is_read_in_the_frame_its_own_words_set(text: str, marker: str, kind: str | None,
                                                           years: tuple[int, int] | None) -> None:
    ctx = build_context(text)
    frame = ctx.frame_at(text.index(marker))
    got = (frame.kind or None, frame.years) if frame is not None else (None, None)
    assert got == (kind, years), f"{marker}: {got}"


def test_a_year_goals_frame_states_targets_of_the_year_even_under_a_heading_without_a_year() -> None:
    text = GWR + "二、奋力开创新局面\n今年经济社会发展的主要预期目标是：地区生产总值增长5%左右。"
    frame = build_context(text).frame_at(text.index("增长5%"))
    assert frame is not None and frame.section is not None
    assert frame.section.lead.year == 2026 and frame.section.future
