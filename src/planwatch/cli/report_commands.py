"""``planwatch report``: draft the 计划执行情况报告 from the data, and ``report verify`` an edited copy.

Thin: the report layer composes and writes; this module parses options, opens the store
and says what it wrote.
"""

from __future__ import annotations

import sys
from datetime import date

import click

from planwatch.cli.options import EXISTING_DATABASE, as_of_option

FORMAT_CHOICES = ("docx", "html", "md")


class Unreadable(click.ClickException):
    """The report to verify cannot be read: exit 2, apart from 1 (figures that do not match)."""

    exit_code = 2


SOURCE_CHOICES = ("appendix", "comments")


def compose_from_store(url: str | None, plan_code: str | None, as_of: date | None):
    """Return the report of a plan in the store as of a date, or raise a ClickException in Chinese.

    Plan, default date and board come from the application layer, as for ``planwatch status``.
    """
    from planwatch import app
    from planwatch.report import compose_report
    from planwatch.report.inputs import with_history
    from planwatch.store import Store, StoreError

    store = Store.open(url)
    try:
        plan = app.choose_plan(store, plan_code)
        when = app.as_of_for(store, plan, as_of)
        evaluation = app.evaluate_plan(store, plan, when)
        inputs = with_history(store, evaluation.data, evaluation.board)
    except (app.AppError, StoreError) as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        store.close()
    return compose_report(inputs)


@click.group("report", invoke_without_command=True)
@click.option("--plan", "plan_code", metavar="PLAN", help="计划编码；库中只有一个计划时可省略")
@as_of_option(help="截至日期，如 2025-06-30；默认今天（限在计划年度内）")
@click.option("--format", "fmt", type=click.Choice(FORMAT_CHOICES), default="docx", show_default=True, help="输出格式")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="写入的文件（原子写入）；md 可省略而输出到屏幕")
@click.option(
    "--sources",
    type=click.Choice(SOURCE_CHOICES),
    default="appendix",
    show_default=True,
    help="DOCX 中数字来源的写法：appendix 附“数据来源”表，comments 为每个数字加批注",
)
@click.option(
    "--link-base",
    default="",
    metavar="URL",
    help="HTML 中数字链接的网址前缀，如 http://intranet:8000（默认站内相对地址）",
)
@EXISTING_DATABASE
@click.pass_context
def report_command(
    ctx: click.Context,
    plan_code: str | None,
    as_of: date | None,
    fmt: str,
    output: str | None,
    sources: str,
    link_base: str,
    url: str | None,
) -> None:
    """起草计划执行情况报告（DOCX 按 GB/T 9704 排版；HTML 中每个数字链接到来源记录）。

    \b
    例：planwatch report --plan JC2025 --as-of 2025-06-30 --format docx -o 执行情况报告.docx
        planwatch report --as-of 2025-06-30 --format docx --sources comments -o 报告-批注.docx
        planwatch report --as-of 2025-06-30 --format html -o 报告.html
        planwatch report verify 报告-修改稿.docx --plan JC2025 --as-of 2025-06-30
    """
    if ctx.invoked_subcommand is not None:
        return
    if output is None and fmt != "md":
        raise click.UsageError(f"--format {fmt} 须用 -o 指定要写入的文件，例如 -o 执行情况报告.{fmt}")
    from planwatch.report.output import report_bytes, write_report

    report = compose_from_store(url, plan_code, as_of)
    if output is None:
        click.echo(report_bytes(report, "md").decode("utf-8"), nl=False)
        return
    write_report(report, output, fmt, sources, link_base)  # type: ignore[arg-type]
    figures = len(report.figures())
    click.echo(f"已写入报告 {output}（{report.title}，{figures} 个数字均注明来源）", err=True)


@report_command.command("verify")
@click.argument("edited", type=click.Path(exists=True, dir_okay=False))
@click.option("--plan", "plan_code", metavar="PLAN", help="计划编码；库中只有一个计划时可省略")
@as_of_option(help="报告的截至日期，如 2025-06-30")
@EXISTING_DATABASE
def verify_command(edited: str, plan_code: str | None, as_of: date | None, url: str | None) -> None:
    """核对修改后的报告：列出与数据不符的数字和手工添加的数字；全部相符时退出码为 0，否则为 1。

    \b
    例：planwatch report verify 报告-修改稿.docx --plan JC2025 --as-of 2025-06-30
    """
    from planwatch.documents import DocumentError
    from planwatch.report.verify import verify_docx

    report = compose_from_store(url, plan_code, as_of)
    try:
        result = verify_docx(edited, report)
    except DocumentError as exc:
        raise Unreadable(f"无法读取报告：{exc}") from exc
    changed, added = result.changed(), result.added()
    for finding in result.findings:
        click.echo(finding.describe())
    summary = f"{edited}：核对 {result.matched + len(result.findings)} 个数字，相符 {result.matched} 个"
    if result.clean:
        click.echo(summary + "，全部与数据相符。")
        return
    click.echo(summary + f"；与数据不符 {len(changed)} 个，手工添加 {len(added)} 个。")
    sys.exit(1)
