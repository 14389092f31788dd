"""A report's figure beside a unit's own record of the same item and date: do they agree, within rounding?

Pure. A report prints figures rounded (增长6.1%, 2.02万户); a unit submits what its ledger
says (6.08). The two agree when the unit's figure rounds to the report's at the precision the
report wrote it in: half a unit of the report's last decimal place, in the item's unit (a
report's 6320户 against an item in 万户 allows 0.00005 万户). Anything further apart is
marked 不一致 on the item page and in the API, both figures shown with their sources.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

#: The number a report wrote (digits, thousands separators, one decimal point).
WRITTEN_NUMBER = re.compile(r"\d[\d,，]*(?:\.(\d+))?")
#: Slack for binary floating point when the written precision is met exactly.
FLOAT_SLACK = 1e-9


def rounding_allowance(report_value: float, quote: str) -> float:
    """Return how far a figure may be from ``report_value`` and still round to what the report wrote in ``quote``.

    Half a unit of the last decimal the report wrote, scaled into the item's unit (the
    report's value over the number as written); a quote with no number allows only float slack.
    """
    found = WRITTEN_NUMBER.search(quote or "")
    if found is None:
        return FLOAT_SLACK
    written = float(found.group(0).replace(",", "").replace("，", ""))
    decimals = len(found.group(1) or "")
    scale = abs(report_value / written) if written else 1.0
    return 0.5 * 10.0**-decimals * scale + FLOAT_SLACK * max(1.0, abs(report_value))


def agrees(unit_value: float | None, report_value: float | None, quote: str) -> bool:
    """Tell whether a unit's figure and a report's figure are the same within the report's rounding."""
    if unit_value is None or report_value is None:
        return unit_value is report_value
    return abs(unit_value - report_value) <= rounding_allowance(report_value, quote)


@dataclass(frozen=True, slots=True)
class Beside:
    """A report figure and the unit's own record of that item and date (None when the unit has none)."""

    as_of: date | None
    report: Any  # a ``planwatch.store.report_figures.ReportFigure``
    unit: Any | None  # a ``ProgressRecord`` a unit submitted
    differs: bool


def pair(unit_records: list[Any], figures: list[Any]) -> list[Beside]:
    """Pair each report figure with the unit's record of the same date (not a milestone), and judge them.

    ``unit_records``: the item's progress records a unit submitted (source unit, no document);
    when a date has several, the last saved one is the unit's figure.
    """
    by_date = {r.as_of: r for r in unit_records if not r.milestone_key}
    out = []
    for figure in figures:
        unit = by_date.get(figure.as_of)
        differs = unit is not None and not agrees(unit.value, figure.value, figure.quote)
        out.append(Beside(figure.as_of, figure, unit, differs))
    return out
