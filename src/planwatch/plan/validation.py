"""One set of checks on a progress record, for every way figures come in.

The importer, the web form, the upload, the API (through :mod:`planwatch.app`) and the
store writer all call :func:`refusals`: a record with a problem is refused with a Chinese
message naming the field, and nothing is written. :func:`entry_warnings` finds what is
allowed but suspicious — a year-to-date total below the one before, a jump of more than
``jump_factor`` times — which the submitter must confirm and the reviewer later sees.
Limits are data (:class:`EntryLimits`), not numbers spread through the code.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from planwatch.plan.fold import adds_up, fold
from planwatch.plan.model import KeyTask, LivelihoodItem, PlanItem, ProgressRecord, Project, Target, TargetMeasure
from planwatch.plan.numbers import format_number

#: Field → its Chinese name, as the form, the template and the messages call it.
FIELD_LABELS: dict[str, str] = {
    "item_code": "事项编码",
    "as_of": "截至日期",
    "period_start": "起始日期",
    "value": "数值",
    "milestone_key": "节点",
    "narrative": "情况说明",
    "source_unit": "报送单位",
    "source_document": "来源文件",
    "source_quote": "来源原文",
    "file": "上传文件",
}

#: Longest text per field, in characters (the database columns are no narrower).
TEXT_LIMITS: dict[str, int] = {
    "item_code": 64,
    "milestone_key": 64,
    "narrative": 2000,
    "source_unit": 200,
    "source_document": 500,
    "source_quote": 4000,
}

#: Files an upload may be, by suffix.
UPLOAD_SUFFIXES: tuple[str, ...] = (".xlsx", ".csv", ".zip")
#: What a unit's progress workbook uploaded on the web may be: the template's own format.
WORKBOOK_SUFFIXES: tuple[str, ...] = (".xlsx",)


@dataclass(frozen=True, slots=True)
class EntryLimits:
    """The bounds a figure must keep; change them here (or pass another) rather than in code."""

    #: No figure of a city plan (万元, 亿元, 个, %) comes near this.
    max_value: float = 1e12
    #: A figure above this many times the item's annual target is a typo, not progress.
    max_times_target: float = 1000.0
    #: A growth rate or ratio beyond ± this many percent is not a rate anyone reports.
    max_rate: float = 1000.0
    #: A year-to-date total more than this many times the one before asks for confirmation.
    jump_factor: float = 3.0
    max_upload_bytes: int = 20 * 1024 * 1024
    text_limits: Mapping[str, int] = field(default_factory=lambda: dict(TEXT_LIMITS))


LIMITS = EntryLimits()


@dataclass(frozen=True, slots=True)
class Bounds:
    """What one item's figures may be: negative or not, and the largest plausible size."""

    negative_ok: bool = False
    ceiling: float = LIMITS.max_value


@dataclass(frozen=True, slots=True)
class Problem:
    """One refusal: the field (``value``, ``as_of`` …) and what is wrong with it, in Chinese.

    ``detail`` is what a place that already names the field shows (the importer's
    sheet/row/column); ``message`` (and ``str()``) names the field first: 数值：不能为负数（-100）.
    """

    field: str
    detail: str

    @property
    def message(self) -> str:
        return f"{FIELD_LABELS.get(self.field, self.field)}：{self.detail}"

    def __str__(self) -> str:
        return self.message


def shown(value: float) -> str:
    """Return a number as a message shows it, NaN and infinities by name."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "无穷大" if value > 0 else "负无穷大"
    return format_number(value, 4)


def bounds_of(item: PlanItem | None, limits: EntryLimits = LIMITS) -> Bounds:
    """Return the bounds of an item's figures (see :func:`bounds_for`), from the item itself."""
    if item is None:
        return bounds_for(None, None, limits)
    size: float | None = None
    measure: TargetMeasure | None = None
    if isinstance(item, Target):
        measure = item.measure
        size = max(abs(item.value), abs(item.value_high or 0.0))
    elif isinstance(item, KeyTask):
        size = item.annual_quantity
    elif isinstance(item, Project):
        size = max(item.annual_planned_investment, item.total_investment)
    elif isinstance(item, LivelihoodItem):
        size = item.goal_quantity
    return bounds_for(measure, size, limits)


def bounds_for(measure: TargetMeasure | None, size: float | None, limits: EntryLimits = LIMITS) -> Bounds:
    """Return the bounds of figures of a target ``measure`` (None: an amount) with annual ``size``.

    A growth rate may fall below zero; a ratio or an amount may not. Rates keep within
    ``max_rate``; an amount within ``max_times_target`` times its annual size when it has
    one, never above ``max_value``.
    """
    if measure is not None and measure is not TargetMeasure.LEVEL:
        return Bounds(negative_ok=measure is TargetMeasure.GROWTH, ceiling=limits.max_rate)
    ceiling = limits.max_value
    if size is not None and math.isfinite(size) and size > 0:
        ceiling = min(ceiling, limits.max_times_target * size)
    return Bounds(negative_ok=False, ceiling=ceiling)


