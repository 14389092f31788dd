"""The panel as a terminal table, CSV (UTF-8 with BOM, formula-safe), an Excel workbook, Arrow or Parquet.

One column list (``panel.COLUMNS``) drives every format; the writers are the project's own:
CSV cells go through ``exports.writers.csv_cell`` (formula injection neutralised), workbook
cells through ``exchange.templates.as_literal``, files are written atomically.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from planwatch.atomic import atomic_file
from planwatch.library.panel import COLUMNS, PanelRow
from planwatch.library.vocabulary import NON_NUMERIC
from planwatch.plan.model import QUALIFIER_WORDS

FORMATS = ("table", "csv", "xlsx", "parquet")
PARQUET_HINT = "导出 Parquet 需要 pyarrow：请运行 pip install 'planwatch[parquet]'"
#: Chinese headers of the terminal table and the workbook's second header row.
HEADERS_ZH: dict[str, str] = {
    "region": "地区", "region_code": "区划代码", "year": "年份", "indicator": "指标", "measure": "口径",
    "unit": "单位", "target_value": "目标值", "target_low": "目标下限", "target_high": "目标上限",
    "target_qualifier": "目标限定", "actual_value": "实际值", "gap": "差距（百分点）", "met": "是否完成",
    "target_source": "目标来源", "actual_source": "实际来源", "region_level": "层级", "target_quote": "目标原文",
    "actual_quote": "实际原文", "other_actuals": "其他来源的实际值",
}  # fmt: skip
MEASURE_ZH = {"growth": "增速", "level": "总量", "ratio": "比率"}
QUALIFIER_ZH = {
    **{qualifier.value: word for qualifier, word in QUALIFIER_WORDS.items()},
    "nearly": "接近",  # facts only: 接近 a level, never a plan's qualifier
    NON_NUMERIC: NON_NUMERIC,
}
TABLE_COLUMNS = (
    "region", "year", "indicator", "measure", "unit", "target_value", "target_high", "target_qualifier",
    "actual_value", "gap", "met",
)  # fmt: skip
#: Arrow types of the numeric columns (the rest are text).
NUMBER_COLUMNS = frozenset({"target_value", "target_low", "target_high", "actual_value", "gap"})


class ParquetUnavailable(RuntimeError):
    """pyarrow is not installed; the message names the extra that brings it."""


def records(rows: Sequence[PanelRow]) -> list[dict[str, Any]]:
    """Return the rows as plain dicts in ``COLUMNS`` order (what CSV, the API and notebooks get)."""
    return [row.to_dict() for row in rows]


def _shown(key: str, value: Any) -> str:
    from planwatch.exchange.cells import shown

    if value is None:
        return "—" if key in ("actual_value", "target_value", "gap") else ""
    if key == "met":
        return "是" if value else "否"
    if key == "measure":
        return MEASURE_ZH.get(value, value)
    if key == "target_qualifier":
        return QUALIFIER_ZH.get(value, value)
    if key == "target_high":
        return f"—{shown(value)}"
    return shown(value)


def to_table(rows: Sequence[PanelRow]) -> str:
    """Return the panel as an aligned plain-text table with Chinese headers, and a count line."""
    from planwatch.monitor.render import format_table

    headers = [HEADERS_ZH[c] if c != "target_high" else "上限" for c in TABLE_COLUMNS]
    cells = [[_shown(c, r.get(c)) for c in TABLE_COLUMNS] for r in records(rows)]
    right = frozenset(i for i, c in enumerate(TABLE_COLUMNS) if c in NUMBER_COLUMNS or c == "year")
    return format_table(headers, cells, right) + f"\n共 {len(rows)} 行"


def to_csv(rows: Iterable[PanelRow]) -> str:
    """Return the panel as CSV text (English column names as the issue fixes them; formula-safe cells)."""
    return "".join(csv_lines(rows))


def csv_lines(rows: Iterable[PanelRow]) -> Iterator[str]:
    """Yield the CSV's header line, then one line per row as the rows come (a streamed panel stays streamed)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")

    def line(cells: Sequence[Any]) -> str:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(cells)
        return buffer.getvalue()

    yield line(COLUMNS)
    for row in rows:
        record = row.to_dict()
        yield line([_csv_value(record[c]) if c != "met" else _met(record[c]) for c in COLUMNS])


def _csv_value(value: Any) -> str:
    from planwatch.exports.writers import csv_cell

    return csv_cell(value)


def _met(value: bool | None) -> str:
    return "" if value is None else ("true" if value else "false")


def write_csv(rows: Iterable[PanelRow], path: str | os.PathLike[str]) -> int:
    """Write the panel as UTF-8 CSV with a BOM (Excel and WPS open it as Chinese), atomically; return its rows.

    Rows are written as they come, so ``iter_panel_rows`` goes to a file of any size in flat memory.
    """
    count = -1  # the header is no row
    with atomic_file(path) as tmp, tmp.open("w", encoding="utf-8-sig", newline="") as f:
        for line in csv_lines(rows):
            f.write(line)
            count += 1
    return count


def write_xlsx(rows: Sequence[PanelRow], path: str | os.PathLike[str]) -> None:
    """Write the panel as a workbook: one sheet 对比面板, English names in row 1 as in the CSV, then the rows."""
    from openpyxl import Workbook

    from planwatch.exchange.templates import add_table_sheet

    with atomic_file(path) as tmp:
        workbook = Workbook(write_only=True)
        data = [[r[c] for c in COLUMNS] for r in records(rows)]
        widths = {"A": 14, "D": 24, "N": 40, "O": 40, "Q": 60, "R": 60}
        add_table_sheet(workbook, "对比面板", list(COLUMNS), data, widths)
        add_table_sheet(workbook, "列说明", ["列名", "含义"], [[c, HEADERS_ZH[c]] for c in COLUMNS], {"A": 20, "B": 30})
        workbook.save(tmp)


def to_arrow(rows: Sequence[PanelRow]):
    """Return the panel as a ``pyarrow.Table`` (numbers as float64, ``met`` as bool, ``year`` as int)."""
    try:
        import pyarrow as pa
    except ImportError as exc:
        raise ParquetUnavailable(PARQUET_HINT) from exc
    data = records(rows)
    arrays = []
    for c in COLUMNS:
        values = [r[c] for r in data]
        if c in NUMBER_COLUMNS:
            arrays.append(pa.array(values, type=pa.float64()))
        elif c == "year":
            arrays.append(pa.array(values, type=pa.int32()))
        elif c == "met":
            arrays.append(pa.array(values, type=pa.bool_()))
        else:
            arrays.append(pa.array(values, type=pa.string()))
    return pa.Table.from_arrays(arrays, names=list(COLUMNS))


def write_parquet(rows: Sequence[PanelRow], path: str | os.PathLike[str]) -> None:
    """Write the panel as one Parquet file, atomically; without pyarrow say which extra to install."""
    table = to_arrow(rows)
    import pyarrow.parquet as pq

    with atomic_file(path) as tmp:
        pq.write_table(table, tmp)
