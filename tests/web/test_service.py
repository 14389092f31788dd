"""Running as a service: /healthz, request ids, security headers, logs, and several worker processes."""

from __future__ import annotations

import logging
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from sqlalchemy import text

from planwatch import logs
from planwatch.store import submissions
from planwatch.web.middleware import SECURITY_HEADERS
from planwatch.web.serving import SecretRequired, secret_file_for, shared_secret

from .accounts import logged_in
from .webapp import AS_OF, PLAN, make_store


def test_healthz_says_ok_without_a_login_and_without_secrets(web) -> None:
    response = web.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "message": "正常"}
    assert "sqlite" not in response.text and "/" not in response.text
    assert response.headers["cache-control"] == "no-store"


def test_healthz_answers_503_when_the_schema_is_behind(fresh_web) -> None:
    client, store = fresh_web
    with store.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0001'"))
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "outdated" and "planwatch init" in response.json()["message"]


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/", 200),
        (f"/items?plan={PLAN}&as_of={AS_OF.isoformat()}", 200),
        ("/static/planwatch.css", 200),
        ("/没有这个页面", 404),
        ("/api/plans", 200),
        ("/healthz", 200),
    ],
)
def test_every_response_carries_the_security_headers_and_a_request_id(web, path: str, status: int) -> None:
    response = web.get(path)
    assert response.status_code == status
    for name, value in SECURITY_HEADERS.items():
        assert response.headers[name] == value
    assert re.fullmatch(r"[0-9a-f]{32}", response.headers["x-request-id"])


@pytest.mark.parametrize(
    ("sent", "kept"),
    [
        ("nginx-7f3a9c", True),
        ("a" * 64, True),
        ("a" * 65, False),
        ("abc def;<script>", False),
        ("带中文的编号", False),
        ("", False),
    ],
)
def test_a_well_formed_request_id_from_the_proxy_is_kept_and_anything_else_replaced(web, sent: str, kept: bool):
    response = web.get("/healthz", headers={"X-Request-ID": sent.encode("utf-8")})
    assert (response.headers["x-request-id"] == sent) is kept


def test_log_lines_carry_the_request_id(tmp_path: Path, web) -> None:
    log_file = tmp_path / "日志" / "planwatch.log"
    logs.configure(log_file)
    try:
        web.get("/healthz", headers={"X-Request-ID": "req-0001"})
        web.get("/%0Aforged%20line", headers={"X-Request-ID": "req-0002"})
    finally:
        for handler in logging.getLogger("planwatch").handlers:
            handler.flush()
        logs.configure(None)
    lines = log_file.read_text(encoding="utf-8").splitlines()
    assert any(" req-0001 planwatch.access: " in line and '"GET /healthz" 200' in line for line in lines)
    assert any(" req-0002 " in line and "?forged" in line for line in lines)
    assert not any(line.startswith("forged") for line in lines)


def test_the_log_file_follows_a_rotation_made_by_another_process(tmp_path: Path) -> None:
    log_file = tmp_path / "planwatch.log"
    logs.configure(log_file)
    log = logging.getLogger("planwatch.test")
    try:
        log.info("before")
        os.replace(log_file, tmp_path / "planwatch.log.1")  # what another worker's rollover does
        log.info("after")
    finally:
        logs.configure(None)
    assert "after" in log_file.read_text(encoding="utf-8")
    assert "after" not in (tmp_path / "planwatch.log.1").read_text(encoding="utf-8")


def test_the_shared_secret_is_made_once_beside_the_database_and_private(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("PLANWATCH_WEB_SECRET", raising=False)
    url = f"sqlite:///{tmp_path / 'planwatch.sqlite'}"
    first, second = shared_secret(url), shared_secret(url)
    assert first == second and len(first) == 64
    path = secret_file_for(url)
    assert path == tmp_path / "planwatch.sqlite.secret"
    assert path.stat().st_mode & 0o077 == 0


def test_postgres_with_several_workers_needs_the_secret_in_the_environment(monkeypatch) -> None:
    monkeypatch.delenv("PLANWATCH_WEB_SECRET", raising=False)
    with pytest.raises(SecretRequired, match="PLANWATCH_WEB_SECRET"):
        shared_secret("postgresql+psycopg://planwatch@db/planwatch")
    monkeypatch.setenv("PLANWATCH_WEB_SECRET", "from-the-environment")
    assert shared_secret("postgresql+psycopg://planwatch@db/planwatch") == "from-the-environment"


def test_two_workers_accept_a_form_opened_from_either_and_write_every_post(tmp_path: Path) -> None:
    make_store(tmp_path).close()
    db = tmp_path / "planwatch.sqlite"
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if k != "PLANWATCH_WEB_SECRET"}
    log_file = tmp_path / "logs" / "planwatch.log"
    command = [sys.executable, "-m", "planwatch", "serve", "--db", str(db), "--port", str(port), "--workers", "2",
               "--log-file", str(log_file)]
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(base + "/healthz", timeout=10).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert process.poll() is None and time.monotonic() < deadline, "server did not start"
            time.sleep(0.3)
        pids = set()
        posted = 0
        for n in range(12):  # new connections: the kernel spreads them over both workers
            with httpx.Client(base_url=base, timeout=30) as client:
                logged_in(client, "filler")
                page = client.get(f"/items/P01?plan={PLAN}&as_of={AS_OF.isoformat()}")
                token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)[1]
            with httpx.Client(base_url=base, timeout=30, cookies=client.cookies) as other:
                form = {"csrf_token": token, "confirm": "1", "as_of": f"2025-07-{n + 1:02d}"}
                response = other.post(f"/items/P01/progress?plan={PLAN}", data={**form, "value": str(100 + n)})
                assert response.status_code == 303, response.text
                assert "server" not in response.headers  # serve does not announce uvicorn
                posted += 1
        for line in log_file.read_text(encoding="utf-8").splitlines():
            match = re.search(r"\[(\d+)\] [0-9a-f]{32} planwatch\.access", line)
            if match:
                pids.add(match[1])
    finally:
        process.terminate()
        output, _ = process.communicate(timeout=30)
    assert "2 个工作进程" in output
    assert (tmp_path / "planwatch.sqlite.secret").is_file()
    assert len(pids) == 2, pids  # both workers served
    store = make_store.__globals__["Store"].open(f"sqlite:///{db}")
    july, _ = submissions.listing(store.engine, PLAN, item_code="P01", limit=100)  # each post waits for review
    store.close()
    assert len(july) == posted
