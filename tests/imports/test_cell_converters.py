"""Per-column converters type cells exactly as read_cell does, also when a text repeats (it is remembered)."""

from __future__ import annotations

import pytest

from planwatch.exchange.cells import CellError, converter, read_cell
from planwatch.exchange.columns import ALL_SHEETS

#: What clerks type, good and bad, for every kind of column.
CELLS = [
    "12",
    " 2 ",
    "1,234.5",
    "5%",
    "-3",
    "１２",
    "1_000",
    "abc",
    "nan",
    "inf",
    "2025-06-30",
    "2025/6/3",
    "2025年6月30日",
    "20250630",
    "2025-13-01",
    "是",
    "否",
    "在建",
    "新开工",
    "甲、乙，丙",
    45000,
    3.0,
    -1.5,
    True,
]
COLUMNS = {id(c): c for sheet in ALL_SHEETS.values() for c in sheet.columns}.values()


def outcome(read, value):  # type: ignore[no-untyped-def]
    try:
        result = read(value)
    except CellError as exc:
        return ("error", str(exc))
    return ("value", type(result), result)


@pytest.mark.parametrize("column", COLUMNS, ids=lambda c: f"{c.key}-{c.type}")
def test_a_converter_gives_the_value_or_the_message_read_cell_gives(column) -> None:  # type: ignore[no-untyped-def]
    convert = converter(column)
    for value in CELLS * 2:  # the second round reads remembered texts
        assert outcome(convert, value) == outcome(lambda v: read_cell(v, column), value), value
