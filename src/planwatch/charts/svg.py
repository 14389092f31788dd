"""Charts as SVG markup, written by hand: bars against a mark, lines over the months or years, sparklines.

The one drawing module of planwatch: the report, the leader's view and the 对比 page all call it.
Server-rendered and self-contained (no script, no web font, no CDN: the planning office's
intranet has none). Every function is pure and returns a string in which every label is
escaped, so a page may insert it as markup. The report's charts carry their colours inline
(the HTML report is one file, and its lights follow the board's); the 对比 page's charts carry
class names its style sheet colours (``chart-svg`` in ``planwatch.css``).
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from planwatch.charts.model import Bar, Chart, TargetBar, YearPoint
from planwatch.plan.numbers import format_number

COLOURS = {"green": "#2e7d32", "yellow": "#f9a825", "red": "#c62828", "grey": "#9e9e9e"}
FONT = "font-family=\"'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei',sans-serif\""

# The 对比 page's charts: a fixed canvas that the page scales down on narrow screens.
PANEL_WIDTH = 720
PANEL_TOP = 24
PANEL_ROW = 28  # one region's row in the chart across regions
PANEL_LABELS = 150  # room for region names on the left
PANEL_PLOT_HEIGHT = 220  # the chart over the years
PANEL_LEFT = 48


def render_svg(chart: Chart, width: int = 640) -> str:
    """Return a chart as an ``<svg>`` element (bars, or a trend line for ``kind='trend'``)."""
    if chart.kind == "trend":
        return trend_svg(chart, width)
    return bars_svg(chart, width)


def _scale(bars: Sequence[Bar]) -> tuple[float, float]:
    values = [v for b in bars for v in (b.value, b.mark) if v is not None]
    low = min([0.0, *values])
    high = max([0.0, *values]) or 1.0
    return low, high * 1.1 if high > 0 else high


def _points(pairs: Sequence[tuple[float, float]]) -> str:
    """Return the ``points`` of a polyline, one decimal each."""
    return " ".join(f"{x:.1f},{y:.1f}" for x, y in pairs)


def _titled(chart: Chart, width: int, height: int) -> list[str]:
    """Return the opening of a report chart: the ``<svg>`` element, its accessible title and its heading."""
    title = escape(chart.title)
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 {width} {height}" '
        f'width="100%" {FONT} font-size="13"><title>{title}</title>',
        f'<text x="0" y="18" font-size="15" font-weight="bold">{title}</text>',
    ]


def bars_svg(chart: Chart, width: int = 640) -> str:
    """Return horizontal bars, one per row, with a vertical mark (time progress or target) per bar."""
    label_w, value_w, row_h, top = 190, 70, 24, 30
    plot_w = width - label_w - value_w
    low, high = _scale(chart.bars)
    span = (high - low) or 1.0

    def x(v: float) -> float:
        return label_w + (v - low) / span * plot_w

    height = top + row_h * len(chart.bars) + 26
    parts = [
        *_titled(chart, width, height),
        f'<line x1="{x(0):.1f}" y1="{top - 4}" x2="{x(0):.1f}" y2="{height - 24}" stroke="#666"/>',
    ]
    for n, bar in enumerate(chart.bars):
        y = top + n * row_h
        parts.append(f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end">{escape(_clip(bar.label))}</text>')
        if bar.value is not None:
            x0, x1 = sorted((x(0), x(bar.value)))
            colour = COLOURS.get(bar.light, COLOURS["grey"])
            parts.append(
                f'<rect x="{x0:.1f}" y="{y + 4}" width="{max(x1 - x0, 1):.1f}" height="{row_h - 8}" fill="{colour}"/>'
            )
        if bar.mark is not None:
            xm = x(bar.mark)
            parts.append(
                f'<line x1="{xm:.1f}" y1="{y + 1}" x2="{xm:.1f}" y2="{y + row_h - 1}" '
                'stroke="#1a237e" stroke-width="2"/>'
            )
        parts.append(f'<text x="{width - value_w + 6}" y="{y + 15}">{escape(bar.text)}</text>')
    if chart.note:
        parts.append(f'<text x="0" y="{height - 6}" font-size="12" fill="#555">注：{escape(chart.note)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def trend_svg(chart: Chart, width: int = 640) -> str:
    """Return a line over the months: one point per bar, labelled with its value."""
    height, left, right, top, bottom = 220, 40, 20, 30, 40
    values = [b.value for b in chart.bars if b.value is not None]
    if not values:
        return bars_svg(chart, width)
    low, high = min(0.0, *values), max(values) * 1.15 or 1.0
    step = (width - left - right) / max(len(chart.bars) - 1, 1)

    def point(n: int, v: float) -> tuple[float, float]:
        return left + n * step, top + (1 - (v - low) / ((high - low) or 1.0)) * (height - top - bottom)

    points = [point(n, b.value) for n, b in enumerate(chart.bars) if b.value is not None]
    parts = [
        *_titled(chart, width, height),
        f'<polyline fill="none" stroke="#1565c0" stroke-width="2" points="{_points(points)}"/>',
    ]
    for n, bar in enumerate(chart.bars):
        if bar.value is None:
            continue
        px, py = point(n, bar.value)
        parts.append(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="3" fill="#1565c0"/>')
        parts.append(
            f'<text x="{px:.1f}" y="{py - 8:.1f}" text-anchor="middle" font-size="11">{escape(bar.text)}</text>'
        )
        parts.append(f'<text x="{px:.1f}" y="{height - bottom + 18}" text-anchor="middle">{escape(bar.label)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def sparkline_svg(values: Sequence[float | None], width: int = 120, height: int = 28, light: str = "grey") -> str:
    """Return a small line of values over the months (a card's sparkline); empty when under two points."""
    shown = [(n, v) for n, v in enumerate(values) if v is not None]
    if len(shown) < 2:
        return ""
    vs = [v for _, v in shown]
    low, high = min(vs), max(vs)
    span = (high - low) or 1.0
    last = max(n for n, _ in shown) or 1
    pts = _points([(n / last * (width - 4) + 2, height - 3 - (v - low) / span * (height - 6)) for n, v in shown])
    colour = COLOURS.get(light, COLOURS["grey"])
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="spark" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" aria-hidden="true">'
        f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{pts}"/></svg>'
    )


