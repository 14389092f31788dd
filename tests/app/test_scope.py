"""Filters mean the same on every face: by the codes and by the names the pages show."""

from __future__ import annotations

from datetime import date

import pytest
from fastapi.testclient import TestClient

from monitor.sample_plan import sample_plan
from planwatch.app import Refused, Scope, accounts
from planwatch.monitor import evaluate
from planwatch.store import Store
from planwatch.web import create_app
from web.accounts import PASSWORD, logged_in

AS_OF = date(2025, 6, 30)
BOARD = evaluate(sample_plan(), AS_OF)


@pytest.mark.parametrize(
    ("filters", "codes"),
    [
        ({}, [i.code for i in BOARD.items]),
        ({"district": "JC01"}, ["P01", "P03"]),
        ({"district": "临江区"}, ["P01", "P03"]),
        ({"district": ["临江区", "青山县"]}, ["P01", "P02", "P03", "P04"]),
        ({"area": "A03"}, ["T03", "L01", "L02"]),
        ({"area": "增进民生福祉"}, ["T03", "L01", "L02"]),
        ({"kind": "项目", "district": "青山县"}, ["P02", "P04"]),
        ({"kind": "重大项目", "district": "青山县"}, ["P02", "P04"]),
        ({"kind": "livelihood"}, ["L01", "L02"]),
        ({"unit": "江川市统计局"}, ["T01", "T02"]),
        ({"unit": "  江川市统计局 "}, ["T01", "T02"]),
        ({"q": "水库"}, ["P02"]),
        ({"district": "南浦区"}, []),
    ],
)
def test_a_filter_keeps_the_items_it_names(filters, codes):
    assert sorted(i.code for i in Scope.of(**filters).items(BOARD)) == sorted(codes)


def test_a_light_filter_takes_the_value_or_the_chinese_label():
    red = [i.code for i in BOARD.items if i.light.value == "red"]
    assert [i.code for i in Scope.of(light="red").items(BOARD)] == red
    assert [i.code for i in Scope.of(light="红灯").items(BOARD)] == red
    assert [i.code for i in Scope.of(light="红").items(BOARD)] == red


@pytest.mark.parametrize(
    ("filters", "message"), [({"kind": "工程"}, "事项类别「工程」无法识别"), ({"light": "紫"}, "灯色「紫」无法识别")]
)
def test_an_unknown_kind_or_light_is_refused_in_chinese(filters, message):
    with pytest.raises(Refused, match=message):
        Scope.of(**filters)


@pytest.fixture
def client(tmp_path):
    store = Store.open(f"sqlite:///{tmp_path / 'scope.sqlite'}")
    store.init()
    store.save_plan_data(sample_plan(), user="测试")
    accounts.add_user(store, "planner", "计划处", None, PASSWORD, actor="测试")
    with TestClient(create_app(store)) as c:
        yield logged_in(c, "planner")
    store.close()


def test_the_item_list_and_the_api_filter_by_district_name_as_by_code(client):
    at = {"plan": "JC2025", "as_of": "2025-06-30"}
    by_name = client.get("/items", params={**at, "district": "临江区"}).text
    assert "临江大桥" in by_name and "临江智算中心" in by_name and "青山水库扩容" not in by_name
    api = client.get("/api/status", params={**at, "district": "临江区"}).json()
    assert sorted(i["code"] for i in api["items"]) == ["P01", "P03"]
    area = client.get("/api/status", params={**at, "area": "增进民生福祉"}).json()
    assert sorted(i["code"] for i in area["items"]) == ["L01", "L02", "T03"]


def test_an_unknown_kind_in_the_api_is_a_400_in_chinese(client):
    response = client.get("/api/status", params={"plan": "JC2025", "as_of": "2025-06-30", "kind": "工程"})
    assert response.status_code == 400
    assert "事项类别「工程」无法识别" in response.json()["detail"]
