"""The API for machine clients: submit, review, pages, changed_since, series and the offline docs page."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from planwatch.store import Store
from planwatch.web import create_app

from .accounts import bearer
from .webapp import PLAN, make_store

Q = {"plan": PLAN}


@pytest.fixture
def api(tmp_path: Path) -> Iterator[tuple[TestClient, Store, dict[str, dict[str, str]]]]:
    store = make_store(tmp_path)
    tokens = {name: bearer(store, name) for name in ("planner", "filler", "reader")}
    with TestClient(create_app(store)) as client:
        yield client, store, tokens
    store.close()


def submit(client: TestClient, headers: dict[str, str], code: str = "P01", **body):  # type: ignore[no-untyped-def]
    payload = {"as_of": "2025-07-31", "value": 26000, "cumulative": True, "narrative": "七月", **body}
    return client.post(f"/api/items/{code}/progress", params=Q, json=payload, headers=headers)


def test_a_submission_is_201_submitted_and_does_not_count_until_approved(api) -> None:
    client, store, tokens = api
    created = submit(client, tokens["filler"])
    assert created.status_code == 201
    body = created.json()
    assert body["state"] == "submitted" and body["unit"] == "市交通运输局" and body["submitted_by"] == "filler"
    assert not [r for r in store.load_plan_data(PLAN).progress if r.as_of.month == 7]
    listed = client.get("/api/submissions", params={**Q, "state": "submitted"}, headers=tokens["planner"]).json()
    assert listed["total"] == 1 and listed["items"][0]["id"] == body["id"]
    approved = client.post(f"/api/submissions/{body['id']}/approve", json={"version": 1}, headers=tokens["planner"])
    assert approved.status_code == 200 and approved.json()["state"] == "approved"
    assert approved.json()["reviewed_by"] == "planner"
    assert [r.value for r in store.load_plan_data(PLAN).progress if r.as_of.month == 7] == [26000.0]
    again = client.post(f"/api/submissions/{body['id']}/approve", json={"version": 1}, headers=tokens["planner"])
    assert again.status_code == 409 and "已被他人处理" in again.json()["detail"]


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ({"value": -100}, "不能为负数"),
        ({"value": "NaN"}, "不是有效数字"),
        ({"value": "Infinity"}, "不是有效数字"),
        ({"value": float("inf")}, "不是有效数字"),  # sent as the JSON text 1e400
        ({"value": "两万"}, "字段“value”不是有效数字"),
        ({"as_of": "2024-12-31"}, "不在计划年度2025年内"),
        ({"as_of": "2025-13-01"}, "字段“as_of”不是有效日期"),
        ({"narrative": "长" * 200_000}, "字段“narrative”过长"),
    ],
)
def test_a_bad_value_is_422_with_a_chinese_message_naming_the_field_and_nothing_is_written(api, body, words) -> None:
    client, store, tokens = api
    before = store.audit_count()
    if body.get("value") == float("inf"):
        response = client.post(
            "/api/items/P01/progress",
            params=Q,
            content='{"as_of": "2025-07-31", "value": 1e400}',
            headers={**tokens["filler"], "Content-Type": "application/json"},
        )
    else:
        response = submit(client, tokens["filler"], **body)
    assert response.status_code == 422
    assert words in response.json()["detail"]
    assert store.audit_count() == before


def test_a_return_needs_a_comment_and_the_unit_sees_it(api) -> None:
    client, _, tokens = api
    sid = submit(client, tokens["filler"]).json()["id"]
    bare = client.post(f"/api/submissions/{sid}/return", json={"comment": " "}, headers=tokens["planner"])
    assert bare.status_code == 422 and "请填写退回意见" in bare.json()["detail"]
    back = client.post(f"/api/submissions/{sid}/return", json={"comment": "请核对口径"}, headers=tokens["planner"])
    assert back.json()["state"] == "returned"
    mine = client.get("/api/submissions", params={**Q, "state": "returned"}, headers=tokens["filler"]).json()
    assert [(s["id"], s["comment"]) for s in mine["items"]] == [(sid, "请核对口径")]
    resubmitted = submit(client, tokens["filler"], value=25500).json()
    assert resubmitted["supersedes_id"] == sid
    old = client.get("/api/submissions", params={**Q, "state": "superseded"}, headers=tokens["filler"]).json()
    assert [s["id"] for s in old["items"]] == [sid]


def test_lists_are_paginated_with_a_total(api) -> None:
    client, _, tokens = api
    for day in range(1, 6):
        submit(client, tokens["filler"], as_of=f"2025-07-0{day}")
    first = client.get("/api/submissions", params={**Q, "limit": 2, "offset": 0}, headers=tokens["planner"]).json()
    last = client.get("/api/submissions", params={**Q, "limit": 2, "offset": 4}, headers=tokens["planner"]).json()
    assert (first["total"], len(first["items"]), len(last["items"])) == (5, 2, 1)
    items = client.get("/api/items", params={**Q, "limit": 3, "offset": 6}, headers=tokens["reader"]).json()
    assert items["total"] == 8 and len(items["items"]) == 2
    bad = client.get("/api/items", params={**Q, "limit": 0}, headers=tokens["reader"])
    assert bad.status_code == 422 and "limit" in bad.json()["detail"]


def test_changed_since_keeps_only_the_items_and_progress_changed_after_it(api) -> None:
    client, _, tokens = api
    # Earlier tests of this module changed other items moments ago and change times may count whole
    # seconds: step past them, so the mark lies after every earlier change and before ours.
    time.sleep(2.1)
    since = (datetime.now(UTC) - timedelta(seconds=1)).isoformat()
    sid = submit(client, tokens["filler"]).json()["id"]
    client.post(f"/api/submissions/{sid}/approve", headers=tokens["planner"])
    changed = client.get("/api/items", params={**Q, "changed_since": since}, headers=tokens["reader"]).json()
    assert [i["code"] for i in changed["items"]] == ["P01"]
    progress = client.get(
        "/api/progress", params={**Q, "changed_since": since, "as_of": "2025-12-31"}, headers=tokens["reader"]
    ).json()
    assert [p["item_code"] for p in progress["items"]] == ["P01"]
    assert progress["items"][0]["progress"][-1]["value"] == 26000
    later = (datetime.now(UTC) + timedelta(minutes=1)).isoformat()
    assert client.get("/api/items", params={**Q, "changed_since": later}, headers=tokens["reader"]).json()["total"] == 0


def test_an_items_monthly_series_gives_the_approved_figure_at_each_month_end(api) -> None:
    client, _, tokens = api
    series = client.get("/api/items/P01/series", params={**Q, "as_of": "2025-06-30"}, headers=tokens["filler"]).json()
    assert [p["month"] for p in series["points"]] == [f"2025-{m:02d}" for m in range(1, 7)]
    assert [p["value"] for p in series["points"]] == [None, None, None, None, 15000, 22000]
    assert series["target"] == 40000


def test_the_openapi_schema_documents_the_endpoints_and_its_docs_page_works_offline(api) -> None:
    client, _, tokens = api
    schema = client.get("/api/openapi.json").json()
    for path in (
        "/api/items/{code}/progress",
        "/api/submissions",
        "/api/submissions/{submission_id}/approve",
        "/api/submissions/{submission_id}/return",
        "/api/items",
        "/api/progress",
        "/api/items/{code}/series",
    ):
        assert path in schema["paths"]
    assert {"as_of", "value", "cumulative", "narrative", "milestone_key"} <= set(
        schema["components"]["schemas"]["ProgressIn"]["properties"]
    )
    page = client.get("/api/docs", headers=tokens["reader"])
    assert page.status_code == 200 and "/api/submissions/{submission_id}/return" in page.text
    assert "http://" not in page.text.replace("http://www.w3.org", "") and "https://" not in page.text
