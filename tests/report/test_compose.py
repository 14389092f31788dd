"""The composer: the report's structure, its numbers as reports write them, varied sentences, nothing invented."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from datetime import date

import pytest

from planwatch.monitor import evaluate
from planwatch.monitor.wording import change, versus_time
from planwatch.report import Figure, Style, compose_report
from planwatch.report.compose import period_words
from planwatch.report.inputs import ReportInputs


def test_the_report_has_title_caption_addressee_and_the_four_parts_in_order(demo_report):
    assert demo_report.title == "关于江川市2025年1—6月国民经济和社会发展计划执行情况的报告"
    assert demo_report.caption == "（数据截至2025年6月30日）"
    assert demo_report.addressee == "市人大常委会："
    headings = [p.text for p in demo_report.paragraphs() if p.style is Style.HEADING1]
    assert headings == [
        "一、1—6月计划执行情况",
        "二、重大项目和民生实事推进情况",
        "三、需要关注的问题",
        "四、下一步工作打算",
    ]


def test_one_section_per_work_area_in_the_plans_order_with_its_title(demo_report, demo_inputs):
    titles = [a.title for a in sorted(demo_inputs.data.work_areas, key=lambda a: a.order)]
    sections = [p.text for p in demo_report.paragraphs() if p.style is Style.HEADING2][: len(titles)]
    assert [re.sub(r"^（[一二三四五六七八九十]+）", "", s).rstrip("。") for s in sections] == titles
    assert sections[11].startswith("（十二）")


def test_the_opening_paragraph_states_gdp_with_its_growth_and_the_target_comparison(demo_report):
    opening = next(p.text for p in demo_report.paragraphs() if p.text.startswith("1—6月，全市"))
    assert "地区生产总值同比增长6.1%，高于年度目标0.1个百分点" in opening
    assert "固定资产投资增长4.2%，低于年度目标1.8个百分点" in opening


def test_a_quantified_task_reads_done_share_and_points_against_time(demo_report):
    text = "".join(p.text for p in demo_report.paragraphs())
    assert re.search(r"新改建农村公路171公里，[^；。]*38%[^；。]*落后时序进度12个百分点", text)


def test_major_projects_give_count_investment_rate_starts_and_districts(demo_report):
    text = "".join(p.text for p in demo_report.paragraphs())
    assert "全市纳入监测的重大项目216个，年度计划投资1275.1亿元，1—6月完成投资651.3亿元，年度投资完成率51.1%" in text
    assert "开工率" in text and "已竣工" in text and "按“四个一批”阶段统计" in text
    assert "分区县看" in text and "落后于时序进度" in text


def test_livelihood_items_say_how_many_keep_time_and_task_progress_together(demo_report):
    text = "".join(p.text for p in demo_report.paragraphs())
    assert re.search(r"15件民生实事中，\d+件实现“时序过半、任务过半”", text)


def test_items_behind_schedule_quote_the_owners_latest_explanation(demo_report):
    text = "".join(p.text for p in demo_report.paragraphs())
    assert "项目用地报批尚未完成，开工时间推迟，正在加快办理" in text


def test_every_number_in_the_report_body_is_a_figure_with_a_source(demo_report, demo_inputs):
    data = demo_inputs.data
    quoted = [i.name for i in data.tasks + data.projects + data.livelihood_items]
    quoted += [m.title for t in data.tasks for m in t.milestones] + [r.narrative for r in data.progress if r.narrative]
    quoted.sort(key=len, reverse=True)
    for paragraph in demo_report.paragraphs():
        for run in paragraph.runs:
            if isinstance(run, str):
                for words in quoted:  # names and the owners' own words are quoted, not counted
                    run = run.replace(words, "")
                # section numbers and periods aside, the composer's own text holds no digits
                stripped = re.sub(r"\d+—\d+月|\d+月|^\d+\.|\d{4}年", "", run)
                assert not re.search(r"\d", stripped), run
    figures = demo_report.figures()
    assert len(figures) > 200
    assert all(isinstance(f, Figure) and f.source.record and f.source.submitted_by for f in figures)


def test_sentences_vary_no_template_opens_more_than_a_third_of_the_clauses(demo_report):
    clauses = [c for p in demo_report.paragraphs() for c in re.split("[；。]", p.text) if "完成" in c]
    shapes = Counter(re.sub(r"[^完成年度计划全任务占率已达累计目标的]", "", c)[:8] for c in clauses)
    assert len(shapes) >= 4
    assert max(shapes.values()) < len(clauses) / 2


def test_the_same_data_gives_the_same_report(demo_inputs, demo_report):
    again = compose_report(demo_inputs)
    assert [p.text for p in again.paragraphs()] == [p.text for p in demo_report.paragraphs()]


def test_an_item_without_data_is_not_described_as_progressing(demo_inputs):
    data = demo_inputs.data
    silent = replace(data, progress=[r for r in data.progress if r.item_code != "K0101"])
    report = compose_report(ReportInputs(silent, evaluate(silent, demo_inputs.board.as_of), demo_inputs.history))
    text = "".join(p.text for p in report.paragraphs())
    assert "江川好物" not in text
    first_area = text.split("（一）全力提振消费")[1].split("（二）")[0]
    assert "另有1项事项尚未报送进展" in first_area


@pytest.mark.parametrize(
    ("gap", "expected"),
    [(13.04, "超时序进度13个百分点"), (-2.46, "落后时序进度2.5个百分点"), (0.02, "与时序进度持平")],
)
def test_gaps_against_time_progress_are_in_percentage_points(gap, expected):
    assert versus_time(gap) == expected


@pytest.mark.parametrize(("value", "expected"), [(6.1, "增长6.1%"), (-1.24, "下降1.2%"), (0.0, "与上年持平")])
def test_growth_is_worded_as_rise_or_fall(value, expected):
    assert change(value) == expected


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        (date(2025, 6, 30), "1—6月"),
        (date(2025, 1, 31), "1月"),
        (date(2025, 6, 15), "1月1日至6月15日"),
        (date(2025, 12, 31), "全年"),
    ],
)
def test_the_period_is_named_as_reports_name_it(as_of, expected):
    assert period_words(as_of) == expected
