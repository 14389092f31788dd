"""The submissions aggregate: progress a unit submitted, waiting for review, and its history.

A submission row is written once and then only moves between states; its figures never
change. Each move is a conditional UPDATE on ``(id, version)``, so of two reviewers
acting on the same version one wins and the other gets :class:`Conflict` — on SQLite and
PostgreSQL alike, without holding locks across requests. An approval writes the figure
into ``progress_records`` in the same transaction, through the store's progress writer
(so validation, the audit row and the ``progress_latest`` summary are the usual ones).
Which move is allowed is decided by ``planwatch.app.review``, not here.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Engine, Table, bindparam, func, select, update
from sqlalchemy.engine import Connection

from planwatch.plan.model import ProgressRecord, Source
from planwatch.store.bulk import insert_rows
from planwatch.store.engine import for_writing
from planwatch.store.summary import ChangeSummary, StoreError
from planwatch.store.tables import ITEM_TABLES, PLANS, SubmissionRow
from planwatch.store.users import as_utc, now, write_audit

SUBMISSIONS: Table = SubmissionRow.__table__

#: The states in which a submission still waits for the unit or the reviewer.
OPEN_STATES = ("submitted", "returned")


class Conflict(StoreError):
    """Someone else moved the submission first; the message (Chinese) says to reload."""


@dataclass(frozen=True, slots=True)
class Submission:
    """One submitted figure and where its review stands."""

    id: int
    plan_code: str
    item_code: str
    as_of: date
    milestone_key: str | None
    value: float | None
    cumulative: bool
    narrative: str
    unit: str
    state: str
    version: int
    warning: str | None
    reason: str | None
    supersedes_id: int | None
    submitted_by: str
    submitted_at: datetime
    reviewed_by: str | None
    reviewed_at: datetime | None
    comment: str | None
    updated_at: datetime

    def progress_record(self) -> ProgressRecord:
        """Return the progress record an approval writes (its confirmed warning kept)."""
        return _record_of(self, self.warning or "")


@dataclass(frozen=True, slots=True)
class NewSubmission:
    """The figures of a submission to record (already validated by the application layer)."""

    item_code: str
    as_of: date
    value: float | None
    cumulative: bool
    narrative: str
    unit: str
    milestone_key: str | None = None
    warning: str | None = None
    reason: str | None = None

    def progress_record(self) -> ProgressRecord:
        """Return the figures as a progress record (for the one validation every entry path shares)."""
        return _record_of(self, "")


def _record_of(figures: Submission | NewSubmission, warning: str) -> ProgressRecord:
    """Return the progress record holding a submission's figures: one mapping for stored and new ones."""
    return ProgressRecord(
        item_code=figures.item_code,
        as_of=figures.as_of,
        value=figures.value,
        cumulative=figures.cumulative,
        milestone_key=figures.milestone_key,
        narrative=figures.narrative,
        source=Source(unit=figures.unit),
        warning=warning,
    )


def _select() -> Any:
    return select(SUBMISSIONS, PLANS.c.code.label("plan_code")).join(PLANS, PLANS.c.id == SUBMISSIONS.c.plan_id)


def _submission(r: Any) -> Submission:
    return Submission(
        id=r.id,
        plan_code=r.plan_code,
        item_code=r.item_code,
        as_of=r.as_of,
        milestone_key=r.milestone_key or None,
        value=r.value,
        cumulative=bool(r.cumulative),
        narrative=r.narrative,
        unit=r.unit,
        state=r.state,
        version=r.version,
        warning=r.warning,
        reason=r.reason,
        supersedes_id=r.supersedes_id,
        submitted_by=r.submitted_by,
        submitted_at=as_utc(r.submitted_at),
        reviewed_by=r.reviewed_by,
        reviewed_at=as_utc(r.reviewed_at),
        comment=r.comment,
        updated_at=as_utc(r.updated_at),
    )


def _audit_view(s: Submission) -> dict[str, Any]:
    return {
        "item_code": s.item_code,
        "as_of": s.as_of.isoformat(),
        "milestone_key": s.milestone_key,
        "value": s.value,
        "unit": s.unit,
        "state": s.state,
        "version": s.version,
        "comment": s.comment,
        "reason": s.reason,
    }


def _plan_id(conn: Connection, plan_code: str) -> int:
    plan_id = conn.execute(select(PLANS.c.id).where(PLANS.c.code == plan_code)).scalar_one_or_none()
    if plan_id is None:
        raise StoreError(f"计划 {plan_code} 不存在，请先导入计划")
    return plan_id


