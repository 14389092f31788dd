"""Benchmark: the execution report of the 100,000-project plan of ``bench_status.py``, as DOCX and HTML.

Builds the same plan (100,000 major projects, 5,000 key tasks, 1,000,000 progress records,
seed 2025) and imports it into SQLite with ``bench_status``'s own phases, then times, as of
30 June: reading the board (``load_inputs``: latest-only load + evaluate + the targets'
history), composing the report, and writing it as DOCX (with the 数据来源 appendix) and as
HTML. Figures are printed, never asserted. Target: each format rendered (compose + write)
in under 5 s.

    python benchmarks/bench_report.py
    python benchmarks/bench_report.py --projects 10000 --tasks 500 --progress 100000
    python benchmarks/bench_report.py --keep /tmp/bench     # keep the database (bench_status's layout)
    python benchmarks/bench_report.py --report-only /tmp/bench --repeat 3
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from bench_status import AS_OF, PLAN_CODE, _import_phase, _run, generate
from big_plan import add_plan_options, plan_folder


def _report_phase(db: str, queue) -> None:  # type: ignore[no-untyped-def]
    from planwatch.report import compose_report, load_inputs
    from planwatch.report.output import report_bytes
    from planwatch.store import Store

    figures: dict[str, float] = {}
    store = Store.open(f"sqlite:///{db}")
    start = time.perf_counter()
    inputs = load_inputs(store, PLAN_CODE, AS_OF)
    figures["board_s"] = time.perf_counter() - start
    store.close()
    start = time.perf_counter()
    report = compose_report(inputs)
    figures["compose_s"] = time.perf_counter() - start
    for fmt in ("docx", "html"):
        start = time.perf_counter()
        content = report_bytes(report, fmt)  # type: ignore[arg-type]
        figures[f"{fmt}_s"] = time.perf_counter() - start
        figures[f"{fmt}_kb"] = len(content) / 1024
    figures["figures"] = len(report.figures())
    figures["paragraphs"] = len(report.paragraphs())
    figures["items"] = len(inputs.board.items)
    queue.put(figures)


def _print_report(db: Path, repeat: int) -> None:
    runs = [_run(_report_phase, str(db)) for _ in range(repeat)]
    for n, r in enumerate(runs, start=1):
        size = f"{r['items']:,.0f} 个事项，{r['paragraphs']:,.0f} 段，{r['figures']:,.0f} 个数字（均注明来源）"
        print(f"报告（第{n}次）：{size}")
        print(f"  读取看板（加载 + 判定 + 指标历史）{r['board_s']:.2f} s；起草 {r['compose_s']:.2f} s")
        for fmt in ("docx", "html"):
            total = r["compose_s"] + r[f"{fmt}_s"]
            print(
                f"  {fmt.upper()}：写出 {r[f'{fmt}_s']:.2f} s，起草 + 写出 {total:.2f} s（目标 < 5 s），"
                f"{r[f'{fmt}_kb']:,.0f} KB"
            )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_plan_options(parser, repeat="time the report")
    parser.add_argument("--report-only", metavar="DIR", help="only time the report on the database kept in DIR")
    args = parser.parse_args(argv)
    if args.report_only:
        _print_report(Path(args.report_only) / "bench.sqlite", args.repeat)
        return
    with plan_folder(args.keep, "planwatch-bench-report-") as folder:
        print(f"生成并导入：{args.projects:,} 个重大项目，{args.tasks:,} 项重点任务，{args.progress:,} 条进展")
        start = time.perf_counter()
        generate(folder, args.projects, args.tasks, args.progress, args.seed)
        _run(_import_phase, str(folder), str(folder / "bench.sqlite"))
        print(f"  用时 {time.perf_counter() - start:.1f} s")
        _print_report(folder / "bench.sqlite", args.repeat)


if __name__ == "__main__":
    sys.exit(main())
