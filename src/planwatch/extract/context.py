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
from planwatch.extract.vocabulary import frames as fv
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


@dataclass(frozen=True, slots=True)
class Frame:
    """A time frame set by a passage's own words (这五年, 十五五时期, 今年…主要预期目标是).

    ``kind`` is one of ``plan_review``, ``plan_goals``, ``year_goals``, ``year_work``,
    ``year_review``; ``years`` the plan's first and last year for the plan kinds; ``section``
    stands in for the heading's section where the content says otherwise.
    """

    start: int
    kind: str
    years: tuple[int, int] | None
    section: Section | None


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
    frames: list[Frame] = field(default_factory=list)
    _frame_starts: list[int] = field(default_factory=list)

    def frame_at(self, offset: int) -> Frame | None:
        """The content frame of the paragraph holding ``offset``, or None where none was set."""
        i = bisect_right(self._frame_starts, offset) - 1
        return self.frames[i] if i >= 0 else None

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


_GOALS_CONTINUE = re.compile(fv.GOALS_CONTINUE)
_YEAR_REVIEW = re.compile(dict(fv.FRAME_CUES)["year_review"])
_GOALS_LATER = re.compile(dict(fv.FRAME_CUES)["year_goals"])
_FRAME_CUES = [(kind, re.compile(pattern)) for kind, pattern in fv.FRAME_CUES]


def _opening_cue(text: str, lo: int, hi: int) -> tuple[str, re.Match[str]] | None:
    """The earliest frame cue in ``text[lo:hi]`` (ties go to the earlier row of the table)."""
    best: tuple[str, re.Match[str]] | None = None
    for kind, pattern in _FRAME_CUES:
        m = pattern.search(text, lo, hi)
        if m is not None and (best is None or m.start() < best[1].start()):
            best = (kind, m)
    return best


def _frame_of(kind: str, m: re.Match[str], review: Lead, doc_year: int | None) -> tuple[str, tuple[int, int] | None]:
    """Resolve a cue to a frame kind and years: a named plan is reviewed when it ended by the review year."""
    if kind == "plan":
        first, last = fv.PLAN_YEARS[m.group(1)]
        if review.year is None:
            return "none", None
        if first > review.year:
            return "plan_goals", (first, last)
        return "plan_review", (first, min(last, review.year))
    if kind == "plan_review":
        return ("plan_review", (review.year - 4, review.year)) if review.year else ("none", None)
    if kind == "plan_goals":
        if m.lastindex and review.year:
            end = int(m.group(1))
            if end <= (doc_year or review.year):
                return "none", None
            return "plan_goals", (end - 4, end)
        return ("plan_goals", (review.year + 1, review.year + 5)) if review.year else ("none", None)
    return kind, None


def _this_year(text: str, paragraph_starts: list[int], review: Lead, doc_year: int | None) -> int | None:
    """The year 今年 means: the document's year, or the year after a whole year reviewed (过去一年…)."""
    if review.year is None:
        return doc_year
    if doc_year and doc_year > review.year:
        return doc_year
    if (review.first, review.last) == (1, 12) and any(
        _YEAR_REVIEW.match(text, start) for start in paragraph_starts
    ):
        return review.year + 1
    return review.year


