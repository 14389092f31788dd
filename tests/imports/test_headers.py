"""Column headers a clerk mistyped: a near miss stops the import and names the column it probably is;
a header that is nothing like a known one is left out and the summary says so.

The tables below are the rules (one row per header as written); the tests after them import
real workbooks and CSV files written with openpyxl and csv, as a clerk's would be.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from planwatch.cli.main import cli
from planwatch.exchange.columns import ALL_SHEETS
from planwatch.exchange.headers import canonical_header, check_headers, check_sheet_names, near_miss
from planwatch.imports.issues import ImportFailed
from planwatch.imports.service import import_file
from planwatch.store import Store

from .conftest import row_counts
from .workbooks import Rows, plan_rows, progress_rows, write_csv, write_xlsx

# header as written → the exchange header it is read as (same column, another spelling)
SAME_COLUMN = [
    ("总投资(万元)", "总投资（万元）"),
    ("总投资 （万元）", "总投资（万元）"),
    (" 情况 说明 ", "情况说明"),
    ("*项目编码", "项目编码"),
    ("截止日期", "截至日期"),
    ("本年完成投资（万元）", "本年完成投资（万元）"),
]

# (sheet, header as written, the column it is probably a typo of — None: not close to any)
NEAR_MISSES = [
    ("任务进展", "情况说名", "情况说明"),
    ("任务进展", "情况说明书", "情况说明"),
    ("重大项目", "总投资", "总投资（万元）"),
    ("重大项目", "总投资（元）", "总投资（万元）"),
    ("重大项目", "计划竣工时问", "计划竣工时间"),
    ("项目进展", "本年完成投资", "本年完成投资（万元）"),
    ("民生实事", "年度目标数", "年度目标量"),
    ("指标目标", "责任单立", "责任单位"),
    ("重点任务", "单价", None),  # two characters: one wrong is another word, not a typo
    ("重点任务", "联系人", None),
    ("重大项目", "备注", None),
    ("任务进展", "领域编码", None),  # a column of another sheet
]

# (sheet name as written, the sheet it is probably a typo of — None: ignored)
SHEET_NAMES = [
    ("重大项木", "重大项目"),
    ("重大项目表", "重大项目"),
    ("民生实事进度", "民生实事进展"),
    ("汇总", None),
    ("Sheet1", None),
]


@pytest.mark.parametrize(("written", "header"), SAME_COLUMN)
def test_a_header_in_another_bracket_width_or_with_blanks_is_the_same_column(written: str, header: str) -> None:
    assert canonical_header(written) == header


@pytest.mark.parametrize(("sheet", "written", "guess"), NEAR_MISSES)
def test_a_header_close_to_a_column_the_sheet_lacks_is_taken_for_a_typo_of_it(
    sheet: str, written: str, guess: str | None
) -> None:
    assert near_miss(written, ALL_SHEETS[sheet].headers) == guess


@pytest.mark.parametrize(("written", "guess"), SHEET_NAMES)
def test_a_sheet_name_close_to_a_known_sheet_is_taken_for_a_typo_of_it(written: str, guess: str | None) -> None:
    (finding,) = check_sheet_names(["计划", written])
    assert (finding.error, finding.suggestion) == (guess is not None, guess)


def test_a_header_close_to_a_column_the_file_already_has_is_an_extra_column_not_a_typo() -> None:
    headers = [*ALL_SHEETS["任务进展"].headers, "情况说名"]
    (finding,) = check_headers(headers, ALL_SHEETS["任务进展"])
    assert not finding.error
    assert finding.message == f"已忽略未知列“情况说名”（第{len(headers)}列，未导入）"


def test_the_same_header_twice_is_an_error_naming_both_columns() -> None:
    (finding,) = check_headers(["项目编码", "项目名称", "项目 名称"], ALL_SHEETS["重大项目"])
    assert finding.error
    assert finding.message == "第3列表头“项目 名称”与第2列重复，无法确定读取哪一列"


def renamed(rows: Rows, old: str, new: str) -> tuple[list[str], Rows]:
    """Return a sheet's header row and rows with the header ``old`` written as ``new``."""
    headers = [new if h == old else h for h in sheet_headers(rows)]
    return headers, [{(new if k == old else k): v for k, v in row.items()} for row in rows]


def sheet_headers(rows: Rows) -> list[str]:
    """Return the header row of the sheet whose columns ``rows`` use."""
    for sheet in ALL_SHEETS.values():
        if set(rows[0]) <= set(sheet.headers):
            return sheet.headers
    raise AssertionError(rows[0])


@pytest.fixture
def loaded(store: Store, tmp_path: Path) -> Store:
    import_file(store, write_xlsx(tmp_path / "plan.xlsx", plan_rows()), user="规划处")
    return store


def failing_import(store: Store, path: Path) -> list[str]:
    before = row_counts(store)
    with pytest.raises(ImportFailed) as failure:
        import_file(store, path, user="测试")
    assert row_counts(store) == before, "nothing is written"
    return [str(issue) for issue in failure.value.issues]


def test_a_misspelt_optional_header_stops_the_import_and_names_sheet_column_and_the_likely_header(
    loaded: Store, tmp_path: Path
) -> None:
    sheets = progress_rows()
    headers, sheets["任务进展"] = renamed(sheets["任务进展"], "情况说明", "情况说名")
    path = write_xlsx(tmp_path / "progress.xlsx", sheets, headers={"任务进展": headers})
    position = headers.index("情况说名") + 1
    assert failing_import(loaded, path) == [
        f"progress.xlsx 工作表“任务进展”第1行：第{position}列表头“情况说名”无法识别，是否为“情况说明”？"
    ]


