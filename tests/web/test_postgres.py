"""The web app over PostgreSQL: the same pages and the same writes as on SQLite."""

from __future__ import annotations

from datetime import date

from planwatch.monitor import evaluate

from .pages import approve_waiting, post_form, soup
from .webapp import AS_OF, PLAN, jiangchuan_plan

AT = {"plan": PLAN, "as_of": "2025-06-30"}


def test_the_dashboard_on_postgresql_counts_the_lights_as_the_engine_does(postgres_web):
    web, _store = postgres_web
    counts = evaluate(jiangchuan_plan(), AS_OF).counts()
    page = soup(web.get("/", params=AT))
    assert {light: int(page.select_one(f".tile-{light} .tile-count").get_text()) for light in counts} == dict(counts)


def test_progress_entered_on_postgresql_is_stored_with_the_submitting_unit(postgres_web):
    web, store = postgres_web
    form = {"as_of": "2025-06-20", "value": "1700", "cumulative": "1"}
    assert post_form(web, "/items/L01/progress", AT, form).status_code == 303
    assert approve_waiting(web, AT) == 1
    stored = [r for r in store.load_plan_data(PLAN).progress if r.item_code == "L01" and r.as_of == date(2025, 6, 20)]
    assert [(r.value, r.source.unit) for r in stored] == [(1700.0, "市卫生健康委")]
