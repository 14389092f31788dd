"""Benchmark: the web pages of a 100,000-project plan under 20 concurrent clients, on a real server.

Builds (or reuses) the plan of ``bench_status.py`` — 100,000 major projects, 5,000 key
tasks, 1,000,000 progress rows, imported into SQLite — starts ``planwatch serve`` on it
(uvicorn, ``--workers`` processes) and drives three pages with ``--clients`` threads, each
with its own HTTP connection, for ``--requests`` requests per page:

* ``/``                 the overview (status board)
* ``/items``            the item list (first page)
* ``/items/<code>``     an item page (a different project each request)

It prints p50/p95/p99 latency, requests per second and the size of each page. With
``--write-mix`` the clients then submit progress through the item page's form (each
client its own projects, reading the page before every post) while others read the
overview, and the rows in the database are counted afterwards: none may be missing.

When the installed planwatch has accounts (``planwatch user``), every client logs in as
a user of its own first: readers as 只读, writers as 填报 users of the unit that owns
their projects (created with ``planwatch user add`` before the server starts).

    python benchmarks/bench_web.py                       # full size, 2 workers
    python benchmarks/bench_web.py --keep /tmp/bench     # keep the database for the next run
    python benchmarks/bench_web.py --db /tmp/bench/bench.sqlite --workers 4 --write-mix
    python benchmarks/bench_web.py --projects 10000 --tasks 500 --progress 100000 --requests 200

Figures are printed, never asserted. Target: p95 < 150 ms per page at 20 clients on the
2-core development machine.
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import re
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_status

PLAN = bench_status.PLAN_CODE
AS_OF = bench_status.AS_OF.isoformat()
TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build_database(folder: Path, args: argparse.Namespace) -> Path:
    """Generate the plan's CSV files and import them the way bench_status does; return the database."""
    db = folder / "bench.sqlite"
    print(f"生成并导入：{args.projects:,} 个重大项目，{args.tasks:,} 项重点任务，{args.progress:,} 条进展")
    start = time.perf_counter()
    bench_status.generate(folder, args.projects, args.tasks, args.progress, 2025)
    figures = bench_status._run(bench_status._import_phase, str(folder), str(db))
    print(f"  {figures['rows']:,.0f} 行，用时 {time.perf_counter() - start:.0f} s")
    return db


class Server:
    """``planwatch serve`` in a child process, stopped on exit."""

    def __init__(self, db: Path, workers: int, log: Path) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        env = dict(os.environ, PLANWATCH_WEB_SECRET="bench-secret-" + "x" * 32)
        command = [sys.executable, "-m", "planwatch", "serve", "--db", str(db), "--port", str(self.port),
                   "--workers", str(workers), "--log-file", str(log)]
        self.process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)

    def wait(self, timeout: float = 600) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.base + "/healthz", timeout=5).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            if self.process.poll() is not None:
                raise SystemExit(f"服务未能启动（退出码 {self.process.returncode}）")
            time.sleep(0.5)
        raise SystemExit("服务启动超时")

    def cpu_seconds(self) -> float | None:
        """Return the CPU time the server and its workers have used (Linux /proc; None elsewhere)."""
        try:
            ticks = os.sysconf("SC_CLK_TCK")
            pids = [self.process.pid]
            for entry in os.listdir("/proc"):
                if entry.isdigit():
                    with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as f:
                        fields = f.read().rsplit(")", 1)[1].split()
                    if int(fields[1]) == self.process.pid:
                        pids.append(int(entry))
            total = 0
            for pid in pids:
                with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                total += int(fields[11]) + int(fields[12])
            return total / ticks
        except (OSError, ValueError, IndexError):
            return None

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(30)
        except subprocess.TimeoutExpired:
            self.process.kill()


