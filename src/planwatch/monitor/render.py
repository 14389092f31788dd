"""Render a status board: an aligned Chinese table, JSON, CSV, and the rows for export.

Terminal columns are counted in display cells: CJK characters take two
(``unicodedata.east_asian_width`` W/F), so Chinese names line up with Latin codes.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from functools import lru_cache
from typing import Any

from planwatch.monitor.board import ItemStatus, Rollup, RollupBy, StatusBoard
from planwatch.monitor.wording import LIGHT_SHORT, Light
from planwatch.plan.numbers import finite_or_none, num, pct

ROLLUP_TITLES: dict[str, str] = {"work_area": "按工作领域", "owner_unit": "按责任单位", "district": "按区县"}
ROLLUP_KEY_HEADERS: dict[str, str] = {"work_area": "领域", "owner_unit": "责任单位", "district": "区县"}

#: Columns of an exported status board: (row key, Chinese header).
STATUS_COLUMNS: tuple[tuple[str, str], ...] = (
    ("light", "灯号"),
    ("code", "编码"),
    ("kind", "类别"),
    ("name", "名称"),
    ("work_area", "工作领域"),
    ("owner_unit", "责任单位"),
    ("district", "区县"),
    ("actual", "实际值"),
    ("target", "目标值"),
    ("unit", "单位"),
    ("target_text", "目标表述"),
    ("completion", "完成率（%）"),
    ("time_progress", "时序进度（%）"),
    ("gap_pp", "差距（百分点）"),
    ("state", "状态"),
    ("stale", "数据过期"),
    ("overdue", "逾期"),
    ("last_report", "最近报送"),
    ("explanation", "说明"),
)

NAME_WIDTH = 30
UNIT_WIDTH = 18
WORST_NAME_WIDTH = 16
STALE_LEGEND = "（灯号后带 * 表示超过报送周期未更新）"


# ---------------------------------------------------------------- display width


@lru_cache(maxsize=8192)
def _cells(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def display_width(text: str) -> int:
    """Return how many terminal cells ``text`` takes (wide and full-width characters take two)."""
    if text.isascii():
        return len(text)
    return sum(map(_cells, text))


def clip(text: str, width: int) -> str:
    """Return ``text`` cut to ``width`` cells, ending in … when cut."""
    if display_width(text) <= width:
        return text
    out, used = [], 0
    for ch in text:
        w = display_width(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def pad(text: str, width: int, align: str = "<") -> str:
    """Return ``text`` padded with spaces to ``width`` cells."""
    fill = " " * max(width - display_width(text), 0)
    return fill + text if align == ">" else text + fill


def format_table(headers: Sequence[str], rows: Sequence[Sequence[str]], right: frozenset[int] = frozenset()) -> str:
    """Return rows as an aligned plain-text table; columns in ``right`` are right-aligned."""
    widths = [display_width(h) for h in headers]
    for row in rows:
        for n, cell in enumerate(row):
            widths[n] = max(widths[n], display_width(cell))

    def line(cells: Sequence[str]) -> str:
        return "  ".join(pad(c, widths[n], ">" if n in right else "<") for n, c in enumerate(cells)).rstrip()

    rule = "  ".join("─" * w for w in widths)
    return "\n".join([line(headers), rule, *(line(r) for r in rows)])


# ---------------------------------------------------------------- rows


def status_rows(board: StatusBoard, items: Sequence[ItemStatus] | None = None) -> list[dict[str, Any]]:
    """Return one dict per item, keyed like :data:`STATUS_COLUMNS`, with plain values.

    Shares are given in percent (35.6), dates as ISO text, booleans as 是/否 — the form a
    spreadsheet reader expects. The exporter writes these rows under the Chinese headers.
    """
    rows = []
    for item in board.items if items is None else items:
        rows.append(
            {
                "light": LIGHT_SHORT[item.light],
                "code": item.code,
                "kind": item.kind_label,
                "name": item.name,
                "work_area": board.label_of("work_area", item.work_area_code) if item.work_area_code else "",
                "owner_unit": item.owner_unit or "",
                "district": board.label_of("district", item.district_code) if item.district_code else "",
                "actual": item.actual,
                "target": item.target,
                "target_text": item.target_text or _amount(item.target, item.unit, item.target_high, blank=""),
                "unit": item.unit or "",
                "completion": _percent(item.completion),
                "time_progress": _percent(item.time_progress),
                "gap_pp": item.gap_pp,
                "state": item.state,
                "stale": "是" if item.stale else "否",
                "overdue": "是" if item.overdue else "否",
                "last_report": item.last_report.isoformat() if item.last_report else "",
                "explanation": item.explanation,
            }
        )
    return rows


def _percent(share: float | None) -> float | None:
    return None if share is None else round(share * 100, 1)


# ---------------------------------------------------------------- table


def headline(board: StatusBoard) -> str:
    """Return the title line: plan, as-of date and time progress."""
    plan = board.plan
    return f"{plan.title}（{plan.code}）· 截至{board.as_of.isoformat()} · 时序进度{pct(board.time_progress)}"


def summary_line(board: StatusBoard, items: Sequence[ItemStatus] | None = None) -> str:
    """Return 合计 N 项：绿 a · 黄 b · 红 c · 灰 d；数据过期 s 项."""
    chosen = board.items if items is None else items
    counts = dict.fromkeys(Light, 0)
    for item in chosen:
        counts[item.light] += 1
    lights = " · ".join(f"{LIGHT_SHORT[light]} {counts[light]}" for light in Light)
    stale = sum(1 for i in chosen if i.stale)
    overdue = sum(1 for i in chosen if i.overdue)
    return f"合计 {len(chosen)} 项：{lights}；数据过期 {stale} 项；逾期 {overdue} 项"


def item_table(board: StatusBoard, items: Sequence[ItemStatus], explain: bool = False) -> str:
    """Return the items as an aligned table; with ``explain`` each row is followed by its explanation."""
    headers = ["灯", "编码", "类别", "名称", "责任单位", "实际", "目标", "完成率", "差距", "状态"]
    rows = [
        [
            LIGHT_SHORT[i.light] + ("*" if i.stale else ""),
            i.code,
            i.kind_label,
            clip(i.name, NAME_WIDTH),
            clip(i.owner_unit or "", UNIT_WIDTH),
            i.actual_text or _amount(i.actual, i.unit),
            i.target_text or _amount(i.target, i.unit, i.target_high),
            pct(i.completion) if i.completion is not None else "—",
            _signed(i.gap_pp),
            i.state,
        ]
        for i in items
    ]
    table = format_table(headers, rows, right=frozenset({5, 6, 7, 8}))
    if not explain:
        return table
    lines = table.split("\n")
    out = lines[:2]
    for line, item in zip(lines[2:], items, strict=True):
        out.append(line)
        out.append(f"    {item.explanation}")
    return "\n".join(out)


def rollup_table(board: StatusBoard, by: RollupBy, items: Sequence[ItemStatus] | None = None) -> str:
    """Return a roll-up as a table: counts per light, stale, average completion, worst items."""
    scoped = board if items is None else _with_items(board, items)
    rows = [_rollup_row(r) for r in scoped.rollup(by)]
    headers = [ROLLUP_KEY_HEADERS[by], "项数", "绿", "黄", "红", "灰", "过期", "平均完成率", "最需关注"]
    return format_table(headers, rows, right=frozenset({1, 2, 3, 4, 5, 6, 7}))


def _rollup_row(rollup: Rollup) -> list[str]:
    return [
        clip(rollup.label, 24),
        str(rollup.total),
        *(str(rollup.counts[light]) for light in Light),
        str(rollup.stale),
        pct(rollup.average_completion) if rollup.average_completion is not None else "—",
        "、".join(clip(i.name, WORST_NAME_WIDTH) for i in rollup.worst) or "—",
    ]


def render_table(
    board: StatusBoard,
    *,
    items: Sequence[ItemStatus] | None = None,
    explain: bool = False,
    rollups: Sequence[RollupBy] = ("work_area",),
) -> str:
    """Return the status board as text: title, item table, summary line and roll-ups."""
    chosen = board.items if items is None else list(items)
    parts = [headline(board), ""]
    parts.append(item_table(board, chosen, explain) if chosen else "（没有符合条件的事项）")
    parts += ["", summary_line(board, chosen), STALE_LEGEND]
    for by in rollups:
        if chosen:
            parts += ["", f"{ROLLUP_TITLES[by]}汇总：", rollup_table(board, by, chosen)]
    return "\n".join(parts) + "\n"


def render_alerts(board: StatusBoard, limit: int | None = None) -> str:
    """Return the alert list (red, stale, overdue; worst first) with every explanation."""
    alerts = board.alerts()
    shown = alerts if limit is None else alerts[:limit]
    parts = [headline(board), f"预警事项 {len(alerts)} 项（红灯、逾期、超过报送周期未更新），按严重程度排列：", ""]
    if not shown:
        parts.append("（没有预警事项）")
    else:
        parts.append(item_table(board, shown, explain=True))
    if len(shown) < len(alerts):
        parts += ["", f"……另有 {len(alerts) - len(shown)} 项未列出"]
    if shown:
        parts += ["", STALE_LEGEND]
    return "\n".join(parts) + "\n"


def _amount(value: float | None, unit: str | None, high: float | None = None, blank: str = "—") -> str:
    if value is None:
        return blank
    text = num(value) if high is None else f"{num(value)}—{num(high)}"
    return text + (unit or "")


def _signed(value: float | None) -> str:
    if value is None:
        return "—"
    return f"+{num(value)}" if value > 0 else num(value)


def _with_items(board: StatusBoard, items: Sequence[ItemStatus]) -> StatusBoard:
    return replace(board, items=list(items))


# ---------------------------------------------------------------- JSON and CSV


def board_dict(board: StatusBoard, items: Sequence[ItemStatus] | None = None) -> dict[str, Any]:
    """Return the board as plain data (what the JSON output and the web API carry)."""
    chosen = board.items if items is None else list(items)
    scoped = board if items is None else _with_items(board, chosen)
    counts = scoped.counts()
    return {
        "plan": {"code": board.plan.code, "title": board.plan.title, "year": board.plan.year},
        "as_of": board.as_of.isoformat(),
        "time_progress": finite_or_none(board.time_progress),
        "summary": {
            "total": len(chosen),
            **{light.value: counts[light] for light in Light},
            "stale": scoped.stale_count(),
            "overdue": sum(1 for i in chosen if i.overdue),
        },
        "rollups": {by: [_rollup_dict(r) for r in scoped.rollup(by)] for by in ("work_area", "owner_unit", "district")},
        # the whole board's figures under the API's names (/api/status), whatever items are listed:
        # the same numbers the table's headline and "预警事项 N 项" line give
        "counts": {light.value: n for light, n in board.counts().items()},
        "alert_count": len(board.alerts()),
        "stale_count": board.stale_count(),
        "overdue_count": sum(1 for i in board.items if i.overdue),
        "items": [item_dict(i) for i in chosen],
    }


def item_dict(item: ItemStatus) -> dict[str, Any]:
    """Return one item status as plain data."""
    return {
        "code": item.code,
        "kind": item.kind.value,
        "name": item.name,
        "work_area_code": item.work_area_code,
        "owner_unit": item.owner_unit,
        "district_code": item.district_code,
        "light": item.light.value,
        "state": item.state,
        "numbers": {name: finite_or_none(value) for name, value in item.numbers.items()},
        "unit": item.unit,
        "actual_text": item.actual_text,
        "target_text": item.target_text,
        "stale": item.stale,
        "overdue": item.overdue,
        "last_report": item.last_report.isoformat() if item.last_report else None,
        "explanation": item.explanation,
    }


def _rollup_dict(rollup: Rollup) -> dict[str, Any]:
    return {
        "key": rollup.key,
        "label": rollup.label,
        "total": rollup.total,
        "counts": {light.value: n for light, n in rollup.counts.items()},
        "stale": rollup.stale,
        "average_completion": finite_or_none(rollup.average_completion),
        "worst": [i.code for i in rollup.worst],
    }


#: Above this many items JSON is written compact: the indenting encoder is pure Python and
#: several times slower than the C one.
JSON_INDENT_LIMIT = 5000


def render_json(board: StatusBoard, items: Sequence[ItemStatus] | None = None) -> str:
    """Return the board as JSON (UTF-8 Chinese kept readable; indented unless very large)."""
    data = board_dict(board, items)
    indent = 2 if len(data["items"]) <= JSON_INDENT_LIMIT else None
    # allow_nan=False: JSON has no Infinity or NaN; the figures above are made finite or null
    return json.dumps(data, ensure_ascii=False, indent=indent, default=_json_default, allow_nan=False) + "\n"


def _json_default(value: object) -> object:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def render_csv(board: StatusBoard, items: Sequence[ItemStatus] | None = None) -> str:
    """Return the board as CSV with Chinese headers, one row per item."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([header for _, header in STATUS_COLUMNS])
    for row in status_rows(board, items):
        writer.writerow(["" if row[key] is None else row[key] for key, _ in STATUS_COLUMNS])
    return buffer.getvalue()
