"""Options that several commands share, so they read and say the same everywhere."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click


def database_url(value: str | None) -> str | None:
    """Return a SQLAlchemy URL for ``--db``: a URL as it is, a plain path as a SQLite file."""
    if value is None or "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"


def parse_date(text: str | None, option: str = "--as-of") -> date | None:
    """Return the date of 2025-06-30, 2025/6/30 or 2025年6月30日 (the importer's rules); None for None."""
    if text is None:
        return None
    from planwatch.exchange.cells import CellError, read_date

    try:
        return read_date(text)
    except CellError as exc:
        raise click.BadParameter(f"“{text}”不是有效日期，请写成 2025-06-30（{exc}）", param_hint=option) from exc


def _database_callback(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    return database_url(value)


def _existing_database_callback(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is not None and "://" not in value and not Path(value).expanduser().is_file():
        # a typo in a path would otherwise create an empty database and show an empty board
        where = Path(value).expanduser().resolve()
        hint = "可先运行 planwatch demo 或 planwatch init"
        raise click.BadParameter(f"数据库文件不存在：{where}（{hint}）", param_hint="--db")
    return database_url(value)


def _date_callback(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    return parse_date(value, "/".join(param.opts))


DATABASE = click.option(
    "--db",
    "url",
    metavar="URL|PATH",
    callback=_database_callback,
    help="数据库：SQLAlchemy URL 或 SQLite 文件路径；默认取 PLANWATCH_DATABASE_URL，否则为当前目录的 planwatch.sqlite",
)
EXISTING_DATABASE = click.option(
    "--db",
    "url",
    metavar="URL|PATH",
    callback=_existing_database_callback,
    help="数据库：SQLAlchemy URL 或已有的 SQLite 文件路径；默认取 PLANWATCH_DATABASE_URL，"
    "否则为当前目录的 planwatch.sqlite",
)
USER = click.option("--user", metavar="NAME", help="记入审计日志的操作人，默认取 PLANWATCH_USER")


def as_of_option(help: str, **kwargs: object) -> click.decorators.FC:  # type: ignore[name-defined]
    """An ``--as-of DATE`` option read into a ``date``."""
    return click.option("--as-of", "as_of", metavar="DATE", callback=_date_callback, help=help, **kwargs)


class InputError(click.ClickException):
    """A file or value the user gave cannot be used (a scanned PDF, a missing database): exit status 2."""

    exit_code = 2


def existing_database(url: str | None) -> str:
    """Return the database URL a read-only command opens, refusing a SQLite file that does not exist.

    ``status`` and ``alerts`` only read: they must not leave an empty database (or its folders)
    behind a typo. ``url`` None means the default (``PLANWATCH_DATABASE_URL`` or the settings).
    """
    import os

    from sqlalchemy.engine import make_url

    from planwatch.settings import get_settings

    resolved = url or os.environ.get("PLANWATCH_DATABASE_URL") or get_settings().database_url
    parsed = make_url(resolved)
    database = parsed.database
    in_file = bool(database) and database != ":memory:" and not str(database).startswith("file:")
    if parsed.get_backend_name() == "sqlite" and in_file:
        path = Path(database).expanduser()
        if not path.is_file():
            hint = "可先运行 planwatch demo 或 planwatch import 计划.xlsx，或用 --db 指定数据库"
            raise InputError(f"数据库文件不存在：{path.resolve()}（{hint}）")
    return resolved
