"""CSV exports never hand a spreadsheet a live formula, and the quote that prevents it goes away on import.

The table is the rule (text as stored → the CSV cell); the round trip exports a plan full of
hostile text to CSV, imports it into a fresh store and exports again: same data, same bytes.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planwatch.exchange.csv_safety import FORMULA_STARTS, quote_formula, unquote_formula
from planwatch.exports import export_plan
from planwatch.exports.writers import csv_cell
from planwatch.imports.reader import read_csv_text
from planwatch.imports.service import import_file

from .conftest import hostile_plan

# text as stored → the cell the CSV holds
CELLS = [
    ("=1+1", "'=1+1"),
    ('=HYPERLINK("http://example.invalid","详情")', '\'=HYPERLINK("http://example.invalid","详情")'),
    ("+86 0571 1234", "'+86 0571 1234"),
    ("-较上月回落", "'-较上月回落"),
    ("@市发改委 请核实", "'@市发改委 请核实"),
    ("\t=SUM(A1:A9)", "'\t=SUM(A1:A9)"),
    ("\r=1", "'\r=1"),
    ("-", "'-"),
    ("'=已带引号", "''=已带引号"),  # a quote the data had is kept: one more is added
    ("'-3.5", "''-3.5"),
    ("-3.5", "-3.5"),  # a number written as text is harmless and stays readable
    ("+2", "+2"),
    ("1e-3", "1e-3"),
    ("'单引号开头", "'单引号开头"),
    ("江川港区=三期", "江川港区=三期"),
    ("", ""),
]


@pytest.mark.parametrize(("text", "cell"), CELLS)
def test_text_that_could_start_a_formula_is_written_behind_a_quote(text: str, cell: str) -> None:
    assert quote_formula(text) == cell
    assert unquote_formula(cell) == text


def test_a_csv_cell_is_trimmed_like_an_imported_one_before_it_is_guarded() -> None:
    assert csv_cell("\t=SUM(A1:A9) ") == "'=SUM(A1:A9)"
    assert csv_cell(" 普通说明 ") == "普通说明"


@pytest.mark.parametrize("number", [-3.5, -0.2, 12.0, 0.0])
def test_numbers_are_never_quoted(number: float) -> None:
    assert not csv_cell(number).startswith("'")
    assert float(csv_cell(number)) == number


@given(st.text(alphabet=st.sampled_from(["'", "=", "+", "-", "@", "\t", "\r", "1", ".", "e", "江", " "])))
def test_reading_back_what_was_written_gives_the_text_again(text: str) -> None:
    assert unquote_formula(quote_formula(text)) == text


@given(st.text())
def test_no_written_cell_starts_a_formula_unless_it_is_a_plain_number(text: str) -> None:
    written = quote_formula(text)
    if written and written[0] in FORMULA_STARTS:
        float(written)  # only a plain number such as -3.5 may start with + or -


def test_a_csv_export_full_of_hostile_text_round_trips_with_the_same_data_and_bytes(open_store, tmp_path: Path) -> None:
    first = open_store("first")
    first.save_plan_data(hostile_plan(), user="规划处")
    export_plan(first, "JC2025", "csv", tmp_path / "one")

    progress = (tmp_path / "one" / "民生实事进展.csv").read_text("utf-8-sig")
    narratives = [row[-6] for row in csv.reader(io.StringIO(progress, newline=""))][1:]
    assert "'=1+1" in narratives and "'-较上月回落" in narratives and "-3.5" in narratives
    for cell in narratives:
        assert not cell or cell[0] not in FORMULA_STARTS or cell == "-3.5"
    targets = (tmp_path / "one" / "指标进展.csv").read_text("utf-8-sig")
    assert ",-3.5," in targets, "a negative figure stays a number"
    assert "'@原文" in targets
    assert "'=交通" in (tmp_path / "one" / "重大项目.csv").read_text("utf-8-sig")

    second = open_store("second")
    import_file(second, tmp_path / "one", user="规划处")
    assert second.load_plan_data("JC2025") == first.load_plan_data("JC2025")
    export_plan(second, "JC2025", "csv", tmp_path / "two")
    for file in sorted((tmp_path / "one").iterdir()):
        assert (tmp_path / "two" / file.name).read_bytes() == file.read_bytes(), file.name


def test_a_hand_written_csv_keeps_quotes_that_do_not_guard_a_formula() -> None:
    text = "实事编码,截至日期,完成量,情况说明\r\nM01,2025-06-30,28,'按计划推进\r\nM01,2025-07-31,30,'=以此为准\r\n"
    table = read_csv_text(text, "民生实事进展.csv")
    assert [row["情况说明"] for row in table] == ["'按计划推进", "=以此为准"]
