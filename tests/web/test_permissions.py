"""The permission matrix: one row per role × page or endpoint × own or other unit, by URL and by API.

The 填报 user answers for 市交通运输局, which owns P01 (in 临江区); L01 belongs to
市卫生健康委. The 区县 user of 临江区 answers for the district's projects (P01, P03) but
not for 青山县's P02. Pages are fetched with a logged-in browser session, the API with a
bearer token, both against the real app over a real SQLite file.
"""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from planwatch.app import review
from planwatch.app.access import Principal
from planwatch.store import Store
from planwatch.store.submissions import NewSubmission
from planwatch.web import create_app

from .accounts import USERS, bearer, logged_in
from .pages import soup
from .webapp import PLAN, make_store

AT = {"plan": PLAN, "as_of": "2025-06-30"}
ITEM = {"own": "P01", "other": "L01", "district_own": "P03", "district_other": "P02"}
_days = itertools.count(1)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, dict[str, TestClient], TestClient]]:
    """The store, one logged-in browser per user, and a client without cookies for the API."""
    store = make_store(Path(tmp_path_factory.mktemp("perm")))
    app = create_app(store)
    browsers = {name: logged_in(TestClient(app, follow_redirects=False), name) for name in USERS}
    yield store, browsers, TestClient(app, follow_redirects=False)
    store.close()


def form_token(browser: TestClient) -> str:
    return soup(browser.get("/", params=AT)).select_one("form.whoami input[name=csrf_token]")["value"]


def waiting_submission(store: Store, code: str) -> int:
    """Submit a fresh figure for ``code`` as 计划处 (a new date each time) and return its id."""
    data = store.load_plan_data(PLAN, progress=False)
    item = next(i for i in [*data.projects, *data.livelihood_items] if i.code == code)
    day = date(2025, 8, 1).toordinal() + next(_days)
    new = NewSubmission(code, date.fromordinal(day), 10.0, True, "", item.owner_unit)
    return review.submit(store, Principal("planner", "planning"), data.plan, item, new, confirm=True).id


PAGE_CASES = [
    # user,     method, path,                         item,    expected status
    ("admin", "GET", "/items/{code}", "own", 200),
    ("admin", "GET", "/items/{code}", "other", 200),
    ("planner", "GET", "/items/{code}", "own", 200),
    ("planner", "GET", "/items/{code}", "other", 200),
    ("filler", "GET", "/items/{code}", "own", 200),
    ("filler", "GET", "/items/{code}", "other", 403),
    ("reader", "GET", "/items/{code}", "own", 200),
    ("reader", "GET", "/items/{code}", "other", 200),
    ("district", "GET", "/items/{code}", "district_own", 200),
    ("district", "GET", "/items/{code}", "district_other", 403),
    ("admin", "POST", "/items/{code}/progress", "own", 403),
    ("planner", "POST", "/items/{code}/progress", "other", 303),
    ("filler", "POST", "/items/{code}/progress", "own", 303),
    ("filler", "POST", "/items/{code}/progress", "other", 403),
    ("reader", "POST", "/items/{code}/progress", "own", 403),
    ("district", "POST", "/items/{code}/progress", "district_own", 303),
    ("district", "POST", "/items/{code}/progress", "district_other", 403),
    ("admin", "GET", "/review", None, 403),
    ("planner", "GET", "/review", None, 200),
    ("filler", "GET", "/review", None, 403),
    ("reader", "GET", "/review", None, 403),
    ("planner", "POST", "/review/{sub}/approve", "other", 303),
    ("filler", "POST", "/review/{sub}/approve", "own", 403),
    ("reader", "POST", "/review/{sub}/approve", "own", 403),
    ("admin", "POST", "/review/{sub}/approve", "own", 403),
    ("filler", "GET", "/", None, 200),
    ("reader", "GET", "/items", None, 200),
    ("filler", "GET", "/submissions", None, 200),
    ("filler", "GET", "/chase", None, 200),
    # the report and the leader's view sum every unit: roles that read only their unit are refused
    ("admin", "GET", "/leader", None, 200),
    ("planner", "GET", "/leader", None, 200),
    ("reader", "GET", "/leader", None, 200),
    ("filler", "GET", "/leader", None, 403),
    ("district", "GET", "/leader", None, 403),
    ("admin", "GET", "/report.docx", None, 200),
    ("planner", "GET", "/report.docx", None, 200),
    ("reader", "GET", "/report.docx", None, 200),
    ("filler", "GET", "/report.docx", None, 403),
    ("district", "GET", "/report.docx", None, 403),
    ("admin", "GET", "/report.html", None, 200),
    ("planner", "GET", "/report.html", None, 200),
    ("reader", "GET", "/report.html", None, 200),
    ("filler", "GET", "/report.html", None, 403),
    ("district", "GET", "/report.html", None, 403),
    ("admin", "GET", "/report.md", None, 200),
    ("planner", "GET", "/report.md", None, 200),
    ("reader", "GET", "/report.md", None, 200),
    ("filler", "GET", "/report.md", None, 403),
    ("district", "GET", "/report.md", None, 403),
]