def test_a_misspelt_required_header_is_named_once_not_also_as_a_missing_column(store: Store, tmp_path: Path) -> None:
    sheets = plan_rows()
    headers, sheets["重大项目"] = renamed(sheets["重大项目"], "总投资（万元）", "总投资")
    messages = failing_import(store, write_xlsx(tmp_path / "plan.xlsx", sheets, headers={"重大项目": headers}))
    assert messages == ["plan.xlsx 工作表“重大项目”第1行：第7列表头“总投资”无法识别，是否为“总投资（万元）”？"]


def test_a_header_under_a_title_row_is_located_on_its_own_row(loaded: Store, tmp_path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    ws = workbook.active
    ws.title = "民生实事进展"
    ws.append(["江川市2025年民生实事进展表"])
    ws.append(["实事编码", "截至日期", "完成量", "情况况明"])
    ws.append(["M01", "2025-06-30", 30, "进度正常"])
    workbook.save(tmp_path / "progress.xlsx")
    assert failing_import(loaded, tmp_path / "progress.xlsx") == [
        "progress.xlsx 工作表“民生实事进展”第2行：第4列表头“情况况明”无法识别，是否为“情况说明”？"
    ]


def test_a_misspelt_header_in_a_gbk_csv_still_tells_the_sheet_and_is_named(loaded: Store, tmp_path: Path) -> None:
    path = tmp_path / "进展.csv"
    path.write_text("项目编码,截至日期,本年完成投资\nP001,2025/6/30,16500\n", encoding="gb18030")
    assert failing_import(loaded, path) == [
        "进展.csv 工作表“项目进展”第1行：第3列表头“本年完成投资”无法识别，是否为“本年完成投资（万元）”？"
    ]


def test_half_width_brackets_and_stray_blanks_in_headers_import_like_the_template(
    loaded: Store, tmp_path: Path
) -> None:
    sheets = progress_rows()
    headers, sheets["项目进展"] = renamed(sheets["项目进展"], "本年完成投资（万元）", " 本年完成投资(万元) ")
    path = write_xlsx(tmp_path / "progress.xlsx", {"项目进展": sheets["项目进展"]}, headers={"项目进展": headers})
    result = import_file(loaded, path, user="发改委")
    assert result.warnings == []
    values = {r.item_code: r.value for r in loaded.load_plan_data("JC2025").progress}
    assert values["P001"] == 16500


def test_an_unknown_column_is_left_out_and_the_cli_summary_warns_about_it(tmp_path: Path) -> None:
    sheets = plan_rows()
    headers = [*ALL_SHEETS["重大项目"].headers, "联系人"]
    sheets["重大项目"] = [row | {"联系人": "王工"} for row in sheets["重大项目"]]
    path = write_xlsx(tmp_path / "plan.xlsx", sheets, headers={"重大项目": headers})
    db = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    result = CliRunner().invoke(cli, ["import", str(path), "--db", db, "--user", "规划处"])
    assert result.exit_code == 0, result.output
    assert "重大项目：新增 2" in result.output
    assert f"警告：plan.xlsx 工作表“重大项目”第1行：已忽略未知列“联系人”（第{len(headers)}列，未导入）" in result.output


def test_an_unknown_sheet_is_left_out_with_a_warning_and_a_misspelt_one_stops_the_import(
    store: Store, tmp_path: Path
) -> None:
    sheets = plan_rows() | {"领导批示": [{"内容": "抓紧推进"}]}
    result = import_file(store, write_xlsx(tmp_path / "plan.xlsx", sheets), user="规划处")
    assert [str(w) for w in result.warnings] == ["plan.xlsx：已忽略未知工作表“领导批示”（未导入）"]

    sheets = plan_rows()
    sheets["重大项木"] = sheets.pop("重大项目")
    path = write_xlsx(tmp_path / "typo.xlsx", sheets, headers={"重大项木": ALL_SHEETS["重大项目"].headers})
    assert "typo.xlsx：工作表“重大项木”无法识别，是否为“重大项目”？" in failing_import(store, path)


def test_a_progress_file_whose_only_sheet_is_misspelt_says_which_sheet_it_meant(loaded: Store, tmp_path: Path) -> None:
    sheets = {"项目进度": progress_rows()["项目进展"]}
    path = write_xlsx(tmp_path / "progress.xlsx", sheets, headers={"项目进度": ALL_SHEETS["项目进展"].headers})
    assert failing_import(loaded, path) == ["progress.xlsx：工作表“项目进度”无法识别，是否为“项目进展”？"]


def test_an_exported_workbook_imports_without_warnings(loaded: Store, tmp_path: Path) -> None:
    from planwatch.exports import export_plan

    import_file(loaded, write_xlsx(tmp_path / "progress.xlsx", progress_rows()), user="统计局")
    export_plan(loaded, "JC2025", "xlsx", tmp_path / "out.xlsx")
    assert import_file(loaded, tmp_path / "out.xlsx", user="规划处").warnings == []


def test_a_csv_written_like_the_template_imports_without_warnings(loaded: Store, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "民生实事进展.csv", "民生实事进展", progress_rows()["民生实事进展"])
    assert import_file(loaded, path, user="民政局").warnings == []


def test_a_header_as_close_to_two_columns_names_both() -> None:
    written = [h for h in ALL_SHEETS["计划"].headers if "阈值" not in h] + ["黄灯阈值"]
    (finding,) = check_headers(written, ALL_SHEETS["计划"])
    assert finding.message == (
        f"第{len(written)}列表头“黄灯阈值”无法识别，是否为“黄灯阈值（落后时序百分点）”或“黄灯阈值（低于目标百分点）”？"
    )
