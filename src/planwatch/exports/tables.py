"""A plan as exchange tables: the inverse of :mod:`planwatch.imports.parse`.

Pure: :class:`~planwatch.plan.model.PlanData` in, sheet name → rows out, each row the
cells of :mod:`planwatch.exchange.columns` in column order with Chinese labels for choices
(so the workbook reads like a filled template and imports again unchanged).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from planwatch.exchange.columns import (
    KIND_LABELS,
    PLAN_SHEETS,
    PROGRESS_SHEET_OF_KIND,
    PROGRESS_SHEETS,
    Column,
    ColumnType,
    Sheet,
)
from planwatch.plan.model import PlanData, PlanItem, ProgressRecord, Target, item_kind

if TYPE_CHECKING:
    from planwatch.monitor.board import ItemStatus, StatusBoard

Cell = str | float | int | bool | date | None
SheetRows = dict[str, list[list[Cell]]]
IndicatorName = Callable[[str], str]  # indicator code → the name to write


def cell_of(value: object, column: Column) -> Cell:
    """Return a domain value as the cell a clerk would type in ``column``."""
    if value is None:
        return None
    match column.type:
        case ColumnType.CHOICE | ColumnType.BOOL:
            stored = ("true" if value else "false") if isinstance(value, bool) else str(value)
            labels = {v: k for k, v in column.choices.items()}
            return labels.get(stored, stored)
        case ColumnType.LIST:
            return "、".join(value) if value else None  # type: ignore[arg-type]
        case ColumnType.NUMBER:
            return float(value)  # type: ignore[arg-type]
        case ColumnType.INT:
            return int(value)  # type: ignore[call-overload]
        case ColumnType.DATE:
            return value  # type: ignore[return-value]
    text = str(value)
    return text or None


def row_of(sheet: Sheet, values: dict[str, object]) -> list[Cell]:
    return [cell_of(values.get(c.key), c) for c in sheet.layout]


def fields(obj: object) -> dict[str, object]:
    """Return a slotted dataclass's fields as a dict (shallow, unlike ``asdict``)."""
    return {name: getattr(obj, name) for name in obj.__slots__}  # type: ignore[attr-defined]


def progress_values(record: ProgressRecord) -> dict[str, object]:
    values = fields(record)
    source = record.source
    values.update(
        source_unit=source.unit,
        source_document=source.document,
        source_span=f"{source.span[0]}-{source.span[1]}" if source.span else None,
        source_quote=source.quote,
    )
    return values


def plan_sheet_rows(data: PlanData, indicator_name: IndicatorName) -> SheetRows:
    """Return the plan sheets of ``data`` (计划 … 民生实事) as rows of cells."""
    sheets = {s.name: s for s in PLAN_SHEETS}
    plan_values = fields(data.plan) | fields(data.plan.thresholds)
    rows: SheetRows = {"计划": [row_of(sheets["计划"], plan_values)]}
    rows["地区"] = [row_of(sheets["地区"], fields(r)) for r in data.regions]
    rows["工作领域"] = [row_of(sheets["工作领域"], fields(a)) for a in data.work_areas]
    rows["指标目标"] = [
        row_of(sheets["指标目标"], fields(t) | {"indicator": indicator_name(t.indicator_code)}) for t in data.targets
    ]
    rows["重点任务"] = [row_of(sheets["重点任务"], fields(t)) for t in data.tasks]
    rows["任务节点"] = [
        row_of(sheets["任务节点"], fields(m) | {"task_code": task.code}) for task in data.tasks for m in task.milestones
    ]
    rows["重大项目"] = [row_of(sheets["重大项目"], fields(p)) for p in data.projects]
    rows["民生实事"] = [row_of(sheets["民生实事"], fields(i)) for i in data.livelihood_items]
    return rows


def item_name(item: PlanItem, indicator_name: IndicatorName) -> str:
    """Return the name a person knows an item by (a target without one: its indicator's name)."""
    if isinstance(item, Target):
        return item.name or indicator_name(item.indicator_code)
    return item.name


def progress_sheet_rows(data: PlanData, indicator_name: IndicatorName) -> SheetRows:
    """Return ``data.progress`` split into the four progress sheets by the kind of item."""
    sheets = {s.name: s for s in PROGRESS_SHEETS}
    rows: SheetRows = {s.name: [] for s in PROGRESS_SHEETS}
    index = data.item_index()
    for record in data.progress:
        item = index.get(record.item_code)
        if item is None:
            continue
        name = PROGRESS_SHEET_OF_KIND[item_kind(item)]
        values = progress_values(record) | {"item_name": item_name(item, indicator_name)}
        rows[name].append(row_of(sheets[name], values))
    return rows


def blank_progress_rows(
    data: PlanData, owner_unit: str | None = None, *, include: Callable[[PlanItem], bool] | None = None
) -> SheetRows:
    """Return one pre-filled progress row (code and name) per item, for a unit's blank template.

    With ``owner_unit`` only the items that unit leads are listed; ``include`` narrows
    further (a 区县 user's template also lists the projects in its district).
    """
    name_of = catalog_indicator_name()
    sheets = {s.name: s for s in PROGRESS_SHEETS}
    rows: SheetRows = {s.name: [] for s in PROGRESS_SHEETS}
    for item in data.items():
        if owner_unit is not None and item.owner_unit != owner_unit:
            continue
        if include is not None and not include(item):
            continue
        name = PROGRESS_SHEET_OF_KIND[item_kind(item)]
        rows[name].append(row_of(sheets[name], {"item_code": item.code, "item_name": item_name(item, name_of)}))
    return rows


def exchange_rows(data: PlanData, indicator_name: IndicatorName | None = None) -> SheetRows:
    """Return every plan and progress sheet of ``data``, in template order."""
    name = indicator_name or catalog_indicator_name()
    return plan_sheet_rows(data, name) | progress_sheet_rows(data, name)


def catalog_indicator_name() -> IndicatorName:
    """Return code → catalog name (codes the catalog does not know are written as they are)."""
    from planwatch.catalog import load_catalog

    catalog = load_catalog()

    def name(code: str) -> str:
        indicator = catalog.get(code)
        return indicator.name if indicator else code

    return name


#: The 状态 sheet's headers, in order (see :func:`status_row`).
STATUS_HEADERS = [
    "编码",
    "名称",
    "类别",
    "领域编码",
    "责任单位",
    "所在区县编码",
    "灯号",
    "状态",
    "实际值",
    "目标值",
    "单位",
    "完成率（%）",
    "时序进度（%）",
    "差距（百分点）",
    "超期未报",
    "最近报送",
    "说明",
]
LIGHT_LABELS = {"green": "绿", "yellow": "黄", "red": "红", "grey": "灰"}


def percent(share: float | None) -> float | None:
    return None if share is None else round(share * 100, 2)


def status_row(status: ItemStatus) -> list[Cell]:
    """Return one row of the 状态 sheet for an item's status."""
    return [
        status.code,
        status.name,
        KIND_LABELS.get(str(status.kind), str(status.kind)),
        status.work_area_code,
        status.owner_unit,
        status.district_code,
        LIGHT_LABELS.get(str(status.light), str(status.light)),
        status.state,
        status.actual,
        status.target,
        status.unit,
        percent(status.completion),
        percent(status.time_progress),
        status.gap_pp,
        "是" if status.stale else "否",
        status.last_report,
        status.explanation,
    ]


def status_rows(board: StatusBoard) -> list[list[Cell]]:
    """Return the rows of the 状态 sheet from a status board."""
    return [status_row(item) for item in board.items]
