"""Who owes a report (催报): the reporting units whose items have no fresh progress, as of a date.

A planning office chases progress unit by unit: one notice per department or company,
listing the items it leads that have had no report within their reporting cycle. The
board already marks those items stale; this groups them by owner unit, worst first, and
says when the unit last reported anything. Pure: a status board in, rows out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from planwatch.monitor.board import UNASSIGNED, ItemStatus, StatusBoard


@dataclass(slots=True)
class UnitDuty:
    """One reporting unit's standing: how many items it leads, how many are overdue for a report."""

    unit: str
    items: int
    owing: list[ItemStatus] = field(default_factory=list)
    last_report: date | None = None

    @property
    def never_reported(self) -> int:
        """How many of the owed items have never been reported this year."""
        return sum(1 for item in self.owing if item.last_report is None)

    @property
    def up_to_date(self) -> int:
        """How many of its items were reported within their cycle (or are not due yet)."""
        return self.items - len(self.owing)


def reporting_duties(board: StatusBoard, *, owing_only: bool = True) -> list[UnitDuty]:
    """Return the owner units with the items they owe a report on, most owed first.

    ``owing_only`` leaves out units whose items are all up to date. Items that name no
    owner unit are grouped under 未明确责任单位, so nothing owed goes unseen.
    """
    duties: dict[str, UnitDuty] = {}
    for item in board.items:
        unit = item.owner_unit or UNASSIGNED["owner_unit"]
        duty = duties.get(unit)
        if duty is None:
            duty = duties[unit] = UnitDuty(unit, 0)
        duty.items += 1
        if item.stale:
            duty.owing.append(item)
        if item.last_report is not None and (duty.last_report is None or item.last_report > duty.last_report):
            duty.last_report = item.last_report
    chosen = [d for d in duties.values() if d.owing or not owing_only]
    for duty in chosen:
        # The longest silent first: never reported, then the oldest last report.
        duty.owing.sort(key=lambda i: (i.last_report is not None, i.last_report or date.min, i.code))
    chosen.sort(key=lambda d: (-len(d.owing), -d.never_reported, d.unit))
    return chosen


#: Columns of the chase list, as (key, Chinese header).
CHASE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("unit", "责任单位"),
    ("items", "牵头事项"),
    ("owing", "待催报"),
    ("never", "年内未报"),
    ("last_report", "最近报送"),
    ("owed_items", "待催报事项"),
)


def chase_rows(duties: list[UnitDuty]) -> list[dict[str, object]]:
    """Return one plain row per unit (keys of :data:`CHASE_COLUMNS`); items as 编码 名称（最近报送）."""
    rows = []
    for duty in duties:
        owed = "；".join(
            f"{i.code} {i.name}（{i.last_report.isoformat() + '报送' if i.last_report else '年内未报'}）"
            for i in duty.owing
        )
        rows.append(
            {
                "unit": duty.unit,
                "items": duty.items,
                "owing": len(duty.owing),
                "never": duty.never_reported,
                "last_report": duty.last_report.isoformat() if duty.last_report else "",
                "owed_items": owed,
            }
        )
    return rows
