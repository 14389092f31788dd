"""Write a composed report as one self-contained HTML page in which every figure links to its source.

A figure from an item's record links to the item page at that record
(``/items/K0101?plan=JC2025&as_of=2025-06-30#record-2025-06-30``); a figure the report adds up
links to the item list it sums. Each link's title names the item, the record, the reporting
unit and the date, and ``data-*`` attributes carry the same for tools. Charts are inline SVG.
Everything is escaped; the page loads nothing from outside.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from urllib.parse import quote, urlencode

from planwatch.charts.svg import render_svg
from planwatch.report.model import Chart, Figure, Paragraph, Report, Source, Style

TAGS = {Style.HEADING1: "h2", Style.HEADING2: "h3", Style.HEADING3: "h4"}

#: Inlined into every page: the report stands alone as a file, with nothing to fetch.
CSS = (Path(__file__).parent / "report.css").read_text(encoding="utf-8")


def figure_link(source: Source, plan_code: str, as_of: str, base: str = "") -> str:
    """Return the address a figure links to: the item page at its record, or the item list it sums."""
    query = urlencode({"plan": plan_code, "as_of": as_of})
    if source.item_code:
        anchor = ""
        if "@" in source.record:
            anchor = "#record-" + source.record.split("@", 1)[1].replace("#", "-")
        return f"{base}/items/{quote(source.item_code, safe='')}?{query}{anchor}"
    return f"{base}/items?{query}"


def describe_source(source: Source) -> str:
    """Return a figure's source in one line: 事项 K0101 举办…；记录 K0101@2025-06-30；市商务局报送；2025-06-30."""
    item = f"{source.item_code} {source.item}".strip()
    when = source.as_of.isoformat() if source.as_of else "—"
    return f"事项：{item}；记录：{source.record}；报送：{source.submitted_by}；日期：{when}"


def _figure(fig: Figure, plan_code: str, as_of: str, base: str) -> str:
    s = fig.source
    href = figure_link(s, plan_code, as_of, base)
    value = "" if s.value is None else repr(round(s.value, 6))
    return (
        f'<a class="fig" href="{escape(href)}" title="{escape(describe_source(s))}" data-item="{escape(s.item_code)}" '
        f'data-record="{escape(s.record)}" data-by="{escape(s.submitted_by)}" '
        f'data-date="{escape(s.as_of.isoformat() if s.as_of else "")}" data-value="{escape(value)}">'
        f"{escape(fig.text)}</a>"
    )


def render_html(report: Report, base: str = "") -> str:
    """Return the report as an HTML page; ``base`` prefixes figure links (empty: the serving site's root)."""
    as_of = report.as_of.isoformat()
    body = [
        f"<h1>{escape(report.title)}</h1>",
        f'<p class="caption">{escape(report.caption)}</p>',
        f'<p class="addressee">{escape(report.addressee)}</p>',
    ]
    for block in report.blocks:
        if isinstance(block, Chart):
            body.append(f"<figure>{render_svg(block)}</figure>")
            continue
        assert isinstance(block, Paragraph)
        inner = "".join(
            escape(run) if isinstance(run, str) else _figure(run, report.plan_code, as_of, base) for run in block.runs
        )
        tag = TAGS.get(block.style, "p")
        body.append(f"<{tag}>{inner}</{tag}>")
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(report.title)}</title><style>{CSS}</style></head>"
        f'<body><main class="report">{"".join(body)}</main></body></html>\n'
    )
