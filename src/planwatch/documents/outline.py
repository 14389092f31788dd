"""The heading tree of a report: 一、 / (一) / 一是…二是… / 1. / (1), with character spans.

Nesting is learnt from the document, not fixed: the first time a heading style appears it
becomes a child of the heading open at that point, and a later heading of a style already
open closes everything below that style and becomes its sibling.  This follows how the
reports are written (some put ``1.`` under ``（一）``, some directly under ``一、``).

Numbering guards against prose that merely looks like a heading: within one parent a style
must count 1, 2, 3 …, so ``2025.`` or a stray ``3、`` inside a paragraph is not a heading.
The inline style ``一是…二是…`` needs at least ``一是`` and ``二是`` to count.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from planwatch.documents import vocabulary as vocab


@dataclass(frozen=True)
class Heading:
    """One heading: its label as written, its title, and the text it governs.

    ``span`` covers the label and the title; ``section_span`` runs from the label to the
    start of the next heading of the same or a higher level (for the last item of an
    inline ``一是…`` series: to the end of its paragraph).  Both are ``[start, end)``.
    """

    level: int
    label: str
    title: str
    span: tuple[int, int]
    section_span: tuple[int, int]
    style: str
    number: int
    children: tuple[Heading, ...] = ()

    def walk(self) -> Iterator[Heading]:
        """Yield this heading and all below it, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def to_dict(self) -> dict[str, object]:
        """The heading as JSON-ready data."""
        return {
            "level": self.level,
            "label": self.label,
            "title": self.title,
            "span": list(self.span),
            "section_span": list(self.section_span),
            "children": [child.to_dict() for child in self.children],
        }


@dataclass(frozen=True)
class Outline:
    """The top-level headings of a text, each carrying its subtree."""

    headings: tuple[Heading, ...] = ()

    def __iter__(self) -> Iterator[Heading]:
        for heading in self.headings:
            yield from heading.walk()

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def enclosing(self, offset: int) -> list[Heading]:
        """The headings whose section contains ``offset``, outermost first."""
        chain: list[Heading] = []
        level: tuple[Heading, ...] = self.headings
        while level:
            # siblings' sections are disjoint and in order: the last one starting at or before offset
            i = bisect.bisect_right(level, offset, key=_section_start) - 1
            if i < 0 or offset >= level[i].section_span[1]:
                break
            chain.append(level[i])
            level = level[i].children
        return chain

    def to_dict(self) -> list[dict[str, object]]:
        """The tree as JSON-ready data."""
        return [heading.to_dict() for heading in self.headings]


def _section_start(heading: Heading) -> int:
    return heading.section_span[0]


# --- recognising labels -----------------------------------------------------------------------

_LINE_STYLES = [(style, re.compile(pattern), kind) for style, pattern, kind in vocab.LINE_HEADING_STYLES]
_INLINE = re.compile(vocab.INLINE_LABEL)
_TITLE_STOP = re.compile(f"[{re.escape(vocab.TITLE_STOPS)}]")
_INLINE_TITLE_STOP = re.compile(f"[{re.escape(vocab.INLINE_TITLE_STOPS)}]")


def chinese_small_number(numeral: str) -> int | None:
    """一 → 1, 十二 → 12, 二十 → 20, 九十九 → 99; anything else → None."""
    if not numeral:
        return None
    if vocab.CN_TEN not in numeral:
        return vocab.CN_DIGITS.get(numeral) if len(numeral) == 1 else None
    tens, _, ones = numeral.partition(vocab.CN_TEN)
    if len(tens) > 1 or len(ones) > 1 or vocab.CN_TEN in ones:
        return None
    tens_value = 1 if not tens else vocab.CN_DIGITS.get(tens)
    ones_value = 0 if not ones else vocab.CN_DIGITS.get(ones)
    if not tens_value or ones_value is None:
        return None
    return tens_value * 10 + ones_value


def _label_number(text: str, kind: str) -> int | None:
    if kind == "cn":
        return chinese_small_number(text)
    if kind == "circled":
        return vocab.CIRCLED_DIGITS.index(text) + 1
    return int(text.translate(vocab.FULLWIDTH_TO_ASCII))


@dataclass
class _Candidate:
    style: str
    number: int
    start: int
    label_end: int
    title_end: int
    line_end: int
    inline: bool
    opens_line: bool = False


