"""The audit log: how rows are written into it, and the queries that read it back."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from json.encoder import encode_basestring
from typing import Any

from sqlalchemy import and_, bindparam, false, func, or_, select
from sqlalchemy.engine import Connection

from planwatch.store import changes
from planwatch.store.engine import dumps, escape_like
from planwatch.store.summary import AuditEntry
from planwatch.store.tables import AUDIT, PlanRow

Row = dict[str, Any]

float_repr = float.__repr__
int_repr = int.__repr__
AUDIT_COLUMNS = ("at", "user", "action", "table_name", "key", "before", "after")


#: '"key":' per column name, made once: audit JSON is written for a million rows.
_JSON_KEYS: dict[str, str] = {}


def audit_json(row: Row | None) -> str | None:
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


def _audit_entry(r: Any) -> AuditEntry:
    """Return an audit row as an entry; SQLite gives back naive times, which were stored as UTC."""
    at = r.at if r.at.tzinfo else r.at.replace(tzinfo=UTC)
    return AuditEntry(r.id, at, r.user, r.action, r.table_name, r.key, r.before, r.after)


#: The newest audit id (SQLite's data version; see :meth:`AuditStore.data_version`). Statements
#: asked on every request are built once: a fresh statement costs its SQL cache key again on
#: each execution, twice what running it costs.
NEWEST_ID = select(func.coalesce(func.max(AUDIT.c.id), 0))
#: The newest entries of some records (an item and its progress records), through the (key, id) index.
OF_KEYS = (
    select(AUDIT)
    .where(AUDIT.c.key.in_(bindparam("keys", expanding=True)))
    .order_by(AUDIT.c.id.desc())
    .limit(bindparam("limit"))
)


class AuditStore:
    """The audit queries of :class:`~planwatch.store.service.Store` (which supplies ``engine`` and ``_ensure``)."""

    def audit_log(
        self,
        limit: int = 100,
        *,
        table: str | None = None,
        key: str | None = None,
        keys: Sequence[str] | None = None,
    ) -> list[AuditEntry]:
        """Return the newest audit entries first, optionally of one table, one record key or any of ``keys``.

        ``keys`` reads the entries of several records (an item and its progress records)
        in one query through the (key, id) index.
        """
        self._ensure()
        if keys is not None and table is None and key is None:
            with self.engine.connect() as conn:
                return [_audit_entry(r) for r in conn.execute(OF_KEYS, {"keys": list(keys), "limit": limit})]
        query = select(AUDIT).order_by(AUDIT.c.id.desc()).limit(limit)
        if table is not None:
            query = query.where(AUDIT.c.table_name == table)
        if key is not None:
            query = query.where(AUDIT.c.key == key)
        if keys is not None:
            query = query.where(AUDIT.c.key.in_(list(keys)))
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
        if self.engine.dialect.name == "sqlite":
            # SQLite has one writer at a time and hands out ids at insert, so the newest id
            # alone tells; max(id) is one step down the primary key, asked on every request.
            with self.engine.connect() as conn:
                return int(conn.execute(NEWEST_ID).scalar_one()), 0
        newest = select(AUDIT.c.id).order_by(AUDIT.c.id.desc()).limit(1000).subquery()
        with self.engine.connect() as conn:
            top, count = conn.execute(select(func.coalesce(func.max(newest.c.id), 0), func.count())).one()
        return int(top), int(count)

    def change_mark(self) -> changes.ChangeMark:
        """Return the change feed's mark of everything committed now (see :mod:`planwatch.store.changes`)."""
        self._ensure()
        return changes.change_mark(self.engine)

    def changes_after(self, mark: changes.ChangeMark) -> tuple[list[changes.Change], changes.ChangeMark]:
        """Return the changes committed after ``mark``, oldest first, and the mark after them."""
        self._ensure()
        return changes.changes_after(self.engine, mark)

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
            query = query.where(or_(own, key.like(f"{escape_like(plan)}/%", escape="\\")))
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
                code = escape_like(item)
                one_item = [
                    or_(key == f"{p}/{item}", key.like(f"{escape_like(p)}/{code}/%", escape="\\")) for p in plans
                ]
                query = query.where(or_(false(), *one_item))
            rows = conn.execute(query.limit(limit) if limit else query).all()
        return [_audit_entry(r) for r in rows]

    @staticmethod
    def _audited_plans(conn: Connection) -> list[str]:
        return list(
            conn.execute(select(AUDIT.c.key).where(AUDIT.c.table_name == PlanRow.__tablename__).distinct()).scalars()
        )
