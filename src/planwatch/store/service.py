"""The store service: save and load plans, progress, the audit log and document facts.

Every write runs in one transaction and goes through Core bulk statements: existing rows
are read once per table (one query, keyed by code), compared with the incoming rows as
plain dicts, and only the differences are written — inserts and updates as executemany
batches, with one audit row per changed record, also batched. Saving the same data twice
therefore writes nothing the second time.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, date, datetime
from json.encoder import encode_basestring
from typing import Any, Literal

from sqlalchemy import Engine, Table, and_, delete, false, func, literal_column, or_, select, update
from sqlalchemy.engine import Connection

from planwatch.plan import validation
from planwatch.plan.model import PlanData, ProgressRecord, Target, TargetMeasure
from planwatch.settings import Settings
from planwatch.store import latest
from planwatch.store import mapping as m
from planwatch.store.bulk import insert_rows, update_rows
from planwatch.store.engine import describe_location, dumps, for_writing, make_engine
from planwatch.store.migrate import current_revision, upgrade_to_head
from planwatch.store.summary import KIND_LABELS, AbsentItem, AuditEntry, ChangeSummary, IngestWrite, StoreError
from planwatch.store.tables import (
    AuditRow,
    DocumentFactRow,
    DocumentRow,
    KeyTaskRow,
    LivelihoodItemRow,
    MilestoneRow,
    PlanRow,
    ProgressRow,
    ProjectRow,
    RegionRow,
    TargetProposalRow,
    TargetRow,
    WorkAreaRow,
)

Row = dict[str, Any]

#: What a plan save does with stored items the data leaves out: keep them silently (a
#: partial update), keep them and list them in the summary, or delete them.
AbsentPolicy = Literal["ignore", "report", "replace"]

#: Rows per executemany batch: large enough to amortise round trips, small enough for memory.
CHUNK = 20_000

#: The item tables; their codes share one namespace within a plan.
ITEM_TABLES: dict[str, Table] = {
    "target": TargetRow.__table__,
    "task": KeyTaskRow.__table__,
    "project": ProjectRow.__table__,
    "livelihood": LivelihoodItemRow.__table__,
}

PROGRESS: Table = ProgressRow.__table__
#: The id and the columns ``mapping.progress_from_values`` reads, in its order.
READ_COLUMNS = (PROGRESS.c.id, *(PROGRESS.c[c] for c in m.PROGRESS_READ_COLUMNS))
AUDIT: Table = AuditRow.__table__
FACT_FIELDS = ("text", "subject", "measure", "value", "unit", "period", "modality", "qualifier", "baseline")


def _chunks(rows: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def _duplicates(codes: Iterable[Any]) -> list[Any]:
    seen: set[Any] = set()
    dups: list[Any] = []
    for code in codes:
        if code in seen and code not in dups:
            dups.append(code)
        seen.add(code)
    return dups


float_repr = float.__repr__
int_repr = int.__repr__
AUDIT_COLUMNS = ("at", "user", "action", "table_name", "key", "before", "after")


#: '"key":' per column name, made once: audit JSON is written for a million rows.
_JSON_KEYS: dict[str, str] = {}


def _audit_json(row: Row | None) -> str | None:
    """Serialise a row for the audit log, leaving out empty (None) fields to keep it compact.

    Rows of plain values (text, finite numbers, booleans, dates) are written directly —
    the same text ``dumps`` gives, at twice its speed; anything else goes through ``dumps``.
    """
    if row is None:
        return None
    parts = []
    keys = _JSON_KEYS
    for k, v in row.items():
        if v is None:
            continue
        t = v.__class__
        if t is str:
            value = encode_basestring(v)
        elif t is float:
            if v - v != 0.0:  # NaN or infinity: leave their spelling to the encoder
                return _audit_json_slow(row)
            value = float_repr(v)
        elif t is bool:
            value = "true" if v else "false"
        elif t is int:
            value = int_repr(v)
        elif t is date:
            value = f'"{v.isoformat()}"'
        else:
            return _audit_json_slow(row)
        key = keys.get(k)
        if key is None:
            key = keys[k] = f"{encode_basestring(k)}:"
        parts.append(key + value)
    return "{" + ",".join(parts) + "}"


def _audit_json_slow(row: Row) -> str:
    return dumps({k: (v.isoformat() if v.__class__ is date else v) for k, v in row.items() if v is not None})


def _progress_audit_key(plan_code: str, row: Row) -> str:
    key = f"{plan_code}/{row['item_code']}/{row['as_of'].isoformat()}"
    return f"{key}/{row['milestone_key']}" if row["milestone_key"] else key


class _Writer:
    """The writes of one transaction: diffing, batched statements and the audit rows they leave."""

    def __init__(self, conn: Connection, user: str, summary: ChangeSummary) -> None:
        self.conn = conn
        self.user = user
        self.summary = summary
        self.at = datetime.now(UTC)
        # The timestamp is the same for every audit row of the transaction: convert it once.
        to_db = AUDIT.c.at.type._cached_bind_processor(conn.dialect)
        self.at_db = to_db(self.at) if to_db else self.at
        self.audit: list[tuple[Any, ...]] = []

    # -- audit ------------------------------------------------------------------------

    def log(self, action: str, table: str, key: str, before: Row | None, after: Row | None) -> None:
        self.audit.append((self.at_db, self.user, action, table, key, _audit_json(before), _audit_json(after)))
        if len(self.audit) >= CHUNK:
            self.flush()

    def flush(self) -> None:
        insert_rows(self.conn, AUDIT, AUDIT_COLUMNS, self.audit, ready=frozenset(AUDIT_COLUMNS))
        self.audit = []

    # -- generic diff -----------------------------------------------------------------

    def apply(
        self,
        table: Table,
        kind: str,
        existing: dict[Any, tuple[int, Row]],
        new: list[tuple[Any, Row]],
        fixed: Row,
        audit_key: Any,
    ) -> None:
        """Insert rows whose key is new, update rows that differ, count the rest as unchanged."""
        if not new:
            return
        columns = list(new[0][1])
        fixed_values = tuple(fixed.values())
        inserts: list[tuple[Any, ...]] = []
        updates: list[tuple[Any, ...]] = []
        unchanged = 0
        log = self.log
        name = str(table.name)  # a plain str: the driver probes str subclasses for adapters on every row
        for key, row in new:
            old = existing.get(key)
            if old is None:
                inserts.append((*row.values(), *fixed_values))
                log("insert", name, audit_key(row), None, row)
            elif old[1] != row:
                updates.append((*row.values(), old[0]))
                log("update", name, audit_key(row), old[1], row)
            else:
                unchanged += 1
        insert_rows(self.conn, table, [*columns, *fixed], inserts)
        update_rows(self.conn, table, columns, updates)
        self.summary.bump(kind, "inserted", len(inserts))
        self.summary.bump(kind, "updated", len(updates))
        self.summary.bump(kind, "unchanged", unchanged)

    def existing(
        self, table: Table, columns: Sequence[str], key_columns: Sequence[str], *where: Any
    ) -> dict[Any, tuple[int, Row]]:
        """Read the rows matching ``where`` once: key → (id, row of ``columns``)."""
        result = self.conn.execute(select(table.c.id, *(table.c[c] for c in columns)).where(*where))
        out: dict[Any, tuple[int, Row]] = {}
        single = len(key_columns) == 1
        for record in result:
            row = dict(zip(columns, record[1:], strict=True))
            key = row[key_columns[0]] if single else tuple(row[c] for c in key_columns)
            out[key] = (record[0], row)
        return out

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

    def progress(self, plan_id: int, plan_code: str, records: list[ProgressRecord]) -> None:
        """Validate progress against the plan's items and upsert it by (item, as_of, milestone)."""
        if not records:
            return
        kinds = item_kinds(self.conn, plan_id)
        milestone_keys = task_milestones(self.conn, plan_id)
        year, bounds = entry_bounds(self.conn, plan_id)
        amount = validation.bounds_for(None, None)
        # Check everything before writing anything; keep only the keys, not a row per record,
        # so a million records do not hold a million dicts at once.
        seen: set[tuple[str, date, str]] = set()
        dups: list[tuple[str, date, str]] = []
        for record in records:
            key = m.progress_key(record)
            code, _, milestone = key
            kind = kinds.get(code)
            if kind is None:
                raise StoreError(f"进度记录指向未知的项目编码 {code}（计划 {plan_code} 中没有这一项），未写入任何数据")
            if milestone:
                if kind != "task":
                    raise StoreError(f"进度记录给 {code} 标了里程碑 {milestone}，但它不是重点任务，未写入任何数据")
                if milestone not in milestone_keys.get(code, set()):
                    raise StoreError(f"重点任务 {code} 没有里程碑 {milestone}，未写入任何数据")
            problems = validation.refusals(record, year, bounds.get(code, amount))
            if problems:
                when = record.as_of.isoformat() if isinstance(record.as_of, date) else record.as_of
                raise StoreError(f"进度记录 {code}（{when}）：{problems[0]}，未写入任何数据")
            if key in seen:
                dups.append(key)
            seen.add(key)
        if dups:
            code, as_of, ms = dups[0]
            what = f"{code} 在 {as_of.isoformat()}" + (f" 里程碑 {ms}" if ms else "")
            raise StoreError(f"进度记录重复：{what} 出现不止一次（共 {len(dups)} 处重复），未写入任何数据")
        columns = ["item_code", "as_of", "milestone_key", *m.PROGRESS_VALUE_COLUMNS]
        key_columns = ["item_code", "as_of", "milestone_key"]
        codes = sorted({key[0] for key in seen})
        del seen
        if len(codes) > 2_000:
            existing = self.existing(PROGRESS, columns, key_columns, PROGRESS.c.plan_id == plan_id)
        else:
            existing = {}
            for start in range(0, len(codes), 500):
                existing.update(
                    self.existing(
                        PROGRESS,
                        columns,
                        key_columns,
                        PROGRESS.c.plan_id == plan_id,
                        PROGRESS.c.item_code.in_(codes[start : start + 500]),
                    )
                )
        changed_before = (self.summary["progress"].inserted, self.summary["progress"].updated)
        for start in range(0, len(records), CHUNK):
            rows = [m.progress_row(r) for r in records[start : start + CHUNK]]
            self.apply(
                PROGRESS,
                "progress",
                existing,
                [((r["item_code"], r["as_of"], r["milestone_key"]), r) for r in rows],
                {"plan_id": plan_id},
                lambda r: _progress_audit_key(plan_code, r),
            )
        done = self.summary["progress"]
        if (done.inserted, done.updated) != changed_before:
            # Keep the per-item summary in step, in the same transaction.
            latest.refresh(self.conn, plan_id, None if len(codes) > 2_000 else codes)

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

    # -- documents --------------------------------------------------------------------

    def document(self, name: str, text_sha256: str, rows: list[Row]) -> int:
        """Record a document's fact rows (replacing those of an earlier read of the same text); return its id."""
        conn = self.conn
        docs: Table = DocumentRow.__table__
        fact_table: Table = DocumentFactRow.__table__
        columns = ["span_start", "span_end", *FACT_FIELDS, "extra"]
        doc = conn.execute(select(docs).where(docs.c.sha256 == text_sha256)).one_or_none()
        if doc is not None:
            old = [
                dict(zip(columns, r, strict=True))
                for r in conn.execute(
                    select(*(fact_table.c[c] for c in columns))
                    .where(fact_table.c.document_id == doc.id)
                    .order_by(fact_table.c.id)
                )
            ]
            if old == rows and doc.name == name:
                return doc.id
            conn.execute(delete(fact_table).where(fact_table.c.document_id == doc.id))
            conn.execute(update(docs).where(docs.c.id == doc.id).values(name=name, ingested_at=self.at, user=self.user))
            doc_id = doc.id
            before = {"name": doc.name, "facts": len(old)}
            self.log("update", docs.name, text_sha256, before, {"name": name, "facts": len(rows)})
        else:
            doc_id = conn.execute(
                docs.insert()
                .values(name=name, sha256=text_sha256, ingested_at=self.at, user=self.user)
                .returning(docs.c.id)
            ).scalar_one()
            self.log("insert", docs.name, text_sha256, None, {"name": name, "facts": len(rows)})
        for batch in _chunks([{**r, "document_id": doc_id} for r in rows]):
            conn.execute(fact_table.insert(), batch)
        return doc_id

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
        for part in _chunks(codes, 500):
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
        for part in _chunks(codes, 500):
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
        for part in _chunks(sorted(task_codes), 500):
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
            for part in _chunks(sorted(ids), 500):
                query = select(table.c.id, *(table.c[c] for c in item_columns)).where(table.c.id.in_(part))
                for record in self.conn.execute(query):
                    gone.append(
                        (f"{plan_code}/{ids[record[0]]}", record[0], dict(zip(item_columns, record[1:], strict=True)))
                    )
            self._delete(table, kind, gone)
        self.summary.removed.extend(item for item, _, _ in absent)

    def _delete(self, table: Table, kind: str, rows: list[tuple[str, int, Row]]) -> None:
        """Delete rows by id (audit key, id, row), one audit row each."""
        name = str(table.name)
        for part in _chunks(rows, 500):
            self.conn.execute(delete(table).where(table.c.id.in_([row_id for _, row_id, _ in part])))
        for key, _, row in rows:
            self.log("delete", name, key, row, None)
        self.summary.bump(kind, "deleted", len(rows))


