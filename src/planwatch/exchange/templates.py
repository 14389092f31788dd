"""Blank Excel workbooks for the planning office and the reporting units.

A template is an instructions sheet (填表说明) followed by one sheet per item kind with
the Chinese headers of :mod:`planwatch.exchange.columns`: bold, frozen header row,
required headers in red, a note on each header, and data validation (drop-down lists
for choices and 是/否, date checks, non-negative numbers) so that most mistakes are
caught while typing rather than at import. The exporter builds its workbooks with the
same functions, so an export can be edited and imported again.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from typing import Literal

from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from planwatch.atomic import atomic_file
from planwatch.exchange.columns import (
    INSTRUCTIONS_SHEET,
    PLAN_SHEETS,
    PROGRESS_SHEETS,
    Column,
    ColumnType,
    Sheet,
)
from planwatch.exchange.csv_safety import QUOTE, keep_own_quote

TemplateKind = Literal["plan", "progress"]

SHEETS_OF_KIND: dict[str, tuple[Sheet, ...]] = {"plan": PLAN_SHEETS, "progress": PROGRESS_SHEETS}

LAST_ROW = 1048576  # validation covers the whole column below the header

HEADER_FONT = Font(bold=True)
REQUIRED_FONT = Font(bold=True, color="C00000")
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
TITLE_FONT = Font(bold=True, size=14)
WRAP = Alignment(wrap_text=True, vertical="top")

TYPE_WORDS: dict[ColumnType, str] = {
    ColumnType.TEXT: "文字",
    ColumnType.INT: "整数",
    ColumnType.NUMBER: "数字",
    ColumnType.DATE: "日期，如2025-06-30、2025/6/30或2025年6月30日",
    ColumnType.BOOL: "是/否",
    ColumnType.CHOICE: "从下拉列表选择",
    ColumnType.LIST: "多个值用顿号（、）分隔",
}


def column_format(column: Column) -> str:
    """Say in words what a cell of ``column`` must hold (for the instructions sheet)."""
    words = TYPE_WORDS[column.type]
    if column.type is ColumnType.CHOICE:
        words += "：" + "、".join(column.choices)
    elif column.type is ColumnType.NUMBER and not column.signed:
        words += "，不能为负数"
    elif column.type is ColumnType.NUMBER:
        words += "，可为负数"
    return words


def column_width(column: Column) -> float:
    """Return a column width wide enough for the header (CJK characters count double)."""
    if column.width:
        return column.width
    header = sum(2 if ord(ch) > 0x2E80 else 1 for ch in column.header)
    example = sum(2 if ord(ch) > 0x2E80 else 1 for ch in column.example)
    return max(10, header + 4, min(example + 2, 40))


def validation_for(column: Column) -> DataValidation | None:
    """Return the Excel data validation that fits ``column``'s type, or None for free text."""
    common = {"allow_blank": True, "showErrorMessage": True, "errorTitle": "输入有误"}
    if column.type in (ColumnType.CHOICE, ColumnType.BOOL):
        labels = ",".join(column.choices)
        return DataValidation(type="list", formula1=f'"{labels}"', error=f"请从下拉列表选择：{labels}", **common)
    if column.type is ColumnType.DATE:
        return DataValidation(
            type="date",
            operator="between",
            formula1="DATE(1990,1,1)",
            formula2="DATE(2100,12,31)",
            error="请填写日期，如2025-06-30",
            **common,
        )
    if column.type is ColumnType.INT:
        return DataValidation(
            type="whole", operator="greaterThanOrEqual", formula1="0", error="请填写非负整数", **common
        )
    if column.type is ColumnType.NUMBER and column.signed:
        return DataValidation(
            type="decimal",
            operator="between",
            formula1="-1E+15",
            formula2="1E+15",
            error="请填写数字",
            **common,
        )
    if column.type is ColumnType.NUMBER:
        return DataValidation(
            type="decimal", operator="greaterThanOrEqual", formula1="0", error="请填写不小于0的数字", **common
        )
    return None


def styled(ws: Worksheet, value: object, font: Font | None = None, fill: PatternFill | None = None) -> Cell:
    """Return a write-only cell holding ``value`` with the given font and fill."""
    cell = WriteOnlyCell(ws, value=value)
    if font is not None:
        cell.font = font
    if fill is not None:
        cell.fill = fill
    return cell


def add_data_sheet(workbook: Workbook, sheet: Sheet, rows: Iterable[Sequence[object]] = ()) -> Worksheet:
    """Append a sheet with ``sheet``'s header row, widths, notes and validation, then ``rows``."""
    ws = workbook.create_sheet(sheet.name)
    header = []
    for index, column in enumerate(sheet.layout, start=1):
        letter = get_column_letter(index)
        cell = styled(ws, column.header, REQUIRED_FONT if column.required else HEADER_FONT, HEADER_FILL)
        note = ("必填。" if column.required else "") + column_format(column)
        if column.help:
            note += "。" + column.help
        cell.comment = Comment(note, "planwatch", width=260, height=110)
        header.append(cell)
        ws.column_dimensions[letter].width = column_width(column)
        validation = validation_for(column)
        if validation is not None:
            validation.add(f"{letter}2:{letter}{LAST_ROW}")
            ws.data_validations.append(validation)
    ws.freeze_panes = "A2"
    ws.append(header)
    for row in rows:
        ws.append([as_literal(ws, value) for value in row])  # dates get the yyyy-mm-dd format from openpyxl
    return ws


