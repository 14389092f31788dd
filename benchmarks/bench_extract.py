"""Throughput and peak memory of ``extract_facts`` on report text, and on a dense stress text.

    python benchmarks/bench_extract.py [--chars 1000000] [--scales 1,2,4] [--repeat 3] [--no-seed]

Two texts, both at least ``--chars`` characters, both cut at a line end:

* **report** (the main figure): whole reports with the figure density of real ones — the bundled
  ``src/planwatch/demo/data/sample_report_2025h1.txt`` and, read at run time only (never copied into
  the repository), the seed and corpus reports when ``../shared`` is present — repeated in a
  permuted order (fixed random seed, so every run times the same text);
* **unique**: that material once, without repetition (about 60,000 characters): the memo caches
  of the extractor (emptied before every timed run) cannot profit from repeated sentences here, so
  this row is the honest figure for text never seen before; it is too short to show linearity;
* **stress**: the phrases of ``tests/extract/phrase_cases.py`` shuffled into sections with
  一、/（一） headings, a lead period and a 下一步工作打算 part. Every sentence there carries figures, so
  it has several times the facts per 1,000 characters of a real report: it shows the per-fact cost.

Prints, per text and size: characters, facts and facts per 1,000 characters, best-of-N wall time
and CPU time (``time.process_time``; the machine may be shared) on one core, characters per
second by both clocks, and the tracemalloc peak (bytes allocated during extraction, the input
excluded) with bytes per input character, so linear time and memory can be read off the rows.
Figures are printed, never asserted; the targets are in ``benchmarks/README.md``.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import os
import random
import sys
import time
import tracemalloc
from pathlib import Path

from planwatch.extract import extract_facts

ROOT = Path(__file__).resolve().parents[1]
PHRASES = ROOT / "tests" / "extract" / "phrase_cases.py"
SAMPLE = ROOT / "src" / "planwatch" / "demo" / "data" / "sample_report_2025h1.txt"
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_6f42d119bd871e74.txt"

_CN = "一二三四五六七八九十"
_TOPICS = ["工业生产", "固定资产投资", "消费市场", "对外开放", "财政金融", "民生保障", "生态环境", "城乡建设"]


def _load_phrases() -> list[str]:
    """The phrases of both tables (facts and not-facts), loaded from the test data module by path."""
    spec = importlib.util.spec_from_file_location("phrase_cases", PHRASES)
    if spec is None or spec.loader is None:
        return []
    module = importlib.util.module_from_spec(spec)
    sys.modules["phrase_cases"] = module  # dataclasses look the module up while building classes
    spec.loader.exec_module(module)
    return [c.phrase for c in module.CASES] + [n.phrase for n in module.NOT_FACTS]


def _phrase_report(phrases: list[str], rng: random.Random) -> str:
    """One report of our own phrases: a title, review sections with a lead period, a plan section."""
    shuffled = phrases[:]
    rng.shuffle(shuffled)
    parts = ["江川市2025年1—6月国民经济和社会发展计划执行情况的报告", "", "一、1—6月计划执行情况",
             "2025年1—6月，全市经济运行总体平稳、稳中有进。"]
    per_section = max(1, len(shuffled) // (len(_TOPICS) + 2))
    chunks = [shuffled[i:i + per_section] for i in range(0, len(shuffled), per_section)]
    for i, chunk in enumerate(chunks):
        if i == len(chunks) - 2:
            parts.append("二、下一步工作打算")
        label = _CN[i % len(_CN)]
        parts.append(f"（{label}）{_TOPICS[i % len(_TOPICS)]}")
        paragraph: list[str] = []
        for phrase in chunk:
            paragraph.append(phrase)
            if len(paragraph) == 5:
                parts.append("".join(paragraph))
                paragraph = []
        if paragraph:
            parts.append("".join(paragraph))
    return "\n".join(parts) + "\n"


def _repeat_to(documents: list[str], chars: int, rng: random.Random) -> str:
    """The documents repeated in shuffled rounds until ``chars`` characters, cut at a line end."""
    pieces: list[str] = []
    total = 0
    while total < chars:
        batch = documents[:]
        rng.shuffle(batch)
        for doc in batch:
            pieces.append(doc)
            total += len(doc) + 1
    text = "\n".join(pieces)
    cut = text.find("\n", chars)
    return text if cut < 0 else text[: cut + 1]


def report_documents(use_shared: bool) -> tuple[list[str], list[str]]:
    """Whole reports: the bundled sample, plus the seed and corpus texts of ``../shared`` when present."""
    documents: list[str] = []
    sources: list[str] = []
    if SAMPLE.is_file():
        documents.append(SAMPLE.read_text(encoding="utf-8"))
        sources.append(SAMPLE.name)
    if use_shared:
        for path in [SEED, *sorted((SHARED / "corpus").glob("*.txt"))]:
            if path.is_file():
                documents.append(path.read_text(encoding="utf-8"))
                sources.append(f"{path.name} (../shared, read at run time)")
    return documents, sources


def build_report_text(chars: int, *, use_shared: bool, seed: int = 20250630) -> tuple[str, list[str]]:
    """At least ``chars`` characters of whole reports with their real figure density; and the sources."""
    documents, sources = report_documents(use_shared)
    if not documents:
        raise SystemExit("no report text found (src/planwatch/demo/data/sample_report_2025h1.txt is missing)")
    return _repeat_to(documents, chars, random.Random(seed)), sources


def build_stress_text(chars: int, seed: int = 20250630) -> tuple[str, list[str]]:
    """At least ``chars`` characters of the phrase tables shuffled into report sections (dense figures)."""
    rng = random.Random(seed)
    phrases = _load_phrases()
    reports = [_phrase_report(phrases, rng) for _ in range(8)]
    return _repeat_to(reports, chars, rng), [f"{len(phrases)} table phrases"]


def _pin_to_one_core() -> str:
    """Run on one core, as the target is stated per core."""
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    return "not pinned (no sched_setaffinity)"


def clear_extract_caches() -> int:
    """Empty the extractor's memo caches (``functools.lru_cache``), so a run starts as on new text."""
    cleared = 0
    for name, module in list(sys.modules.items()):
        if name.startswith("planwatch.extract"):
            for value in list(vars(module).values()):
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()
                    cleared += 1
    return cleared


