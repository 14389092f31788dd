"""Fixtures for the web tests: a real SQLite store in tmp_path and the real app under uvicorn."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from planwatch.store import Store

from .accounts import add_users, logged_in
from .webapp import jiangchuan_plan, make_store, start_server, stop_server


@pytest.fixture(scope="module")
def web_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """A store shared by the read-only tests of a module."""
    store = make_store(tmp_path_factory.mktemp("web"))
    yield store
    store.close()


@pytest.fixture(scope="module")
def web(web_store: Store) -> Iterator[httpx.Client]:
    """An HTTP client of the app running under uvicorn against ``web_store``, logged in as 计划处."""
    server, thread, url = start_server(web_store)
    with httpx.Client(base_url=url, timeout=30) as client:
        yield logged_in(client)
    stop_server(server, thread)


@pytest.fixture
def fresh_web(tmp_path: Path) -> Iterator[tuple[httpx.Client, Store]]:
    """A client of an app over a store of its own, for tests that write; logged in as 计划处."""
    store = make_store(tmp_path)
    server, thread, url = start_server(store)
    with httpx.Client(base_url=url, timeout=30) as client:
        yield logged_in(client), store
    stop_server(server, thread)
    store.close()


@pytest.fixture(scope="module")
def postgres_web(postgres_admin_url: str | None) -> Iterator[tuple[httpx.Client, Store]]:
    """A client of the app over the 江川 plan in a fresh database of a throwaway PostgreSQL cluster."""
    from pgcluster import fresh_postgres_database, postgres_or_skip

    with fresh_postgres_database(postgres_or_skip(postgres_admin_url)) as url:
        store = Store.open(url)
        store.init()
        store.save_plan_data(jiangchuan_plan(), user="测试")
        add_users(store)
        server, thread, base = start_server(store)
        with httpx.Client(base_url=base, timeout=30) as client:
            yield logged_in(client), store
        stop_server(server, thread)
        store.close()
