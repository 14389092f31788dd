"""The date a board is as of when the user names none: one rule for the CLI, the pages and the API.

The rule (:func:`default_as_of`):

* while the plan year runs, **today** — the board as it stands, with late reports showing
  as stale;
* for a closed (or not yet started) year, **the month end the reports have reached**: the
  latest month end by which at least a quarter of the items that report at all (and at
  least two of them) had sent their latest report. One entry dated 31 December among
  hundreds dated June does not move the board to year end; a closed year is read as far as
  reports go, not at 31 December with everything stale;
* with no reports at all, the plan year's first or last day, whichever is nearer to today.

Only reports the board counts are looked at (the store's per-item latest report dates).
"""

from __future__ import annotations

import calendar
from collections import Counter
from collections.abc import Mapping
from datetime import date
from math import ceil

from planwatch.app.errors import Refused
from planwatch.plan.model import Plan

#: Share of the reporting items whose latest report must have reached a month end.
QUORUM = 0.25
#: ... and at least this many items, so one stray entry never decides.
MIN_ITEMS = 2


def month_end(day: date) -> date:
    """Return the last day of ``day``'s month."""
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def reported_month_end(report_dates: Mapping[date, int]) -> date | None:
    """Return the latest month end that a quorum of reporting items' latest reports reached.

    ``report_dates`` maps a date to the number of items whose latest report is dated on it.
    """
    by_month: Counter[date] = Counter()
    for day, items in report_dates.items():
        by_month[month_end(day)] += items
    total = sum(by_month.values())
    if total <= 0:
        return None
    needed = min(total, max(MIN_ITEMS, ceil(QUORUM * total)))
    reached = 0
    for end in sorted(by_month, reverse=True):
        reached += by_month[end]
        if reached >= needed:
            return end
    return None  # pragma: no cover - reached == total >= needed at the earliest month


def default_as_of(plan: Plan, report_dates: Mapping[date, int], today: date) -> date:
    """Return the as-of date of plan ``plan``'s board when none is given (the rule in the module docstring)."""
    first, last = date(plan.year, 1, 1), date(plan.year, 12, 31)
    if first <= today <= last:
        return today
    within = {day: n for day, n in report_dates.items() if first <= day <= last}
    reported = reported_month_end(within)
    if reported is not None:
        return min(reported, last)
    return min(max(today, first), last)


def check_as_of(plan: Plan, as_of: date) -> date:
    """Return ``as_of`` when it lies in the plan year, else raise :class:`Refused` in Chinese."""
    if as_of.year != plan.year:
        raise Refused(f"截至日期 {as_of.isoformat()} 不在计划年度 {plan.year} 年内。")
    return as_of
