"""Text that looks like a formula is exported as text and comes back unchanged."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import openpyxl

from planwatch.exports import export_plan
from planwatch.imports.service import import_file
from planwatch.plan.model import ProgressRecord, Source
from planwatch.store import Store

from .conftest import full_plan

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
