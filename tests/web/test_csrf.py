"""The progress entry form only takes posts from its own page: a per-session token, checked on POST.

Run with FastAPI's TestClient against the real app over a real SQLite file.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from planwatch.store import Store
from planwatch.store import submissions as subs
from planwatch.web import create_app

from .accounts import logged_in
from .pages import soup
from .webapp import PLAN, make_store

AT = {"plan": PLAN, "as_of": "2025-06-30"}
FORM = {"as_of": "2025-07-31", "value": "25000", "cumulative": "1"}


@pytest.fixture
def app_store(tmp_path: Path) -> Iterator[tuple[TestClient, Store]]:
    """A TestClient of the app logged in as the 填报 user of 市交通运输局 (P01's owner)."""
    store = make_store(tmp_path)
    with TestClient(create_app(store)) as client:
        yield logged_in(client, "filler"), store
    store.close()


def token_of(client: TestClient, code: str = "P01") -> str:
    page = soup(client.get(f"/items/{code}", params=AT))
    return page.select_one("form.entry input[name=csrf_token]")["value"]


def written(store: Store) -> tuple[int, int]:
    return len(store.load_plan_data(PLAN).progress), store.audit_count()


def test_the_login_page_and_the_login_set_an_httponly_strict_session_cookie(tmp_path: Path) -> None:
    store = make_store(tmp_path)
    with TestClient(create_app(store)) as client:
        for response in (client.get("/login"), logged_in_response(client)):
            cookie = response.headers["set-cookie"]
            assert cookie.startswith("planwatch_session=")
            assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Secure" not in cookie
    store.close()


def logged_in_response(client: TestClient):  # type: ignore[no-untyped-def]
    from .accounts import login

    response = login(client, "filler")
    assert response.status_code == 303
    return response


def test_the_entry_form_carries_one_token_per_session(app_store) -> None:
    client, _ = app_store
    response = client.get("/items/P01", params=AT)
    token = soup(response).select_one("form.entry input[name=csrf_token]")["value"]
    assert len(token) == 64
    dashboard = soup(client.get("/", params=AT))
    assert dashboard.select_one("form.whoami input[name=csrf_token]")["value"] == token  # one per session


def test_a_post_with_the_pages_token_is_submitted_for_review(app_store) -> None:
    client, store = app_store
    response = client.post(
        "/items/P01/progress", params=AT, data={**FORM, "csrf_token": token_of(client)}, follow_redirects=False
    )
    assert response.status_code == 303
    waiting, _ = subs.listing(store.engine, PLAN, states=("submitted",))
    assert [(s.item_code, s.value, s.unit, s.submitted_by) for s in waiting] == [
        ("P01", 25000.0, "市交通运输局", "filler")
    ]


def test_a_post_without_a_token_is_refused_in_chinese_and_writes_nothing(app_store) -> None:
    client, store = app_store
    token_of(client)  # the browser has a session, but the post does not carry the form's token
    before = written(store)
    response = client.post("/items/P01/progress", params=AT, data=FORM)
    assert response.status_code == 403
    assert "防伪校验未通过" in soup(response).get_text() and "本次填报未保存" in response.text
    assert written(store) == before


def test_a_token_from_another_session_is_refused(app_store) -> None:
    client, store = app_store
    with TestClient(client.app) as stranger:
        other_token = token_of(logged_in(stranger, "filler"))
    token_of(client)
    before = written(store)
    response = client.post("/items/P01/progress", params=AT, data={**FORM, "csrf_token": other_token})
    assert response.status_code == 403
    assert written(store) == before


def test_a_forged_session_cookie_is_refused_even_with_a_matching_looking_token(app_store) -> None:
    client, store = app_store
    token = token_of(client)
    session = client.cookies["planwatch_session"].rsplit(".", 1)[0]
    client.cookies.set("planwatch_session", f"{session}.{'0' * 64}")
    before = written(store)
    response = client.post("/items/P01/progress", params=AT, data={**FORM, "csrf_token": token})
    assert response.status_code == 401  # a forged cookie is no login at all
    assert written(store) == before


def test_a_login_made_before_a_restart_without_a_shared_secret_must_log_in_again(tmp_path: Path) -> None:
    store = make_store(tmp_path)
    try:
        with TestClient(create_app(store)) as before_restart:
            token = token_of(logged_in(before_restart, "filler"))
            cookie = before_restart.cookies["planwatch_session"]
        with TestClient(create_app(store), cookies={"planwatch_session": cookie}) as after_restart:
            refused = after_restart.post("/items/P01/progress", params=AT, data={**FORM, "csrf_token": token})
            assert refused.status_code == 401 and "请先登录" in refused.text
            fresh = token_of(logged_in(after_restart, "filler"))
            saved = after_restart.post(
                "/items/P01/progress", params=AT, data={**FORM, "csrf_token": fresh}, follow_redirects=False
            )
            assert saved.status_code == 303
    finally:
        store.close()


def test_a_shared_secret_keeps_forms_valid_across_app_instances(tmp_path: Path) -> None:
    store = make_store(tmp_path)
    try:
        with TestClient(create_app(store, secret="江川市发改委内网")) as first:
            token = token_of(logged_in(first, "filler"))
            cookie = first.cookies["planwatch_session"]
        second = TestClient(create_app(store, secret="江川市发改委内网"), cookies={"planwatch_session": cookie})
        with second:
            response = second.post(
                "/items/P01/progress", params=AT, data={**FORM, "csrf_token": token}, follow_redirects=False
            )
        assert response.status_code == 303
    finally:
        store.close()


def test_a_form_error_page_keeps_a_working_token(app_store) -> None:
    client, _store = app_store
    bad = client.post("/items/P01/progress", params=AT, data={**FORM, "value": "两万", "csrf_token": token_of(client)})
    assert bad.status_code == 400
    token = soup(bad).select_one("form.entry input[name=csrf_token]")["value"]
    good = client.post("/items/P01/progress", params=AT, data={**FORM, "csrf_token": token}, follow_redirects=False)
    assert good.status_code == 303


def test_the_plan_list_api_names_the_plans_region(app_store) -> None:
    client, _ = app_store
    assert [(p["region_code"], p["region_name"]) for p in client.get("/api/plans").json()] == [("JC", "江川市")]
