"""``planwatch init``: create or migrate the database and say where it is."""

from __future__ import annotations

import click

from planwatch.cli.options import DATABASE


@click.command("init")
@DATABASE
def init_command(url: str | None) -> None:
    """创建数据库或升级到最新结构（可重复执行）。

    \b
    例：planwatch init
        planwatch init --db postgresql+psycopg://user@localhost/planwatch
    """
    from planwatch.store import Store, StoreError

    store = Store.open(url)
    try:
        before = store.revision()
        after = store.init()
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        store.close()
    if before == after:
        click.echo(f"数据库已是最新结构（版本 {after}）：{store.location}")
    else:
        click.echo(f"数据库已就绪（版本 {before or '空'} → {after}）：{store.location}")
