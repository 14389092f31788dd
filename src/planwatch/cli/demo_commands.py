"""``planwatch demo``: build the 江川市 demo database and print its status board as of 30 June.

The first command of the README: one command, a few seconds, and a planning office sees
the whole idea — every item of a city's plan with a light, a roll-up by work area, and
the alerts worth a phone call.
"""

from __future__ import annotations

import click

ALERT_LIMIT = 15  # alerts printed in the table view; the rest are counted
DEMO_YEAR = 2025


@click.command("demo")
@click.option(
    "--db",
    "db_path",
    default="planwatch-demo.sqlite",
    show_default=True,
    metavar="PATH",
    type=click.Path(dir_okay=False),
    help="演示数据库文件（SQLite），已存在则删除重建",
)
@click.option("--as-of", "as_of", default="2025-06-30", show_default=True, metavar="DATE", help="看板截至日期")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
def demo_command(db_path: str, as_of: str, fmt: str) -> None:
    """建立江川市演示数据库（2025年计划及1—6月进展），并输出截至6月30日的监测看板。

    \b
    例：planwatch demo
        planwatch demo --db /tmp/demo.sqlite --as-of 2025-05-31
        planwatch demo --format json > board.json
    """
    from planwatch.cli.monitor_commands import emit
    from planwatch.cli.options import parse_date
    from planwatch.demo import build_demo
    from planwatch.imports.issues import ImportFailed
    from planwatch.monitor import evaluate
    from planwatch.monitor.render import render_csv, render_json
    from planwatch.store import Store

    when = parse_date(as_of)
    if when is None or when.year != DEMO_YEAR:
        raise click.BadParameter(f"演示计划是{DEMO_YEAR}年的计划，截至日期须在{DEMO_YEAR}年内", param_hint="--as-of")
    try:
        built = build_demo(db_path)
    except ImportFailed as exc:  # the bundled data and the importer disagree: a bug, say where
        raise click.ClickException(f"演示数据导入失败：{exc}") from exc
    store = Store.open(built.url)
    try:
        data = store.load_plan_data(built.plan.plan_code, as_of=when, latest_only=True)
    finally:
        store.close()
    board = evaluate(data, when)
    if fmt == "json":
        click.echo(render_json(board), nl=False)
        return
    if fmt == "csv":
        emit(render_csv(board), None, csv=True)
        return
    click.echo(demo_board_text(board, built))


def sample_path() -> str:
    """Return the sample report's path as short as it can be written from the working folder."""
    import os

    from planwatch.demo import SAMPLE_REPORT

    relative = os.path.relpath(SAMPLE_REPORT)
    return str(SAMPLE_REPORT) if relative.startswith("..") else relative


def demo_board_text(board, built) -> str:  # type: ignore[no-untyped-def]
    """Return the terminal view: what was loaded, the summary, per-kind lines, roll-up, top alerts."""
    from planwatch.monitor.render import headline, item_table, rollup_table, summary_line
    from planwatch.monitor.wording import KIND_TITLES

    data_rows = sum(built.plan.rows.values())
    progress_rows = sum(built.progress.rows.values())
    lines = [
        f"已建立演示数据库 {built.path}：江川市2025年计划 {data_rows} 行，"
        f"1—6月进展 {progress_rows} 条（经导入程序校验）",
        "",
        headline(board),
        summary_line(board),
    ]
    for kind, label in KIND_TITLES.items():
        items = [i for i in board.items if i.kind == kind]
        if items:
            lines.append(f"  {label}：{summary_line(board, items)}")
    lines += ["", "按工作领域汇总：", rollup_table(board, "work_area")]
    alerts = board.alerts()
    shown = alerts[:ALERT_LIMIT]
    lines += ["", f"预警事项 {len(alerts)} 项（红灯、逾期、超过报送周期未更新），最需关注的 {len(shown)} 项："]
    lines.append(item_table(board, shown, explain=True) if shown else "（没有预警事项）")
    options = f"--db {built.url} --as-of {board.as_of.isoformat()}"
    lines += [
        "",
        "下一步：",
        f"  planwatch status {options}   # 全部 {len(board.items)} 项",
        f"  planwatch alerts {options}   # 全部预警及说明",
        f"  planwatch ingest {sample_path()} --db {built.url}   # 把报告中的数据记为进展",
        f"  planwatch serve --db {built.url}   # 网页看板，可用下列演示账号登录",
        "",
        "演示账号（密码仅供演示，正式使用请用 planwatch user 建立账号）：",
    ]
    for account in built.accounts:
        unit = f"（{account.unit}）" if account.unit else ""
        lines.append(f"  {account.role}{unit}：用户名 {account.name}  密码 {account.password}")
    return "\n".join(lines)
