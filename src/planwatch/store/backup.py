"""Backups of the whole database and restores into an empty one.

SQLite: the online backup API copies a consistent snapshot page by page while the server
keeps running (readers and writers are not stopped; a write during the copy restarts it
from a consistent point), into a temporary file that takes the backup's name only when
complete. PostgreSQL: ``pg_dump`` in its custom format, ``pg_restore`` to bring it back.

A restore never mixes two databases: it refuses a target that holds any planwatch data
unless told to replace it, and after the copy the database is migrated to this version's
schema, so a backup made by an older planwatch restores into a newer one.
"""

from __future__ import annotations

import glob
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from sqlalchemy import Engine, exists, inspect, select
from sqlalchemy.engine import URL

from planwatch.atomic import atomic_file
from planwatch.store.migrate import upgrade_to_head
from planwatch.store.summary import StoreError
from planwatch.store.tables import Base

#: How a SQLite backup file is recognised (the first 16 bytes of every SQLite 3 database).
SQLITE_MAGIC = b"SQLite format 3\x00"
#: The custom format of pg_dump starts with these bytes.
PG_DUMP_MAGIC = b"PGDMP"


def has_data(engine: Engine) -> bool:
    """Tell whether any planwatch table of the database holds a row (an empty or new database: False)."""
    present = set(inspect(engine).get_table_names())
    with engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            if table.name in present and connection.execute(select(exists().select_from(table))).scalar():
                return True
    return False


def backup(engine: Engine, target: str | os.PathLike[str]) -> Path:
    """Write a consistent copy of the database to ``target`` and return its path."""
    target = Path(target).expanduser().resolve()
    if engine.url.get_backend_name() == "sqlite":
        source = _sqlite_file(engine.url)
        if not source.is_file():
            raise StoreError(f"数据库文件不存在：{source}")
        with atomic_file(target) as tmp:
            _sqlite_copy(source, tmp, journal="DELETE")  # the backup is one self-contained file
        return target
    if engine.url.get_backend_name() == "postgresql":
        with atomic_file(target) as tmp:
            command = [_pg_tool("pg_dump"), "--format=custom", "--no-owner", "--file", str(tmp)]
            _run([*command, _libpq_url(engine.url)], engine.url)
        return target
    raise StoreError(f"不支持备份此类数据库：{engine.url.get_backend_name()}")


def restore(engine: Engine, source: str | os.PathLike[str], *, force: bool = False) -> None:
    """Restore the backup file ``source`` into the database of ``engine``, then migrate it forward.

    Refuses when the database already holds planwatch data, unless ``force``.
    """
    source = Path(source).expanduser().resolve()
    if not source.is_file():
        raise StoreError(f"备份文件不存在：{source}")
    head = source.open("rb").read(len(SQLITE_MAGIC))
    backend = engine.url.get_backend_name()
    if backend == "sqlite" and not head.startswith(SQLITE_MAGIC):
        raise StoreError(f"{source.name} 不是 SQLite 数据库备份（planwatch backup 为 SQLite 数据库生成的备份）")
    if backend == "postgresql" and not head.startswith(PG_DUMP_MAGIC):
        raise StoreError(f"{source.name} 不是 pg_dump 自定义格式的备份（planwatch backup 为 PostgreSQL 生成的备份）")
    if backend not in ("sqlite", "postgresql"):
        raise StoreError(f"不支持恢复到此类数据库：{backend}")
    if has_data(engine) and not force:
        raise StoreError(
            "目标数据库中已有数据，未恢复（以免覆盖）。如确需用备份替换现有数据，请加 --force；"
            "建议先用 planwatch backup 备份现有数据库。"
        )
    if backend == "sqlite":
        _sqlite_check(source)
        engine.dispose()  # no pooled connection may hold the old pages while they are replaced
        target = _sqlite_file(engine.url)
        target.parent.mkdir(parents=True, exist_ok=True)
        _sqlite_copy(source, target, journal="WAL")
    else:
        command = [_pg_tool("pg_restore"), "--no-owner", "--exit-on-error", "--single-transaction"]
        if force:
            command += ["--clean", "--if-exists"]
        _run([*command, "--dbname", _libpq_url(engine.url), str(source)], engine.url)
    engine.dispose()
    upgrade_to_head(engine)


def _sqlite_file(url: URL) -> Path:
    if not url.database or url.database == ":memory:":
        raise StoreError("内存数据库无法备份或恢复，请指定数据库文件")
    return Path(url.database).expanduser().resolve()


def _sqlite_copy(source: Path, target: Path, *, journal: str) -> None:
    """Copy the database ``source`` over ``target`` with SQLite's online backup API."""
    src = sqlite3.connect(source, timeout=30)
    dst = sqlite3.connect(target, timeout=30)
    try:
        src.backup(dst, pages=1024)
        dst.execute(f"PRAGMA journal_mode={journal}")
    except sqlite3.Error as exc:
        raise StoreError(f"复制数据库失败：{exc}") from exc
    finally:
        dst.close()
        src.close()


def _sqlite_check(source: Path) -> None:
    """Refuse a damaged or foreign SQLite file before it replaces anything."""
    try:
        connection = sqlite3.connect(source)
        try:
            verdict = connection.execute("PRAGMA integrity_check").fetchone()[0]
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        finally:
            connection.close()
    except sqlite3.Error as exc:
        raise StoreError(f"{source.name} 无法读取（{exc}），未恢复") from exc
    if verdict != "ok":
        raise StoreError(f"{source.name} 已损坏（完整性检查：{verdict}），未恢复")
    if "alembic_version" not in tables:
        raise StoreError(f"{source.name} 不是 planwatch 数据库的备份（缺少版本表），未恢复")


def _libpq_url(url: URL) -> str:
    """Return the URL the PostgreSQL tools understand: no driver suffix, no password (see :func:`_run`)."""
    return url.set(drivername="postgresql", password=None).render_as_string(hide_password=False)


def _pg_tool(name: str) -> str:
    """Find pg_dump/pg_restore on PATH or in Debian's /usr/lib/postgresql/<version>/bin (newest first)."""
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=_version_key, reverse=True)
    if candidates:
        return candidates[0]
    raise StoreError(f"找不到 {name}：请安装 PostgreSQL 客户端（Debian/Ubuntu：apt-get install postgresql-client）")


def _version_key(path: str) -> tuple[int, ...]:
    version = Path(path).parent.parent.name
    return tuple(int(part) for part in version.split(".") if part.isdigit())


def _run(command: list[str], url: URL) -> None:
    """Run a PostgreSQL tool; the password goes in its environment, never on a command line others can see."""
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    result = subprocess.run(command, capture_output=True, text=True, check=False, env=env)
    if result.returncode != 0:
        tool = Path(command[0]).name
        detail = (result.stderr or result.stdout).strip().splitlines()
        raise StoreError(f"{tool} 失败（退出码 {result.returncode}）：{detail[-1] if detail else '无输出'}")
