"""The Chinese words of status explanations and reports, kept in one place (numbers: ``plan.numbers``)."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from planwatch.plan.model import ItemKind, ReportingCycle
from planwatch.plan.numbers import WAN_PER_YI, num, one_decimal, pct, points, quantity, yi_yuan

#: Number formats are ``planwatch.plan.numbers``'; named here too so that older imports keep working.
__all__ = [
    "CYCLE_LABELS",
    "KIND_LABELS",
    "KIND_TITLES",
    "LIGHT_LABELS",
    "LIGHT_RANK",
    "LIGHT_SHORT",
    "WAN_PER_YI",
    "Light",
    "change",
    "day",
    "num",
    "one_decimal",
    "pct",
    "points",
    "quantity",
    "versus_time",
    "worst",
    "yi_yuan",
]


class Light(StrEnum):
    """A traffic light (红黄绿灯); grey means no data or not applicable."""

    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"
    GREY = "grey"


LIGHT_LABELS: dict[Light, str] = {Light.GREEN: "绿灯", Light.YELLOW: "黄灯", Light.RED: "红灯", Light.GREY: "灰灯"}
LIGHT_SHORT: dict[Light, str] = {Light.GREEN: "绿", Light.YELLOW: "黄", Light.RED: "红", Light.GREY: "灰"}

#: How bad a light is, for combining several checks of one item and for sorting alerts.
#: Grey outranks green: a check without data must not be hidden by one that passed.
LIGHT_RANK: dict[Light, int] = {Light.GREEN: 0, Light.GREY: 1, Light.YELLOW: 2, Light.RED: 3}

KIND_LABELS: dict[ItemKind, str] = {
    ItemKind.TARGET: "指标",
    ItemKind.TASK: "任务",
    ItemKind.PROJECT: "项目",
    ItemKind.LIVELIHOOD: "民生实事",
}

#: The plural titles of item kinds, as a board or a workbook heads their sections.
KIND_TITLES: dict[ItemKind, str] = {
    ItemKind.TARGET: "主要指标",
    ItemKind.TASK: "重点任务",
    ItemKind.PROJECT: "重大项目",
    ItemKind.LIVELIHOOD: "民生实事",
}

CYCLE_LABELS: dict[ReportingCycle, str] = {
    ReportingCycle.BIWEEKLY: "半月报",
    ReportingCycle.MONTHLY: "月报",
    ReportingCycle.QUARTERLY: "季报",
    ReportingCycle.SEMIANNUAL: "半年报",
    ReportingCycle.ANNUAL: "年报",
}


def worst(*lights: Light) -> Light:
    """Return the worst of several lights."""
    return max(lights, key=LIGHT_RANK.__getitem__)


def day(value: date) -> str:
    """Return a date as 2025-06-30."""
    return value.isoformat()


# ---------------------------------------------------------------- report figures
#
# How a report words a comparison (超时序进度, 增长/下降, 持平); the numbers inside are
# formatted by ``planwatch.plan.numbers``, the one number format of pages and reports.


def versus_time(gap_pp: float) -> str:
    """Return how completion stands against time progress: 超时序进度13个百分点 / 落后时序进度2.5个百分点."""
    if round(gap_pp, 1) == 0:
        return "与时序进度持平"
    return ("超时序进度" if gap_pp > 0 else "落后时序进度") + points(gap_pp)


def change(value: float, *, rise: str = "增长", fall: str = "下降") -> str:
    """Return a growth rate as reports word it: 增长6.1% / 下降0.3% / 与上年持平."""
    if round(value, 1) == 0:
        return "与上年持平"
    return f"{rise if value > 0 else fall}{one_decimal(abs(value))}%"
