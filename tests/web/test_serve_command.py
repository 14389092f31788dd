"""``planwatch serve`` runs the app on the port it is given, over the database it is given."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from .accounts import bearer
from .webapp import make_store


def serve_and_get(database_url: str, path: str, headers: dict[str, str] | None = None) -> tuple[httpx.Response, str]:
    """Run ``planwatch serve`` on a free port, GET ``path`` once it answers, stop it.

    Return the response and what the command printed.
    """
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    command = [sys.executable, "-m", "planwatch", "serve", "--db", database_url, "--port", str(port)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}{path}", headers=headers, timeout=10)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise
                time.sleep(0.2)
    finally:
        process.terminate()
        output, _ = process.communicate(timeout=10)
    assert f"http://127.0.0.1:{port}/" in output
    return response, output


def test_planwatch_serve_answers_on_its_port_with_the_dashboard_of_its_database(tmp_path: Path):
    store = make_store(tmp_path)
    token = bearer(store, "reader")
    store.close()
    response, _ = serve_and_get(f"sqlite:///{tmp_path / 'planwatch.sqlite'}", "/?as_of=2025-06-30", token)
    assert response.status_code == 200
    assert "江川市2025年国民经济和社会发展计划" in response.text


def test_planwatch_serve_takes_a_plain_sqlite_path(tmp_path: Path):
    store = make_store(tmp_path)
    token = bearer(store, "reader")
    store.close()
    response, _ = serve_and_get(str(tmp_path / "planwatch.sqlite"), "/api/plans", token)
    assert [plan["code"] for plan in response.json()] == ["JC2025"]


def test_planwatch_serve_refuses_a_sqlite_path_that_does_not_exist(tmp_path: Path):
    missing = tmp_path / "no-such.sqlite"
    result = subprocess.run(
        [sys.executable, "-m", "planwatch", "serve", "--db", str(missing)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode != 0
    assert f"数据库文件不存在：{missing}" in result.stderr
    assert not missing.exists()


def test_planwatch_serve_on_a_database_without_an_administrator_says_how_to_create_one(tmp_path: Path):
    response, output = serve_and_get(f"sqlite:///{tmp_path / 'empty.sqlite'}", "/")
    assert response.status_code == 303 and response.headers["location"].startswith("/login")
    assert "还没有管理员账号" in output and "planwatch user add admin --role 管理员" in output


def test_a_logged_in_user_of_a_database_without_plans_is_told_how_to_load_one(tmp_path: Path):
    from planwatch.app import accounts
    from planwatch.store import Store

    store = Store.open(f"sqlite:///{tmp_path / 'empty.sqlite'}")
    accounts.add_user(store, "reader", "只读", None, "test-password-1", actor="测试")
    token = bearer(store, "reader")
    store.close()
    response, _ = serve_and_get(f"sqlite:///{tmp_path / 'empty.sqlite'}", "/", token)
    assert response.status_code == 404
    assert "planwatch demo" in response.text
