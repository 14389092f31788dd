"""Server-rendered charts of the 对比 page: pure functions from panel rows to shapes a template draws as SVG.

No JavaScript library and no CDN: the page is an intranet page, so the coordinates are worked
out here and the template writes ``<rect>``, ``<line>`` and ``<polyline>`` elements (its text
escaped by Jinja like any other). Two charts: targets against outcomes across regions for one
indicator and year, and one region's targets and outcomes over the years.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from planwatch.library.panel import PanelRow

WIDTH = 720
BAR_HEIGHT = 18
ROW_HEIGHT = 28
LABEL_WIDTH = 150
TOP = 24
PLOT_HEIGHT = 220
LEFT = 48


@dataclass(frozen=True, slots=True)
class RegionBar:
    """One region's row: the outcome bar, the target mark (or range band), and their labels."""

    y: float
    label: str
    bar_width: float | None
    actual: float | None
    target_x: float | None
    band: tuple[float, float] | None
    target: str
    met: bool | None


@dataclass(slots=True)
class RegionChart:
    """Targets against outcomes of one indicator in one year, a row per region."""

    title: str
    width: int
    height: int
    zero_x: float
    bars: list[RegionBar] = field(default_factory=list)
    ticks: list[tuple[float, str]] = field(default_factory=list)


@dataclass(slots=True)
class YearChart:
    """One region's targets and outcomes over the years: two polylines and their points."""

    title: str
    width: int
    height: int
    x_labels: list[tuple[float, str]] = field(default_factory=list)
    y_ticks: list[tuple[float, str]] = field(default_factory=list)
    targets: list[tuple[float, float, str]] = field(default_factory=list)
    actuals: list[tuple[float, float, str]] = field(default_factory=list)

    @property
    def target_points(self) -> str:
        return " ".join(f"{x:.1f},{y:.1f}" for x, y, _ in self.targets)

    @property
    def actual_points(self) -> str:
        return " ".join(f"{x:.1f},{y:.1f}" for x, y, _ in self.actuals)


def _label(value: float | None) -> str:
    from planwatch.exchange.cells import shown

    return "—" if value is None else shown(round(value, 4))


def _target_text(row: PanelRow) -> str:
    if row.target_qualifier == "非数值":
        return "目标为文字表述"
    if row.target_value is None:
        return "无目标"
    if row.target_high is not None:
        return f"目标 {_label(row.target_low)}—{_label(row.target_high)}"
    return f"目标 {_label(row.target_value)}"


def _ticks(low: float, high: float, count: int = 5) -> list[float]:
    step = (high - low) / count if high > low else 1.0
    return [low + step * i for i in range(count + 1)]


def region_chart(rows: list[PanelRow], title: str) -> RegionChart | None:
    """Return the chart of ``rows`` (one per region, same indicator, measure and year), or None when empty."""
    values = [v for r in rows for v in (r.actual_value, r.target_value, r.target_high) if v is not None]
    if not rows or not values:
        return None
    low, high = min(0.0, *values), max(0.0, *values)
    span = (high - low) or 1.0
    plot = WIDTH - LABEL_WIDTH - 60

    def x(value: float) -> float:
        return LABEL_WIDTH + (value - low) / span * plot

    chart = RegionChart(title, WIDTH, TOP + ROW_HEIGHT * len(rows) + 30, x(0.0))
    for i, row in enumerate(rows):
        y = TOP + i * ROW_HEIGHT
        band = None
        if row.target_low is not None and row.target_high is not None:
            band = (x(row.target_low), x(row.target_high))
        width = abs(x(row.actual_value) - x(0.0)) if row.actual_value is not None else None
        target_x = x(row.target_value) if row.target_value is not None and band is None else None
        chart.bars.append(
            RegionBar(y, row.region, width, row.actual_value, target_x, band, _target_text(row), row.met)
        )
    chart.ticks = [(x(t), _label(t)) for t in _ticks(low, high)]
    return chart


def year_chart(rows: list[PanelRow], title: str) -> YearChart | None:
    """Return the chart of one region's ``rows`` over the years (same indicator and measure), or None."""
    rows = sorted(rows, key=lambda r: r.year)
    values = [v for r in rows for v in (r.actual_value, r.target_value) if v is not None]
    if len(rows) < 1 or not values:
        return None
    low, high = min(values), max(values)
    pad = (high - low) * 0.15 or abs(high) * 0.1 or 1.0
    low, high = low - pad, high + pad
    years = [r.year for r in rows]
    first, last = min(years), max(years)
    plot_width = WIDTH - LEFT - 30

    def x(year: int) -> float:
        return LEFT + (0.5 if first == last else (year - first) / (last - first)) * plot_width

    def y(value: float) -> float:
        return TOP + (high - value) / (high - low) * PLOT_HEIGHT

    chart = YearChart(title, WIDTH, TOP + PLOT_HEIGHT + 40)
    chart.x_labels = [(x(year), str(year)) for year in years]
    chart.y_ticks = [(y(t), _label(t)) for t in _ticks(low, high, 4)]
    chart.targets = [(x(r.year), y(r.target_value), _label(r.target_value)) for r in rows if r.target_value is not None]
    chart.actuals = [(x(r.year), y(r.actual_value), _label(r.actual_value)) for r in rows if r.actual_value is not None]
    return chart
