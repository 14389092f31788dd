"""The correction form of a library document: 计划处 and 管理员 set region, year, period and genre; others get 403."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

from planwatch.library import add
from planwatch.store import Store
from planwatch.store.library import get_document
from planwatch.web.app import create_app
from web.accounts import PASSWORD, TOKEN_FIELD, add_users, logged_in
from web.webapp import jiangchuan_plan

#: A fictional analysis that names no place: stored with a warning, for a person to correct.
NO_PLACE = "2025年上半年经济运行情况分析\n上半年，地区生产总值增长5.1%，规模以上工业增加值增长6.2%。\n"


@pytest.fixture
def library(database_url: str, tmp_path: Path) -> Iterator[tuple[Store, int]]:
    """A store with the 江川 plan's accounts and one library document whose region could not be told."""
    store = Store.open(database_url)
    store.init()
    store.save_plan_data(jiangchuan_plan(), user="测试")
    add_users(store)
    report = tmp_path / "上半年经济运行情况分析.txt"
    report.write_text(NO_PLACE, encoding="utf-8")
    add([report], store, jobs=1, progress=None)
    yield store, get_document(store, report.name).id
    store.close()


def client_as(store: Store, name: str) -> TestClient:
    return logged_in(TestClient(create_app(store)), name, PASSWORD)


def form_token(client: TestClient, doc_id: int) -> str:
    found = TOKEN_FIELD.search(client.get(f"/library/{doc_id}").text)
    assert found
    return found.group(1)


@pytest.mark.parametrize(
    ("user", "allowed"),
    [("admin", True), ("planner", True), ("filler", False), ("district", False), ("reader", False)],
)
def test_only_the_planning_office_and_administrators_may_correct_a_document(
    library: tuple[Store, int], user: str, allowed: bool
) -> None:
    store, doc_id = library
    with client_as(store, user) as client:
        page = BeautifulSoup(client.get(f"/library/{doc_id}").text, "html.parser")
        assert bool(page.select("form.correct-form")) is allowed  # the form is offered only to those who may use it
        token = TOKEN_FIELD.search(client.get("/library").text) or TOKEN_FIELD.search(client.get("/").text)
        data = {"csrf_token": token.group(1) if token else "", "region": "440106", "year": "2025", "genre": "统计公报"}
        response = client.post(f"/library/{doc_id}/correct", data=data, follow_redirects=False)
    doc = get_document(store, doc_id)
    if allowed:
        assert response.status_code == 303, response.text
        assert (doc.region_code, doc.year, doc.genre, doc.corrected) == ("440106", 2025, "统计公报", True)
        assert store.audit_log(limit=1)[0].user == user
    else:
        assert response.status_code == 403
        assert "只有计划处和管理员可以更正" in response.text
        assert (doc.region_code, doc.genre, doc.corrected) == (None, "经济运行分析", False)


def test_a_correction_without_the_form_token_is_refused_and_changes_nothing(library: tuple[Store, int]) -> None:
    store, doc_id = library
    audit = store.audit_count()
    with client_as(store, "planner") as client:
        response = client.post(f"/library/{doc_id}/correct", data={"region": "440106"}, follow_redirects=False)
    assert response.status_code == 403
    assert get_document(store, doc_id).region_code is None and store.audit_count() == audit


def test_a_document_stored_with_a_warning_shows_it_with_the_form_and_the_gazetteer_search(
    library: tuple[Store, int],
) -> None:
    store, doc_id = library
    with client_as(store, "planner") as client:
        page = BeautifulSoup(client.get(f"/library/{doc_id}", params={"region_q": "鼓楼区"}).text, "html.parser")
        assert "未能识别" in page.select_one("p.notice").get_text()
        assert page.select_one("details.correct").has_attr("open")
        choices = {i["value"]: i.parent.get_text() for i in page.select("fieldset.candidates input[name=region]")}
        assert "320106" in choices and "南京市" in choices["320106"] and "（320106" in choices["320106"]
        token = form_token(client, doc_id)
        data = {"csrf_token": token, "region": "320106", "period": "2025-01/2025-06"}
        assert client.post(f"/library/{doc_id}/correct", data=data, follow_redirects=False).status_code == 303
        after = BeautifulSoup(client.get(f"/library/{doc_id}").text, "html.parser")
    doc = get_document(store, doc_id)
    assert (doc.region_name, doc.period) == ("鼓楼区", "2025-01/2025-06")
    assert not any("地区" in w for w in doc.warnings)
    assert "已人工更正" in after.get_text()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("region", "不存在的地方", "不认识地区"),
        ("region", "鼓楼区", "有多处同名"),
        ("year", "二〇二五", "不是四位数字"),
        ("year", "1800", "不合理"),
        ("period", "上半年", "报告期"),
        ("period", "2025-07/2025-03", "起月不晚于止月"),
        ("genre", "<script>", "不在"),
    ],
)
def test_a_bad_correction_says_why_in_chinese_and_writes_nothing(
    library: tuple[Store, int], field: str, value: str, message: str
) -> None:
    store, doc_id = library
    audit = store.audit_count()
    with client_as(store, "planner") as client:
        data = {"csrf_token": form_token(client, doc_id), field: value}
        response = client.post(f"/library/{doc_id}/correct", data=data, follow_redirects=False)
    assert response.status_code == 400
    assert message in response.text and "<script>" not in response.text
    assert store.audit_count() == audit and not get_document(store, doc_id).corrected
