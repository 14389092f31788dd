"""Decide a number's measure, sign, qualifier and baseline from cue words in its clause."""

from __future__ import annotations

import re
from functools import lru_cache

from planwatch.extract.lexicon import alternation, last_match, prefix_matcher, suffix_matcher
from planwatch.extract.vocabulary import cues

_CHANGE = re.compile(alternation([*cues.CHANGE_CUES, *cues.RATIO_NOUNS, *cues.GROWTH_NOUNS]))
_FALL = re.compile(alternation(cues.FALL_NOUNS))
_NOUN = re.compile(alternation([*cues.RATIO_NOUNS, *cues.GROWTH_NOUNS]))
_RANK_VERB = re.compile(alternation(cues.RANK_VERBS))
_YEAR_REF = re.compile(r"(?:比|较|与|是)((?:19|20)[0-9]{2})年(?:全年)?(底|末)?")
_AVG_ANNUAL = re.compile(cues.AVG_ANNUAL_PATTERN)
_MONTHS_REF = re.compile(r"(?:比|较|与)([0-9]{1,2})[—–\-－~～]([0-9]{1,2})月")
_GROWTH_AFTER = prefix_matcher(cues.GROWTH_AFTER)
_APPROX_AFTER = prefix_matcher(tuple(cues.QUALIFIERS_AFTER))
_QUALIFIER_BEFORE = suffix_matcher(cues.QUALIFIERS_BEFORE)
_QUALIFIER_AFTER = prefix_matcher(cues.QUALIFIERS_AFTER)
_QUALIFIER_LEADING = prefix_matcher(cues.QUALIFIERS_LEADING)
_QUALIFIER_OF = re.compile("(" + alternation(cues.QUALIFIERS_BEFORE_OF) + ")[^，,。；;、：:]{1,8}的$")
_SHARE_QUALIFIER = re.compile("(?:" + alternation(cues.QUALIFIERS_BEFORE) + ")(?=占)")


def change_sign(segment: str) -> int | None:
    """Sign of the change a clause states (+1/-1), or None when it names no change.

    The rightmost cue wins; a fall noun before it (降幅收窄) turns the sign round.
    """
    m = last_match(_CHANGE, segment)
    if m is None or m.group(0) not in cues.CHANGE_CUES:
        return None
    sign = cues.CHANGE_CUES[m.group(0)]
    if m.group(0) not in cues.FALL_NOUNS and _FALL.search(segment, 0, m.start()):
        sign = -sign
    return sign


def percent_measure(segment: str, after: str) -> tuple[str, int]:
    """``("growth", sign)`` or ``("ratio", 1)`` for a percentage, from its clause and what follows."""
    approx = _APPROX_AFTER(after)  # 5%左右的增长目标: a qualifier may stand between the number and 的增长
    if _GROWTH_AFTER(after) or (approx and _GROWTH_AFTER(after[len(approx):])):
        return "growth", -1 if "负" in after[:6] else 1
    qualifier_word = _QUALIFIER_BEFORE(segment.rstrip(" 　"))
    if qualifier_word:
        segment = segment.rstrip(" 　")[: -len(qualifier_word)]  # 比重不低于60%: 低 is no fall here
    m = last_match(_CHANGE, segment)
    if m is None:
        return "ratio", 1
    word = m.group(0)
    tail = segment[m.end():]
    if word in cues.GROWTH_NOUNS:
        return "growth", -1 if _FALL.search(segment) else 1
    if word in cues.CHANGE_CUES:
        if tail[:1] in cues.STATE_MARKERS or tail.startswith(("达到", "为")):
            noun = last_match(_NOUN, segment[: m.start()])
            if noun is not None and noun.group(0) in cues.GROWTH_NOUNS:
                return "growth", -1 if _FALL.search(segment) else 1
            return "ratio", 1
        sign = cues.CHANGE_CUES[word]
        if _FALL.search(segment):
            sign = -1
        return "growth", sign
    return "ratio", 1


def pp_sign(segment: str) -> int:
    """Sign of a change in percentage points: 提高 +, 下降 −, 降幅收窄 +, 负向拉动 −."""
    sign = change_sign(segment)
    return sign if sign is not None else 1


def has_rank_verb(segment: str) -> bool:
    return _RANK_VERB.search(segment) is not None


def qualifier(before: str, after: str, inside: bool, clause: str = "") -> str | None:
    """The qualifier of a number from the words right before and right after its span.

    A qualifier that opens the clause (至少新增…1000个) counts too.
    """
    word = _QUALIFIER_BEFORE(before)
    if word is not None:
        return cues.QUALIFIERS_BEFORE[word]
    word = _QUALIFIER_AFTER(after)
    if word is not None and word != "多":
        return cues.QUALIFIERS_AFTER[word]
    if inside:
        return "over"
    lead = _QUALIFIER_LEADING(clause.lstrip(" 　"))
    if lead is not None:
        return cues.QUALIFIERS_LEADING[lead]
    if clause.endswith("的"):
        of = _QUALIFIER_OF.search(clause, max(0, len(clause) - 16))  # a match is at most 12 characters
        if of is not None:
            return cues.QUALIFIERS_BEFORE_OF[of.group(1)]
    share = last_match(_SHARE_QUALIFIER, clause) if "占" in clause else None
    if share is not None:
        return cues.QUALIFIERS_BEFORE[share.group(0)]
    return None


def baseline(segment: str, measure: str, year: int | None) -> str | None:
    """``yoy``, ``avg_annual`` or an explicit reference (a year, date or interval) for changes."""
    if measure not in ("growth", "change_pp"):
        return None
    if _AVG_ANNUAL.search(segment):
        return "avg_annual"
    m = _YEAR_REF.search(segment)
    if m:
        y = m.group(1)
        return f"{y}-12-31" if m.group(2) else y
    m = _MONTHS_REF.search(segment)
    if m and year is not None:
        return f"{year}-{int(m.group(1)):02d}/{year}-{int(m.group(2)):02d}"
    if year is not None and _RELATIVE_REF.search(segment):
        for word, ref in _relative_refs(year):
            if word in segment:
                return ref
    return "yoy"


@lru_cache(maxsize=64)
def _relative_refs(year: int) -> tuple[tuple[str, str], ...]:
    return (
        ("比一季度", f"{year}-01/{year}-03"), ("较一季度", f"{year}-01/{year}-03"),
        ("比前三季度", f"{year}-01/{year}-09"), ("较前三季度", f"{year}-01/{year}-09"),
        ("比上半年", f"{year}-01/{year}-06"), ("较上半年", f"{year}-01/{year}-06"),
        ("比去年全年", str(year - 1)), ("比上年全年", str(year - 1)), ("较去年全年", str(year - 1)),
        ("较上年末", f"{year - 1}-12-31"), ("比上年末", f"{year - 1}-12-31"), ("比年初", f"{year - 1}-12-31"),
        ("较年初", f"{year - 1}-12-31"), ("较去年底", f"{year - 1}-12-31"), ("比去年底", f"{year - 1}-12-31"),
    )


# any of the words of ``_relative_refs``: most clauses name none, and then the loop is skipped
_RELATIVE_REF = re.compile(alternation(word for word, _ in _relative_refs(2000)))
