"""Blank templates: instructions first, Chinese headers, validation lists a clerk can pick from."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from planwatch.cli.main import cli
from planwatch.exchange.columns import INSTRUCTIONS_SHEET, PLAN_SHEETS, PROGRESS_SHEETS
from planwatch.exchange.templates import write_template
from planwatch.imports.reader import read_tables


def validations(ws) -> dict[str, tuple[str, str | None]]:
    """Return column letter → (validation type, formula1) of a sheet."""
    found = {}
    for dv in ws.data_validations.dataValidation:
        for cell_range in dv.sqref.ranges:
            found[cell_range.coord.split(":")[0].rstrip("0123456789")] = (dv.type, dv.formula1)
    return found


def test_the_plan_template_has_instructions_then_one_sheet_per_item_kind(tmp_path: Path) -> None:
    write_template("plan", tmp_path / "plan.xlsx")
    workbook = load_workbook(tmp_path / "plan.xlsx")
    assert workbook.sheetnames == [INSTRUCTIONS_SHEET, *(s.name for s in PLAN_SHEETS)]
    instructions = "\n".join(str(c.value) for row in workbook[INSTRUCTIONS_SHEET].iter_rows() for c in row if c.value)
    assert "工作表“重大项目”" in instructions and "年度计划投资（万元）" in instructions and "必填" in instructions


def test_template_headers_are_bold_frozen_and_required_ones_red(tmp_path: Path) -> None:
    write_template("plan", tmp_path / "plan.xlsx")
    ws = load_workbook(tmp_path / "plan.xlsx")["重大项目"]
    assert [c.value for c in ws[1]][:3] == ["项目编码", "项目名称", "业主单位"]
    assert ws.freeze_panes == "A2"
    code, start = ws["A1"], ws["I1"]
    assert code.font.b and code.font.color.rgb.endswith("C00000")
    assert start.value == "计划开工时间" and start.font.color is None


def test_the_plan_template_has_drop_down_lists_and_number_and_date_checks(tmp_path: Path) -> None:
    write_template("plan", tmp_path / "plan.xlsx")
    ws = load_workbook(tmp_path / "plan.xlsx")["重大项目"]
    checks = validations(ws)
    assert checks["F"] == ("list", '"储备,新开工,在建,竣工"')  # 项目阶段
    assert checks["G"] == ("decimal", "0")  # 总投资 ≥ 0
    assert checks["I"][0] == "date"  # 计划开工时间
    assert checks["L"] == ("list", '"半月报,月报,季报,半年报,年报"')


def test_the_progress_template_offers_yes_no_for_cumulative(tmp_path: Path) -> None:
    write_template("progress", tmp_path / "progress.xlsx")
    workbook = load_workbook(tmp_path / "progress.xlsx")
    assert workbook.sheetnames == [INSTRUCTIONS_SHEET, *(s.name for s in PROGRESS_SHEETS)]
    assert validations(workbook["指标进展"])["E"] == ("list", '"是,否"')


def test_a_blank_template_reads_back_as_empty_sheets(tmp_path: Path) -> None:
    write_template("plan", tmp_path / "plan.xlsx")
    tables = read_tables(tmp_path / "plan.xlsx")
    assert tables["重大项目"] == [] and tables["重大项目"].headers[0] == "项目编码"


@pytest.mark.parametrize(
    ("name", "args", "sheet"),
    [
        ("plan.xlsx", [], "重大项目"),
        ("progress.xlsx", [], "项目进展"),
        ("2025年.xlsx", ["--kind", "progress"], "项目进展"),
    ],
)
def test_planwatch_template_writes_the_kind_its_file_name_says(
    tmp_path: Path, name: str, args: list[str], sheet: str
) -> None:
    result = CliRunner().invoke(cli, ["template", str(tmp_path / name), *args])
    assert result.exit_code == 0, result.output
    assert sheet in load_workbook(tmp_path / name).sheetnames
    assert name in result.output


def test_planwatch_template_asks_for_the_kind_when_the_name_does_not_say(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["template", str(tmp_path / "2025年.xlsx")])
    assert result.exit_code == 2
    assert "--kind" in result.output
    assert not (tmp_path / "2025年.xlsx").exists()
