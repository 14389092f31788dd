"""Document context computed once per text: report year, lead period, sections, clause bounds.

Every lookup is by character offset (``bisect``), so extraction stays linear in the text.
The heading reader here is deliberately small; when ``planwatch.documents.outline`` is
available its top-level headings are used instead (``_headings``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from calendar import monthrange
from dataclasses import dataclass, field
from functools import lru_cache

from planwatch.documents.metadata import DocumentMetadata, read_metadata
from planwatch.documents.outline import build_outline
from planwatch.extract.vocabulary import periods as pv

_CLAUSE_MARKS = re.compile(r"[，,；;。！？!?\n：:]")
_SENTENCE_MARKS = re.compile(r"[。；;！？!?\n]")
_STOP_MARKS = re.compile(r"[。！？!?\n]")
_YEAR = re.compile(r"((?:19|20)[0-9]{2})年")
_MONTHS = re.compile(r"([0-9]{1,2})[—–\-－~～至到]([0-9]{1,2})月")


@lru_cache(maxsize=1024)
def interval(year: int, first: int, last: int) -> str:
    """``interval(2025, 1, 6) == "2025-01/2025-06"``."""
    return f"{year}-{first:02d}/{year}-{last:02d}"


@lru_cache(maxsize=1024)
def month_end(year: int, month: int) -> str:
    """``month_end(2025, 6) == "2025-06-30"``."""
    return f"{year}-{month:02d}-{monthrange(year, month)[1]:02d}"


@dataclass(frozen=True, slots=True)
class Lead:
    """A lead period: the report year and the months it covers (None when unknown)."""

    year: int | None
    first: int = 1
    last: int = 12

    @property
    def interval(self) -> str | None:
        return interval(self.year, self.first, self.last) if self.year else None

    @property
    def end_date(self) -> str | None:
        return month_end(self.year, self.last) if self.year else None


@dataclass(frozen=True, slots=True)
class Section:
    start: int
    title: str
    lead: Lead
    future: bool
    # where the work part of a 主要目标和重点工作 section begins (its first sub-heading), else None
    work_from: int | None = None


@dataclass(slots=True)
class DocumentContext:
    """What every fact of one document shares, looked up by offset."""

    text: str
    lead: Lead
    sections: list[Section]
    clause_marks: list[int] = field(default_factory=list)
    sentence_marks: list[int] = field(default_factory=list)
    newlines: list[int] = field(default_factory=list)
    stop_marks: list[int] = field(default_factory=list)
    _section_starts: list[int] = field(default_factory=list)
    # the five-year plan a review document evaluates (十四五 → (2021, 2025)), else None
    plan_frame: tuple[int, int] | None = None

    def section_at(self, offset: int) -> Section | None:
        i = bisect_right(self._section_starts, offset) - 1
        return self.sections[i] if i >= 0 else None

    def lead_at(self, offset: int) -> Lead:
        section = self.section_at(offset)
        return section.lead if section else self.lead

    def future_at(self, offset: int) -> bool:
        section = self.section_at(offset)
        return bool(section and section.future)

    def clause_start(self, offset: int, limit: int = 60) -> int:
        """Start of the clause holding ``offset`` (after the last comma, colon or stop)."""
        i = bisect_left(self.clause_marks, offset) - 1
        start = self.clause_marks[i] + 1 if i >= 0 else 0
        return max(start, offset - limit)

    def sentence_start(self, offset: int, limit: int = 120) -> int:
        i = bisect_left(self.sentence_marks, offset) - 1
        start = self.sentence_marks[i] + 1 if i >= 0 else 0
        return max(start, offset - limit)

    def full_sentence_start(self, offset: int, limit: int = 200) -> int:
        """Start of the sentence up to the last full stop (a semicolon does not end it)."""
        i = bisect_left(self.stop_marks, offset) - 1
        start = self.stop_marks[i] + 1 if i >= 0 else 0
        return max(start, offset - limit)

    def sentence_end(self, offset: int, limit: int = 200) -> int:
        i = bisect_left(self.sentence_marks, offset)
        end = self.sentence_marks[i] if i < len(self.sentence_marks) else len(self.text)
        return min(end, offset + limit)

    def paragraph_start(self, offset: int) -> int:
        i = bisect_left(self.newlines, offset) - 1
        return self.newlines[i] + 1 if i >= 0 else 0


def _lead_from(text: str, year: int | None) -> Lead | None:
    """Read a lead period from a title or heading: 2025年1—6月, 上半年, 2024年."""
    found_year = _YEAR.search(text)
    y = int(found_year.group(1)) if found_year else year
    months = _MONTHS.search(text)
    if months:
        return Lead(y, int(months.group(1)), int(months.group(2)))
    for word, (first, last) in sorted(pv.YEAR_PARTS.items(), key=lambda kv: -len(kv[0])):
        at = text.find(word)
        if at >= 0 and word not in ("全年", "一年来", "今年以来") \
                and not any(ch in text[max(0, at - 2):at] for ch in "比较"):
            return Lead(y, first, last)
    if found_year:
        return Lead(y)
    return None


_APPENDIX = re.compile(r"^(附(?:件|录)?[0-9一二三四五六七八九十]{0,2}[：:][^\n]{2,80})$", re.MULTILINE)


def _headings(text: str) -> list[tuple[int, str, int | None]]:
    """Top-level headings (一、…) as (start, label + title, start of the first sub-heading or None)."""
    outline = build_outline(text)
    found = [
        (h.span[0], f"{h.label}{h.title}", h.children[0].span[0] if h.children else None)
        for h in outline.headings
        if h.level == 1
    ]
    # 附：2025年1—5月预算执行情况 — an appendix after the last section is a section of its own
    found += [(m.start(), m.group(1), None) for m in _APPENDIX.finditer(text)]
    return sorted(found)


_YEARS_IN = re.compile(r"(?:实施|执行)[^，。；]{0,6}?([两二三四五1-5])年(?:多|半)?(?:来|以来)")


def _plan_frame(title: str) -> tuple[int, int] | None:
    """The five-year plan a review document's title names (……第十四个五年规划纲要实施中期评估报告)."""
    if not any(w in title for w in pv.PLAN_REVIEW_TITLE_WORDS):
        return None
    return next((frame for name, frame in pv.PLAN_FRAME_NAMES.items() if name in title), None)


