"""Login and logout: sessions in the database, lockout after repeated failures, a client rate limit, safe redirects."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from planwatch.app import accounts
from planwatch.store import Store
from planwatch.store import users as user_rows
from planwatch.web import create_app

from .accounts import PASSWORD, logged_in, login
from .pages import soup
from .webapp import make_store


@pytest.fixture
def app_store(tmp_path: Path) -> Iterator[tuple[TestClient, Store]]:
    store = make_store(tmp_path)
    with TestClient(create_app(store), follow_redirects=False) as client:
        yield client, store
    store.close()


def test_the_login_page_is_chinese_and_carries_a_form_token(app_store) -> None:
    client, _ = app_store
    page = soup(client.get("/login"))
    assert page.select_one("h2").get_text() == "登录"
    assert page.select_one("form input[name=csrf_token]")["value"]


def test_a_good_login_opens_the_pages_and_logout_closes_them(app_store) -> None:
    client, _ = app_store
    logged_in(client, "reader")
    assert client.get("/").status_code == 200
    token = soup(client.get("/")).select_one("form.whoami input[name=csrf_token]")["value"]
    assert client.post("/logout", data={"csrf_token": token}).status_code == 303
    assert client.get("/").status_code == 303


def test_a_session_cookie_copied_before_logout_no_longer_works_after_it(app_store) -> None:
    client, _store = app_store
    logged_in(client, "reader")
    cookie = client.cookies["planwatch_session"]
    token = soup(client.get("/")).select_one("form.whoami input[name=csrf_token]")["value"]
    client.post("/logout", data={"csrf_token": token})
    with TestClient(client.app, cookies={"planwatch_session": cookie}, follow_redirects=False) as thief:
        assert thief.get("/").status_code == 303


@pytest.mark.parametrize(
    ("name", "password"),
    [("reader", "wrong-password"), ("nobody", PASSWORD), ("", ""), ("reader", "")],
)
def test_a_wrong_name_or_password_is_refused_with_one_message(app_store, name, password) -> None:
    client, _ = app_store
    response = login(client, name, password)
    assert response.status_code == 401
    assert "用户名或密码不正确" in soup(response).select_one(".notice.err").get_text()


def test_five_wrong_passwords_lock_the_user_even_against_the_right_one(app_store) -> None:
    client, store = app_store
    for _ in range(accounts.LOCK_AFTER):
        login(client, "filler", "wrong-password")
    response = login(client, "filler", PASSWORD)
    assert response.status_code == 401 and "账号已锁定" in response.text
    assert user_rows.find_user(store.engine, "filler").locked_until is not None
    accounts.change_password(store, "filler", "new-password-2", actor="admin")  # an administrator unlocks
    assert login(client, "filler", "new-password-2").status_code == 303


def test_a_client_with_too_many_failures_waits_across_app_instances(app_store) -> None:
    _client, store = app_store
    for _ in range(accounts.CLIENT_LIMIT):
        user_rows.add_login_failure(store.engine, "testclient")
    with TestClient(create_app(store), follow_redirects=False) as other_worker:
        response = login(other_worker, "reader", PASSWORD)
    assert response.status_code == 401 and "请 10 分钟后再试" in response.text


def test_a_disabled_user_cannot_log_in_and_its_open_session_ends(app_store) -> None:
    client, store = app_store
    logged_in(client, "reader")
    accounts.disable(store, "reader", actor="admin")
    assert client.get("/").status_code == 303
    assert "已停用" in login(client, "reader", PASSWORD).text


@pytest.mark.parametrize(
    ("asked", "landing"),
    [("/items?kind=project", "/items?kind=project"), ("https://evil.example/", "/"), ("//evil.example", "/")],
)
def test_after_login_the_user_lands_on_the_page_asked_for_but_never_on_another_site(app_store, asked, landing):
    client, _ = app_store
    token = soup(client.get("/login")).select_one("form input[name=csrf_token]")["value"]
    data = {"name": "reader", "password": PASSWORD, "csrf_token": token, "next": asked}
    assert client.post("/login", data=data).headers["location"] == landing


def test_a_page_asked_for_without_login_comes_back_after_it(app_store) -> None:
    client, _ = app_store
    redirect = client.get("/items", params={"kind": "project"})
    assert redirect.headers["location"] == "/login?next=%2Fitems%3Fkind%3Dproject"
    page = soup(client.get(redirect.headers["location"]))
    assert page.select_one("input[name=next]")["value"] == "/items?kind=project"


def test_the_login_cookie_is_secure_when_configured(app_store, monkeypatch) -> None:
    from planwatch.settings import get_settings

    client, _ = app_store
    monkeypatch.setenv("PLANWATCH_COOKIE_SECURE", "1")
    get_settings.cache_clear()
    try:
        response = login(client, "reader", PASSWORD)
        assert "Secure" in response.headers["set-cookie"] and "HttpOnly" in response.headers["set-cookie"]
    finally:
        monkeypatch.delenv("PLANWATCH_COOKIE_SECURE")
        get_settings.cache_clear()


def test_a_login_post_without_the_form_token_is_refused(app_store) -> None:
    client, _ = app_store
    client.get("/login")
    response = client.post("/login", data={"name": "reader", "password": PASSWORD})
    assert response.status_code == 403
