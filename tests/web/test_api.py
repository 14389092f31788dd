"""The JSON API: the same data the pages show, consistent with the status engine."""

from __future__ import annotations

from planwatch.monitor import evaluate

from .pages import soup
from .webapp import AS_OF, PLAN, jiangchuan_plan

AT = {"plan": PLAN, "as_of": "2025-06-30"}


def test_the_api_lists_the_plans(web):
    plans = web.get("/api/plans").json()
    assert plans == [
        {
            "code": PLAN,
            "title": "江川市2025年国民经济和社会发展计划",
            "year": 2025,
            "region_code": "JC",
            "region_name": "江川市",
            "source_document": None,
        }
    ]


def test_the_status_api_agrees_with_evaluate(web):
    body = web.get("/api/status", params=AT).json()
    board = evaluate(jiangchuan_plan(), AS_OF)
    assert body["as_of"] == "2025-06-30"
    assert body["time_progress"] == 0.5
    assert body["counts"] == {light.value: n for light, n in board.counts().items()}
    got = {i["code"]: (i["light"], i["state"], i["explanation"], i["completion"], i["gap_pp"]) for i in body["items"]}
    want = {i.code: (i.light.value, i.state, i.explanation, i.completion, i.gap_pp) for i in board.items}
    assert got == want
    assert [a["code"] for a in body["alerts"]] == [a.code for a in board.alerts()]
    assert [r["label"] for r in body["rollups"]["work_area"]] == [r.label for r in board.rollup("work_area")]


def test_the_item_api_returns_definition_status_and_history(web):
    body = web.get("/api/items/P01", params=AT).json()
    assert body["status"]["light"] == "green"
    assert {"label": "所在区县", "value": "临江区"} in body["definition"]
    assert [(p["as_of"], p["value"], p["source"]) for p in body["progress"]] == [
        ("2025-05-31", 15000.0, "市交通运输局"),
        ("2025-06-30", 22000.0, "市交通运输局"),
    ]


def test_api_errors_are_json_in_chinese(web):
    response = web.get("/api/items/Z99", params=AT)
    assert response.status_code == 404
    assert response.json() == {"detail": "计划「江川市2025年国民经济和社会发展计划」中没有编号为「Z99」的事项。"}
    no_plan = web.get("/api/status", params={"plan": "NOPE"}).json()
    assert no_plan == {"detail": "没有编号为「NOPE」的计划；库中的计划：JC2025"}


def test_the_status_api_filters_its_items_but_counts_the_whole_plan(web):
    body = web.get("/api/status", params={**AT, "kind": "project", "district": "JC01"}).json()
    assert sorted(i["code"] for i in body["items"]) == ["P01", "P03"]
    assert sum(body["counts"].values()) == 8


def test_the_status_api_can_list_only_the_worst_alerts(web):
    body = web.get("/api/status", params={**AT, "alerts": 1}).json()
    board = evaluate(jiangchuan_plan(), AS_OF)
    assert [a["code"] for a in body["alerts"]] == [board.alerts()[0].code]
    assert body["alert_count"] == len(board.alerts())


def test_the_api_page_lists_the_endpoints_with_a_working_example(web):
    page = web.get("/api")
    assert page.status_code == 200
    assert "/api/status" in page.text and "/api/items/" in page.text
    example = next(a["href"] for a in soup(page).select("a") if a["href"].startswith("/api/status"))
    assert web.get(example).json()["plan"]["code"] == PLAN
