"""Figures that are allowed but suspicious are confirmed by the submitter and kept for the reviewer."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from imports.workbooks import write_csv
from planwatch import app
from planwatch.imports.service import import_file
from planwatch.plan.model import KeyTask, ProgressRecord, Project, ProjectStage, Source, Target, TargetMeasure
from planwatch.plan.validation import entry_warnings
from web.accounts import signed_in_client
from web.pages import approve_waiting, post_form, soup
from web.webapp import PLAN, make_store

D = date.fromisoformat
PROJECT = Project("P", "某项目", "某单位", "D", "交通", ProjectStage.UNDER_CONSTRUCTION, 90000, 20000)
RATE = Target("T", "gdp", TargetMeasure.GROWTH, 6, "%")
TASK = KeyTask("K", "建设高标准农田", None, "市农业农村局", annual_quantity=40, unit="万亩")


def rec(code: str, day: str, value: float, cumulative: bool = True) -> ProgressRecord:
    return ProgressRecord(code, D(day), value, cumulative=cumulative)


@pytest.mark.parametrize(
    ("item", "history", "new", "words"),
    [
        (PROJECT, [rec("P", "2025-05-31", 15000)], rec("P", "2025-06-30", 16000), None),
        (PROJECT, [rec("P", "2025-05-31", 15000)], rec("P", "2025-06-30", 12000), "低于此前的15,000"),
        (
            PROJECT, [rec("P", "2025-05-31", 5000)], rec("P", "2025-06-30", 50000),
            "是此前5,000（截至2025-05-31）的10.0倍",
        ),
        # a period amount adds to the total before it: 5,000 + 20,000 is 5 times 5,000
        (PROJECT, [rec("P", "2025-05-31", 5000)], rec("P", "2025-06-30", 20000, cumulative=False), "5.0倍"),
        (PROJECT, [rec("P", "2025-05-31", 5000)], rec("P", "2025-06-30", 2000, cumulative=False), None),
        (PROJECT, [], rec("P", "2025-06-30", 50000), None),  # nothing before: nothing to compare
        # a correction of May is compared with April, not with June
        (PROJECT, [rec("P", "2025-04-30", 9000), rec("P", "2025-06-30", 20000)], rec("P", "2025-05-31", 14000), None),
        (TASK, [rec("K", "2025-03-31", 20)], rec("K", "2025-06-30", 10), "低于此前的20"),
        # a growth rate may fall and may jump: rates do not add up
        (RATE, [rec("T", "2025-03-31", 6.5)], rec("T", "2025-06-30", 1.0), None),
        (RATE, [rec("T", "2025-03-31", 0.5)], rec("T", "2025-06-30", 6.0), None),
    ],
)
def test_a_total_below_the_last_or_a_jump_is_a_warning(item, history, new, words):
    found = entry_warnings([new], {item.code: history}, {item.code: item})
    if words is None:
        assert found == {}
    else:
        assert words in found[(new.item_code, new.as_of, None)]


@pytest.fixture
def store(tmp_path: Path):
    s = make_store(tmp_path)
    yield s
    s.close()


def test_the_application_layer_asks_for_confirmation_then_keeps_the_warning_on_the_record(store):
    plan = app.choose_plan(store, PLAN)
    low = ProgressRecord("P01", D("2025-07-31"), 1000, source=Source(unit="市交通运输局"))
    before = store.audit_count()
    with pytest.raises(app.NeedsConfirmation) as asked:
        app.record_approved(store, plan, [low], user="市交通运输局")
    assert "低于此前的22,000" in str(asked.value)
    assert store.audit_count() == before
    done = app.record_approved(store, plan, [low], user="市交通运输局", confirm=True)
    assert done.warnings and "低于此前" in done.warnings[0]
    [stored] = [r for r in store.item_progress(PLAN, "P01") if r.as_of == D("2025-07-31")]
    assert "低于此前的22,000" in stored.warning


def test_the_web_form_asks_to_confirm_a_low_total_and_the_item_page_shows_it_after(store):
    client = signed_in_client(store, follow_redirects=False)
    at = {"plan": PLAN, "as_of": "2025-06-30"}
    form = {"unit": "市交通运输局", "as_of": "2025-06-30", "value": "2000", "cumulative": "1", "narrative": "核减"}
    before = store.audit_count()
    first = post_form(client, "/items/P01/progress", {**at, "as_of": "2025-06-30"}, {**form, "as_of": "2025-07-15"})
    page = soup(first)
    assert first.status_code == 200 and "请核对后确认提交" in page.select_one(".notice.err").get_text()
    assert page.select_one("input[name=confirm]") is not None
    assert page.select_one("input[name=value]")["value"] == "2000"  # what was typed is kept
    assert store.audit_count() == before
    second = post_form(
        client, "/items/P01/progress", at, {**form, "as_of": "2025-07-15", "confirm": "1"}
    )
    assert second.status_code == 303
    assert approve_waiting(client, at) == 1  # the reviewer sees the confirmed warning, then approves
    shown = soup(client.get("/items/P01", params={"plan": PLAN, "as_of": "2025-07-31"}))
    assert "报送时已确认" in shown.select_one("table.history").get_text()


def test_the_importer_prints_the_warnings_and_keeps_them(store, tmp_path):
    row = {"项目编码": "P01", "截至日期": "2025-07-31", "本年完成投资（万元）": "1000", "报送单位": "市交通运输局"}
    result = import_file(store, write_csv(tmp_path / "p.csv", "项目进展", [row]), user="规划处", plan_code=PLAN)
    assert "请核对 P01（2025-07-31）：年初累计数1,000低于此前的22,000" in result.describe()
    [stored] = [r for r in store.item_progress(PLAN, "P01") if r.as_of == D("2025-07-31")]
    assert stored.warning
