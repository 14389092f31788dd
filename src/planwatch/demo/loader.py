"""Build the demo database: a fresh SQLite file with 江川市's plan and progress, via the importer.

The file is built next to its final place under a temporary name and moved over the old
one only when complete, so an interrupted ``planwatch demo`` never leaves half a database.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from planwatch.app.accounts import DemoAccount
from planwatch.imports.service import ImportResult, import_file

DEMO_PLAN_CODE = "JC2025"
DEMO_AS_OF = date(2025, 6, 30)
DEMO_USER = "demo"
_DATA = Path(__file__).resolve().parent / "data"
SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")


@dataclass(slots=True)
class DemoBuild:
    """What :func:`build_demo` made: the database file, its URL and the two imports."""

    path: Path
    url: str
    plan: ImportResult
    progress: ImportResult
    accounts: list[DemoAccount] = field(default_factory=list)


def sqlite_url(path: Path) -> str:
    """Return the SQLAlchemy URL of a SQLite file."""
    return f"sqlite:///{path}"


def remove_sqlite(path: Path) -> None:
    """Delete a SQLite file and its WAL/SHM companions, if present."""
    for suffix in ("", *SQLITE_SIDE_FILES):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def build_demo(path: str | os.PathLike[str] = "planwatch-demo.sqlite", *, user: str = DEMO_USER) -> DemoBuild:
    """Create ``path`` afresh and load the demo plan and its progress into it; return what was done.

    The plan and progress CSV folders go through :func:`planwatch.imports.service.import_file`
    exactly as a clerk's files would, so the demo fails loudly if the data and the
    importer ever disagree.
    """
    from planwatch.store import Store

    target = Path(path).expanduser().resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(fd)
    tmp = Path(tmp_name)
    tmp.unlink()
    store = Store.open(sqlite_url(tmp))
    try:
        store.init()
        plan = import_file(store, _DATA / "plan", user=user)
        progress = import_file(store, _DATA / "progress", user=user, plan_code=plan.plan_code)
        accounts = add_demo_accounts(store, plan.plan_code, user=user)
    except BaseException:
        store.close()
        remove_sqlite(tmp)
        raise
    store.close()  # the last connection checkpoints the WAL into the main file
    remove_sqlite(target)
    os.replace(tmp, target)
    remove_sqlite(tmp)
    plan.path, progress.path = "demo/data/plan", "demo/data/progress"
    return DemoBuild(target, sqlite_url(target), plan, progress, accounts)


def add_demo_accounts(store, plan_code: str, *, user: str) -> list[DemoAccount]:  # type: ignore[no-untyped-def]
    """Add one account per role with demo-only passwords, so a newcomer can log in to ``serve``."""
    from planwatch.app import accounts

    wanted = accounts.demo_accounts(store.load_plan_data(plan_code, progress=False))
    for account in wanted:
        accounts.add_user(store, account.name, account.role, account.unit, account.password, actor=user)
    return wanted
