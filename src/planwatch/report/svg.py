"""Charts as SVG markup, written by hand: bars against a mark, a line over the months, a sparkline.

Server-rendered and self-contained (no script, no web font): the planning office's intranet
has no CDN. Every label is escaped; colours follow the board's lights.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from planwatch.report.model import Bar, Chart

COLOURS = {"green": "#2e7d32", "yellow": "#f9a825", "red": "#c62828", "grey": "#9e9e9e"}
FONT = "font-family=\"'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei',sans-serif\""


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
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 {width} {height}" '
        f'width="100%" {FONT} font-size="13"><title>{escape(chart.title)}</title>',
        f'<text x="0" y="18" font-size="15" font-weight="bold">{escape(chart.title)}</text>',
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
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 {width} {height}" '
        f'width="100%" {FONT} font-size="13"><title>{escape(chart.title)}</title>',
        f'<text x="0" y="18" font-size="15" font-weight="bold">{escape(chart.title)}</text>',
        '<polyline fill="none" stroke="#1565c0" stroke-width="2" points="'
        + " ".join(f"{a:.1f},{b:.1f}" for a, b in points)
        + '"/>',
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
    pts = " ".join(
        f"{n / last * (width - 4) + 2:.1f},{height - 3 - (v - low) / span * (height - 6):.1f}" for n, v in shown
    )
    colour = COLOURS.get(light, COLOURS["grey"])
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="spark" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" aria-hidden="true">'
        f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{pts}"/></svg>'
    )


def _clip(text: str, limit: int = 14) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
