"""``planwatch audit``: who changed what in a plan and its progress, and when — newest first.

Every save writes one audit row per changed record (see :mod:`planwatch.store.service`);
this command reads them back by plan, item, table, user and date. The table format shows
only the fields an update changed (``value: 12.0 → 15.5``); CSV and JSON carry the whole
record before and after, for whoever checks a figure later.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

import click

from planwatch.cli.monitor_commands import emit
from planwatch.cli.options import EXISTING_DATABASE, parse_date

if TYPE_CHECKING:
    from planwatch.store.summary import AuditEntry

ACTION_LABELS = {"insert": "新增", "update": "修改", "delete": "删除"}
#: Audit table names → what a planning office calls the records in them.
TABLE_LABELS = {
    "plans": "计划",
    "regions": "地区",
    "work_areas": "工作领域",
    "targets": "指标目标",
    "key_tasks": "重点任务",
    "milestones": "任务节点",
    "projects": "重大项目",
    "livelihood_items": "民生实事",
    "progress_records": "进展",
    "documents": "文件",
    "submissions": "报送",
    "target_proposals": "目标建议",
}
HEADERS = ["时间", "用户", "操作", "表", "键", "修改前", "修改后"]
#: The table format folds 修改前 and 修改后 into one column of changed fields.
TABLE_HEADERS = [*HEADERS[:5], "修改前 → 修改后"]
CHANGE_WIDTH = 90  # terminal cells of the change column before it is cut with …
BLANK = "（空）"


def local_time(at: datetime) -> str:
    """Return an audit time as the local wall clock a person reads (to the second)."""
    return at.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def day_start(day: date) -> datetime:
    """Return local midnight at the start of ``day`` as an aware datetime."""
    return datetime.combine(day, time()).astimezone()


def table_name(text: str) -> str:
    """Return the audit table a ``--table`` value names: its own name (projects) or its label (重大项目)."""
    if text in TABLE_LABELS:
        return text
    for name, label in TABLE_LABELS.items():
        if text == label:
            return name
    choices = "、".join(f"{label}（{name}）" for name, label in TABLE_LABELS.items())
    raise click.BadParameter(f"没有“{text}”表，可选：{choices}", param_hint="--table")


def flat(record: Mapping[str, Any] | None, prefix: str = "") -> dict[str, Any]:
    """Return a record's fields with nested ones as ``thresholds.red_gap_pp``; internal ids left out."""
    fields: dict[str, Any] = {}
    for name, value in (record or {}).items():
        if name == "id" or name.endswith("_id"):
            continue
        if isinstance(value, Mapping):
            fields.update(flat(value, f"{prefix}{name}."))
        else:
            fields[f"{prefix}{name}"] = value
    return fields


def value_text(value: Any) -> str:
    """Return a field value as a person reads it: blanks, 是/否, lists joined with 、."""
    if value is None or value == "" or value == []:
        return BLANK
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, list):
        return "、".join(map(str, value))
    return str(value)


def fields_text(fields: Mapping[str, Any]) -> str:
    return "，".join(f"{name}: {value_text(value)}" for name, value in fields.items() if value not in (None, "", []))


def change_text(entry: AuditEntry) -> str:
    """Return what an audit entry changed: ``value: 12.0 → 15.5`` per changed field of an update.

    An insert shows the new record after the arrow, a delete the old one before it.
    """
    before, after = flat(entry.before), flat(entry.after)
    if entry.before is None:
        return f"→ {fields_text(after)}"
    if entry.after is None:
        return f"{fields_text(before)} → （已删除）"
    names = [*before, *(n for n in after if n not in before)]
    changed = [n for n in names if before.get(n) != after.get(n)]
    return "；".join(f"{n}: {value_text(before.get(n))} → {value_text(after.get(n))}" for n in changed)


def render_table(entries: Sequence[AuditEntry]) -> str:
    """Return the entries as an aligned text table (Chinese characters take two cells)."""
    from planwatch.monitor.render import clip, format_table

    rows = [
        [
            local_time(e.at),
            e.user,
            ACTION_LABELS.get(e.action, e.action),
            TABLE_LABELS.get(e.table, e.table),
            e.key,
            clip(change_text(e), CHANGE_WIDTH),
        ]
        for e in entries
    ]
    return format_table(TABLE_HEADERS, rows)


