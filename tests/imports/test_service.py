"""Importing into a real SQLite store: all or nothing, and the same file twice changes nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from planwatch.cli.main import cli
from planwatch.imports.issues import ImportFailed
from planwatch.imports.service import import_file
from planwatch.plan.model import Plan, PlanData
from planwatch.store import Store

from .conftest import row_counts
from .workbooks import plan_rows, progress_rows, write_csv, write_xlsx


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    return write_xlsx(tmp_path / "plan.xlsx", plan_rows())


@pytest.fixture
def loaded(store: Store, plan_file: Path) -> Store:
    import_file(store, plan_file, user="规划处")
    return store


def failing_import(store: Store, path: Path, **options: object) -> list[str]:
    """Import ``path`` expecting failure; check nothing was written and return the messages."""
    before = row_counts(store)
    with pytest.raises(ImportFailed) as failure:
        import_file(store, path, user="测试", **options)
    assert row_counts(store) == before
    return [str(issue) for issue in failure.value.issues]


def test_a_valid_plan_and_progress_import_into_the_store(loaded: Store, tmp_path: Path) -> None:
    result = import_file(loaded, write_xlsx(tmp_path / "progress.xlsx", progress_rows()), user="统计局")
    assert (result.kind, result.plan_code, result.summary["progress"].inserted) == ("progress", "JC2025", 7)
    data = loaded.load_plan_data("JC2025")
    assert [p.code for p in data.projects] == ["P001", "P002"]
    assert [m.key for m in data.tasks[0].milestones] == ["1", "2"]
    assert {r.item_code for r in data.progress} == {"T01", "T02", "K01", "K02", "P001", "P002", "M01"}
    counts = row_counts(loaded)
    assert (counts["plans"], counts["projects"], counts["progress_records"]) == (1, 2, 7)


def test_importing_the_same_files_again_changes_nothing(loaded: Store, plan_file: Path, tmp_path: Path) -> None:
    progress = write_xlsx(tmp_path / "progress.xlsx", progress_rows())
    import_file(loaded, progress, user="统计局")
    audit = len(loaded.audit_log(limit=10_000))
    again_plan = import_file(loaded, plan_file, user="规划处")
    again_progress = import_file(loaded, progress, user="统计局")
    assert not again_plan.summary.changed and not again_progress.summary.changed
    assert again_plan.summary["project"].unchanged == 2
    assert len(loaded.audit_log(limit=10_000)) == audit


def test_a_changed_cell_updates_only_that_item(loaded: Store, tmp_path: Path) -> None:
    rows = plan_rows()
    rows["重大项目"][1]["年度计划投资（万元）"] = 25000
    result = import_file(loaded, write_xlsx(tmp_path / "plan-v2.xlsx", rows), user="规划处")
    assert (result.summary["project"].updated, result.summary["project"].unchanged) == (1, 1)
    assert loaded.load_plan_data("JC2025").projects[1].annual_planned_investment == 25000.0


# bad input → the sheet/row/column message; in every case the store is left as it was
BAD_PLAN_FILES = [
    (
        "重大项目",
        0,
        "总投资（万元）",
        "一百亿",
        "plan.xlsx 工作表“重大项目”第2行“总投资（万元）”：应为数字，不是“一百亿”",
    ),
    ("民生实事", 0, "单位", "坨", "plan.xlsx 工作表“民生实事”第2行“单位”：无法识别的单位“坨”"),
    (
        "重大项目",
        1,
        "年度计划投资（万元）",
        -300,
        "plan.xlsx 工作表“重大项目”第3行“年度计划投资（万元）”：不能为负数（-300）",
    ),
    (
        "民生实事",
        0,
        "实事编码",
        "P001",
        "plan.xlsx 工作表“民生实事”第2行“实事编码”：编码“P001”重复，已在工作表“重大项目”第2行使用",
    ),
    (
        "任务节点",
        0,
        "完成时限",
        "2026年1月5日",
        "plan.xlsx 工作表“任务节点”第2行“完成时限”：日期2026-01-05不在计划年度2025年内",
    ),
]


@pytest.mark.parametrize(("sheet", "index", "header", "value", "expected"), BAD_PLAN_FILES)
def test_a_broken_plan_file_writes_nothing_and_says_where(
    store: Store, tmp_path: Path, sheet: str, index: int, header: str, value: object, expected: str
) -> None:
    rows = plan_rows()
    rows[sheet][index][header] = value
    assert failing_import(store, write_xlsx(tmp_path / "plan.xlsx", rows)) == [expected]
    assert row_counts(store)["plans"] == 0


def test_a_broken_plan_update_leaves_the_stored_plan_as_it_was(loaded: Store, tmp_path: Path) -> None:
    rows = plan_rows()
    rows["重大项目"][0]["项目名称"] = "改名的码头"  # a good change …
    rows["重大项目"][1]["总投资（万元）"] = -1  # … and a bad one in the same file
    failing_import(loaded, write_xlsx(tmp_path / "plan.xlsx", rows))
    assert loaded.load_plan_data("JC2025").projects[0].name == "江川港区三期码头"


BAD_PROGRESS_FILES = [
    (
        "项目进展",
        0,
        "项目编码",
        "P999",
        "progress.xlsx 工作表“项目进展”第2行“项目编码”：计划“JC2025”中没有编码为“P999”的重大项目",
    ),
    (
        "指标进展",
        0,
        "截至日期",
        "2026/3/31",
        "progress.xlsx 工作表“指标进展”第2行“截至日期”：日期2026-03-31不在计划年度2025年内",
    ),
    ("民生实事进展", 0, "完成量", "二十八", "progress.xlsx 工作表“民生实事进展”第2行“完成量”：应为数字，不是“二十八”"),
]


@pytest.mark.parametrize(("sheet", "index", "header", "value", "expected"), BAD_PROGRESS_FILES)
def test_a_broken_progress_file_writes_nothing_and_says_where(
    loaded: Store, tmp_path: Path, sheet: str, index: int, header: str, value: object, expected: str
) -> None:
    rows = progress_rows()
    rows[sheet][index][header] = value
    assert failing_import(loaded, write_xlsx(tmp_path / "progress.xlsx", rows)) == [expected]
    assert row_counts(loaded)["progress_records"] == 0


def test_a_file_missing_a_required_column_writes_nothing(store: Store, tmp_path: Path) -> None:
    rows = plan_rows()
    headers = {"民生实事": ["实事编码", "实事名称", "牵头单位", "单位"]}
    issues = failing_import(store, write_xlsx(tmp_path / "plan.xlsx", rows, headers=headers))
    assert issues == ["plan.xlsx 工作表“民生实事”：缺少必填列“年度目标量”"]


def test_a_corrupt_xlsx_is_one_clear_error_naming_the_file(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "二季度进展.xlsx"
    path.write_bytes(b"PK\x03\x04 this is not really a workbook")
    issues = failing_import(store, path)
    assert len(issues) == 1 and issues[0].startswith("二季度进展.xlsx：不是有效的Excel文件")


def test_a_gbk_csv_of_progress_imports_and_its_errors_read_in_chinese(loaded: Store, tmp_path: Path) -> None:
    rows = progress_rows()["项目进展"]
    good = write_csv(tmp_path / "项目进展.csv", "项目进展", rows, encoding="gbk")
    assert import_file(loaded, good, user="港务集团").summary["progress"].inserted == 2
    rows[1]["项目阶段"] = "已开工了"
    bad = write_csv(tmp_path / "六月项目进展.csv", "项目进展", rows, encoding="gbk")
    assert failing_import(loaded, bad) == [
        "六月项目进展.csv 工作表“项目进展”第3行“项目阶段”：“已开工了”不是可选值，应为储备、新开工、在建、竣工之一"
    ]


def test_as_of_fills_blank_progress_dates(loaded: Store, tmp_path: Path) -> None:
    rows = progress_rows()
    for sheet_rows in rows.values():
        for row in sheet_rows:
            row["截至日期"] = None
    path = write_xlsx(tmp_path / "progress.xlsx", rows)
    assert failing_import(loaded, path)[0].endswith("必填，不能为空（或导入时用 --as-of 指定）")
    import_file(loaded, path, user="统计局", as_of=date(2025, 5, 31))
    assert {r.as_of for r in loaded.load_plan_data("JC2025").progress} == {date(2025, 5, 31)}


def test_progress_needs_a_plan_and_says_which_when_there_are_several(store: Store, tmp_path: Path) -> None:
    progress = write_xlsx(tmp_path / "progress.xlsx", progress_rows())
    no_plan = "progress.xlsx：数据库中还没有计划：请先导入计划（planwatch import 计划.xlsx）或运行 planwatch demo"
    assert failing_import(store, progress) == [no_plan]
    import_file(store, write_xlsx(tmp_path / "plan.xlsx", plan_rows()), user="规划处")
    store.save_plan_data(PlanData(Plan("JC2026", "JC", 2026, "江川市2026年计划")), user="规划处")
    issues = failing_import(store, progress)
    assert issues == ["progress.xlsx：数据库中有多个计划（JC2026、JC2025），请用 --plan 指定"]
    assert import_file(store, progress, user="统计局", plan_code="JC2025").summary["progress"].inserted == 7


def test_planwatch_import_prints_counts_per_sheet(tmp_path: Path, plan_file: Path) -> None:
    db = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    result = CliRunner().invoke(cli, ["import", str(plan_file), "--db", db, "--user", "规划处"])
    assert result.exit_code == 0, result.output
    assert "重大项目：新增 2，更新 0，未变 0" in result.output
    again = CliRunner().invoke(cli, ["import", str(plan_file), "--db", db])
    assert "重大项目：新增 0，更新 0，未变 2" in again.output


def test_planwatch_import_lists_issues_up_to_a_limit_and_exits_2(tmp_path: Path) -> None:
    rows = plan_rows()
    base = rows["重大项目"][0]
    rows["重大项目"] = [base | {"项目编码": f"X{i:03}", "总投资（万元）": -i - 1} for i in range(60)]
    path = write_xlsx(tmp_path / "plan.xlsx", rows)
    db = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    result = CliRunner().invoke(cli, ["import", str(path), "--db", db])
    assert result.exit_code == 2
    assert "导入失败：发现60处错误，未导入任何数据。" in result.output
    assert "plan.xlsx 工作表“重大项目”第2行“总投资（万元）”：不能为负数（-1）" in result.output
    assert result.output.rstrip().endswith("… 另有10处")
    with Store.open(db) as store:
        assert store.list_plans() == []


def test_a_unit_fills_its_prefilled_progress_template_and_unreported_rows_are_skipped(
    tmp_path: Path, plan_file: Path
) -> None:
    from openpyxl import load_workbook

    db = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    runner = CliRunner()
    assert runner.invoke(cli, ["import", str(plan_file), "--db", db]).exit_code == 0
    template = tmp_path / "住建局进展.xlsx"
    args = ["template", str(template), "--kind", "progress", "--plan", "JC2025", "--db", db]
    everyone = runner.invoke(cli, [*args])
    assert "已列出8个事项" in everyone.output, everyone.output
    result = runner.invoke(cli, [*args, "--unit", "市住建局"])
    assert result.exit_code == 0 and "已列出1个事项" in result.output, result.output
    workbook = load_workbook(template)
    ws = workbook["任务进展"]
    assert [c.value for c in ws[2]][:2] == ["K02", "改造老旧小区"]
    assert workbook["项目进展"].max_row == 1  # the unit leads no project
    ws["C2"], ws["D2"] = date(2025, 6, 30), 64
    workbook.save(template)
    imported = runner.invoke(cli, ["import", str(template), "--db", db])
    assert "进度记录：新增 1" in imported.output, imported.output
    # the whole-plan template, returned untouched, reports nothing and writes nothing
    runner.invoke(cli, [*args])
    untouched = runner.invoke(cli, ["import", str(template), "--db", db])
    assert untouched.exit_code == 0 and "进度记录" not in untouched.output


def test_a_file_of_one_sheet_updates_the_stored_plan_without_the_other_sheets(loaded: Store, tmp_path: Path) -> None:
    rows = plan_rows()["重大项目"]
    rows[0]["项目阶段"] = "竣工"
    rows.append(rows[1] | {"项目编码": "P003", "项目名称": "东湖污水处理厂扩建", "所在区县编码": "JC-01"})
    result = import_file(loaded, write_csv(tmp_path / "重大项目.csv", "重大项目", rows, encoding="gbk"), user="规划处")
    project = result.summary["project"]
    assert (project.inserted, project.updated, project.unchanged) == (1, 1, 1)
    data = loaded.load_plan_data("JC2025")
    assert [p.code for p in data.projects] == ["P001", "P002", "P003"]
    assert len(data.targets) == 3 and len(data.tasks) == 2  # the rest of the plan is untouched


def test_a_one_sheet_file_may_not_reuse_a_stored_code_for_another_kind(loaded: Store, tmp_path: Path) -> None:
    rows = plan_rows()["民生实事"]
    rows[0]["实事编码"] = "P001"
    issues = failing_import(loaded, write_csv(tmp_path / "民生实事.csv", "民生实事", rows))
    assert issues == ["民生实事.csv 工作表“民生实事”第2行“实事编码”：编码“P001”在计划中已用于重大项目"]


def test_a_milestone_sheet_alone_replaces_the_milestones_of_a_stored_task(loaded: Store, tmp_path: Path) -> None:
    rows = [{"任务编码": "K01", "节点序号": "1", "节点内容": "确定中心选址", "完成时限": date(2025, 4, 30)}]
    import_file(loaded, write_csv(tmp_path / "任务节点.csv", "任务节点", rows), user="科技局")
    (task,) = [t for t in loaded.load_plan_data("JC2025").tasks if t.code == "K01"]
    assert [(m.key, m.due) for m in task.milestones] == [("1", date(2025, 4, 30))]