def drive(base: str, clients: int, total: int, path_of, users: list[str | None]) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Send ``total`` GETs from ``clients`` threads (client i logged in as ``users[i]``); return the figures."""
    counter = itertools.count()
    times: list[float] = []
    sizes: list[int] = []
    errors: list[str] = []
    lock = threading.Lock()

    def client(index: int) -> None:
        with httpx.Client(base_url=base, timeout=120) as http:
            logged_in(http, users[index])  # and connected, before the clock starts
            while (n := next(counter)) < total:
                start = time.perf_counter()
                try:
                    response = http.get(path_of(n))
                except httpx.TransportError as exc:  # counted, and the client goes on with a new connection
                    with lock:
                        errors.append(f"{type(exc).__name__} {path_of(n)}")
                    continue
                elapsed = time.perf_counter() - start
                with lock:
                    times.append(elapsed)
                    sizes.append(len(response.content))
                    if response.status_code != 200:
                        errors.append(f"{response.status_code} {path_of(n)}")

    start = time.perf_counter()
    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - start
    ordered = sorted(times)

    def pct(p: float) -> float:
        return ordered[min(len(ordered) - 1, int(p * len(ordered)))] * 1000

    return {
        "p50": statistics.median(ordered) * 1000,
        "p95": pct(0.95),
        "p99": pct(0.99),
        "rps": len(times) / wall,
        "kb": statistics.mean(sizes) / 1024,
        "errors": len(errors),
        "first_error": errors[0] if errors else "",
    }


PASSWORD = "bench-only-Passw0rd!"


def project_codes(db: Path, limit: int) -> list[str]:
    with sqlite3.connect(db) as connection:
        rows = connection.execute("SELECT code FROM projects ORDER BY id LIMIT ?", (limit,)).fetchall()
    return [r[0] for r in rows]


def unit_projects(db: Path, units: int, per_unit: int) -> list[tuple[str, list[str]]]:
    """Return ``units`` owner units, each with ``per_unit`` of its project codes (a writer's own items)."""
    with sqlite3.connect(db) as connection:
        names = [r[0] for r in connection.execute(
            "SELECT owner_unit FROM projects GROUP BY owner_unit ORDER BY owner_unit LIMIT ?", (units,))]
        return [(name, [r[0] for r in connection.execute(
            "SELECT code FROM projects WHERE owner_unit = ? ORDER BY id LIMIT ?", (name, per_unit))]) for name in names]


def row_counts(db: Path) -> dict[str, int]:
    """Count the rows a submission can add: progress records, and submissions where accounts exist."""
    with sqlite3.connect(db) as connection:
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        return {t: connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("progress_records", "submissions") if t in tables}


def accounts_available() -> bool:
    """Tell whether this planwatch has accounts (``planwatch user``), so clients must log in."""
    found = subprocess.run([sys.executable, "-m", "planwatch", "user", "--help"], capture_output=True, check=False)
    return found.returncode == 0


def add_user(db: Path, name: str, role: str, unit: str | None = None) -> None:
    command = [sys.executable, "-m", "planwatch", "user", "add", name, "--role", role, "--password-stdin",
               "--db", str(db)]
    if unit:
        command += ["--unit", unit]
    done = subprocess.run(command, input=PASSWORD + "\n", capture_output=True, text=True, check=False)
    if done.returncode != 0 and "已存在" not in done.stderr + done.stdout:
        raise SystemExit(f"无法添加压测用户 {name}：{done.stderr or done.stdout}")


def logged_in(http: httpx.Client, name: str | None) -> httpx.Client:
    """Log ``http`` in as ``name`` (when accounts exist) and return it."""
    if name is None:
        return http
    page = http.get("/login")
    token = TOKEN.search(page.text)
    response = http.post("/login", data={"csrf_token": token[1] if token else "", "name": name,
                                         "password": PASSWORD, "next": "/"})
    if response.status_code not in (200, 303):
        raise SystemExit(f"压测用户 {name} 登录失败：{response.status_code}")
    return http


def write_mix(base: str, db: Path, clients: int, per_client: int, owned: list[tuple[str, list[str]]],
              users: list[str | None]) -> None:
    """Half the clients submit progress through the form, half read the overview; count rows after."""
    before = row_counts(db)
    # A day and codes of this run's own, so a rerun on the same database inserts rather than updates.
    chance = random.Random(time.time_ns())
    day = (date(2025, 7, 1) + timedelta(days=chance.randrange(180))).isoformat()
    offset = chance.randrange(1000)
    errors: list[str] = []
    times: list[float] = []
    lock = threading.Lock()
    writers = clients // 2

    def writer(index: int) -> None:
        with httpx.Client(base_url=base, timeout=120) as http:
            logged_in(http, users[index])
            unit, codes = owned[index]
            for n in range(per_client):
                code = codes[(offset + n) % len(codes)]
                page = http.get(f"/items/{code}", params={"plan": PLAN, "as_of": AS_OF})
                token = TOKEN.search(page.text)
                form = {"csrf_token": token[1] if token else "", "unit": unit,
                        "as_of": day, "value": str(1000 + n), "narrative": "压测", "confirm": "1"}
                start = time.perf_counter()
                response = http.post(f"/items/{code}/progress", params={"plan": PLAN}, data=form)
                with lock:
                    times.append(time.perf_counter() - start)
                    if response.status_code not in (200, 303):
                        errors.append(f"{response.status_code} {code}")

    def reader(index: int) -> None:
        with httpx.Client(base_url=base, timeout=120) as http:
            logged_in(http, users[index])
            for _n in range(per_client):
                response = http.get("/", params={"plan": PLAN})
                if response.status_code != 200:
                    with lock:
                        errors.append(f"{response.status_code} /")

    start = time.perf_counter()
    threads = [threading.Thread(target=writer, args=(i,)) for i in range(writers)]
    threads += [threading.Thread(target=reader, args=(i,)) for i in range(writers, clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - start
    after = row_counts(db)
    expected = writers * per_client
    grown = {t: after[t] - before[t] for t in after}
    ordered = sorted(times)
    print(f"写入混合：{writers} 个客户端各提交 {per_client} 条、{clients - writers} 个客户端读看板，用时 {wall:.1f} s")
    p95 = ordered[int(0.95 * len(ordered))] * 1000
    print(f"  提交 p50 {statistics.median(ordered) * 1000:.0f} ms，p95 {p95:.0f} ms；"
          f"错误 {len(errors)}{'（' + errors[0] + '）' if errors else ''}")
    counted = "，".join(f"{t} +{n}" for t, n in grown.items())
    verdict = "无丢失" if expected in grown.values() else "有丢失！"
    print(f"  数据库新增：{counted}；提交 {expected} 条：{verdict}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=100_000)
    parser.add_argument("--tasks", type=int, default=5_000)
    parser.add_argument("--progress", type=int, default=1_000_000)
    parser.add_argument("--db", help="use this database (made by --keep earlier) instead of generating one")
    parser.add_argument("--keep", metavar="DIR", help="generate into DIR and keep it")
    parser.add_argument("--workers", type=int, default=2, help="server worker processes")
    parser.add_argument("--clients", type=int, default=20, help="concurrent clients")
    parser.add_argument("--requests", type=int, default=400, help="requests per page")
    parser.add_argument("--write-mix", action="store_true", help="also run the submit-and-read mix and count rows")
    parser.add_argument("--writes", type=int, default=20, help="submissions per writing client in --write-mix")
    args = parser.parse_args(argv)

    temporary = None
    if args.db:
        db = Path(args.db)
    else:
        folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="planwatch-bench-web-"))
        temporary = None if args.keep else folder
        folder.mkdir(parents=True, exist_ok=True)
        db = build_database(folder, args)
    codes = project_codes(db, 5000)
    owned = unit_projects(db, args.clients // 2, 1000)
    users: list[str | None] = [None] * args.clients
    if accounts_available():
        for i in range(args.clients):
            users[i] = f"bench{i:02d}"
            if i < args.clients // 2:
                add_user(db, users[i], "填报", owned[i][0])
            else:
                add_user(db, users[i], "只读")
        print(f"已添加 {args.clients} 个压测用户（每个客户端一个，先登录）")
    server = Server(db, args.workers, db.with_suffix(".log"))
    try:
        started = time.perf_counter()
        server.wait()
        took = time.perf_counter() - started
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        print(f"服务：{args.workers} 个工作进程，启动 {took:.1f} s；{args.clients} 个并发客户端；机器负载 {load:.1f}")
        query = f"plan={PLAN}&as_of={AS_OF}"
        pages = {
            "看板 /": lambda n: f"/?{query}",
            "清单 /items": lambda n: f"/items?{query}",
            "事项 /items/<code>": lambda n: f"/items/{codes[n % len(codes)]}?{query}",
        }
        for name, path_of in pages.items():
            drive(server.base, args.clients, 2 * args.clients, path_of, users)  # warm: every worker has the board
            cpu = server.cpu_seconds()
            f = drive(server.base, args.clients, args.requests, path_of, users)
            used = server.cpu_seconds()
            per = f"{(used - cpu) / args.requests * 1000:5.1f} ms CPU/请求" if cpu is not None and used else ""
            print(f"  {name:<20} p50 {f['p50']:7.0f} ms  p95 {f['p95']:7.0f} ms  p99 {f['p99']:7.0f} ms  "
                  f"{f['rps']:6.1f} 请求/秒  {f['kb']:6.0f} KB  {per}  错误 {f['errors']:.0f} {f['first_error']}")
        if args.write_mix:
            write_mix(server.base, db, args.clients, args.writes, owned, users)
    finally:
        server.stop()
        if temporary is not None:
            shutil.rmtree(temporary, ignore_errors=True)


if __name__ == "__main__":
    main()
