"""Benchmark ``library add``: a few thousand generated reports with one process and with all, into SQLite.

Prints documents per second, characters per second, facts, and peak memory of the parent and of
the worker processes, then what 100,000 reports (every county's work reports for a decade) would
take at the all-process rate. Then the panel of that library, streamed in a fresh process (so its peak
memory is its own): rows per second, the peak of Python's allocations (flat: the panel is built one
region at a time) and the process's peak beside its size with the library open. Reports are
generated here: fictional 政府工作报告 of real divisions (so the region is identified as in real use),
with invented figures, about 5,000 characters each.

    .venv/bin/python benchmarks/bench_library.py                 # 3,000 reports, 1 and all processes
    .venv/bin/python benchmarks/bench_library.py --count 500 --jobs 1,2
    .venv/bin/python benchmarks/bench_library.py --count 3000 --jobs 2 --panel-only   # the panel's figures
"""

from __future__ import annotations

import argparse
import io
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from planwatch.catalog import gazetteer
from planwatch.library.adding import add_paths
from planwatch.store import Store

REVIEW = (
    "过去一年，全{scope}地区生产总值增长{g1}%，规模以上工业增加值增长{g2}%，社会消费品零售总额{retail}亿元、"
    "增长{g3}%，固定资产投资增长{g4}%，一般公共预算收入增长{g5}%，城镇新增就业{jobs}万人，"
    "城镇调查失业率{u}%，居民人均可支配收入增长{g6}%。"
)
GOALS = (
    "今年经济社会发展的主要预期目标是：地区生产总值增长{t1}%左右；规模以上工业增加值增长{t2}%以上；"
    "社会消费品零售总额增长{t3}%左右；城镇调查失业率{u2}%以内；居民收入增长和经济增长同步。"
)
TASK = (
    "（{n}）推进重点工作{n}。实施项目{p}个，完成投资{inv}亿元，新建道路{km}公里，改造老旧小区{hh}个，"
    "培育高新技术企业{firms}家，新增绿地{green}万平方米。我们将坚持问题导向，加强统筹协调，压实工作责任，"
    "确保各项任务按期完成、取得实效，让人民群众有更多获得感、幸福感、安全感。"
)
NUMERALS = "一二三四五六七八九十"
TASKS = 30  # paragraphs of work: about 5,000 characters a report
#: The length of a real county or city 政府工作报告 (the corpus reports run 10,000 to 20,000 characters).
REAL_REPORT_CHARS = 12_000


def report(division: gazetteer.Division, year: int, rng: random.Random) -> str:
    """Return one fictional 政府工作报告 of ``division`` for ``year`` (about 4,000 characters)."""
    scope = {"province": "省", "city": "市", "county": "县"}.get(division.level, "市")

    def pct() -> str:
        return f"{rng.uniform(2, 9):.1f}"

    lines = [
        f"{year}年{division.name}政府工作报告",
        f"——{year}年1月{rng.randint(5, 28)}日在{division.name}第十届人民代表大会第{rng.randint(1, 5)}次会议上",
        "各位代表：",
        f"一、{year - 1}年工作回顾",
        REVIEW.format(
            scope=scope, g1=pct(), g2=pct(), g3=pct(), g4=pct(), g5=pct(), g6=pct(),
            retail=rng.randint(100, 9000), jobs=f"{rng.uniform(0.5, 9):.1f}", u=f"{rng.uniform(4, 6):.1f}",
        ),
        f"二、{year}年主要目标",
        GOALS.format(t1=pct(), t2=pct(), t3=pct(), u2="5.5"),
        "三、重点工作",
    ]
    for n in range(1, TASKS + 1):
        lines.append(
            TASK.format(
                n=NUMERALS[(n - 1) % 10], p=rng.randint(10, 300), inv=rng.randint(10, 900), km=rng.randint(5, 90),
                hh=rng.randint(10, 400), firms=rng.randint(10, 500), green=rng.randint(1, 80),
            )
        )
    return "\n".join(lines) + "\n"


