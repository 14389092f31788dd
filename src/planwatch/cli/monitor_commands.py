"""``planwatch status`` and ``planwatch alerts``: the status board and the alert list.

Thin commands: open the store, load what status needs (``latest_only``), call
:func:`planwatch.monitor.evaluate`, and render.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import click

from planwatch.cli.options import DATABASE, as_of_option

FORMATS = ("table", "json", "csv", "xlsx")
KIND_CHOICES = {"指标": "target", "任务": "task", "项目": "project", "民生实事": "livelihood"}
ROLLUP_CHOICES = {"领域": "work_area", "单位": "owner_unit", "区县": "district"}


def _board_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add the options status and alerts share."""
    options = [
        click.option("--plan", "plan_code", metavar="PLAN", help="计划编码；库中只有一个计划时可省略"),
        as_of_option(help="截至日期，如 2025-06-30；默认：计划年度内为今天，已结束的年度为多数事项报送所到的月末"),
        click.option("--area", "areas", multiple=True, metavar="领域", help="只看某工作领域（编码或名称，可重复）"),
        click.option("--unit", "units", multiple=True, metavar="单位", help="只看某责任单位（可重复）"),
        click.option("--district", "districts", multiple=True, metavar="区县", help="只看某区县（编码或名称，可重复）"),
        click.option(
            "--kind",
            "kinds",
            multiple=True,
            type=click.Choice([*KIND_CHOICES, *KIND_CHOICES.values()]),
            help="只看某类事项：指标、任务、项目、民生实事（可重复）",
        ),
        click.option(
            "--format",
            "fmt",
            type=click.Choice(FORMATS),
            default="table",
            show_default=True,
            help="xlsx：监测台账（汇总、预警事项、各类事项，灯号着色），须用 -o 指定文件",
        ),
        click.option("-o", "--output", type=click.Path(dir_okay=False), help="写入文件（原子写入），而不是屏幕"),
        DATABASE,
    ]
    for option in reversed(options):
        command = option(command)
    return command


def load_board(url: str | None, plan_code: str | None, as_of: date | None, filters: dict[str, Any]):
    """Return the board of the chosen plan as of the chosen (or default) date inside the filters."""
    return load_selection(url, plan_code, as_of, filters)[0]


def load_selection(url: str | None, plan_code: str | None, as_of: date | None, filters: dict[str, Any]):
    """Return the board inside the filters and each project's annual planned investment (万元).

    The investment is what the ledger's 图表 sheet weights work areas and districts by, as the
    leader's view and the report do (:func:`planwatch.monitor.overview.investment_by`).

    The plan, the default date and the filters are the application layer's
    (:mod:`planwatch.app`), the same the pages and the API use; its refusals become a
    ClickException with their Chinese message.
    """
    from planwatch import app
    from planwatch.cli.options import existing_database
    from planwatch.monitor import overview
    from planwatch.store import Store, StoreError

    store = Store.open(existing_database(url))
    try:
        plan = app.choose_plan(store, plan_code)
        when = app.as_of_for(store, plan, as_of)
        scope = app.Scope.of(
            kind=filters.get("kinds"),
            area=filters.get("areas"),
            unit=filters.get("units"),
            district=filters.get("districts"),
        )
        evaluation = app.evaluate_plan(store, plan, app.check_as_of(plan, when))
        return scope.apply(evaluation.board), overview.planned_investment(evaluation.data)
    except (app.AppError, StoreError) as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        store.close()