def _title_end(text: str, start: int, limit: int, stops: re.Pattern[str]) -> int:
    stop = stops.search(text, start, limit)
    return stop.start() if stop else limit


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of each line, the end before its line break."""
    offset = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        yield offset, offset + len(body)
        offset += len(line)


def _line_candidate(text: str, start: int, end: int) -> _Candidate | None:
    indent = start
    while indent < end and text[indent] in vocab.INDENT:
        indent += 1
    for style, pattern, kind in _LINE_STYLES:
        match = pattern.match(text, indent, end)
        if match is None:
            continue
        number = _label_number(match.group("n"), kind)
        if number is None:
            continue
        label_end = match.end()
        title_end = _title_end(text, label_end, end, _TITLE_STOP)
        if title_end == label_end:
            continue  # a bare number on a line is not a heading
        return _Candidate(style, number, indent, label_end, title_end, end, inline=False)
    return None


def _inline_candidates(text: str, line_start: int, start: int, end: int) -> list[_Candidate]:
    """Inline labels 一是/二是… in ``text[start:end]``, a part of the line from ``line_start``."""
    found: list[_Candidate] = []
    stops: list[int] | None = None  # sentence ends of the line, found once (keeps this linear)
    first = line_start
    while first < end and text[first] in vocab.INDENT:
        first += 1
    for match in _INLINE.finditer(text, start, end):
        opens_line = match.start() == first
        if not opens_line and text[match.start() - 1] not in vocab.INLINE_BOUNDARY:
            continue
        number = chinese_small_number(match.group("n"))
        if number is None:
            continue
        if stops is None:
            stops = [stop.start() for stop in _INLINE_TITLE_STOP.finditer(text, start, end)]
        following = bisect.bisect_left(stops, match.end())
        title_end = stops[following] if following < len(stops) else end
        found.append(
            _Candidate(vocab.INLINE_STYLE, number, match.start(), match.end(), title_end, end, True, opens_line)
        )
    return found


def _inline_series(candidates: list[_Candidate]) -> list[_Candidate]:
    """Keep inline labels that form a series 一是, 二是, … of at least two items.

    A series may cross paragraphs only when the next item opens its paragraph, and any
    line-start heading (``inline=False``) ends it.
    """
    kept: list[_Candidate] = []
    series: list[_Candidate] = []

    def close() -> None:
        if len(series) >= 2:
            kept.extend(series)
        series.clear()

    for cand in candidates:
        if not cand.inline:
            close()
        elif series and cand.number == series[-1].number + 1 and (
            cand.line_end == series[-1].line_end or cand.opens_line
        ):
            series.append(cand)
        elif cand.number == 1:
            close()
            series.append(cand)
        elif series and cand.line_end != series[-1].line_end:
            close()  # a stray label in a later paragraph: the series is over
    close()
    return kept


# --- building the tree ------------------------------------------------------------------------


@dataclass
class _Node:
    cand: _Candidate
    end: int = 0
    children: list[_Node] = field(default_factory=list)


def _collect_candidates(text: str) -> list[_Candidate]:
    ordered: list[_Candidate] = []
    for start, end in _lines(text):
        heading = _line_candidate(text, start, end)
        if heading is not None:
            ordered.append(heading)
        ordered.extend(_inline_candidates(text, start, heading.label_end if heading else start, end))
    inline_kept = {id(c) for c in _inline_series(ordered)}
    return [c for c in ordered if not c.inline or id(c) in inline_kept]


class _TreeBuilder:
    """Places candidates into the tree, one at a time, in text order."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.roots: list[_Node] = []
        self.stack: list[_Node] = []
        # id of the parent node (0 for the root) -> style -> number of its last child of that style
        self.last_number: dict[int, dict[str, int]] = {}

    def _pop(self, end: int, *, sibling_follows: bool = False) -> None:
        node = self.stack.pop()
        # an inline item runs to its next sibling; the last of a series ends with its paragraph
        node.end = min(end, node.cand.line_end) if node.cand.inline and not sibling_follows else end

    def _close_to(self, depth: int, at: int) -> None:
        while len(self.stack) > depth:
            self._pop(at)

    def _attach(self, cand: _Candidate) -> None:
        parent = self.stack[-1] if self.stack else None
        node = _Node(cand)
        (parent.children if parent else self.roots).append(node)
        self.last_number.setdefault(id(parent) if parent else 0, {})[cand.style] = cand.number
        self.stack.append(node)

    def add(self, cand: _Candidate) -> None:
        # an inline series ends with its paragraph unless this item carries it on
        while self.stack and self.stack[-1].cand.inline and cand.start > self.stack[-1].cand.line_end:
            if cand.inline and cand.opens_line and cand.number == self.stack[-1].cand.number + 1:
                break
            self._pop(cand.start)
        if cand.inline:
            self._add_inline(cand)
            return
        depth = next((i for i, node in enumerate(self.stack) if node.cand.style == cand.style), None)
        if depth is not None:
            if cand.number != self.stack[depth].cand.number + 1:
                return
            self._close_to(depth, cand.start)
        else:
            parent = self.stack[-1] if self.stack else None
            previous = self.last_number.get(id(parent) if parent else 0, {}).get(cand.style)
            if previous is not None and cand.number != previous + 1:
                return
            if previous is None and cand.number != 1 and (parent or cand.number > vocab.MAX_FIRST_NUMBER):
                return
        self._attach(cand)

    def _add_inline(self, cand: _Candidate) -> None:
        # series are checked already: 一是 opens a series, the others follow their predecessor
        if self.stack and self.stack[-1].cand.inline:
            if cand.number == self.stack[-1].cand.number + 1:
                self._pop(cand.start, sibling_follows=True)
            elif cand.number == 1:
                self._pop(cand.start)
            else:
                return
        elif cand.number != 1:
            return
        self._attach(cand)

    def finish(self) -> Outline:
        self._close_to(0, len(self.text))
        return Outline(tuple(_freeze(node, self.text, 1) for node in self.roots))


def build_outline(text: str) -> Outline:
    """Return the heading tree of ``text`` (pure; offsets index ``text`` as given)."""
    builder = _TreeBuilder(text)
    for cand in _collect_candidates(text):
        builder.add(cand)
    return builder.finish()


def _freeze(node: _Node, text: str, level: int) -> Heading:
    cand = node.cand
    # a title without a full stop ends where its section or its first sub-heading begins
    title_end = min(cand.title_end, node.end, *(child.cand.start for child in node.children[:1]))
    return Heading(
        level=level,
        label=text[cand.start : cand.label_end].rstrip(vocab.INDENT),
        title=text[cand.label_end : title_end].strip().rstrip(vocab.TITLE_TRAILERS).strip(),
        span=(cand.start, title_end),
        section_span=(cand.start, node.end),
        style=cand.style,
        number=cand.number,
        children=tuple(_freeze(child, text, level + 1) for child in node.children),
    )
