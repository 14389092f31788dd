"""Plans: saving a whole plan (diffed, audited, items left out reported or removed), target proposals, loading."""

from __future__ import annotations

import gc
from collections.abc import Iterable
from datetime import date
from typing import Any, Literal

from sqlalchemy import Table, bindparam, delete, func, literal_column, select, update
from sqlalchemy.engine import Connection

from planwatch.plan.model import PlanData, Target
from planwatch.store import latest
from planwatch.store import mapping as m
from planwatch.store.bulk import driver_rows
from planwatch.store.engine import for_writing, snapshot
from planwatch.store.items import check_namespace, item_kinds
from planwatch.store.progress import (
    READ_COLUMNS,
    ProgressWriter,
    _progress_audit_key,
    _records_with_warnings,
    latest_progress,
)
from planwatch.store.summary import AbsentItem, ChangeSummary, StoreError
from planwatch.store.tables import (
    ITEM_TABLES,
    PLANS,
    PROGRESS,
    KeyTaskRow,
    MilestoneRow,
    PlanRow,
    RegionRow,
    TargetProposalRow,
    WorkAreaRow,
)
from planwatch.store.writer import Row, chunks, repeated_codes

_PROPOSALS: Table = TargetProposalRow.__table__
#: How many of a plan's target proposals are in a state: the nav shows it on every page of
#: the 计划处, so the statement is built once (see ``audit.NEWEST_ID``).
PROPOSALS_IN_STATE = (
    select(func.count())
    .select_from(_PROPOSALS.join(PLANS, PLANS.c.id == _PROPOSALS.c.plan_id))
    .where(PLANS.c.code == bindparam("plan"), _PROPOSALS.c.state == bindparam("state"))
)

#: What a plan save does with stored items the data leaves out: keep them silently (a
#: partial update), keep them and list them in the summary, or delete them.
AbsentPolicy = Literal["ignore", "report", "replace"]


