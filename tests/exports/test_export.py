"""Exports: the workbook imports again unchanged, CSV opens in Excel, Parquet keeps its types."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from planwatch.app import board_for, choose_plan
from planwatch.cli.main import cli
from planwatch.exports import export_plan
from planwatch.imports.reader import read_tables
from planwatch.imports.service import import_file
from planwatch.store import Store, StoreError

from .conftest import full_plan

OpenStore = Callable[[str], Store]


@pytest.fixture
def first(open_store: OpenStore) -> Store:
    store = open_store("first")
    store.save_plan_data(full_plan(), user="规划处")
    return store


def test_a_plan_survives_xlsx_export_import_and_export_again(
    first: Store, open_store: OpenStore, tmp_path: Path
) -> None:
    export_plan(first, "JC2025", "xlsx", tmp_path / "one.xlsx")
    second = open_store("second")
    result = import_file(second, tmp_path / "one.xlsx", user="规划处")
    assert result.kind == "plan" and result.summary["progress"].inserted == 7
    original = first.load_plan_data("JC2025")
    assert second.load_plan_data("JC2025") == original
    assert original.progress[1].source.span == (120, 156)
    export_plan(second, "JC2025", "xlsx", tmp_path / "two.xlsx")
    one, two = read_tables(tmp_path / "one.xlsx"), read_tables(tmp_path / "two.xlsx")
    assert {name: list(map(dict, rows)) for name, rows in one.items()} == {
        name: list(map(dict, rows)) for name, rows in two.items()
    }


def test_reimporting_an_export_into_its_own_store_changes_nothing(first: Store, tmp_path: Path) -> None:
    export_plan(first, "JC2025", "xlsx", tmp_path / "plan.xlsx")
    assert not import_file(first, tmp_path / "plan.xlsx", user="规划处").summary.changed


@pytest.mark.parametrize("target", ["plan.zip", "plan-csv"])
def test_a_csv_export_opens_in_excel_and_imports_again(
    first: Store, open_store: OpenStore, tmp_path: Path, target: str
) -> None:
    export_plan(first, "JC2025", "csv", tmp_path / target)
    if target.endswith(".zip"):
        with zipfile.ZipFile(tmp_path / target) as archive:
            assert "重大项目.csv" in archive.namelist()
            raw = archive.read("重大项目.csv")
    else:
        raw = (tmp_path / target / "重大项目.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM tells Excel it is UTF-8
    assert "P001,江川港区三期码头,江川港务集团,JC-01,交通,在建,120000,30000,2024-05-01,2027-12-31" in raw.decode(
        "utf-8-sig"
    )
    second = open_store("second")
    import_file(second, tmp_path / target, user="规划处")
    assert second.load_plan_data("JC2025") == first.load_plan_data("JC2025")


def test_a_parquet_export_has_one_typed_file_per_sheet(first: Store, tmp_path: Path) -> None:
    export_plan(first, "JC2025", "parquet", tmp_path / "pq")
    projects = pq.read_table(tmp_path / "pq" / "重大项目.parquet")
    assert projects.column_names[:2] == ["项目编码", "项目名称"]
    assert str(projects.schema.field("总投资（万元）").type) == "double"
    assert str(projects.schema.field("计划开工时间").type) == "date32[day]"
    assert projects.column("项目阶段").to_pylist() == ["在建", "储备"]
    progress = pq.read_table(tmp_path / "pq" / "指标进展.parquet").to_pylist()
    assert [(r["截至日期"], r["数值"]) for r in progress] == [(date(2025, 3, 31), 5.2), (date(2025, 6, 30), 5.6)]


def test_as_of_adds_a_status_sheet_with_a_light_per_item(first: Store, tmp_path: Path) -> None:
    board = board_for(first, choose_plan(first, "JC2025"), date(2025, 6, 30))
    result = export_plan(first, "JC2025", "xlsx", tmp_path / "plan.xlsx", board=board)
    assert result.rows["状态"] == 8
    ws = load_workbook(tmp_path / "plan.xlsx")["状态"]
    header = [c.value for c in ws[1]]
    rows = [dict(zip(header, (c.value for c in row), strict=True)) for row in ws.iter_rows(min_row=2)]
    assert {r["编码"] for r in rows} == {"T01", "T02", "T03", "K01", "K02", "P001", "P002", "M01"}
    assert {r["灯号"] for r in rows} <= {"绿", "黄", "红", "灰"}
    assert all(r["说明"] for r in rows)
    assert read_tables(tmp_path / "plan.xlsx").keys() >= {"状态", "重大项目"}  # still importable


def test_an_export_of_an_unknown_plan_fails_and_writes_no_file(first: Store, tmp_path: Path) -> None:
    with pytest.raises(StoreError):
        export_plan(first, "NOPE", "xlsx", tmp_path / "nope.xlsx")
    assert list(tmp_path.glob("nope*")) == [] and not list(tmp_path.glob(".nope*"))


def test_exporting_over_an_existing_folder_replaces_it_whole(first: Store, tmp_path: Path) -> None:
    folder = tmp_path / "csv"
    folder.mkdir()
    (folder / "旧文件.csv").write_text("old", encoding="utf-8")
    export_plan(first, "JC2025", "csv", folder)
    assert not (folder / "旧文件.csv").exists() and (folder / "计划.csv").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_planwatch_export_writes_the_format_asked_for(first: Store, tmp_path: Path) -> None:
    db = str(first.engine.url)
    out = tmp_path / "JC2025.xlsx"
    result = CliRunner().invoke(cli, ["export", "--plan", "JC2025", "-o", str(out), "--db", db])
    assert result.exit_code == 0, result.output
    assert "已导出计划 JC2025" in result.output and "重大项目 2行" in result.output
    assert load_workbook(out).sheetnames[:2] == ["填表说明", "计划"]
    missing = CliRunner().invoke(cli, ["export", "--plan", "NOPE", "-o", str(tmp_path / "x.xlsx"), "--db", db])
    assert missing.exit_code == 1 and "NOPE" in missing.output
