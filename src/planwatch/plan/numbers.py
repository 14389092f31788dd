"""Numbers as people read them: the one place that formats a number, for pages, messages, exports and reports.

Two registers share one set of rules. Pages and tables group thousands and keep a fixed
decimal in percentages so that columns line up (12,345.6 · 50.0% · +3.5个百分点); the
report and the status explanations write prose, where a figure has no grouping and no
trailing zeros (12345.6 · 50% · 13个百分点 · 26.5亿元). Both round the same way, both say
``—`` for a missing figure and for NaN or an infinity (no page, table or message ever shows
``inf%`` or ``nan``), and neither ever prints a negative zero (-0, -0.0%).
"""

from __future__ import annotations

import math

#: 万元 per 亿元: plan ledgers keep money in 万元, reports speak in 亿元.
WAN_PER_YI = 10_000

#: What a gap between two percentages is measured in.
POINTS = "个百分点"

MISSING = "—"


def _missing(value: float | None) -> bool:
    return value is None or not math.isfinite(value)


def _fixed(value: float, digits: int, spec: str = "") -> str:
    """Return ``value`` with exactly ``digits`` decimals (``spec``: "," groups, "+" signs); never "-0"."""
    if round(value, digits) == 0:
        value = 0.0  # -0.04 rounds to -0.0: a reader sees no sign on nothing
    return f"{value:{spec}.{digits}f}"


def _trimmed(text: str) -> str:
    return text.rstrip("0").rstrip(".") if "." in text else text


def format_number(value: float | None, digits: int = 2, *, grouping: bool = True) -> str:
    """Return a number the way a report writes it: 12,345.6 (trailing zeros dropped); 1.2e+20 when absurd.

    ``grouping=False`` leaves out the thousands separators, as prose and chart labels do.
    """
    if _missing(value):
        return MISSING
    if abs(value) >= 1e15:
        return f"{value:.3g}"
    return _trimmed(_fixed(value, digits, "," if grouping else ""))


def num(value: float | None) -> str:
    """Return a number as reports word it: at most two decimals, no grouping, no trailing zeros (6.10 → 6.1)."""
    return format_number(value, grouping=False)


def one_decimal(value: float | None) -> str:
    """Return a number rounded to one decimal, a trailing .0 dropped (63.0 → 63, 6.14 → 6.1)."""
    return format_number(value, 1, grouping=False)


def format_percent(ratio: float | None, digits: int = 1) -> str:
    """Return a fraction as a percentage with fixed decimals, as tables show it: 0.5 → 50.0%."""
    if _missing(ratio):
        return MISSING
    return f"{_fixed(ratio * 100, digits)}%"


def pct(share: float | None) -> str:
    """Return a 0..1 share as a percentage as prose writes it, one decimal at most (0.356 → 35.6%, 0.5 → 50%)."""
    if _missing(share):
        return MISSING
    return f"{one_decimal(share * 100)}%"


def format_pp(gap: float | None) -> str:
    """Return a gap in percentage points with its sign, as tables show it: +3.5个百分点."""
    if _missing(gap):
        return MISSING
    return f"{_fixed(gap, 1, '+')}{POINTS}"


def points(gap_pp: float) -> str:
    """Return a gap in percentage points without sign, as prose writes it, one decimal (13.04 → 13个百分点)."""
    return f"{one_decimal(abs(gap_pp))}{POINTS}"


def yi_yuan(wan: float | None) -> str:
    """Return an amount in 万元 as 亿元 with one decimal, as reports write money (265300 → 26.5亿元)."""
    if _missing(wan):
        return MISSING
    return f"{_fixed(wan / WAN_PER_YI, 1)}亿元"


def quantity(value: float | None, unit: str | None) -> str:
    """Return a quantity with its unit (1260公里, 3.6万人, 8万人次); 万元 amounts become 亿元."""
    if unit == "万元":
        return yi_yuan(value)
    if _missing(value):
        return MISSING
    return f"{num(value)}{unit or ''}"


def finite_or_none(value: float | None) -> float | None:
    """Return ``value``, or None for NaN and infinities (JSON has no spelling for them)."""
    return value if value is None or math.isfinite(value) else None
