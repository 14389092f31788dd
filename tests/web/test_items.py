"""The item list, the item page and progress entry."""

from __future__ import annotations

from datetime import date

from planwatch.monitor import evaluate

from .pages import approve_waiting, post_form, soup, texts
from .webapp import AS_OF, PLAN, jiangchuan_plan

BOARD = evaluate(jiangchuan_plan(), AS_OF)
AT = {"plan": PLAN, "as_of": "2025-06-30"}


def listed_codes(web, **filters) -> list[str]:
    page = soup(web.get("/items", params={**AT, **filters}))
    return texts(page, "table.items tbody td.code")


def test_the_item_list_shows_every_item_without_filters(web):
    assert sorted(listed_codes(web)) == sorted(i.code for i in BOARD.items)


def test_filters_narrow_the_item_list(web):
    assert sorted(listed_codes(web, kind="project")) == ["P01", "P02", "P03"]
    assert sorted(listed_codes(web, kind="project", district="JC01")) == ["P01", "P03"]
    assert sorted(listed_codes(web, light="red")) == sorted(i.code for i in BOARD.items if i.light == "red")
    assert listed_codes(web, area="W03", unit="市卫生健康委") == ["L01"]
    assert listed_codes(web, q="水厂") == ["P03"]
    assert listed_codes(web, q="没有这个词") == []


def test_the_alerts_filter_lists_exactly_the_dashboard_alerts(web):
    assert sorted(listed_codes(web, alert="1")) == sorted(i.code for i in BOARD.alerts())


def test_the_item_list_says_how_many_items_match(web):
    page = soup(web.get("/items", params={**AT, "kind": "project"}))
    assert page.select_one(".summary .matched").get_text() == "3"
    assert "全部 8 项" in page.select_one(".summary").get_text()


def test_the_item_list_sorts_by_completion_both_ways(web):
    ascending = listed_codes(web, kind="project", sort="completion")
    descending = listed_codes(web, kind="project", sort="completion", desc="1")
    assert ascending == ["P02", "P01", "P03"]  # 1.7%, 55%, then the item without data
    assert descending == ["P01", "P02", "P03"]  # items without data stay last


def test_an_unknown_item_code_gets_a_404_page_in_chinese(web):
    response = web.get("/items/Z99", params=AT)
    assert response.status_code == 404
    page = soup(response)
    assert page.html["lang"] == "zh-CN"
    assert "没有编号为「Z99」的事项" in page.select_one(".error").get_text()


def test_an_unknown_page_gets_a_404_page_in_chinese(web):
    response = web.get("/reports/2025")
    assert response.status_code == 404
    assert "页面不存在" in response.text


def test_the_item_page_explains_the_status_and_lists_the_progress_history(web):
    page = soup(web.get("/items/P01", params=AT))
    status = next(i for i in BOARD.items if i.code == "P01")
    assert page.select_one(".status-why").get_text(strip=True) == status.explanation
    assert page.select_one(".status-light").get_text(strip=True) == "绿灯"
    definition = dict(zip(texts(page, ".definition th"), texts(page, ".definition td"), strict=True))
    assert definition["所在区县"] == "临江区"
    assert definition["年度计划投资"] == "40,000万元"
    rows = [texts(row, "td") for row in page.select("table.history tbody tr")]
    assert [row[0] for row in rows] == ["2025-05-31", "2025-06-30"]
    assert rows[1][1] == "22,000"
    assert rows[1][4] == "码头主体结构施工"
    assert rows[1][5] == "市交通运输局"


def test_the_item_page_leaves_out_progress_after_the_chosen_date(web):
    page = soup(web.get("/items/P01", params={**AT, "as_of": "2025-06-15"}))
    assert texts(page, "table.history tbody td.date") == ["2025-05-31"]


def test_a_task_page_shows_its_milestones_done_and_overdue(web):
    page = soup(web.get("/items/K01", params=AT))
    rows = [texts(row, "td") for row in page.select("table.data tbody tr") if row.select("td.code")]
    assert rows[0][1:] == ["完成平台招标", "2025-03-31", "2025-03-20"]
    assert rows[1][1:] == ["平台上线试运行", "2025-06-15", "逾期未完成"]


