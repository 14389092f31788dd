"""``planwatch import PLAN.xlsx``: a plan workbook is the whole plan; ``--replace`` deletes what it left out."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from planwatch.cli.main import cli
from planwatch.plan.model import PlanData
from planwatch.store import Store


@pytest.fixture
def exported(tmp_path: Path, plan_data: PlanData) -> tuple[str, Path]:
    """A SQLite store holding the 江川 plan, and the plan exported to a workbook with P002 and K02 struck out."""
    url = f"sqlite:///{tmp_path / 'planwatch.sqlite'}"
    # a workbook names indicators as the catalog does
    plan_data.targets = [
        replace(t, indicator_code="new_urban_jobs") if t.code == "T-JOB" else t for t in plan_data.targets
    ]
    with Store.open(url) as store:
        store.save_plan_data(plan_data, user="规划处")
    path = tmp_path / "江川计划.xlsx"
    result = CliRunner().invoke(cli, ["export", "--plan", "JC2025", "-o", str(path), "--db", url])
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(path)
    for sheet in book.worksheets:
        for row in range(sheet.max_row, 1, -1):
            if sheet.cell(row, 1).value in ("P002", "K02"):
                sheet.delete_rows(row)
    book.save(path)
    return url, path


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def test_importing_a_plan_without_some_stored_items_warns_and_names_them_but_deletes_nothing(
    exported: tuple[str, Path], plan_data: PlanData
) -> None:
    url, path = exported
    code, output = run("import", str(path), "--db", url)
    assert code == 0, output
    assert "警告：库中有 2 项不在本次文件中（未删除）" in output
    assert "重点任务 K02 新建高标准农田" in output
    assert "重大项目 P002 西山储能电站" in output
    with Store.open(url) as store:
        assert len(store.load_plan_data("JC2025").projects) == 2


def test_import_with_replace_deletes_the_items_left_out_and_says_exactly_which(
    exported: tuple[str, Path], plan_data: PlanData
) -> None:
    url, path = exported
    code, output = run("import", str(path), "--replace", "--db", url, "--user", "规划处王五")
    assert code == 0, output
    assert "已删除库中不在本次文件中的 2 项" in output
    assert "  重点任务 K02 新建高标准农田" in output
    assert "  重大项目 P002 西山储能电站" in output
    assert "重大项目：新增 0，更新 0，未变 1，删除 1" in output
    with Store.open(url) as store:
        data = store.load_plan_data("JC2025")
        assert [p.code for p in data.projects] == ["P001"]
        assert [t.code for t in data.tasks] == ["K01"]
        deleted = store.audit_log(limit=2, table="projects")
        assert [(e.action, e.key, e.user, e.after) for e in deleted[:1]] == [
            ("delete", "JC2025/P002", "规划处王五", None)
        ]
    code, output = run("import", str(path), "--replace", "--db", url)
    assert code == 0 and "删除" not in output and "警告" not in output


def test_replace_on_a_progress_file_is_refused_and_writes_nothing(exported: tuple[str, Path], tmp_path: Path) -> None:
    url, _ = exported
    progress = tmp_path / "progress.xlsx"
    assert run("template", str(progress))[0] == 0
    code, output = run("import", str(progress), "--replace", "--db", url)
    assert code == 2
    assert "--replace 只用于计划文件" in output


def test_replace_on_a_workbook_without_its_plan_sheet_is_refused_and_deletes_nothing(
    exported: tuple[str, Path], plan_data: PlanData
) -> None:
    url, path = exported
    book = openpyxl.load_workbook(path)
    del book["计划"]  # a partial file: it updates the items it lists and says nothing of the rest
    book.save(path)
    code, output = run("import", str(path), "--replace", "--db", url)
    assert code == 2
    assert "不能与 --replace 同用" in output
    code, output = run("import", str(path), "--db", url)
    assert code == 0 and "警告：库中有" not in output
    with Store.open(url) as store:
        assert len(store.load_plan_data("JC2025").projects) == 2