def time_extract(text: str, repeat: int) -> tuple[float, float, int]:
    """Best-of-``repeat`` wall and CPU time of one ``extract_facts`` call (caches emptied first), facts."""
    best_wall = best_cpu = float("inf")
    count = 0
    for _ in range(repeat):
        clear_extract_caches()
        gc.collect()
        w0, c0 = time.perf_counter(), time.process_time()
        facts = extract_facts(text)
        best_cpu = min(best_cpu, time.process_time() - c0)
        best_wall = min(best_wall, time.perf_counter() - w0)
        count = len(facts)
        del facts
    return best_wall, best_cpu, count


def peak_memory(text: str) -> int:
    """Bytes allocated at the peak of one extraction (tracemalloc), not counting the input text."""
    gc.collect()
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        facts = extract_facts(text)
        _, peak = tracemalloc.get_traced_memory()
        del facts
    finally:
        tracemalloc.stop()
    return peak


def _row(name: str, scale: str, text: str, repeat: int) -> tuple[int, float, float, int]:
    wall, cpu, facts = time_extract(text, repeat)
    peak = peak_memory(text)
    n = len(text)
    print(f"{name:>6} {scale:>4} {n:>10,} {facts:>7,} {facts * 1000 / n:>7.1f} {wall:>7.3f} {n / wall:>11,.0f} "
          f"{cpu:>7.3f} {n / cpu:>11,.0f} {facts / cpu:>9,.0f} {peak / 1e6:>7.1f} {peak / n:>6.1f}", flush=True)
    return n, wall, cpu, peak


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=1_000_000, help="base size in characters (1×)")
    parser.add_argument("--scales", default="1,2,4", help="multiples of the base size to time (report text)")
    parser.add_argument("--repeat", type=int, default=3, help="take the best of this many runs")
    parser.add_argument("--no-seed", action="store_true", help="do not read the seed and corpus from ../shared")
    parser.add_argument("--no-stress", action="store_true", help="skip the dense phrase-table text")
    args = parser.parse_args(argv)

    scales = [int(s) for s in args.scales.split(",") if s.strip()] or [1]
    pinned = _pin_to_one_core()
    report, sources = build_report_text(args.chars * max(scales), use_shared=not args.no_seed)
    print(f"extract_facts benchmark — Python {sys.version.split()[0]}, {pinned}, best of {args.repeat}")
    print(f"report text: {', '.join(sources)}, repeated in shuffled order")
    print("unique = that material once (no repetition; caches emptied before every run, as for each row)")
    print(f"{'text':>6} {'size':>4} {'chars':>10} {'facts':>7} {'f/kchr':>7} {'wall s':>7} {'chars/s':>11} "
          f"{'CPU s':>7} {'CPU chr/s':>11} {'facts/s':>9} {'peak MB':>7} {'B/chr':>6}")
    documents, _ = report_documents(not args.no_seed)
    unique = "\n".join(documents)
    _row("unique", "once", unique, max(args.repeat, 5))
    rows = []
    for scale in scales:
        text = report[: args.chars * scale]
        cut = text.rfind("\n")
        rows.append((scale, *_row("report", f"{scale}×", text[: cut + 1] if cut > 0 else text, args.repeat)))
    if not args.no_stress:
        stress, stress_sources = build_stress_text(args.chars)
        _row("stress", "1×", stress, args.repeat)
        print(f"stress text: {', '.join(stress_sources)} — every sentence carries figures")
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        size_ratio = last[1] / first[1]
        print(f"report from {first[0]}× to {last[0]}×: input ×{size_ratio:.2f}, wall time ×{last[2] / first[2]:.2f}, "
              f"CPU time ×{last[3] / first[3]:.2f}, peak memory ×{last[4] / max(first[4], 1):.2f} "
              f"(linear: all ≈ ×{size_ratio:.2f})")
    print("target: ≥ 1,000,000 chars/s on one core on report text; memory linear in the input "
          "(benchmarks/README.md)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
