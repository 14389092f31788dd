"""The status board as an Excel 监测台账: what a planning office files, prints and forwards.

One workbook: a 汇总 sheet (counts by kind, then by work area, owner unit and district), a
预警事项 sheet (red, overdue and stale items, worst first, each with its explanation), a 催报清单
(the units owing reports), one sheet per item kind with every item, and a 图表 sheet with the
leader's charts as native Excel charts (:mod:`planwatch.exports.status_charts`). The light column is
filled red, yellow, green or grey like the dashboard; headers stay in view and carry filters;
pages print A4 landscape, one page wide, with the header row on every page.

The workbook is written in openpyxl's write-only mode (a plan of 100,000 projects is 2 million
cells) and atomically: readers see the old file or the finished new one.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from planwatch.atomic import atomic_file
from planwatch.exports.status_charts import chart_sheet
from planwatch.monitor.board import ItemStatus, Rollup, StatusBoard
from planwatch.monitor.render import STATUS_COLUMNS, status_rows
from planwatch.monitor.wording import KIND_TITLES, LIGHT_SHORT, Light
from planwatch.plan.model import ItemKind
from planwatch.plan.numbers import format_percent

#: Fill and font colour of each light (Excel's own 好/差/适中 cell styles, and a neutral grey).
LIGHT_COLOURS: dict[str, tuple[str, str]] = {
    LIGHT_SHORT[Light.GREEN]: ("C6EFCE", "006100"),
    LIGHT_SHORT[Light.YELLOW]: ("FFEB9C", "9C5700"),
    LIGHT_SHORT[Light.RED]: ("FFC7CE", "9C0006"),
    LIGHT_SHORT[Light.GREY]: ("EDEDED", "595959"),
}
#: Column widths (in characters) of the item sheets, by column key; others get 12.
WIDTHS: dict[str, float] = {
    "light": 6, "code": 14, "kind": 8, "name": 34, "work_area": 22, "owner_unit": 18, "district": 10,
    "target_text": 16, "state": 12, "last_report": 12, "explanation": 90,
}
#: Number formats by column key (figures keep their precision; shares are already in percent).
FORMATS: dict[str, str] = {"actual": "#,##0.##", "target": "#,##0.##", "completion": "0.0", "time_progress": "0.0",
                           "gap_pp": "+0.0;-0.0;0.0"}
PAPER_A4 = "9"  # the OOXML paper size code of A4
KIND_ORDER = (ItemKind.TARGET, ItemKind.TASK, ItemKind.PROJECT, ItemKind.LIVELIHOOD)
ROLLUP_TITLES = (("work_area", "按工作领域"), ("owner_unit", "按责任单位"), ("district", "按区县"))
ROLLUP_HEADERS = ("项数", "绿", "黄", "红", "灰", "数据过期", "平均完成率（%）", "最需关注")
LIGHT_ORDER = (Light.GREEN, Light.YELLOW, Light.RED, Light.GREY)

_THIN = Side(style="thin", color="BFBFBF")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_HEADER_FONT = Font(name="宋体", bold=True)
_BODY_FONT = Font(name="宋体")
_TITLE_FONT = Font(name="黑体", size=16)
_WRAP = Alignment(vertical="top", wrap_text=True)
_TOP = Alignment(vertical="top")
_CENTRE = Alignment(horizontal="center", vertical="top")
_LIGHT_STYLES = {
    text: (PatternFill("solid", fgColor=fill), Font(name="宋体", bold=True, color=font))
    for text, (fill, font) in LIGHT_COLOURS.items()
}


def write_status_workbook(
    board: StatusBoard, path: str | os.PathLike[str], planned: Mapping[str, float] | None = None
) -> dict[str, int]:
    """Write ``board`` as a 监测台账 workbook at ``path``; return the rows written per sheet.

    ``planned`` (each project's annual planned investment, 万元) adds the 图表 sheet's
    investment charts weighted by investment; without it the sheet charts the headline
    indicators and each work area's plain average completion.
    """
    workbook = Workbook(write_only=True)
    written: dict[str, int] = {}
    written["汇总"] = _summary_sheet(workbook.create_sheet("汇总"), board)
    alerts = board.alerts()
    what = "预警事项：红灯、逾期、超过报送周期未更新，最需关注的在前"
    written["预警事项"] = _item_sheet(workbook.create_sheet("预警事项"), board, alerts, what)
    written["催报清单"] = _chase_sheet(workbook.create_sheet("催报清单"), board)
    for kind in KIND_ORDER:
        items = [i for i in board.items if i.kind is kind]
        if items:
            name = KIND_TITLES[kind]
            written[name] = _item_sheet(workbook.create_sheet(name), board, items, name)
    written["图表"] = chart_sheet(workbook.create_sheet("图表"), board, planned, _cell, _header_row)
    with atomic_file(path) as tmp:
        workbook.save(tmp)
    return written


# ---------------------------------------------------------------- sheets


def _title(board: StatusBoard) -> str:
    return f"{board.plan.title}执行情况监测台账"


def _subtitle(board: StatusBoard, what: str) -> str:
    counts = board.counts()
    lights = " · ".join(f"{LIGHT_SHORT[light]} {counts[light]}" for light in LIGHT_ORDER)
    return (f"{what}｜截至{board.as_of.isoformat()}，时序进度{format_percent(board.time_progress)}｜"
            f"合计 {len(board.items)} 项：{lights}")


def _summary_sheet(sheet: Worksheet, board: StatusBoard) -> int:
    _widths(sheet, [24, 8, 6, 6, 6, 6, 10, 16, 60])
    sheet.append([_cell(sheet, _title(board), font=_TITLE_FONT)])
    sheet.append([_cell(sheet, _subtitle(board, "汇总"))])
    sheet.append([])
    rows = 3
    sheet.append(_header_row(sheet, ("类别", "项数", "绿", "黄", "红", "灰", "数据过期", "逾期")))
    rows += 1
    for kind in KIND_ORDER:
        items = [i for i in board.items if i.kind is kind]
        if items:
            sheet.append(_body_row(sheet, [KIND_TITLES[kind], *_kind_counts(items)]))
            rows += 1
    sheet.append(_body_row(sheet, ["合计", *_kind_counts(board.items)], bold=True))
    rows += 1
    for by, title in ROLLUP_TITLES:
        rollups = board.rollup(by)
        if not rollups:
            continue
        sheet.append([])
        sheet.append(_header_row(sheet, (title, *ROLLUP_HEADERS)))
        rows += 2
        for rollup in rollups:
            sheet.append(_body_row(sheet, _rollup_values(rollup), formats={7: "0.0"}))
            rows += 1
    return rows


def _item_sheet(sheet: Worksheet, board: StatusBoard, items: Sequence[ItemStatus], what: str) -> int:
    keys = [key for key, _ in STATUS_COLUMNS]
    header_row = 3
    # A write-only sheet writes its properties and view before the first row: set them first.
    sheet.freeze_panes = f"C{header_row + 1}"
    _print_setup(sheet)
    _widths(sheet, [WIDTHS.get(key, 12) for key in keys])
    sheet.append([_cell(sheet, _title(board), font=_TITLE_FONT)])
    sheet.append([_cell(sheet, _subtitle(board, what))])
    sheet.append(_header_row(sheet, [header for _, header in STATUS_COLUMNS]))
    last = header_row
    for row in status_rows(board, items):
        sheet.append([_item_cell(sheet, key, row[key]) for key in keys])
        last += 1
    sheet.auto_filter.ref = f"A{header_row}:{get_column_letter(len(keys))}{max(last, header_row)}"
    sheet.print_title_rows = f"{header_row}:{header_row}"
    return last - header_row


def _chase_sheet(sheet: Worksheet, board: StatusBoard) -> int:
    """The units to chase for reports, most owed first, each owed item on its own line in one cell."""
    from planwatch.monitor.chase import CHASE_COLUMNS, chase_rows, reporting_duties

    widths = {"unit": 28, "items": 9, "owing": 9, "never": 9, "last_report": 12, "owed_items": 90}
    sheet.freeze_panes = "B4"
    _print_setup(sheet)
    _widths(sheet, [widths[key] for key, _ in CHASE_COLUMNS])
    sheet.append([_cell(sheet, _title(board), font=_TITLE_FONT)])
    sheet.append([_cell(sheet, _subtitle(board, "催报清单：事项超过报送周期未报送进展的责任单位"))])
    sheet.append(_header_row(sheet, [header for _, header in CHASE_COLUMNS]))
    rows = chase_rows(reporting_duties(board))
    for row in rows:
        cells = []
        for key, _ in CHASE_COLUMNS:
            value = row[key]
            if key == "owed_items":
                cells.append(_cell(sheet, str(value).replace("；", "\n"), alignment=_WRAP))
            else:
                cells.append(_cell(sheet, value if value != "" else None))
        sheet.append(cells)
    sheet.print_title_rows = "3:3"
    return len(rows)


# ---------------------------------------------------------------- rows and cells


def _kind_counts(items: Iterable[ItemStatus]) -> list[int]:
    items = list(items)
    counts = {light: 0 for light in LIGHT_ORDER}
    for item in items:
        counts[item.light] += 1
    return [len(items), *(counts[light] for light in LIGHT_ORDER), sum(i.stale for i in items),
            sum(i.overdue for i in items)]


def _rollup_values(rollup: Rollup) -> list[Any]:
    average = None if rollup.average_completion is None else round(rollup.average_completion * 100, 1)
    worst = "、".join(item.name for item in rollup.worst)
    return [rollup.label, rollup.total, *(rollup.counts[light] for light in LIGHT_ORDER), rollup.stale, average, worst]


def _item_cell(sheet: Worksheet, key: str, value: Any) -> Any:
    """One item cell: styled where the style says something (light, explanation, figures), plain otherwise.

    Plain values keep a 100,000-item ledger fast to write; text that looks like a formula is
    still stored as text.
    """
    if key == "light":
        fill, font = _LIGHT_STYLES.get(value, (None, _BODY_FONT))
        return _cell(sheet, value, font=font, fill=fill, alignment=_CENTRE)
    if key == "explanation":
        return _cell(sheet, value, alignment=_WRAP)
    if value is None or value == "":
        return None
    if key in FORMATS:
        return _cell(sheet, value, number_format=FORMATS[key])
    if isinstance(value, str) and value.startswith("="):
        return _cell(sheet, value)
    return value


def _header_row(sheet: Worksheet, headers: Iterable[str]) -> list[WriteOnlyCell]:
    return [_cell(sheet, h, font=_HEADER_FONT, fill=_HEADER_FILL, alignment=_CENTRE) for h in headers]


def _body_row(sheet: Worksheet, values: Sequence[Any], *, bold: bool = False,
              formats: dict[int, str] | None = None) -> list[WriteOnlyCell]:
    font = _HEADER_FONT if bold else _BODY_FONT
    return [_cell(sheet, v, font=font, number_format=(formats or {}).get(n)) for n, v in enumerate(values)]


def _cell(sheet: Worksheet, value: Any, *, font: Font = _BODY_FONT, fill: PatternFill | None = None,
          alignment: Alignment = _TOP, number_format: str | None = None) -> WriteOnlyCell:
    # Text is stored as text: a name starting with "=" must never become a formula.
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"
    cell.font = font
    cell.alignment = alignment
    cell.border = _BORDER
    if fill is not None:
        cell.fill = fill
    if number_format:
        cell.number_format = number_format
    return cell


def _widths(sheet: Worksheet, widths: Sequence[float]) -> None:
    for n, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(n)].width = width


def _print_setup(sheet: Worksheet) -> None:
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = PAPER_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
