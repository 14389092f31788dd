"""Give a fact its period and modality from the clause, the sentence and the section."""

from __future__ import annotations

import re
from bisect import bisect_right

from planwatch.extract.context import DocumentContext, Lead, interval, month_end
from planwatch.extract.lexicon import alternation
from planwatch.extract.vocabulary import periods as pv

_EXPLICIT = re.compile(
    r"(?P<ym>((?:19|20)[0-9]{2})年([0-9]{1,2})[—–\-－~～至到]([0-9]{1,2})月)"
    r"|(?P<m>([0-9]{1,2})[—–\-－~～至到]([0-9]{1,2})月)"
    r"|(?P<end>(?:((?:19|20)[0-9]{2})年)?([0-9]{1,2})月(?:末|底))"
    r"|(?P<yend>年底|年末)"
    r"|(?P<part>" + alternation(pv.YEAR_PARTS) + r")"
    r"|(?P<y>((?:19|20)[0-9]{2})年(?:度)?)"
    r"|(?P<frame>" + alternation(pv.MULTI_YEAR_FRAMES) + r")"
    r"|(?P<back>" + alternation(pv.YEARS_BACK_WORDS) + r")"
    r"|(?P<same>同期为|上年同期为|去年同期为)"
    r"|(?P<last>去年全年|上年全年)"
    r"|(?P<cum>" + alternation(pv.CUMULATIVE_WORDS) + r")"
)
_BASELINE_LEAD = ("比", "较", "与", "同", "于")
_TARGET = re.compile(alternation(pv.TARGET_CUES))
_PAST_TARGET = re.compile(alternation(pv.PAST_SECTION_TARGET_CUES))
_YEAR_PLAN = re.compile(r"(?:19|20)[0-9]{2}年度")
_STOCK = re.compile(alternation(pv.STOCK_NOUNS))
_FLOW_RATE = re.compile(alternation(pv.FLOW_RATE_NOUNS))
_STATE_RATE = re.compile(alternation(pv.STATE_RATE_NOUNS))


class PeriodMarks:
    """Every written period of a document, found in one pass and looked up by offset (bisect)."""

    def __init__(self, text: str) -> None:
        self.marks = [m for m in _EXPLICIT.finditer(text)
                      if text[max(0, m.start() - 1):m.start()] not in _BASELINE_LEAD]
        self.starts = [m.start() for m in self.marks]

    def last_between(self, lo: int, hi: int) -> re.Match[str] | None:
        """The rightmost period mark lying inside ``[lo, hi)``."""
        i = bisect_right(self.starts, hi) - 1
        for _ in range(4):
            if i < 0 or self.starts[i] < lo:
                return None
            if self.marks[i].end() <= hi:
                return self.marks[i]
            i -= 1
        return None


def read_period(found: re.Match[str] | None, lead: Lead) -> tuple[str | None, bool] | None:
    """A written period as (ISO period, is_date), or None when nothing is written."""
    if found is None:
        return None
    y = lead.year
    g = found.group
    if g("ym"):
        return interval(int(g(2)), int(g(3)), int(g(4))), False
    if g("m"):
        return (interval(y, int(g(6)), int(g(7))) if y else None), False
    if g("end"):
        year = int(g(9)) if g(9) else y
        return (month_end(year, int(g(10))) if year else None), True
    if g("yend"):
        return (f"{y}-12-31" if y else None), True
    if g("part"):
        first, last = pv.YEAR_PARTS[g("part")]
        return (interval(y, first, last) if y else None), False
    if g("y"):
        return interval(int(g(14)), 1, 12), False
    if g("frame"):
        a, b = pv.MULTI_YEAR_FRAMES[g("frame")]
        return f"{a}-01/{b}-12", False
    if g("back"):
        n = pv.YEARS_BACK_WORDS[g("back")]
        return (f"{y - n + 1}-01/{y}-12" if y else None), False
    if g("same"):
        return (interval(y - 1, lead.first, lead.last) if y else None), False
    if g("last"):
        return (interval(y - 1, 1, 12) if y else None), False
    return None, False  # 累计


def is_stock(measure: str, subject: str | None, clause: str) -> bool:
    """True for stocks and states (总量, 余额, 参保率): they take the end date of the lead period."""
    words = f"{subject or ''}|{clause}"
    if measure == "ratio":
        if subject and _FLOW_RATE.search(subject):
            return False
        return bool(_STATE_RATE.search(subject or "")) or "增至" in clause
    if measure in ("level", "growth"):
        return bool(_STOCK.search(words))
    return False


def period_of(ctx: DocumentContext, marks: PeriodMarks, start: int, measure: str, subject: str | None,
              clause: str, modality: str) -> str | None:
    """The ISO period of a fact starting at ``start``."""
    section = ctx.section_at(start)
    lead = ctx.lead_at(start)
    stock = is_stock(measure, subject, clause)
    stated = read_period(marks.last_between(ctx.sentence_start(start), start), lead)
    if stated is not None:
        period, is_date = stated
        if period and not is_date and stock and "/" in period and modality == "actual":
            year, month = period.split("/")[1].split("-")
            return month_end(int(year), int(month))
        return period
    if modality != "actual":
        has_year = section is not None and pv_year_in(section.title)
        if modality == "target" and stock and lead.year:
            return f"{lead.year}-12-31"
        return lead.interval if has_year else None
    if stock:
        return lead.end_date
    return lead.interval


def pv_year_in(title: str) -> bool:
    return re.search(r"(?:19|20)[0-9]{2}年", title) is not None


def modality_of(ctx: DocumentContext, start: int, sentence: str, clause: str) -> str:
    """``actual``, ``target`` or ``plan`` from the section and the cue words before the number."""
    if ctx.future_at(start):
        return "target" if _TARGET.search(sentence) else "plan"
    if _PAST_TARGET.search(sentence):
        return "target"
    if _YEAR_PLAN.search(clause):
        return "plan"
    return "actual"
