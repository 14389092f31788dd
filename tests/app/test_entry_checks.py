"""One set of checks on every entry path: the store writer, the application layer (the API's path),
the web form and the importer are fed the same bad values; each is refused and nothing is written.
"""

from __future__ import annotations

import math
from datetime import date
from pathlib import Path

import pytest

from imports.workbooks import write_csv
from planwatch import app
from planwatch.imports.issues import ImportFailed
from planwatch.imports.service import import_file
from planwatch.plan.model import ProgressRecord, Source
from planwatch.plan.validation import LIMITS, Bounds, bounds_of, refusals, upload_problem
from planwatch.store import Store, StoreError
from web.accounts import signed_in_client
from web.pages import post_form
from web.webapp import PLAN, make_store

LONG = "长" * 200_000
GOOD = {"unit": "市交通运输局", "as_of": "2025-06-30", "value": "23000", "narrative": "码头主体结构施工"}

#: (what is wrong, the form field changed, its text, the words of the refusal)
BAD_ENTRIES = [
    ("NaN", "value", "NaN", "数值"),
    ("infinity", "value", "inf", "数值"),
    ("1e400 (infinite as a float)", "value", "1e400", "数值"),
    ("a negative investment", "value", "-100", "不能为负数"),
    ("a 200,000-character narrative", "narrative", LONG, "情况说明"),
    ("a 3,000-character narrative", "narrative", "长" * 3000, "情况说明"),
    ("a 200,000-character unit name", "unit", LONG, "报送单位"),
    ("a date in another year", "as_of", "2024-06-30", "不在计划年度"),
]
IDS = [case[0] for case in BAD_ENTRIES]


def record_of(form: dict[str, str]) -> ProgressRecord:
    """Return the record a filled form describes, as an API client or a program would send it."""
    return ProgressRecord(
        "P01",
        date.fromisoformat(form["as_of"]),
        float(form["value"]),
        narrative=form["narrative"],
        source=Source(unit=form["unit"]),
    )


@pytest.fixture
def store(tmp_path: Path):
    s = make_store(tmp_path)
    yield s
    s.close()


def written(store: Store) -> tuple[int, int]:
    """Return how many progress rows and audit rows the store holds."""
    return len(store.load_plan_data(PLAN).progress), store.audit_count()


@pytest.mark.parametrize(("case", "field", "text", "words"), BAD_ENTRIES, ids=IDS)
def test_the_store_writer_refuses_a_bad_record_and_writes_nothing(store, case, field, text, words):
    before = written(store)
    with pytest.raises(StoreError, match="未写入任何数据") as refused:
        store.add_progress(PLAN, [record_of({**GOOD, field: text})], user="测试")
    assert words in str(refused.value) or field == "unit"
    assert written(store) == before


@pytest.mark.parametrize(("case", "field", "text", "words"), BAD_ENTRIES, ids=IDS)
def test_the_application_layer_refuses_a_bad_record_in_chinese_and_writes_nothing(store, case, field, text, words):
    before = written(store)
    plan = app.choose_plan(store, PLAN)
    record = record_of({**GOOD, field: text})
    user = text if field == "unit" else "市交通运输局"
    with pytest.raises(app.Invalid) as refused:
        app.record_approved(store, plan, [record], user=user)
    assert words in str(refused.value)
    assert len(str(refused.value)) < 300  # the message names the field, it does not echo the text
    assert written(store) == before


@pytest.mark.parametrize(("case", "field", "text", "words"), BAD_ENTRIES, ids=IDS)
def test_the_web_form_refuses_a_bad_entry_and_writes_nothing(store, case, field, text, words):
    before = written(store)
    client = signed_in_client(store)
    at = {"plan": PLAN, "as_of": "2025-06-30"}
    response = post_form(client, "/items/P01/progress", at, {**GOOD, "cumulative": "1", field: text})
    assert response.status_code == 400
    assert words in response.text or "不是数字" in response.text or "超过上限" in response.text
    assert "inf%" not in response.text and "Infinity" not in response.text
    assert written(store) == before


@pytest.mark.parametrize(("case", "field", "text", "words"), BAD_ENTRIES, ids=IDS)
def test_the_importer_refuses_a_bad_row_and_writes_nothing(store, tmp_path, case, field, text, words):
    before = written(store)
    form = {**GOOD, field: text}
    row = {
        "项目编码": "P01",
        "截至日期": form["as_of"],
        "本年完成投资（万元）": form["value"],
        "情况说明": form["narrative"],
        "报送单位": form["unit"],
    }
    path = write_csv(tmp_path / "项目进展.csv", "项目进展", [row])
    with pytest.raises(ImportFailed) as refused:
        import_file(store, path, user="规划处", plan_code=PLAN)
    assert "第2行" in str(refused.value)
    assert written(store) == before


@pytest.mark.parametrize(
    ("value", "bounds", "refused"),
    [
        (5.2, Bounds(negative_ok=True, ceiling=LIMITS.max_rate), False),
        (-2.5, Bounds(negative_ok=True, ceiling=LIMITS.max_rate), False),  # a growth rate may fall
        (-2.5, Bounds(negative_ok=False, ceiling=LIMITS.max_rate), True),
        (2e3, Bounds(negative_ok=True, ceiling=LIMITS.max_rate), True),  # 2,000% is no growth rate
        (0.0, Bounds(), False),
        (math.nan, Bounds(), True),
        (-math.inf, Bounds(negative_ok=True), True),
        (1e13, Bounds(), True),
    ],
)
def test_a_value_is_refused_by_the_bounds_of_its_item(value, bounds, refused):
    problems = refusals(ProgressRecord("X", date(2025, 6, 30), value), 2025, bounds)
    assert bool(problems) is refused


def test_an_amount_a_thousand_times_the_annual_plan_is_refused_as_a_typo(store):
    project = store.load_plan_data(PLAN, progress=False).item_index()["P01"]
    ceiling = bounds_of(project).ceiling
    assert refusals(ProgressRecord("P01", date(2025, 6, 30), ceiling * 0.99), 2025, bounds_of(project)) == []
    [problem] = refusals(ProgressRecord("P01", date(2025, 6, 30), ceiling * 1.01), 2025, bounds_of(project))
    assert problem.field == "value" and "超出合理范围" in problem.message


@pytest.mark.parametrize(
    ("name", "size", "words"),
    [
        ("进展.xlsx", 1000, None),
        ("进展.CSV", 1000, None),
        ("进展.exe", 1000, "类型不受支持"),
        ("进展", 1000, "类型不受支持"),
        ("进展.xlsx", 50 * 1024 * 1024, "过大"),
    ],
)
def test_an_upload_is_checked_for_type_and_size(name, size, words):
    problem = upload_problem(name, size)
    assert (problem is None) if words is None else (words in str(problem) and str(problem).startswith("上传文件"))
