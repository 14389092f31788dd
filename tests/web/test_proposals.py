"""Targets read from reports wait on ``/proposals`` for 计划处 or 管理员 to accept or reject them.

The proposals are recorded the way ``ingest`` records them (``Store.record_ingest``), into
the 江川 test plan in a real SQLite file; the page is driven through the real app.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from planwatch.cli.main import cli
from planwatch.plan.model import Target, TargetMeasure
from planwatch.store import Store
from planwatch.web import create_app

from .accounts import logged_in
from .pages import soup, texts
from .webapp import PLAN, make_store

AT = {"plan": PLAN, "as_of": "2025-06-30"}
DOCUMENT = "江川市2025年上半年经济运行情况.docx"


def proposed_targets() -> list[Target]:
    note = f"摘自{DOCUMENT}：全年粮食产量稳定在48万吨以上"
    return [
        Target("T-GRAIN", "grain_output", TargetMeasure.LEVEL, 48.0, "万吨", owner_unit="市农业农村局", note=note),
        Target("T-FAI", "fixed_asset_investment", TargetMeasure.GROWTH, 7.0, "%", note=f"摘自{DOCUMENT}：投资增长7%"),
    ]


@pytest.fixture
def world(tmp_path: Path) -> Iterator[tuple[Store, TestClient]]:
    store = make_store(tmp_path)
    from planwatch.library.reading import entry_of

    entry = entry_of("江川市经济运行情况\n", "txt", label=DOCUMENT, name=DOCUMENT)
    store.record_ingest(
        PLAN, entry=entry, facts=len(entry.facts), targets=proposed_targets(), progress=[], figures=[], user="计划处"
    )
    yield store, TestClient(create_app(store), follow_redirects=False)
    store.close()


def browser(app_client: TestClient, name: str) -> TestClient:
    return logged_in(TestClient(app_client.app, follow_redirects=False), name)


def pending_ids(store: Store) -> dict[str, int]:
    return {row["code"]: row["id"] for row in store.target_proposals(PLAN)}


def post(client: TestClient, action: str, reason: str | None = None):
    page = soup(client.get("/proposals", params=AT))
    form = next(f for f in page.select("form") if f.get("action", "").split("?")[0] == action)
    data = {i["name"]: i.get("value", "") for i in form.select("input[type=hidden]")}
    if reason is not None:
        data["reason"] = reason
    return client.post(form["action"], data=data)


@pytest.mark.parametrize(
    ("user", "status"), [("admin", 200), ("planner", 200), ("filler", 403), ("district", 403), ("reader", 403)]
)
def test_only_the_planning_office_and_admins_see_the_proposals_page(world, user, status):
    _store, app_client = world
    assert browser(app_client, user).get("/proposals", params=AT).status_code == status


def test_the_page_lists_each_pending_proposal_with_its_sentence_and_document(world):
    _store, app_client = world
    page = soup(browser(app_client, "planner").get("/proposals", params=AT))
    rows = texts(page, "tr[data-proposal]")
    assert len(rows) == 2
    assert "全年粮食产量稳定在48万吨以上" in rows[0] and DOCUMENT in rows[0] and "48" in rows[0]


def test_the_nav_shows_the_pending_count_to_those_who_decide(world):
    _store, app_client = world
    nav = soup(browser(app_client, "planner").get("/", params=AT)).select_one("[data-pending-proposals]")
    assert nav is not None and nav.get_text(strip=True) == "2"
    assert "目标建议" not in " ".join(texts(soup(browser(app_client, "filler").get("/", params=AT)), "nav a"))


def test_accepting_on_the_page_adds_the_target_to_the_plan_audited_with_the_real_user(world):
    store, app_client = world
    ids = pending_ids(store)
    response = post(browser(app_client, "planner"), f"/proposals/{ids['T-GRAIN']}/accept")
    assert response.status_code == 303
    assert "T-GRAIN" in {t.code for t in store.load_plan_data(PLAN, progress=False).targets}
    [entry] = store.audit_log(limit=100, table="target_proposals", key=f"{PLAN}/T-GRAIN")[:1]
    assert entry.user == "planner"
    assert set(pending_ids(store)) == {"T-FAI"}


def test_rejecting_needs_a_reason_and_keeps_it_in_the_audit_log(world):
    store, app_client = world
    planner = browser(app_client, "planner")
    ids = pending_ids(store)
    refused = post(planner, f"/proposals/{ids['T-FAI']}/reject", reason="  ")
    assert refused.status_code == 422 and "请填写不采纳的原因" in " ".join(texts(soup(refused), "[role=alert]"))
    assert set(pending_ids(store)) == {"T-GRAIN", "T-FAI"}
    done = post(planner, f"/proposals/{ids['T-FAI']}/reject", reason="<b>口径</b>与统计局年报不一致")
    assert done.status_code == 303
    entry = store.audit_log(limit=100, table="target_proposals", key=f"{PLAN}/T-FAI")[0]
    assert entry.user == "planner" and "口径" in str(entry.after)
    assert "T-FAI" not in {t.code for t in store.load_plan_data(PLAN, progress=False).targets}
    page = browser(app_client, "planner").get("/proposals", params=AT).text
    assert "<b>口径" not in page  # nothing a user types is rendered unescaped
    # the reason is shown beside the decision, as text
    decided = soup(browser(app_client, "planner").get("/proposals", params=AT))
    row = decided.select_one(f"tr[data-proposal='{ids['T-FAI']}']")
    assert row.select_one(".reason").get_text() == "<b>口径</b>与统计局年报不一致"


@pytest.mark.parametrize("user", ["filler", "reader"])
def test_a_user_who_may_not_decide_is_refused_even_with_a_valid_form(world, user):
    store, app_client = world
    client = browser(app_client, user)
    token = soup(client.get("/", params=AT)).select_one("form.whoami input[name=csrf_token]")["value"]
    ids = pending_ids(store)
    response = client.post(f"/proposals/{ids['T-GRAIN']}/accept", params=AT, data={"csrf_token": token})
    assert response.status_code == 403 and set(pending_ids(store)) == {"T-GRAIN", "T-FAI"}


def test_a_decision_without_the_form_token_is_refused(world):
    store, app_client = world
    ids = pending_ids(store)
    response = browser(app_client, "planner").post(f"/proposals/{ids['T-GRAIN']}/accept", params=AT)
    assert response.status_code == 403 and len(pending_ids(store)) == 2


def test_the_cli_uses_the_same_rule_a_rejection_needs_a_reason(world, tmp_path):
    store, _ = world
    db = str(store.engine.url)
    ids = pending_ids(store)
    runner = CliRunner()
    missing = runner.invoke(cli, ["proposals", "--db", db, "--plan", PLAN, "--reject", str(ids["T-FAI"])])
    assert missing.exit_code != 0 and "请填写不采纳的原因" in missing.output
    reject = ["proposals", "--db", db, "--plan", PLAN, "--reject", str(ids["T-FAI"])]
    done = runner.invoke(cli, [*reject, "--reason", "重复", "--user", "王五"])
    assert done.exit_code == 0, done.output
    assert store.audit_log(limit=10, table="target_proposals")[0].user == "王五"
    listed = runner.invoke(cli, ["proposals", "--db", db, "--plan", PLAN, "--all"])
    assert listed.exit_code == 0 and "理由：重复" in listed.output