def _get(conn: Connection, submission_id: int) -> Submission | None:
    row = conn.execute(_select().where(SUBMISSIONS.c.id == submission_id)).first()
    return _submission(row) if row else None


def get(engine: Engine, submission_id: int) -> Submission | None:
    """Return one submission, or None."""
    with engine.connect() as conn:
        return _get(conn, submission_id)


def same_key(conn_or_engine: Any, plan_code: str, new: NewSubmission, states: tuple[str, ...]) -> list[Submission]:
    """Return the submissions of the same (item, date, milestone) in ``states``, oldest first."""
    query = (
        _select()
        .where(
            PLANS.c.code == plan_code,
            SUBMISSIONS.c.item_code == new.item_code,
            SUBMISSIONS.c.as_of == new.as_of,
            SUBMISSIONS.c.milestone_key == (new.milestone_key or ""),
            SUBMISSIONS.c.state.in_(states),
        )
        .order_by(SUBMISSIONS.c.id)
    )
    if isinstance(conn_or_engine, Connection):
        return [_submission(r) for r in conn_or_engine.execute(query)]
    with conn_or_engine.connect() as conn:
        return [_submission(r) for r in conn.execute(query)]


def add(engine: Engine, plan_code: str, new: NewSubmission, *, user: str, supersede: list[Submission]) -> Submission:
    """Record a new submission; the open ones in ``supersede`` become ``superseded`` in the same transaction.

    Each superseded row must still be at the version read, or the whole write is refused
    with :class:`Conflict`.
    """
    return add_many(engine, plan_code, [(new, supersede)], user=user)[0]


def add_many(
    engine: Engine, plan_code: str, batch: list[tuple[NewSubmission, list[Submission]]], *, user: str
) -> list[Submission]:
    """Record several submissions (a workbook's rows) in one transaction, each superseding its open ones.

    All or nothing: a superseded row moved by someone else refuses the whole batch with
    :class:`Conflict`.
    """
    at = now()
    created = []
    with for_writing(engine).begin() as conn:
        plan_id = _plan_id(conn, plan_code)
        for new, supersede in batch:
            for old in supersede:
                _move(conn, old, "superseded", user=user, at=at)
            result = conn.execute(
                SUBMISSIONS.insert().values(
                    plan_id=plan_id,
                    item_code=new.item_code,
                    as_of=new.as_of,
                    milestone_key=new.milestone_key or "",
                    value=new.value,
                    cumulative=new.cumulative,
                    narrative=new.narrative,
                    unit=new.unit,
                    state="submitted",
                    version=1,
                    warning=new.warning,
                    reason=new.reason,
                    supersedes_id=supersede[-1].id if supersede else None,
                    submitted_by=user,
                    submitted_at=at,
                    updated_at=at,
                )
            )
            row = _get(conn, result.inserted_primary_key[0])
            assert row is not None
            write_audit(conn, user, "insert", "submissions", _key(row), None, _audit_view(row))
            created.append(row)
    return created


def _key(s: Submission) -> str:
    return f"{s.plan_code}/{s.id}"


def _move(
    conn: Connection,
    current: Submission,
    state: str,
    *,
    user: str,
    at: datetime,
    review: bool = False,
    comment: str | None = None,
    reason: str | None = None,
) -> Submission:
    """Move one submission from the version read to ``state``, or raise Conflict."""
    values: dict[str, Any] = {"state": state, "version": current.version + 1, "updated_at": at}
    if review:
        values |= {"reviewed_by": user, "reviewed_at": at}
    if comment is not None:
        values["comment"] = comment
    if reason is not None:
        values["reason"] = reason
    done = conn.execute(
        update(SUBMISSIONS)
        .where(
            SUBMISSIONS.c.id == current.id,
            SUBMISSIONS.c.version == current.version,
            SUBMISSIONS.c.state == current.state,
        )
        .values(**values)
    )
    if done.rowcount != 1:
        raise Conflict(
            f"报送记录 {current.id} 已被他人处理（当前状态已变化），本次操作未生效。请刷新页面查看最新状态后再操作。"
        )
    after = _get(conn, current.id)
    assert after is not None
    write_audit(conn, user, "update", "submissions", _key(after), _audit_view(current), _audit_view(after))
    return after


def move(
    engine: Engine,
    current: Submission,
    state: str,
    *,
    user: str,
    review: bool = False,
    comment: str | None = None,
    reason: str | None = None,
) -> Submission:
    """Move a submission to ``state`` (return, withdraw) if nobody moved it since it was read."""
    with for_writing(engine).begin() as conn:
        return _move(conn, current, state, user=user, at=now(), review=review, comment=comment, reason=reason)


