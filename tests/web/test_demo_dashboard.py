"""The dashboard over the bundled 江川市 demo database, built by the demo loader."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import httpx
import pytest

from planwatch.demo import build_demo
from planwatch.monitor import evaluate
from planwatch.store import Store

from .accounts import logged_in
from .pages import soup, texts
from .webapp import start_server, stop_server

AS_OF = date(2025, 6, 30)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[httpx.Client, Store, str]]:
    built = build_demo(Path(tmp_path_factory.mktemp("demo")) / "planwatch-demo.sqlite")
    store = Store.open(built.url)
    server, thread, url = start_server(store)
    planner = next(a for a in built.accounts if a.role == "计划处")
    with httpx.Client(base_url=url, timeout=60) as client:
        yield logged_in(client, planner.name, planner.password), store, built.plan.plan_code
    stop_server(server, thread)
    store.close()


def test_the_demo_dashboard_counts_every_light_as_the_engine_does(demo):
    web, store, plan = demo
    board = evaluate(store.load_plan_data(plan, as_of=AS_OF, latest_only=True), AS_OF)
    page = soup(web.get("/", params={"plan": plan, "as_of": AS_OF.isoformat()}))
    shown = {light: int(page.select_one(f".tile-{light} .tile-count").get_text()) for light in board.counts()}
    assert shown == {light: n for light, n in board.counts().items()}
    assert all(n > 0 for n in shown.values())  # the demo is built to show every case
    assert len(texts(page, ".bars tbody th")) == 12  # the twelve work areas


def test_every_demo_alert_links_to_a_page_that_explains_it(demo):
    web, _store, plan = demo
    page = soup(web.get("/", params={"plan": plan, "as_of": AS_OF.isoformat()}))
    links = [a["href"] for a in page.select(".alert-list .alert-head a")][:5]
    assert links
    for href in links:
        detail = soup(web.get(href))
        assert detail.select_one(".status-light").get_text(strip=True) in {"红灯", "黄灯", "灰灯"}
        assert re.search(r"\d", detail.select_one(".status-why").get_text())


def test_the_item_list_comes_in_pages_that_together_hold_every_matching_item(demo):
    web, store, plan = demo
    board = evaluate(store.load_plan_data(plan, as_of=AS_OF, latest_only=True), AS_OF)
    query = {"plan": plan, "as_of": AS_OF.isoformat(), "kind": "project", "sort": "code"}
    first = soup(web.get("/items", params=query))
    pages = first.select(".pager a, .pager strong")
    assert pages and "第 1/" in first.select_one(".summary").get_text()
    seen: list[str] = []
    page, number = first, 1
    while True:
        seen += [row["data-code"] for row in page.select("tbody tr[data-code]")]
        following = page.select_one('.pager a[rel="next"]')
        if following is None:
            break
        assert "kind=project" in following["href"] and "sort=code" in following["href"]
        number += 1
        page = soup(web.get(following["href"]))
    projects = sorted(i.code for i in board.items if i.kind == "project")
    assert seen == projects and number == -(-len(projects) // 100)


def test_a_page_number_beyond_the_last_shows_the_last_page(demo):
    web, _store, plan = demo
    page = soup(web.get("/items", params={"plan": plan, "as_of": AS_OF.isoformat(), "page": 999}))
    last = re.search(r"第 (\d+)/(\d+) 页", page.select_one(".summary").get_text())
    assert last and last[1] == last[2]
    assert page.select_one('.pager strong[aria-current="page"]').get_text() == last[2]
    assert page.select_one('.pager a[rel="next"]') is None and page.select("tbody tr[data-code]")