class PlanWriter(ProgressWriter):
    """The plan writes of one transaction: regions, the plan, its items and milestones, proposals, removals.

    A plan's progress hangs on its items, so removing an item removes its progress: hence a
    progress writer.
    """

    # -- the parts of a plan ------------------------------------------------------------

    def regions(self, rows: list[Row]) -> None:
        if not rows:
            return
        table: Table = RegionRow.__table__
        columns = list(rows[0])
        existing = self.existing(table, columns, ["code"])
        self.apply(table, "region", existing, [(r["code"], r) for r in rows], {}, lambda r: r["code"])

    def plan(self, row: Row) -> int:
        table: Table = PlanRow.__table__
        existing = self.existing(table, list(row), ["code"], table.c.code == row["code"])
        self.apply(table, "plan", existing, [(row["code"], row)], {}, lambda r: r["code"])
        return self.conn.execute(select(table.c.id).where(table.c.code == row["code"])).scalar_one()

    def plan_rows(self, table: Table, kind: str, plan_id: int, plan_code: str, rows: list[Row]) -> None:
        if not rows:
            return
        columns = list(rows[0])
        existing = self.existing(table, columns, ["code"], table.c.plan_id == plan_id)
        self.apply(
            table,
            kind,
            existing,
            [(r["code"], r) for r in rows],
            {"plan_id": plan_id},
            lambda r: f"{plan_code}/{r['code']}",
        )

    def milestones(self, plan_id: int, plan_code: str, tasks: list[Any]) -> None:
        """Sync the milestones of the given tasks: a task's list is complete, so missing ones are deleted."""
        if not tasks:
            return
        task_table: Table = KeyTaskRow.__table__
        table: Table = MilestoneRow.__table__
        task_ids = dict(
            self.conn.execute(select(task_table.c.code, task_table.c.id).where(task_table.c.plan_id == plan_id)).all()
        )
        columns = ["task_id", "key", "title", "due", "position"]
        result = self.conn.execute(
            select(table.c.id, task_table.c.code, *(table.c[c] for c in columns))
            .join(task_table, task_table.c.id == table.c.task_id)
            .where(task_table.c.plan_id == plan_id)
        )
        existing: dict[tuple[str, str], tuple[int, Row]] = {}
        for record in result:
            row = dict(zip(columns, record[2:], strict=True))
            existing[(record[1], row["key"])] = (record[0], row)
        code_of = {task_id: code for code, task_id in task_ids.items()}
        new: list[tuple[Any, Row]] = []
        for task in tasks:
            task_id = task_ids[task.code]
            for position, milestone in enumerate(task.milestones):
                row = {"task_id": task_id, **m.milestone_row(milestone, position)}
                new.append(((task.code, row["key"]), row))
        self.apply(table, "milestone", existing, new, {}, lambda r: f"{plan_code}/{code_of[r['task_id']]}/{r['key']}")
        wanted = {key for key, _ in new}
        codes = {t.code for t in tasks}
        gone = [(key, old) for key, old in existing.items() if key[0] in codes and key not in wanted]
        for (task_code, key), (row_id, old) in gone:
            self.conn.execute(delete(table).where(table.c.id == row_id))
            self.log("delete", table.name, f"{plan_code}/{task_code}/{key}", old, None)
        self.summary.bump("milestone", "deleted", len(gone))

    # -- target proposals -------------------------------------------------------------

    def proposals(self, plan_id: int, plan_code: str, targets: list[Target], document: str) -> None:
        """Record targets a report states as proposals (once per plan, code and document; audited)."""
        if not targets:
            return
        table: Table = TargetProposalRow.__table__
        known = set(
            self.conn.execute(
                select(table.c.code).where(table.c.plan_id == plan_id, table.c.document == document)
            ).scalars()
        )
        in_plan = set(item_kinds(self.conn, plan_id))
        rows = []
        for target in targets:
            if target.code in known or target.code in in_plan:
                continue
            rows.append(
                {
                    "plan_id": plan_id,
                    "code": target.code,
                    "target": m.jsonable(m.target_row(target)),
                    "document": document,
                    "state": "proposed",
                    "proposed_by": self.user,
                    "proposed_at": self.at,
                }
            )
        for row in rows:
            self.conn.execute(table.insert().values(**row))
            self.log("insert", table.name, f"{plan_code}/{row['code']}", None, {"document": document, **row["target"]})
        self.summary.bump("target_proposal", "inserted", len(rows))
        self.summary.bump("target_proposal", "unchanged", len(targets) - len(rows))

    # -- items left out of a full plan ---------------------------------------------------

    def absent_items(self, plan_id: int, data: PlanData) -> list[tuple[AbsentItem, Table, int]]:
        """Return the plan's stored items whose code ``data`` does not hold: (item, its table, row id), in saved order.

        Reads only codes and names (an import of 100,000 projects reads them once more);
        each item carries how many milestones and progress records hang on it.
        """
        wanted = {item.code for item in data.items()}
        found: list[tuple[AbsentItem, Table, int]] = []
        for kind, table in ITEM_TABLES.items():
            label = table.c.name if kind != "target" else func.coalesce(table.c.name, table.c.indicator_code)
            query = select(table.c.id, table.c.code, label).where(table.c.plan_id == plan_id).order_by(table.c.id)
            for row_id, code, name in self.conn.execute(query):
                if code not in wanted:
                    found.append((AbsentItem(kind, code, name or ""), table, row_id))
        if not found:
            return []
        codes = [item.code for item, _, _ in found]
        progress: dict[str, int] = {}
        milestones: dict[str, int] = {}
        task_table = ITEM_TABLES["task"]
        ms_table: Table = MilestoneRow.__table__
        for part in chunks(codes, 500):
            query = (
                select(PROGRESS.c.item_code, func.count())
                .where(PROGRESS.c.plan_id == plan_id, PROGRESS.c.item_code.in_(part))
                .group_by(PROGRESS.c.item_code)
            )
            progress.update(dict(self.conn.execute(query).all()))
            query = (
                select(task_table.c.code, func.count())
                .join(ms_table, ms_table.c.task_id == task_table.c.id)
                .where(task_table.c.plan_id == plan_id, task_table.c.code.in_(part))
                .group_by(task_table.c.code)
            )
            milestones.update(dict(self.conn.execute(query).all()))
        return [
            (AbsentItem(i.kind, i.code, i.name, milestones.get(i.code, 0), progress.get(i.code, 0)), table, row_id)
            for i, table, row_id in found
        ]

    def remove_items(self, plan_id: int, plan_code: str, absent: list[tuple[AbsentItem, Table, int]]) -> None:
        """Delete items with their progress and milestones, auditing each deleted row (before = row, after = null)."""
        if not absent:
            return
        codes = [item.code for item, _, _ in absent]
        columns = ["item_code", "as_of", "milestone_key", *m.PROGRESS_VALUE_COLUMNS]
        for part in chunks(codes, 500):
            rows = self.existing(
                PROGRESS,
                columns,
                ["item_code", "as_of", "milestone_key"],
                PROGRESS.c.plan_id == plan_id,
                PROGRESS.c.item_code.in_(part),
            )
            gone = [(_progress_audit_key(plan_code, old), row_id, old) for row_id, old in rows.values()]
            self._delete(PROGRESS, "progress", gone)
            latest.forget(self.conn, plan_id, part)
        task_codes = {row_id: item.code for item, _, row_id in absent if item.kind == "task"}
        ms_table: Table = MilestoneRow.__table__
        ms_columns = ["task_id", "key", "title", "due", "position"]
        for part in chunks(sorted(task_codes), 500):
            result = self.conn.execute(
                select(ms_table.c.id, *(ms_table.c[c] for c in ms_columns))
                .where(ms_table.c.task_id.in_(part))
                .order_by(ms_table.c.task_id, ms_table.c.position)
            )
            gone = []
            for record in result:
                row = dict(zip(ms_columns, record[1:], strict=True))
                gone.append((f"{plan_code}/{task_codes[row['task_id']]}/{row['key']}", record[0], row))
            self._delete(ms_table, "milestone", gone)
        for kind, table in ITEM_TABLES.items():
            # the audit's "before" holds the columns the mapping writes: all but id and plan_id
            item_columns = [c.name for c in table.columns if c.name not in ("id", "plan_id")]
            ids = {row_id: item.code for item, _, row_id in absent if item.kind == kind}
            gone = []
            for part in chunks(sorted(ids), 500):
                query = select(table.c.id, *(table.c[c] for c in item_columns)).where(table.c.id.in_(part))
                for record in self.conn.execute(query):
                    gone.append(
                        (f"{plan_code}/{ids[record[0]]}", record[0], dict(zip(item_columns, record[1:], strict=True)))
                    )
            self._delete(table, kind, gone)
        self.summary.removed.extend(item for item, _, _ in absent)


