"""Write exchange tables to files: xlsx (like the templates), CSV (folder or zip), Parquet.

Every writer builds the whole output under a temporary name and renames it into place,
so an interrupted export never leaves a half-written file behind.
"""

from __future__ import annotations

import csv
import io
import os
import zipfile
from datetime import date
from pathlib import Path

from planwatch.atomic import atomic_file, atomic_folder
from planwatch.exchange.cells import shown
from planwatch.exchange.columns import ALL_SHEETS, STATUS_SHEET, ColumnType
from planwatch.exchange.csv_safety import quote_formula
from planwatch.exchange.templates import add_data_sheet, add_table_sheet, build_workbook
from planwatch.exports.tables import STATUS_HEADERS, Cell, SheetRows
from planwatch.extras import require

#: Column types of the status sheet, for Parquet (the exchange sheets say theirs in columns.py).
STATUS_TYPES: dict[str, ColumnType] = dict.fromkeys(STATUS_HEADERS, ColumnType.TEXT) | {
    "实际值": ColumnType.NUMBER,
    "目标值": ColumnType.NUMBER,
    "完成率（%）": ColumnType.NUMBER,
    "时序进度（%）": ColumnType.NUMBER,
    "差距（百分点）": ColumnType.NUMBER,
    "最近报送": ColumnType.DATE,
}


def headers_of(name: str) -> list[str]:
    return STATUS_HEADERS if name == STATUS_SHEET else [c.header for c in ALL_SHEETS[name].layout]


def write_xlsx(rows: SheetRows, path: str | os.PathLike[str]) -> None:
    """Write the sheets as a workbook laid out like the templates, so it can be imported again."""
    sheets = [ALL_SHEETS[name] for name in rows if name in ALL_SHEETS]
    with atomic_file(path) as tmp:  # first, so an unwritable folder fails before any sheet is built
        workbook = build_workbook("plan", sheets)
        for sheet in sheets:
            add_data_sheet(workbook, sheet, rows[sheet.name])
        if STATUS_SHEET in rows:
            add_table_sheet(workbook, STATUS_SHEET, STATUS_HEADERS, rows[STATUS_SHEET], {"B": 30, "H": 14, "Q": 80})
        workbook.save(tmp)


def csv_cell(cell: Cell) -> str:
    """Return a cell as CSV text: dates as 2025-06-30, whole numbers without .0, and text that
    could start a formula (=, +, -, @) behind a ``'`` so a spreadsheet shows it as text.

    Text is trimmed as the importer trims it, so an export of an import exports the same.
    """
    if cell is None:
        return ""
    if isinstance(cell, str):
        return quote_formula(cell.strip())
    return shown(cell)  # numbers stay numbers: -3.5 is written as -3.5


def csv_text(name: str, rows: list[list[Cell]]) -> str:
    """Return one sheet as CSV text (see :func:`csv_cell`)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(headers_of(name))
    for row in rows:
        writer.writerow([csv_cell(cell) for cell in row])
    return buffer.getvalue()


def write_csv(rows: SheetRows, path: str | os.PathLike[str]) -> None:
    """Write one CSV per sheet, UTF-8 with BOM so Excel opens it: a ``.zip`` file, else a folder."""
    target = Path(path)
    if target.suffix.lower() == ".zip":
        with atomic_file(target) as tmp, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, sheet_rows in rows.items():
                archive.writestr(f"{name}.csv", csv_text(name, sheet_rows).encode("utf-8-sig"))
        return
    with atomic_folder(target) as folder:
        for name, sheet_rows in rows.items():
            (folder / f"{name}.csv").write_bytes(csv_text(name, sheet_rows).encode("utf-8-sig"))


def arrow_type(column_type: ColumnType):
    pa = require("parquet")

    return {
        ColumnType.NUMBER: pa.float64(),
        ColumnType.INT: pa.int64(),
        ColumnType.DATE: pa.date32(),
    }.get(column_type, pa.string())


def write_parquet(rows: SheetRows, path: str | os.PathLike[str]) -> None:
    """Write one typed Parquet file per sheet into the folder ``path``."""
    pa = require("parquet")
    pq = require("parquet", "pyarrow.parquet")

    with atomic_folder(path) as folder:
        for name, sheet_rows in rows.items():
            headers = headers_of(name)
            types = (
                [STATUS_TYPES[h] for h in headers]
                if name == STATUS_SHEET
                else [c.type for c in ALL_SHEETS[name].layout]
            )
            columns = []
            for index, column_type in enumerate(types):
                values = [row[index] for row in sheet_rows]
                if column_type not in (ColumnType.NUMBER, ColumnType.INT, ColumnType.DATE):
                    values = [None if v is None else str(v) for v in values]
                elif column_type is ColumnType.DATE:
                    values = [v if isinstance(v, date) or v is None else None for v in values]
                columns.append(pa.array(values, type=arrow_type(column_type)))
            table = pa.Table.from_arrays(columns, names=headers)
            pq.write_table(table, folder / f"{name}.parquet")
