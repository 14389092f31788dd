"""``planwatch library …`` and ``planwatch panel`` as a person types them, against a real SQLite file."""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from planwatch.cli.main import cli


@pytest.fixture
def db(tmp_path: Path, reports: Path) -> str:
    path = tmp_path / "library.sqlite"
    result = CliRunner().invoke(cli, ["library", "add", str(reports), "--db", str(path), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert "新增 6" in result.output
    return str(path)


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_adding_again_says_nothing_changed(db: str, reports: Path) -> None:
    assert "新增 0，已在库中未改变 6" in run("library", "add", str(reports), "--db", db)


def test_list_show_and_search_find_the_documents_and_facts(db: str) -> None:
    listed = run("library", "list", "--db", db, "--region", "苏州市", "--genre", "统计公报")
    assert "苏州市2025年国民经济和社会发展统计公报" in listed and "共 1 份" in listed
    doc_id = listed.split()[0]
    shown = run("library", "show", doc_id, "--db", db)
    assert "苏州市（320500，city）" in shown and "统计公报" in shown and "地区生产总值" in shown
    found = run("library", "search", "--db", db, "--indicator", "GDP", "--region", "苏州市", "--year", "2026")
    assert "共 3 条" in found


def test_set_corrects_the_region_and_year_and_an_unknown_region_is_refused(db: str) -> None:
    assert "大庆市" in run("library", "set", "jiangsu-gwr-2024.txt", "--db", db, "--region", "大庆市", "--year", "2016")
    result = CliRunner().invoke(cli, ["library", "set", "jiangsu-gwr-2025.txt", "--db", db, "--region", "火星市"])
    assert result.exit_code == 1 and "不认识地区“火星市”" in result.output


def test_the_panel_prints_a_table_and_writes_csv_xlsx_and_parquet(db: str, tmp_path: Path) -> None:
    table = run("panel", "--db", db, "--indicator", "地区生产总值", "--region", "江苏省", "--years", "2024-2025")
    assert "江苏省" in table and "5.8" in table and "共 4 行" in table
    out = tmp_path / "panel.csv"
    run("panel", "--db", db, "--format", "csv", "-o", str(out))
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == 21
    workbook = tmp_path / "panel.xlsx"
    run("panel", "--db", db, "--format", "xlsx", "-o", str(workbook))
    assert load_workbook(workbook)["对比面板"].max_row == 22
    parquet = tmp_path / "panel.parquet"
    run("panel", "--db", db, "--format", "parquet", "-o", str(parquet))
    import pyarrow.parquet as pq

    table = pq.read_table(parquet)
    assert table.num_rows == 21 and table.schema.field("gap").type == "double"


def test_the_csv_file_is_written_as_the_rows_stream_and_equals_the_csv_printed(db: str, tmp_path: Path) -> None:
    from planwatch.library import panel
    from planwatch.library.export import to_csv

    out = tmp_path / "对比面板.csv"
    result = CliRunner().invoke(cli, ["panel", "--db", db, "--format", "csv", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "（21 行）" in result.output
    assert out.read_bytes() == to_csv(panel(db)).encode("utf-8-sig")
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_parquet_without_pyarrow_names_the_extra_to_install(db: str, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # what an installation without pyarrow gives
    result = CliRunner().invoke(cli, ["panel", "--db", db, "--format", "parquet", "-o", str(tmp_path / "p.parquet")])
    assert result.exit_code == 1 and "pip install 'planwatch[parquet]'" in result.output
    assert not (tmp_path / "p.parquet").exists()


BAD = [
    (["panel", "--years", "2026-2020"], "前大后小"),
    (["panel", "--indicator", "幸福指数"], "指标库中没有指标“幸福指数”"),
    (["panel", "--format", "xlsx"], "须用 -o"),
    (["library", "list", "--year", "去年"], "年份“去年”无法识别"),
]


@pytest.mark.parametrize(("args", "message"), BAD)
def test_a_value_that_does_not_resolve_is_refused_in_chinese(db: str, args: list[str], message: str) -> None:
    result = CliRunner().invoke(cli, [*args, "--db", db])
    assert result.exit_code != 0 and message in result.output
