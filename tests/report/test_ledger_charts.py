"""The 监测台账 gains the leader's charts: native Excel bar charts over a 图表 sheet's own tables."""

from __future__ import annotations

from openpyxl import load_workbook

from planwatch.exports.status_workbook import write_status_workbook
from planwatch.monitor.overview import planned_investment


def test_the_ledger_has_a_chart_sheet_with_native_bar_charts_over_its_tables(demo_inputs, tmp_path):
    path = tmp_path / "台账.xlsx"
    written = write_status_workbook(demo_inputs.board, path, planned_investment(demo_inputs.data))
    assert written["图表"] > 0
    book = load_workbook(path)
    sheet = book["图表"]
    titles = [row[0] for row in sheet.iter_rows(values_only=True) if row and isinstance(row[0], str) and "（" in row[0]]
    assert titles[:3] == [
        "主要指标实际值与年度目标（%）",
        "重大项目投资完成率（按工作领域，%）",
        "重大项目投资完成率（按区县，%）",
    ]
    assert len(sheet._charts) == 3
    values = {row[0]: row[1:3] for row in sheet.iter_rows(values_only=True) if row and row[0]}
    assert values["地区生产总值增速"] == (6.1, 6.0)
    assert values["宁水县"][1] == 50.0


def test_a_ledger_without_the_plan_charts_each_areas_plain_average(demo_inputs, tmp_path):
    path = tmp_path / "台账.xlsx"
    write_status_workbook(demo_inputs.board, path)
    sheet = load_workbook(path)["图表"]
    firsts = [row[0] for row in sheet.iter_rows(values_only=True) if row]
    assert "各工作领域平均完成率（各事项简单平均，%）" in firsts
    assert len(sheet._charts) == 2


def test_a_name_that_looks_like_a_formula_stays_text_in_the_chart_tables(demo_inputs, tmp_path):
    from dataclasses import replace

    board = demo_inputs.board
    items = [replace(i, name='=HYPERLINK("http://x","点我")') if i.code == "T01" else i for i in board.items]
    path = tmp_path / "台账.xlsx"
    write_status_workbook(replace(board, items=items), path, planned_investment(demo_inputs.data))
    sheet = load_workbook(path)["图表"]
    cell = next(c for row in sheet.iter_rows() for c in row if isinstance(c.value, str) and "HYPERLINK" in c.value)
    assert cell.data_type == "s"
