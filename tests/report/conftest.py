"""Fixtures for the report tests: the demo database (built through the real importer) and its report as of 30 June."""

from __future__ import annotations

from pathlib import Path

import pytest

from planwatch.demo import DEMO_AS_OF, build_demo
from planwatch.report import compose_report, load_inputs
from planwatch.report.output import write_report
from planwatch.store import Store


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory):
    """The demo database (江川市 2025, progress to 30 June) in a SQLite file."""
    return build_demo(tmp_path_factory.mktemp("report-demo") / "demo.sqlite")


@pytest.fixture(scope="session")
def demo_inputs(demo_db):
    store = Store.open(demo_db.url)
    try:
        return load_inputs(store, "JC2025", DEMO_AS_OF)
    finally:
        store.close()


@pytest.fixture(scope="session")
def demo_report(demo_inputs):
    return compose_report(demo_inputs)


@pytest.fixture(scope="session")
def demo_docx(demo_report, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo report written as DOCX with the 数据来源 appendix."""
    return write_report(demo_report, tmp_path_factory.mktemp("docx") / "report.docx", "docx")


@pytest.fixture(scope="module")
def client(demo_db):
    """A client of the real web app over the demo database."""
    from fastapi.testclient import TestClient

    from planwatch.web import create_app
    from web.accounts import logged_in

    store = Store.open(demo_db.url)
    planner = next(a for a in demo_db.accounts if a.role == "计划处")
    with TestClient(create_app(store)) as client:
        yield logged_in(client, planner.name, planner.password)
    store.close()
