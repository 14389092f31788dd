"""Benchmark ``library add``: a few thousand generated reports with one process and with all, into SQLite.

Prints documents per second, characters per second, facts, and peak memory of the parent and of
the worker processes, then what 100,000 reports (every county's work reports for a decade) would
take at the all-process rate. Reports are generated here: fictional 政府工作报告 of real divisions
(so the region is identified as in real use), with invented figures, about 5,000 characters each.

    .venv/bin/python benchmarks/bench_library.py                 # 3,000 reports, 1 and all processes
    .venv/bin/python benchmarks/bench_library.py --count 500 --jobs 1,2
"""

from __future__ import annotations

import argparse
import io
import os
import random
import resource
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


def run(folder: Path, jobs: int, chars: int, count: int) -> tuple[float, int]:
    with tempfile.TemporaryDirectory(prefix="bench-library-db-") as db:
        store = Store.open(f"sqlite:///{Path(db) / 'library.sqlite'}")
        store.init()
        started = time.perf_counter()
        summary = add_paths(store, [folder], user="bench", jobs=jobs, progress=io.StringIO())
        seconds = time.perf_counter() - started
        store.close()
    assert summary.added == count, summary.describe()
    print(
        f"{jobs:>4}  {count / seconds:10.1f}  {chars / seconds:12,.0f}  {summary.facts:>8,}  {seconds:8.1f}  "
        f"{peak_mb(resource.RUSAGE_SELF):10.0f}  {peak_mb(resource.RUSAGE_CHILDREN):12.0f}"
    )
    return seconds, summary.facts


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=3000, help="reports to generate (default 3,000)")
    parser.add_argument("--jobs", default=f"1,{os.cpu_count() or 1}", help="process counts to time, e.g. 1,2,4")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-library-") as tmp:
        folder = Path(tmp)
        chars = generate(folder, args.count)
        print(f"{args.count:,} generated reports, {chars:,} characters ({chars // args.count:,} per report), SQLite")
        print("jobs  documents/s  characters/s     facts  seconds  parent MB  workers MB")
        best = min(run(folder, int(jobs), chars, args.count)[0] for jobs in args.jobs.split(","))
        hours = best / args.count * 100_000 / 3600
        real = best / chars * REAL_REPORT_CHARS * 100_000 / 3600
        print(
            f"100,000 reports at the best rate: {hours:.1f} hours of these, {real:.1f} hours of "
            f"{REAL_REPORT_CHARS:,}-character reports, on this machine ({os.cpu_count()} cores)"
        )
    sys.stdout.flush()


if __name__ == "__main__":
    main()
