"""Benchmark: import a big plan and its progress from CSV into SQLite, then run the whole-plan status.

Generates (deterministic random, seed 2025) a plan of the fictional 江川市 with 100,000
major projects and 5,000 key tasks, and 1,000,000 progress records: nine or ten reports per
project (three in four projects send year-to-date totals, one in four monthly amounts;
some report a new stage), weekly quantities for the quantity tasks and milestone reports
for the milestone tasks. It writes them in the import format — the plan as a folder of
CSV sheets, the progress as one ``项目进展.csv`` and one ``任务进展.csv`` — imports them
with ``planwatch.imports.service.import_file`` into a fresh SQLite file, then loads the
plan the way ``planwatch status`` does (``latest_only``) and evaluates it as of 30 June.

Each phase runs in its own child process so that its peak memory (ru_maxrss) is its
own. Figures are printed, never asserted. Targets: import ≥ 20,000 rows/s, whole-plan
status < 2 s, memory < 1 GB.

    python benchmarks/bench_status.py                 # full size
    python benchmarks/bench_status.py --projects 10000 --tasks 500 --progress 100000
    python benchmarks/bench_status.py --keep /tmp/bench   # keep the CSV files and database
    python benchmarks/bench_status.py --status-only /tmp/bench --repeat 5   # rerun the status on it

The machine may be shared: ``--repeat`` runs the status phase that many times (each in a
fresh process, so each reads the database cold from the OS cache as the first run does)
and prints every run and the fastest.
"""

from __future__ import annotations

import argparse
import csv
import multiprocessing
import os
import random
import resource
import sys
import time
import tracemalloc
from datetime import date, timedelta
from pathlib import Path

from big_plan import add_plan_options, plan_folder

PLAN_CODE = "JCBENCH2025"
AS_OF = date(2025, 6, 30)
PROJECT_DATES = [
    date(2025, 1, 15),
    date(2025, 1, 31),
    date(2025, 2, 15),
    date(2025, 2, 28),
    date(2025, 3, 31),
    date(2025, 4, 15),
    date(2025, 4, 30),
    date(2025, 5, 31),
    date(2025, 6, 15),
    date(2025, 6, 30),
]
DISTRICTS = [
    (f"JC-{i:02d}", name)
    for i, name in enumerate(
        [
            "东湖区",
            "西山县",
            "南岸区",
            "北塘区",
            "临江区",
            "青石县",
            "白沙区",
            "云岭县",
            "松溪县",
            "桃源区",
            "金川区",
            "柳湾县",
        ],
        1,
    )
]
INDUSTRIES = ["交通", "能源", "水利", "制造业", "数字经济", "社会事业", "城市更新", "生态环保"]
UNITS = [f"江川{kind}{i}" for kind in ("建设集团", "交投公司", "城投公司", "产业园") for i in range(1, 26)]


def _writer(path: Path, headers: list[str]) -> tuple[object, csv.writer]:
    handle = path.open("w", encoding="utf-8-sig", newline="")
    out = csv.writer(handle)
    out.writerow(headers)
    return handle, out


