"""`planwatch ingest` is "add to the library, then match": library facts stored once, the plan linking to them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from alembic import command
from sqlalchemy import func, select

from planwatch.demo import SAMPLE_REPORT
from planwatch.documents import read
from planwatch.ingest import ingest_document
from planwatch.library.adding import add_paths
from planwatch.library.reading import text_sha256
from planwatch.plan.model import Plan, PlanData, ProgressRecord, Region, Source, Target, TargetMeasure
from planwatch.store import Store
from planwatch.store.migrate import alembic_config
from planwatch.store.report_figures import item_figures
from planwatch.store.submissions import SUBMISSIONS
from planwatch.store.tables import DocumentFactRow, DocumentRow, ProgressRow, ReportFigureRow

#: The revision before report figures: the head an existing database of the previous release is at.
BEFORE_FIGURES = "0005"
#: The date of the sample report's half-year figures.
SAMPLE_DATE = date(2025, 6, 30)


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    """A store holding a plan of 江川市 with a GDP and an industry target."""
    s = Store.open(database_url)
    s.init()
    plan = PlanData(
        plan=Plan("JC-MIN", "JC", 2025, "两项指标的计划"),
        regions=[Region("JC", "江川市")],
        targets=[
            Target("G1", "gdp", TargetMeasure.GROWTH, 6.0, "%"),
            Target("G2", "industrial_va", TargetMeasure.GROWTH, 7.0, "%"),
        ],
    )
    s.save_plan_data(plan, user="规划处")
    yield s
    s.close()


def counts(store: Store) -> dict[str, int]:
    tables = {"documents": DocumentRow, "facts": DocumentFactRow, "progress": ProgressRow, "figures": ReportFigureRow}
    with store.engine.connect() as conn:
        out = {n: conn.execute(select(func.count()).select_from(t.__table__)).scalar_one() for n, t in tables.items()}
    out["audit"] = store.audit_count()
    return out


def fact_ids(store: Store) -> list[int]:
    with store.engine.connect() as conn:
        return list(conn.execute(select(DocumentFactRow.id).order_by(DocumentFactRow.id)).scalars())


def test_reingesting_a_report_changes_nothing_and_keeps_the_librarys_facts(store: Store) -> None:
    first = ingest_document(store, SAMPLE_REPORT, plan_code="JC-MIN", user="规划处")
    before, ids = counts(store), fact_ids(store)
    again = ingest_document(store, SAMPLE_REPORT, plan_code="JC-MIN", user="规划处")
    assert not again.changed and again.reused
    assert counts(store) == before
    assert fact_ids(store) == ids  # the same rows, not deleted and written again
    assert before["facts"] == first.facts == again.facts
    assert again.document_id == first.document_id


def test_each_figure_ingest_writes_is_a_submission_approved_by_who_ran_it_naming_the_report(store: Store) -> None:
    result = ingest_document(store, SAMPLE_REPORT, plan_code="JC-MIN", user="计划处王五")
    with store.engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(select(SUBMISSIONS))]
    written = {(m.record.item_code, m.record.as_of, m.record.value) for m in result.progress}
    assert written and {(r["item_code"], r["as_of"], r["value"]) for r in rows} == written
    assert {(r["state"], r["reviewed_by"], r["reason"]) for r in rows} == {
        ("approved", "计划处王五", SAMPLE_REPORT.name)
    }
    again = ingest_document(store, SAMPLE_REPORT, plan_code="JC-MIN", user="计划处王五")
    with store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(SUBMISSIONS)).scalar_one() == len(rows)
    assert not again.changed


def test_library_add_then_ingest_reuses_the_document_and_links_its_facts(store: Store) -> None:
    summary = add_paths(store, [SAMPLE_REPORT], user="资料员", jobs=1, progress=None)
    assert summary.added == 1
    before, ids = counts(store), fact_ids(store)
    result = ingest_document(store, SAMPLE_REPORT, plan_code="JC-MIN", user="规划处")
    after = counts(store)
    assert result.reused and result.facts == before["facts"]
    assert (after["documents"], after["facts"], fact_ids(store)) == (1, before["facts"], ids)
    assert after["figures"] == sum(map(len, (result.progress, result.beside, result.waiting, result.targets)))
    gdp = item_figures(store, "JC-MIN", "G1")
    assert [(f.value, f.role, f.document_id, f.quote) for f in gdp] == [(6.1, "progress", result.document_id, "6.1%")]
    assert "6.1%" in gdp[0].sentence and gdp[0].in_library
    assert "文档库中已有此文档" in result.describe()


def test_a_report_figure_for_an_item_a_unit_submitted_is_kept_beside_it_not_over_it(store: Store) -> None:
    own = ProgressRecord("G1", SAMPLE_DATE, 6.0, True, source=Source(unit="市统计局"), narrative="统计局报送")
    store.add_progress("JC-MIN", [own], user="审核员")
    result = ingest_document(store, SAMPLE_REPORT, plan_code="JC-MIN", user="规划处")
    assert [m.record.item_code for m in result.beside] == ["G1"]
    (kept,) = [r for r in store.item_progress("JC-MIN", "G1") if r.as_of == SAMPLE_DATE]
    assert (kept.value, kept.source.unit, kept.source.document) == (6.0, "市统计局", None)
    (figure,) = item_figures(store, "JC-MIN", "G1")
    assert (figure.value, figure.role, figure.as_of) == (6.1, "beside", SAMPLE_DATE)


def test_upgrading_a_database_keeps_its_ingested_documents_and_a_new_ingest_fills_them(store: Store) -> None:
    text = read(SAMPLE_REPORT).text
    old_fact = {"span": [0, 2], "text": "江川", "subject": None, "measure": "level", "value": 1.0}
    doc_id = store.save_document(SAMPLE_REPORT.name, text_sha256(text), [old_fact], user="规划处")  # as ingest did
    config = alembic_config(store.engine)
    with store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, BEFORE_FIGURES)
    assert store.revision() == BEFORE_FIGURES
    upgraded = Store.open(store.engine.url.render_as_string(hide_password=False))
    try:
        upgraded.init()
        assert upgraded.search_facts(document=SAMPLE_REPORT.name)[0]["document_id"] == doc_id
        result = ingest_document(upgraded, SAMPLE_REPORT, plan_code="JC-MIN", user="规划处")
        assert result.document_id == doc_id and not result.reused  # filled into the library in place
        assert counts(upgraded)["documents"] == 1
        assert len(upgraded.search_facts(document=SAMPLE_REPORT.name)) == result.facts
        assert [f.value for f in item_figures(upgraded, "JC-MIN", "G1")] == [6.1]
    finally:
        upgraded.close()

