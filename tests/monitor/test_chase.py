"""The 催报 list: units whose items have had no report within their cycle, most owed first."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from planwatch.cli.main import cli
from planwatch.demo import build_demo
from planwatch.monitor import evaluate
from planwatch.monitor.chase import chase_rows, reporting_duties
from planwatch.plan.model import LivelihoodItem, Plan, PlanData, ProgressRecord, ReportingCycle, Source

AS_OF = date(2025, 6, 30)


def item(code: str, unit: str, cycle: ReportingCycle = ReportingCycle.MONTHLY) -> LivelihoodItem:
    return LivelihoodItem(code, f"实事{code}", unit, 100, "个", reporting_cycle=cycle)


def report(code: str, day: str, unit: str) -> ProgressRecord:
    return ProgressRecord(code, date.fromisoformat(day), 40, source=Source(unit=unit))


def board_of(items: list[LivelihoodItem], records: list[ProgressRecord]):  # type: ignore[no-untyped-def]
    data = PlanData(Plan("JC2025", "JC", 2025, "江川市计划"), livelihood_items=items, progress=records)
    return evaluate(data, AS_OF)


# unit → (items it leads, reports) and what the chase list must say: owing codes in order, never reported
CASES = [
    pytest.param(
        [item("L1", "市民政局"), item("L2", "市民政局")],
        [report("L1", "2025-06-20", "市民政局"), report("L2", "2025-06-25", "市民政局")],
        {},
        id="a unit that reported every item within its month owes nothing",
    ),
    pytest.param(
        [item("L1", "市民政局"), item("L2", "市民政局")],
        [report("L1", "2025-06-20", "市民政局"), report("L2", "2025-04-30", "市民政局")],
        {"市民政局": (["L2"], 0)},
        id="an item last reported two months ago is owed by its unit",
    ),
    pytest.param(
        [item("L1", "市教育局"), item("L2", "市教育局"), item("L3", "市卫健委")],
        [report("L2", "2025-03-31", "市教育局")],
        {"市教育局": (["L1", "L2"], 1), "市卫健委": (["L3"], 1)},
        id="never reported comes before long silent, and the unit owing most comes first",
    ),
    pytest.param(
        [item("L1", "市体育局", ReportingCycle.QUARTERLY)],
        [report("L1", "2025-04-30", "市体育局")],
        {},
        id="a quarterly item reported two months ago is not yet due",
    ),
]


@pytest.mark.parametrize(("items", "records", "owed"), CASES)
def test_the_chase_list_names_each_unit_with_the_items_it_owes(items, records, owed) -> None:
    duties = reporting_duties(board_of(items, records))
    assert {d.unit: ([i.code for i in d.owing], d.never_reported) for d in duties} == owed
    assert list(owed) == [d.unit for d in duties]  # in the order a clerk works through them


def test_all_units_can_be_listed_with_what_is_up_to_date() -> None:
    board = board_of([item("L1", "市民政局"), item("L2", "市教育局")], [report("L1", "2025-06-20", "市民政局")])
    duties = reporting_duties(board, owing_only=False)
    assert [(d.unit, d.items, d.up_to_date, d.last_report) for d in duties] == [
        ("市教育局", 1, 0, None),
        ("市民政局", 1, 1, date(2025, 6, 20)),
    ]


def test_a_chase_row_says_when_each_owed_item_was_last_reported() -> None:
    board = board_of([item("L1", "市教育局"), item("L2", "市教育局")], [report("L2", "2025-03-31", "市教育局")])
    (row,) = chase_rows(reporting_duties(board))
    assert row["owed_items"] == "L1 实事L1（年内未报）；L2 实事L2（2025-03-31报送）"
    assert (row["items"], row["owing"], row["never"], row["last_report"]) == (2, 2, 1, "2025-03-31")


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("chase") / "demo.sqlite"
    build_demo(path)
    return path


def test_planwatch_chase_writes_each_owing_unit_a_workbook_of_the_items_it_leads(demo_db: Path, tmp_path: Path):
    folder = tmp_path / "催报"
    result = CliRunner().invoke(
        cli, ["chase", "--db", str(demo_db), "--as-of", "2025-06-30", "--templates", str(folder)]
    )
    assert result.exit_code == 0, result.output
    assert "待催报 16 项" in result.output
    workbook_path = folder / "江川轨道交通集团-进展填报-2025-06-30.xlsx"
    assert workbook_path.is_file()
    codes = {
        row[0]
        for ws in openpyxl.load_workbook(workbook_path).worksheets
        if ws.title.endswith("进展")
        for row in ws.iter_rows(min_row=2, values_only=True)
        if row and row[0]
    }
    assert "K0905" in codes
    assert len(list(folder.glob("*.xlsx"))) == 16


def test_planwatch_chase_csv_lists_one_row_per_owing_unit(demo_db: Path) -> None:
    result = CliRunner().invoke(cli, ["chase", "--db", str(demo_db), "--as-of", "2025-06-30", "--format", "csv"])
    lines = result.output.splitlines()
    assert lines[0] == "\ufeff责任单位,牵头事项,待催报,年内未报,最近报送,待催报事项"  # Excel reads the BOM
    assert len(lines) == 1 + 16
