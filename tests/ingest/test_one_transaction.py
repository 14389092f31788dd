"""``planwatch ingest`` records a report whole or not at all: targets, progress and facts in one transaction."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select, text

from planwatch.cli.main import cli
from planwatch.demo import SAMPLE_REPORT
from planwatch.ingest import IngestError, ingest_document
from planwatch.plan.model import Plan, PlanData, Region, Target, TargetMeasure
from planwatch.store import Store
from planwatch.store.tables import DocumentFactRow, DocumentRow, ProgressRow, ReportFigureRow, TargetRow


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    """A store holding a plan with one GDP target: the sample report adds targets, progress and facts to it."""
    s = Store.open(database_url)
    s.init()
    plan = PlanData(
        plan=Plan("JC-MIN", "JC", 2025, "只有GDP目标的计划"),
        regions=[Region("JC", "江川市")],
        targets=[Target("G1", "gdp", TargetMeasure.GROWTH, 6.0, "%")],
    )
    s.save_plan_data(plan, user="规划处")
    yield s
    s.close()


def refuse_document_facts(store: Store) -> None:
    """Make the database itself refuse every document fact (the last part an ingest writes)."""
    with store.engine.begin() as conn:
        if conn.dialect.name == "sqlite":
            conn.execute(
                text(
                    "CREATE TRIGGER refuse_facts BEFORE INSERT ON document_facts "
                    "BEGIN SELECT RAISE(ABORT, 'document facts refused'); END"
                )
            )
        else:
            conn.execute(text("ALTER TABLE document_facts ADD CONSTRAINT ck_refuse_facts CHECK (span_end < 0)"))


def counts(store: Store) -> dict[str, int]:
    with store.engine.connect() as conn:
        tables = {"targets": TargetRow, "progress": ProgressRow, "documents": DocumentRow, "facts": DocumentFactRow}
        tables["figures"] = ReportFigureRow
        out = {
            name: conn.execute(select(func.count()).select_from(t.__table__)).scalar_one() for name, t in tables.items()
        }
    out["audit"] = store.audit_count()
    return out


def test_a_report_whose_facts_the_database_refuses_leaves_no_targets_or_progress_behind(store: Store) -> None:
    before = counts(store)
    refuse_document_facts(store)
    with pytest.raises(IngestError, match=f"{SAMPLE_REPORT.name}：写入数据库失败，本次未记录任何数据"):
        ingest_document(store, SAMPLE_REPORT, plan_code="JC-MIN", user="规划处")
    assert counts(store) == before
    assert [t.code for t in store.load_plan_data("JC-MIN").targets] == ["G1"]


def test_the_same_report_is_recorded_whole_once_the_database_takes_it(store: Store) -> None:
    before = counts(store)
    result = ingest_document(store, SAMPLE_REPORT, plan_code="JC-MIN", user="规划处")
    after = counts(store)
    assert result.targets and result.progress and result.document_facts
    assert after["targets"] == before["targets"]  # a report's targets are proposals, not plan items
    assert len(store.target_proposals("JC-MIN")) == len(result.targets)
    assert after["progress"] == before["progress"] + len(result.progress)
    # every fact is stored once, as the library's; the plan links to those it matched
    assert (after["documents"], after["facts"]) == (1, result.facts)
    assert after["figures"] == sum(map(len, (result.progress, result.beside, result.waiting, result.targets)))


def test_planwatch_ingest_says_in_one_line_that_nothing_was_recorded(store: Store, database_url: str) -> None:
    refuse_document_facts(store)
    before = counts(store)
    outcome = CliRunner().invoke(cli, ["ingest", str(SAMPLE_REPORT), "--db", database_url])
    assert outcome.exit_code == 1
    assert f"{SAMPLE_REPORT.name}：写入数据库失败，本次未记录任何数据" in outcome.output
    assert "Traceback" not in outcome.output
    assert counts(store) == before