def _content_frames(text: str, paragraph_starts: list[int], heading_starts: set[int], review: Lead,
                    doc_year: int | None, sections: list[Section]) -> list[Frame]:
    """One frame per paragraph whose frame changes, read from its opening words (linear: bounded windows)."""
    frames: list[Frame] = []
    current: Frame | None = None
    year = _this_year(text, paragraph_starts, review, doc_year)
    section_starts = [sec.start for sec in sections]
    ends = [*paragraph_starts[1:], len(text)]
    for start, end in zip(paragraph_starts, ends, strict=True):
        is_heading = start in heading_starts
        if is_heading:
            current = None
        hi = min(end, start + fv.OPENING)
        cue = _opening_cue(text, start, hi)
        if is_heading and cue is not None and _YEAR.search(text, start, end):
            cue = None  # 一、2025年工作和“十四五”发展回顾: a heading naming a year as well sets no frame
        kind, years = _frame_of(cue[0], cue[1], review, doc_year) if cue else ("", None)
        if current is not None and current.kind == "year_goals":
            if _GOALS_CONTINUE.match(text, start, hi):
                continue  # 5.5%左右的增长目标与…: the goal explained, still the year's goals
            if cue is None:
                kind = "year_work"
        if kind in ("", "none"):
            if current is not None and current.kind == "year_review" and current.section is not None:
                current = Frame(start, "", None, None)  # a review sentence inside an outlook: its paragraph only
                frames.append(current)
            continue
        i = bisect_right(section_starts, start) - 1
        heading = sections[i] if i >= 0 else None
        title = heading.title if heading else ""
        section: Section | None = None
        dated_outlook = heading is not None and heading.future and _YEAR.search(title) is not None
        if dated_outlook and kind == "year_work":
            # 三、2025年工作计划: the heading already dates the work; a frame before ends here
            if current is not None and current.kind:
                current = Frame(start, "", None, None)
                frames.append(current)
            continue
        if dated_outlook and kind == "year_goals" and heading is not None:
            section = Section(start, f"{heading.lead.year}年主要预期目标", heading.lead, True)
        elif kind == "year_goals" and year:
            section = Section(start, f"{year}年主要预期目标", Lead(year), True)
        elif kind == "year_work" and year and heading is not None and not heading.future \
                and heading.lead.year == year:
            if current is not None and current.kind:
                current = Frame(start, "", None, None)
                frames.append(current)
            continue  # 今年全市共安排…项目 in a progress report on this year: the heading's review holds
        elif kind == "year_work" and year:
            section = Section(start, f"{year}年{title}工作安排", Lead(year), True,
                              heading.work_from if heading and heading.future else None)
        elif kind == "year_review" and heading is not None and heading.future:
            section = Section(start, "回顾", review, False)
        elif kind == "plan_review" and years:
            section = Section(start, "五年回顾", Lead(years[1]), False)
        elif kind == "plan_goals" and years:
            section = Section(start, "规划目标", Lead(years[1]), True)
        frame = Frame(start, kind, years, section)
        if current is None or (frame.kind, frame.years) != (current.kind, current.years):
            frames.append(frame)
            current = frame
        goals = _GOALS_LATER.search(text, start + 1, min(end, start + fv.GOALS_WITHIN)) if kind == "year_work" else None
        if goals is not None and year:
            # 今年是…开局之年，做好今年工作意义重大。经济社会发展主要预期目标是：… the goals start mid-paragraph
            at = max(text.rfind(ch, start, goals.start()) for ch in "。！；") + 1 or goals.start()
            goals_section = Section(at, f"{year}年主要预期目标", Lead(year), True)
            current = Frame(max(at, start + 1), "year_goals", None, goals_section)
            frames.append(current)
        if start in heading_starts and cue is None:
            current = None
    return frames


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
    newlines = [m.start() for m in re.finditer("\n", text)]
    paragraph_starts = [0, *(n + 1 for n in newlines if n + 1 < len(text))]
    heading_starts = {start for start, _, _ in headings}
    frames = _content_frames(text, paragraph_starts, heading_starts, lead, year, sections)
    # a heading without a cue ends the frame before it: a marker frame with no section
    frames = _with_heading_stops(frames, heading_starts)
    return DocumentContext(
        text=text,
        lead=lead,
        sections=sections,
        clause_marks=[m.start() for m in _CLAUSE_MARKS.finditer(text)],
        sentence_marks=[m.start() for m in _SENTENCE_MARKS.finditer(text)],
        newlines=newlines,
        stop_marks=[m.start() for m in _STOP_MARKS.finditer(text)],
        _section_starts=[s.start for s in sections],
        plan_frame=plan_frame,
        frames=frames,
        _frame_starts=[f.start for f in frames],
    )


def _with_heading_stops(frames: list[Frame], heading_starts: set[int]) -> list[Frame]:
    """Insert an empty frame at every top-level heading that follows a frame and sets none itself."""
    if not frames:
        return frames
    own = {f.start for f in frames}
    stops = [Frame(h, "", None, None) for h in heading_starts if h not in own and h > frames[0].start]
    return sorted([*frames, *stops], key=lambda f: f.start)
