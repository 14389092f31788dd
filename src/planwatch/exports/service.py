"""Export a stored plan: load it, turn it into exchange tables, write them in one format."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from planwatch.exchange.columns import STATUS_SHEET
from planwatch.exports.tables import exchange_rows, status_rows
from planwatch.exports.writers import write_csv, write_parquet, write_xlsx

if TYPE_CHECKING:
    from planwatch.monitor import StatusBoard
    from planwatch.store import Store

ExportFormat = Literal["xlsx", "csv", "parquet"]
WRITERS = {"xlsx": write_xlsx, "csv": write_csv, "parquet": write_parquet}


@dataclass(slots=True)
class ExportResult:
    """What an export wrote: where, in which format, and how many rows per sheet."""

    path: str
    format: str
    plan_code: str
    rows: dict[str, int] = field(default_factory=dict)

    def describe(self) -> str:
        """Say in Chinese what was written, one sheet per clause."""
        counts = "，".join(f"{name} {n}行" for name, n in self.rows.items())
        return f"已导出计划 {self.plan_code} 到 {self.path}（{self.format}）：{counts}"


def export_plan(
    store: Store,
    plan_code: str,
    fmt: ExportFormat,
    path: str | os.PathLike[str],
    *,
    board: StatusBoard | None = None,
) -> ExportResult:
    """Write plan ``plan_code`` with all its progress to ``path`` as xlsx, CSV or Parquet.

    xlsx gives one workbook in the template layout (it imports again unchanged); csv a
    folder — or a ``.zip`` — of one UTF-8 CSV per sheet; parquet a folder of one file per
    sheet. With ``board`` (the application layer's board of the plan on a date) a 状态
    sheet adds every item's status on that date.
    """
    if fmt not in WRITERS:
        raise ValueError(f"导出格式只能是 xlsx、csv 或 parquet，不是“{fmt}”")
    data = store.load_plan_data(plan_code)
    rows = exchange_rows(data)
    if board is not None:
        rows[STATUS_SHEET] = status_rows(board)
    WRITERS[fmt](rows, path)
    return ExportResult(os.fspath(path), fmt, plan_code, {name: len(r) for name, r in rows.items()})
