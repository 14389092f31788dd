"""``planwatch chase``: the 催报 list — which units owe reports, and their pre-filled workbooks.

Thin: load the board as ``status`` does, group its stale items by owner unit
(:mod:`planwatch.monitor.chase`), print or write the list, and with ``--templates`` write each
owing unit a progress workbook that lists the items it leads, ready to send.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from pathlib import Path

import click

from planwatch.cli.monitor_commands import emit, load_board
from planwatch.cli.options import DATABASE, as_of_option

#: Characters a file name may not hold on Windows, where the workbooks are opened.
_UNSAFE_NAME = re.compile(r'[\\/:*?"<>|\s]+')


@click.command("chase")
@click.option("--plan", "plan_code", metavar="PLAN", help="计划编码；库中只有一个计划时可省略")
@as_of_option(help="截至日期，如 2025-06-30；默认：计划年度内为今天，已结束的年度为多数事项报送所到的月末")
@click.option("--unit", "units", multiple=True, metavar="单位", help="只看某责任单位（可重复）")
@click.option("--all", "everyone", is_flag=True, help="也列出事项都已按期报送的单位")
@click.option("--format", "fmt", type=click.Choice(["table", "csv"]), default="table", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="写入文件（原子写入），而不是屏幕")
@click.option(
    "--templates",
    type=click.Path(file_okay=False),
    help="为每个待催报单位生成一份预填好其牵头事项的进展填报表，写入此文件夹",
)
@DATABASE
def chase_command(
    plan_code: str | None,
    as_of: date | None,
    units: tuple[str, ...],
    everyone: bool,
    fmt: str,
    output: str | None,
    templates: str | None,
    url: str | None,
) -> None:
    """催报清单：哪些责任单位的事项超过报送周期未报送进展，最该催的在前。

    \b
    例：planwatch chase --as-of 2025-06-30
        planwatch chase --as-of 2025-06-30 --templates 催报/   （每个单位一份预填进展表）
        planwatch chase --as-of 2025-06-30 --format csv -o 催报清单.csv
    """
    from planwatch.monitor.chase import CHASE_COLUMNS, chase_rows, reporting_duties

    board = load_board(url, plan_code, as_of, {"units": units})
    duties = reporting_duties(board, owing_only=not everyone)
    rows = chase_rows(duties)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow([header for _, header in CHASE_COLUMNS])
        writer.writerows([row[key] for key, _ in CHASE_COLUMNS] for row in rows)
        emit(buffer.getvalue(), output, csv=True)
    else:
        emit(_table(board, duties, rows), output)
    if templates:
        _write_templates(url, board, duties, Path(templates))


def _table(board, duties, rows) -> str:  # type: ignore[no-untyped-def]
    from planwatch.monitor.chase import CHASE_COLUMNS
    from planwatch.monitor.render import clip, format_table

    owing = sum(len(d.owing) for d in duties)
    head = (f"{board.plan.title}（{board.plan.code}）· 截至{board.as_of.isoformat()}\n"
            f"待催报 {owing} 项，涉及 {sum(1 for d in duties if d.owing)} 个责任单位（事项超过报送周期未报送进展）\n")
    if not rows:
        return head + "各责任单位均已按期报送。\n"
    headers = [header for _, header in CHASE_COLUMNS]
    cells = [
        [str(r["unit"]), str(r["items"]), str(r["owing"]), str(r["never"]), str(r["last_report"] or "—"),
         clip(str(r["owed_items"]), 60)]
        for r in rows
    ]
    return head + "\n" + format_table(headers, cells, right=frozenset({1, 2, 3})) + "\n"


def _write_templates(url, board, duties, folder: Path) -> None:  # type: ignore[no-untyped-def]
    from planwatch.exchange.templates import write_template
    from planwatch.exports.tables import blank_progress_rows
    from planwatch.store import Store

    with Store.open(url) as store:
        data = store.load_plan_data(board.plan.code, progress=False)
    written = 0
    for duty in duties:
        if not duty.owing:
            continue
        rows = blank_progress_rows(data, duty.unit)
        if not any(rows.values()):
            continue  # 未明确责任单位: nobody to send it to
        name = f"{_UNSAFE_NAME.sub('_', duty.unit)}-进展填报-{board.as_of.isoformat()}.xlsx"
        try:
            write_template("progress", folder / name, rows=rows)
        except OSError as exc:
            raise click.ClickException(f"{folder / name}：无法写入（{exc.strerror or exc}）") from exc
        written += 1
    click.echo(f"已为 {written} 个待催报单位生成预填进展填报表：{folder}", err=True)