def generate(folder: Path, count: int, seed: int = 2026) -> int:
    """Write ``count`` reports into ``folder``; return their characters."""
    rng = random.Random(seed)
    divisions = [d for d in gazetteer.divisions() if d.level in ("city", "county")]
    chars = 0
    for i in range(count):
        text = report(rng.choice(divisions), rng.randint(2016, 2026), rng)
        (folder / f"report-{i:06d}.txt").write_text(text, encoding="utf-8")
        chars += len(text)
    return chars


def peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def run(folder: Path, jobs: int, chars: int, count: int, db: Path, *, quiet: bool = False) -> tuple[float, int]:
    """Add the reports in ``folder`` to a new SQLite library at ``db``; print and return the time and facts."""
    db.unlink(missing_ok=True)
    store = Store.open(f"sqlite:///{db}")
    store.init()
    started = time.perf_counter()
    summary = add_paths(store, [folder], user="bench", jobs=jobs, progress=io.StringIO())
    seconds = time.perf_counter() - started
    store.close()
    assert summary.added == count, summary.describe()
    if not quiet:
        print(
            f"{jobs:>4}  {count / seconds:10.1f}  {chars / seconds:12,.0f}  {summary.facts:>8,}  {seconds:8.1f}  "
            f"{peak_mb(resource.RUSAGE_SELF):10.0f}  {peak_mb(resource.RUSAGE_CHILDREN):12.0f}"
        )
    return seconds, summary.facts


#: Run in a fresh process: open the library and warm up on one region (the baseline), stream the whole
#: panel through once timed, then once under tracemalloc for the peak of Python's own allocations.
PANEL_PROBE = """
import resource, sys, time, tracemalloc
from planwatch.library.service import iter_panel_rows, open_store
store = open_store(sys.argv[1])
sum(1 for _ in iter_panel_rows(store, region="北京市"))
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
started = time.perf_counter()
rows = sum(1 for _ in iter_panel_rows(store))
seconds = time.perf_counter() - started
tracemalloc.start()
sum(1 for _ in iter_panel_rows(store))
python_peak = tracemalloc.get_traced_memory()[1] / 2**20
print(rows, seconds, base, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, python_peak)
"""


def panel(db: Path, count: int) -> None:
    """Print the panel's rows, time and peak memory on the library at ``db`` (measured in a fresh process)."""
    out = subprocess.run([sys.executable, "-c", PANEL_PROBE, str(db)], capture_output=True, text=True, check=True)
    rows, seconds, base, peak, python_peak = (float(v) for v in out.stdout.split())
    print(
        f"panel of {count:,} reports: {rows:,.0f} rows in {seconds:.2f} s ({rows / seconds:,.0f} rows/s); "
        f"Python allocations peak {python_peak:.1f} MB; process peak {peak:.0f} MB "
        f"({base:.0f} MB with the library open; SQLite's page cache is capped at 64 MB)"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=3000, help="reports to generate (default 3,000)")
    parser.add_argument("--jobs", default=f"1,{os.cpu_count() or 1}", help="process counts to time, e.g. 1,2,4")
    parser.add_argument("--panel-only", action="store_true", help="add with the last --jobs quietly, time the panel")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-library-") as tmp:
        folder, db = Path(tmp) / "reports", Path(tmp) / "library.sqlite"
        folder.mkdir()
        chars = generate(folder, args.count)
        print(f"{args.count:,} generated reports, {chars:,} characters ({chars // args.count:,} per report), SQLite")
        if args.panel_only:
            run(folder, int(args.jobs.split(",")[-1]), chars, args.count, db, quiet=True)
        else:
            print("jobs  documents/s  characters/s     facts  seconds  parent MB  workers MB")
            best = min(run(folder, int(jobs), chars, args.count, db)[0] for jobs in args.jobs.split(","))
            hours = best / args.count * 100_000 / 3600
            real = best / chars * REAL_REPORT_CHARS * 100_000 / 3600
            print(
                f"100,000 reports at the best rate: {hours:.1f} hours of these, {real:.1f} hours of "
                f"{REAL_REPORT_CHARS:,}-character reports, on this machine ({os.cpu_count()} cores)"
            )
        sys.stdout.flush()
        panel(db, args.count)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
