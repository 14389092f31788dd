"""Benchmark: the web pages of a 100,000-project plan under 20 concurrent clients, on a real server.

Builds (or reuses) the plan of ``bench_status.py`` — 100,000 major projects, 5,000 key
tasks, 1,000,000 progress rows, imported into SQLite — starts ``planwatch serve`` on it
(uvicorn, ``--workers`` processes) and drives three pages with ``--clients`` threads, each
with its own HTTP connection, for ``--requests`` requests per page:

* ``/``                 the overview (status board)
* ``/items``            the item list (first page)
* ``/items/<code>``     an item page (a different project each request)

Every client logs in through the real login page as a user of its own, created with
``planwatch user add`` before the server starts: of 20 clients, 6 are 填报 users of the units
that own their projects, 4 are 计划处 users and 10 are 只读 readers. The pages are timed for
the readers and the 计划处 users (who see the whole plan). It prints p50/p95/p99 latency,
requests per second, the size of each page and the machine's load average beside each.

With ``--write-mix`` it then runs the submissions workflow under load: the 填报 clients post
figures through the item page's form (each waits for review), the 计划处 clients approve
them from the review queue's form, the readers page the overview and the item list all the
while; it prints p50/p95 per kind of request, the errors (there should be none) and how many
of the figures sent are in ``progress_records`` with the value sent (all of them).

    python benchmarks/bench_web.py                       # full size, 2 workers
    python benchmarks/bench_web.py --keep /tmp/bench     # keep the database for the next run
    python benchmarks/bench_web.py --db /tmp/bench/bench.sqlite --workers 4 --write-mix
    python benchmarks/bench_web.py --db /tmp/bench/bench.sqlite --workers 4 --write-mix-only --writes 30
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


def drive(sessions: list[httpx.Client], total: int, path_of) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Send ``total`` GETs from one thread per logged-in client in ``sessions``; return the figures.

    The clients log in once, before any clock starts: a login hashes a password (hundreds of
    milliseconds of CPU by design), which would otherwise count as page time.
    """
    counter = itertools.count()
    times: list[float] = []
    sizes: list[int] = []
    errors: list[str] = []
    lock = threading.Lock()

    def client(index: int) -> None:
        http = sessions[index]
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
    threads = [threading.Thread(target=client, args=(i,)) for i in range(len(sessions))]
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
    """Count the rows a submission and its approval add: submissions and progress records."""
    with sqlite3.connect(db) as connection:
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        return {t: connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("progress_records", "submissions") if t in tables}


def stored_values(db: Path, sent: list[tuple[str, str, float]]) -> int:
    """Return how many of the (item, date, value) sent are in ``progress_records`` with that value."""
    with sqlite3.connect(db) as connection:
        found = 0
        for code, day, value in sent:
            row = connection.execute(
                "SELECT value FROM progress_records WHERE item_code = ? AND as_of = ? AND milestone_key = ''",
                (code, day)).fetchone()
            found += row is not None and row[0] == value
        return found


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


APPROVE = re.compile(r'action="/review/(\d+)/approve[^"]*">\s*<input type="hidden" name="csrf_token" value="([^"]+)">'
                     r'\s*<input type="hidden" name="version" value="(\d+)">')


def percentiles(times: list[float]) -> str:
    """Return ``p50 … ms，p95 … ms`` of some durations in seconds."""
    if not times:
        return "—"
    ordered = sorted(times)
    return (f"p50 {statistics.median(ordered) * 1000:.0f} ms，"
            f"p95 {ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))] * 1000:.0f} ms")