@pytest.mark.parametrize(("user", "method", "path", "item", "expected"), PAGE_CASES)
def test_pages_by_url_answer_each_role_and_unit_as_the_matrix_says(world, user, method, path, item, expected) -> None:
    store, browsers, _ = world
    browser = browsers[user]
    code = ITEM.get(item or "", "")
    url = path.format(code=code, sub=waiting_submission(store, code) if "{sub}" in path else "")
    if method == "GET":
        response = browser.get(url, params=AT)
    else:
        fields = {
            "csrf_token": form_token(browser),
            "as_of": "2025-07-31",
            "value": "5",
            "cumulative": "1",
            "confirm": "1",
        }
        if "{sub}" in path:
            fields = {"csrf_token": fields["csrf_token"], "version": "1"}
        response = browser.post(url, params=AT, data=fields)
    assert response.status_code == expected, response.text[:300]
    if expected == 403:
        assert "无权" in response.text or "不属于本单位" in response.text or "只有" in response.text


API_CASES = [
    ("admin", "GET", "/api/items/{code}", "other", 200),
    ("planner", "GET", "/api/items/{code}", "other", 200),
    ("filler", "GET", "/api/items/{code}", "own", 200),
    ("filler", "GET", "/api/items/{code}", "other", 403),
    ("reader", "GET", "/api/items/{code}", "other", 200),
    ("district", "GET", "/api/items/{code}", "district_own", 200),
    ("district", "GET", "/api/items/{code}", "district_other", 403),
    ("filler", "GET", "/api/items/{code}/series", "own", 200),
    ("filler", "GET", "/api/items/{code}/series", "other", 403),
    ("admin", "POST", "/api/items/{code}/progress", "own", 403),
    ("planner", "POST", "/api/items/{code}/progress", "other", 201),
    ("filler", "POST", "/api/items/{code}/progress", "own", 201),
    ("filler", "POST", "/api/items/{code}/progress", "other", 403),
    ("reader", "POST", "/api/items/{code}/progress", "own", 403),
    ("district", "POST", "/api/items/{code}/progress", "district_own", 201),
    ("district", "POST", "/api/items/{code}/progress", "district_other", 403),
    ("planner", "POST", "/api/submissions/{sub}/approve", "other", 200),
    ("filler", "POST", "/api/submissions/{sub}/approve", "own", 403),
    ("filler", "POST", "/api/submissions/{sub}/approve", "other", 404),  # another unit's submission: not even seen
    ("reader", "POST", "/api/submissions/{sub}/approve", "own", 403),
    ("admin", "POST", "/api/submissions/{sub}/approve", "own", 403),
    ("planner", "POST", "/api/submissions/{sub}/return", "own", 200),
    ("filler", "POST", "/api/submissions/{sub}/return", "own", 403),
    ("filler", "GET", "/api/submissions", None, 200),
    ("reader", "GET", "/api/status", None, 200),
    ("filler", "GET", "/api/plans", None, 200),
]


@pytest.mark.parametrize(("user", "method", "path", "item", "expected"), API_CASES)
def test_the_api_by_token_answers_each_role_and_unit_as_the_matrix_says(world, user, method, path, item, expected):
    store, _, api = world
    code = ITEM.get(item or "", "")
    url = path.format(code=code, sub=waiting_submission(store, code) if "{sub}" in path else "")
    headers = bearer(store, user)
    if method == "GET":
        response = api.get(url, params=AT, headers=headers)
    else:
        body = {"as_of": "2025-07-31", "value": 5, "cumulative": True, "comment": "请核实", "confirm": True}
        response = api.post(url, params=AT, json=body, headers=headers)
    assert response.status_code == expected, response.text[:300]
    if expected >= 400:
        assert any("\u4e00" <= ch <= "\u9fff" for ch in response.json()["detail"])


@pytest.mark.parametrize("path", ["/", "/items", "/items/P01", "/review", "/submissions", "/chase", "/items.csv"])
def test_a_page_without_a_login_redirects_to_the_login_page(world, path) -> None:
    _, _, anonymous = world
    response = anonymous.get(path, params=AT)
    assert response.status_code == 303 and response.headers["location"].startswith("/login?next=")


@pytest.mark.parametrize("path", ["/api/plans", "/api/status", "/api/items", "/api/submissions", "/api/items/P01"])
def test_an_api_call_without_a_token_is_401_in_chinese(world, path) -> None:
    _, _, anonymous = world
    response = anonymous.get(path, params=AT)
    assert response.status_code == 401 and "请先登录" in response.json()["detail"]
    wrong = anonymous.get(path, params=AT, headers={"Authorization": "Bearer pw_not-a-token"})
    assert wrong.status_code == 401 and "令牌无效" in wrong.json()["detail"]


@pytest.mark.parametrize(
    ("user", "expected"),
    [
        ("filler", {"P01"}),
        ("district", {"P01", "P03"}),
        ("reader", {"T01", "T02", "K01", "K02", "P01", "P02", "P03", "L01"}),
    ],
)
def test_lists_boards_and_exports_hold_only_the_items_a_user_may_see(world, user, expected) -> None:
    store, browsers, api = world
    listed = {row["code"] for row in api.get("/api/status", params=AT, headers=bearer(store, user)).json()["items"]}
    assert listed == expected
    paged = api.get("/api/items", params={**AT, "limit": 100}, headers=bearer(store, user)).json()
    assert {row["code"] for row in paged["items"]} == expected and paged["total"] == len(expected)
    text = browsers[user].get("/items.csv", params=AT).content.decode("utf-8-sig")
    header, *rows = list(csv.reader(io.StringIO(text)))
    column = next(n for n, name in enumerate(header) if "编码" in name or "编号" in name)
    assert {row[column] for row in rows} == expected
