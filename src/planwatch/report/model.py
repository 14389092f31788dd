"""The report as a document model: what the composer writes and every writer renders.

A report is a title, a 题注 line, the 主送 line and a list of blocks (headings, paragraphs,
charts). A paragraph is a list of runs: plain text, or a :class:`Figure` — a number as the
report prints it together with where it came from (item, progress record, reporting unit,
date, raw value). Writers render the same model to DOCX, HTML and Markdown; the sources
are what makes every figure traceable (links in HTML, an appendix or comments in DOCX) and
what ``planwatch report verify`` checks an edited report against.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from planwatch.charts.model import Bar, Chart

__all__ = ["Bar", "Block", "Chart", "Figure", "Paragraph", "Report", "Run", "Source", "Style"]


class Style(StrEnum):
    """The named paragraph styles of a report (GB/T 9704 levels); writers map them to their own."""

    BODY = "body"  # 正文: 仿宋 三号, first line indented two characters
    HEADING1 = "heading1"  # 一、 黑体
    HEADING2 = "heading2"  # （一） 楷体
    HEADING3 = "heading3"  # 1. 仿宋 bold
    CLOSING = "closing"  # the closing line of the body


@dataclass(frozen=True, slots=True)
class Source:
    """Where one figure came from.

    ``record`` names the progress record (``item_code@as_of``, with ``#milestone`` for a
    milestone record), or ``汇总`` for a figure the report adds up from many items; ``item``
    is then the scope added up (重大项目 216 项) and ``item_code`` is empty.
    """

    item_code: str
    item: str
    record: str
    submitted_by: str
    as_of: date | None
    value: float | None


@dataclass(frozen=True, slots=True)
class Figure:
    """A number of the report: the text as printed (增长6.1%) and its source."""

    text: str
    source: Source


Run = str | Figure


@dataclass(slots=True)
class Paragraph:
    """A paragraph: runs of text and figures in one style."""

    runs: list[Run]
    style: Style = Style.BODY

    @property
    def text(self) -> str:
        """Return the paragraph as plain text."""
        return "".join(r if isinstance(r, str) else r.text for r in self.runs)

    def figures(self) -> list[Figure]:
        """Return the figures of the paragraph, in order."""
        return [r for r in self.runs if isinstance(r, Figure)]


Block = Paragraph | Chart


@dataclass(slots=True)
class Report:
    """A composed report: title, 题注, 主送, blocks; ``plan_code`` and ``as_of`` say what it reports on."""

    plan_code: str
    as_of: date
    title: str
    caption: str
    addressee: str
    blocks: list[Block] = field(default_factory=list)
    signature: list[str] = field(default_factory=list)

    def paragraphs(self) -> list[Paragraph]:
        """Return the paragraph blocks in order."""
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    def figures(self) -> list[Figure]:
        """Return every figure of the report, in reading order."""
        return [f for p in self.paragraphs() for f in p.figures()]

    def charts(self) -> list[Chart]:
        """Return the chart blocks in order."""
        return [b for b in self.blocks if isinstance(b, Chart)]