def record_json(record: Mapping[str, Any] | None) -> str:
    return "" if record is None else json.dumps(record, ensure_ascii=False, sort_keys=True)


def render_csv(entries: Sequence[AuditEntry]) -> str:
    """Return the entries as CSV: the whole record before and after as JSON text."""
    from planwatch.exports.writers import csv_cell

    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADERS)
    for e in entries:
        cells = [
            local_time(e.at),
            e.user,
            ACTION_LABELS.get(e.action, e.action),
            TABLE_LABELS.get(e.table, e.table),
            e.key,
            record_json(e.before),
            record_json(e.after),
        ]
        writer.writerow([csv_cell(c) for c in cells])
    return buffer.getvalue()


def render_json(entries: Sequence[AuditEntry]) -> str:
    """Return the entries as a JSON list, field names and values as stored (times in ISO 8601)."""
    items = [
        {
            "id": e.id,
            "at": e.at.astimezone().isoformat(timespec="seconds"),
            "user": e.user,
            "action": e.action,
            "table": e.table,
            "key": e.key,
            "before": e.before,
            "after": e.after,
        }
        for e in entries
    ]
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    return parse_date(value, "/".join(param.opts))


@click.command("audit")
@click.option("--plan", "plan_code", metavar="CODE", help="只看该计划的记录（计划本身及其事项、节点、进展）")
@click.option("--item", "item_code", metavar="CODE", help="只看该事项的记录（事项本身及其节点、进展）")
@click.option("--table", "table", metavar="T", help="只看一张表：重大项目、进展等，或表名 projects、progress_records")
@click.option("--user", "user", metavar="U", help="只看该用户的操作")
@click.option("--since", metavar="DATE", callback=_date, help="从该日起（含）")
@click.option("--until", metavar="DATE", callback=_date, help="到该日止（含）")
@click.option("--limit", default=100, show_default=True, type=click.IntRange(min=0), help="最多列出几条，0 为全部")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True, help="输出格式"
)
@click.option("-o", "--output", "path", type=click.Path(dir_okay=False), help="写入文件，不填则输出到屏幕")
@EXISTING_DATABASE
def audit_command(
    plan_code: str | None,
    item_code: str | None,
    table: str | None,
    user: str | None,
    since: date | None,
    until: date | None,
    limit: int,
    fmt: str,
    path: str | None,
    url: str | None,
) -> None:
    """查看审计日志：谁在何时修改了计划和进展，最新的在前。

    表格只列出修改了的字段（如 value: 12.0 → 15.5）；CSV 和 JSON 带修改前后的完整记录。
    时间为本机时区。

    \b
    例：planwatch audit --plan JC2025 --item P001
        planwatch audit --user 市统计局 --since 2025-07-01 --until 2025-07-31
        planwatch audit --table 进展 --format csv -o 审计.csv
    """
    from planwatch.store import Store

    if since is not None and until is not None and until < since:
        raise click.BadParameter(f"{until.isoformat()} 早于 --since {since.isoformat()}", param_hint="--until")
    with Store.open(url) as store:
        entries = store.audit_entries(
            plan=plan_code,
            item=item_code,
            table=table_name(table) if table is not None else None,
            user=user,
            since=day_start(since) if since is not None else None,
            until=day_start(until + timedelta(days=1)) if until is not None else None,
            limit=limit,
        )
    if fmt == "json":
        text = render_json(entries)
    elif fmt == "csv":
        text = render_csv(entries)
    elif entries:
        more = f"（只列出最新的{limit}条，--limit 0 列出全部）" if limit and len(entries) == limit else ""
        text = f"{render_table(entries)}\n共{len(entries)}条{more}\n"
    else:
        text = "没有符合条件的审计记录\n"
    emit(text, path, csv=fmt == "csv", say=False)
    if path is not None:
        click.echo(f"已写出{len(entries)}条审计记录到 {path}")
