"""Engines for the store: one URL picks SQLite (default) or PostgreSQL.

SQLite gets WAL journaling (readers do not block the writer), foreign keys on, a 30 s busy
timeout, and transactions that really begin at ``BEGIN``: pysqlite by default delays the
transaction until the first INSERT, which would let a save's reads and the migration DDL
fall outside it. Write transactions (``for_writing``) begin IMMEDIATE, so writers from
several server processes queue instead of failing.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

from planwatch.extras import require


def _json_default(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, tuple | set):
        return list(value)
    raise TypeError(f"not JSON serialisable: {value!r}")


# One encoder for the process: json.dumps with options builds a new encoder on every call.
_ENCODER = json.JSONEncoder(ensure_ascii=False, default=_json_default, separators=(",", ":"))


def dumps(value: Any) -> str:
    """Serialise to JSON the way the store does (Chinese kept readable, dates as ISO)."""
    return _ENCODER.encode(value)


#: Execution option of the connections that write (see :func:`for_writing`).
WRITE = "planwatch_write"


def for_writing(engine: Engine) -> Engine:
    """Return ``engine`` marked for write transactions (on SQLite they begin IMMEDIATE)."""
    return engine.execution_options(**{WRITE: True})


def snapshot(engine: Engine) -> Engine:
    """Return ``engine`` for read transactions that see one consistent state, without the write lock.

    SQLite in WAL mode gives a plain ``BEGIN`` a snapshot at its first read; PostgreSQL's
    default (read committed) would let each statement see a newer state, so its readers
    ask for repeatable read.
    """
    if engine.dialect.name == "postgresql":
        return engine.execution_options(isolation_level="REPEATABLE READ")
    return engine


def make_engine(url: str) -> Engine:
    """Return an engine for ``url`` with the store's connection settings."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database
        if database and database != ":memory:" and not database.startswith("file:"):
            Path(database).expanduser().resolve().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed, json_serializer=dumps, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA synchronous=NORMAL")  # safe with WAL, much faster commits
            cursor.execute("PRAGMA cache_size=-65536")  # 64 MB: index pages of big saves stay in memory
            cursor.close()

        @event.listens_for(engine, "begin")
        def _sqlite_begin(connection: Any) -> None:
            # A write takes the write lock at BEGIN, so a second writer (another worker process)
            # waits for it under the busy timeout. A deferred transaction that read first would
            # instead fail at its first write with "database is locked" once the other commits.
            # Sent on the driver's connection: through exec_driver_sql a BEGIN cost as much
            # Python as the query it opens, on every one of a page's reads.
            immediate = connection.get_execution_options().get(WRITE)
            connection.connection.driver_connection.execute("BEGIN IMMEDIATE" if immediate else "BEGIN")

        return engine
    if parsed.get_backend_name() == "postgresql":
        # psycopg is the planwatch[postgres] extra; a URL without a driver means psycopg2 to
        # SQLAlchemy, which planwatch does not use, so both get the message naming the extra.
        require("postgres")
        if parsed.get_driver_name() != "psycopg":
            parsed = parsed.set(drivername="postgresql+psycopg")
    return create_engine(parsed, json_serializer=dumps, pool_pre_ping=True)


def describe_location(engine: Engine) -> str:
    """Say where the database is: the absolute file path for SQLite, the URL without password otherwise."""
    url = engine.url
    if url.get_backend_name() == "sqlite":
        if not url.database or url.database == ":memory:":
            return "内存数据库 (SQLite)"
        return str(Path(url.database).expanduser().resolve())
    return url.render_as_string(hide_password=True)


def escape_like(text: str) -> str:
    """Return ``text`` for a LIKE pattern with ``escape="\\"``: its %, _ and backslashes match themselves."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