def item_kinds(conn: Connection, plan_id: int) -> dict[str, str]:
    """Return code → kind of every item of the plan in the database."""
    kinds: dict[str, str] = {}
    for kind, table in ITEM_TABLES.items():
        for (code,) in conn.execute(select(table.c.code).where(table.c.plan_id == plan_id)):
            kinds[code] = kind
    return kinds


def check_namespace(
    conn: Connection, plan_id: int, plan_code: str, groups: Iterable[tuple[str, Sequence[Any]]]
) -> None:
    """Refuse an item whose code the plan already uses for an item of another kind (Chinese message)."""
    stored = item_kinds(conn, plan_id)
    for kind, items in groups:
        for item in items:
            other = stored.get(item.code)
            if other is not None and other != kind:
                raise StoreError(
                    f"计划 {plan_code} 中编码 {item.code} 已用于{KIND_LABELS[other]}，"
                    f"不能再用于{KIND_LABELS[kind]}，未写入任何数据"
                )


def entry_bounds(conn: Connection, plan_id: int) -> tuple[int, dict[str, validation.Bounds]]:
    """Return the plan's year and the bounds of its targets' figures (growth rates may be negative)."""
    plans: Table = PlanRow.__table__
    year = conn.execute(select(plans.c.year).where(plans.c.id == plan_id)).scalar_one()
    targets = ITEM_TABLES["target"]
    query = select(targets.c.code, targets.c.measure).where(targets.c.plan_id == plan_id)
    bounds = {code: validation.bounds_for(TargetMeasure(measure), None) for code, measure in conn.execute(query)}
    return year, bounds


