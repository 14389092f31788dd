"""``planwatch backup`` and ``planwatch restore``: the whole database to one file and back."""

from __future__ import annotations

import click

from planwatch.cli.options import DATABASE, EXISTING_DATABASE


@click.command("backup")
@EXISTING_DATABASE
@click.option("-o", "--output", "output", required=True, type=click.Path(dir_okay=False), help="备份文件路径。")
def backup_command(url: str | None, output: str) -> None:
    """备份整个数据库到一个文件（服务运行中也可执行，得到一致的快照）。

    \b
    SQLite 用在线备份接口；PostgreSQL 用 pg_dump（自定义格式）。
    例：planwatch backup --db /srv/planwatch/planwatch.sqlite -o /backup/planwatch-$(date +%F).sqlite
        planwatch backup --db postgresql+psycopg://planwatch@localhost/planwatch -o planwatch.dump
    """
    from planwatch.store import Store, StoreError
    from planwatch.store.backup import backup

    store = Store.open(url)
    try:
        written = backup(store.engine, output)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        store.close()
    click.echo(f"已备份数据库 {store.location} → {written}（{written.stat().st_size:,} 字节）")


@click.command("restore")
@click.argument("backup_file", type=click.Path(dir_okay=False))
@DATABASE
@click.option("--force", is_flag=True, help="目标数据库已有数据时仍用备份替换（先另行备份现有数据）。")
def restore_command(backup_file: str, url: str | None, force: bool) -> None:
    """把 planwatch backup 生成的备份恢复到空数据库，并升级到当前版本的结构。

    \b
    目标数据库已有数据时拒绝恢复，除非加 --force。恢复前请先停止服务。
    例：planwatch restore /backup/planwatch-2025-07-01.sqlite --db /srv/planwatch/planwatch.sqlite
    """
    from planwatch.store import Store, StoreError
    from planwatch.store.backup import restore

    store = Store.open(url)
    try:
        restore(store.engine, backup_file, force=force)
        revision = store.revision()
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        store.close()
    click.echo(f"已从 {backup_file} 恢复数据库 {store.location}（结构版本 {revision}）")
