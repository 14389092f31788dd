"""Page furniture of PDFs: page numbers and running headers and footers, which are not the report.

Left in, a page number lands in the middle of a sentence that runs on to the next page
(增长5.2%，— 3 — 其中…) and running heads repeat the title on every page.  A line is
furniture when it stands among the first or last ``EDGE_LINES`` lines of a page and either
reads as a page number (``PAGE_NUMBER``) or, digits aside, recurs at the edge of at least half
of the pages.  A bare number counts as a page number only when it follows the page count
(the same offset from the page's index on two pages, or a one-page file's "1").
"""

from __future__ import annotations

import re
from collections import Counter

EDGE_LINES = 2
MIN_REPEAT_SHARE = 0.5
MIN_REPEAT_PAGES = 2
DASHES = r"\-－—–一·•.\s"  # 一 is what some extractions make of a long dash
# page numbers as printed: — 3 —, - 3 -, 第3页, 第 3 页 共 10 页, 3/10, Page 3 of 10
PAGE_NUMBER = re.compile(
    rf"^[{DASHES}]*(?:"
    r"第\s*[0-9]+\s*页(?:\s*[，,/、]?\s*共\s*[0-9]+\s*页)?"
    r"|共\s*[0-9]+\s*页\s*[，,/、]?\s*第\s*[0-9]+\s*页"
    r"|[0-9]+\s*/\s*[0-9]+"
    r"|page\s*[0-9]+(?:\s*of\s*[0-9]+)?"
    rf")[{DASHES}]*$"
    rf"|^[{DASHES}]*[-－—–]\s*[0-9]+\s*[-－—–][{DASHES}]*$",
    re.IGNORECASE,
)
BARE_NUMBER = re.compile(r"^\s*([0-9]{1,4})\s*$")
_DIGITS = re.compile(r"[0-9０-９]+")


def _edges(lines: list[str]) -> list[int]:
    """Indexes of the first and last ``EDGE_LINES`` non-blank lines."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    return sorted(set(filled[:EDGE_LINES] + filled[-EDGE_LINES:]))


def _key(line: str) -> str:
    return _DIGITS.sub("#", "".join(line.split()))


def _bare_page_numbers(pages: list[list[str]]) -> set[tuple[int, int]]:
    """(page, line) of bare numbers that count the pages."""
    found: dict[int, list[tuple[int, int]]] = {}
    for page_index, lines in enumerate(pages):
        for line_index in _edges(lines):
            match = BARE_NUMBER.match(lines[line_index])
            if match:
                offset = int(match.group(1)) - page_index
                found.setdefault(offset, []).append((page_index, line_index))
    places: set[tuple[int, int]] = set()
    for offset, where in found.items():
        if len({page for page, _ in where}) >= MIN_REPEAT_PAGES or (len(pages) == 1 and offset == 1):
            places.update(where)
    return places


def drop_furniture(pages: list[list[str]]) -> list[list[str]]:
    """The pages' lines without page numbers and running headers and footers."""
    counts: Counter[str] = Counter()
    for lines in pages:
        counts.update({_key(lines[i]) for i in _edges(lines)})
    needed = max(MIN_REPEAT_PAGES, MIN_REPEAT_SHARE * len(pages))
    # a head says something: a line of digits and marks alone is left to the page-number rules
    running = {key for key, n in counts.items() if n >= needed and any(ch.isalpha() for ch in key)}
    numbers = _bare_page_numbers(pages)
    out = []
    for page_index, lines in enumerate(pages):
        drop = set()
        for i in _edges(lines):
            line = lines[i].strip()
            if PAGE_NUMBER.match(line) or (page_index, i) in numbers:
                drop.add(i)
            elif _key(line) in running and page_index > 0:
                drop.add(i)  # on the first page a repeated head is the title: kept once
        out.append([line for i, line in enumerate(lines) if i not in drop])
    return out