def test_progress_entered_in_the_form_is_stored_and_changes_the_light(fresh_web):
    web, store = fresh_web
    form = {
        "unit": "青山县发展改革局",
        "as_of": "2025-06-30",
        "value": "33,000",
        "cumulative": "1",
        "narrative": "厂房封顶",
    }
    # 33,000 after 1,000 in January is a jump the unit is asked to confirm first
    asked = post_form(web, "/items/P02/progress", AT, form)
    assert asked.status_code == 200 and "33.0倍" in soup(asked).select_one(".notice.err").get_text()
    response = post_form(web, "/items/P02/progress", AT, {**form, "confirm": "1"})
    assert response.status_code == 303
    page = soup(web.get(response.headers["location"]))
    assert "等待计划处审核" in page.select_one(".notice.ok").get_text()
    assert page.select_one(".status-light").get_text(strip=True) != "绿灯"  # not counted before approval
    assert approve_waiting(web, AT) == 1
    page = soup(web.get("/items/P02", params=AT))
    assert page.select_one(".status-light").get_text(strip=True) == "绿灯"
    stored = [r for r in store.load_plan_data(PLAN).progress if r.item_code == "P02" and r.as_of == date(2025, 6, 30)]
    assert [(r.value, r.cumulative, r.source.unit, r.narrative) for r in stored] == [
        (33000.0, True, "青山县人民政府", "厂房封顶")
    ]
    assert store.audit_log(limit=1, table="progress_records")[0].user == "planner"


def test_a_form_with_a_bad_number_is_refused_and_writes_nothing(fresh_web):
    web, store = fresh_web
    before = len(store.load_plan_data(PLAN).progress)
    form = {"unit": "市交通运输局", "as_of": "2025-06-30", "value": "三万"}
    response = post_form(web, "/items/P01/progress", AT, form)
    assert response.status_code == 400
    assert "数值「三万」不是数字" in soup(response).select_one(".notice.err").get_text()
    assert len(store.load_plan_data(PLAN).progress) == before


def test_a_form_dated_outside_the_plan_year_is_refused(fresh_web):
    web, _store = fresh_web
    form = {"unit": "市交通运输局", "as_of": "2026-01-31", "value": "100"}
    response = post_form(web, "/items/P01/progress", AT, form)
    assert response.status_code == 400
    assert "不在计划年度2025年内" in response.text


def test_a_milestone_reported_done_in_the_form_shows_its_date_on_the_task_page(fresh_web):
    web, _store = fresh_web
    form = {"unit": "市数据局", "as_of": "2025-06-28", "milestone_key": "2", "narrative": "平台已上线"}
    response = post_form(web, "/items/K01/progress", AT, form)
    assert response.status_code == 303
    approve_waiting(web, AT)
    page = soup(web.get("/items/K01", params=AT))
    rows = [texts(row, "td") for row in page.select("table.data tbody tr") if row.select("td.code")]
    assert rows[1][1:] == ["平台上线试运行", "2025-06-15", "2025-06-28"]
    assert "节点2完成" in texts(page, "table.history tbody td")


def test_changing_the_date_on_the_item_list_keeps_its_filters(web):
    page = soup(web.get("/items", params={**AT, "kind": "project", "sort": "gap"}))
    picker = page.select_one("form.picker")
    kept = {field["name"]: field["value"] for field in picker.select("input[type=hidden]")}
    assert kept == {"kind": "project", "sort": "gap"}


def test_the_filtered_item_list_downloads_as_csv_that_excel_reads(web):
    page = soup(web.get("/items", params={**AT, "kind": "project", "district": "JC01"}))
    response = web.get(page.select_one("a.csv")["href"])
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    assert response.content.startswith("\ufeff".encode())
    lines = response.content.decode("utf-8-sig").splitlines()
    assert len(lines) == 1 + 2  # header and the two 临江区 projects
    assert "P01" in lines[1] + lines[2] and "P03" in lines[1] + lines[2]
    assert "灯" in lines[0]