def validate_plan_data(data: PlanData) -> None:
    """Refuse duplicate codes within one PlanData, naming the first duplicate (Chinese)."""
    plan = data.plan.code
    dups = repeated_codes(r.code for r in data.regions)
    if dups:
        raise StoreError(f"地区编码 {dups[0]} 重复，未写入任何数据")
    dups = repeated_codes(a.code for a in data.work_areas)
    if dups:
        raise StoreError(f"计划 {plan} 中工作领域编码 {dups[0]} 重复，未写入任何数据")
    dups = repeated_codes(item.code for item in data.items())
    if dups:
        raise StoreError(f"计划 {plan} 中项目编码 {dups[0]} 重复（各类项目共用一套编码），未写入任何数据")
    for task in data.tasks:
        dups = repeated_codes(str(ms.key) for ms in task.milestones)
        if dups:
            raise StoreError(f"重点任务 {task.code} 的里程碑编号 {dups[0]} 重复，未写入任何数据")


class _RowView:
    """Attribute access over a dict, for the ``mapping.*_from`` functions (which read rows by name)."""

    def __init__(self, values: dict[str, Any]) -> None:
        self.__dict__.update(values)

    def __getattr__(self, name: str) -> Any:
        return None


def _project_values(conn: Connection, plan_id: int, codes: list[str] | None = None) -> list[Any]:
    """Return the plan's projects as driver values in ``PROJECT_READ_COLUMNS`` order, in saved order.

    On SQLite, ``WHERE plan_id = ? ORDER BY id`` reads the rows through the (plan, code)
    index and sorts 100,000 rows in a temporary B-tree; reading the plan's id range in
    table order instead (``+plan_id`` keeps the index out) needs no sort and is about
    twice as fast. Rows of other plans inside that range are filtered out. ``codes``: those
    projects only, through the (plan, code) index.
    """
    projects = ITEM_TABLES["project"]
    columns = [projects.c[c] for c in m.PROJECT_READ_COLUMNS]
    if codes is not None:
        query = select(*columns).where(projects.c.plan_id == plan_id, projects.c.code.in_(codes))
        return driver_rows(conn, query.order_by(projects.c.id))
    if conn.dialect.name != "sqlite":
        return driver_rows(conn, select(*columns).where(projects.c.plan_id == plan_id).order_by(projects.c.id))
    low, high = conn.execute(
        select(func.min(projects.c.id), func.max(projects.c.id)).where(projects.c.plan_id == plan_id)
    ).one()
    if low is None:
        return []
    query = (
        select(*columns)
        .where(projects.c.id.between(low, high), literal_column("+projects.plan_id") == plan_id)
        .order_by(projects.c.id)
    )
    return driver_rows(conn, query)


