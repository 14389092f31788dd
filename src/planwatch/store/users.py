"""The accounts aggregate: units, users, API tokens, web sessions and failed logins.

Plain reads and one-transaction writes over the tables of ``store/tables.py``; the rules
(who may do what, when a user is locked) live in ``planwatch.app``. Changes to units,
users and tokens leave audit rows like every other write; a password hash or a token
never appears in them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, Table, bindparam, delete, func, select, update
from sqlalchemy.engine import Connection

from planwatch.store.engine import for_writing
from planwatch.store.summary import StoreError
from planwatch.store.tables import (
    ApiTokenRow,
    AuditRow,
    LoginFailureRow,
    UnitRow,
    UserRow,
    WebSessionRow,
)

UNITS: Table = UnitRow.__table__
USERS: Table = UserRow.__table__
TOKENS: Table = ApiTokenRow.__table__
SESSIONS: Table = WebSessionRow.__table__
FAILURES: Table = LoginFailureRow.__table__
AUDIT: Table = AuditRow.__table__

#: User columns an audit row may show (never the password hash).
AUDITED_USER_COLUMNS = ("name", "role", "unit", "disabled")


@dataclass(frozen=True, slots=True)
class Unit:
    """A reporting unit; ``district_code`` is the region a 区县 unit answers for."""

    name: str
    kind: str  # department / district / owner
    district_code: str | None = None


@dataclass(frozen=True, slots=True)
class Account:
    """A user as the application sees it (the password hash only for checking a login)."""

    id: int
    name: str
    role: str
    unit: Unit | None
    disabled: bool
    failed_logins: int
    locked_until: datetime | None
    password_hash: str | None


def now() -> datetime:
    """Return the current time in UTC (one clock for every account write)."""
    return datetime.now(UTC)


def as_utc(value: datetime | None) -> datetime | None:
    """Return a stored time as an aware UTC time (SQLite hands back naive ones)."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)


def write_audit(
    conn: Connection, user: str, action: str, table: str, key: str, before: dict | None, after: dict | None
) -> None:
    """Leave one audit row in the caller's transaction."""
    conn.execute(
        AUDIT.insert().values(
            at=now(),
            user=user,
            action=action,
            table_name=table,
            key=key,
            before=_compact(before),
            after=_compact(after),
        )
    )


def _compact(row: dict[str, Any] | None) -> dict[str, Any] | None:
    """Leave out empty fields, as the other audit rows do."""
    return None if row is None else {k: v for k, v in row.items() if v is not None}


# -- units ---------------------------------------------------------------------------------


def ensure_units(engine: Engine, units: list[Unit], *, user: str) -> int:
    """Add the units not yet known (by name); return how many were added. Known units are kept as they are."""
    with for_writing(engine).begin() as conn:
        known = set(conn.execute(select(UNITS.c.name)).scalars())
        added = 0
        for unit in units:
            if unit.name in known:
                continue
            row = {"name": unit.name, "kind": unit.kind, "district_code": unit.district_code}
            conn.execute(UNITS.insert().values(**row))
            write_audit(conn, user, "insert", "units", unit.name, None, row)
            known.add(unit.name)
            added += 1
    return added


def list_units(engine: Engine) -> list[Unit]:
    """Return every unit by name."""
    with engine.connect() as conn:
        rows = conn.execute(select(UNITS).order_by(UNITS.c.name)).all()
    return [Unit(r.name, r.kind, r.district_code) for r in rows]


# -- users ---------------------------------------------------------------------------------


def _account_select() -> Any:
    return select(USERS, UNITS.c.name.label("unit_name"), UNITS.c.kind, UNITS.c.district_code).select_from(
        USERS.outerjoin(UNITS, USERS.c.unit_id == UNITS.c.id)
    )


def _account(r: Any) -> Account:
    unit = Unit(r.unit_name, r.kind, r.district_code) if r.unit_name else None
    return Account(
        id=r.id,
        name=r.name,
        role=r.role,
        unit=unit,
        disabled=bool(r.disabled),
        failed_logins=r.failed_logins,
        locked_until=as_utc(r.locked_until),
        password_hash=r.password_hash,
    )


def _audit_view(account: Account) -> dict[str, Any]:
    return {
        "name": account.name,
        "role": account.role,
        "unit": account.unit.name if account.unit else None,
        "disabled": account.disabled,
    }


def find_user(engine: Engine, name: str) -> Account | None:
    """Return the account called ``name``, or None."""
    with engine.connect() as conn:
        row = conn.execute(_account_select().where(USERS.c.name == name)).first()
    return _account(row) if row else None


