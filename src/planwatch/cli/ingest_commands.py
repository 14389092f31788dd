"""``planwatch ingest``: record a report's figures against a plan (progress, targets, document facts)."""

from __future__ import annotations

import click

from planwatch.cli.options import DATABASE, USER, InputError


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
    from planwatch import app
    from planwatch.ingest import IngestError, ingest_document
    from planwatch.ingest.service import UnreadableReport
    from planwatch.settings import get_settings
    from planwatch.store import Store, StoreError

    store = Store.open(url)
    try:
        plan = app.choose_plan(store, plan_code)
        result = ingest_document(store, report, plan_code=plan.code, user=user or get_settings().user)
    except UnreadableReport as exc:
        raise InputError(str(exc)) from exc
    except (app.AppError, IngestError, StoreError) as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        store.close()
    click.echo(result.describe())
