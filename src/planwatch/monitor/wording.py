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


# ---------------------------------------------------------------- report figures
#
# The execution report writes numbers the way planning offices do: money in 亿元 with one
# decimal, shares with one decimal, gaps in 个百分点, growth as 增长/下降. These helpers sit
# beside ``num`` and ``pct`` so that the status board and the report word a number alike.

#: 万元 per 亿元: plan ledgers keep money in 万元, reports speak in 亿元.
WAN_PER_YI = 10_000


def one_decimal(value: float) -> str:
    """Return a number rounded to one decimal, a trailing .0 dropped (63.0 → 63, 6.14 → 6.1)."""
    return num(round(value, 1))


def yi_yuan(wan: float) -> str:
    """Return an amount in 万元 as 亿元 with one decimal, as reports write money (265300 → 26.5亿元)."""
    return f"{wan / WAN_PER_YI:.1f}亿元"


def quantity(value: float, unit: str | None) -> str:
    """Return a quantity with its unit (1260公里, 3.6万人, 8万人次); 万元 amounts become 亿元."""
    if unit == "万元":
        return yi_yuan(value)
    return f"{num(value)}{unit or ''}"


def points(gap_pp: float) -> str:
    """Return a gap in percentage points without sign, one decimal (13.04 → 13个百分点)."""
    return f"{one_decimal(abs(gap_pp))}个百分点"


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
