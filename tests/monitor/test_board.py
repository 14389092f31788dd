"""The status board: explanations a person can read, roll-ups, alerts, filters."""

from __future__ import annotations

from datetime import date

import pytest
from monitor_builders import cum, status_of
from sample_plan import sample_plan

from planwatch.monitor import Light, evaluate
from planwatch.plan.model import KeyTask, ProgressRecord, Qualifier, Source, Target, TargetMeasure

AS_OF = date(2025, 6, 30)


@pytest.fixture
def board():
    return evaluate(sample_plan(), AS_OF)


def by_code(board, code):
    return next(i for i in board.items if i.code == code)


def test_an_explanation_states_the_numbers_the_rule_and_the_source() -> None:
    task = KeyTask("K01", "建设高标准农田", "A01", "江川市农业农村局", annual_quantity=35.6, unit="万亩")
    status = status_of(task, [cum("K01", "2025-06-28", 12.4, unit="江川市农业农村局")], "2025-06-30")
    assert status.explanation == (
        "累计完成12.4万亩，完成年度目标35.6万亩的34.8%，低于时序进度50%共15.2个百分点（红灯）；"
        "来源：江川市农业农村局 2025-06-28 报送"
    )


def test_a_rate_explanation_names_the_indicator_target_tolerance_and_rule(board) -> None:
    text = by_code(board, "T01").explanation
    assert text.startswith("截至2025-06-30地区生产总值增长5.2%，目标增长6%左右，比目标低0.8个百分点")
    assert "超出“左右”允许的±0.5个百分点范围0.3个百分点" in text
    assert "不按时序折算" in text
    assert text.endswith("来源：江川市统计局 2025-06-30 报送")


def test_several_reports_of_one_unit_are_named_once_at_the_latest_date(board) -> None:
    assert by_code(board, "K01").explanation.endswith("来源：江川市农业农村局 2025-06-28 等2次报送")


def test_a_document_source_is_quoted_with_its_span() -> None:
    task = KeyTask("K01", "建设高标准农田", "A01", "江川市农业农村局", annual_quantity=40, unit="万亩")
    source = Source(document="江川市上半年经济运行报告", span=(120, 131), quote="建成高标准农田20万亩")
    record = ProgressRecord("K01", date(2025, 6, 30), 20, source=source)
    status = status_of(task, [record], "2025-06-30")
    expected = "来源：江川市上半年经济运行报告 第120—131字「建成高标准农田20万亩」（数据截至2025-06-30）"
    assert expected in status.explanation


def test_a_stale_item_says_when_it_was_last_reported(board) -> None:
    status = by_code(board, "P03")
    assert status.stale and status.light is Light.YELLOW
    assert "最近一次报送为2025-04-30，已61天未更新，超过月报周期31天" in status.explanation


def test_progress_after_the_as_of_date_does_not_count(board) -> None:
    status = by_code(board, "L02")
    assert status.actual == 150
    assert status.last_report == date(2025, 6, 30)


def test_counts_per_light_cover_every_item(board) -> None:
    counts = board.counts()
    assert counts == {Light.GREEN: 6, Light.YELLOW: 3, Light.RED: 2, Light.GREY: 1}
    assert sum(counts.values()) == len(board.items) == 12


def test_alerts_list_red_overdue_and_stale_items_worst_first(board) -> None:
    alerts = [i.code for i in board.alerts()]
    assert alerts == ["K02", "K01", "P02", "P03"]


def test_work_area_rollup_keeps_plan_order_and_names_the_worst_items(board) -> None:
    rollups = board.rollup("work_area")
    assert [r.label for r in rollups] == ["稳住经济增长", "扩大有效投资", "增进民生福祉"]
    growth = rollups[0]
    assert growth.counts[Light.RED] == 2 and growth.total == 4
    assert [i.code for i in growth.worst] == ["K02", "K01", "T01"]
    assert rollups[2].average_completion == pytest.approx((3.4 / 6 + 21 / 40 + 150 / 300) / 3)


def test_district_rollup_names_districts_and_gathers_city_items(board) -> None:
    rollups = board.rollup("district")
    labels = [r.label for r in rollups]
    assert labels == ["临江区", "青山县", "全市（未分区）"]
    assert rollups[0].total == 2 and rollups[2].total == 8


def test_owner_unit_rollup_puts_units_with_red_items_first(board) -> None:
    rollups = board.rollup("owner_unit")
    assert {r.label for r in rollups[:2]} == {"江川市农业农村局", "江川市科技局"}


def test_a_board_filtered_by_area_name_unit_or_district_keeps_only_those_items(board) -> None:
    assert {i.code for i in board.select(areas=["增进民生福祉"]).items} == {"T03", "L01", "L02"}
    assert {i.code for i in board.select(areas=["A03"]).items} == {"T03", "L01", "L02"}
    assert {i.code for i in board.select(units=["江川市统计局"]).items} == {"T01", "T02"}
    assert {i.code for i in board.select(districts=["青山县"]).items} == {"P02", "P04"}
    assert {i.code for i in board.select(kinds=["livelihood"]).items} == {"L01", "L02"}


def test_a_reserve_project_is_grey_and_not_chased(board) -> None:
    status = by_code(board, "P04")
    assert (status.light, status.state, status.stale) == (Light.GREY, "储备项目", False)


def test_a_price_target_reads_as_a_rise_in_prices(board) -> None:
    status = by_code(board, "T02")
    assert (status.actual_text, status.target_text) == ("上涨0.8%", "上涨2%左右")
    assert status.explanation.startswith("截至2025-06-30居民消费价格上涨0.8%，目标上涨2%左右")


def test_a_growth_target_named_with_增速_does_not_say_growth_twice() -> None:
    retail = Target("T04", "retail_sales", TargetMeasure.GROWTH, 6.5, "%", qualifier=Qualifier.ABOUT,
                    name="社会消费品零售总额增速")
    status = status_of(retail, [cum("T04", "2025-06-30", 5.9)], "2025-06-30")
    assert status.name == "社会消费品零售总额增速"
    assert status.explanation.startswith("截至2025-06-30社会消费品零售总额增长5.9%，目标增长6.5%左右")


@pytest.mark.parametrize("by", ["work_area", "owner_unit", "district"])
@pytest.mark.parametrize("new_light", [Light.RED, Light.GREEN, Light.GREY])
def test_a_board_brought_up_to_date_shows_every_rollup_as_a_fresh_board_would(board, by, new_light) -> None:
    from dataclasses import replace

    from planwatch.monitor import StatusBoard

    shown = {worst: board.rollup(by, worst) for worst in (1, 3, 5)}  # the pages keep several depths
    assert shown
    changed = [replace(item, light=new_light, stale=new_light is Light.GREY) for item in board.items[::3]]
    updated = board.with_changed(changed)
    assert updated is not None
    positions = {item.code: n for n, item in enumerate(board.items)}
    items = list(board.items)
    for item in changed:
        items[positions[item.code]] = item
    fresh = StatusBoard(board.plan, board.as_of, board.time_progress, items, board.work_area_titles, board.region_names)
    for worst in (1, 3, 5):
        assert updated.rollup(by, worst) == fresh.rollup(by, worst), (by, worst)
    assert updated.counts() == fresh.counts() and updated.alerts() == fresh.alerts()