def approve(engine: Engine, current: Submission, *, user: str) -> Submission:
    """Approve a submission: move it, write its figure to ``progress_records`` and retire what it corrects.

    One transaction: the version check, the progress write (validated and audited as
    any progress write) and the earlier approved figure of the same key becoming
    ``superseded``.
    """
    from planwatch.store.progress import ProgressWriter  # the progress writer every progress write shares

    at = now()
    with for_writing(engine).begin() as conn:
        approved = _move(conn, current, "approved", user=user, at=at, review=True)
        earlier = conn.execute(
            _select().where(
                PLANS.c.code == current.plan_code,
                SUBMISSIONS.c.item_code == current.item_code,
                SUBMISSIONS.c.as_of == current.as_of,
                SUBMISSIONS.c.milestone_key == (current.milestone_key or ""),
                SUBMISSIONS.c.state == "approved",
                SUBMISSIONS.c.id != current.id,
            )
        ).all()
        for row in earlier:
            _move(conn, _submission(row), "superseded", user=user, at=at)
        writer = ProgressWriter(conn, user, ChangeSummary())
        writer.progress(_plan_id(conn, current.plan_code), current.plan_code, [current.progress_record()])
        writer.flush()
    return approved


#: the columns of a submission row as :func:`vouch` writes them in bulk.
_VOUCHED_COLUMNS = (
    "plan_id",
    "item_code",
    "as_of",
    "milestone_key",
    "value",
    "cumulative",
    "narrative",
    "unit",
    "state",
    "version",
    "warning",
    "reason",
    "supersedes_id",
    "submitted_by",
    "submitted_at",
    "reviewed_by",
    "reviewed_at",
    "updated_at",
)


def _owner_units(conn: Connection, plan_id: int, codes: set[str]) -> dict[str, str]:
    """Return code → owner unit of the plan's items among ``codes``."""
    owners: dict[str, str] = {}
    for table in ITEM_TABLES.values():
        for code, unit in conn.execute(select(table.c.code, table.c.owner_unit).where(table.c.plan_id == plan_id)):
            if code in codes and unit:
                owners[code] = unit
    return owners


def _approved_of(conn: Connection, plan_id: int, keys: set[tuple[str, date, str]]) -> list[Submission]:
    """Return the approved submissions of the plan whose (item, date, milestone) is among ``keys``."""
    codes = sorted({k[0] for k in keys})
    where = [SUBMISSIONS.c.plan_id == plan_id, SUBMISSIONS.c.state == "approved"]
    chunks = [None] if len(codes) > 2_000 else [codes[i : i + 500] for i in range(0, len(codes), 500)]
    found = []
    for chunk in chunks:
        query = _select().where(*where)
        if chunk is not None:
            query = query.where(SUBMISSIONS.c.item_code.in_(chunk))
        found += [_submission(r) for r in conn.execute(query) if (r.item_code, r.as_of, r.milestone_key) in keys]
    return found


def vouch(conn: Connection, writer: Any, plan_id: int, plan_code: str, records: list[ProgressRecord], note: str) -> int:
    """Record each of ``records`` as a submission approved by the writer's user; return how many.

    For the planning office's bulk paths (import, ingest): the progress rows are written
    by the same transaction's writer, these rows say who vouched for them and when.
    ``note`` (the file or document the figures came from) is kept as each row's reason.
    An earlier approved submission of the same (item, date, milestone) becomes
    ``superseded`` by the new one; submissions still waiting are left to the reviewer.
    The unit is the record's 报送单位, or else the item's owner unit.
    """
    if not records:
        return 0
    user, at = writer.user, writer.at
    keys = {(r.item_code, r.as_of, r.milestone_key or "") for r in records}
    replaced: dict[tuple[str, date, str], int] = {}
    for old in _approved_of(conn, plan_id, keys):
        _move(conn, old, "superseded", user=user, at=at)
        replaced[(old.item_code, old.as_of, old.milestone_key or "")] = old.id
    owners = _owner_units(conn, plan_id, {k[0] for k in keys})
    before = conn.execute(select(func.max(SUBMISSIONS.c.id))).scalar() or 0
    rows = []
    for r in records:
        key = (r.item_code, r.as_of, r.milestone_key or "")
        unit = (r.source.unit if r.source else None) or owners.get(r.item_code) or user
        rows.append(
            (
                plan_id, r.item_code, r.as_of, key[2], r.value, r.cumulative, r.narrative or "", unit[:200],
                "approved", 1, r.warning or None, note or None, replaced.get(key), user, at, user, at, at,
            )
        )  # fmt: skip
    insert_rows(conn, SUBMISSIONS, _VOUCHED_COLUMNS, rows)
    written = conn.execute(
        _select()
        .where(SUBMISSIONS.c.id > before, SUBMISSIONS.c.plan_id == plan_id, SUBMISSIONS.c.submitted_by == user)
        .order_by(SUBMISSIONS.c.id)
    )
    for row in written:
        created = _submission(row)
        writer.log("insert", "submissions", _key(created), None, _audit_view(created))
    return len(rows)


