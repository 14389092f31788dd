"""``planwatch serve``: run the status dashboard and JSON API with uvicorn."""

from __future__ import annotations

import click

from planwatch.cli.options import EXISTING_DATABASE


@click.command("serve")
@EXISTING_DATABASE
@click.option("--host", default="127.0.0.1", show_default=True, help="监听地址；内网共享时用 0.0.0.0。")
@click.option("--port", default=8000, show_default=True, type=int, help="监听端口。")
@click.option(
    "--forwarded-allow-ips",
    metavar="IPS",
    help="信任其 X-Forwarded-Proto 的反向代理地址（逗号分隔）；经 HTTPS 代理访问时登录 Cookie 自动加 Secure。",
)
def serve_command(url: str | None, host: str, port: int, forwarded_allow_ips: str | None) -> None:
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
    from planwatch.store.users import count_users

    if count_users(store.engine, "admin") == 0:
        click.echo(
            "提示：数据库中还没有管理员账号，网页需要登录。先建立一个：\n"
            f"  planwatch user add admin --role 管理员 --db {url}\n"
            f"  planwatch user add 张三 --role 计划处 --db {url}",
            err=True,
        )
    click.echo(f"planwatch 状态看板：http://{host}:{port}/  （数据库 {url}，按 Ctrl+C 停止）")
    proxy = {"proxy_headers": True, "forwarded_allow_ips": forwarded_allow_ips} if forwarded_allow_ips else {}
    uvicorn.run(create_app(store), host=host, port=port, log_level="warning", **proxy)