def test_the_item_page_shows_who_entered_and_who_corrected_a_figure(fresh_web):
    web, _store = fresh_web
    # the fixture's 市交通运输局 reported 22,000 for 30 June; the commission corrects it
    corrected = {"as_of": "2025-06-30", "value": "23500", "cumulative": "1", "reason": "统计口径更正"}
    corrected["narrative"] = "码头主体结构施工"
    assert post_form(web, "/items/P01/progress", AT, corrected).status_code == 303
    assert approve_waiting(web, AT) == 1
    page = soup(web.get("/items/P01", params=AT))
    rows = [texts(row, "td")[1:] for row in page.select("table.changes tbody tr")]
    assert rows[0] == ["planner", "修改", "2025-06-30 进度", "数值 22,000 → 23,500"]
    assert sorted(tuple(r[:3]) for r in rows[1:]) == [
        ("测试", "新增", "2025-05-31 进度"),
        ("测试", "新增", "2025-06-30 进度"),
        ("测试", "新增", "事项定义"),
    ]


def test_a_key_task_may_report_in_words_only_and_the_history_says_so(fresh_web):
    web, store = fresh_web
    form = {"unit": "市数据局", "as_of": "2025-06-29", "narrative": "平台联调测试中，下月上线"}
    response = post_form(web, "/items/K01/progress", AT, form)
    assert response.status_code == 303
    approve_waiting(web, AT)
    page = soup(web.get("/items/K01", params=AT))
    assert "情况说明" in texts(page, "table.history tbody td")
    stored = [r for r in store.load_plan_data(PLAN).progress if r.item_code == "K01" and r.as_of == date(2025, 6, 29)]
    assert [(r.value, r.milestone_key, r.narrative) for r in stored] == [(None, None, "平台联调测试中，下月上线")]


def test_a_project_cannot_report_in_words_only(fresh_web):
    web, store = fresh_web
    before = len(store.load_plan_data(PLAN).progress)
    form = {"unit": "市交通运输局", "as_of": "2025-06-30", "narrative": "正在施工"}
    response = post_form(web, "/items/P01/progress", AT, form)
    assert response.status_code == 400
    assert "请填写数值" in soup(response).select_one(".notice.err").get_text()
    assert len(store.load_plan_data(PLAN).progress) == before


def test_the_dashboard_offers_the_excel_ledger_of_the_same_plan_and_date(web):
    import io
    from urllib.parse import unquote

    import openpyxl

    page = soup(web.get("/", params=AT))
    link = page.select_one("a.ledger")["href"]
    response = web.get(link)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/vnd.openxmlformats")
    assert "JC2025-监测台账-2025-06-30.xlsx" in unquote(response.headers["content-disposition"])
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames[:3] == ["汇总", "预警事项", "催报清单"]
    assert workbook.sheetnames[-1] == "图表"  # the leader's charts, after the item sheets
    listed = [row[1] for ws in workbook.worksheets[3:-1] for row in ws.iter_rows(min_row=4, values_only=True)]
    assert sorted(listed) == sorted(i.code for i in BOARD.items)


def test_the_chase_page_lists_the_units_owing_reports_and_offers_each_its_workbook(web):
    import io
    from urllib.parse import unquote

    import openpyxl

    from planwatch.monitor.chase import reporting_duties

    duties = reporting_duties(BOARD)
    page = soup(web.get("/chase", params=AT))
    assert texts(page, "table.chase th.unit") == [d.unit for d in duties]
    assert page.select_one(".summary .owing").get_text() == str(sum(len(d.owing) for d in duties))
    link = page.select_one("a.template")["href"]
    response = web.get(link)
    assert response.status_code == 200
    assert f"{duties[0].unit}-进展填报-2025-06-30.xlsx" in unquote(response.headers["content-disposition"])
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    listed = {
        row[0]
        for ws in workbook.worksheets
        if ws.title.endswith("进展")
        for row in ws.iter_rows(min_row=2, values_only=True)
        if row and row[0]
    }
    assert {i.code for i in duties[0].owing} <= listed


def test_a_workbook_for_a_unit_that_leads_nothing_is_refused_in_chinese(web):
    response = web.get("/chase/template.xlsx", params={**AT, "unit": "不存在的单位"})
    assert response.status_code == 400
    assert "没有“不存在的单位”牵头的事项" in response.text
