"""``planwatch template``, ``import`` and ``export``: Excel/CSV in and out of the store."""

from __future__ import annotations

from datetime import date

import click

from planwatch.cli.options import DATABASE, USER, as_of_option

ISSUE_LIMIT = 50  # issues printed before “… 另有N处”

@click.command("template")
@click.argument("path", type=click.Path(dir_okay=False))
@click.option(
    "--kind",
    type=click.Choice(["plan", "progress"]),
    help="模板类型：plan 计划、progress 进展；不填则按文件名（plan.xlsx / progress.xlsx）判断",
)
@click.option("--plan", "plan_code", metavar="CODE", help="进展模板：预先填好该计划各事项的编码和名称")
@click.option("--unit", "owner_unit", metavar="UNIT", help="与 --plan 同用：只列出该单位牵头的事项")
@DATABASE
def template_command(
    path: str, kind: str | None, plan_code: str | None, owner_unit: str | None, url: str | None
) -> None:
    """生成空白填报模板（含填表说明、下拉列表和数据校验）。

    \b
    例：planwatch template plan.xlsx
        planwatch template progress.xlsx
        planwatch template 住建局6月进展.xlsx --kind progress --plan JC2025 --unit 市住建局
    """
    from planwatch.exchange.templates import template_kind_of, write_template

    chosen = kind or template_kind_of(path)
    if chosen is None:
        raise click.UsageError("无法从文件名判断模板类型，请用 --kind plan 或 --kind progress 指定")
    if owner_unit is not None and plan_code is None:
        raise click.UsageError("--unit 须与 --plan 同用")
    rows = None
    if plan_code is not None:
        if chosen != "progress":
            raise click.UsageError("--plan 只用于进展模板（--kind progress）")
        rows = prefilled_rows(url, plan_code, owner_unit)
    try:
        write_template(chosen, path, rows=rows)  # type: ignore[arg-type]
    except OSError as exc:
        raise click.ClickException(f"{path}：无法写入（{exc.strerror or exc}）") from exc
    what = "计划" if chosen == "plan" else "进展"
    listed = f"，已列出{sum(len(r) for r in rows.values())}个事项" if rows is not None else ""
    click.echo(f"已生成{what}填报模板：{path}{listed}")


def prefilled_rows(url: str | None, plan_code: str, owner_unit: str | None) -> dict[str, list[list[object]]]:
    """Return the code-and-name rows of a plan's items (of one unit) for a progress template."""
    from planwatch.exports.tables import blank_progress_rows
    from planwatch.store import Store, StoreError

    with Store.open(url) as store:
        try:
            data = store.load_plan_data(plan_code, latest_only=True)
        except StoreError as exc:
            raise click.ClickException(str(exc)) from exc
    rows = blank_progress_rows(data, owner_unit)
    if owner_unit is not None and not any(rows.values()):
        raise click.ClickException(f"计划 {plan_code} 中没有“{owner_unit}”牵头的事项")
    return rows  # type: ignore[return-value]


@click.command("import")
@click.argument("file", type=click.Path(exists=True))
@click.option("--plan", "plan_code", metavar="CODE", help="进展导入到哪个计划；数据库中只有一个计划时可不填")
@as_of_option(help="截至日期为空的进展行按此日期导入")
@click.option(
    "--replace",
    is_flag=True,
    help="计划文件即完整计划：删除库中有而文件中没有的事项，连同其节点和进度记录（逐条记入审计日志）",
)
@DATABASE
@USER
def import_command(
    file: str, plan_code: str | None, as_of: date | None, replace: bool, url: str | None, user: str | None
) -> None:
    """导入计划或进展文件（.xlsx、.csv、.parquet，或它们所在的文件夹、CSV的zip）。

    文件有任何错误都不会导入任何数据，并逐条列出错误所在的工作表、行和列；
    重复导入同一文件不会改变数据（事项按编码更新）。计划文件视为完整计划：
    库中有而文件中没有的事项会列出警告但不删除；加 --replace 才删除它们。

    \b
    例：planwatch import plan.xlsx
        planwatch import progress.xlsx --as-of 2025-06-30
        planwatch import 重大项目进展.csv --plan JC2025
        planwatch import JC2025-parquet  （export --format parquet 导出的文件夹）

    表头写错（与模板列名相近）会报错并提示应为哪一列；无法识别的列和工作表不导入，导入后列出警告。
    """
    from planwatch.imports.issues import ImportFailed
    from planwatch.imports.service import import_file
    from planwatch.settings import get_settings
    from planwatch.store import Store

    with Store.open(url) as store:
        try:
            result = import_file(
                store, file, as_of=as_of, user=user or get_settings().user, plan_code=plan_code, replace=replace
            )
        except ImportFailed as failure:
            count = len(failure.issues)
            click.echo(f"导入失败：发现{count}处错误，未导入任何数据。", err=True)
            click.echo(failure.summary(limit=ISSUE_LIMIT), err=True)
            raise SystemExit(2) from None
    click.echo(result.describe())


@click.command("export")
@click.option("--plan", "plan_code", metavar="CODE", required=True, help="要导出的计划编码")
@click.option("--format", "fmt", type=click.Choice(["xlsx", "csv", "parquet"]), default="xlsx", show_default=True)
@click.option(
    "-o",
    "--output",
    "path",
    required=True,
    type=click.Path(),
    help="输出位置：xlsx 为文件；csv 为文件夹或 .zip；parquet 为文件夹",
)
@as_of_option(help="附加“状态”表：各事项截至该日的状态")
@DATABASE
def export_command(plan_code: str, fmt: str, path: str, as_of: date | None, url: str | None) -> None:
    """导出计划及其全部进展（xlsx 可修改后重新导入）。

    \b
    例：planwatch export --plan JC2025 -o JC2025.xlsx
        planwatch export --plan JC2025 --format csv -o JC2025.zip
        planwatch export --plan JC2025 --format parquet -o JC2025-parquet --as-of 2025-06-30
    """
    from planwatch import app
    from planwatch.exports import export_plan
    from planwatch.store import Store, StoreError

    with Store.open(url) as store:
        try:
            plan = app.choose_plan(store, plan_code)
            board = app.board_for(store, plan, as_of) if as_of is not None else None
            result = export_plan(store, plan.code, fmt, path, board=board)  # type: ignore[arg-type]
        except (app.AppError, StoreError) as exc:
            raise click.ClickException(str(exc)) from exc
        except OSError as exc:
            raise click.ClickException(f"{path}：无法写入（{exc.strerror or exc}）") from exc
    click.echo(result.describe())
