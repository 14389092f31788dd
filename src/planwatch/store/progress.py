"""Progress: writing records (validated against the plan), reading histories, the latest-only fold."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from operator import attrgetter
from typing import Any

from sqlalchemy import and_, bindparam, delete, func, literal_column, select
from sqlalchemy.engine import Connection

from planwatch.plan import validation
from planwatch.plan.model import ProgressRecord
from planwatch.store import latest
from planwatch.store import mapping as m
from planwatch.store.bulk import driver_rows
from planwatch.store.items import entry_bounds, item_kinds, task_milestones
from planwatch.store.summary import ChangeSummary, StoreError
from planwatch.store.tables import PLANS, PROGRESS
from planwatch.store.writer import CHUNK, Row, Writer, chunks

#: The id and the columns ``mapping.progress_from_values`` reads, in its order.
READ_COLUMNS = (PROGRESS.c.id, *(PROGRESS.c[c] for c in m.PROGRESS_READ_COLUMNS))

#: One item's records up to a date, in saved order: every item page asks it, so it is built once
#: (see ``audit.NEWEST_ID``), the plan's id a subquery rather than a statement of its own.
ITEM_HISTORY = (
    select(*READ_COLUMNS[1:], PROGRESS.c.warning)
    .where(
        PROGRESS.c.plan_id == select(PLANS.c.id).where(PLANS.c.code == bindparam("plan")).scalar_subquery(),
        PROGRESS.c.item_code == bindparam("item"),
        PROGRESS.c.as_of <= bindparam("as_of"),
    )
    .order_by(PROGRESS.c.id)
)


def _progress_audit_key(plan_code: str, row: Row) -> str:
    key = f"{plan_code}/{row['item_code']}/{row['as_of'].isoformat()}"
    return f"{key}/{row['milestone_key']}" if row["milestone_key"] else key


class ProgressWriter(Writer):
    """The progress writes of one transaction."""

    def progress(self, plan_id: int, plan_code: str, records: list[ProgressRecord]) -> None:
        """Validate progress against the plan's items and upsert it by (item, as_of, milestone)."""
        if not records:
            return
        # A few records (an approval, a form): look up their items only, not the whole plan's.
        few = sorted({r.item_code for r in records}) if len(records) <= 500 else None
        kinds = item_kinds(self.conn, plan_id, few)
        milestone_keys = task_milestones(self.conn, plan_id, few)
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


    def vouched_progress(self, plan_id: int, plan_code: str, records: list[ProgressRecord], note: str) -> None:
        """Write progress as :meth:`progress` does, each changed figure with a submission approved by the user.

        Records that change nothing leave no submission either, so importing a file again
        changes nothing (see :func:`planwatch.store.submissions.vouch`).
        """
        from planwatch.store import submissions

        self.changed = []
        try:
            self.progress(plan_id, plan_code, records)
            keys = set(self.changed)
        finally:
            self.changed = None
        vouched = [r for r in records if m.progress_key(r) in keys]
        # the figures' own audit rows come last, so newest first the change reads before who vouched
        figures, self.audit = self.audit, []
        written = submissions.vouch(self.conn, self, plan_id, plan_code, vouched, note)
        self.audit.extend(figures)
        self.summary.bump("submission", "inserted", written)


