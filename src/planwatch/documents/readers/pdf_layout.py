"""Reading order of a PDF page from where its text is drawn.

pypdf's plain extraction follows the content stream.  For most report PDFs that is the
reading order, and those pages are left exactly as pypdf reads them.  Two kinds of page are
not: a two-column page (a 简报 or a 专栏) drawn row by row across both columns, and a page
whose text layer was written out of order (a footer or a title drawn last, a page edited
after it was made).  For those, the text is rebuilt from the fragments' positions, which the
``visitor_text`` callback of ``extract_text`` reports: column by column, top to bottom, with
lines that span both columns (a title, a running header) keeping their place between them.

Fragment widths are estimated from their characters (full-width characters one em, others
half an em): the layout only needs to know where text is not, the gutter between columns.
"""

from __future__ import annotations

import unicodedata
from contextlib import suppress
from dataclasses import dataclass
from itertools import pairwise
from math import hypot

# a line spacing of this many font sizes upwards in the stream means the stream jumped back
UPWARD_JUMP_SIZES = 1.5
# fragments whose baselines differ by less than this share of the font size are on one line
SAME_LINE_SHARE = 0.4
# a gap between two fragments of one line wider than this many font sizes is written as a space
SPACE_GAP_SIZES = 0.5
# a gutter is at least this many font sizes wide and lies in this middle share of the text area
MIN_GUTTER_SIZES = 1.0
GUTTER_ZONE = (0.25, 0.75)
# each column holds at least this many lines and this share of the page's characters
MIN_COLUMN_LINES = 3
MIN_COLUMN_SHARE = 0.2
# a column's lines mostly fill it: their median width is at least this share of its width
MIN_COLUMN_FILL = 0.6
# a column is at least this share of the text area wide
MIN_COLUMN_WIDTH_SHARE = 0.3
# the gutter is crossed by at most this share of the lines the busiest strip of the page holds
LOW_COVERAGE_SHARE = 0.25
MIN_LOW_COVERAGE = 2


@dataclass(frozen=True)
class Fragment:
    """A piece of text as drawn: left and right edge, baseline and font size, in page space."""

    x0: float
    x1: float
    y: float
    size: float
    text: str


def _width(text: str, size: float) -> float:
    return sum(size if unicodedata.east_asian_width(ch) in "WF" else size / 2 for ch in text)


def collect(page) -> tuple[str, list[Fragment]]:
    """pypdf's plain text of ``page`` and the fragments it drew, in stream order."""
    fragments: list[Fragment] = []

    def visit(text: str, cm, tm, font_dict, font_size: float) -> None:
        # a fragment with odd matrices or no font size is left out here: the plain reading still has it
        with suppress(TypeError, ValueError, IndexError, ZeroDivisionError):
            _visit(text, cm, tm, font_size)

    def _visit(text: str, cm, tm, font_size: float) -> None:
        pieces = text.split("\n")
        if not any(piece.strip() for piece in pieces):
            return
        # text space to page space: the text matrix, then the current transformation matrix
        a, b, c, d = (tm[0] * cm[0] + tm[1] * cm[2], tm[0] * cm[1] + tm[1] * cm[3],
                      tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3])
        if abs(b) > 1e-6 or abs(c) > 1e-6 or a <= 0 or d <= 0:
            return  # rotated or mirrored text: not part of the running text
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        size = abs(float(font_size or 0)) * hypot(c, d) or 1.0
        for number, piece in enumerate(pieces):
            if piece.strip():
                line_y = y - number * size * 1.2
                fragments.append(Fragment(x, x + _width(piece, size * a / d), line_y, size, piece))

    plain = page.extract_text(visitor_text=visit) or ""
    return plain, fragments


def in_stream_order(fragments: list[Fragment]) -> bool:
    """Whether the stream goes down the page, never jumping back up by more than a line."""
    return all(
        later.y <= earlier.y + UPWARD_JUMP_SIZES * max(earlier.size, later.size)
        for earlier, later in pairwise(fragments)
    )


def _lines(fragments: list[Fragment]) -> list[list[Fragment]]:
    """Fragments grouped into lines, top to bottom, each line left to right."""
    lines: list[list[Fragment]] = []
    for fragment in sorted(fragments, key=lambda f: (-f.y, f.x0)):
        if lines and abs(lines[-1][0].y - fragment.y) <= SAME_LINE_SHARE * max(fragment.size, lines[-1][0].size):
            lines[-1].append(fragment)
        else:
            lines.append([fragment])
    return [sorted(line, key=lambda f: f.x0) for line in lines]


