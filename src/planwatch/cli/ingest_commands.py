"""``planwatch ingest``: record a report's figures against a plan (progress, targets, document facts)."""

from __future__ import annotations

import click

from planwatch.cli.options import DATABASE, USER


@click.command("ingest")
@click.argument("report", type=click.Path(exists=True, dir_okay=False))
@click.option("--plan", "plan_code", metavar="PLAN", help="计划编码；库中只有一个计划时可省略")
@DATABASE
@USER
def ingest_command(report: str, plan_code: str | None, url: str | None, user: str | None) -> None:
    """读取报告，把其中与计划指标对应的数据记为进展（或目标），其余存为可检索的文档数据。

    \b
    例：planwatch demo
        planwatch ingest src/planwatch/demo/data/sample_report_2025h1.txt --db sqlite:///planwatch-demo.sqlite
    """
    from planwatch.ingest import IngestError, ingest_document
    from planwatch.settings import get_settings
    from planwatch.store import Store, StoreError

    store = Store.open(url)
    try:
        plans = store.list_plans()
        codes = [p.code for p in plans]
        if plan_code is None:
            if not codes:
                raise click.ClickException("数据库中还没有计划：请先导入计划（planwatch import）或运行 planwatch demo")
            if len(codes) > 1:
                raise click.ClickException(f"数据库中有多个计划（{'、'.join(codes)}），请用 --plan 指定")
            plan_code = codes[0]
        elif plan_code not in codes:
            raise click.ClickException(f"数据库中没有计划“{plan_code}”；库中的计划：{'、'.join(codes) or '无'}")
        result = ingest_document(store, report, plan_code=plan_code, user=user or get_settings().user)
    except (IngestError, StoreError) as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        store.close()
    click.echo(result.describe())
