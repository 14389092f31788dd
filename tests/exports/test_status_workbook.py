"""The 监测台账 workbook: the status board as an office files and prints it (planwatch status --format xlsx)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from planwatch.cli.main import cli
from planwatch.demo import DEMO_AS_OF, build_demo
from planwatch.exports.status_workbook import LIGHT_COLOURS, write_status_workbook
from planwatch.monitor import evaluate
from planwatch.monitor.wording import KIND_TITLES, LIGHT_SHORT
from planwatch.store import Store


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ledger") / "demo.sqlite"
    build_demo(path)
    return path


@pytest.fixture(scope="module")
def board(demo_db: Path):  # type: ignore[no-untyped-def]
    with Store.open(f"sqlite:///{demo_db}") as store:
        data = store.load_plan_data("JC2025", as_of=DEMO_AS_OF, latest_only=True)
    return evaluate(data, DEMO_AS_OF)


@pytest.fixture(scope="module")
def ledger(board, tmp_path_factory: pytest.TempPathFactory) -> openpyxl.Workbook:  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("ledger") / "台账.xlsx"
    write_status_workbook(board, path)
    return openpyxl.load_workbook(path)


def data_rows(sheet) -> list[tuple]:  # type: ignore[no-untyped-def]
    """The item rows below the title, subtitle and header rows."""
    return list(sheet.iter_rows(min_row=4, values_only=True))


def test_the_ledger_has_a_summary_an_alert_sheet_and_one_sheet_per_kind_of_item(ledger, board) -> None:
    assert ledger.sheetnames == ["汇总", "预警事项", "催报清单", *KIND_TITLES.values(), "图表"]
    for kind, title in KIND_TITLES.items():
        codes = [row[1] for row in data_rows(ledger[title])]
        assert codes == [item.code for item in board.items if item.kind is kind]
    assert [row[1] for row in data_rows(ledger["预警事项"])] == [item.code for item in board.alerts()]


def test_the_chase_sheet_lists_each_unit_owing_reports_with_its_items_one_per_line(ledger, board) -> None:
    from planwatch.monitor.chase import reporting_duties

    duties = reporting_duties(board)
    rows = data_rows(ledger["催报清单"])
    assert [row[0] for row in rows] == [d.unit for d in duties]
    first = rows[0]
    assert first[5].count("\n") == len(duties[0].owing) - 1
    assert duties[0].owing[0].code in first[5]


def test_the_summary_counts_the_lights_as_the_board_does(ledger, board) -> None:
    rows = list(ledger["汇总"].iter_rows(values_only=True))
    total = next(row for row in rows if row[0] == "合计")
    counts = board.counts()
    assert total[1:6] == (len(board.items), *(counts[light] for light in LIGHT_SHORT))
    assert "时序进度50.0%" in rows[1][0]
    areas = [row[0] for row in rows if row[0] in board.work_area_titles.values()]
    assert areas == list(board.work_area_titles.values())


def test_each_light_cell_is_filled_with_its_colour(ledger) -> None:
    sheet = ledger["重大项目"]
    seen = set()
    for row in sheet.iter_rows(min_row=4, max_col=1):
        cell = row[0]
        fill, _font = LIGHT_COLOURS[cell.value]
        assert cell.fill.fgColor.rgb.endswith(fill), (cell.coordinate, cell.value)
        seen.add(cell.value)
    assert {"红", "黄", "绿"} <= seen


def test_item_sheets_keep_the_header_in_view_filter_and_print_a4_landscape_one_page_wide(ledger) -> None:
    sheet = ledger["重点任务"]
    assert sheet.freeze_panes == "C4"
    assert sheet.auto_filter.ref.startswith("A3:")
    assert sheet.print_title_rows == "$3:$3"
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.paperSize == 9
    assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage
    explanation = next(c for c in sheet[3] if c.value == "说明").column_letter
    assert sheet[f"{explanation}4"].alignment.wrap_text
    assert "来源" in "".join(str(row[-1]) for row in data_rows(sheet))  # every status says where it came from


def test_a_name_that_looks_like_a_formula_is_written_as_text(board, tmp_path: Path) -> None:
    items = [replace(board.items[0], name='=HYPERLINK("http://example.invalid","详情")'), *board.items[1:]]
    path = tmp_path / "hostile.xlsx"
    write_status_workbook(replace(board, items=items), path)
    cell = openpyxl.load_workbook(path)["主要指标"]["D4"]
    assert cell.value == '=HYPERLINK("http://example.invalid","详情")'
    assert cell.data_type == "s"


def test_planwatch_status_writes_the_ledger_and_says_what_it_wrote(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "6月台账.xlsx"
    result = CliRunner().invoke(
        cli, ["status", "--db", str(demo_db), "--as-of", "2025-06-30", "--format", "xlsx", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "已写入监测台账" in result.output and "重大项目 216 行" in result.output
    assert openpyxl.load_workbook(out).sheetnames[0] == "汇总"


def test_an_excel_ledger_without_a_file_name_is_refused_before_anything_is_read(demo_db: Path) -> None:
    result = CliRunner().invoke(cli, ["status", "--db", str(demo_db), "--format", "xlsx"])
    assert result.exit_code == 2
    assert "-o" in result.output


def test_a_csv_written_with_o_opens_in_excel_with_its_chinese_headers(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "状态.csv"
    result = CliRunner().invoke(
        cli, ["alerts", "--db", str(demo_db), "--as-of", "2025-06-30", "--format", "csv", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    assert raw.decode("utf-8-sig").splitlines()[0].startswith("灯号,编码")


def test_the_cli_ledger_weights_work_areas_by_investment_as_the_leaders_view_does(
    demo_db: Path, tmp_path: Path
) -> None:
    from planwatch.exports.status_charts import chart_tables
    from planwatch.monitor.overview import planned_investment

    out = tmp_path / "台账.xlsx"
    result = CliRunner().invoke(
        cli, ["status", "--db", str(demo_db), "--as-of", "2025-06-30", "--format", "xlsx", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    rows = [r for r in openpyxl.load_workbook(out)["图表"].iter_rows(values_only=True) if r and r[0]]
    titles = [r[0] for r in rows]
    assert "重大项目投资完成率（按工作领域，%）" in titles and "各工作领域平均完成率（各事项简单平均，%）" not in titles
    with Store.open(f"sqlite:///{demo_db}") as store:
        data = store.load_plan_data("JC2025", as_of=DEMO_AS_OF, latest_only=True)
    tables = {title: table for title, _, table in chart_tables(evaluate(data, DEMO_AS_OF), planned_investment(data))}
    weighted = tables["重大项目投资完成率（按工作领域，%）"]
    assert [tuple(r[:3]) for r in rows if r[0] in {w[0] for w in weighted}] == [tuple(w) for w in weighted]
