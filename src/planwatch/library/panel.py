"""The panel: one row per region, year, indicator and measure, the year's target against its outcome.

A pure function of the facts the store hands over (``PanelFact``) and the goals stated in
words. The rules, each in one place:

* **The year of a fact** is the year its period covers whole (``2025-01/2025-12``, or
  ``2025-12-31`` for a stock); a half-year figure, a five-year review and a 2030 goal are no
  row of any year. A growth counts only against the year before (baseline ``yoy`` or none).
* **The target** of a year is a ``target`` fact of that year; two joined by a dash
  (增长5%—5.5%) are one range: ``target_low``/``target_high``, and ``target_value`` the low
  end (the floor a region committed to). Within a document its first statement counts (the
  goal passage comes before the tasks); across documents the year's own report wins over a
  later one restating the goal, then the newer; a goal stated only in words (居民收入增长和经济增长同步)
  is ``非数值`` with no value, and only where no number is stated.
* **The outcome** of a year is an ``actual`` fact of that year, from the next year's report
  or the 统计公报; within a document an exact figure beats a rounded one (突破6万亿元), then the
  first; across documents the newer source wins (its date, else its year, else the later
  added) and every other outcome is kept in ``other_actuals``.
* **Gap** is outcome minus target in percentage points (both in %); for a range the end
  that matters: the low end when higher is better, the high end when lower is better.
  **Met** when the outcome reaches the target in the indicator's direction (an ``under``
  target — 以内 — is a ceiling whatever the direction); unknown for a word target.

Every number carries its source: document, id and character span, and the sentence it is in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from itertools import groupby
from typing import Any

from planwatch.catalog import load_catalog
from planwatch.exchange.cells import shown
from planwatch.library import vocabulary as vocab
from planwatch.plan.model import Direction
from planwatch.store.library import PanelFact

#: The columns of the CSV and the table, in order; the issue names the first fifteen exactly.
COLUMNS: tuple[str, ...] = (
    "region", "region_code", "year", "indicator", "measure", "unit", "target_value", "target_low", "target_high",
    "target_qualifier", "actual_value", "gap", "met", "target_source", "actual_source",
    "region_level", "target_quote", "actual_quote", "other_actuals",
)  # fmt: skip
_WHOLE_YEAR = re.compile(r"^(\d{4})-01/(\d{4})-12$")
_YEAR_END = re.compile(r"^(\d{4})-12-31$")
SENTENCE_ENDS = "。；;！？!?\n"
DECIMALS = 4
#: How many characters may stand between the two ends of a range (5%—5.5%, 5% — 5.5%).
MAX_RANGE_GAP = 3


@dataclass(frozen=True, slots=True)
class Source:
    """Where a number was read: the document (name and id) and the character span of the number."""

    document: str
    document_id: int
    span: tuple[int, int]
    quote: str

    def __str__(self) -> str:
        return f"{self.document}#{self.document_id}@{self.span[0]}-{self.span[1]}"


@dataclass(frozen=True, slots=True)
class Outcome:
    """One statement of a year's outcome."""

    value: float
    unit: str | None
    source: Source
    rank: tuple[str, int]  # newer sources sort later

    def describe(self) -> str:
        return f"{shown(self.value)}（{self.source}）"


