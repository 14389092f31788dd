"""A unit's progress workbook uploaded on the web: read, checked row by row, then N submissions at once.

The workbook is the one :mod:`planwatch.exchange.templates` makes for the unit (its own
items, pre-filled). It is read by the importer's own reader (cached cell values only, so
a formula is never evaluated or kept) and parser, with the one progress validation every
entry path shares, plus the refusals only an upload has: a row for an item the user does
not answer for, a figure already approved (a correction needs a reason, given on the
item page), a cell a submission cannot carry. Any refusal refuses the whole file with
the file, sheet, row and column named; nothing is written. Warnings (a total below the
last approved one, a jump) must be confirmed by uploading the file again with the tick;
the figures are read from the file each time, never taken from the page. The result is
one *submitted* submission per row, written in one transaction, waiting in the review
queue beside the ones from the form and the API.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from planwatch.app.access import Principal, item_scope, require, require_submit
from planwatch.app.errors import Invalid, NeedsConfirmation
from planwatch.app.progress import check_progress
from planwatch.app.review import decide, submitting_unit
from planwatch.exports.tables import SheetRows, blank_progress_rows
from planwatch.imports.issues import ImportFailed, Issue
from planwatch.imports.parse import parse_progress_tables, workbook_kind
from planwatch.imports.reader import ReadError, read_tables
from planwatch.plan.model import Plan, PlanData, PlanItem, ProgressRecord
from planwatch.plan.validation import LIMITS, WORKBOOK_SUFFIXES, EntryLimits, entry_warnings, upload_problem
from planwatch.store import submissions as subs
from planwatch.store.submissions import NewSubmission, Submission

#: issues a refusal lists at most (the rest are counted).
SHOWN_ISSUES = 20
#: the fields a submission carries; a row filling another (项目阶段, 起始日期) cannot go through review.
NOT_CARRIED = {"stage": "项目阶段", "period_start": "起始日期"}


class UploadRefused(Invalid):
    """The file is refused as a whole; ``issues`` name the file, sheet, row and column of each problem."""

    def __init__(self, name: str, issues: list[Issue]) -> None:
        self.issues = list(issues)
        lines = [str(issue) for issue in self.issues[:SHOWN_ISSUES]]
        if len(self.issues) > SHOWN_ISSUES:
            lines.append(f"… 另有{len(self.issues) - SHOWN_ISSUES}处")
        super().__init__(f"文件“{name}”有{len(self.issues)}处错误，未保存任何数据：\n" + "\n".join(lines))


@dataclass(slots=True)
class Upload:
    """A workbook read and checked: the records to submit, and what the submitter must confirm."""

    name: str
    records: list[ProgressRecord]
    items: dict[str, PlanItem]
    #: (item, date, milestone) → the warning text, for the records it concerns.
    found: dict[tuple[str, object, str | None], str] = field(default_factory=dict)
    #: rows that repeat an approved figure exactly (left out: nothing to review).
    unchanged: int = 0

    @property
    def warnings(self) -> list[str]:
        """Return one line per warned record, in file order."""
        return [
            f"{r.item_code}（{r.as_of.isoformat()}）：{self.found[k]}"
            for r in self.records
            if (k := (r.item_code, r.as_of, r.milestone_key)) in self.found
        ]


def template_units(data: PlanData, principal: Principal) -> list[str]:
    """Return the units whose workbook the user may download: 计划处 any owner unit; a unit user its own."""
    if principal.role == "planning":
        return sorted({item.owner_unit for item in data.items() if item.owner_unit})
    return [principal.unit] if principal.unit else []


def template_rows(data: PlanData, principal: Principal, unit: str | None = None) -> SheetRows:
    """Return the pre-filled rows of the progress workbook ``principal`` may fill (of ``unit`` for 计划处).

    A unit user gets the items it answers for (a 区县 also the projects in its district),
    whatever ``unit`` says; 计划处 gets ``unit``'s items, or every item when none is named.
    """
    require(principal, "submit")
    if principal.role == "planning":
        return blank_progress_rows(data, unit or None)
    return blank_progress_rows(data, include=lambda item: principal.can_submit_for(*item_scope(item)))


def safe_name(name: str) -> str:
    """Return the uploaded file's own name without folders or control characters (for messages and the temp file)."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = re.sub(r"[\x00-\x1f\x7f]", "", base).strip()
    return base[-100:] or "上传文件.xlsx"


def _same_figure(a: ProgressRecord, b: ProgressRecord) -> bool:
    """Tell whether two records of one key say the same thing (a re-uploaded approved row)."""
    return (a.value, a.cumulative, a.narrative or "") == (b.value, b.cumulative, b.narrative or "")