def text_problem(name: str, text: str | None, limits: EntryLimits = LIMITS) -> Problem | None:
    """Return the refusal of a text longer than its field allows, or None."""
    limit = limits.text_limits.get(name)
    if text is None or limit is None or len(text) <= limit:
        return None
    return Problem(name, f"过长：{len(text):,}个字符，最多{limit:,}个字符")


def value_problem(value: float | None, bounds: Bounds) -> Problem | None:
    """Return the refusal of a figure that is no number, negative where it cannot be, or absurdly large."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        return Problem("value", f"应为数字，不是“{str(value)[:50]}”")
    if not math.isfinite(value):
        return Problem("value", f"不是有效数字（{shown(value)}）")
    if value < 0 and not bounds.negative_ok:
        return Problem("value", f"不能为负数（{shown(value)}）")
    if abs(value) > bounds.ceiling:
        limit = shown(bounds.ceiling)
        return Problem("value", f"{shown(value)}超出合理范围（此事项不超过{limit}），请核对单位和位数")
    return None


def date_problems(record: ProgressRecord, year: int) -> list[Problem]:
    """Return the refusals of dates outside the plan year or in the wrong order."""
    problems = []
    for name, day in (("as_of", record.as_of), ("period_start", record.period_start)):
        if day is not None and day.year != year:
            problems.append(Problem(name, f"日期{day.isoformat()}不在计划年度{year}年内"))
    if record.period_start is not None and record.period_start > record.as_of:
        problems.append(
            Problem(
                "period_start",
                f"{record.period_start.isoformat()}晚于截至日期{record.as_of.isoformat()}",
            )
        )
    return problems


def refusals(
    record: ProgressRecord, year: int, bounds: Bounds | None = None, limits: EntryLimits = LIMITS
) -> list[Problem]:
    """Return every reason to refuse ``record`` for a plan of ``year`` (empty: it may be written)."""
    problems: list[Problem] = []
    texts = {
        "item_code": record.item_code,
        "milestone_key": record.milestone_key,
        "narrative": record.narrative,
        "source_unit": record.source.unit if record.source else None,
        "source_document": record.source.document if record.source else None,
        "source_quote": record.source.quote if record.source else None,
    }
    for name, text in texts.items():
        found = text_problem(name, text, limits)
        if found is not None:
            problems.append(found)
    found = value_problem(record.value, bounds or Bounds(ceiling=limits.max_value))
    if found is not None:
        problems.append(found)
    if isinstance(record.as_of, date):
        problems.extend(date_problems(record, year))
    return problems


def entry_warnings(
    records: Sequence[ProgressRecord],
    history: Mapping[str, Iterable[ProgressRecord]],
    items: Mapping[str, PlanItem],
    limits: EntryLimits = LIMITS,
) -> dict[tuple[str, date, str | None], str]:
    """Return what to confirm about new records, by (item, as-of, milestone): the Chinese warning.

    Each record is compared with the item's year-to-date total from the records dated
    before it — the stored ``history`` with the new records replacing stored ones of the
    same key. Only items whose figures add up are looked at (a growth rate may fall).
    """
    by_item: dict[str, list[ProgressRecord]] = {}
    for record in records:
        by_item.setdefault(record.item_code, []).append(record)
    found: dict[tuple[str, date, str | None], str] = {}
    for code, new in by_item.items():
        item = items.get(code)
        if item is None or not adds_up(item) or all(r.value is None for r in new):
            continue
        merged = {(r.as_of, r.milestone_key): r for r in history.get(code, ())}
        merged.update({(r.as_of, r.milestone_key): r for r in new})
        ordered = sorted(merged.values(), key=lambda r: r.as_of)
        for record in new:
            if record.value is None or not math.isfinite(record.value):
                continue
            prior = [r for r in ordered if r.as_of < record.as_of]
            before, basis = fold(prior)
            if before is None or not basis:
                continue
            when = basis[-1].as_of.isoformat()
            now = record.value if record.cumulative else before + record.value
            said = []
            if record.cumulative and now < before:
                said.append(f"年初累计数{shown(now)}低于此前的{shown(before)}（截至{when}）")
            if before > 0 and now > limits.jump_factor * before:
                said.append(f"累计{shown(now)}是此前{shown(before)}（截至{when}）的{now / before:.1f}倍")
            if said:
                found[(record.item_code, record.as_of, record.milestone_key)] = "；".join(said) + "，请核对"
    return found


def upload_problem(
    name: str, size: int, limits: EntryLimits = LIMITS, suffixes: tuple[str, ...] = UPLOAD_SUFFIXES
) -> Problem | None:
    """Return the refusal of an uploaded file of the wrong type (not one of ``suffixes``) or too large, or None."""
    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if suffix not in suffixes:
        kinds = "、".join(suffixes)
        return Problem("file", f"“{name[:100]}”的类型不受支持：只接受{kinds}文件")
    if size > limits.max_upload_bytes:
        mb = limits.max_upload_bytes / 1024 / 1024
        return Problem("file", f"“{name[:100]}”过大（{size / 1024 / 1024:.1f} MB），最大{mb:g} MB")
    return None
