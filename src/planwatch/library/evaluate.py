"""Score the panel on real reports against their gold facts: ``python -m planwatch.library.evaluate``.

Every report in ``../shared/corpus/`` that has a gold file in ``../shared/gold/`` (and the
seed) is added with ``library add`` to a temporary SQLite library, the panel is built from
it the way ``planwatch panel`` builds it, and each file's cells are compared with the cells
its gold facts give. Without ``../shared`` it says so and exits 0.

**Which gold facts make a panel cell** (decided here, the same for every file):

* *Headline indicators* are the catalog's (``catalog/indicators.csv``): a gold fact belongs to
  the one its subject names (``indicators.indicator_of``: the fact's ``indicator`` where the
  gold gives one, else its subject looked up in the catalog); a subject the catalog does not
  hold (新能源汽车产量) is no cell.
* A cell is one side (``target`` or ``actual``) of one year, indicator and measure
  (growth / level / ratio). The gold fact must cover a **single calendar year whole**
  (``2026-01/2026-12``, or ``2026-12-31`` for a stock): the report's own year for its goals,
  the year before for what it reviews. A 十四五 figure (``2021-01/2025-12``, a 年均 rate, a
  rise over 2020) is *not* last year's outcome, a 2030 goal is not this year's target, a
  half-year figure is neither. A growth counts only year on year (baseline ``yoy`` or none);
  a streak (连续5年) is no amount.
* The expected **target** is the first statement of the cell in the text (the goal passage
  comes before the tasks); two gold targets joined by a dash (5%—5.5%) are one range
  (``low``/``high``); its qualifier is the gold's (about / over / under / at_least).
* The expected **outcome** is the first exact statement (no qualifier) of the cell, else the first.

**What is counted**, per file and side: *expected* cells; *found* (the panel has the cell from
this file: the target's source, or any of the outcome's sources, is this document); *value*
(found with the expected value, or the low end of a range); *range/qualifier* (targets: low,
high and qualifier all right); *invented* (a numeric cell the panel took from this file where
the gold has none — inside the gold's annotated regions only); *missing*; *words* (targets the
panel states as ``非数值``: right where the gold has no number for the cell, counted as
missing where it has one). ``--show-errors N`` lists up to N differing cells per file.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planwatch.library import vocabulary as vocab
from planwatch.library.indicators import indicator_of
from planwatch.library.panel import PanelRow, Source, counts, joins_range, sentence_of, year_of

SHARED = Path(__file__).resolve().parents[3].parent / "shared"
SIDES = ("target", "actual")
SIDE_ZH = {"target": "目标", "actual": "实际"}
#: Characters of text either side of a gold number that ``--show-errors`` quotes from.
QUOTE_REACH = 60


@dataclass(frozen=True, slots=True)
class Cell:
    """One side of one panel cell as a value: what a person building the panel by hand would write down."""

    value: float | None
    low: float | None = None
    high: float | None = None
    qualifier: str | None = None
    span: tuple[int, int] = (0, 0)
    quote: str = ""

    def describe(self) -> str:
        if self.qualifier == vocab.NON_NUMERIC:
            return vocab.NON_NUMERIC
        shown = f"{_num(self.low)}—{_num(self.high)}" if self.high is not None else _num(self.value)
        return shown + (f"（{self.qualifier}）" if self.qualifier else "")


Key = tuple[str, int, str, str]  # side, year, indicator, measure


@dataclass(slots=True)
class Score:
    """One file's counts for one side."""

    expected: int = 0
    found: int = 0
    value: int = 0
    shape: int = 0
    invented: int = 0
    missing: int = 0
    words: int = 0
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # word targets where the gold has no number: for the eye

    def add(self, other: Score) -> None:
        for name in ("expected", "found", "value", "shape", "invented", "missing", "words"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def _num(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:g}" if abs(value) < 1e7 else f"{value:.6g}"


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _inside(span: tuple[int, int], regions: list[list[int]] | None) -> bool:
    return regions is None or any(span[0] < r[1] and r[0] < span[1] for r in regions)


def gold_cells(facts: Iterable[dict[str, Any]], text: str) -> dict[Key, Cell]:
    """Return the panel cells a file's gold facts give (the rules are the module's docstring)."""
    by_key: dict[Key, list[dict[str, Any]]] = {}
    for fact in facts:
        if fact.get("modality") not in SIDES:
            continue
        if not counts(fact["measure"], fact.get("value"), fact.get("unit"), fact.get("baseline")):
            continue
        year = year_of(fact.get("period"))
        indicator = indicator_of(fact)
        if year is None or indicator is None:
            continue
        by_key.setdefault((fact["modality"], year, indicator, fact["measure"]), []).append(fact)
    cells: dict[Key, Cell] = {}
    for key, stated in by_key.items():
        stated.sort(key=lambda f: tuple(f["span"]))
        first = stated[0]
        if key[0] == "actual":
            first = next((f for f in stated if f.get("qualifier") is None), first)
        span = (first["span"][0], first["span"][1])
        second = next((f for f in stated[1:] if f["span"][0] >= span[1]), None) if key[0] == "target" else None
        if second is not None and joins_range(text[span[1] : second["span"][0]]):
            low, high = sorted((float(first["value"]), float(second["value"])))
            span = (span[0], second["span"][1])
            cells[key] = Cell(low, low, high, None, span, _quote(text, span))
        else:
            cells[key] = Cell(float(first["value"]), None, None, first.get("qualifier"), span, _quote(text, span))
    return cells


def _quote(text: str, span: tuple[int, int]) -> str:
    start = max(span[0] - QUOTE_REACH, 0)
    return sentence_of(text[start : span[1] + QUOTE_REACH], start, span)


def panel_cells(rows: Iterable[PanelRow], document_id: int) -> dict[Key, Cell]:
    """Return the cells of the panel whose number came from the document ``document_id``."""
    cells: dict[Key, Cell] = {}
    for row in rows:
        if row.target is not None and row.target.document_id == document_id:
            cells[("target", row.year, row.indicator, row.measure)] = Cell(
                row.target_value, row.target_low, row.target_high, row.target_qualifier, *_where(row.target)
            )
        outcomes = [(row.actual_value, row.actual)] + [(o.value, o.source) for o in row.other_actuals]
        for value, source in outcomes:
            if source is not None and source.document_id == document_id:
                cells[("actual", row.year, row.indicator, row.measure)] = Cell(value, None, None, None, *_where(source))
    return cells


def _where(source: Source) -> tuple[tuple[int, int], str]:
    return source.span, source.quote


def compare(
    expected: dict[Key, Cell], found: dict[Key, Cell], regions: list[list[int]] | None = None
) -> dict[str, Score]:
    """Return each side's score of one file: the panel's cells from it against the gold's."""
    scores = {side: Score() for side in SIDES}
    for key in sorted(set(expected) | set(found), key=lambda k: (k[0], k[1], k[2], k[3])):
        side, year, indicator, measure = key
        score, want, got = scores[side], expected.get(key), found.get(key)
        label = f"{SIDE_ZH[side]} {year} {indicator} {measure}"
        if want is None:
            assert got is not None
            if got.qualifier == vocab.NON_NUMERIC:
                score.words += 1
                score.notes.append(f"文字 {label}: «{got.quote}»")
            elif _inside(got.span, regions):
                score.invented += 1
                score.errors.append(f"多出 {label}: 面板 {got.describe()} «{got.quote}»")
            continue
        score.expected += 1
        if got is None or got.qualifier == vocab.NON_NUMERIC:
            score.missing += 1
            shown = f"（面板为{vocab.NON_NUMERIC}）" if got is not None else ""
            score.errors.append(f"缺失 {label}: 应为 {want.describe()}{shown} «{want.quote}»")
            if got is not None:
                score.words += 1
            continue
        score.found += 1
        right_value = _same(got.value, want.value)
        score.value += right_value
        right_shape = side == "actual" or (
            _same(got.low, want.low) and _same(got.high, want.high) and got.qualifier == want.qualifier
        )
        score.shape += right_value and right_shape
        if not (right_value and right_shape):
            score.errors.append(f"不符 {label}: 应为 {want.describe()}，面板 {got.describe()} «{got.quote}»")
    return scores


@dataclass(frozen=True, slots=True)
class Pair:
    """A real report and its gold file."""

    name: str
    text: Path
    gold: Path


def pairs(shared: Path) -> list[Pair]:
    """Return the corpus reports that have gold, and the seed."""
    found = []
    for text in sorted((shared / "corpus").glob("*.txt")):
        gold = shared / "gold" / f"{text.stem}.gold.json"
        if gold.is_file():
            found.append(Pair(text.stem, text, gold))
    seeds = sorted((shared / "seeds").glob("*.txt"))
    if len(seeds) == 1 and (shared / "gold" / "seed.gold.json").is_file():
        found.append(Pair("seed", seeds[0], shared / "gold" / "seed.gold.json"))
    return found


def evaluate(chosen: list[Pair], *, jobs: int = 1) -> tuple[dict[str, dict[str, Score]], dict[str, str]]:
    """Add the reports to a temporary library, build its panel and score each file; also return warnings."""
    from planwatch.library import add, panel
    from planwatch.store import Store
    from planwatch.store.library import list_documents

    with tempfile.TemporaryDirectory(prefix="planwatch-panel-") as tmp:
        store = Store.open(f"sqlite:///{Path(tmp) / 'library.sqlite'}")
        store.init()
        try:
            add([p.text for p in chosen], store, jobs=jobs, progress=None, user="evaluate")
            documents, _ = list_documents(store)
            rows = panel(store)
        finally:
            store.close()
    by_name = {d.name: d for d in documents}
    results: dict[str, dict[str, Score]] = {}
    notes: dict[str, str] = {}
    for pair in chosen:
        gold = json.loads(pair.gold.read_text(encoding="utf-8"))
        text = pair.text.read_text(encoding="utf-8")
        expected = gold_cells(gold["facts"], text)
        document = by_name.get(pair.text.name)
        found = panel_cells(rows, document.id) if document is not None else {}
        if document is None or document.region_code is None:
            notes[pair.name] = "未识别地区，不进入面板" if document is not None else "未加入文档库"
        results[pair.name] = compare(expected, found, gold.get("regions"))
    return results, notes


HEADER = f"{'file':34} {'side':7} {'expected':>8} {'found':>6} {'value':>6} {'range/q':>8} {'invented':>9} " + (
    f"{'missing':>8} {'words':>6}"
)


def _line(name: str, side: str, s: Score) -> str:
    shape = str(s.shape) if side == "target" else "-"
    return (
        f"{name[:34]:34} {side:7} {s.expected:>8} {s.found:>6} {s.value:>6} {shape:>8} {s.invented:>9} "
        f"{s.missing:>8} {s.words:>6}"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--shared", type=Path, default=SHARED, help="the shared folder (corpus/, gold/, seeds/)")
    ap.add_argument("--show-errors", type=int, default=0, metavar="N", help="list up to N differing cells per file")
    ap.add_argument("--only", default="", help="only files whose name contains this")
    ap.add_argument("--jobs", type=int, default=1)
    args = ap.parse_args(argv)
    chosen = [p for p in pairs(args.shared) if args.only in p.name]
    if not chosen:
        print(f"未找到可评测的报告及其标注（{args.shared}/corpus 与 gold）：跳过", file=sys.stderr)
        return 0
    results, notes = evaluate(chosen, jobs=args.jobs)
    print(HEADER)
    totals = {side: Score() for side in SIDES}
    for name, scores in results.items():
        for side in SIDES:
            print(_line(name, side, scores[side]) + (f"  {notes[name]}" if name in notes and side == "target" else ""))
            totals[side].add(scores[side])
            for error in (scores[side].errors + scores[side].notes)[: args.show_errors]:
                print(f"    {error}")
    for side in SIDES:
        print(_line("TOTAL", side, totals[side]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
