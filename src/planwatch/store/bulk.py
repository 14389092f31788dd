"""Bulk statements that skip SQLAlchemy's per-row parameter handling.

``connection.execute(table.insert(), rows)`` builds and type-processes a parameter dict
per row, which dominates the cost of saving a million progress rows. Here the SQL is
built once per table and the driver's ``executemany`` gets plain tuples; only columns
whose type needs a bind processor on this dialect (dates on SQLite, JSON) are converted,
with SQLAlchemy's own processors, so the stored values are exactly what the ORM writes
and reads.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import Boolean, Date, Table
from sqlalchemy.engine import Connection

#: Rows per executemany call.
CHUNK = 20_000


def _processors(
    conn: Connection, table: Table, columns: Sequence[str], ready: frozenset[str]
) -> list[tuple[int, Callable[[Any], Any]]]:
    out = []
    for index, name in enumerate(columns):
        if name in ready:
            continue
        column_type = table.c[name].type
        processor = column_type._cached_bind_processor(conn.dialect)
        if processor is not None and conn.dialect.name == "sqlite" and column_type._type_affinity is Date:
            processor = date.isoformat  # what SQLAlchemy's SQLite DATE stores, without its per-value dict
        if column_type._type_affinity is Boolean:
            processor = None  # both drivers take Python bools as they are
        if processor is not None:
            out.append((index, processor))
    return out


def _placeholder(conn: Connection) -> str:
    return "?" if conn.dialect.paramstyle == "qmark" else "%s"


def _prepare(rows: Sequence[Sequence[Any]], processors: list[tuple[int, Callable[[Any], Any]]]) -> list[Any]:
    if not processors:
        return [row if isinstance(row, tuple) else tuple(row) for row in rows]
    out = []
    for row in rows:
        values = list(row)
        for index, processor in processors:
            value = values[index]
            if value is not None:
                values[index] = processor(value)
        out.append(tuple(values))
    return out


def insert_rows(
    conn: Connection,
    table: Table,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    ready: frozenset[str] = frozenset(),
) -> None:
    """INSERT ``rows`` (value sequences in ``columns`` order); columns in ``ready`` are passed as given."""
    if not rows:
        return
    quote = conn.dialect.identifier_preparer.quote
    ph = _placeholder(conn)
    sql = (
        f"INSERT INTO {quote(table.name)} ({', '.join(quote(c) for c in columns)}) "
        f"VALUES ({', '.join([ph] * len(columns))})"
    )
    processors = _processors(conn, table, columns, ready)
    for start in range(0, len(rows), CHUNK):
        conn.exec_driver_sql(sql, _prepare(rows[start : start + CHUNK], processors))


def update_rows(conn: Connection, table: Table, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """UPDATE by id: each row is the new values in ``columns`` order followed by the row's id."""
    if not rows:
        return
    quote = conn.dialect.identifier_preparer.quote
    ph = _placeholder(conn)
    sql = f"UPDATE {quote(table.name)} SET {', '.join(f'{quote(c)} = {ph}' for c in columns)} WHERE id = {ph}"
    processors = _processors(conn, table, columns, frozenset())
    for start in range(0, len(rows), CHUNK):
        conn.exec_driver_sql(sql, _prepare(rows[start : start + CHUNK], processors))


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
