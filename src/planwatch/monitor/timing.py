"""Time progress (时序进度): how much of the plan year has passed on an as-of date."""

from __future__ import annotations

import calendar
from datetime import date


def days_in_year(year: int) -> int:
    """Return 366 for a leap year, else 365."""
    return 366 if calendar.isleap(year) else 365


def is_month_end(day: date) -> bool:
    """Return True when ``day`` is the last day of its month."""
    return day.day == calendar.monthrange(day.year, day.month)[1]


def time_progress(as_of: date, year: int, by_days: bool = False) -> float:
    """Return the share of ``year`` elapsed on ``as_of``, 0..1.

    Planning offices quote month ends in whole months (end of June → 50%), so a month end
    gives months/12; any other day gives the days elapsed, the as-of day included, over
    the days of the year. ``by_days`` forces the day count everywhere (a plan setting).
    Dates before the year give 0, after it 1.
    """
    if as_of.year < year:
        return 0.0
    if as_of.year > year:
        return 1.0
    if not by_days and is_month_end(as_of):
        return as_of.month / 12
    return as_of.timetuple().tm_yday / days_in_year(year)
