"""Time the status engine alone on a large in-memory plan (no database).

    python benchmarks/bench_evaluate.py [--projects 100000] [--tasks 5000] [--records-per-item 10]

Prints the time of ``evaluate`` on every record (a year of monthly reports per item) and
on the reduced records ``Store.load_plan_data(latest_only=True)`` returns (one per item),
plus rendering. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import date, timedelta

from planwatch.monitor import evaluate
from planwatch.monitor.render import render_csv, render_json, render_table
from planwatch.plan.model import (
    KeyTask,
    Milestone,
    Plan,
    PlanData,
    ProgressRecord,
    Project,
    ProjectStage,
    Source,
)

AS_OF = date(2025, 6, 30)


def build(projects: int, tasks: int, per_item: int, seed: int = 7) -> PlanData:
    """Return a plan of ``projects`` projects and ``tasks`` tasks with ``per_item`` records each."""
    rng = random.Random(seed)
    data = PlanData(Plan("BENCH", "JC", 2025, "基准测试计划"))
    stages = [ProjectStage.UNDER_CONSTRUCTION, ProjectStage.NEW_START, ProjectStage.RESERVE]
    for n in range(projects):
        start = date(2025, 1, 1) + timedelta(days=rng.randrange(300))
        data.projects.append(
            Project(
                f"P{n:06d}", f"项目{n}", f"单位{n % 300}", f"D{n % 40:02d}", "制造业", rng.choice(stages),
                100000.0, 20000.0, planned_start=start, work_area_code=f"A{n % 12:02d}",
            )
        )
    for n in range(tasks):
        if n % 2:
            data.tasks.append(KeyTask(f"K{n:05d}", f"任务{n}", f"A{n % 12:02d}", f"单位{n % 80}", annual_quantity=100))
        else:
            ms = [Milestone(str(k), f"节点{k}", date(2025, 3 * k, 28)) for k in range(1, 5)]
            data.tasks.append(KeyTask(f"K{n:05d}", f"任务{n}", f"A{n % 12:02d}", f"单位{n % 80}", milestones=ms))
    source = Source(unit="报送单位")
    for item in [*data.projects, *data.tasks]:
        for k in range(per_item):
            day = date(2025, 1, 15) + timedelta(days=30 * k + rng.randrange(10))
            if getattr(item, "milestones", None) and k < len(item.milestones):
                data.progress.append(ProgressRecord(item.code, day, milestone_key=str(k + 1), source=source))
            else:
                value = rng.uniform(0, 2500.0)
                data.progress.append(ProgressRecord(item.code, day, value, cumulative=False, source=source))
    return data


def reduced(data: PlanData) -> PlanData:
    """Return the plan with one folded record per item, as ``latest_only`` loading gives."""
    board = evaluate(data, AS_OF)
    records = [
        ProgressRecord(s.code, s.last_report, s.actual, source=Source(unit="报送单位"))
        for s in board.items
        if s.last_report is not None
    ]
    return PlanData(data.plan, projects=data.projects, tasks=data.tasks, progress=records)


def timed(label: str, fn):
    """Run ``fn`` and print its wall-clock and CPU time (CPU time is steadier on a shared machine)."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn()
    print(f"{label:<36} wall {time.perf_counter() - wall:7.3f} s   cpu {time.process_time() - cpu:7.3f} s")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=100_000)
    parser.add_argument("--tasks", type=int, default=5_000)
    parser.add_argument("--records-per-item", type=int, default=10)
    args = parser.parse_args()
    data = timed("build plan", lambda: build(args.projects, args.tasks, args.records_per_item))
    print(f"items {len(data.items()):,}, progress records {len(data.progress):,}")
    board = timed("evaluate (all records)", lambda: evaluate(data, AS_OF))
    small = reduced(data)
    print(f"reduced records {len(small.progress):,}")
    timed("evaluate (latest_only records)", lambda: evaluate(small, AS_OF))
    timed("roll-ups (area, unit, district)", lambda: [board.rollup(b) for b in ("work_area", "owner_unit", "district")])
    timed("alerts", board.alerts)
    timed("render table", lambda: render_table(board))
    timed("render json", lambda: render_json(board))
    timed("render csv", lambda: render_csv(board))
    print("lights", {k.value: v for k, v in board.counts().items()})


if __name__ == "__main__":
    main()
