"""``planwatch user …``: add users, set passwords, disable them, list them, issue and revoke API tokens.

Run on the server by whoever looks after it; the operator recorded in the audit log is
``--user`` or ``PLANWATCH_USER``, as for imports.
"""

from __future__ import annotations

import sys

import click

from planwatch.cli.options import DATABASE, USER


def _store(url: str | None):  # type: ignore[no-untyped-def]
    from planwatch.settings import get_settings
    from planwatch.store import Store

    store = Store.open(url or get_settings().database_url)
    store.init()
    return store


def _actor(user: str | None) -> str:
    from planwatch.settings import get_settings

    return user or get_settings().user


def _read_password(from_stdin: bool) -> str:
    """Return a password from one line of stdin, or asked twice on the terminal without echo."""
    if from_stdin:
        line = sys.stdin.readline()
        password = line.rstrip("\r\n")
        if not password:
            raise click.UsageError("标准输入中没有密码（--password-stdin 需要一行密码）")
        return password
    return click.prompt("密码", hide_input=True, confirmation_prompt="再次输入密码")


def _fail(exc: Exception) -> click.ClickException:
    return click.ClickException(str(exc))


@click.group("user")
def user_group() -> None:
    """管理用户与接口令牌（角色：管理员、计划处、填报、只读）。

    \b
    例：planwatch user add 张三 --role 计划处
        echo 'S3cret-pass' | planwatch user add 李四 --role 填报 --unit 市交通运输局 --password-stdin
        planwatch user token 李四            # 打印新的接口令牌（只显示一次）
        planwatch user token 李四 --revoke   # 作废李四的全部令牌
    """


@user_group.command("add")
@click.argument("name")
@click.option("--role", required=True, metavar="角色", help="管理员 | 计划处 | 填报 | 只读")
@click.option("--unit", metavar="UNIT", help="所属单位（填报用户必填；取自计划中的责任单位或区县名）")
@click.option("--password-stdin", is_flag=True, help="从标准输入读取一行作为密码（便于脚本）")
@DATABASE
@USER
def add_command(
    name: str, role: str, unit: str | None, password_stdin: bool, url: str | None, user: str | None
) -> None:
    """添加用户。"""
    from planwatch.app import accounts
    from planwatch.app.access import ROLES

    try:
        accounts.role_id(role)
    except accounts.AccountError as exc:
        raise click.BadParameter(str(exc), param_hint="--role") from exc
    password = _read_password(password_stdin)
    store = _store(url)
    try:
        account = accounts.add_user(store, name, role, unit, password, actor=_actor(user))
    except accounts.AccountError as exc:
        raise _fail(exc) from exc
    finally:
        store.close()
    where = f"，单位 {account.unit.name}" if account.unit else ""
    click.echo(f"已添加用户 {account.name}（{ROLES[account.role]}{where}）")


@user_group.command("passwd")
@click.argument("name")
@click.option("--password-stdin", is_flag=True, help="从标准输入读取一行作为新密码")
@DATABASE
@USER
def passwd_command(name: str, password_stdin: bool, url: str | None, user: str | None) -> None:
    """重设用户密码（同时解除锁定，并使该用户已登录的会话失效）。"""
    from planwatch.app import accounts

    password = _read_password(password_stdin)
    store = _store(url)
    try:
        accounts.change_password(store, name, password, actor=_actor(user))
    except accounts.AccountError as exc:
        raise _fail(exc) from exc
    finally:
        store.close()
    click.echo(f"已重设用户 {name} 的密码")


@user_group.command("disable")
@click.argument("name")
@click.option("--enable", is_flag=True, help="重新启用已停用的用户")
@DATABASE
@USER
def disable_command(name: str, enable: bool, url: str | None, user: str | None) -> None:
    """停用用户（不能再登录或使用令牌，已登录的会话立即失效）。"""
    from planwatch.app import accounts

    store = _store(url)
    try:
        accounts.disable(store, name, actor=_actor(user), disabled=not enable)
    except accounts.AccountError as exc:
        raise _fail(exc) from exc
    finally:
        store.close()
    click.echo(f"已{'启用' if enable else '停用'}用户 {name}")


@user_group.command("list")
@DATABASE
def list_command(url: str | None) -> None:
    """列出用户：用户名、角色、单位、状态。"""
    from planwatch.app.access import ROLES
    from planwatch.store import users

    store = _store(url)
    try:
        accounts = users.list_users(store.engine)
    finally:
        store.close()
    if not accounts:
        click.echo("还没有用户。添加管理员：planwatch user add admin --role 管理员")
        return
    now = users.now()
    click.echo("用户名\t角色\t单位\t状态")
    for a in accounts:
        state = "已停用" if a.disabled else ("已锁定" if a.locked_until and a.locked_until > now else "正常")
        click.echo(f"{a.name}\t{ROLES.get(a.role, a.role)}\t{a.unit.name if a.unit else '—'}\t{state}")


@user_group.command("token")
@click.argument("name")
@click.option("--revoke", is_flag=True, help="作废该用户的全部令牌（或用 --prefix 只作废一个）")
@click.option("--prefix", metavar="PREFIX", help="与 --revoke 同用：只作废以此开头的令牌（如 pw_AbC123）")
@DATABASE
@USER
def token_command(name: str, revoke: bool, prefix: str | None, url: str | None, user: str | None) -> None:
    """发放新的接口令牌（只显示这一次，库中只存其摘要）；--revoke 作废令牌。"""
    from planwatch.app import accounts

    store = _store(url)
    try:
        if revoke:
            count = accounts.revoke_tokens(store, name, actor=_actor(user), prefix=prefix)
            click.echo(f"已作废用户 {name} 的令牌 {count} 个")
            return
        token = accounts.issue_token(store, name, actor=_actor(user))
    except accounts.AccountError as exc:
        raise _fail(exc) from exc
    finally:
        store.close()
    click.echo(token)
    click.echo(f"以上是用户 {name} 的新接口令牌，只显示这一次；请求时加请求头 Authorization: Bearer <令牌>", err=True)
