"""Decide what each extracted fact of a report becomes for a plan: progress, a target, or a document fact.

Pure: facts, the plan and the catalog in; a :class:`Matching` out. The rules, in order:

* a fact whose subject the catalog knows, of a measure the plan has a target of, stated
  as ``actual`` for a period inside the plan year → a cumulative progress record of that
  target, dated at the end of the period, the document span as its source;
* a ``target`` fact for an indicator the plan has no target of, for the plan year (or
  undated) → a new target of the plan (two adjacent figures, 5%—5.5%, make a range);
  these are found first, so the report's own actuals of that indicator become its progress;
* anything else → a document fact, carrying the catalog indicator code when there is one,
  so that ``planwatch`` can still find it by indicator.

The first fact for a (target, date) wins; a later repetition of the figure stays a document fact.
"""

from __future__ import annotations

from calendar import monthrange
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from planwatch.extract.units import normalise_unit
from planwatch.plan.model import PlanData, ProgressRecord, Qualifier, Source, Target, TargetMeasure

#: Fact measures that can be compared with a plan target of the same name.
TARGET_MEASURES = {m.value: m for m in TargetMeasure}
#: Fact qualifiers → target qualifiers (``nearly`` has no target meaning).
QUALIFIERS = {
    "about": Qualifier.ABOUT,
    "over": Qualifier.OVER,
    "under": Qualifier.UNDER,
    "at_least": Qualifier.AT_LEAST,
}
#: Growth figures measured against the same period of last year (the only ones a target means).
YEAR_ON_YEAR = {None, "yoy"}
SENTENCE_ENDS = "。；;\n"
CLAUSE_ENDS = "，,、："
#: Words a report puts before an indicator's name (实现地区生产总值): tried off when the name is not found.
LEADING_WORDS = ("全市", "全年", "累计", "共", "实现", "完成", "其中")
NEW_TARGET_PREFIX = "T-"
FROM_DOCUMENT = "摘自"  # a new target's note: 摘自<document>：<figure>


@dataclass(frozen=True, slots=True)
class Period:
    """A fact's period as dates: ``start`` is None for a stock at a date."""

    start: date | None
    end: date


def parse_period(text: str | None) -> Period | None:
    """Return the dates of an ISO period (2025-01/2025-06, 2025-06-30, 2025-01-01/2025-06-30), or None."""
    if not text:
        return None
    try:
        if "/" in text:
            first, last = text.split("/", 1)
            return Period(_start_of(first), _end_of(last))
        return Period(None, _end_of(text))
    except ValueError:
        return None


