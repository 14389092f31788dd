"""What the pages and the API show, built from a plan and its status board.

Pure functions over :class:`~planwatch.plan.model.PlanData` and the status engine's board,
plus the edge functions (:func:`load_history`, :func:`item_history`) that read the store. Routes stay thin: they
parse the query, call these, and render or return the result.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from planwatch.app import errors as app_errors
from planwatch.app.board import Evaluation, find_item
from planwatch.monitor import ItemStatus, StatusBoard
from planwatch.monitor.board import RollupBy
from planwatch.monitor.wording import KIND_LABELS
from planwatch.plan import numbers
from planwatch.plan.fold import adds_up, running_totals
from planwatch.plan.model import (
    KeyTask,
    LivelihoodItem,
    Plan,
    PlanData,
    PlanItem,
    ProgressRecord,
    Project,
    Target,
    item_kind,
)
from planwatch.web import labels
from planwatch.web.schemas import (
    AuditOut,
    DefinitionField,
    ItemDetailOut,
    ItemStatusOut,
    KindRow,
    LightCounts,
    MilestoneOut,
    PlanOut,
    ProgressOut,
    ReportFigureOut,
    RollupRow,
    StatusOut,
)

#: A plan or item the request names does not exist (the application layer's error).
NotFound = app_errors.NotFound


# ---------------------------------------------------------------------------- the store edge


def load_history(store, plan_code: str, as_of: date) -> PlanData:
    """Return the plan's data with every progress record up to ``as_of``."""
    return store.load_plan_data(plan_code, as_of=as_of)


def item_history(store, data: PlanData, item_code: str, as_of: date) -> PlanData:
    """Return ``data`` with one item's whole progress history up to ``as_of`` as its progress.

    The item page needs that item's records only: ``Store.item_progress`` reads them
    through the (plan, item, as-of) index, where the plan's whole history would be a
    million rows on a big plan. ``data`` (the selection's plan, shared by requests) is
    not changed; the copy shares its item lists.
    """
    return replace(data, progress=store.item_progress(data.plan.code, item_code, as_of=as_of))


ACTIONS = {"insert": "新增", "update": "修改", "delete": "删除"}

#: fields of an audit row's before/after that a reader cares about, with their labels.
AUDIT_FIELDS = {
    "value": "数值",
    "cumulative": "累计口径",
    "narrative": "情况说明",
    "source_unit": "报送单位",
    "stage": "阶段",
    "name": "名称",
    "owner_unit": "责任单位",
    "annual_planned_investment": "年度计划投资",
    "annual_quantity": "年度目标",
    "goal_quantity": "年度目标",
    "value_high": "目标上限",
}


def audit_keys(plan_code: str, item_code: str, records: Iterable[ProgressRecord]) -> list[str]:
    """Return the audit-log keys of an item and its progress records, as the store writes them.

    An item is ``PLAN/ITEM``; a progress record ``PLAN/ITEM/AS_OF`` (``/MILESTONE`` added).
    """
    keys = [f"{plan_code}/{item_code}"]
    for record in records:
        key = f"{plan_code}/{item_code}/{record.as_of.isoformat()}"
        keys.append(f"{key}/{record.milestone_key}" if record.milestone_key else key)
    return list(dict.fromkeys(keys))


def describe_change(before: dict | None, after: dict | None) -> str:
    """Return what an audit row changed: 数值 12 → 15 for an update, the figure for a new record."""
    if not before or not after:
        row = after or before or {}
        if "value" in row:
            return f"数值 {_audit_value(row['value'])}" if row["value"] is not None else "节点或阶段"
        return "建立事项" if after else "删除事项"
    parts = [
        f"{label} {_audit_value(before.get(key))} → {_audit_value(after.get(key))}"
        for key, label in AUDIT_FIELDS.items()
        if before.get(key) != after.get(key)
    ]
    return "；".join(parts) or "—"


def _audit_value(value: object) -> str:
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, int | float):
        return format_number(value)
    return str(value) if value not in (None, "") else "空"


def item_changes(store, plan_code: str, item_code: str, records: Iterable[ProgressRecord], limit: int = 10):
    """Return the newest audit entries of an item and its progress records (newest first)."""
    entries = store.audit_log(limit=limit, keys=audit_keys(plan_code, item_code, records))  # one query
    return [
        AuditOut(
            at=entry.at,
            user=entry.user,
            action=ACTIONS.get(entry.action, entry.action),
            record="事项定义" if entry.key.count("/") == 1 else f"{entry.key.split('/')[2]} 进度",
            change=describe_change(entry.before, entry.after),
        )
        for entry in entries[:limit]
    ]


