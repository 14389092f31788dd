"""Goals a report states only in words (居民收入增长和经济增长同步): a pure function of its text.

The panel must say ``非数值`` for such a goal instead of inventing a number, and must not
miss it either. Only the passage that states the year's goals is read (it opens with a cue
such as 主要预期目标是 and ends with its paragraph); each of its clauses that names a catalog
indicator, has no number and uses goal wording (同步, 高于, 完成国家下达…) is one word target.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from planwatch.catalog import IndicatorKind, load_catalog
from planwatch.library import vocabulary as vocab
from planwatch.library.indicators import indicator_named

CLAUSE_MARKS = "；;，,。：:\n"
DIGIT = re.compile(r"[0-9０-９]")
#: How many characters (全省, 全市居民) may stand before the indicator's name at a clause's head.
MAX_SCOPE_CHARS = 2


@dataclass(frozen=True, slots=True)
class WordTarget:
    """A goal in words: the indicator, its measure, and the clause's character span."""

    indicator: str
    measure: str
    span: tuple[int, int]
    text: str

    def to_dict(self) -> dict[str, object]:
        return {"indicator": self.indicator, "measure": self.measure, "span": list(self.span), "text": self.text}


@lru_cache(maxsize=1)
def _names() -> re.Pattern[str]:
    """A pattern of every catalog name and alias and the library's own subject words, longest first."""
    names = {n for indicator in load_catalog() for n in indicator.names} | set(vocab.SUBJECT_INDICATORS)
    return re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))


def goal_passages(text: str) -> list[tuple[int, int]]:
    """Return the spans of the passages that state goals: from a cue to its paragraph's end (bounded)."""
    spans = []
    for cue in vocab.GOAL_PASSAGE_CUES:
        for match in re.finditer(re.escape(cue), text):
            start = match.end()
            newline = text.find("\n", start)
            end = min(newline if newline != -1 else len(text), start + vocab.GOAL_PASSAGE_CHARS)
            spans.append((start, end))
    return sorted(set(spans))


def word_targets(text: str) -> list[WordTarget]:
    """Return the goals of ``text``'s goal passages stated without a number, one per indicator and measure."""
    found: dict[tuple[str, str], WordTarget] = {}
    for start, end in goal_passages(text):
        at = start
        for clause in re.split(f"[{CLAUSE_MARKS}]", text[start:end]):
            clause_start, at = at, at + len(clause) + 1
            if not clause or DIGIT.search(clause) or not any(p in clause for p in vocab.WORD_TARGET_PHRASES):
                continue
            if clause.lstrip().startswith(vocab.CONTINUATION_STARTS):
                continue
            head = clause.lstrip()
            opening = next((w for w in vocab.WORD_TARGET_LEADS if head.startswith(w)), "")
            named = _names().search(head[len(opening) :])
            # the clause's own subject, not a comparison's (劳动生产率增速高于地区生产总值增速)
            at_head = named is not None and named.start() <= MAX_SCOPE_CHARS
            indicator = indicator_named(named.group(0)) if at_head and named else None
            if indicator is None:
                continue
            measure = _measure(clause, indicator)
            if measure is None:
                continue
            lead = len(clause) - len(clause.lstrip())
            span = (clause_start + lead, clause_start + len(clause.rstrip()))
            found.setdefault((indicator, measure), WordTarget(indicator, measure, span, text[span[0] : span[1]]))
    return list(found.values())


def _measure(clause: str, indicator: str) -> str | None:
    """Return the measure a word target states, or None when it is a share of the indicator (制造业投资占比).

    A share of something the catalog holds as an amount is another indicator, not this one.
    """
    measure = next((m for m, words in vocab.WORD_TARGET_MEASURES if any(w in clause for w in words)), None)
    known = load_catalog().find(indicator)
    is_rate = known is not None and known.kind is IndicatorKind.RATE
    if measure == "ratio" and not is_rate:
        return None
    if measure is None:
        by_name = (m for prefix, m in vocab.WORD_TARGET_MEASURE_BY_PREFIX if indicator.startswith(prefix))
        measure = next(by_name, "ratio" if is_rate else vocab.WORD_TARGET_DEFAULT_MEASURE)
    return measure
