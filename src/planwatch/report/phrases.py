"""The report's wording as data: every phrase the composer can choose, in one table per spot.

A writer varies sentences; a template repeated line after line reads as a machine's. Each
spot has several phrasings with the same slots, and :func:`pick` chooses one by a stable
hash of the item code (and a salt per spot), so a report reads varied yet comes out the
same every time it is written from the same data — which is what ``report verify`` needs.
Slots: ``{name}`` item name, ``{qty}`` amount done, ``{pct}`` completion, ``{vs}`` how it
stands against time progress. Text around figures never holds a number of its own.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence

#: A quantified task or 民生实事 with its amount done (``{qty}``) and completion (``{pct}``).
QUANTITY_DONE: tuple[str, ...] = (
    "{name}{qty}，完成年度计划的{pct}，{vs}",
    "{name}{qty}，占年度目标的{pct}，{vs}",
    "累计{name}{qty}，年度计划完成率{pct}，{vs}",
    "{name}已达{qty}，完成全年任务的{pct}，{vs}",
)

#: How completion stands against time progress (``{pp}`` the points, already worded).
AHEAD: tuple[str, ...] = ("超时序进度{pp}", "快于时序进度{pp}", "高于时序进度{pp}")
BEHIND: tuple[str, ...] = ("落后时序进度{pp}", "慢于时序进度{pp}", "低于时序进度{pp}")
LEVEL: tuple[str, ...] = ("与时序进度持平", "与时序进度基本同步")

#: Openers of the groups of a work-area section, when it has more than one (一是/二是 …).
ORDINALS: tuple[str, ...] = ("一是", "二是", "三是", "四是", "五是", "六是", "七是", "八是")
GROUP_OPENERS: dict[str, tuple[str, ...]] = {
    "task": ("重点任务方面，", "从重点任务看，", "在重点任务上，"),
    "milestone": ("节点任务方面，", "按节点推进的任务中，", "对照时间节点，"),
    "project": ("重大项目方面，", "项目建设上，", "从重大项目看，"),
    "livelihood": ("民生实事方面，", "在民生实事上，", "聚焦民生实事，"),
}

#: A task whose milestones are partly done: ``{name}`` the task, ``{steps}`` the done steps quoted.
MILESTONES_DONE: tuple[str, ...] = (
    "{name}已完成{steps}",
    "{name}，{steps}已经完成",
    "围绕{name}，已完成{steps}",
)
MILESTONES_ALL_DONE: tuple[str, ...] = (
    "{name}的各项节点任务已全部完成",
    "{name}已按节点全部完成",
)

#: A work area's projects added up: ``{count}`` ``{done}`` ``{pct}`` ``{vs}``.
AREA_PROJECTS: tuple[str, ...] = (
    "领域内{count}完成投资{done}，年度投资完成率{pct}，{vs}",
    "{count}累计完成投资{done}，完成年度计划的{pct}，{vs}",
)

#: How a rate indicator stands against its target, by the board's state and the gap's sign.
#: ``{pp}`` the gap in 个百分点. Key: (state, sign of the gap: 1, 0 or -1).
TARGET_STANDING: dict[tuple[str, int], tuple[str, ...]] = {
    ("达到目标", 1): ("高于年度目标{pp}", "超出年度目标{pp}"),
    ("达到目标", 0): ("符合年度目标", "与年度目标一致"),
    ("达到目标", -1): ("符合年度预期", "达到年度目标要求"),
    ("好于目标", 1): ("高于年度目标{pp}", "好于年度目标{pp}"),
    ("好于目标", 0): ("好于年度目标",),
    ("好于目标", -1): ("控制在年度目标以内", "低于年度控制目标{pp}"),
    ("基本达到目标", 1): ("基本达到年度目标",),
    ("基本达到目标", 0): ("基本达到年度目标",),
    ("基本达到目标", -1): ("略低于年度目标{pp}", "与年度目标相差{pp}"),
    ("略低于目标", -1): ("略低于年度目标{pp}", "与年度目标尚差{pp}"),
    ("低于目标", -1): ("低于年度目标{pp}", "与年度目标相差{pp}"),
    ("略超控制目标", 1): ("与年度目标尚差{pp}",),
    ("超出控制目标", 1): ("超出年度控制目标{pp}", "高于年度控制目标{pp}"),
    ("控制在目标内", 0): ("控制在年度目标以内",),
    ("控制在目标内", -1): ("控制在年度目标以内", "低于年度控制目标{pp}"),
    ("基本控制在目标内", 1): ("基本控制在年度目标以内",),
    ("基本控制在目标内", 0): ("基本控制在年度目标以内",),
}

#: Items behind schedule: the owner's explanation, ``{unit}`` and ``{note}``.
OWNER_SAYS: tuple[str, ...] = ("据{unit}反映，{note}", "{unit}说明：{note}", "{unit}报告称，{note}")


def pick(options: Sequence[str], key: str, salt: str = "") -> str:
    """Return one of ``options`` chosen by a stable hash of ``key`` (the same every run)."""
    return options[zlib.crc32(f"{salt}:{key}".encode()) % len(options)]


def standing_options(state: str, gap_pp: float) -> tuple[str, ...]:
    """Return the phrasings of a rate indicator's standing against its target (empty: say nothing)."""
    base = state.split("（", 1)[0]  # 好于目标（数据过期） → 好于目标
    sign = 0 if round(gap_pp, 1) == 0 else (1 if gap_pp > 0 else -1)
    return TARGET_STANDING.get((base, sign), ())


_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """Return 1..99 in Chinese numerals, as section numbers are written: 1 → 一, 12 → 十二, 20 → 二十."""
    if n < 10:
        return _DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")