@click.command("status")
@_board_options
@click.option("--explain", is_flag=True, help="表格中每项下方列出判断说明（规则、数据、来源）")
@click.option(
    "--by",
    "rollups",
    multiple=True,
    type=click.Choice([*ROLLUP_CHOICES, *ROLLUP_CHOICES.values()]),
    help="表格末尾的汇总方式：领域、单位、区县（可重复；默认按领域）",
)
def status_command(
    plan_code: str | None,
    as_of: date | None,
    areas: tuple[str, ...],
    units: tuple[str, ...],
    districts: tuple[str, ...],
    kinds: tuple[str, ...],
    fmt: str,
    output: str | None,
    url: str | None,
    explain: bool,
    rollups: tuple[str, ...],
) -> None:
    """显示计划执行状态表：每个事项的红黄绿灯、完成率、与时序进度的差距和判断说明。

    \b
    例：planwatch status --plan JC2025 --as-of 2025-06-30
        planwatch status --as-of 2025-06-30 --unit 市发展改革委 --explain
        planwatch status --as-of 2025-06-30 --kind 项目 --by 区县 --format csv > 项目状态.csv
        planwatch status --as-of 2025-06-30 --format xlsx -o 监测台账.xlsx
    """
    from planwatch.monitor import render

    check_output(fmt, output)
    filters = {"areas": areas, "units": units, "districts": districts, "kinds": kinds}
    board, planned = load_selection(url, plan_code, as_of, filters)
    if fmt == "xlsx":
        write_workbook(board, output, planned)  # type: ignore[arg-type]
    elif fmt == "json":
        emit(render.render_json(board), output)
    elif fmt == "csv":
        emit(render.render_csv(board), output, csv=True)
    else:
        by = [ROLLUP_CHOICES.get(b, b) for b in rollups] or ["work_area"]
        emit(render.render_table(board, explain=explain, rollups=by), output)  # type: ignore[arg-type]


@click.command("alerts")
@_board_options
@click.option("--limit", type=click.IntRange(min=1), help="最多列出多少项")
def alerts_command(
    plan_code: str | None,
    as_of: date | None,
    areas: tuple[str, ...],
    units: tuple[str, ...],
    districts: tuple[str, ...],
    kinds: tuple[str, ...],
    fmt: str,
    output: str | None,
    url: str | None,
    limit: int | None,
) -> None:
    """列出预警事项：红灯、逾期和超过报送周期未更新的事项，最严重的在前，附判断说明。

    \b
    例：planwatch alerts --plan JC2025 --as-of 2025-06-30
        planwatch alerts --as-of 2025-06-30 --district 江川区 --limit 20
    """
    from planwatch.monitor import render

    check_output(fmt, output)
    filters = {"areas": areas, "units": units, "districts": districts, "kinds": kinds}
    board, planned = load_selection(url, plan_code, as_of, filters)
    alerts = board.alerts()
    if limit is not None:
        alerts = alerts[:limit]
    if fmt == "xlsx":
        write_workbook(board, output, planned)  # type: ignore[arg-type]
    elif fmt == "json":
        emit(render.render_json(board, alerts), output)
    elif fmt == "csv":
        emit(render.render_csv(board, alerts), output, csv=True)
    else:
        emit(render.render_alerts(board, limit), output)


def check_output(fmt: str, output: str | None) -> None:
    if fmt == "xlsx" and not output:
        raise click.UsageError("--format xlsx 须用 -o 指定要写入的文件，例如 -o 监测台账.xlsx")


def emit(text: str, output: str | None, *, csv: bool = False, say: bool = True) -> None:
    """Print ``text``, or write it to ``output`` atomically (UTF-8).

    CSV (``csv=True``, or an ``-o`` file named ``.csv``) carries the byte-order mark Excel
    needs to read UTF-8 Chinese, on the screen (a redirect to a file) as in a file.
    ``say=False`` leaves the "已写入" line to the caller.
    """
    if output is None:
        click.echo(("\ufeff" if csv else "") + text, nl=False)
        return
    from planwatch.atomic import atomic_file

    encoding = "utf-8-sig" if csv or output.lower().endswith(".csv") else "utf-8"
    try:
        with atomic_file(output) as tmp:
            tmp.write_text(text, encoding=encoding)
    except OSError as exc:
        raise click.ClickException(f"{output}：无法写入（{exc.strerror or exc}）") from exc
    if say:
        click.echo(f"已写入 {output}", err=True)


def write_workbook(board: Any, output: str, planned: dict[str, float]) -> None:
    """Write the 监测台账 with its 图表 sheet weighted by ``planned`` investment, as the web's ledger is."""
    from planwatch.exports.status_workbook import write_status_workbook

    written = write_status_workbook(board, output, planned)
    sheets = "，".join(f"{name} {rows} 行" for name, rows in written.items())
    click.echo(f"已写入监测台账 {output}（{sheets}）", err=True)