@dataclass(slots=True)
class PanelRow:
    """One region, year, indicator and measure: its target, its outcome, the gap, and where each came from."""

    region: str
    region_code: str
    region_level: str | None
    year: int
    indicator: str
    measure: str
    unit: str | None = None
    target_value: float | None = None
    target_low: float | None = None
    target_high: float | None = None
    target_qualifier: str | None = None
    actual_value: float | None = None
    gap: float | None = None
    met: bool | None = None
    target: Source | None = None
    actual: Source | None = None
    other_actuals: list[Outcome] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The row as plain data in ``COLUMNS`` order (sources as text), for CSV, tables and notebooks."""
        data = {k: v for k, v in asdict(self).items() if k in COLUMNS}
        data["target_source"] = str(self.target) if self.target else None
        data["actual_source"] = str(self.actual) if self.actual else None
        data["target_quote"] = self.target.quote if self.target else None
        data["actual_quote"] = self.actual.quote if self.actual else None
        data["other_actuals"] = "；".join(o.describe() for o in self.other_actuals) or None
        return {c: data.get(c) for c in COLUMNS}


def year_of(period: str | None) -> int | None:
    """Return the calendar year a period covers whole (a year's flow, or a stock at its end), else None."""
    if not period:
        return None
    if (m := _WHOLE_YEAR.match(period)) and m.group(1) == m.group(2):
        return int(m.group(1))
    if m := _YEAR_END.match(period):
        return int(m.group(1))
    return None


def sentence_of(context: str, context_start: int, span: tuple[int, int]) -> str:
    """Return the sentence (or what the context holds of it) around ``span``."""
    start, end = span[0] - context_start, span[1] - context_start
    left = max(context.rfind(ch, 0, start) for ch in SENTENCE_ENDS) + 1
    rights = [i for i in (context.find(ch, end) for ch in SENTENCE_ENDS) if i != -1]
    right = min(rights) + 1 if rights else len(context)
    return context[left:right].strip()


def _source(f: PanelFact, span: tuple[int, int] | None = None) -> Source:
    return Source(f.document, f.document_id, span or f.span, sentence_of(f.context, f.context_start, f.span))


def _rank(f: PanelFact | dict[str, Any]) -> tuple[str, int]:
    get = f.get if isinstance(f, dict) else lambda k: getattr(f, k)
    issued = get("issued") or (f"{get('doc_year')}-99" if get("doc_year") else "")
    return (issued, get("document_id"))


def joins_range(between: str) -> bool:
    """Tell whether the text between two numbers makes them one range (5%—5.5%): only a dash and spaces."""
    marks = between.strip()
    return 0 < len(between) <= MAX_RANGE_GAP and bool(marks) and all(ch in vocab.RANGE_MARKS for ch in marks)


def _joined(first: PanelFact, second: PanelFact) -> bool:
    """Tell whether two facts are the ends of one range, by the text between them."""
    if second.span[0] < first.span[1]:
        return False
    return joins_range(second.context[first.span[1] - second.context_start : second.span[0] - second.context_start])


@dataclass(slots=True)
class _Target:
    value: float | None
    low: float | None
    high: float | None
    qualifier: str | None
    unit: str | None
    source: Source
    rank: tuple[str, int]
    doc_year: int | None = None


def _document_targets(facts: list[PanelFact]) -> dict[tuple[str, int, str, str], _Target]:
    """Return each key's first target statement in one document (ranges joined)."""
    found: dict[tuple[str, int, str, str], _Target] = {}
    skip: set[int] = set()
    for i, f in enumerate(facts):
        if i in skip:
            continue
        year = year_of(f.period)
        key = (f.region_code, year, f.indicator, f.measure)
        if year is None or key in found:
            continue
        following = next((j for j in range(i + 1, min(i + 3, len(facts))) if facts[j].indicator == f.indicator), None)
        second = facts[following] if following is not None else None
        if (
            second is not None
            and second.measure == f.measure
            and year_of(second.period) == year
            and second.value is not None
            and f.value is not None
            and _joined(f, second)
        ):
            skip.add(following)  # type: ignore[arg-type]
            low, high = sorted((f.value, second.value))
            span = (f.span[0], second.span[1])
            found[key] = _Target(low, low, high, None, f.unit, _source(f, span), _rank(f), f.doc_year)
        else:
            found[key] = _Target(f.value, None, None, f.qualifier, f.unit, _source(f), _rank(f), f.doc_year)
    return found


def counts(measure: str, value: float | None, unit: str | None, baseline: str | None) -> bool:
    """Tell whether a fact may be a year's target or outcome: a panel measure, a growth only against the
    year before, no streak."""
    if measure not in vocab.PANEL_MEASURES or value is None or (measure == "level" and unit in vocab.STREAK_UNITS):
        return False
    return measure != "growth" or baseline in (None, "yoy")


def _counts(f: PanelFact) -> bool:
    return counts(f.measure, f.value, f.unit, f.baseline)


def build_panel(
    facts: Iterable[PanelFact],
    word_targets: Iterable[dict[str, Any]] = (),
    *,
    years: tuple[int, int] | None = None,
    indicators: Iterable[str] | None = None,
) -> list[PanelRow]:
    """Return the panel rows the facts give, ordered by region code, year, indicator and measure.

    For facts in any order; ``iter_panel`` is the same for facts that come region by region.
    """
    by_code = sorted(facts, key=lambda f: f.region_code)
    words = sorted(word_targets, key=lambda w: w["region_code"])
    return list(iter_panel(by_code, words, years=years, indicators=indicators))


def iter_panel(
    facts: Iterable[PanelFact],
    word_targets: Iterable[dict[str, Any]] = (),
    *,
    years: tuple[int, int] | None = None,
    indicators: Iterable[str] | None = None,
) -> Iterator[PanelRow]:
    """Yield the panel rows region by region from facts and word targets that both come ordered by region code.

    Every rule compares statements of one region only, so no more than one region's facts are
    held at a time: the store streams them (``store.library.iter_panel_facts``) and memory stays
    flat however large the library.
    """
    wanted = set(indicators) if indicators else None
    for _, region_facts, region_words in _regions(facts, word_targets):
        yield from _region_rows(region_facts, region_words, years, wanted)


def _regions(
    facts: Iterable[PanelFact], word_targets: Iterable[dict[str, Any]]
) -> Iterator[tuple[str, list[PanelFact], list[dict[str, Any]]]]:
    """Join two streams ordered by region code into one (code, facts, word targets) per region."""
    fact_groups = groupby(facts, key=lambda f: f.region_code)
    word_groups = groupby(word_targets, key=lambda w: str(w["region_code"]))
    f_next, w_next = next(fact_groups, None), next(word_groups, None)
    while f_next is not None or w_next is not None:
        if w_next is None or (f_next is not None and f_next[0] < w_next[0]):
            assert f_next is not None
            yield f_next[0], list(f_next[1]), []
            f_next = next(fact_groups, None)
        elif f_next is None or w_next[0] < f_next[0]:
            yield w_next[0], [], list(w_next[1])
            w_next = next(word_groups, None)
        else:
            yield f_next[0], list(f_next[1]), list(w_next[1])
            f_next, w_next = next(fact_groups, None), next(word_groups, None)


def _region_rows(
    facts: list[PanelFact],
    word_targets: list[dict[str, Any]],
    years: tuple[int, int] | None,
    wanted: set[str] | None,
) -> list[PanelRow]:
    """Return one region's rows, ordered by year, indicator and measure."""
    by_doc: dict[int, list[PanelFact]] = {}
    for f in facts:
        if _counts(f) and (wanted is None or f.indicator in wanted):
            by_doc.setdefault(f.document_id, []).append(f)
    targets: dict[tuple[str, int, str, str], _Target] = {}
    outcomes: dict[tuple[str, int, str, str], list[Outcome]] = {}
    names: dict[str, tuple[str, str | None]] = {}
    for doc_facts in by_doc.values():
        doc_facts.sort(key=lambda f: f.span)
        names[doc_facts[0].region_code] = (doc_facts[0].region_name, doc_facts[0].region_level)
        for key, target in _document_targets([f for f in doc_facts if f.modality == "target"]).items():
            if key not in targets or _target_order(target, key[1]) > _target_order(targets[key], key[1]):
                targets[key] = target
        best: dict[tuple[str, int, str, str], PanelFact] = {}
        for f in doc_facts:
            year = year_of(f.period)
            if f.modality != "actual" or year is None:
                continue
            key = (f.region_code, year, f.indicator, f.measure)
            if key not in best or (best[key].qualifier is not None and f.qualifier is None):
                best[key] = f
        for key, f in best.items():
            outcomes.setdefault(key, []).append(Outcome(f.value, f.unit, _source(f), _rank(f)))  # type: ignore[arg-type]
    for w in word_targets:
        if (wanted is not None and w["indicator"] not in wanted) or w.get("doc_year") is None:
            continue
        key = (w["region_code"], int(w["doc_year"]), w["indicator"], w["measure"])
        names.setdefault(w["region_code"], (w["region_name"], w.get("region_level")))
        quote = str(w.get("text") or "")
        source = Source(w["document"], w["document_id"], (w["span"][0], w["span"][1]), quote)
        word = _Target(None, None, None, vocab.NON_NUMERIC, None, source, _rank(w), int(w["doc_year"]))
        if key not in targets or (targets[key].qualifier == vocab.NON_NUMERIC and word.rank > targets[key].rank):
            targets[key] = word
    rows = []
    for key in sorted(set(targets) | set(outcomes)):
        region_code, year, indicator, measure = key
        if years is not None and not years[0] <= year <= years[1]:
            continue
        region, level = names.get(region_code, (region_code, None))
        row = PanelRow(region, region_code, level, year, indicator, measure)
        target = targets.get(key)
        if target is not None:
            row.target_value, row.target_low, row.target_high = target.value, target.low, target.high
            row.target_qualifier, row.unit, row.target = target.qualifier, target.unit, target.source
        stated = sorted(outcomes.get(key, []), key=lambda o: o.rank)
        if stated:
            newest = stated[-1]
            row.actual_value, row.actual = newest.value, newest.source
            row.unit = row.unit or newest.unit
            row.other_actuals = stated[:-1]
            _judge(row, target, newest)
        rows.append(row)
    return rows


def _target_order(target: _Target, year: int) -> tuple[bool, tuple[str, int]]:
    """Order two statements of one year's target: the year's own report first (a later report that
    restates the goal in its review does not replace it), then the newer."""
    return (target.doc_year == year, target.rank)


def _judge(row: PanelRow, target: _Target | None, outcome: Outcome) -> None:
    """Set the row's gap (percentage points) and whether the target was met."""
    if target is None or target.value is None or row.actual_value is None:
        return
    if target.unit != outcome.unit:
        return
    indicator = load_catalog().find(row.indicator)
    lower_better = indicator is not None and indicator.direction is Direction.LOWER
    ceiling = lower_better or target.qualifier == "under"
    reference = (target.high if ceiling else target.low) if target.high is not None else target.value
    assert reference is not None
    if outcome.unit == "%":
        row.gap = round(outcome.value - reference, DECIMALS)
    actual = round(outcome.value, 9)
    row.met = actual <= reference if ceiling else actual >= reference