def report_figures(store, plan_code: str, item_code: str, records: list[ProgressRecord], as_of: date):
    """Return the report figures ingest matched to an item up to ``as_of``, each beside the unit's record of its date.

    The unit's record is the item's progress a unit submitted (not one taken from a report);
    who accepted it is the reviewer of its approved submission, or else whoever wrote it
    (an import by the planning office). ``differs`` follows :mod:`planwatch.ingest.beside`.
    """
    from planwatch.ingest.beside import pair
    from planwatch.store import submissions as subs
    from planwatch.store.report_figures import item_figures

    figures = [f for f in item_figures(store, plan_code, item_code) if f.as_of is not None and f.as_of <= as_of]
    if not figures:
        return []
    own = [r for r in records if r.source.unit and not r.source.document]
    approved = subs.of_item(store.engine, plan_code, item_code, states=("approved",), limit=500, newest_first=True)
    reviewers: dict[tuple[date, float | None], str | None] = {}
    for submission in approved:  # newest first: the approval of the figure the record holds
        if not submission.milestone_key:
            reviewers.setdefault((submission.as_of, submission.value), submission.reviewed_by)
    out = []
    for beside in pair(own, figures):
        report, unit = beside.report, beside.unit
        row = ReportFigureOut.model_validate(report, from_attributes=True)
        row.link = f"/library/{report.document_id}?fig={report.span[0]}#s{report.span[0]}"
        row.differs = beside.differs
        if unit is not None:
            row.submitted_value, row.submitted_unit = unit.value, unit.source.unit
            approval = reviewers.get((unit.as_of, unit.value))
            row.reviewed_by = approval or _written_by(store, plan_code, item_code, unit)
        out.append(row)
    return out


def _written_by(store, plan_code: str, item_code: str, record: ProgressRecord) -> str | None:
    """Return who last wrote a progress record, from the audit log (None when the log has no row of it)."""
    (key,) = audit_keys(plan_code, item_code, [record])[1:]
    entries = store.audit_log(limit=1, key=key)
    return entries[0].user if entries else None


def month_ends(year: int) -> list[date]:
    """Return the twelve month ends of a year: the dates planning offices review status at."""
    return [date(year, month + 1, 1) - timedelta(days=1) for month in range(1, 12)] + [date(year, 12, 31)]


# ---------------------------------------------------------------------------- formatting


#: one formatter for pages and messages (missing, NaN and infinite figures read "—").
format_number, format_percent, format_pp = numbers.format_number, numbers.format_percent, numbers.format_pp


# ---------------------------------------------------------------------------- status view


def plan_out(plan: Plan, regions: Iterable = ()) -> PlanOut:
    """Return the listing of a plan, naming its region when it is known."""
    names = {region.code: region.name for region in regions}
    return PlanOut(
        code=plan.code,
        title=plan.title,
        year=plan.year,
        region_code=plan.region_code,
        region_name=names.get(plan.region_code),
        source_document=plan.source_document,
    )


def item_status_out(status: ItemStatus, board: StatusBoard) -> ItemStatusOut:
    """Return the page/API view of one item's status (names resolved, labels in Chinese)."""
    district = status.district_code
    return ItemStatusOut(
        code=status.code,
        kind=status.kind.value,
        kind_label=status.kind_label,
        name=status.name,
        work_area_code=status.work_area_code,
        work_area=board.label_of("work_area", status.work_area_code) if status.work_area_code else None,
        owner_unit=status.owner_unit,
        district_code=district,
        district=board.label_of("district", district) if district else None,
        light=status.light.value,
        light_label=labels.LIGHTS[status.light.value][0],
        state=status.state,
        unit=status.unit,
        actual=status.actual,
        target=status.target,
        target_high=status.target_high,
        completion=status.completion,
        time_progress=status.time_progress,
        gap_pp=status.gap_pp,
        explanation=status.explanation,
        stale=status.stale,
        overdue=status.overdue,
        last_report=status.last_report,
    )


def light_counts(counts: dict) -> LightCounts:
    """Return the engine's per-light counts as the response model."""
    return LightCounts(**{str(light): n for light, n in counts.items()})


def rollup_rows(board: StatusBoard, by: RollupBy) -> list[RollupRow]:
    """Return the engine's roll-up by work area, owner unit or district as response rows."""
    return [
        RollupRow(
            key=r.key,
            label=r.label,
            counts=light_counts(r.counts),
            average_completion=r.average_completion,
            stale=r.stale,
            worst=[i.code for i in r.worst],
        )
        for r in board.rollup(by)
    ]


