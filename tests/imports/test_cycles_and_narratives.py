"""Annual and half-yearly reporting cycles, the plan's 左右 tolerance, and narrative-only task reports.

Workbooks are written with openpyxl (and one as CSV) and read as an import would.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from planwatch.exchange.columns import ALL_SHEETS
from planwatch.imports.issues import ImportFailed
from planwatch.imports.parse import parse_plan_tables, parse_progress_tables
from planwatch.imports.reader import read_tables
from planwatch.plan.model import PlanData, ReportingCycle

from .workbooks import plan_rows, progress_rows, write_csv, write_xlsx


def parse_plan(path: Path) -> PlanData:
    return parse_plan_tables(read_tables(path), source=path.name)


@pytest.fixture
def plan(tmp_path: Path) -> PlanData:
    return parse_plan(write_xlsx(tmp_path / "plan.xlsx", plan_rows()))


# label typed in 报送周期 → the cycle read
CYCLE_CELLS = [
    ("年报", ReportingCycle.ANNUAL),
    ("年度", ReportingCycle.ANNUAL),
    ("半年报", ReportingCycle.SEMIANNUAL),
    ("半年", ReportingCycle.SEMIANNUAL),
    ("季报", ReportingCycle.QUARTERLY),
    (None, ReportingCycle.MONTHLY),
]


@pytest.mark.parametrize(("typed", "cycle"), CYCLE_CELLS)
def test_the_reporting_cycle_offers_annual_and_half_yearly_reports(
    tmp_path: Path, typed: str | None, cycle: ReportingCycle
) -> None:
    rows = plan_rows()
    rows["指标目标"][0]["报送周期"] = typed
    plan = parse_plan(write_xlsx(tmp_path / "plan.xlsx", rows))
    assert plan.targets[0].reporting_cycle is cycle


def test_the_cycle_drop_down_lists_every_cycle() -> None:
    column = next(c for c in ALL_SHEETS["指标目标"].columns if c.key == "reporting_cycle")
    assert list(column.choices) == ["半月报", "月报", "季报", "半年报", "年报"]


def test_an_unknown_cycle_names_the_choices(tmp_path: Path) -> None:
    rows = plan_rows()
    rows["重点任务"][0]["报送周期"] = "不定期"
    with pytest.raises(ImportFailed) as failure:
        parse_plan(write_xlsx(tmp_path / "plan.xlsx", rows))
    assert any("“不定期”不是可选值，应为半月报、月报、季报、半年报、年报之一" in str(i) for i in failure.value.issues)


# 左右容差 cell → the plan's tolerance (blank → 0.5)
TOLERANCE_CELLS = [(None, 0.5), (0.3, 0.3), ("1", 1.0), (0, 0.0)]


@pytest.mark.parametrize(("typed", "tolerance"), TOLERANCE_CELLS)
def test_the_plan_sheet_sets_the_about_tolerance(tmp_path: Path, typed: object, tolerance: float) -> None:
    rows = plan_rows()
    rows["计划"][0]["左右容差（百分点）"] = typed
    plan = parse_plan(write_xlsx(tmp_path / "plan.xlsx", rows))
    assert plan.plan.thresholds.about_tolerance_pp == tolerance


def test_a_negative_about_tolerance_is_refused(tmp_path: Path) -> None:
    rows = plan_rows()
    rows["计划"][0]["左右容差（百分点）"] = -0.5
    with pytest.raises(ImportFailed) as failure:
        parse_plan(write_xlsx(tmp_path / "plan.xlsx", rows))
    assert any("第2行“左右容差（百分点）”：不能为负数" in str(i) for i in failure.value.issues)


def test_a_plan_csv_without_the_tolerance_column_keeps_the_default(tmp_path: Path) -> None:
    folder = tmp_path / "plan"
    folder.mkdir()
    for sheet, rows in plan_rows().items():
        write_csv(folder / f"{sheet}.csv", sheet, rows)
    plan = parse_plan(folder)
    assert plan.plan.thresholds.about_tolerance_pp == 0.5


def test_a_task_row_with_only_a_narrative_is_a_report(tmp_path: Path, plan: PlanData) -> None:
    rows = progress_rows()
    rows["任务进展"].append(
        {"任务编码": "K01", "截至日期": date(2025, 6, 30), "情况说明": "挂牌材料已报市政府", "报送单位": "市科技局"}
    )
    path = write_xlsx(tmp_path / "progress.xlsx", rows)
    records = parse_progress_tables(read_tables(path), plan, source=path.name)
    (record,) = [r for r in records if r.item_code == "K01" and r.as_of == date(2025, 6, 30)]
    assert (record.value, record.milestone_key, record.stage) == (None, None, None)
    assert record.narrative == "挂牌材料已报市政府"
    assert record.source.unit == "市科技局"


def test_a_task_row_with_nothing_reported_but_its_date_is_refused(tmp_path: Path, plan: PlanData) -> None:
    rows = progress_rows()
    rows["任务进展"].append({"任务编码": "K01", "截至日期": date(2025, 6, 30), "报送单位": "市科技局"})
    path = write_xlsx(tmp_path / "progress.xlsx", rows)
    with pytest.raises(ImportFailed) as failure:
        parse_progress_tables(read_tables(path), plan, source=path.name)
    assert [str(i) for i in failure.value.issues] == [
        "progress.xlsx 工作表“任务进展”第4行：完成量、完成节点序号和情况说明至少填写一项"
    ]


def test_a_narrative_and_a_milestone_on_the_same_day_are_two_reports(tmp_path: Path, plan: PlanData) -> None:
    rows = progress_rows()
    rows["任务进展"].append({"任务编码": "K01", "截至日期": date(2025, 3, 28), "情况说明": "筹备挂牌"})
    path = write_xlsx(tmp_path / "progress.xlsx", rows)
    records = parse_progress_tables(read_tables(path), plan, source=path.name)
    assert sorted((r.milestone_key or "", r.narrative) for r in records if r.item_code == "K01") == [
        ("", "筹备挂牌"),
        ("1", "选址已确定"),
    ]
