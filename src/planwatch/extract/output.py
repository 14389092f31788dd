"""Write facts as JSON Lines, CSV or an aligned Chinese table (pure: text in, text out)."""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections.abc import Iterable
from typing import Any

from planwatch.exchange.csv_safety import quote_formula
from planwatch.extract.facts import FIELDS

TABLE_HEADERS: dict[str, str] = {
    "doc": "文件", "span": "位置", "text": "原文", "subject": "指标", "measure": "度量", "value": "数值",
    "unit": "单位", "period": "时期", "modality": "性质", "qualifier": "限定", "baseline": "基期",
    "indicator": "规范指标",
}
MEASURE_NAMES = {"level": "水平", "growth": "增速", "ratio": "比率", "change_pp": "百分点变化", "rank": "位次"}
MODALITY_NAMES = {"actual": "实际", "target": "目标", "plan": "计划"}
QUALIFIER_NAMES = {"over": "超过", "nearly": "接近", "about": "约", "under": "不到", "at_least": "不低于"}


def to_jsonl(rows: Iterable[dict[str, Any]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def to_csv(rows: list[dict[str, Any]]) -> str:
    fields = (["doc"] if rows and "doc" in rows[0] else []) + list(FIELDS)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writerow({k: TABLE_HEADERS.get(k, k) for k in fields})  # Chinese headers, as every CSV we write
    for r in rows:
        writer.writerow({k: _csv_cell(k, r.get(k)) for k in fields})
    return out.getvalue()


def _csv_cell(key: str, value: Any) -> Any:
    """A CSV cell: spans as ``start-end``; text a spreadsheet would run as a formula behind a quote."""
    if key == "span":
        return f"{value[0]}-{value[1]}"
    return quote_formula(value) if isinstance(value, str) else value


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _cell(key: str, value: Any) -> str:
    if value is None:
        return ""
    if key == "span":
        return f"{value[0]}-{value[1]}"
    if key == "measure":
        return MEASURE_NAMES.get(value, value)
    if key == "modality":
        return MODALITY_NAMES.get(value, value)
    if key == "qualifier":
        return QUALIFIER_NAMES.get(value, value)
    if key == "value" and isinstance(value, float):
        return f"{value:,.6f}".rstrip("0").rstrip(".")
    if key == "value" and isinstance(value, int):
        return f"{value:,}"
    return str(value)


def to_table(rows: list[dict[str, Any]]) -> str:
    """An aligned table for reading in a terminal (CJK characters count double width)."""
    keys = (["doc"] if rows and "doc" in rows[0] else []) + [
        "span", "text", "subject", "measure", "value", "unit", "period", "modality", "qualifier", "baseline",
        "indicator"]
    cells = [[TABLE_HEADERS[k] for k in keys]] + [[_cell(k, r.get(k)) for k in keys] for r in rows]
    widths = [max(_width(row[i]) for row in cells) for i in range(len(keys))]
    lines = []
    for row in cells:
        lines.append("  ".join(c + " " * (w - _width(c)) for c, w in zip(row, widths, strict=True)).rstrip())
    lines.insert(1, "  ".join("-" * w for w in widths))
    lines.append(f"共 {len(rows)} 条")
    return "\n".join(lines) + "\n"


def render(rows: list[dict[str, Any]], fmt: str) -> str:
    if fmt == "csv":
        return to_csv(rows)
    if fmt == "table":
        return to_table(rows)
    return to_jsonl(rows)