def listing(
    engine: Engine,
    plan_code: str,
    *,
    states: tuple[str, ...] = (),
    units: tuple[str, ...] | None = None,
    item_code: str | None = None,
    changed_since: datetime | None = None,
    limit: int = 50,
    offset: int = 0,
    newest_first: bool = False,
) -> tuple[list[Submission], int]:
    """Return a page of a plan's submissions, oldest first (or newest first), and how many match in all.

    ``units`` None: every unit; otherwise only submissions for those units.
    """
    shape = Shape(bool(states), units is not None, bool(item_code), changed_since is not None)
    values = _values(plan_code, states, units, item_code, changed_since) | {"limit": limit, "offset": offset}
    with engine.connect() as conn:
        total = conn.execute(_counted(shape), values).scalar_one()
        rows = conn.execute(_paged(shape, newest_first), values)
        return [_submission(r) for r in rows], total


def of_item(
    engine: Engine,
    plan_code: str,
    item_code: str,
    *,
    states: tuple[str, ...] = (),
    limit: int = 50,
    newest_first: bool = False,
) -> list[Submission]:
    """Return an item's submissions, oldest first (or newest first): the item page's list, one query."""
    shape = Shape(bool(states), False, True, False)
    values = _values(plan_code, states, None, item_code, None) | {"limit": limit, "offset": 0}
    with engine.connect() as conn:
        return [_submission(r) for r in conn.execute(_paged(shape, newest_first), values)]


@dataclass(frozen=True, slots=True)
class Shape:
    """Which filters a listing of submissions uses: each shape's statements are built once.

    A freshly built statement costs its SQL cache key again on every execution (twice what
    running it costs); the review queue, the item pages and the API ask these on every request.
    """

    by_state: bool
    by_unit: bool
    by_item: bool
    since: bool


def _values(
    plan_code: str,
    states: tuple[str, ...],
    units: tuple[str, ...] | None,
    item_code: str | None,
    changed_since: datetime | None,
) -> dict[str, Any]:
    values: dict[str, Any] = {"plan": plan_code}
    if states:
        values["states"] = list(states)
    if units is not None:
        values["units"] = list(units)
    if item_code:
        values["item"] = item_code
    if changed_since is not None:
        values["since"] = changed_since
    return values


def _where(shape: Shape) -> list[Any]:
    where: list[Any] = [PLANS.c.code == bindparam("plan")]
    if shape.by_state:
        where.append(SUBMISSIONS.c.state.in_(bindparam("states", expanding=True)))
    if shape.by_unit:
        where.append(SUBMISSIONS.c.unit.in_(bindparam("units", expanding=True)))
    if shape.by_item:
        where.append(SUBMISSIONS.c.item_code == bindparam("item"))
    if shape.since:
        where.append(SUBMISSIONS.c.updated_at > bindparam("since"))
    return where


@functools.cache
def _counted(shape: Shape) -> Any:
    joined = SUBMISSIONS.join(PLANS, PLANS.c.id == SUBMISSIONS.c.plan_id)
    return select(func.count()).select_from(joined).where(*_where(shape))


@functools.cache
def _paged(shape: Shape, newest_first: bool) -> Any:
    order = (SUBMISSIONS.c.id.desc(),) if newest_first else (SUBMISSIONS.c.submitted_at, SUBMISSIONS.c.id)
    return _select().where(*_where(shape)).order_by(*order).limit(bindparam("limit")).offset(bindparam("offset"))


def count_waiting(engine: Engine, plan_code: str, units: tuple[str, ...] | None = None) -> int:
    """Return how many submissions of a plan wait for review (for ``units`` when given)."""
    shape = Shape(True, units is not None, False, False)
    with engine.connect() as conn:
        return conn.execute(_counted(shape), _values(plan_code, ("submitted",), units, None, None)).scalar_one()
