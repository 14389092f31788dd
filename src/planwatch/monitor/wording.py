"""The Chinese words and number formats of status explanations, kept in one place."""

from __future__ import annotations

import math
from datetime import date
from enum import StrEnum

from planwatch.plan.model import ItemKind, ReportingCycle


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


def num(value: float) -> str:
    """Return a number as reports write it: at most two decimals, no trailing zeros ("—" for NaN, ±inf)."""
    if not math.isfinite(value):
        return "—"
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def pct(share: float) -> str:
    """Return a 0..1 share as a percentage with one decimal (0.356 → 35.6%), 50% for a half."""
    if not math.isfinite(share):
        return "—"
    return f"{num(round(share * 100, 1))}%"


def day(value: date) -> str:
    """Return a date as 2025-06-30."""
    return value.isoformat()