def _start_of(text: str) -> date:
    parts = [int(p) for p in text.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def _end_of(text: str) -> date:
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        return date(*parts)
    month = parts[1] if len(parts) > 1 else 12
    return date(parts[0], month, monthrange(parts[0], month)[1])


def clause_around(text: str, span: tuple[int, int], shortest: int = 16) -> str:
    """Return the phrase of ``text`` holding ``span``: its comma clause, widened leftwards while too short."""
    sentence_start = max(text.rfind(ch, 0, span[0]) for ch in SENTENCE_ENDS) + 1
    ends = [i for i in (text.find(ch, span[1]) for ch in (*SENTENCE_ENDS, *CLAUSE_ENDS)) if i != -1]
    end = min(ends) if ends else len(text)
    start = max(text.rfind(ch, 0, span[0]) for ch in CLAUSE_ENDS) + 1
    start = max(start, sentence_start)
    while end - start < shortest and start > sentence_start:
        start = max(max(text.rfind(ch, 0, start - 1) for ch in CLAUSE_ENDS) + 1, sentence_start)
    return text[start:end].strip()


def find_indicator(catalog: Any, subject: str | None) -> Any:
    """Return the catalog indicator ``subject`` names, trying it without leading words such as 实现."""
    if not subject:
        return None
    found = catalog.find(subject)
    rest = subject
    while found is None:
        word = next((w for w in LEADING_WORDS if rest.startswith(w) and len(rest) > len(w)), None)
        if word is None:
            return None
        rest = rest[len(word) :]
        found = catalog.find(rest)
    return found


def in_unit(value: float, fact_unit: str | None, unit: str) -> float | None:
    """Return ``value`` (in the fact's base unit) in ``unit`` (万人, 亿元, %), or None when they differ."""
    if unit == "%":
        return value if fact_unit == "%" else None
    normal = normalise_unit(unit)
    if normal is None:
        return value if fact_unit == unit else None
    base, factor = normal
    if fact_unit != base:
        return None
    return value / factor


@dataclass(slots=True)
class Matched:
    """A fact that became progress of a target."""

    fact: Any
    indicator_code: str
    target: Target
    record: ProgressRecord


@dataclass(slots=True)
class NewTarget:
    """A target fact that became a target of the plan."""

    fact: Any
    indicator_code: str
    target: Target


@dataclass(slots=True)
class Matching:
    """What the facts of one document become."""

    progress: list[Matched] = field(default_factory=list)
    targets: list[NewTarget] = field(default_factory=list)
    document_facts: list[dict[str, Any]] = field(default_factory=list)


def match_facts(facts: list[Any], plan: PlanData, catalog: Any, *, document: str, text: str) -> Matching:
    """Return which facts become progress, which become targets, and which stay document facts."""
    year = plan.plan.year
    by_indicator: dict[str, list[Target]] = {}
    for target in plan.targets:
        if not target.note.startswith(f"{FROM_DOCUMENT}{document}："):  # ours from an earlier run: derive again
            by_indicator.setdefault(target.indicator_code, []).append(target)
    planned = set(by_indicator)
    result = Matching()
    taken: set[tuple[str, date]] = set()
    new_by_indicator: dict[str, NewTarget] = {}
    indicators = [find_indicator(catalog, fact.subject) for fact in facts]

    # Targets first: a report's 主要预期目标 usually come after its actuals, and the
    # actuals of an indicator the report itself sets a target for are progress of it.
    as_target: set[int] = set()
    for index, (fact, indicator) in enumerate(zip(facts, indicators, strict=True)):
        wanted = indicator is not None and fact.modality == "target" and indicator.code not in planned
        if wanted and _as_target(fact, indicator, year, document, new_by_indicator, result):
            as_target.add(index)
    for new in result.targets:
        by_indicator.setdefault(new.indicator_code, []).append(new.target)

    for index, (fact, indicator) in enumerate(zip(facts, indicators, strict=True)):
        if index in as_target:
            continue
        code = indicator.code if indicator is not None else None
        used = False
        if indicator is not None and fact.modality == "actual":
            used = _as_progress(fact, code, by_indicator.get(code, []), year, document, text, taken, result)
        if not used:
            row = fact.to_dict()
            if code is not None:
                row["indicator"] = code
            result.document_facts.append(row)
    return result


def _as_progress(
    fact: Any,
    code: str | None,
    targets: list[Target],
    year: int,
    document: str,
    text: str,
    taken: set[tuple[str, date]],
    result: Matching,
) -> bool:
    period = parse_period(fact.period)
    if period is None or period.end.year != year or (period.start is not None and period.start.year != year):
        return False
    if fact.measure == "growth" and fact.baseline not in YEAR_ON_YEAR:
        return False
    for target in targets:
        if target.measure.value != fact.measure:
            continue
        value = in_unit(fact.value, fact.unit, target.unit)
        if value is None or (target.code, period.end) in taken:
            continue
        taken.add((target.code, period.end))
        record = ProgressRecord(
            item_code=target.code,
            as_of=period.end,
            value=round(value, 10),
            cumulative=True,
            period_start=period.start,
            narrative=clause_around(text, fact.span),
            source=Source(document=document, span=tuple(fact.span), quote=fact.text),
        )
        result.progress.append(Matched(fact, str(code), target, record))
        return True
    return False


def _as_target(
    fact: Any, indicator: Any, year: int, document: str, new_by_indicator: dict[str, NewTarget], result: Matching
) -> bool:
    measure = TARGET_MEASURES.get(fact.measure)
    period = parse_period(fact.period)
    if measure is None or (period is not None and period.end.year != year):
        return False
    unit = "%" if measure is not TargetMeasure.LEVEL else indicator.unit
    value = in_unit(fact.value, fact.unit, unit)
    if value is None:
        return False
    earlier = new_by_indicator.get(indicator.code)
    if earlier is not None:
        target = earlier.target
        adjacent = fact.span[0] - earlier.fact.span[1] <= 2 and target.measure is measure
        if adjacent and target.value_high is None and value > target.value:
            target.value_high = round(value, 10)  # 5%—5.5%: the second figure closes the range
            return True
        return False
    target = Target(
        code=f"{NEW_TARGET_PREFIX}{indicator.code}",
        indicator_code=indicator.code,
        measure=measure,
        value=round(value, 10),
        unit=unit,
        qualifier=QUALIFIERS.get(fact.qualifier or ""),
        cumulative=measure is TargetMeasure.LEVEL and str(indicator.kind) == "flow",
        note=f"{FROM_DOCUMENT}{document}：{fact.text}",
    )
    new = NewTarget(fact, indicator.code, target)
    new_by_indicator[indicator.code] = new
    result.targets.append(new)
    return True