def list_users(engine: Engine) -> list[Account]:
    """Return every account by name."""
    with engine.connect() as conn:
        return [_account(r) for r in conn.execute(_account_select().order_by(USERS.c.name))]


def count_users(engine: Engine, role: str | None = None) -> int:
    """Return how many enabled accounts there are (of ``role`` when given)."""
    query = select(func.count()).select_from(USERS).where(USERS.c.disabled.is_(False))
    if role is not None:
        query = query.where(USERS.c.role == role)
    with engine.connect() as conn:
        return conn.execute(query).scalar_one()


def add_user(
    engine: Engine, name: str, role: str, unit_name: str | None, password_hash: str | None, *, user: str
) -> Account:
    """Add an account; a taken name or an unknown unit → StoreError (Chinese), nothing written."""
    with for_writing(engine).begin() as conn:
        if conn.execute(select(USERS.c.id).where(USERS.c.name == name)).first():
            raise StoreError(f"用户“{name}”已存在，未作修改")
        unit_id = None
        if unit_name:
            unit_id = conn.execute(select(UNITS.c.id).where(UNITS.c.name == unit_name)).scalar_one_or_none()
            if unit_id is None:
                raise StoreError(f"单位“{unit_name}”不在单位名单中（名单取自计划中的责任单位和区县），未添加用户")
        conn.execute(
            USERS.insert().values(
                name=name,
                role=role,
                unit_id=unit_id,
                password_hash=password_hash,
                disabled=False,
                failed_logins=0,
                created_at=now(),
            )
        )
        account = _account(conn.execute(_account_select().where(USERS.c.name == name)).one())
        write_audit(conn, user, "insert", "users", name, None, _audit_view(account))
    return account


def _require(conn: Connection, name: str) -> Account:
    row = conn.execute(_account_select().where(USERS.c.name == name)).first()
    if row is None:
        raise StoreError(f"用户“{name}”不存在")
    return _account(row)


def set_password(engine: Engine, name: str, password_hash: str, *, user: str) -> None:
    """Replace a user's password hash, clear the lockout and end the user's sessions."""
    with for_writing(engine).begin() as conn:
        account = _require(conn, name)
        conn.execute(
            update(USERS)
            .where(USERS.c.id == account.id)
            .values(password_hash=password_hash, failed_logins=0, locked_until=None)
        )
        conn.execute(delete(SESSIONS).where(SESSIONS.c.user_id == account.id))
        write_audit(conn, user, "update", "users", name, {"password": "（旧）"}, {"password": "（已更改）"})


def set_disabled(engine: Engine, name: str, disabled: bool, *, user: str) -> None:
    """Disable (or enable) a user; a disabled user's sessions end at once."""
    with for_writing(engine).begin() as conn:
        account = _require(conn, name)
        conn.execute(update(USERS).where(USERS.c.id == account.id).values(disabled=disabled))
        if disabled:
            conn.execute(delete(SESSIONS).where(SESSIONS.c.user_id == account.id))
        after = _audit_view(account) | {"disabled": disabled}
        write_audit(conn, user, "update", "users", name, _audit_view(account), after)


def record_failed_login(engine: Engine, user_id: int, *, lock_after: int, lock_until: datetime) -> int:
    """Count one failed login of a user, locking the account when the count reaches ``lock_after``; return it."""
    with for_writing(engine).begin() as conn:
        conn.execute(update(USERS).where(USERS.c.id == user_id).values(failed_logins=USERS.c.failed_logins + 1))
        count = conn.execute(select(USERS.c.failed_logins).where(USERS.c.id == user_id)).scalar_one()
        if count >= lock_after:
            conn.execute(update(USERS).where(USERS.c.id == user_id).values(locked_until=lock_until, failed_logins=0))
    return count


def record_good_login(engine: Engine, user_id: int) -> None:
    """Reset a user's failed-login count after a good login."""
    with for_writing(engine).begin() as conn:
        conn.execute(update(USERS).where(USERS.c.id == user_id).values(failed_logins=0, locked_until=None))


def add_login_failure(engine: Engine, client: str) -> None:
    """Count one failed login from a client address."""
    with for_writing(engine).begin() as conn:
        conn.execute(FAILURES.insert().values(client=client[:100], at=now()))


def login_failures_since(engine: Engine, client: str, since: datetime) -> int:
    """Return how many logins from ``client`` failed since ``since`` (older rows are dropped on the way)."""
    with for_writing(engine).begin() as conn:
        conn.execute(delete(FAILURES).where(FAILURES.c.at < since))
        query = select(func.count()).select_from(FAILURES).where(FAILURES.c.client == client[:100])
        return conn.execute(query).scalar_one()