def task_milestones(conn: Connection, plan_id: int) -> dict[str, set[str]]:
    """Return task code → milestone keys, for the plan's tasks."""
    task_table: Table = KeyTaskRow.__table__
    table: Table = MilestoneRow.__table__
    out: dict[str, set[str]] = {}
    query = (
        select(task_table.c.code, table.c.key)
        .join(task_table, task_table.c.id == table.c.task_id)
        .where(task_table.c.plan_id == plan_id)
    )
    for code, key in conn.execute(query):
        out.setdefault(code, set()).add(key)
    return out


def validate_plan_data(data: PlanData) -> None:
    """Refuse duplicate codes within one PlanData, naming the first duplicate (Chinese)."""
    plan = data.plan.code
    dups = _duplicates(r.code for r in data.regions)
    if dups:
        raise StoreError(f"地区编码 {dups[0]} 重复，未写入任何数据")
    dups = _duplicates(a.code for a in data.work_areas)
    if dups:
        raise StoreError(f"计划 {plan} 中工作领域编码 {dups[0]} 重复，未写入任何数据")
    dups = _duplicates(item.code for item in data.items())
    if dups:
        raise StoreError(f"计划 {plan} 中项目编码 {dups[0]} 重复（各类项目共用一套编码），未写入任何数据")
    for task in data.tasks:
        dups = _duplicates(str(ms.key) for ms in task.milestones)
        if dups:
            raise StoreError(f"重点任务 {task.code} 的里程碑编号 {dups[0]} 重复，未写入任何数据")


