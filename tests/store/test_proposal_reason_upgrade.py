"""A decision's reason is kept with the proposal; upgrading an older database fills it from the audit log."""

from __future__ import annotations

from alembic import command

from planwatch.library.reading import entry_of
from planwatch.plan.model import Target, TargetMeasure
from planwatch.store import Store
from planwatch.store.migrate import alembic_config, upgrade_to_head

DOCUMENT = "江川市经济运行情况.txt"


def with_proposals(store: Store, plan_code: str) -> dict[str, int]:
    entry = entry_of("江川市经济运行情况\n", "txt", label=DOCUMENT, name=DOCUMENT)
    targets = [
        Target("T-GRAIN", "grain_output", TargetMeasure.LEVEL, 48.0, "万吨", note="全年粮食产量48万吨以上"),
        Target("T-FAI", "fixed_asset_investment", TargetMeasure.GROWTH, 7.0, "%", note="投资增长7%"),
    ]
    store.record_ingest(
        plan_code, entry=entry, facts=len(entry.facts), targets=targets, progress=[], figures=[], user="计划处"
    )
    return {row["code"]: row["id"] for row in store.target_proposals(plan_code)}


def reasons(store: Store, plan_code: str) -> dict[str, str | None]:
    return {row["code"]: row["decision_reason"] for row in store.target_proposals(plan_code, None)}


def test_a_decision_keeps_its_reason_with_the_proposal(store: Store, plan_data) -> None:
    store.save_plan_data(plan_data, user="测试")
    ids = with_proposals(store, plan_data.plan.code)
    store.decide_proposal(plan_data.plan.code, ids["T-FAI"], accept=False, user="计划处", reason="口径与年报不一致")
    store.decide_proposal(plan_data.plan.code, ids["T-GRAIN"], accept=True, user="计划处")
    assert reasons(store, plan_data.plan.code) == {"T-FAI": "口径与年报不一致", "T-GRAIN": None}


def test_upgrading_a_database_whose_reasons_are_only_in_the_audit_log_keeps_them(store: Store, plan_data) -> None:
    store.save_plan_data(plan_data, user="测试")
    ids = with_proposals(store, plan_data.plan.code)
    store.decide_proposal(plan_data.plan.code, ids["T-FAI"], accept=False, user="计划处", reason="口径与年报不一致")
    config = alembic_config(store.engine)
    with store.engine.begin() as connection:  # back to the schema before the column (the reason in the audit only)
        config.attributes["connection"] = connection
        command.downgrade(config, "0009")

    upgrade_to_head(store.engine)

    assert reasons(store, plan_data.plan.code) == {"T-FAI": "口径与年报不一致", "T-GRAIN": None}