def write_mix(base: str, db: Path, per_client: int, owned: list[tuple[str, list[str]]],
              fillers: list[str], planners: list[str], readers: list[str]) -> None:
    """The submissions workflow under load: 填报 clients submit, 计划处 clients approve, readers read.

    Each 填报 client opens one of its unit's items and posts a figure through the item page's
    form (it waits for review); each 计划处 client reads the review queue and approves its
    share of the waiting submissions through the queue's form; readers page the overview and
    the item list meanwhile. Afterwards every figure sent must be in the database as sent.
    """
    before = row_counts(db)
    # A day (in the board's month, so approvals change the board) and values of this run's own.
    chance = random.Random(time.time_ns())
    day = (date(2025, 6, 1) + timedelta(days=chance.randrange(29))).isoformat()
    offset = chance.randrange(1000)
    errors: list[str] = []
    kinds = ("事项页", "提交", "审核队列", "审核", "看板 /", "清单 /items")
    times: dict[str, list[float]] = {kind: [] for kind in kinds}
    sent: list[tuple[str, str, float]] = []
    approved: list[int] = []
    lock = threading.Lock()
    writing = threading.Event()
    reviewing = threading.Event()
    writing.set()
    reviewing.set()

    def timed(kind: str, call, *args, **kwargs):  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        try:
            response = call(*args, **kwargs)
        except httpx.TransportError as exc:
            with lock:
                errors.append(f"{kind} {type(exc).__name__}")
            return None
        with lock:
            times[kind].append(time.perf_counter() - start)
        return response

    def filler(index: int) -> None:
        with httpx.Client(base_url=base, timeout=120) as http:
            logged_in(http, fillers[index])
            codes = owned[index][1]
            for n in range(per_client):
                code = codes[(offset + n) % len(codes)]
                value = float(chance.randrange(1, 10_000_000)) / 100
                page = timed("事项页", http.get, f"/items/{code}", params={"plan": PLAN, "as_of": AS_OF})
                if page is None:
                    continue
                token = TOKEN.search(page.text)
                form = {"csrf_token": token[1] if token else "", "as_of": day, "value": str(value),
                        "cumulative": "1", "narrative": "压测报送", "reason": "压测更正", "confirm": "1"}
                response = timed("提交", http.post, f"/items/{code}/progress", params={"plan": PLAN}, data=form)
                with lock:
                    if response is not None and response.status_code == 303:
                        sent.append((code, day, value))
                    elif response is not None:
                        errors.append(f"提交 {response.status_code} {code}")

    def planner(index: int) -> None:
        with httpx.Client(base_url=base, timeout=120) as http:
            logged_in(http, planners[index])
            while True:
                done_writing = not writing.is_set()
                queue = timed("审核队列", http.get, "/review", params={"plan": PLAN, "as_of": AS_OF})
                if queue is None or queue.status_code != 200:
                    with lock:
                        errors.append(f"审核队列 {queue.status_code if queue is not None else '断开'}")
                    continue
                mine = [m for m in APPROVE.finditer(queue.text) if int(m[1]) % len(planners) == index]
                for found in mine:
                    form = {"csrf_token": found[2], "version": found[3]}
                    response = timed("审核", http.post, f"/review/{found[1]}/approve",
                                     params={"plan": PLAN, "as_of": AS_OF}, data=form)
                    with lock:
                        if response is not None and response.status_code == 303:
                            approved.append(int(found[1]))
                        elif response is not None:
                            errors.append(f"审核 {response.status_code} {found[1]}")
                if done_writing and not mine:
                    return
                if not mine:
                    time.sleep(0.2)

    def reader(index: int) -> None:
        with httpx.Client(base_url=base, timeout=120) as http:
            logged_in(http, readers[index])
            pages = itertools.cycle([("看板 /", "/"), ("清单 /items", "/items")])
            while reviewing.is_set():
                kind, path = next(pages)
                response = timed(kind, http.get, path, params={"plan": PLAN, "as_of": AS_OF})
                if response is not None and response.status_code != 200:
                    with lock:
                        errors.append(f"{kind} {response.status_code}")

    start = time.perf_counter()
    writers = [threading.Thread(target=filler, args=(i,)) for i in range(len(fillers))]
    reviewers = [threading.Thread(target=planner, args=(i,)) for i in range(len(planners))]
    lookers = [threading.Thread(target=reader, args=(i,)) for i in range(len(readers))]
    for t in writers + reviewers + lookers:
        t.start()
    for t in writers:
        t.join()
    writing.clear()
    for t in reviewers:
        t.join()
    reviewing.clear()
    for t in lookers:
        t.join()
    wall = time.perf_counter() - start
    after = row_counts(db)
    grown = "，".join(f"{t} +{after[t] - before[t]}" for t in after)
    found = stored_values(db, sent)
    expected = len(fillers) * per_client
    print(f"写入混合：{len(fillers)} 个填报客户端各提交 {per_client} 条，{len(planners)} 个计划处客户端审核，"
          f"{len(readers)} 个客户端读看板和清单；用时 {wall:.1f} s")
    for kind, values in times.items():
        print(f"  {kind:<12} {len(values):5d} 次  {percentiles(values)}")
    print(f"  错误 {len(errors)}{'（' + '；'.join(errors[:3]) + '）' if errors else ''}")
    # approvals may exceed this run's submissions: a database kept from an interrupted run has waiting ones
    verdict = "无丢失" if found == len(sent) == expected <= len(approved) and not errors else "有丢失或失败！"
    print(f"  提交 {len(sent)}/{expected} 条，审核通过 {len(approved)} 条；"
          f"数据库中按所填数值找到 {found} 条（{grown}）：{verdict}")


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
    parser.add_argument("--writes", type=int, default=20, help="submissions per 填报 client in --write-mix")
    parser.add_argument("--write-mix-only", action="store_true", help="run only the write mix (no page timings)")
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
    fillers_n = args.clients * 3 // 10  # of 20 clients: 6 submit, 4 approve, 10 read
    planners_n = args.clients // 5
    owned = unit_projects(db, fillers_n, 1000)
    # names by role, so a database kept from an earlier run has each user in the right role
    fillers = [f"benchf{i:02d}" for i in range(fillers_n)]
    planners = [f"benchp{i:02d}" for i in range(planners_n)]
    readers = [f"benchr{i:02d}" for i in range(args.clients - fillers_n - planners_n)]
    for i, name in enumerate(fillers):
        add_user(db, name, "填报", owned[i][0])
    for name in planners:
        add_user(db, name, "计划处")
    for name in readers:
        add_user(db, name, "只读")
    print(f"已添加 {args.clients} 个压测用户（每个客户端一个，先经登录页登录）："
          f"填报 {len(fillers)}，计划处 {len(planners)}，只读 {len(readers)}")
    # the page timings: readers and planners, who see the whole plan
    page_users = list(itertools.islice(itertools.cycle(readers + planners), args.clients))
    server = Server(db, args.workers, db.with_suffix(".log"))
    try:
        started = time.perf_counter()
        server.wait()
        took = time.perf_counter() - started
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        print(f"服务：{args.workers} 个工作进程，启动 {took:.1f} s；{args.clients} 个并发客户端；机器负载 {load:.1f}")
        sessions = [logged_in(httpx.Client(base_url=server.base, timeout=120), name) for name in page_users]
        query = f"plan={PLAN}&as_of={AS_OF}"
        pages = {
            "看板 /": lambda n: f"/?{query}",
            "清单 /items": lambda n: f"/items?{query}",
            "事项 /items/<code>": lambda n: f"/items/{codes[n % len(codes)]}?{query}",
        }
        for name, path_of in ({} if args.write_mix_only else pages).items():
            drive(sessions, 2 * args.clients, path_of)  # warm: every worker has the board
            cpu = server.cpu_seconds()
            f = drive(sessions, args.requests, path_of)
            used = server.cpu_seconds()
            per = f"{(used - cpu) / args.requests * 1000:5.1f} ms CPU/请求" if cpu is not None and used else ""
            load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
            print(f"  {name:<18} 负载 {load:4.1f}  p50 {f['p50']:4.0f} ms  p95 {f['p95']:4.0f} ms  "
                  f"p99 {f['p99']:4.0f} ms  "
                  f"{f['rps']:6.1f} 请求/秒  {f['kb']:6.0f} KB  {per}  错误 {f['errors']:.0f} {f['first_error']}")
        if args.write_mix_only:  # the board evaluated in every worker first, as the page phase would leave it
            drive(sessions, 2 * args.clients, pages["看板 /"])
        if args.write_mix or args.write_mix_only:
            write_mix(server.base, db, args.writes, owned, fillers, planners, readers)
        for http in sessions:
            http.close()
    finally:
        server.stop()
        if temporary is not None:
            shutil.rmtree(temporary, ignore_errors=True)


if __name__ == "__main__":
    main()