def status_view(
    data: PlanData, board: StatusBoard, *, with_items: bool = True, alert_limit: int | None = None
) -> StatusOut:
    """Return the status board of a plan as the pages and the API show it.

    The dashboard needs counts, roll-ups and the worst alerts only; ``with_items=False``
    and ``alert_limit`` keep a plan of 100,000 projects from being converted row by row.
    """
    alerts = board.alerts()
    kinds = [
        KindRow(kind=kind.value, label=label, counts=light_counts(board.kind_counts(kind)))
        for kind, label in KIND_LABELS.items()
    ]
    return StatusOut(
        plan=plan_out(data.plan, data.regions),
        as_of=board.as_of,
        time_progress=board.time_progress,
        counts=light_counts(board.counts()),
        kinds=[row for row in kinds if row.counts.total],
        rollups={by: rollup_rows(board, by) for by in labels.ROLLUPS},
        stale_count=board.stale_count(),
        overdue_count=board.overdue_count(),
        alert_count=len(alerts),
        alerts=[item_status_out(status, board) for status in alerts[:alert_limit]],
        items=[item_status_out(status, board) for status in board.items] if with_items else [],
    )


# ---------------------------------------------------------------------------- item list


_KIND_ORDER = {kind: i for i, kind in enumerate(labels.KINDS)}


def sort_value(item: ItemStatus, key: str):  # type: ignore[no-untyped-def]
    """Return the value of ``item`` the item list sorts by under column ``key`` (None: sorts last)."""
    match key:
        case "name":
            return item.name
        case "kind":
            return _KIND_ORDER.get(item.kind, 9)
        case "light":
            return labels.LIGHT_SEVERITY.get(item.light, 9)
        case "completion":
            return item.completion
        case "gap":
            return item.gap_pp
        case "unit":
            return item.owner_unit
        case "last_report":
            return item.last_report
        case _:
            return item.code


def sort_items(items: list[ItemStatus], key: str, descending: bool = False) -> list[ItemStatus]:
    """Return items sorted by a column of the item list; missing values always go last."""
    present = [i for i in items if sort_value(i, key) is not None]
    missing = [i for i in items if sort_value(i, key) is None]
    present.sort(key=lambda i: (sort_value(i, key), i.code), reverse=descending)
    return present + missing


@dataclass(slots=True)
class SortedItems:
    """A whole board's items in the item list's order, kept so a few changed items just move.

    ``present`` holds the items with a value ascending by (value, code), ``missing`` the
    others in board order; :attr:`rows` is what :func:`sort_items` gives. A cached board
    brought up to date (:func:`planwatch.app.board.refreshed`) calls :meth:`follow`, so a
    list of 100,000 items is not sorted again for every approval.
    """

    key: str
    descending: bool
    present: list[ItemStatus]
    missing: list[ItemStatus]
    _rows: list[ItemStatus] | None = field(default=None, repr=False)

    @classmethod
    def of(cls, items: list[ItemStatus], key: str, descending: bool = False) -> SortedItems:
        """Return the items in the order of column ``key``."""
        present = [i for i in items if sort_value(i, key) is not None]
        present.sort(key=lambda i: (sort_value(i, key), i.code))
        return cls(key, descending, present, [i for i in items if sort_value(i, key) is None])

    @property
    def rows(self) -> list[ItemStatus]:
        """Return the items in list order (worked out once)."""
        if self._rows is None:
            self._rows = (self.present[::-1] if self.descending else self.present) + self.missing
        return self._rows

    def follow(self, changed: list[tuple[ItemStatus, ItemStatus]], evaluation: Evaluation) -> SortedItems:
        """Return the list with each (old, new) status pair's old status replaced by the new one in its place."""
        key, positions = self.key, evaluation.board.positions
        present, missing = list(self.present), list(self.missing)

        def ordered(item: ItemStatus):  # type: ignore[no-untyped-def]
            return (sort_value(item, key), item.code)

        def in_board(item: ItemStatus) -> int:
            return positions[item.code]

        for old, new in changed:
            if sort_value(old, key) is None:
                del missing[bisect.bisect_left(missing, in_board(old), key=in_board)]
            else:
                del present[bisect.bisect_left(present, ordered(old), key=ordered)]
            if sort_value(new, key) is None:
                bisect.insort(missing, new, key=in_board)
            else:
                bisect.insort(present, new, key=ordered)
        return SortedItems(key, self.descending, present, missing)


# ---------------------------------------------------------------------------- item detail


def _units(units: list[str]) -> str:
    return "、".join(units) if units else "—"


def _date(value: date | None) -> str:
    return value.isoformat() if value else "—"


