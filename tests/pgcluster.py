"""A throwaway PostgreSQL cluster for tests: initdb into a temp dir, start on a free port, remove after.

Used by the ``postgres_admin_url`` and ``database_url`` fixtures of ``tests/conftest.py``; tests
can import ``postgres_server`` / ``fresh_postgres_database`` from here (``tests/`` is on ``sys.path`` because of
``tests/conftest.py``). With ``PLANWATCH_TEST_POSTGRES_URL`` set, that server is used
instead and nothing is started. PostgreSQL refuses to run as root, so as root the
cluster runs as the ``postgres`` system user (``runuser``).
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

ENV_URL = "PLANWATCH_TEST_POSTGRES_URL"


def find_bin_dir() -> Path | None:
    """Return the newest /usr/lib/postgresql/<version>/bin that has initdb, or None."""
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    if candidates:
        return Path(candidates[-1]).parent
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _run_as(user: str | None, args: list[str]) -> None:
    command = ["runuser", "-u", user, "--", *args] if user else args
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        output = result.stderr.strip() or result.stdout.strip()
        raise RuntimeError(f"{Path(args[0]).name} failed ({result.returncode}): {output}")


@contextlib.contextmanager
def postgres_server() -> Iterator[str | None]:
    """Yield the URL of a PostgreSQL server's ``postgres`` database (admin), or None with no binaries.

    The reason for None is in ``postgres_server.skip_reason``.
    """
    url = os.environ.get(ENV_URL)
    if url:
        yield url
        return
    bin_dir = find_bin_dir()
    if bin_dir is None:
        postgres_server.skip_reason = "PostgreSQL server binaries (initdb) not found; install the postgresql package"
        yield None
        return
    user = None
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            postgres_server.skip_reason = "running as root and there is no postgres system user to run the cluster"
            yield None
            return
        user = "postgres"
    data_dir = Path(tempfile.mkdtemp(prefix="planwatch-pg-"))
    if user:
        shutil.chown(data_dir, user=user, group=user)
    port = _free_port()
    pg_ctl = str(bin_dir / "pg_ctl")
    # A test cluster needs no durability: fsync off makes CREATE DATABASE and commits fast.
    options = f"-p {port} -k {data_dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
    started = False
    try:
        _run_as(
            user,
            [
                str(bin_dir / "initdb"),
                "-D",
                str(data_dir / "data"),
                "-A",
                "trust",
                "-U",
                "postgres",
                "-E",
                "UTF8",
                "--locale=C",
                "--no-sync",
            ],
        )
        _run_as(
            user,
            [
                pg_ctl,
                "-D",
                str(data_dir / "data"),
                "-o",
                options,
                "-l",
                str(data_dir / "server.log"),
                "-w",
                "-t",
                "60",
                "start",
            ],
        )
        started = True
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        if started:
            with contextlib.suppress(RuntimeError):
                _run_as(user, [pg_ctl, "-D", str(data_dir / "data"), "-m", "immediate", "-w", "stop"])
        shutil.rmtree(data_dir, ignore_errors=True)


postgres_server.skip_reason = ""  # type: ignore[attr-defined]


@contextlib.contextmanager
def fresh_postgres_database(admin_url: str) -> Iterator[str]:
    """Create an empty database on the server of ``admin_url``, yield its URL, drop it afterwards."""
    import psycopg

    url = make_url(admin_url)
    name = f"pw_test_{uuid.uuid4().hex[:12]}"
    conninfo = url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(conninfo, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def postgres_or_skip(admin: str | None) -> str:
    """Return the admin URL, or skip — or fail, when PLANWATCH_TEST_REQUIRE_POSTGRES says it must run."""
    if admin is None:
        if os.environ.get("PLANWATCH_TEST_REQUIRE_POSTGRES"):
            pytest.fail(f"PostgreSQL is required here (PLANWATCH_TEST_REQUIRE_POSTGRES): {postgres_server.skip_reason}")
        pytest.skip(postgres_server.skip_reason)
    return admin