def as_literal(ws: Worksheet, value: object) -> object:
    """Return ``value`` so that Excel shows it as written: text that starts with ``=`` stays text.

    openpyxl stores such strings as formulas; a narrative typed as ``=HYPERLINK(…)`` in a form
    must not become a live formula in a workbook someone opens later. Text whose own leading
    ``'`` the reader would take for a CSV guard (``'=…``) gets one more (see ``csv_safety``).
    """
    if isinstance(value, str) and value[:1] == QUOTE:
        value = keep_own_quote(value)
    if isinstance(value, str) and value.startswith("="):
        cell = WriteOnlyCell(ws, value=value)
        cell.data_type = "s"
        return cell
    return value


def add_table_sheet(
    workbook: Workbook, name: str, headers: Sequence[str], rows: Iterable[Sequence[object]], widths: dict[str, int]
) -> Worksheet:
    """Append a plain sheet (bold frozen header, given widths) such as the 状态 sheet of an export."""
    ws = workbook.create_sheet(name)
    for letter, width in widths.items():
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A2"
    ws.append([styled(ws, h, HEADER_FONT, HEADER_FILL) for h in headers])
    for row in rows:
        ws.append([as_literal(ws, value) for value in row])
    return ws


def add_instructions_sheet(workbook: Workbook, kind: TemplateKind, sheets: Iterable[Sheet]) -> Worksheet:
    """Add the first sheet: what each sheet and column means, in Chinese."""
    ws = workbook.create_sheet(INSTRUCTIONS_SHEET)
    for letter, width in zip("ABCDE", (30, 10, 36, 48, 24), strict=True):
        ws.column_dimensions[letter].width = width
    what = "年度计划" if kind == "plan" else "计划执行进展"
    ws.append([styled(ws, f"planwatch {what}填报模板", TITLE_FONT)])
    general = [
        "1. 每个工作表对应一类事项，第一行是列名，请勿修改列名和工作表名称；从第二行起每行填一条。",
        "   列名写错（如“情况说名”）导入时会报错；自行增加的列（如“联系人”）不导入，导入后会提示。",
        "2. 红色列名为必填列；列名上的批注说明该列的含义和格式。",
        "3. 日期可填2025-06-30、2025/6/30或2025年6月30日；是否类填“是”或“否”；下拉列表列请从列表选择。",
        "4. 金额单位为万元；增速、比率填百分数（如5.3表示5.3%）。",
        "5. 编码在同一计划内唯一，指标目标、重点任务、重大项目、民生实事的编码也不得相互重复。",
        "6. 文件中有任何一处错误，整个文件都不会导入；按提示（工作表、行、列）改正后重新导入即可。",
        "   重复导入同一文件不会产生重复数据：事项按编码更新。",
    ]
    if kind == "progress":
        general.append("7. 进展表中的编码须是已导入计划中的编码；截至日期须在计划年度内。")
        general.append("8. 只有编码和事项名称、没有填写任何进展的行视为本期未报送，导入时跳过。")
    for line in general:
        ws.append([line])
    for sheet in sheets:
        ws.append([])
        ws.append([styled(ws, f"工作表“{sheet.name}”", HEADER_FONT), sheet.help])
        ws.append([styled(ws, h, HEADER_FONT, HEADER_FILL) for h in ("列名", "是否必填", "格式", "说明", "示例")])
        for column in sheet.layout:
            name = styled(ws, column.header, Font(color="C00000") if column.required else None)
            cells = ["必填" if column.required else "", column_format(column), column.help, column.example]
            ws.append([name, *(styled_wrap(ws, c) for c in cells)])
    return ws


def styled_wrap(ws: Worksheet, value: object) -> Cell:
    cell = WriteOnlyCell(ws, value=value)
    cell.alignment = WRAP
    return cell


def build_workbook(kind: TemplateKind, sheets: Iterable[Sheet] | None = None) -> Workbook:
    """Return a write-only workbook with the instructions sheet; add data sheets, then save once."""
    chosen = tuple(sheets) if sheets is not None else SHEETS_OF_KIND[kind]
    workbook = Workbook(write_only=True)
    add_instructions_sheet(workbook, kind, chosen)
    return workbook


def template_kind_of(path: str | os.PathLike[str]) -> TemplateKind | None:
    """Guess the template kind from a file name such as ``plan.xlsx`` or ``2025进展.xlsx``."""
    stem = os.path.splitext(os.path.basename(os.fspath(path)))[0].lower()
    if "progress" in stem or "进展" in stem:
        return "progress"
    if "plan" in stem or "计划" in stem:
        return "plan"
    return None


def write_template(
    kind: TemplateKind,
    path: str | os.PathLike[str],
    *,
    rows: Mapping[str, Iterable[Sequence[object]]] | None = None,
) -> None:
    """Write a blank ``kind`` workbook to ``path`` (atomically: temp file, then rename).

    ``rows`` pre-fills sheets, e.g. the codes and names of the items a unit reports on
    (see :func:`planwatch.exports.tables.blank_progress_rows`).
    """
    if kind not in SHEETS_OF_KIND:
        raise ValueError(f"模板类型只能是 plan 或 progress，不是“{kind}”")
    with atomic_file(path) as tmp:  # first, so an unwritable folder fails before any sheet is built
        workbook = build_workbook(kind)
        for sheet in SHEETS_OF_KIND[kind]:
            add_data_sheet(workbook, sheet, (rows or {}).get(sheet.name, ()))
        workbook.save(tmp)