# -- API tokens ----------------------------------------------------------------------------


def add_token(engine: Engine, name: str, token_hash: str, prefix: str, *, user: str) -> None:
    """Store a new token's hash for user ``name``."""
    with for_writing(engine).begin() as conn:
        account = _require(conn, name)
        conn.execute(TOKENS.insert().values(user_id=account.id, token_hash=token_hash, prefix=prefix, created_at=now()))
        write_audit(conn, user, "insert", "api_tokens", f"{name}/{prefix}", None, {"user": name, "prefix": prefix})


def revoke_tokens(engine: Engine, name: str, *, user: str, prefix: str | None = None) -> int:
    """Revoke a user's live tokens (only the one starting ``prefix`` when given); return how many."""
    with for_writing(engine).begin() as conn:
        account = _require(conn, name)
        where = [TOKENS.c.user_id == account.id, TOKENS.c.revoked_at.is_(None)]
        if prefix:
            where.append(TOKENS.c.prefix == prefix)
        prefixes = list(conn.execute(select(TOKENS.c.prefix).where(*where)).scalars())
        conn.execute(update(TOKENS).where(*where).values(revoked_at=now()))
        for p in prefixes:
            write_audit(conn, user, "update", "api_tokens", f"{name}/{p}", {"revoked": False}, {"revoked": True})
    return len(prefixes)


#: How old a token's "last used" may get before a request writes it again. Written on every
#: call, it made every API request take the database's write lock and queue behind the others.
LAST_USED_EVERY = timedelta(minutes=1)

#: The account of a live token, with the token's id and last use (asked on every API request).
OF_TOKEN = (
    _account_select()
    .add_columns(TOKENS.c.id.label("token_id"), TOKENS.c.last_used_at.label("token_used_at"))
    .join(TOKENS, TOKENS.c.user_id == USERS.c.id)
    .where(TOKENS.c.token_hash == bindparam("token_hash"), TOKENS.c.revoked_at.is_(None))
)


def account_for_token(engine: Engine, token_hash: str, *, at: datetime | None = None) -> Account | None:
    """Return the account of a live token, or None; note its use when the last noted is a minute old.

    A read, like a session's; the write happens at most once a minute per token.
    """
    at = at or now()
    with engine.connect() as conn:
        row = conn.execute(OF_TOKEN, {"token_hash": token_hash}).first()
    if row is None:
        return None
    used = as_utc(row.token_used_at)
    if used is None or at - used >= LAST_USED_EVERY:
        with for_writing(engine).begin() as conn:
            conn.execute(update(TOKENS).where(TOKENS.c.id == row.token_id).values(last_used_at=at))
    return _account(row)


def token_summary(engine: Engine, name: str) -> list[dict[str, Any]]:
    """Return a user's tokens: prefix, created, last used, revoked (for ``user list``)."""
    with engine.connect() as conn:
        rows = conn.execute(
            select(TOKENS).join(USERS, TOKENS.c.user_id == USERS.c.id).where(USERS.c.name == name)
        ).all()
    return [
        {
            "prefix": r.prefix,
            "created_at": as_utc(r.created_at),
            "last_used_at": as_utc(r.last_used_at),
            "revoked": r.revoked_at is not None,
        }
        for r in rows
    ]


# -- web sessions --------------------------------------------------------------------------


def add_session(engine: Engine, id_hash: str, user_id: int, expires_at: datetime) -> None:
    """Record a logged-in session (and drop the expired ones)."""
    with for_writing(engine).begin() as conn:
        conn.execute(delete(SESSIONS).where(SESSIONS.c.expires_at < now()))
        conn.execute(
            SESSIONS.insert().values(id_hash=id_hash, user_id=user_id, created_at=now(), expires_at=expires_at)
        )


def drop_session(engine: Engine, id_hash: str) -> None:
    """End a session (logout)."""
    with for_writing(engine).begin() as conn:
        conn.execute(delete(SESSIONS).where(SESSIONS.c.id_hash == id_hash))


#: The account of a live session: asked on every request, so built once (see ``audit.NEWEST_ID``).
OF_SESSION = (
    _account_select()
    .join(SESSIONS, SESSIONS.c.user_id == USERS.c.id)
    .where(SESSIONS.c.id_hash == bindparam("id_hash"), SESSIONS.c.expires_at > bindparam("now"))
)


def account_for_session(engine: Engine, id_hash: str) -> Account | None:
    """Return the account of a live session, or None (unknown or expired)."""
    with engine.connect() as conn:
        row = conn.execute(OF_SESSION, {"id_hash": id_hash, "now": now()}).first()
    return _account(row) if row else None