class PlanStore:
    """Plan writes and reads of :class:`~planwatch.store.service.Store` (which supplies the engine)."""

    def save_plan_data(
        self, data: PlanData, *, user: str, absent: AbsentPolicy = "report", approved_source: str | None = None
    ) -> ChangeSummary:
        """Save a plan with its items and progress in one transaction; upsert by code, audit each change.

        ``data`` is taken as the whole plan: stored items it leaves out are listed in the
        summary's ``absent`` (``"report"``, nothing deleted) or deleted with their
        milestones and progress in the same transaction and listed in ``removed``
        (``"replace"``); ``"ignore"`` is for partial saves that add or update a few items.
        With ``approved_source`` (the planning office's import) each progress figure it
        changes is also recorded as a submission approved by ``user`` (see ``record_approved``).
        """
        self._ensure()
        validate_plan_data(data)
        summary = ChangeSummary()
        plan_code = data.plan.code
        with self._writer.begin() as conn:
            writer = PlanWriter(conn, user, summary)
            writer.regions([m.region_row(r) for r in data.regions])
            plan_id = writer.plan(m.plan_row(data.plan))
            self._check_namespace(conn, plan_id, plan_code, data)
            writer.plan_rows(
                WorkAreaRow.__table__, "work_area", plan_id, plan_code, [m.work_area_row(a) for a in data.work_areas]
            )
            writer.plan_rows(
                ITEM_TABLES["target"], "target", plan_id, plan_code, [m.target_row(t) for t in data.targets]
            )
            writer.plan_rows(ITEM_TABLES["task"], "task", plan_id, plan_code, [m.task_row(t) for t in data.tasks])
            writer.milestones(plan_id, plan_code, data.tasks)
            writer.plan_rows(
                ITEM_TABLES["project"], "project", plan_id, plan_code, [m.project_row(p) for p in data.projects]
            )
            writer.plan_rows(
                ITEM_TABLES["livelihood"],
                "livelihood",
                plan_id,
                plan_code,
                [m.livelihood_row(i) for i in data.livelihood_items],
            )
            if absent != "ignore":
                left_out = writer.absent_items(plan_id, data)
                if absent == "replace":
                    writer.remove_items(plan_id, plan_code, left_out)
                else:
                    summary.absent.extend(item for item, _, _ in left_out)
            if approved_source is None:
                writer.progress(plan_id, plan_code, data.progress)
            else:
                writer.vouched_progress(plan_id, plan_code, data.progress, approved_source)
            writer.flush()
        return summary

    @staticmethod
    def _check_namespace(conn: Connection, plan_id: int, plan_code: str, data: PlanData) -> None:
        """Refuse an item whose code the plan already uses for an item of another kind."""
        groups = (
            ("target", data.targets),
            ("task", data.tasks),
            ("project", data.projects),
            ("livelihood", data.livelihood_items),
        )
        check_namespace(conn, plan_id, plan_code, groups)

    def target_proposals(self, plan_code: str, state: str | None = "proposed") -> list[dict[str, Any]]:
        """Return the plan's target proposals (of one ``state``; None: all), oldest first, as plain dicts."""
        self._ensure()
        table: Table = TargetProposalRow.__table__
        with self.engine.connect() as conn:
            plan_id = self._plan_id(conn, plan_code)
            query = select(table).where(table.c.plan_id == plan_id).order_by(table.c.id)
            if state is not None:
                query = query.where(table.c.state == state)
            return [dict(r._mapping) for r in conn.execute(query)]

    def count_proposals(self, plan_code: str, state: str = "proposed") -> int:
        """Return how many of the plan's target proposals are in ``state`` (the nav's count, on every page)."""
        self._ensure()
        with self.engine.connect() as conn:
            return conn.execute(PROPOSALS_IN_STATE, {"plan": plan_code, "state": state}).scalar_one()

    def decide_proposal(
        self, plan_code: str, proposal_id: int, *, accept: bool, user: str, reason: str | None = None
    ) -> Target | None:
        """Accept a proposal into the plan (its target saved and audited) or reject it, in one transaction.

        Returns the target added on acceptance. A proposal already decided → StoreError.
        ``reason`` (why not, or why) is kept with the proposal and in the decision's audit row.
        """
        self._ensure()
        table: Table = TargetProposalRow.__table__
        with for_writing(self.engine).begin() as conn:
            plan_id = self._plan_id(conn, plan_code)
            row = conn.execute(
                select(table).where(table.c.id == proposal_id, table.c.plan_id == plan_id)
            ).one_or_none()
            if row is None:
                raise StoreError(f"计划 {plan_code} 中没有编号为 {proposal_id} 的目标建议")
            if row.state != "proposed":
                raise StoreError(f"目标建议 {proposal_id}（{row.code}）已处理（{row.state}），未作改动")
            writer = PlanWriter(conn, user, ChangeSummary())
            target = None
            if accept:
                values = {**row.target, "code": row.code}
                target = m.target_from(_RowView(values))
                check_namespace(conn, plan_id, plan_code, [("target", [target])])
                writer.plan_rows(ITEM_TABLES["target"], "target", plan_id, plan_code, [m.target_row(target)])
            state = "accepted" if accept else "rejected"
            decided = {"state": state, "decided_by": user, "decided_at": writer.at, "decision_reason": reason or None}
            conn.execute(update(table).where(table.c.id == proposal_id).values(**decided))
            after = {"state": state, **({"reason": reason} if reason else {})}
            writer.log("update", table.name, f"{plan_code}/{row.code}", {"state": row.state}, after)
            writer.flush()
            return target

    # -- reads ------------------------------------------------------------------------

    def list_plans(self) -> list[Any]:
        """Return every plan, newest year first."""
        self._ensure()
        table: Table = PlanRow.__table__
        with self.engine.connect() as conn:
            rows = conn.execute(select(table).order_by(table.c.year.desc(), table.c.code)).all()
        return [m.plan_from(r) for r in rows]

    def list_regions(self) -> list[Any]:
        """Return every region (cities, districts, counties), in saved order."""
        self._ensure()
        table: Table = RegionRow.__table__
        with self.engine.connect() as conn:
            return [m.region_from(r) for r in conn.execute(select(table).order_by(table.c.id))]

    def load_plan_data(
        self,
        plan_code: str,
        *,
        as_of: date | None = None,
        latest_only: bool = False,
        progress: bool = True,
        codes: Iterable[str] | None = None,
    ) -> PlanData:
        """Load a plan with everything under it; ``as_of`` drops later progress.

        ``latest_only`` returns per item only what the status engine needs — the latest
        cumulative value (non-cumulative records after it folded in), every milestone
        record, the latest stage record and the latest report — reduced in SQL.
        ``progress=False`` leaves progress out (an importer checking codes needs only the items).
        ``codes`` loads only those items (and their progress): a cached board brings a few
        changed items up to date (:func:`planwatch.app.board.refreshed`).
        """
        self._ensure()
        # Loading 100,000 items makes a few hundred thousand objects without cycles; the
        # cyclic collector would rescan them over and over.
        collecting = gc.isenabled()
        gc.disable()
        try:
            return self._load_plan_data(plan_code, as_of, latest_only, progress, codes)
        finally:
            if collecting:
                gc.enable()

    def _load_plan_data(
        self, plan_code: str, as_of: date | None, latest_only: bool, progress: bool, codes: Iterable[str] | None
    ) -> PlanData:
        wanted = None if codes is None else sorted(set(codes))
        # One read transaction, a snapshot: never the write lock (a load of 100,000 items takes
        # seconds, and every writer in every worker would wait for it).
        with snapshot(self.engine).begin() as conn:
            table: Table = PlanRow.__table__
            plan_row = conn.execute(select(table).where(table.c.code == plan_code)).one_or_none()
            if plan_row is None:
                raise StoreError(f"计划 {plan_code} 不存在")
            plan = m.plan_from(plan_row)
            plan_id = plan_row.id
            data = PlanData(plan=plan, regions=self._plan_regions(conn, plan.region_code))

            def rows(t: Table, *order: Any) -> list[Any]:
                query = select(t).where(t.c.plan_id == plan_id)
                if wanted is not None and t is not areas:
                    query = query.where(t.c.code.in_(wanted))
                return conn.execute(query.order_by(*order, t.c.id)).all()

            areas = WorkAreaRow.__table__
            data.work_areas = [m.work_area_from(r) for r in rows(areas, areas.c.order)]
            data.targets = [m.target_from(r) for r in rows(ITEM_TABLES["target"])]
            milestones: dict[int, list[Any]] = {}
            ms_table: Table = MilestoneRow.__table__
            task_table = ITEM_TABLES["task"]
            query = (
                select(ms_table)
                .join(task_table, task_table.c.id == ms_table.c.task_id)
                .where(task_table.c.plan_id == plan_id)
                .order_by(ms_table.c.task_id, ms_table.c.position)
            )
            if wanted is not None:
                query = query.where(task_table.c.code.in_(wanted))
            for r in conn.execute(query):
                milestones.setdefault(r.task_id, []).append(m.milestone_from(r))
            data.tasks = [m.task_from(r, milestones.get(r.id, [])) for r in rows(task_table)]
            dates: m.Dates = {}
            data.projects = [m.project_from_driver(r, dates) for r in _project_values(conn, plan_id, wanted)]
            data.livelihood_items = [m.livelihood_from(r) for r in rows(ITEM_TABLES["livelihood"])]
            if not progress:
                pass
            elif latest_only:
                data.progress = latest_progress(conn, plan_id, as_of, dates, wanted)
            else:
                query = select(*READ_COLUMNS[1:], PROGRESS.c.warning).where(PROGRESS.c.plan_id == plan_id)
                if wanted is not None:
                    query = query.where(PROGRESS.c.item_code.in_(wanted))
                if as_of is not None:
                    query = query.where(PROGRESS.c.as_of <= as_of)
                data.progress = _records_with_warnings(conn.execute(query.order_by(PROGRESS.c.id)))
        return data

    @staticmethod
    def _plan_regions(conn: Connection, region_code: str) -> list[Any]:
        """Return the plan's region, its ancestors and all regions under it, in saved order."""
        table: Table = RegionRow.__table__
        regions = [m.region_from(r) for r in conn.execute(select(table).order_by(table.c.id))]
        by_code = {r.code: r for r in regions}
        keep: set[str] = set()
        code: str | None = region_code
        while code is not None and code in by_code and code not in keep:
            keep.add(code)
            code = by_code[code].parent_code
        children: dict[str, list[str]] = {}
        for r in regions:
            if r.parent_code:
                children.setdefault(r.parent_code, []).append(r.code)
        stack = [region_code]
        while stack:
            for child in children.get(stack.pop(), []):
                if child not in keep:
                    keep.add(child)
                    stack.append(child)
        return [r for r in regions if r.code in keep]
