"""When the database itself is broken, pages still answer in Chinese."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import httpx

from planwatch.app import accounts

from .accounts import PASSWORD, bearer, logged_in
from .webapp import make_store, start_server, stop_server


def test_a_broken_database_gives_a_chinese_error_page_not_a_bare_500(tmp_path: Path):
    store = make_store(tmp_path)
    token = bearer(store, "planner")
    with sqlite3.connect(tmp_path / "planwatch.sqlite") as db:
        db.execute("DROP TABLE progress_records")  # someone damaged the file behind our back
    server, thread, url = start_server(store)
    try:
        with httpx.Client(base_url=url, timeout=30) as client:
            page = logged_in(client).get("/", params={"as_of": "2025-06-30"})
        api = httpx.get(f"{url}/api/status", params={"as_of": "2025-06-30"}, headers=token, timeout=30)
    finally:
        stop_server(server, thread)
        store.close()
    assert page.status_code == 500
    assert "系统错误" in page.text and 'lang="zh-CN"' in page.text
    assert api.status_code == 500
    assert "服务器处理请求时出错" in api.json()["detail"]


def test_a_plan_without_items_yet_shows_empty_tables_not_an_error(tmp_path: Path):
    from planwatch.plan.model import Plan, PlanData, Region
    from planwatch.store import Store

    store = Store.open(f"sqlite:///{tmp_path / 'empty-plan.sqlite'}")
    store.save_plan_data(
        PlanData(Plan("HX2026", "HX", 2026, "河西县2026年计划"), regions=[Region("HX", "河西县")]), user="测试"
    )
    accounts.add_user(store, "planner", "计划处", None, PASSWORD, actor="测试")
    server, thread, url = start_server(store)
    try:
        with httpx.Client(base_url=url, timeout=30) as client:
            logged_in(client)
            pages = [client.get(path, params={"as_of": "2026-03-31"}) for path in ("/", "/items")]
    finally:
        stop_server(server, thread)
        store.close()
    assert [p.status_code for p in pages] == [200, 200]
    assert "计划中没有工作领域" in pages[0].text and "暂无预警事项" in pages[0].text
    assert "没有符合条件的事项" in pages[1].text
