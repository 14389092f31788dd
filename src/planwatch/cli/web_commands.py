"""``planwatch serve``: run the status dashboard and JSON API with uvicorn, in one or several processes."""

from __future__ import annotations

import os

import click

from planwatch.cli.options import EXISTING_DATABASE

#: how long a worker may leave the supervisor's ping unanswered before it counts as hung.
WORKER_HEALTHCHECK_SECONDS = 60


@click.command("serve")
@EXISTING_DATABASE
@click.option("--host", default="127.0.0.1", show_default=True, help="监听地址；内网共享时用 0.0.0.0。")
@click.option("--port", default=8000, show_default=True, type=int, help="监听端口。")
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="工作进程数（多核服务器可设为 CPU 核数）；多于1个时各进程共用同一签名密钥。",
)
@click.option(
    "--log-file",
    type=click.Path(dir_okay=False),
    default=None,
    help="日志写入此文件（按10MB轮转，保留5份，每行带请求编号）；默认输出到标准错误。",
)
@click.option(
    "--forwarded-allow-ips",
    default="127.0.0.1",
    show_default=True,
    help="信任其 X-Forwarded-Proto/X-Forwarded-For 的反向代理地址（逗号分隔）。",
)
def serve_command(
    url: str | None, host: str, port: int, workers: int, log_file: str | None, forwarded_allow_ips: str
) -> None:
    """启动状态看板网页与数据接口。

    \b
    例：planwatch demo && planwatch serve --db planwatch-demo.sqlite
        planwatch serve --db /srv/planwatch/planwatch.sqlite --workers 4 --log-file /var/log/planwatch/planwatch.log
        planwatch serve --db postgresql+psycopg://planwatch@localhost/planwatch --host 0.0.0.0
    """
    import uvicorn

    from planwatch import logs
    from planwatch.settings import get_settings
    from planwatch.store import Store, StoreError
    from planwatch.web import serving
    from planwatch.web.csrf import SECRET_ENV

    url = url or get_settings().database_url
    store = Store.open(url)
    try:
        store.init()  # a fresh database gets its tables; an older one is migrated forward
        _say_how_to_add_an_administrator(store, url)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        store.close()
    # The workers are new processes: what they need travels in the environment.
    os.environ[serving.DATABASE_ENV] = url
    if workers > 1:
        try:
            os.environ[SECRET_ENV] = serving.shared_secret(url)
        except serving.SecretRequired as exc:
            raise click.ClickException(str(exc)) from exc
    if log_file:
        os.environ[serving.LOG_FILE_ENV] = str(log_file)
    logs.configure(log_file)
    where = f"日志 {log_file}" if log_file else "日志输出到标准错误"
    click.echo(
        f"planwatch 状态看板：http://{host}:{port}/  "
        f"（数据库 {store.location}，{workers} 个工作进程，{where}；按 Ctrl+C 停止）"
    )
    uvicorn.run(
        serving.FACTORY,
        factory=True,
        host=host,
        port=port,
        workers=workers,
        # uvicorn kills a worker that does not answer its ping within this many seconds. Its
        # default (5 s) killed busy workers on a loaded machine — one evaluating a 100,000-item
        # board while other threads wait for the interpreter lock — dropping their connections.
        timeout_worker_healthcheck=WORKER_HEALTHCHECK_SECONDS,
        proxy_headers=True,
        forwarded_allow_ips=forwarded_allow_ips,
        server_header=False,
        access_log=False,  # planwatch logs one line per request itself, with the request id
        log_config=None,  # keep the handlers logs.configure set up
        log_level="info",
    )


def _say_how_to_add_an_administrator(store, url: str) -> None:  # type: ignore[no-untyped-def]
    """Print how to create the first accounts when the database has no 管理员 (every page needs a login)."""
    from planwatch.store.users import count_users

    if count_users(store.engine, "admin") == 0:
        click.echo(
            "提示：数据库中还没有管理员账号，网页需要登录。先建立一个：\n"
            f"  planwatch user add admin --role 管理员 --db {url}\n"
            f"  planwatch user add 张三 --role 计划处 --db {url}",
            err=True,
        )
