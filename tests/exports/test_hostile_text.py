"""Text that looks like a formula is exported as text and comes back unchanged."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import date
from pathlib import Path

import openpyxl

from planwatch.exports import export_plan
from planwatch.imports.reader import read_tables
from planwatch.imports.service import import_file
from planwatch.plan.model import ProgressRecord, Source
from planwatch.store import Store

from .conftest import full_plan, hostile_plan

HOSTILE = '=HYPERLINK("http://example.invalid","点此查看")'


def test_a_narrative_written_like_a_formula_stays_text_in_the_workbook_and_survives_reimport(
    open_store: Callable[[str], Store], tmp_path: Path
) -> None:
    first = open_store("first")
    data = full_plan()
    first.save_plan_data(data, user="规划处")
    record = ProgressRecord("T01", date(2025, 7, 31), 5.4, narrative=HOSTILE, source=Source(unit="市统计局"))
    first.add_progress("JC2025", [record], user="市统计局")
    export_plan(first, "JC2025", "xlsx", tmp_path / "out.xlsx")

    workbook = openpyxl.load_workbook(tmp_path / "out.xlsx")
    cells = [c for ws in workbook.worksheets for row in ws.iter_rows() for c in row if c.value == HOSTILE]
    assert cells, "the narrative is in the workbook"
    assert all(c.data_type == "s" for c in cells), "no cell holds it as a live formula"

    second = open_store("second")
    import_file(second, tmp_path / "out.xlsx", user="规划处")
    narratives = [p.narrative for p in second.load_plan_data("JC2025").progress]
    assert HOSTILE in narratives


def test_hostile_text_round_trips_through_an_xlsx_export_with_the_same_data(
    open_store: Callable[[str], Store], tmp_path: Path
) -> None:
    first = open_store("first")
    first.save_plan_data(hostile_plan(), user="规划处")
    export_plan(first, "JC2025", "xlsx", tmp_path / "one.xlsx")
    second = open_store("second")
    import_file(second, tmp_path / "one.xlsx", user="规划处")
    assert second.load_plan_data("JC2025") == first.load_plan_data("JC2025")
    export_plan(second, "JC2025", "xlsx", tmp_path / "two.xlsx")
    one, two = read_tables(tmp_path / "one.xlsx"), read_tables(tmp_path / "two.xlsx")
    assert {n: list(map(dict, t)) for n, t in one.items()} == {n: list(map(dict, t)) for n, t in two.items()}


def test_a_csv_export_saved_as_a_workbook_in_excel_imports_without_its_guard_quotes(
    open_store: Callable[[str], Store], tmp_path: Path
) -> None:
    first = open_store("first")
    first.save_plan_data(hostile_plan(), user="规划处")
    export_plan(first, "JC2025", "csv", tmp_path / "csv")
    # Excel keeps a CSV cell's leading ' as text and reads numbers as numbers
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for file in sorted((tmp_path / "csv").iterdir()):
        ws = workbook.create_sheet(file.stem)
        for row in csv.reader(io.StringIO(file.read_text("utf-8-sig"), newline="")):
            ws.append([as_excel_reads(cell, ws) for cell in row])
    workbook.save(tmp_path / "saved.xlsx")
    guarded = [
        c.value for ws in workbook.worksheets for r in ws.iter_rows() for c in r if str(c.value).startswith("'=")
    ]
    assert guarded, "the workbook holds the guard quotes as text"

    second = open_store("second")
    import_file(second, tmp_path / "saved.xlsx", user="规划处")
    assert second.load_plan_data("JC2025") == first.load_plan_data("JC2025")


def as_excel_reads(cell: str, ws: object) -> object:
    """Return a CSV cell as Excel keeps it: a number as a number, other text as text (never a formula)."""
    try:
        return float(cell)
    except ValueError:
        literal = openpyxl.cell.WriteOnlyCell(ws, value=cell)
        literal.data_type = "s"
        return literal
