"""``planwatch import --user NAME``: every figure it writes is a submission NAME approved, in one transaction."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from planwatch.cli.main import cli
from planwatch.imports.service import import_file
from planwatch.store import Store
from planwatch.store.submissions import SUBMISSIONS

from .conftest import row_counts
from .workbooks import plan_rows, progress_rows, write_xlsx


def submissions(store: Store) -> list[dict]:
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(select(SUBMISSIONS).order_by(SUBMISSIONS.c.id))]


@pytest.fixture
def opened(database_url: str):
    with Store.open(database_url) as store:
        store.init()
        yield store


def test_a_progress_import_records_each_figure_as_approved_by_the_user_who_ran_it(opened: Store, tmp_path: Path):
    import_file(opened, write_xlsx(tmp_path / "plan.xlsx", plan_rows()), user="规划处")
    result = import_file(opened, write_xlsx(tmp_path / "progress.xlsx", progress_rows()), user="计划处张三")
    rows = submissions(opened)
    progress = opened.load_plan_data("JC2025").progress
    assert len(rows) == len(progress) == result.summary["submission"].inserted == 7
    assert {(r["state"], r["submitted_by"], r["reviewed_by"]) for r in rows} == {
        ("approved", "计划处张三", "计划处张三")
    }
    assert all(r["reviewed_at"] is not None and r["reason"] == "导入文件 progress.xlsx" for r in rows)
    assert {(r["item_code"], r["as_of"], r["value"]) for r in rows} == {
        (p.item_code, p.as_of, p.value) for p in progress
    }
    audited = {e.key for e in opened.audit_log(limit=1000, table="submissions")}
    assert audited == {f"JC2025/{r['id']}" for r in rows}


def test_importing_the_same_progress_again_adds_no_submission_and_a_changed_figure_supersedes_the_old(
    opened: Store, tmp_path: Path
):
    import_file(opened, write_xlsx(tmp_path / "plan.xlsx", plan_rows()), user="规划处")
    progress = progress_rows()
    import_file(opened, write_xlsx(tmp_path / "progress.xlsx", progress), user="规划处")
    again = import_file(opened, write_xlsx(tmp_path / "progress.xlsx", progress), user="规划处")
    assert not again.summary.changed and len(submissions(opened)) == 7
    sheet = "项目进展"
    changed = [dict(row) for row in progress[sheet]]
    changed[0]["本年完成投资（万元）"] += 100
    fixed = import_file(opened, write_xlsx(tmp_path / "fix.xlsx", {sheet: changed}), user="李四")
    assert fixed.summary["submission"].inserted == 1
    code = changed[0]["项目编码"]
    states = [(r["state"], r["submitted_by"]) for r in submissions(opened) if r["item_code"] == code]
    assert ("superseded", "规划处") in states and ("approved", "李四") in states


def test_a_plan_workbook_with_progress_sheets_records_its_figures_as_approved(store: Store, tmp_path: Path):
    import_file(store, write_xlsx(tmp_path / "plan.xlsx", plan_rows() | progress_rows()), user="规划处")
    assert len(submissions(store)) == 7 and {r["state"] for r in submissions(store)} == {"approved"}


def test_a_refused_progress_file_leaves_no_submission(store: Store, tmp_path: Path):
    import_file(store, write_xlsx(tmp_path / "plan.xlsx", plan_rows()), user="规划处")
    rows = progress_rows()
    sheet = "项目进展"
    bad = [dict(r) for r in rows[sheet]]
    bad[0]["本年完成投资（万元）"] = -100
    before = row_counts(store)
    result = CliRunner().invoke(
        cli,
        ["import", str(write_xlsx(tmp_path / "bad.xlsx", {sheet: bad})), "--db", str(store.engine.url), "--user", "x"],
    )
    assert result.exit_code == 2 and row_counts(store) == before


def test_planwatch_import_user_names_who_approved(tmp_path: Path):
    db = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    runner = CliRunner()
    assert (
        runner.invoke(cli, ["import", str(write_xlsx(tmp_path / "plan.xlsx", plan_rows())), "--db", db]).exit_code == 0
    )
    progress = write_xlsx(tmp_path / "progress.xlsx", progress_rows())
    result = runner.invoke(cli, ["import", str(progress), "--db", db, "--user", "计划处王五"])
    assert result.exit_code == 0, result.output
    assert "审核通过的报送：新增 7" in result.output
    with Store.open(db) as store:
        assert {r["reviewed_by"] for r in submissions(store)} == {"计划处王五"}