def _clip(text: str, limit: int = 14) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ---------------------------------------------------------------- the 对比 page


def label(value: float | None) -> str:
    """Return a figure as the 对比 charts print it (at most four decimals; — when missing)."""
    return format_number(value, 4, grouping=False)


def _ticks(low: float, high: float, count: int = 5) -> list[float]:
    step = (high - low) / count if high > low else 1.0
    return [low + step * i for i in range(count + 1)]


def _panel_svg(kind: str, title: str, height: int) -> str:
    """Return the opening ``<svg>`` of a 对比 chart (``kind`` is its class: across or years)."""
    return (
        f'<svg class="chart-svg {kind}" viewBox="0 0 {PANEL_WIDTH} {height}" width="{PANEL_WIDTH}" '
        f'height="{height}" role="img" aria-label="{escape(title)}">'
    )


def _bar_class(met: bool | None) -> str:
    return "bar-met" if met else ("bar-missed" if met is False else "bar-unknown")


def targets_across_svg(bars: Sequence[TargetBar], title: str) -> str:
    """Return outcomes as bars against target marks (ranges as bands), a row per region; empty when none."""
    values = [v for b in bars for v in (b.actual, b.target, b.high) if v is not None]
    if not bars or not values:
        return ""
    low, high = min(0.0, *values), max(0.0, *values)
    span = (high - low) or 1.0
    plot = PANEL_WIDTH - PANEL_LABELS - 60

    def x(value: float) -> float:
        return PANEL_LABELS + (value - low) / span * plot

    height = PANEL_TOP + PANEL_ROW * len(bars) + 30
    parts = [_panel_svg("across", title, height)]
    for t in _ticks(low, high):
        parts.append(
            f'<line x1="{x(t):.1f}" x2="{x(t):.1f}" y1="16" y2="{height - 24}" class="grid-line"/>'
            f'<text x="{x(t):.1f}" y="{height - 8}" class="tick" text-anchor="middle">{label(t)}</text>'
        )
    for i, bar in enumerate(bars):
        y = PANEL_TOP + i * PANEL_ROW
        target = escape(bar.target_text)
        parts.append(f'<g class="region-row"><text x="{PANEL_LABELS - 8}" y="{y + 13}" text-anchor="end" '
                     f'class="label">{escape(bar.label)}</text>')  # fmt: skip
        band = (x(bar.low), x(bar.high)) if bar.low is not None and bar.high is not None else None
        if band:
            parts.append(
                f'<rect x="{band[0]:.1f}" y="{y - 2}" width="{band[1] - band[0]:.1f}" height="22" '
                f'class="target-band"><title>{target}</title></rect>'
            )
        if bar.actual is not None:
            start, end = sorted((x(0.0), x(bar.actual)))
            parts.append(
                f'<rect x="{start:.1f}" y="{y}" width="{end - start:.1f}" height="18" '
                f'class="bar {_bar_class(bar.met)}">'
                f"<title>实际 {label(bar.actual)}；{target}</title></rect>"
            )
        if bar.target is not None and band is None:
            tx = x(bar.target)
            parts.append(
                f'<line x1="{tx:.1f}" x2="{tx:.1f}" y1="{y - 3}" y2="{y + 21}" class="target-mark">'
                f"<title>{target}</title></line>"
            )
        parts.append(
            f'<text x="{PANEL_WIDTH - 4}" y="{y + 13}" text-anchor="end" class="value">{label(bar.actual)}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)


def years_svg(points: Sequence[YearPoint], title: str) -> str:
    """Return one region's targets (dashed) and outcomes (solid) over the years; empty when no figure."""
    points = sorted(points, key=lambda p: p.year)
    values = [v for p in points for v in (p.actual, p.target) if v is not None]
    if not values:
        return ""
    low, high = min(values), max(values)
    pad = (high - low) * 0.15 or abs(high) * 0.1 or 1.0
    low, high = low - pad, high + pad
    first, last = points[0].year, points[-1].year
    plot_width = PANEL_WIDTH - PANEL_LEFT - 30
    height = PANEL_TOP + PANEL_PLOT_HEIGHT + 40

    def x(year: int) -> float:
        return PANEL_LEFT + (0.5 if first == last else (year - first) / (last - first)) * plot_width

    def y(value: float) -> float:
        return PANEL_TOP + (high - value) / (high - low) * PANEL_PLOT_HEIGHT

    parts = [_panel_svg("years", title, height)]
    for t in _ticks(low, high, 4):
        parts.append(
            f'<line x1="{PANEL_LEFT}" x2="{PANEL_WIDTH - 20}" y1="{y(t):.1f}" y2="{y(t):.1f}" class="grid-line"/>'
            f'<text x="{PANEL_LEFT - 6}" y="{y(t) + 4:.1f}" class="tick" text-anchor="end">{label(t)}</text>'
        )
    for p in points:
        parts.append(f'<text x="{x(p.year):.1f}" y="{height - 10}" class="tick" text-anchor="middle">{p.year}</text>')
    targets = [(x(p.year), y(p.target), label(p.target)) for p in points if p.target is not None]
    actuals = [(x(p.year), y(p.actual), label(p.actual)) for p in points if p.actual is not None]
    for series, kind in ((targets, "target"), (actuals, "actual")):
        if len(series) > 1:
            parts.append(f'<polyline points="{_points([(a, b) for a, b, _ in series])}" class="line-{kind}"/>')
    for px, py, text in targets:
        parts.append(
            f'<circle cx="{px:.1f}" cy="{py:.1f}" r="4" class="dot-target"><title>目标 {text}</title></circle>'
        )
    for px, py, text in actuals:
        parts.append(
            f'<circle cx="{px:.1f}" cy="{py:.1f}" r="4" class="dot-actual"><title>实际 {text}</title></circle>'
            f'<text x="{px:.1f}" y="{py - 8:.1f}" class="value" text-anchor="middle">{text}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
