"""A Parquet export imports again: same reader checks, one transaction, the same plan back."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from planwatch.cli.main import cli
from planwatch.exports import export_plan
from planwatch.imports.issues import ImportFailed
from planwatch.imports.service import import_file
from planwatch.store import Store

from .conftest import full_plan, hostile_plan

OpenStore = Callable[[str], Store]


def counts(store: Store) -> tuple[int, int]:
    """Return (plans, audit rows): both stay put when an import writes nothing."""
    return len(store.list_plans()), store.audit_count()


def test_a_plan_survives_parquet_export_import_and_export_again(open_store: OpenStore, tmp_path: Path) -> None:
    first = open_store("first")
    first.save_plan_data(hostile_plan(), user="规划处")
    export_plan(first, "JC2025", "parquet", tmp_path / "one")
    second = open_store("second")
    result = import_file(second, tmp_path / "one", user="规划处")
    assert (result.kind, result.warnings) == ("plan", [])
    assert second.load_plan_data("JC2025") == first.load_plan_data("JC2025")
    export_plan(second, "JC2025", "parquet", tmp_path / "two")
    for file in sorted((tmp_path / "one").iterdir()):
        assert pq.read_table(tmp_path / "two" / file.name).equals(pq.read_table(file)), file.name


def test_reimporting_a_parquet_export_with_its_status_sheet_changes_nothing(
    open_store: OpenStore, tmp_path: Path
) -> None:
    from datetime import date

    from planwatch.app import board_for, choose_plan

    store = open_store("one")
    store.save_plan_data(full_plan(), user="规划处")
    board = board_for(store, choose_plan(store, "JC2025"), date(2025, 6, 30))
    export_plan(store, "JC2025", "parquet", tmp_path / "pq", board=board)
    assert (tmp_path / "pq" / "状态.parquet").exists()
    result = import_file(store, tmp_path / "pq", user="规划处")
    assert not result.summary.changed and result.warnings == []


def test_one_parquet_sheet_imports_on_its_own_as_progress(open_store: OpenStore, tmp_path: Path) -> None:
    first = open_store("first")
    first.save_plan_data(full_plan(), user="规划处")
    export_plan(first, "JC2025", "parquet", tmp_path / "pq")
    second = open_store("second")
    plan_only = full_plan()
    plan_only.progress = []
    second.save_plan_data(plan_only, user="规划处")
    result = import_file(second, tmp_path / "pq" / "项目进展.parquet", user="发改委")
    assert (result.kind, result.summary["progress"].inserted) == ("progress", 2)


def test_a_bad_value_in_a_parquet_file_is_named_by_file_row_and_column_and_nothing_is_written(
    open_store: OpenStore, tmp_path: Path
) -> None:
    first = open_store("first")
    first.save_plan_data(full_plan(), user="规划处")
    export_plan(first, "JC2025", "parquet", tmp_path / "pq")
    projects = pq.read_table(tmp_path / "pq" / "重大项目.parquet")
    index = projects.column_names.index("总投资（万元）")
    projects = projects.set_column(index, "总投资（万元）", pa.array([-5.0, 50000.5]))
    pq.write_table(projects, tmp_path / "pq" / "重大项目.parquet")

    second = open_store("second")
    with pytest.raises(ImportFailed) as failure:
        import_file(second, tmp_path / "pq", user="规划处")
    messages = [str(i) for i in failure.value.issues]
    assert messages[0] == "重大项目.parquet 工作表“重大项目”第2行“总投资（万元）”：不能为负数（-5）"
    assert counts(second) == (0, 0)


def test_a_damaged_parquet_file_is_one_error_naming_the_file(open_store: OpenStore, tmp_path: Path) -> None:
    folder = tmp_path / "pq"
    folder.mkdir()
    (folder / "重大项目.parquet").write_bytes(b"PAR1 not really parquet")
    store = open_store("one")
    with pytest.raises(ImportFailed) as failure:
        import_file(store, folder, user="规划处")
    (issue,) = failure.value.issues
    assert str(issue).startswith("重大项目.parquet：不是有效的Parquet文件，可能已损坏")
    assert counts(store) == (0, 0)


def test_planwatch_export_parquet_then_import_it_into_another_database(tmp_path: Path) -> None:
    first, second = tmp_path / "first.sqlite", tmp_path / "second.sqlite"
    with Store.open(f"sqlite:///{first}") as store:
        store.init()
        store.save_plan_data(full_plan(), user="规划处")
    runner = CliRunner()
    out = runner.invoke(
        cli, ["export", "--plan", "JC2025", "--format", "parquet", "-o", str(tmp_path / "pq"), "--db", str(first)]
    )
    assert out.exit_code == 0, out.output
    back = runner.invoke(cli, ["import", str(tmp_path / "pq"), "--db", str(second), "--user", "规划处"])
    assert back.exit_code == 0, back.output
    assert "重大项目：新增 2" in back.output and "警告" not in back.output
    with Store.open(f"sqlite:///{first}") as one, Store.open(f"sqlite:///{second}") as two:
        assert two.load_plan_data("JC2025") == one.load_plan_data("JC2025")
