"""The dashboard: what a planning office sees first."""

from __future__ import annotations

from datetime import date

from planwatch.app import default_as_of
from planwatch.monitor import evaluate
from planwatch.plan.model import ProgressRecord, Source

from .pages import soup, texts
from .webapp import AS_OF, PLAN, jiangchuan_plan

BOARD = evaluate(jiangchuan_plan(), AS_OF)


def test_the_dashboard_shows_the_light_counts_and_chinese_labels(web):
    page = soup(web.get("/", params={"plan": PLAN, "as_of": "2025-06-30"}))
    assert page.html["lang"] == "zh-CN"
    counts = BOARD.counts()
    for light, label in [("green", "绿灯"), ("yellow", "黄灯"), ("red", "红灯"), ("grey", "灰灯")]:
        tile = page.select_one(f".tile-{light}")
        assert label in tile.get_text()
        assert tile.select_one(".tile-count").get_text(strip=True) == str(counts[light])
    assert page.select_one(".tile-total .tile-count").get_text(strip=True) == str(len(BOARD.items))


def test_the_dashboard_counts_alerts_stale_and_overdue_items(web):
    page = soup(web.get("/", params={"plan": PLAN, "as_of": "2025-06-30"}))
    overdue = sum(1 for i in BOARD.items if i.overdue)
    expected = f"预警 {len(BOARD.alerts())} 项 · 久未报送 {BOARD.stale_count()} 项 · 逾期 {overdue} 项"
    assert page.select_one(".tile-flags").get_text(" ", strip=True) == expected
    assert overdue == 1 and BOARD.stale_count() >= 1  # the 江川 plan has a late milestone and silent items


def test_the_dashboard_header_names_the_plan_the_date_and_the_time_progress(web):
    page = soup(web.get("/", params={"plan": PLAN, "as_of": "2025-06-30"}))
    assert page.h1.get_text(strip=True) == "江川市2025年国民经济和社会发展计划"
    assert "2025年6月30日" in page.select_one(".planhead .meta").get_text()
    assert "时序进度 50.0%" in page.select_one(".tp-label").get_text(" ", strip=True)


def test_a_bar_per_work_area_in_plan_order_with_its_average_completion(web):
    page = soup(web.get("/", params={"plan": PLAN, "as_of": "2025-06-30"}))
    assert texts(page, ".bars tbody th") == ["稳住经济增长", "扩大有效投资", "办好民生实事"]
    rows = page.select(".bars tbody tr")
    investment = rows[1]  # P01 at 55%, P02 at 1.7%, P03 without data
    assert [seg.get_text() for seg in investment.select(".seg")] == ["1", "1", "1"]
    assert investment.select_one(".completion").get_text(strip=True) == "28.3%"


def test_roll_ups_by_owner_unit_and_district_name_their_groups(web):
    page = soup(web.get("/", params={"plan": PLAN, "as_of": "2025-06-30"}))
    units, districts = page.select(".rollup")
    assert "按责任单位" in units.h2.get_text()
    assert "市交通运输局" in texts(units, "tbody th")
    district_rows = {row.th.get_text(strip=True): row for row in districts.select("tbody tr")}
    assert {"临江区", "青山县"} <= set(district_rows)
    assert district_rows["青山县"].select_one(".c-red").get_text(strip=True) == "1"


def test_the_alerts_come_worst_first_each_with_its_explanation(web):
    page = soup(web.get("/", params={"plan": PLAN, "as_of": "2025-06-30"}))
    alerts = page.select(".alert-list .alert")
    expected = BOARD.alerts()
    assert [a.select_one(".alert-head a").get_text(strip=True) for a in alerts] == [i.name for i in expected]
    assert [a.select_one(".alert-why").get_text(strip=True) for a in alerts] == [i.explanation for i in expected]
    overdue = next(a for a in alerts if "建成城市数据共享平台" in a.get_text())
    assert "逾期" in overdue.get_text()


def test_a_date_outside_the_plan_year_is_refused_in_chinese(web):
    response = web.get("/", params={"plan": PLAN, "as_of": "2024-12-31"})
    assert response.status_code == 400
    assert "不在计划年度 2025 年内" in soup(response).select_one(".error").get_text()


def test_a_malformed_date_is_refused_with_the_format_to_use(web):
    response = web.get("/", params={"as_of": "6月30日"})
    assert response.status_code == 400
    assert "2025-06-30 的格式" in response.text


def test_without_a_date_the_dashboard_shows_the_default_day(web, web_store):
    page = soup(web.get("/"))
    expected = default_as_of(jiangchuan_plan().plan, web_store.report_dates(PLAN), date.today())
    assert page.select_one("input[name=as_of]")["value"] == expected.isoformat()


def test_the_dashboard_shows_progress_written_by_others_at_once(fresh_web):
    web, store = fresh_web
    at = {"plan": PLAN, "as_of": "2025-06-30"}

    def red_count() -> int:
        return int(soup(web.get("/", params=at)).select_one(".tile-red .tile-count").get_text())

    before = red_count()
    # 青山县 reports the battery-materials park at 33,000 万元 (55% of its year): no longer red.
    record = ProgressRecord("P02", AS_OF, 33000, source=Source(unit="青山县发展改革局"))
    store.add_progress(PLAN, [record], user="青山县发展改革局")
    assert red_count() == before - 1


def test_month_end_links_open_the_board_at_each_month_end(web):
    page = soup(web.get("/", params={"plan": PLAN, "as_of": "2025-06-30"}))
    links = page.select(".months a")
    assert [a.get_text() for a in links] == [f"{m}月" for m in range(1, 13)]
    assert page.select_one(".months a.current").get_text() == "6月"
    march = soup(web.get(links[2]["href"]))
    assert "2025年3月31日" in march.select_one(".planhead .meta").get_text()
    assert "时序进度 25.0%" in march.select_one(".tp-label").get_text(" ", strip=True)
