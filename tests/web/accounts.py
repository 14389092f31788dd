"""Users per role for the web tests, and clients logged in as them through the real login form."""

from __future__ import annotations

import re

from planwatch.app import accounts
from planwatch.store import Store

PASSWORD = "test-password-1"
#: login name → (role, unit). The 填报 user answers for P01 (市交通运输局); the 区县 one for 临江区's projects.
USERS: dict[str, tuple[str, str | None]] = {
    "admin": ("管理员", None),
    "planner": ("计划处", None),
    "filler": ("填报", "市交通运输局"),
    "district": ("填报", "临江区"),
    "reader": ("只读", None),
}
#: the user each role's matrix row logs in as.
BY_ROLE = {"管理员": "admin", "计划处": "planner", "填报": "filler", "只读": "reader"}

TOKEN_FIELD = re.compile(r'name="csrf_token" value="([^"]+)"')


def add_users(store: Store) -> None:
    """Add the test users (all with ``PASSWORD``)."""
    for name, (role, unit) in USERS.items():
        accounts.add_user(store, name, role, unit, PASSWORD, actor="测试")


def form_token(client, path: str = "/login") -> str:  # type: ignore[no-untyped-def]
    """Return the CSRF token of a page's form (the page also gives the client its session cookie)."""
    page = client.get(path)
    found = TOKEN_FIELD.search(page.text)
    assert found, f"no form token on {path}"
    return found.group(1)


def login(client, name: str, password: str = PASSWORD):  # type: ignore[no-untyped-def]
    """Log ``client`` in as ``name`` through the login form; return the POST's response."""
    token = form_token(client)
    data = {"name": name, "password": password, "csrf_token": token, "next": "/"}
    return client.post("/login", data=data, follow_redirects=False)


def logged_in(client, name: str = "planner", password: str = PASSWORD):  # type: ignore[no-untyped-def]
    """Return ``client`` after logging it in as ``name`` (asserting the login worked)."""
    response = login(client, name, password)
    assert response.status_code == 303, response.text
    return client


def bearer(store: Store, name: str) -> dict[str, str]:
    """Return the Authorization header of a new API token of ``name``."""
    return {"Authorization": f"Bearer {accounts.issue_token(store, name, actor='测试')}"}


def signed_in_client(store: Store, name: str = "planner", **kwargs):  # type: ignore[no-untyped-def]
    """Return a TestClient of the real app over ``store`` logged in as ``name`` (added first if absent)."""
    from fastapi.testclient import TestClient

    from planwatch.store import users as user_rows
    from planwatch.web import create_app

    if user_rows.find_user(store.engine, name) is None:
        role, unit = USERS.get(name, ("计划处", None))
        accounts.add_user(store, name, role, unit, PASSWORD, actor="测试")
    return logged_in(TestClient(create_app(store), **kwargs), name)