def _reviewed_years(head: str, frame: tuple[int, int]) -> Lead | None:
    """纲要实施两年来: the review covers the frame's first N years, so its last year leads."""
    m = _YEARS_IN.search(head)
    if m is None:
        return None
    word = m.group(1)
    n = int(word) if word.isdigit() else {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5}[word]
    return Lead(frame[0] + n - 1) if 1 <= n <= frame[1] - frame[0] + 1 else None


def _work_from(title: str, first_child: int | None) -> int | None:
    """In a section titled for both targets and work (2025年主要目标和重点工作), the work starts at
    its first sub-heading: the numbers there are planned work, not targets, unless cue words say so."""
    if first_child is None or not any(w in title for w in pv.TARGET_SECTION_WORDS):
        return None
    return first_child if any(w in title for w in pv.WORK_SECTION_WORDS) else None


def _stated_lead(text: str, metadata: DocumentMetadata | None) -> Lead | None:
    """The period the document says it reports on (metadata), e.g. 2025-01/2025-06."""
    meta = metadata if metadata is not None else read_metadata(text)
    m = re.fullmatch(r"([0-9]{4})-([0-9]{2})/([0-9]{4})-([0-9]{2})", meta.period or "")
    if m and m.group(1) == m.group(3):
        return Lead(int(m.group(1)), int(m.group(2)), int(m.group(4)))
    return None


def _is_future(title: str) -> bool | None:
    if any(w in title for w in pv.PAST_SECTION_WORDS):
        return False
    if any(w in title for w in pv.FUTURE_SECTION_WORDS):
        return True
    return None


def build_context(text: str, metadata: DocumentMetadata | None = None) -> DocumentContext:
    """Compute the document context of ``text`` once (linear time).

    ``metadata`` is what the reader learnt about the document beyond its text (a year from
    the file name); without it the metadata is read from the text alone.
    """
    head = text[:400]
    year_match = _YEAR.search(head)
    year = int(year_match.group(1)) if year_match else None
    title = next((line for line in head.splitlines() if line.strip()), "")[:200]
    lead = _lead_from(title, year) or Lead(year)
    if lead.year is None or (lead.first, lead.last) == (1, 12):
        lead = _stated_lead(text, metadata) or lead
    plan_frame = _plan_frame(title)
    if plan_frame is not None:
        lead = _reviewed_years(text[:800], plan_frame) or lead
    headings = _headings(text)
    leads = [(_lead_from(title, lead.year) or lead) for _, title, _ in headings]
    if headings and leads[0].year and year and leads[0].year < year and not _is_future(headings[0][1]):
        # a government work report dated 2019 reviews 2018 first: its review year leads
        lead = leads[0]
    sections: list[Section] = []
    for (start, title, first_child), section_lead in zip(headings, leads, strict=True):
        future = _is_future(title)
        if future is None:
            future = bool(section_lead.year and lead.year and section_lead.year > lead.year)
        if future and year and lead.year and year > lead.year and section_lead.year == lead.year \
                and not _YEAR.search(title):
            # 三、重大项目安排 in a 2025 plan draft that reviewed 2024 first: the plan's year is the document's
            section_lead = Lead(year)
        sections.append(Section(start, title, section_lead, future, _work_from(title, first_child)))
    return DocumentContext(
        text=text,
        lead=lead,
        sections=sections,
        clause_marks=[m.start() for m in _CLAUSE_MARKS.finditer(text)],
        sentence_marks=[m.start() for m in _SENTENCE_MARKS.finditer(text)],
        newlines=[m.start() for m in re.finditer("\n", text)],
        stop_marks=[m.start() for m in _STOP_MARKS.finditer(text)],
        _section_starts=[s.start for s in sections],
        plan_frame=plan_frame,
    )