class ProgressStore:
    """Progress writes and reads of :class:`~planwatch.store.service.Store` (which supplies the engine)."""

    def add_progress(self, plan_code: str, records: list[ProgressRecord], *, user: str) -> ChangeSummary:
        """Add or update progress records of a plan in one transaction; unknown items → StoreError."""
        self._ensure()
        summary = ChangeSummary()
        with self._writer.begin() as conn:
            plan_id = self._plan_id(conn, plan_code)
            writer = ProgressWriter(conn, user, summary)
            writer.progress(plan_id, plan_code, list(records))
            writer.flush()
        return summary

    def record_approved(
        self, plan_code: str, records: list[ProgressRecord], *, user: str, source: str = ""
    ) -> ChangeSummary:
        """Write progress vouched for by ``user`` in one transaction: each changed figure with an approved submission.

        The planning office's bulk paths (import, ingest) use it so that every figure on
        the board answers who vouched for it and when; ``source`` (the file or document)
        is kept on each submission. Unknown items or bad figures → StoreError, nothing written.
        """
        self._ensure()
        summary = ChangeSummary()
        with self._writer.begin() as conn:
            plan_id = self._plan_id(conn, plan_code)
            writer = ProgressWriter(conn, user, summary)
            writer.vouched_progress(plan_id, plan_code, list(records), source)
            writer.flush()
        return summary

    def delete_progress(
        self, plan_code: str, item_code: str, as_of: date, milestone_key: str | None = None, *, user: str
    ) -> bool:
        """Delete one progress record (audited); return whether it existed."""
        self._ensure()
        with self._writer.begin() as conn:
            plan_id = self._plan_id(conn, plan_code)
            columns = ["item_code", "as_of", "milestone_key", *m.PROGRESS_VALUE_COLUMNS]
            key = (item_code, as_of, milestone_key or "")
            writer = ProgressWriter(conn, user, ChangeSummary())
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

    def item_progress(self, plan_code: str, item_code: str, *, as_of: date | None = None) -> list[ProgressRecord]:
        """Return one item's full progress history (up to ``as_of``), in saved order.

        The same records a full ``load_plan_data`` holds for that item, read through the
        (plan, item, as-of) index: an item page of a plan with a million progress rows
        reads that item's few rows instead of all of them.
        """
        self._ensure()
        values = {"plan": plan_code, "item": item_code, "as_of": as_of or date.max}
        with self.engine.connect() as conn:
            records = _records_with_warnings(conn.execute(ITEM_HISTORY, values))
            if not records:
                self._plan_id(conn, plan_code)  # an unknown plan is an error, not an empty history
        return records

    def items_progress(self, plan_code: str, item_codes: Iterable[str]) -> dict[str, list[ProgressRecord]]:
        """Return the whole stored history of some items of a plan, by item code (saved order).

        What the entry warnings compare new figures with; read by code, 500 at a time.
        """
        self._ensure()
        codes = sorted(set(item_codes))
        out: dict[str, list[ProgressRecord]] = {}
        with self.engine.connect() as conn:
            plan_id = self._plan_id(conn, plan_code)
            for part in chunks(codes, 500):
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


# -- latest-only reduction ----------------------------------------------------------------


#: Items reported after a board's date above which the whole plan is summarised on the fly.
SPLIT_LIMIT = 2000
#: Items few enough to be asked about by code (one IN list) rather than through the whole plan's summary.
FEW_CODES = 500


def latest_progress(
    conn: Connection, plan_id: int, as_of: date | None, dates: m.Dates | None = None, codes: list[str] | None = None
) -> list[ProgressRecord]:
    """Return per item what the status engine needs as of ``as_of``, reduced in SQL (see :func:`_reduced`).

    The summary every write keeps answers for the items with no report after ``as_of``;
    the few reported later (a board of June viewed while July figures come in) are
    summarised from their rows up to ``as_of`` — one pass over a million rows for all
    items would take seconds. ``codes``: those items only.
    """
    if as_of is None:
        return _reduced(conn, plan_id, as_of, dates, codes, summary=True)
    if codes is not None and len(codes) <= FEW_CODES:
        # a few items (a board brought up to date): ask about them, not the whole plan's summary
        later = latest.reported_after(conn, plan_id, as_of, codes)
    elif latest.usable(conn, plan_id, as_of):
        later = []
    else:
        later = latest.reported_after(conn, plan_id, as_of, codes)
    if not later:
        return _reduced(conn, plan_id, as_of, dates, codes, summary=True)
    if len(later) > SPLIT_LIMIT:
        return _reduced(conn, plan_id, as_of, dates, codes, summary=False)
    records = _reduced(conn, plan_id, as_of, dates, codes, summary=True, exclude=later)
    records += _reduced(conn, plan_id, as_of, dates, later, summary=False)
    records.sort(key=attrgetter("item_code"))  # stable: each item's records keep their order
    return records


def _reduced(
    conn: Connection,
    plan_id: int,
    as_of: date | None,
    dates: m.Dates | None,
    codes: list[str] | None,
    *,
    summary: bool,
    exclude: list[str] | None = None,
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
    if codes is not None:  # a few items only (a cached board brought up to date)
        base.append(pr.c.item_code.in_(codes))
    if exclude:
        base.append(pr.c.item_code.not_in(exclude))
    plain = pr.c.milestone_key == ""
    has_value = pr.c.value.is_not(None)
    is_nc = and_(plain, pr.c.cumulative.is_(False), has_value)
    # Driver values throughout (dates compared as the driver gives them, all of one kind).
    if summary:
        # The rows every write keeps with the summary: one short scan, no pass over the progress.
        rows_table = latest.LATEST_ROWS
        other: Any = latest.LATEST.alias("agg2")
        read = [rows_table.c[c] for c in latest.ROWS_READ_COLUMNS]
        query = select(*read).where(rows_table.c.plan_id == plan_id)
        if codes is not None:
            query = query.where(rows_table.c.item_code.in_(codes))
        if exclude:
            query = query.where(rows_table.c.item_code.not_in(exclude))
        rows = driver_rows(conn, query)
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