def definition_of(item: PlanItem, data: PlanData) -> list[DefinitionField]:
    """Return the labelled lines that define a plan item, by its kind."""
    areas = {area.code: area.title for area in data.work_areas}
    regions = {region.code: region.name for region in data.regions}
    kind = item_kind(item).value
    lines: list[tuple[str, str]] = [("编号", item.code), ("类别", labels.KINDS[kind])]
    match item:
        case Target():
            target = format_number(item.value)
            if item.value_high is not None:
                target += f"—{format_number(item.value_high)}"
            qualifier = labels.QUALIFIERS.get(item.qualifier.value, "") if item.qualifier else ""
            lines += [
                ("名称", item.name or item.indicator_code),
                ("指标编码", item.indicator_code),
                ("目标类型", labels.MEASURES.get(item.measure.value, item.measure.value)),
                ("目标值", f"{target}{item.unit}{qualifier}"),
                ("按时序累计", "是" if item.cumulative else "否"),
                ("责任单位", item.owner_unit or "—"),
            ]
            if item.note:
                lines.append(("备注", item.note))
        case KeyTask():
            lines += [("名称", item.name), ("责任单位", item.owner_unit), ("配合单位", _units(item.co_units))]
            if item.annual_quantity is not None:
                lines.append(("年度目标", f"{format_number(item.annual_quantity)}{item.unit or ''}"))
            if item.milestones:
                lines.append(("节点数", f"{len(item.milestones)}个"))
        case Project():
            lines += [
                ("名称", item.name),
                ("业主/责任单位", item.owner_unit),
                ("所在区县", regions.get(item.district_code, item.district_code)),
                ("行业", item.industry),
                ("建设阶段", labels.STAGES.get(item.stage.value, item.stage.value)),
                ("总投资", f"{format_number(item.total_investment)}万元"),
                ("年度计划投资", f"{format_number(item.annual_planned_investment)}万元"),
                ("计划开工", _date(item.planned_start)),
                ("计划竣工", _date(item.planned_finish)),
            ]
        case LivelihoodItem():
            lines += [
                ("名称", item.name),
                ("责任单位", item.owner_unit),
                ("配合单位", _units(item.co_units)),
                ("年度目标", f"{format_number(item.goal_quantity)}{item.unit}"),
            ]
    if item.work_area_code:
        lines.append(("工作领域", areas.get(item.work_area_code, item.work_area_code)))
    lines.append(("报送周期", labels.CYCLES.get(item.reporting_cycle.value, item.reporting_cycle.value)))
    return [DefinitionField(label=label, value=value) for label, value in lines]


def progress_history(item: PlanItem, records: Iterable[ProgressRecord]) -> list[ProgressOut]:
    """Return an item's progress records in date order, with the running cumulative figure.

    Cumulative records reset the running total; period records add to it — the one fold
    (:func:`planwatch.plan.fold.running_totals`) the status engine uses. Rate targets report
    year-to-date rates, which do not add up, so they carry no running total.
    """
    counts = adds_up(item)
    rows = []
    for record, running in running_totals(sorted(records, key=lambda r: (r.as_of, r.milestone_key or ""))):
        rows.append(
            ProgressOut(
                as_of=record.as_of,
                period_start=record.period_start,
                value=record.value,
                cumulative=record.cumulative,
                running_total=running if counts and record.value is not None else None,
                milestone_key=record.milestone_key,
                stage=labels.STAGES.get(record.stage.value) if record.stage else None,
                narrative=record.narrative,
                source=record.source.describe(),
                warning=record.warning or None,
            )
        )
    return rows


def milestones_of(item: PlanItem, records: Iterable[ProgressRecord]) -> list[MilestoneOut]:
    """Return a task's milestones with the date progress marked each one done."""
    if not isinstance(item, KeyTask):
        return []
    done: dict[str, date] = {}
    for record in records:
        if record.milestone_key and record.milestone_key not in done:
            done[record.milestone_key] = record.as_of
        elif record.milestone_key:
            done[record.milestone_key] = min(done[record.milestone_key], record.as_of)
    return [MilestoneOut(key=m.key, title=m.title, due=m.due, done_on=done.get(m.key)) for m in item.milestones]


def item_detail(history: PlanData, status: ItemStatusOut, as_of: date, item: PlanItem | None = None) -> ItemDetailOut:
    """Return the detail page/API view of one item: definition, status, milestones, history.

    ``item`` is the item's definition when the caller has it at hand (a page looks it up in
    an index kept with the board instead of indexing 100,000 items again).
    """
    item = item or find_item(history, status.code)
    records = [record for record in history.progress if record.item_code == item.code]
    return ItemDetailOut(
        plan=plan_out(history.plan, history.regions),
        as_of=as_of,
        status=status,
        definition=definition_of(item, history),
        milestones=milestones_of(item, records),
        progress=progress_history(item, records),
    )