def _line_text(line: list[Fragment]) -> str:
    parts = [line[0].text]
    for before, fragment in pairwise(line):
        if fragment.x0 - before.x1 > SPACE_GAP_SIZES * fragment.size:
            parts.append(" ")
        parts.append(fragment.text)
    return "".join(parts)


def _low_coverage_run(fragments: list[Fragment], left_edge: float, area: float) -> tuple[float, float] | None:
    """The widest strip of the middle of the text area that almost no fragment covers."""
    bins = int(area) + 1
    change = [0] * (bins + 1)
    for f in fragments:
        start = max(int(f.x0 - left_edge), 0)
        end = min(int(f.x1 - left_edge) + 1, bins)
        change[start] += 1
        change[end] -= 1
    coverage = []
    running = 0
    for step in change[:bins]:
        running += step
        coverage.append(running)
    # lines that cross the gutter (a title, a running head) are few; a column's lines are many
    low = max(MIN_LOW_COVERAGE, int(max(coverage) * LOW_COVERAGE_SHARE))
    zone = range(int(GUTTER_ZONE[0] * area), int(GUTTER_ZONE[1] * area) + 1)
    best: tuple[int, int] | None = None
    start = None
    for i in [*zone, None]:
        if i is not None and i < bins and coverage[i] <= low:
            start = i if start is None else start
            continue
        if start is not None:
            end = i if i is not None else zone[-1] + 1
            if best is None or end - start > best[1] - best[0]:
                best = (start, end)
            start = None
    if best is None:
        return None
    return left_edge + best[0], left_edge + best[1]


def find_gutter(fragments: list[Fragment]) -> tuple[float, float] | None:
    """The empty vertical strip between two columns of running text, or None."""
    if not fragments:
        return None
    left_edge = min(f.x0 for f in fragments)
    area = max(f.x1 for f in fragments) - left_edge
    if area <= 0:
        return None
    best = _low_coverage_run(fragments, left_edge, area)
    size = sorted(f.size for f in fragments)[len(fragments) // 2]
    if best is None or best[1] - best[0] < MIN_GUTTER_SIZES * size:
        return None
    left = [f for f in fragments if f.x1 <= best[0] + 1]
    right = [f for f in fragments if f.x0 >= best[1] - 1]
    total = sum(len(f.text) for f in fragments)
    for side in (left, right):
        lines = _lines(side)
        if len(lines) < MIN_COLUMN_LINES or sum(len(f.text) for f in side) < MIN_COLUMN_SHARE * total:
            return None
        x0 = min(f.x0 for f in side)
        x1 = max(f.x1 for f in side)
        if x1 - x0 < MIN_COLUMN_WIDTH_SHARE * area:
            return None  # a narrow strip of cells: the value column of a table
        widths = sorted(line[-1].x1 - line[0].x0 for line in lines)
        if widths[len(widths) // 2] < MIN_COLUMN_FILL * (x1 - x0):
            return None  # short cells in a wide strip: a table, not a column of text
    return best


def column_lines(fragments: list[Fragment], gutter: tuple[float, float]) -> list[str]:
    """Lines in reading order: the columns of each band between spanning lines, left then right."""
    g0, g1 = gutter

    def spans(f: Fragment) -> bool:  # reaches into the gutter: a centred title, a running head
        return f.x0 < g1 - f.size / 2 and f.x1 > g0 + f.size / 2

    spanning = [f for f in fragments if spans(f)]
    columns = [f for f in fragments if not spans(f)]
    out: list[str] = []
    bands = _lines(spanning)
    upper = float("inf")
    for band_line in [*bands, None]:
        lower = band_line[0].y if band_line is not None else float("-inf")
        inside = [f for f in columns if lower < f.y <= upper]
        for side in ([f for f in inside if f.x0 < g0], [f for f in inside if f.x0 >= g0]):
            out.extend(_line_text(line) for line in _lines(side))
        if band_line is not None:
            out.append(_line_text(band_line))
        upper = lower
    return out


def page_text(page) -> str:
    """The text of ``page`` in reading order; pypdf's own reading when the stream is in order."""
    plain, fragments = collect(page)
    gutter = find_gutter(fragments)
    if gutter is not None:
        return "\n".join(column_lines(fragments, gutter))
    if in_stream_order(fragments):
        return plain
    return "\n".join(_line_text(line) for line in _lines(fragments))