def _vetting(
    principal: Principal, stored: Callable[[str], list[ProgressRecord]]
) -> Callable[[ProgressRecord, PlanItem], Iterable[tuple[str | None, str]]]:
    """Return the upload's own row check: the user's unit, locked figures, cells a submission cannot carry."""

    def vet(record: ProgressRecord, item: PlanItem) -> list[tuple[str | None, str]]:
        if not principal.can_submit_for(item.owner_unit, getattr(item, "district_code", None)):
            mine = principal.unit or "未指定单位"
            return [("item_code", f"“{item.code}”由“{item.owner_unit}”负责，不是本单位（{mine}）的事项，不能代为填报")]
        problems: list[tuple[str | None, str]] = []
        if record.stage is not None:
            problems.append(("stage", "网上报送不含项目阶段，请留空（阶段变化请告知计划处）"))
        if record.period_start is not None:
            problems.append(("period_start", "网上报送不含起始日期，请留空（本期新增数按上次报送至截至日期计）"))
        for earlier in stored(record.item_code):
            key = (earlier.as_of, earlier.milestone_key or None)
            if key == (record.as_of, record.milestone_key or None) and not _same_figure(earlier, record):
                problems.append(
                    (
                        "as_of",
                        f"“{item.code}”截至{record.as_of.isoformat()}的进度已审核通过并锁定；"
                        "如需更正，请在事项页面填写更正原因后提交",
                    )
                )
        return problems

    return vet


def read_upload(
    store,  # type: ignore[no-untyped-def]
    principal: Principal,
    plan: Plan,
    name: str,
    content: bytes,
    *,
    limits: EntryLimits = LIMITS,
) -> Upload:
    """Read and check an uploaded progress workbook for ``principal``; raise :class:`UploadRefused` on any refusal.

    Nothing is written. Type (xlsx only) and size are checked first, then every row, all
    problems reported at once.
    """
    name = safe_name(name)
    problem = upload_problem(name, len(content), limits, suffixes=WORKBOOK_SUFFIXES)
    if problem is not None:
        raise UploadRefused(name, [Issue(name, problem.detail)])
    data = store.load_plan_data(plan.code, progress=False)
    items = data.item_index()
    history: dict[str, list[ProgressRecord]] = {}

    def stored(code: str) -> list[ProgressRecord]:
        if code not in history:
            history.update(store.items_progress(plan.code, [code]))
            history.setdefault(code, [])
        return history[code]

    with tempfile.TemporaryDirectory(prefix="planwatch-upload-") as folder:
        path = Path(folder) / name
        path.write_bytes(content)
        try:
            tables = read_tables(path)
        except ReadError as exc:
            raise UploadRefused(name, [Issue(name, exc.reason)]) from None
    if workbook_kind(tables) != "progress":
        words = "不是进展填报表：请下载本页的进展填报模板填写后上传（计划文件请交计划处导入）"
        raise UploadRefused(name, [Issue(name, words)])
    try:
        records = parse_progress_tables(tables, data, source=name, vet=_vetting(principal, stored))
    except ImportFailed as failed:
        raise UploadRefused(name, failed.issues) from None
    if not records:
        raise UploadRefused(name, [Issue(name, "文件中没有填写任何进展（只有编码和名称的行视为未报送）")])
    fresh = [
        r
        for r in records
        if not any(
            e.as_of == r.as_of and (e.milestone_key or None) == (r.milestone_key or None) for e in stored(r.item_code)
        )
    ]
    unchanged = len(records) - len(fresh)
    check_progress(plan, fresh, items, limits)
    found = entry_warnings(fresh, {r.item_code: stored(r.item_code) for r in fresh}, items, limits)
    return Upload(name, fresh, items, found, unchanged)


def submit_upload(
    store,  # type: ignore[no-untyped-def]
    principal: Principal,
    plan: Plan,
    upload: Upload,
    *,
    confirm: bool = False,
) -> list[Submission]:
    """Record the upload's records as *submitted* submissions in one transaction; return them.

    Raises :class:`NeedsConfirmation` with the warnings unless ``confirm``; an open
    submission of the same (item, date, milestone) is superseded as a resubmission.
    """
    warnings = upload.warnings
    if warnings and not confirm:
        raise NeedsConfirmation(warnings)
    batch: list[tuple[NewSubmission, list[Submission]]] = []
    for record in upload.records:
        item = upload.items[record.item_code]
        require_submit(principal, item, record.item_code)
        key = (record.item_code, record.as_of, record.milestone_key)
        new = NewSubmission(
            item_code=record.item_code,
            as_of=record.as_of,
            value=record.value,
            cumulative=record.cumulative,
            narrative=record.narrative or "",
            unit=submitting_unit(principal, item),
            milestone_key=record.milestone_key,
            warning=upload.found.get(key),
        )
        open_ones = subs.same_key(store.engine, plan.code, new, subs.OPEN_STATES)
        for old in open_ones:
            decide(old.state, "resubmit", principal, old.unit)
        batch.append((new, open_ones))
    return subs.add_many(store.engine, plan.code, batch, user=principal.name)
