"""Write a composed report as Markdown: headings by level, figures as plain text, charts as tables."""

from __future__ import annotations

from planwatch.report.model import Chart, Paragraph, Report, Style

MARKS = {Style.HEADING1: "## ", Style.HEADING2: "### ", Style.HEADING3: "#### "}


def render_markdown(report: Report) -> str:
    """Return the report as Markdown text (a draft to paste or diff; the DOCX is the deliverable)."""
    lines = [f"# {report.title}", "", report.caption, "", report.addressee, ""]
    for block in report.blocks:
        if isinstance(block, Paragraph):
            lines += [MARKS.get(block.style, "") + _escape(block.text), ""]
        else:
            lines += [*chart_table(block), ""]
    return "\n".join(lines).rstrip() + "\n"


def chart_table(chart: Chart) -> list[str]:
    """Return a chart as a Markdown table: label, value as printed."""
    rows = [f"**{_escape(chart.title)}**", "", "| 项目 | 数值 |", "|---|---|"]
    rows += [f"| {_escape(bar.label)} | {_escape(bar.text)} |" for bar in chart.bars]
    if chart.note:
        rows += ["", f"注：{_escape(chart.note)}"]
    return rows


def _escape(text: str) -> str:
    """Keep user text from becoming Markdown markup (a name with * or | stays literal)."""
    for ch in "\\`*_[]|<>#":
        text = text.replace(ch, "\\" + ch)
    return text
