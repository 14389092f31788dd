"""``planwatch serve``: run the status dashboard and JSON API with uvicorn."""

from __future__ import annotations

import click

from planwatch.cli.options import EXISTING_DATABASE


@click.command("serve")
@EXISTING_DATABASE
@click.option("--host", default="127.0.0.1", show_default=True, help="监听地址；内网共享时用 0.0.0.0。")
@click.option("--port", default=8000, show_default=True, type=int, help="监听端口。")
def serve_command(url: str | None, host: str, port: int) -> None:
    """启动状态看板网页与数据接口。

    \b
    例：planwatch demo && planwatch serve --db planwatch-demo.sqlite
        planwatch serve --db postgresql+psycopg://planwatch@localhost/planwatch --host 0.0.0.0
    """
    import uvicorn

    from planwatch.settings import get_settings
    from planwatch.store import Store
    from planwatch.web import create_app

    url = url or get_settings().database_url
    store = Store.open(url)
    store.init()  # a fresh database gets its tables; an existing one is left as it is
    click.echo(f"planwatch 状态看板：http://{host}:{port}/  （数据库 {url}，按 Ctrl+C 停止）")
    uvicorn.run(create_app(store), host=host, port=port, log_level="warning")
