"""Plan and progress workbooks written with openpyxl, read and checked as an import would.

Broken files are the valid sample with one cell changed; each must give the Chinese
message that names the file, sheet, Excel row and column.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from planwatch.imports.issues import ImportFailed
from planwatch.imports.parse import parse_plan_tables, parse_progress_tables
from planwatch.imports.reader import read_tables
from planwatch.plan.model import PlanData, ProjectStage, Qualifier, TargetMeasure

from .workbooks import plan_rows, progress_rows, write_xlsx


def parse_plan_file(path: Path) -> PlanData:
    return parse_plan_tables(read_tables(path), source=path.name)


def plan_issues(tmp_path: Path, rows: dict) -> list[str]:
    path = write_xlsx(tmp_path / "plan.xlsx", rows)
    with pytest.raises(ImportFailed) as failure:
        parse_plan_file(path)
    return [str(issue) for issue in failure.value.issues]


@pytest.fixture
def plan(tmp_path: Path) -> PlanData:
    return parse_plan_file(write_xlsx(tmp_path / "valid-plan.xlsx", plan_rows()))


def test_a_valid_plan_workbook_gives_every_item_with_its_fields(plan: PlanData) -> None:
    assert plan.plan.code == "JC2025" and plan.plan.year == 2025
    assert [r.code for r in plan.regions] == ["JC", "JC-01", "JC-02"]
    assert [t.indicator_code for t in plan.targets] == ["gdp", "new_urban_jobs", "urban_unemployment_rate"]
    gdp, jobs, _ = plan.targets
    assert (gdp.measure, gdp.value, gdp.unit, gdp.qualifier) == (TargetMeasure.GROWTH, 6.0, "%", Qualifier.ABOUT)
    assert jobs.cumulative is True
    concept, housing = plan.tasks
    assert concept.co_units == ["市财政局", "市发展改革委"]
    assert [(m.key, m.due) for m in concept.milestones] == [("1", date(2025, 3, 31)), ("2", date(2025, 9, 30))]
    assert (housing.annual_quantity, housing.unit) == (120.0, "个")
    port = plan.projects[0]
    assert (port.stage, port.total_investment, port.planned_start) == (
        ProjectStage.UNDER_CONSTRUCTION,
        120000.0,
        date(2024, 5, 1),
    )
    assert plan.livelihood_items[0].goal_quantity == 50.0


def test_a_valid_progress_workbook_gives_one_record_per_row(tmp_path: Path, plan: PlanData) -> None:
    path = write_xlsx(tmp_path / "progress.xlsx", progress_rows())
    records = parse_progress_tables(read_tables(path), plan, source=path.name)
    assert [(r.item_code, r.value, r.milestone_key) for r in records] == [
        ("T01", 5.6, None),
        ("T02", 3.4, None),
        ("K01", None, "1"),
        ("K02", 55.0, None),
        ("P001", 16500.0, None),
        ("P002", None, None),
        ("M01", 28.0, None),
    ]
    assert records[5].stage is ProjectStage.NEW_START
    assert records[0].source.unit == "市统计局"


# sheet, data row index (0 = Excel row 2), header, bad value, expected issue
BAD_PLAN_CELLS = [
    ("重大项目", 0, "总投资（万元）", "十二亿", "工作表“重大项目”第2行“总投资（万元）”：应为数字，不是“十二亿”"),
    ("重大项目", 1, "年度计划投资（万元）", -300, "工作表“重大项目”第3行“年度计划投资（万元）”：不能为负数（-300）"),
    ("重大项目", 0, "年度计划投资（万元）", 130000, "年度计划投资（130000）不能大于总投资（120000）"),
    ("重大项目", 0, "项目阶段", "开建", "第2行“项目阶段”：“开建”不是可选值，应为储备、新开工、在建、竣工之一"),
    ("重大项目", 0, "计划开工时间", "明年三月", "第2行“计划开工时间”：应为日期（如2025-06-30），不是“明年三月”"),
    ("重大项目", 1, "所在区县编码", "JC-09", "第3行“所在区县编码”：区县编码“JC-09”不在“地区”表中"),
    ("重大项目", 1, "项目编码", "T02", "第3行“项目编码”：编码“T02”重复，已在工作表“指标目标”第3行使用"),
    ("重大项目", 0, "项目名称", None, "工作表“重大项目”第2行“项目名称”：必填，不能为空"),
    ("民生实事", 0, "单位", "坨", "工作表“民生实事”第2行“单位”：无法识别的单位“坨”"),
    ("指标目标", 0, "指标名称", "幸福指数", "第2行“指标名称”：指标库中没有“幸福指数”"),
    ("指标目标", 0, "单位", "亿元", "工作表“指标目标”第2行“单位”：增长目标的单位应为%，不是“亿元”"),
    ("指标目标", 1, "单位", "亿元", "第3行“单位”：单位“亿元”与指标“城镇新增就业”的单位“万人”不符"),
    ("指标目标", 0, "目标上限", 5, "第2行“目标上限”：目标上限（5）不能小于目标值（6）"),
    ("指标目标", 2, "领域编码", "A99", "工作表“指标目标”第4行“领域编码”：领域编码“A99”不在“工作领域”表中"),
    ("重点任务", 1, "单位", None, "工作表“重点任务”第3行“单位”：填写了年度目标量时必须填写单位"),
    (
        "任务节点",
        1,
        "完成时限",
        date(2026, 1, 15),
        "工作表“任务节点”第3行“完成时限”：日期2026-01-15不在计划年度2025年内",
    ),
    ("任务节点", 1, "任务编码", "K09", "第3行“任务编码”：任务编码“K09”不在“重点任务”表中"),
    ("任务节点", 1, "节点序号", "1", "第3行“节点序号”：任务“K01”的节点序号“1”重复，已在第2行使用"),
    ("计划", 0, "年度", "二〇二五", "工作表“计划”第2行“年度”：应为整数，不是“二〇二五”"),
    ("计划", 0, "地区编码", "XX", "工作表“计划”第2行“地区编码”：地区编码“XX”不在“地区”表中"),
    ("地区", 2, "上级地区编码", "NOPE", "工作表“地区”第4行“上级地区编码”：上级地区编码“NOPE”不在“地区”表中"),
    ("工作领域", 2, "领域编码", "A01", "工作表“工作领域”第4行“领域编码”：编码“A01”重复，已在工作表“工作领域”第2行使用"),
]


@pytest.mark.parametrize(("sheet", "index", "header", "value", "expected"), BAD_PLAN_CELLS)
def test_a_bad_plan_cell_is_reported_with_sheet_row_and_column(
    tmp_path: Path, sheet: str, index: int, header: str, value: object, expected: str
) -> None:
    rows = plan_rows()
    rows[sheet][index][header] = value
    issues = plan_issues(tmp_path, rows)
    assert any(expected in issue for issue in issues), issues
    assert all(issue.startswith("plan.xlsx ") for issue in issues)


def test_every_problem_of_a_file_is_reported_not_just_the_first(tmp_path: Path) -> None:
    rows = plan_rows()
    rows["重大项目"][0]["总投资（万元）"] = -1
    rows["民生实事"][0]["单位"] = "坨"
    rows["指标目标"][1]["目标值"] = "六万"
    issues = plan_issues(tmp_path, rows)
    assert len(issues) >= 3
    assert {i.split("”")[0] for i in issues} >= {
        "plan.xlsx 工作表“重大项目",
        "plan.xlsx 工作表“民生实事",
        "plan.xlsx 工作表“指标目标",
    }


def test_a_sheet_missing_a_required_column_is_named(tmp_path: Path) -> None:
    rows = plan_rows()
    headers = [h for h in ("项目名称", "业主单位", "所在区县编码") if h]
    path = write_xlsx(tmp_path / "plan.xlsx", rows, headers={"重大项目": headers})
    with pytest.raises(ImportFailed) as failure:
        parse_plan_file(path)
    messages = [str(i) for i in failure.value.issues]
    assert "plan.xlsx 工作表“重大项目”：缺少必填列“项目编码”" in messages


def test_a_plan_workbook_without_the_plan_sheet_says_so(tmp_path: Path) -> None:
    rows = plan_rows()
    del rows["计划"]
    assert any("缺少工作表“计划”" in i for i in plan_issues(tmp_path, rows))


def test_blank_rows_are_skipped_and_rows_keep_the_numbers_excel_shows(tmp_path: Path) -> None:
    rows = plan_rows()
    rows["重大项目"].insert(1, {})  # Excel row 3 left blank
    rows["重大项目"][2]["总投资（万元）"] = "很多"
    issues = plan_issues(tmp_path, rows)
    assert any("工作表“重大项目”第4行“总投资（万元）”" in i for i in issues), issues


def test_dates_and_numbers_are_read_as_clerks_type_them(tmp_path: Path) -> None:
    rows = plan_rows()
    rows["任务节点"][0]["完成时限"] = "2025年3月31日"
    rows["任务节点"][1]["完成时限"] = "2025/9/30"
    rows["重大项目"][0]["计划开工时间"] = "2024-05-01"
    rows["重大项目"][0]["总投资（万元）"] = "120,000"
    rows["重大项目"][0]["项目阶段"] = "续建"
    plan = parse_plan_file(write_xlsx(tmp_path / "plan.xlsx", rows))
    assert [m.due for m in plan.tasks[0].milestones] == [date(2025, 3, 31), date(2025, 9, 30)]
    assert plan.projects[0].planned_start == date(2024, 5, 1)
    assert plan.projects[0].total_investment == 120000.0
    assert plan.projects[0].stage is ProjectStage.UNDER_CONSTRUCTION


def test_a_percent_formatted_cell_is_read_as_the_percentage_shown(tmp_path: Path, plan: PlanData) -> None:
    from openpyxl import load_workbook

    path = write_xlsx(tmp_path / "progress.xlsx", progress_rows())
    workbook = load_workbook(path)
    cell = workbook["指标进展"]["C2"]
    cell.value, cell.number_format = 0.056, "0.0%"
    workbook.save(path)
    records = parse_progress_tables(read_tables(path), plan, source=path.name)
    assert records[0].value == pytest.approx(5.6)


def progress_issues(tmp_path: Path, plan: PlanData, rows: dict, as_of: date | None = None) -> list[str]:
    path = write_xlsx(tmp_path / "progress.xlsx", rows)
    with pytest.raises(ImportFailed) as failure:
        parse_progress_tables(read_tables(path), plan, source=path.name, as_of=as_of)
    return [str(issue) for issue in failure.value.issues]


BAD_PROGRESS_CELLS = [
    ("项目进展", 0, "项目编码", "P404", "工作表“项目进展”第2行“项目编码”：计划“JC2025”中没有编码为“P404”的重大项目"),
    ("项目进展", 0, "本年完成投资（万元）", -5, "工作表“项目进展”第2行“本年完成投资（万元）”：不能为负数（-5）"),
    ("项目进展", 0, "项目编码", "K02", "第2行“项目编码”：“K02”是重点任务的编码，其进展应填在“任务进展”表"),
    (
        "指标进展",
        1,
        "截至日期",
        date(2024, 12, 31),
        "工作表“指标进展”第3行“截至日期”：日期2024-12-31不在计划年度2025年内",
    ),
    ("指标进展", 1, "数值", "三点四", "工作表“指标进展”第3行“数值”：应为数字，不是“三点四”"),
    ("任务进展", 0, "完成节点序号", "7", "工作表“任务进展”第2行“完成节点序号”：任务“K01”没有序号为“7”的节点"),
    ("任务进展", 0, "完成量", 3, "第2行“完成量”：任务“K01”没有年度目标量，不能填写完成量"),
    ("任务进展", 1, "完成量", None, "工作表“任务进展”第3行：完成量、完成节点序号和情况说明至少填写一项"),
    ("民生实事进展", 0, "截至日期", None, "第2行“截至日期”：必填，不能为空（或导入时用 --as-of 指定）"),
    ("指标进展", 1, "目标编码", "T01", "工作表“指标进展”第3行“目标编码”：与工作表“指标进展”第2行重复"),
]


@pytest.mark.parametrize(("sheet", "index", "header", "value", "expected"), BAD_PROGRESS_CELLS)
def test_a_bad_progress_cell_is_reported_with_sheet_row_and_column(
    tmp_path: Path, plan: PlanData, sheet: str, index: int, header: str, value: object, expected: str
) -> None:
    rows = progress_rows()
    rows[sheet][index][header] = value
    issues = progress_issues(tmp_path, plan, rows)
    assert any(expected in issue for issue in issues), issues


def test_as_of_fills_blank_dates_of_progress_rows(tmp_path: Path, plan: PlanData) -> None:
    rows = progress_rows()
    for row in rows["民生实事进展"]:
        row["截至日期"] = None
    path = write_xlsx(tmp_path / "progress.xlsx", rows)
    records = parse_progress_tables(read_tables(path), plan, source=path.name, as_of=date(2025, 5, 31))
    assert [r.as_of for r in records if r.item_code == "M01"] == [date(2025, 5, 31)]


def test_a_workbook_without_progress_sheets_is_refused_as_progress(tmp_path: Path, plan: PlanData) -> None:
    issues = progress_issues(tmp_path, plan, {"备忘": [{"说明": "无"}]})
    assert issues == [
        "progress.xlsx：没有进展工作表（应有“指标进展”、“任务进展”、“项目进展”、“民生实事进展”中的至少一个）"
    ]


def test_a_plan_workbook_may_carry_its_progress(tmp_path: Path) -> None:
    rows = {**plan_rows(), **progress_rows()}
    plan = parse_plan_file(write_xlsx(tmp_path / "plan.xlsx", rows))
    assert len(plan.progress) == 7