def generate(folder: Path, n_projects: int, n_tasks: int, n_progress: int, seed: int) -> dict[str, int]:
    """Write the plan folder and the progress CSVs; return rows written per file."""
    rng = random.Random(seed)
    plan_dir = folder / "plan"
    plan_dir.mkdir(parents=True)
    counts: dict[str, int] = {}

    handle, out = _writer(plan_dir / "计划.csv", ["计划编码", "地区编码", "年度", "计划名称"])
    out.writerow([PLAN_CODE, "JC", 2025, "江川市2025年国民经济和社会发展计划（性能测试）"])
    handle.close()
    handle, out = _writer(plan_dir / "地区.csv", ["地区编码", "地区名称", "上级地区编码", "层级"])
    out.writerow(["JC", "江川市", "", "市"])
    for code, name in DISTRICTS:
        out.writerow([code, name, "JC", "县" if name.endswith("县") else "区"])
    handle.close()
    handle, out = _writer(plan_dir / "工作领域.csv", ["领域编码", "序号", "领域名称"])
    areas = [f"A{i:02d}" for i in range(1, 13)]
    for i, code in enumerate(areas, 1):
        out.writerow([code, i, f"第{i}项重点工作"])
    handle.close()

    # Key tasks: half with two milestones, half with an annual quantity.
    handle, out = _writer(
        plan_dir / "重点任务.csv", ["任务编码", "任务名称", "领域编码", "牵头单位", "年度目标量", "单位"]
    )
    mhandle, mout = _writer(plan_dir / "任务节点.csv", ["任务编码", "节点序号", "节点内容", "完成时限"])
    tasks = []
    for i in range(n_tasks):
        code = f"K{i:05d}"
        quantity = i % 2 == 1
        out.writerow(
            [
                code,
                f"重点任务{i}",
                areas[i % 12],
                f"市直部门{i % 40}",
                1000 if quantity else "",
                "个" if quantity else "",
            ]
        )
        if not quantity:
            mout.writerow([code, "1", "完成前期工作", "2025-04-30"])
            mout.writerow([code, "2", "全面完成", "2025-11-30"])
        tasks.append((code, quantity))
    handle.close()
    mhandle.close()
    counts["plan rows"] = 1 + 1 + len(DISTRICTS) + len(areas) + n_tasks + (n_tasks + 1) // 2 * 2

    handle, out = _writer(
        plan_dir / "重大项目.csv",
        [
            "项目编码",
            "项目名称",
            "业主单位",
            "所在区县编码",
            "行业领域",
            "项目阶段",
            "总投资（万元）",
            "年度计划投资（万元）",
            "计划开工时间",
            "计划竣工时间",
            "领域编码",
        ],
    )
    projects = []
    for i in range(n_projects):
        code = f"P{i:06d}"
        annual = rng.randint(500, 60_000)
        stage = "新开工" if i % 5 == 0 else "在建"
        out.writerow(
            [
                code,
                f"重大项目{i}",
                rng.choice(UNITS),
                DISTRICTS[i % len(DISTRICTS)][0],
                INDUSTRIES[i % 8],
                stage,
                annual * rng.randint(2, 6),
                annual,
                "2025-03-31" if stage == "新开工" else "2024-06-30",
                "2027-12-31",
                areas[i % 12],
            ]
        )
        projects.append((code, annual))
    handle.close()
    counts["plan rows"] += n_projects

    # Progress: milestone reports, then weekly task quantities, then project reports fill the rest.
    thandle, tout = _writer(
        folder / "任务进展.csv", ["任务编码", "截至日期", "完成量", "是否累计", "完成节点序号", "报送单位"]
    )
    task_rows = 0
    quantity_tasks = [code for code, quantity in tasks if quantity]
    for code, quantity in tasks:
        if not quantity:
            tout.writerow([code, "2025-04-20", "", "", "1", "市直部门"])
            task_rows += 1
    project_budget = n_progress - task_rows
    weekly = max(0, min(25, (project_budget - len(projects) * (len(PROJECT_DATES) - 1)) // max(1, len(quantity_tasks))))
    for code in quantity_tasks:
        done = 0
        for week in range(weekly):
            done += rng.randint(5, 30)
            tout.writerow([code, (date(2025, 1, 5) + timedelta(days=7 * week)).isoformat(), done, "是", "", "市直部门"])
            task_rows += 1
    thandle.close()
    counts["task progress rows"] = task_rows

    phandle, pout = _writer(
        folder / "项目进展.csv", ["项目编码", "截至日期", "本年完成投资（万元）", "是否累计", "项目阶段", "报送单位"]
    )
    project_rows = 0
    remaining = n_progress - task_rows
    for i, (code, annual) in enumerate(projects):
        share = remaining // (len(projects) - i)
        dates = PROJECT_DATES[-share:] if share <= len(PROJECT_DATES) else PROJECT_DATES
        cumulative = i % 4 != 0
        total = 0.0
        for k, as_of in enumerate(dates):
            step = round(annual * rng.uniform(0.02, 0.12), 1)
            total += step
            stage = "在建" if (i % 5 == 0 and k == 2) else ""
            pout.writerow(
                [
                    code,
                    as_of.isoformat(),
                    round(total, 1) if cumulative else step,
                    "是" if cumulative else "否",
                    stage,
                    "项目业主",
                ]
            )
        project_rows += len(dates)
        remaining -= len(dates)
    phandle.close()
    counts["project progress rows"] = project_rows
    return counts


def _peak_rss_mb() -> float:
    # ru_maxrss is in KiB on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _import_phase(folder: str, db: str, queue: multiprocessing.Queue) -> None:
    from planwatch.imports.service import import_file
    from planwatch.store import Store

    store = Store.open(f"sqlite:///{db}")
    store.init()
    figures: dict[str, float] = {}
    start = time.perf_counter()
    cpu = time.process_time()
    plan = import_file(store, Path(folder) / "plan", user="bench")
    figures["plan_s"] = time.perf_counter() - start
    mid = time.perf_counter()
    tasks = import_file(store, Path(folder) / "任务进展.csv", user="bench")
    projects = import_file(store, Path(folder) / "项目进展.csv", user="bench")
    figures["progress_s"] = time.perf_counter() - mid
    figures["import_s"] = time.perf_counter() - start
    figures["import_cpu_s"] = time.process_time() - cpu
    figures["rows"] = sum(r.summary.inserted for r in (plan, tasks, projects))
    figures["audit_rows"] = store.audit_count()
    figures["peak_rss_mb"] = _peak_rss_mb()
    store.close()
    queue.put(figures)


def _status_phase(db: str, traced: bool, queue: multiprocessing.Queue) -> None:
    from planwatch.catalog import load_catalog
    from planwatch.monitor import evaluate
    from planwatch.store import Store

    load_catalog()  # read once, as a long-running server would have it
    store = Store.open(f"sqlite:///{db}")
    store.init()
    if traced:
        tracemalloc.start()
    figures: dict[str, float] = {}
    start = time.perf_counter()
    cpu = time.process_time()
    data = store.load_plan_data(PLAN_CODE, as_of=AS_OF, latest_only=True)
    figures["load_s"] = time.perf_counter() - start
    figures["load_cpu_s"] = time.process_time() - cpu
    mid = time.perf_counter()
    mid_cpu = time.process_time()
    board = evaluate(data, AS_OF)
    figures["evaluate_s"] = time.perf_counter() - mid
    figures["evaluate_cpu_s"] = time.process_time() - mid_cpu
    figures["status_s"] = time.perf_counter() - start
    figures["status_cpu_s"] = time.process_time() - cpu
    figures["items"] = len(board.items)
    figures["records_loaded"] = len(data.progress)
    lights: dict[str, int] = {}
    for item in board.items:
        lights[str(item.light)] = lights.get(str(item.light), 0) + 1
    figures["lights"] = lights  # type: ignore[assignment]
    if traced:
        figures["traced_peak_mb"] = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    figures["peak_rss_mb"] = _peak_rss_mb()
    store.close()
    queue.put(figures)


def _run(target, *args) -> dict:  # type: ignore[no-untyped-def]
    queue: multiprocessing.Queue = multiprocessing.Queue()
    process = multiprocessing.Process(target=target, args=(*args, queue))
    process.start()
    figures = queue.get()
    process.join()
    return figures


def _print_status(db: Path, traced: bool, repeat: int) -> None:
    runs = [_run(_status_phase, str(db), traced) for _ in range(max(1, repeat))]
    status = min(runs, key=lambda r: r["status_cpu_s"])
    print(f"全计划状态（as of {AS_OF}，{status['items']:,} 项，读入 {status['records_loaded']:,} 条精简进展）")
    if len(runs) > 1:
        each = "，".join(f"{r['status_s']:.2f}/{r['status_cpu_s']:.2f}" for r in runs)
        print(f"  {len(runs)} 次（墙钟/CPU 秒）：{each}；以下为 CPU 最少的一次")
    print(
        f"  读库 {status['load_s']:.2f} s + 评估 {status['evaluate_s']:.2f} s = {status['status_s']:.2f} s"
        f"（CPU {status['load_cpu_s']:.2f} + {status['evaluate_cpu_s']:.2f} = "
        f"{status['status_cpu_s']:.2f} s；目标 < 2 s）"
    )
    print(f"  灯色 {status['lights']}")
    memory = f"  峰值内存 {status['peak_rss_mb']:,.0f} MB（ru_maxrss，目标 < 1 GB）"
    if "traced_peak_mb" in status:
        memory += f"，Python 分配峰值 {status['traced_peak_mb']:,.0f} MB（tracemalloc）"
    print(memory)
    print(f"  数据库文件 {db.stat().st_size / 2**20:,.0f} MB；机器负载 {os.getloadavg()[0]:.1f}（{os.cpu_count()} 核）")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_plan_options(parser, repeat="run the status phase")
    parser.add_argument("--tracemalloc", action="store_true", help="also trace Python allocations of the status run")
    parser.add_argument(
        "--status-only", metavar="DIR", help="only run the status phase on the database kept in DIR by --keep"
    )
    args = parser.parse_args(argv)
    if args.status_only:
        _print_status(Path(args.status_only) / "bench.sqlite", args.tracemalloc, args.repeat)
        return

    with plan_folder(args.keep, "planwatch-bench-") as folder:
        db = folder / "bench.sqlite"
        print(
            f"生成数据：{args.projects:,} 个重大项目，{args.tasks:,} 项重点任务，"
            f"{args.progress:,} 条进展（种子 {args.seed}）"
        )
        start = time.perf_counter()
        counts = generate(folder, args.projects, args.tasks, args.progress, args.seed)
        print(f"  {', '.join(f'{k} {v:,}' for k, v in counts.items())}；用时 {time.perf_counter() - start:.1f} s")

        imp = _run(_import_phase, str(folder), str(db))
        print("导入（CSV → SQLite，含审计记录）")
        print(
            f"  计划 {imp['plan_s']:.1f} s，进展 {imp['progress_s']:.1f} s，合计 {imp['import_s']:.1f} s"
            f"（CPU {imp['import_cpu_s']:.1f} s）"
        )
        print(
            f"  写入 {imp['rows']:,.0f} 行 + 审计 {imp['audit_rows']:,.0f} 行："
            f"{imp['rows'] / imp['import_s']:,.0f} 行/秒"
            f"（按 CPU 时间 {imp['rows'] / imp['import_cpu_s']:,.0f} 行/秒；目标 ≥ 20,000）"
        )
        print(f"  峰值内存 {imp['peak_rss_mb']:,.0f} MB（ru_maxrss）")

        _print_status(db, args.tracemalloc, args.repeat)


if __name__ == "__main__":
    sys.exit(main())
