"""Import a plan or progress file into the store: read, check everything, then write once.

The file is read and checked in full before the store is touched; a file with any
problem raises :class:`ImportFailed` and writes nothing. The write is one store call
(one transaction) that upserts by code, so importing the same file again changes nothing.
"""

from __future__ import annotations

import gc
import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from planwatch.exchange.columns import ALL_SHEETS
from planwatch.exchange.headers import check_headers, check_sheet_names
from planwatch.imports.issues import ImportFailed, Issue
from planwatch.imports.parse import parse_plan_tables, parse_progress_tables, workbook_kind
from planwatch.imports.reader import ReadError, Table, read_tables

if TYPE_CHECKING:
    from planwatch.store import Store
    from planwatch.store.summary import ChangeSummary


@dataclass(slots=True)
class ImportResult:
    """What an import did: the kind of file, the plan it went into, and the store's counts."""

    path: str
    kind: Literal["plan", "progress"]
    plan_code: str
    summary: ChangeSummary
    rows: dict[str, int] = field(default_factory=dict)  # data rows read per sheet
    #: What was left out on purpose: unknown columns and sheets (the import went ahead).
    warnings: list[Issue] = field(default_factory=list)

    def describe(self) -> str:
        """Say in Chinese what was imported: the file, the plan, counts per kind, then what was left out."""
        what = "计划" if self.kind == "plan" else "进展"
        total = sum(self.rows.values())
        head = f"已导入{what}文件 {self.path}（计划 {self.plan_code}，{len(self.rows)}张表，{total}行）"
        if not self.summary.counts:
            body = f"{head}\n文件中没有需要导入的数据（进展行只填了编码和名称的视为未报送）"
        else:
            body = f"{head}\n{self.summary.describe()}"
        return "\n".join([body, *(f"警告：{issue}" for issue in self.warnings)])


def ignored_parts(tables: dict[str, Table], source: str) -> list[Issue]:
    """Return a warning per unknown sheet and per unknown column of a known sheet (they are not read)."""
    filled = {name: bool(len(table) or table.headers) for name, table in tables.items()}
    warnings = [Issue(source, f.message) for f in check_sheet_names(list(tables), filled) if not f.error]
    for name, table in tables.items():
        sheet = ALL_SHEETS.get(name)
        if sheet is None:
            continue
        for finding in check_headers(table.written, sheet):
            if not finding.error:
                warnings.append(Issue(table.source, finding.message, name, table.header_row))
    return warnings


def fail(source: str, message: str) -> ImportFailed:
    """Return an :class:`ImportFailed` with one file-level issue."""
    return ImportFailed([Issue(source, message)])


def _plan_of(store: Store, plan_code: str | None, source: str) -> str:
    """Return the code of the plan a file goes into (:func:`planwatch.app.choose_plan`), or fail naming the file."""
    from planwatch.app import AppError, choose_plan

    try:
        return choose_plan(store, plan_code).code
    except AppError as exc:
        raise fail(source, str(exc)) from exc


def import_file(
    store: Store,
    path: str | os.PathLike[str],
    *,
    as_of: date | None = None,
    user: str,
    plan_code: str | None = None,
    replace: bool = False,
) -> ImportResult:
    """Import a plan or progress workbook (xlsx, csv, or a folder/zip of csv) into ``store``.

    A plan workbook (it has plan sheets such as 计划, 重大项目) replaces the plan's items
    by code, together with any progress sheets it carries — without a 计划 sheet it
    updates ``plan_code`` (or the store's only plan) with just the items it lists; a progress workbook (only
    progress sheets) adds progress to ``plan_code`` or to the store's only plan.
    ``as_of`` fills blank 截至日期 cells. Raises :class:`ImportFailed` with every issue;
    nothing is written then.
    """
    # A big file makes millions of small objects without cycles; the cyclic collector
    # would rescan them over and over while they pile up.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _import(store, path, as_of=as_of, user=user, plan_code=plan_code, replace=replace)
    finally:
        if collecting:
            gc.enable()


def _import(
    store: Store,
    path: str | os.PathLike[str],
    *,
    as_of: date | None,
    user: str,
    plan_code: str | None,
    replace: bool = False,
) -> ImportResult:
    from planwatch.app import AppError, record_approved
    from planwatch.store.summary import StoreError

    source = Path(path).name
    vouched = f"导入文件 {source}"  # kept on each approved submission: how the figure arrived
    try:
        tables = read_tables(path)
    except ReadError as exc:
        raise fail(exc.source, exc.reason) from exc
    rows = {name: len(table) for name, table in tables.items() if name in ALL_SHEETS}
    warnings = ignored_parts(tables, source)
    kind = workbook_kind(tables)
    if kind is None:
        misnamed = [Issue(source, f.message) for f in check_sheet_names(list(tables)) if f.error]
        if misnamed:
            raise ImportFailed(misnamed)
        raise fail(source, "没有可识别的工作表：计划文件应有“计划”等工作表，进展文件应有“项目进展”等工作表")
    try:
        if kind == "plan":
            base = None
            if "计划" not in tables and (plan_code is not None or store.list_plans()):
                # a partial file (only 重大项目, say) updates a stored plan
                base = store.load_plan_data(_plan_of(store, plan_code, source), progress=False)
            data = parse_plan_tables(tables, source=source, as_of=as_of, base=base)
            tables.clear()  # the raw rows are typed now: free them before the store is written
            if plan_code is not None and data.plan.code != plan_code:
                raise fail(source, f"文件中的计划编码是“{data.plan.code}”，与 --plan {plan_code} 不符")
            if replace and base is not None:
                raise fail(source, "文件没有“计划”工作表，只更新其中列出的事项，不能与 --replace 同用")
            # a whole plan is a snapshot: stored items it leaves out are listed, or deleted under --replace
            absent = "replace" if replace else ("report" if base is None else "ignore")
            summary = store.save_plan_data(data, user=user, absent=absent, approved_source=vouched)
            code = data.plan.code
        else:
            if replace:
                raise fail(source, "--replace 只用于计划文件；进展文件按编码和日期更新，不删除任何记录")
            code = _plan_of(store, plan_code, source)
            plan = store.load_plan_data(code, progress=False)
            records = parse_progress_tables(tables, plan, source=source, as_of=as_of)
            tables.clear()  # the raw rows are typed now: free them before the store is written
            # the importer's user vouches for the figures by running it: each is recorded as a
            # submission approved by that user; the warnings are printed and kept on the records
            submitted = record_approved(
                store, plan.plan, records, user=user, source=vouched, items=plan.item_index(), confirm=True
            )
            del plan
            summary = submitted.summary
            warnings.extend(Issue(source, f"请核对 {text}") for text in submitted.warnings)
    except AppError as exc:
        raise fail(source, f"未导入任何数据：{exc}") from exc
    except StoreError as exc:
        raise fail(source, f"数据库拒绝写入，未导入任何数据：{exc}") from exc
    return ImportResult(str(path), kind, code, summary, rows, warnings)