class Store:
    """Plans, progress, audit log and document facts in one database (SQLite or PostgreSQL)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._writer = for_writing(engine)
        self._ready = False

    @classmethod
    def open(cls, url: str | None = None) -> Store:
        """Open the store at ``url``; None → ``PLANWATCH_DATABASE_URL`` or ``sqlite:///planwatch.sqlite``."""
        return cls(make_engine(url or os.environ.get("PLANWATCH_DATABASE_URL") or Settings().database_url))

    @property
    def location(self) -> str:
        """Where the database is: a file path for SQLite, the URL (no password) otherwise."""
        return describe_location(self.engine)

    def init(self) -> str | None:
        """Create or migrate the schema to the newest revision (idempotent); return that revision."""
        upgrade_to_head(self.engine)
        self._ready = True
        return current_revision(self.engine)

    def revision(self) -> str | None:
        """Return the schema revision the database is at (None when empty)."""
        return current_revision(self.engine)

    def close(self) -> None:
        """Release the connections."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def write_transaction(self):
        """Return a context manager of one write transaction (on SQLite it takes the write lock at BEGIN)."""
        return self._writer.begin()

    def _ensure(self) -> None:
        # A store used before ``init`` migrates itself once: a fresh file just works.
        if not self._ready:
            self.init()

    # -- writes -----------------------------------------------------------------------

    def save_plan_data(self, data: PlanData, *, user: str, absent: AbsentPolicy = "report") -> ChangeSummary:
        """Save a plan with its items and progress in one transaction; upsert by code, audit each change.

        ``data`` is taken as the whole plan: stored items it leaves out are listed in the
        summary's ``absent`` (``"report"``, nothing deleted) or deleted with their
        milestones and progress in the same transaction and listed in ``removed``
        (``"replace"``); ``"ignore"`` is for partial saves that add or update a few items.
        """
        self._ensure()
        validate_plan_data(data)
        summary = ChangeSummary()
        plan_code = data.plan.code
        with self._writer.begin() as conn:
            writer = _Writer(conn, user, summary)
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
            writer.progress(plan_id, plan_code, data.progress)
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

    def record_ingest(
        self,
        plan_code: str,
        *,
        targets: Sequence[Target],
        progress: Sequence[ProgressRecord],
        document: str,
        text_sha256: str,
        facts: list[dict[str, Any]],
        user: str,
    ) -> IngestWrite:
        """Record what a report gave — new targets, progress, its document facts — in ONE transaction.

        A report is read as a whole, so it is recorded as a whole: if any part is refused
        (a duplicate or unknown code, a fact the database will not take) the transaction
        is rolled back and nothing of the other parts stays. Targets and progress upsert
        by key and the facts replace an earlier read of the same text, so recording the
        same report again changes nothing.
        """
        self._ensure()
        rows = [_fact_row(document, i, fact) for i, fact in enumerate(facts)]  # refuse malformed facts first
        dups = _duplicates(t.code for t in targets)
        if dups:
            raise StoreError(f"计划 {plan_code} 中项目编码 {dups[0]} 重复，未写入任何数据")
        result = IngestWrite()
        with self._writer.begin() as conn:
            plan_id = self._plan_id(conn, plan_code)
            check_namespace(conn, plan_id, plan_code, [("target", targets)])
            writer = _Writer(conn, user, result.targets)
            # a report never adds to the official plan: its targets wait for the 计划处 as proposals
            writer.proposals(plan_id, plan_code, list(targets), document)
            writer.summary = result.progress
            writer.progress(plan_id, plan_code, list(progress))
            writer.summary = result.document
            result.document_id = writer.document(document, text_sha256, rows)
            writer.flush()
        return result

    def add_progress(self, plan_code: str, records: list[ProgressRecord], *, user: str) -> ChangeSummary:
        """Add or update progress records of a plan in one transaction; unknown items → StoreError."""
        self._ensure()
        summary = ChangeSummary()
        with self._writer.begin() as conn:
            plan_id = self._plan_id(conn, plan_code)
            writer = _Writer(conn, user, summary)
            writer.progress(plan_id, plan_code, list(records))
            writer.flush()
        return summary

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

    def decide_proposal(self, plan_code: str, proposal_id: int, *, accept: bool, user: str) -> Target | None:
        """Accept a proposal into the plan (its target saved and audited) or reject it, in one transaction.

        Returns the target added on acceptance. A proposal already decided → StoreError.
        """
        self._ensure()
        table: Table = TargetProposalRow.__table__
        with self.engine.begin() as conn:
            plan_id = self._plan_id(conn, plan_code)
            row = conn.execute(
                select(table).where(table.c.id == proposal_id, table.c.plan_id == plan_id)
            ).one_or_none()
            if row is None:
                raise StoreError(f"计划 {plan_code} 中没有编号为 {proposal_id} 的目标建议")
            if row.state != "proposed":
                raise StoreError(f"目标建议 {proposal_id}（{row.code}）已处理（{row.state}），未作改动")
            writer = _Writer(conn, user, ChangeSummary())
            target = None
            if accept:
                values = {**row.target, "code": row.code}
                target = m.target_from(_RowView(values))
                check_namespace(conn, plan_id, plan_code, [("target", [target])])
                writer.plan_rows(ITEM_TABLES["target"], "target", plan_id, plan_code, [m.target_row(target)])
            state = "accepted" if accept else "rejected"
            decided = {"state": state, "decided_by": user, "decided_at": writer.at}
            conn.execute(update(table).where(table.c.id == proposal_id).values(**decided))
            writer.log("update", table.name, f"{plan_code}/{row.code}", {"state": row.state}, {"state": state})
            writer.flush()
            return target

    def delete_progress(
        self, plan_code: str, item_code: str, as_of: date, milestone_key: str | None = None, *, user: str
    ) -> bool:
        """Delete one progress record (audited); return whether it existed."""
        self._ensure()
        with self._writer.begin() as conn:
            plan_id = self._plan_id(conn, plan_code)
            columns = ["item_code", "as_of", "milestone_key", *m.PROGRESS_VALUE_COLUMNS]
            key = (item_code, as_of, milestone_key or "")
            writer = _Writer(conn, user, ChangeSummary())
            found = writer.existing(
                PROGRESS,
                columns,
                ["item_code", "as_of", "milestone_key"],
                PROGRESS.c.plan_id == plan_id,
                PROGRESS.c.item_code == item_code,
                PROGRESS.c.as_of == as_of,
                PROGRESS.c.milestone_key == key[2],
            )
            if key not in found:
                return False
            row_id, old = found[key]
            conn.execute(delete(PROGRESS).where(PROGRESS.c.id == row_id))
            writer.log("delete", PROGRESS.name, _progress_audit_key(plan_code, old), old, None)
            latest.refresh(conn, plan_id, [item_code])
            writer.flush()
            return True

    @staticmethod
    def _plan_id(conn: Connection, plan_code: str) -> int:
        table: Table = PlanRow.__table__
        plan_id = conn.execute(select(table.c.id).where(table.c.code == plan_code)).scalar_one_or_none()
        if plan_id is None:
            raise StoreError(f"计划 {plan_code} 不存在，请先导入计划")
        return plan_id

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
        self, plan_code: str, *, as_of: date | None = None, latest_only: bool = False, progress: bool = True
    ) -> PlanData:
        """Load a plan with everything under it; ``as_of`` drops later progress.

        ``latest_only`` returns per item only what the status engine needs — the latest
        cumulative value (non-cumulative records after it folded in), every milestone
        record, the latest stage record and the latest report — reduced in SQL.
        ``progress=False`` leaves progress out (an importer checking codes needs only the items).
        """
        self._ensure()
        # Loading 100,000 items makes a few hundred thousand objects without cycles; the
        # cyclic collector would rescan them over and over.
        collecting = gc.isenabled()
        gc.disable()
        try:
            return self._load_plan_data(plan_code, as_of, latest_only, progress)
        finally:
            if collecting:
                gc.enable()

    def _load_plan_data(self, plan_code: str, as_of: date | None, latest_only: bool, progress: bool) -> PlanData:
        with self._writer.begin() as conn:
            table: Table = PlanRow.__table__
            plan_row = conn.execute(select(table).where(table.c.code == plan_code)).one_or_none()
            if plan_row is None:
                raise StoreError(f"计划 {plan_code} 不存在")
            plan = m.plan_from(plan_row)
            plan_id = plan_row.id
            data = PlanData(plan=plan, regions=self._plan_regions(conn, plan.region_code))

            def rows(t: Table, *order: Any) -> list[Any]:
                return conn.execute(select(t).where(t.c.plan_id == plan_id).order_by(*order, t.c.id)).all()

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
            for r in conn.execute(query):
                milestones.setdefault(r.task_id, []).append(m.milestone_from(r))
            data.tasks = [m.task_from(r, milestones.get(r.id, [])) for r in rows(task_table)]
            dates: m.Dates = {}
            data.projects = [m.project_from_driver(r, dates) for r in _project_values(conn, plan_id)]
            data.livelihood_items = [m.livelihood_from(r) for r in rows(ITEM_TABLES["livelihood"])]
            if not progress:
                pass
            elif latest_only:
                data.progress = latest_progress(conn, plan_id, as_of, dates)
            else:
                query = select(*READ_COLUMNS[1:], PROGRESS.c.warning).where(PROGRESS.c.plan_id == plan_id)
                if as_of is not None:
                    query = query.where(PROGRESS.c.as_of <= as_of)
                data.progress = _records_with_warnings(conn.execute(query.order_by(PROGRESS.c.id)))
        return data

    def item_progress(self, plan_code: str, item_code: str, *, as_of: date | None = None) -> list[ProgressRecord]:
        """Return one item's full progress history (up to ``as_of``), in saved order.

        The same records a full ``load_plan_data`` holds for that item, read through the
        (plan, item, as-of) index: an item page of a plan with a million progress rows
        reads that item's few rows instead of all of them.
        """
        self._ensure()
        with self.engine.connect() as conn:
            plan_id = self._plan_id(conn, plan_code)
            query = select(*READ_COLUMNS[1:], PROGRESS.c.warning).where(
                PROGRESS.c.plan_id == plan_id, PROGRESS.c.item_code == item_code
            )
            if as_of is not None:
                query = query.where(PROGRESS.c.as_of <= as_of)
            return _records_with_warnings(conn.execute(query.order_by(PROGRESS.c.id)))

    def items_progress(self, plan_code: str, item_codes: Iterable[str]) -> dict[str, list[ProgressRecord]]:
        """Return the whole stored history of some items of a plan, by item code (saved order).

        What the entry warnings compare new figures with; read by code, 500 at a time.
        """
        self._ensure()
        codes = sorted(set(item_codes))
        out: dict[str, list[ProgressRecord]] = {}
        with self.engine.connect() as conn:
            plan_id = self._plan_id(conn, plan_code)
            for part in _chunks(codes, 500):
                query = select(*READ_COLUMNS[1:], PROGRESS.c.warning).where(
                    PROGRESS.c.plan_id == plan_id, PROGRESS.c.item_code.in_(part)
                )
                for record in _records_with_warnings(conn.execute(query.order_by(PROGRESS.c.id))):
                    out.setdefault(record.item_code, []).append(record)
        return out

    def report_dates(self, plan_code: str) -> dict[date, int]:
        """Return, per date, how many of the plan's items have their latest report dated on it.

        Read from the per-item summary (one row per item), so it costs a grouped scan of
        ``progress_latest``, not of the progress rows; the default board date rests on it.
        """
        self._ensure()
        table = latest.LATEST
        with self.engine.connect() as conn:
            plan_id = self._plan_id(conn, plan_code)
            query = (
                select(table.c.last_any, func.count()).where(table.c.plan_id == plan_id).group_by(table.c.last_any)
            )
            return {day: count for day, count in conn.execute(query) if day is not None}

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

    def audit_log(self, limit: int = 100, *, table: str | None = None, key: str | None = None) -> list[AuditEntry]:
        """Return the newest audit entries first, optionally of one table or record key."""
        self._ensure()
        query = select(AUDIT).order_by(AUDIT.c.id.desc()).limit(limit)
        if table is not None:
            query = query.where(AUDIT.c.table_name == table)
        if key is not None:
            query = query.where(AUDIT.c.key == key)
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        return [_audit_entry(r) for r in rows]

    def audit_count(self) -> int:
        """Return how many audit rows there are."""
        self._ensure()
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(AUDIT)).scalar_one()

    def data_version(self) -> tuple[int, int]:
        """Return a value that changes whenever plan or progress data changes, in any process.

        Every write leaves audit rows and audit rows are never deleted, so the newest audit id
        serves, read from the primary key's index without a scan. On PostgreSQL ids are
        handed out before commit, so a transaction may commit after one with higher ids: the
        number of rows among the newest 1,000 ids changes when it does.
        """
        self._ensure()
        newest = select(AUDIT.c.id).order_by(AUDIT.c.id.desc()).limit(1000).subquery()
        with self.engine.connect() as conn:
            top, count = conn.execute(select(func.coalesce(func.max(newest.c.id), 0), func.count())).one()
        return int(top), int(count)

    # -- documents --------------------------------------------------------------------

    def save_document(self, name: str, text_sha256: str, facts: list[dict[str, Any]], *, user: str) -> int:
        """Record a document's facts (replacing those of an earlier read of the same text); return its id."""
        self._ensure()
        rows = [_fact_row(name, i, fact) for i, fact in enumerate(facts)]
        with self._writer.begin() as conn:
            writer = _Writer(conn, user, ChangeSummary())
            doc_id = writer.document(name, text_sha256, rows)
            writer.flush()
        return doc_id

    def search_facts(
        self,
        text: str | None = None,
        subject: str | None = None,
        *,
        document: str | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Return stored document facts whose text or subject contains ``text`` and subject contains ``subject``.

        Each result is the fact in the exchange format plus ``document`` (name),
        ``document_id`` and ``sha256``.
        """
        self._ensure()
        facts: Table = DocumentFactRow.__table__
        docs: Table = DocumentRow.__table__
        query = select(facts, docs.c.name.label("document_name"), docs.c.sha256).join(
            docs, docs.c.id == facts.c.document_id
        )
        if text:
            pattern = f"%{_escape_like(text)}%"
            query = query.where(
                or_(facts.c.text.like(pattern, escape="\\"), facts.c.subject.like(pattern, escape="\\"))
            )
        if subject:
            query = query.where(facts.c.subject.like(f"%{_escape_like(subject)}%", escape="\\"))
        if document:
            query = query.where(or_(docs.c.name == document, docs.c.sha256 == document))
        query = query.order_by(facts.c.document_id, facts.c.span_start, facts.c.id)
        if limit:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        out = []
        for r in rows:
            fact: dict[str, Any] = {"span": [r.span_start, r.span_end]}
            fact.update({f: getattr(r, f) for f in FACT_FIELDS})
            fact.update(r.extra or {})
            if r.indicator:  # the library's canonical name (an earlier ingest kept a catalog code in extra)
                fact["indicator"] = r.indicator
            fact.update({"document": r.document_name, "document_id": r.document_id, "sha256": r.sha256})
            out.append(fact)
        return out

    def audit_entries(
        self,
        *,
        plan: str | None = None,
        item: str | None = None,
        table: str | None = None,
        user: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        limit: int | None = 100,
    ) -> list[AuditEntry]:
        """Return audit entries newest first: of one plan, item, table or user, at or after ``since``, before ``until``.

        Audit keys start with the plan code (JC2025, JC2025/P001, JC2025/K01/2,
        JC2025/T01/2025-06-30), so a plan is a key prefix and an item the part after it;
        regions and documents belong to no plan and drop out of a plan or item filter.
        """
        self._ensure()
        audit, key = AUDIT.c, AUDIT.c.key
        query = select(AUDIT).order_by(audit.id.desc())
        if plan is not None:
            own = and_(audit.table_name == PlanRow.__tablename__, key == plan)
            query = query.where(or_(own, key.like(f"{_escape_like(plan)}/%", escape="\\")))
        if table is not None:
            query = query.where(audit.table_name == table)
        if user is not None:
            query = query.where(audit.user == user)
        if since is not None:
            query = query.where(audit.at >= since)
        if until is not None:
            query = query.where(audit.at < until)
        with self.engine.connect() as conn:
            if item is not None:
                # every plan ever audited: a deleted plan's items keep their history
                plans = [plan] if plan is not None else self._audited_plans(conn)
                code = _escape_like(item)
                one_item = [
                    or_(key == f"{p}/{item}", key.like(f"{_escape_like(p)}/{code}/%", escape="\\")) for p in plans
                ]
                query = query.where(or_(false(), *one_item))
            rows = conn.execute(query.limit(limit) if limit else query).all()
        return [_audit_entry(r) for r in rows]

    @staticmethod
    def _audited_plans(conn: Connection) -> list[str]:
        return list(
            conn.execute(select(AUDIT.c.key).where(AUDIT.c.table_name == PlanRow.__tablename__).distinct()).scalars()
        )


def _records_with_warnings(rows: Iterable[Any]) -> list[ProgressRecord]:
    """Build records from rows of ``PROGRESS_READ_COLUMNS`` followed by the warning column."""
    sources: dict[tuple[Any, ...], Any] = {}
    records = []
    for r in rows:
        record = m.progress_from_values(r, sources)
        if r[-1]:
            record.warning = r[-1]
        records.append(record)
    return records


class _RowView:
    """Attribute access over a dict, for the ``mapping.*_from`` functions (which read rows by name)."""

    def __init__(self, values: dict[str, Any]) -> None:
        self.__dict__.update(values)

    def __getattr__(self, name: str) -> Any:
        return None


def _audit_entry(r: Any) -> AuditEntry:
    """Return an audit row as an entry; SQLite gives back naive times, which were stored as UTC."""
    at = r.at if r.at.tzinfo else r.at.replace(tzinfo=UTC)
    return AuditEntry(r.id, at, r.user, r.action, r.table_name, r.key, r.before, r.after)


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _fact_row(document: str, index: int, fact: dict[str, Any]) -> Row:
    """Turn a fact of the exchange format into a row; a malformed fact → StoreError naming it."""
    try:
        span = fact["span"]
        start, end = int(span[0]), int(span[1])
        value = float(fact["value"])
        measure = str(fact["measure"])
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise StoreError(f"{document} 第 {index + 1} 条数据格式不对（需要 span、measure、value）：{exc}") from exc
    row: Row = {"span_start": start, "span_end": end}
    for f in FACT_FIELDS:
        row[f] = fact.get(f)
    row["value"] = value
    row["measure"] = measure
    row["text"] = row["text"] or ""
    row["modality"] = row["modality"] or "actual"
    extra = {k: v for k, v in fact.items() if k not in FACT_FIELDS and k != "span"}
    row["extra"] = extra or None
    return row


# -- whole-plan reads ---------------------------------------------------------------------


def driver_rows(conn: Connection, query: Any) -> list[tuple[Any, ...]]:
    """Run ``query`` (a statement or SQL text) on the DBAPI cursor and return its plain tuples.

    No SQLAlchemy per-value processing and no Row objects: values stay as the driver
    gives them (SQLite: dates as ISO strings, booleans as 0/1); the ``mapping.*_from_driver``
    functions convert them. Bound values are rendered into the SQL (plan ids, dates and
    codes, all from our own tables or typed arguments). Runs in ``conn``'s transaction.
    """
    sql = query if isinstance(query, str) else _literal_sql(conn, query)
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(sql)
        return cursor.fetchall()
    finally:
        cursor.close()


def _literal_sql(conn: Connection, query: Any) -> str:
    return str(query.compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True}))


def _project_values(conn: Connection, plan_id: int) -> list[Any]:
    """Return the plan's projects as driver values in ``PROJECT_READ_COLUMNS`` order, in saved order.

    On SQLite, ``WHERE plan_id = ? ORDER BY id`` reads the rows through the (plan, code)
    index and sorts 100,000 rows in a temporary B-tree; reading the plan's id range in
    table order instead (``+plan_id`` keeps the index out) needs no sort and is about
    twice as fast. Rows of other plans inside that range are filtered out.
    """
    projects = ITEM_TABLES["project"]
    columns = [projects.c[c] for c in m.PROJECT_READ_COLUMNS]
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


# -- latest-only reduction ----------------------------------------------------------------


def latest_progress(
    conn: Connection, plan_id: int, as_of: date | None, dates: m.Dates | None = None
) -> list[ProgressRecord]:
    """Return per item what the status engine needs, reduced in SQL.

    One grouped pass finds per item the dates of the latest cumulative value, of the
    latest non-cumulative value, of the latest stage and of the latest report, and sums
    the non-cumulative values; a join picks the rows at those dates plus all milestone
    records. Non-cumulative values after the latest cumulative one are folded into one
    cumulative record (dated at the latest of them, with its source). Other non-cumulative
    rows kept only for their stage or date carry ``value=None`` so nothing is counted twice.
    """
    pr = PROGRESS
    base = [pr.c.plan_id == plan_id]
    if as_of is not None:
        base.append(pr.c.as_of <= as_of)
    plain = pr.c.milestone_key == ""
    has_value = pr.c.value.is_not(None)
    is_nc = and_(plain, pr.c.cumulative.is_(False), has_value)
    # Driver values throughout (dates compared as the driver gives them, all of one kind).
    if latest.usable(conn, plan_id, as_of):
        # The rows every write keeps with the summary: one short scan, no pass over the progress.
        rows_table = latest.LATEST_ROWS
        other: Any = latest.LATEST.alias("agg2")
        read = [rows_table.c[c] for c in latest.ROWS_READ_COLUMNS]
        rows = driver_rows(conn, select(*read).where(rows_table.c.plan_id == plan_id))
    else:
        # An as-of date before some reports: summarise the rows up to it on the fly.
        agg: Any = latest.summary_select(*base).subquery("agg")
        other = agg.alias("agg2")
        rows = driver_rows(conn, latest.candidate_rows(agg, agg.c.plan_id == plan_id))
    milestone_rows = driver_rows(conn, select(*READ_COLUMNS).where(*base, pr.c.milestone_key != literal_column("''")))
    # Items whose non-cumulative records straddle the latest cumulative one need an exact sum.
    mixed = sorted(
        {
            r[ITEM]
            for r in rows
            if r[LAST_CUM] is not None and r[N_NC] and r[FIRST_NC] <= r[LAST_CUM] and r[LAST_NC] > r[LAST_CUM]
        }
    )
    after_cum: dict[str, tuple[float, int]] = {}
    for start in range(0, len(mixed), 500):
        sub = other
        query = (
            select(pr.c.item_code, func.sum(pr.c.value), func.count())
            .join(sub, and_(sub.c.plan_id == pr.c.plan_id, sub.c.item_code == pr.c.item_code))
            .where(*base, is_nc, pr.c.as_of > sub.c.last_cum, pr.c.item_code.in_(mixed[start : start + 500]))
            .group_by(pr.c.item_code)
        )
        for code, total, count in conn.execute(query):
            after_cum[code] = (total, count)
    by_item: dict[str, list[Any]] = {}
    for r in rows:
        group = by_item.get(r[ITEM])
        if group is None:
            by_item[r[ITEM]] = [r]
        else:
            group.append(r)
    for r in milestone_rows:
        by_item[r[ITEM]].append(r)
    sources: dict[tuple[Any, ...], Any] = {}
    dates = {} if dates is None else dates
    build = m.progress_from_driver
    out: list[ProgressRecord] = []
    for code in sorted(by_item):
        group = by_item[code]
        agg_row = group[0]
        if len(group) == 1:
            if not agg_row[N_NC]:
                # The common case: one latest report and nothing to fold.
                out.append(build(agg_row, sources, dates))
                continue
            if (
                agg_row[LAST_CUM] is None
                and agg_row[AS_OF] == agg_row[LAST_NC]
                and agg_row[MILESTONE] == ""
                and not agg_row[CUMULATIVE]
                and agg_row[VALUE] is not None
            ):
                # Only amounts, the latest one the latest report: it carries their sum (as ``_reduce_item``).
                record = build(agg_row, sources, dates)
                record.value, record.cumulative, record.period_start = agg_row[SUM_NC], True, None
                out.append(record)
                continue
        group.sort(key=lambda r: (r[AS_OF], r[ID]))
        out.extend(_reduce_item(agg_row, group, after_cum.get(code), sources, dates))
    return out


# Positions in the rows of ``latest_progress``: the id, the progress values, then ``agg``.
ID, ITEM, AS_OF, VALUE, CUMULATIVE = 0, 1, 2, 3, 4
MILESTONE = 6
VALUES_END = 1 + len(m.PROGRESS_READ_COLUMNS)
LAST_CUM, LAST_NC, FIRST_NC, SUM_NC, N_NC = (VALUES_END + i for i in range(5))


def _reduce_item(
    a: Any,
    rows: list[Any],
    after_cum: tuple[float, int] | None,
    sources: dict[tuple[Any, ...], Any],
    dates: m.Dates,
) -> list[ProgressRecord]:
    """Build the reduced records of one item from its candidate rows; ``a`` carries the item's dates."""

    def plain_value(r: Any) -> bool:
        return r[MILESTONE] == "" and r[VALUE] is not None

    cum_row = next((r for r in rows if plain_value(r) and r[CUMULATIVE] and r[AS_OF] == a[LAST_CUM]), None)
    nc_row = None
    value_record: ProgressRecord | None = None
    if a[N_NC] and (a[LAST_CUM] is None or a[LAST_NC] > a[LAST_CUM]):
        nc_row = next(r for r in rows if plain_value(r) and not r[CUMULATIVE] and r[AS_OF] == a[LAST_NC])
        if a[LAST_CUM] is None:
            total = a[SUM_NC]
        elif after_cum is not None:
            total = cum_row[VALUE] + after_cum[0]
        else:
            total = cum_row[VALUE] + a[SUM_NC]
        value_record = m.progress_from_driver(nc_row, sources, dates)
        # a fresh object: set the folded total in place (cheaper than dataclasses.replace)
        value_record.value, value_record.cumulative, value_record.period_start = total, True, None
    out: list[ProgressRecord] = []
    seen: set[int] = set()
    for r in rows:
        if r[ID] in seen:
            continue
        seen.add(r[ID])
        if nc_row is not None and r[ID] == nc_row[ID]:
            out.append(value_record)  # type: ignore[arg-type]
            continue
        record = m.progress_from_driver(r, sources, dates)
        if plain_value(r) and not r[CUMULATIVE]:
            record.value = None  # kept for its stage or date; its amount is in the fold
        out.append(record)
    return out
