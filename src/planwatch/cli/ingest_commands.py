"""``planwatch ingest``: record a report's figures against a plan (progress, targets, document facts)."""

from __future__ import annotations

import click

from planwatch.cli.options import DATABASE, USER, InputError


@click.command("ingest")
@click.argument("report", type=click.Path(exists=True, dir_okay=False))
@click.option("--plan", "plan_code", metavar="PLAN", help="计划编码；库中只有一个计划时可省略")
@click.option(
    "--force",
    is_flag=True,
    help="报告的发文地区不是计划所在地区时仍然记入（须同时用 --plan 写明计划）",
)
@DATABASE
@USER
def ingest_command(report: str, plan_code: str | None, force: bool, url: str | None, user: str | None) -> None:
    """读取报告，把其中与计划指标对应的数据记为进展（或目标），其余存为可检索的文档数据。

    发文地区不是计划所在地区的报告不予记入（除非 --plan 写明计划并加 --force）；
    单位已报送的同一事项同一日期的数据以单位报送为准，报告数据不覆盖。

    \b
    例：planwatch demo
        planwatch ingest src/planwatch/demo/data/sample_report_2025h1.txt --db sqlite:///planwatch-demo.sqlite
    """
    from planwatch import app
    from planwatch.ingest import IngestError, ingest_document
    from planwatch.ingest.service import UnreadableReport
    from planwatch.settings import get_settings
    from planwatch.store import Store, StoreError

    if force and plan_code is None:
        raise click.UsageError("--force 须与 --plan 同用：请写明要记入哪个计划")
    store = Store.open(url)
    try:
        plan = app.choose_plan(store, plan_code)
        result = ingest_document(store, report, plan_code=plan.code, user=user or get_settings().user, force=force)
    except UnreadableReport as exc:
        raise InputError(str(exc)) from exc
    except (app.AppError, IngestError, StoreError) as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        store.close()
    click.echo(result.describe())


@click.command("proposals")
@click.option("--plan", "plan_code", metavar="PLAN", help="计划编码；库中只有一个计划时可省略")
@click.option("--accept", "accept_id", type=int, metavar="ID", help="把这条目标建议列入计划（记入审计日志）")
@click.option("--reject", "reject_id", type=int, metavar="ID", help="不采纳这条目标建议")
@click.option("--reason", metavar="TEXT", help="不采纳（--reject）时必填：原因，记入审计日志")
@click.option("--all", "everything", is_flag=True, help="也列出已处理的建议")
@DATABASE
@USER
def proposals_command(
    plan_code: str | None,
    accept_id: int | None,
    reject_id: int | None,
    reason: str | None,
    everything: bool,
    url: str | None,
    user: str | None,
) -> None:
    """报告中读到的指标目标建议：由计划处确认后才列入计划。

    \b
    例：planwatch proposals --plan JC2025
        planwatch proposals --plan JC2025 --accept 3 --user 计划处
        planwatch proposals --plan JC2025 --reject 4 --reason 口径与统计年报不一致 --user 计划处
    """
    from planwatch import app
    from planwatch.app import proposals
    from planwatch.settings import get_settings
    from planwatch.store import Store, StoreError

    if accept_id is not None and reject_id is not None:
        raise click.UsageError("--accept 与 --reject 不能同用")
    with Store.open(url) as store:
        try:
            plan = app.choose_plan(store, plan_code)
            chosen = accept_id if accept_id is not None else reject_id
            if chosen is not None:
                who = user or get_settings().user
                accept = accept_id is not None
                target = proposals.decide(store, plan.code, chosen, accept=accept, user=who, reason=reason)
                done = f"已列入计划：指标目标 {target.code}" if target is not None else f"已不采纳目标建议 {chosen}"
                click.echo(done)
                return
            rows = store.target_proposals(plan.code, None if everything else "proposed")
        except (app.AppError, StoreError) as exc:
            raise click.ClickException(str(exc)) from exc
    if not rows:
        click.echo(f"计划 {plan.code} 没有待确认的指标目标建议")
        return
    states = proposals.STATE_LABELS
    for row in rows:
        target = row["target"]
        amount = f"{target.get('value')}{target.get('unit', '')}"
        click.echo(f"{row['id']:>4}  {states.get(row['state'], row['state'])}  {row['code']}  "
                   f"{target.get('name') or target.get('indicator_code')}  {target.get('measure')} {amount}  "
                   f"来自 {row['document']}"
                   + (f"  理由：{row['decision_reason']}" if row.get("decision_reason") else ""))
