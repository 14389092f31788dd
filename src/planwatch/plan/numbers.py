"""Numbers as people read them: one formatter for pages, messages and exports.

Every function answers ``—`` for a missing figure and for NaN or an infinity, so no
page, table or message ever shows ``inf%`` or ``nan``.
"""

from __future__ import annotations

import math


def format_number(value: float | None, digits: int = 2) -> str:
    """Return a number the way a report writes it: 12,345.6 (trailing zeros dropped); 1.2e+20 when absurd."""
    if value is None or not math.isfinite(value):
        return "—"
    if abs(value) >= 1e15:
        return f"{value:.3g}"
    text = f"{value:,.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def format_percent(ratio: float | None, digits: int = 1) -> str:
    """Return a fraction as a percentage: 0.5 → 50.0%."""
    if ratio is None or not math.isfinite(ratio):
        return "—"
    return f"{ratio * 100:.{digits}f}%"


def format_pp(gap: float | None) -> str:
    """Return a gap in percentage points with its sign: +3.5个百分点."""
    if gap is None or not math.isfinite(gap):
        return "—"
    return f"{gap:+.1f}个百分点"


def finite_or_none(value: float | None) -> float | None:
    """Return ``value``, or None for NaN and infinities (JSON has no spelling for them)."""
    return value if value is None or math.isfinite(value) else None
