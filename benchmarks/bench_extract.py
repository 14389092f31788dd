"""Throughput and peak memory of ``extract_facts`` on report-like text of 1×, 2× and 4× a base size.

    python benchmarks/bench_extract.py [--chars 1000000] [--scales 1,2,4] [--repeat 3] [--no-seed]

The text is built from our own material: the phrases of ``tests/extract/phrase_cases.py`` (shuffled
into sections with 一、/（一） headings, a lead period and a 下一步工作打算 part), the bundled
``src/planwatch/demo/data/sample_report_2025h1.txt`` when it exists, and — read at run time only,
never copied into the repository — the seed report when ``../shared`` is present. Sections are
permuted with a fixed random seed so every run times the same text.

Prints, per size: characters, facts, best-of-N wall time on one core, characters per second, facts
per second, and the tracemalloc peak (bytes allocated during extraction, the input excluded) with
bytes per input character, so that linear time and linear memory can be read off the rows.
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
SEED = ROOT.parent / "shared" / "seeds" / "000_6f42d119bd871e74.txt"

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


def build_corpus(chars: int, *, use_seed: bool, seed: int = 20250630) -> tuple[str, list[str]]:
    """At least ``chars`` characters of report text, cut at a line end; and the sources used."""
    rng = random.Random(seed)
    phrases = _load_phrases()
    documents: list[str] = []
    sources = [f"{len(phrases)} table phrases"]
    if SAMPLE.is_file():
        documents.append(SAMPLE.read_text(encoding="utf-8"))
        sources.append(SAMPLE.name)
    if use_seed and SEED.is_file():
        documents.append(SEED.read_text(encoding="utf-8"))
        sources.append(f"seed {SEED.name} (read at run time)")
    pieces: list[str] = []
    total = 0
    while total < chars:
        batch = [_phrase_report(phrases, rng), *documents]
        rng.shuffle(batch)
        for doc in batch:
            pieces.append(doc)
            total += len(doc)
    text = "\n".join(pieces)
    cut = text.find("\n", chars)
    return (text if cut < 0 else text[: cut + 1]), sources


def _pin_to_one_core() -> str:
    """Run on one core, as the target is stated per core."""
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    return "not pinned (no sched_setaffinity)"


def time_extract(text: str, repeat: int) -> tuple[float, int]:
    """Best-of-``repeat`` wall time of one ``extract_facts`` call, and the number of facts."""
    best = float("inf")
    count = 0
    for _ in range(repeat):
        gc.collect()
        t0 = time.perf_counter()
        facts = extract_facts(text)
        best = min(best, time.perf_counter() - t0)
        count = len(facts)
        del facts
    return best, count


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=1_000_000, help="base size in characters (1×)")
    parser.add_argument("--scales", default="1,2,4", help="multiples of the base size to time")
    parser.add_argument("--repeat", type=int, default=3, help="take the best of this many runs")
    parser.add_argument("--no-seed", action="store_true", help="do not read the seed from ../shared")
    args = parser.parse_args(argv)

    scales = [int(s) for s in args.scales.split(",") if s.strip()]
    pinned = _pin_to_one_core()
    big, sources = build_corpus(args.chars * max(scales), use_seed=not args.no_seed)
    print(f"extract_facts benchmark — Python {sys.version.split()[0]}, {pinned}, best of {args.repeat}")
    print(f"text from: {', '.join(sources)}")
    print(f"{'size':>5} {'chars':>10} {'MB utf-8':>9} {'facts':>8} {'seconds':>8} {'chars/s':>11} "
          f"{'facts/s':>9} {'peak MB':>8} {'B/char':>7}")
    rows = []
    for scale in scales:
        text = big[: args.chars * scale]
        cut = text.rfind("\n")
        text = text[: cut + 1] if cut > 0 else text
        seconds, facts = time_extract(text, args.repeat)
        peak = peak_memory(text)
        mb = len(text.encode("utf-8")) / 1e6
        rows.append((scale, len(text), seconds, peak))
        print(f"{scale:>4}× {len(text):>10,} {mb:>9.2f} {facts:>8,} {seconds:>8.3f} {len(text) / seconds:>11,.0f} "
              f"{facts / seconds:>9,.0f} {peak / 1e6:>8.1f} {peak / len(text):>7.1f}", flush=True)
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        size_ratio = last[1] / first[1]
        print(f"from {first[0]}× to {last[0]}×: input ×{size_ratio:.2f}, time ×{last[2] / first[2]:.2f}, "
              f"peak memory ×{last[3] / max(first[3], 1):.2f} (linear: both ≈ ×{size_ratio:.2f})")
    print("targets: ≥ 1,000,000 chars/s on one core; peak memory linear in the input (benchmarks/README.md)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
