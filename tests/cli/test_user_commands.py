"""``planwatch user …`` and the demo accounts, end to end on a real SQLite file."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from planwatch.app import accounts
from planwatch.cli.main import cli
from planwatch.store import Store
from planwatch.store import users as user_rows


@pytest.fixture
def demo_db(tmp_path: Path) -> str:
    from planwatch.demo import build_demo

    return build_demo(tmp_path / "demo.sqlite").url


def run(*args: str, stdin: str | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, list(args), input=stdin, catch_exceptions=False)


def test_the_demo_has_one_account_per_role_whose_printed_passwords_log_in(demo_db: str) -> None:
    store = Store.open(demo_db)
    try:
        listed = {a.name: a.role for a in user_rows.list_users(store.engine)}
        assert sorted(listed.values()) == ["admin", "filler", "planning", "reader"]
        for account in accounts.demo_accounts(store.load_plan_data("JC2025", progress=False)):
            assert accounts.authenticate(store, account.name, account.password, "cli-test").name == account.name
    finally:
        store.close()


def test_user_add_list_passwd_disable_and_tokens_work_from_the_command_line(demo_db: str) -> None:
    added = run(
        "user",
        "add",
        "李四",
        "--role",
        "填报",
        "--unit",
        "市发展改革委",
        "--password-stdin",
        "--db",
        demo_db,
        stdin="li-si-password\n",
    )
    assert added.exit_code == 0 and "已添加用户 李四（填报，单位 市发展改革委）" in added.output
    listing = run("user", "list", "--db", demo_db)
    assert "李四\t填报\t市发展改革委\t正常" in listing.output
    token = run("user", "token", "李四", "--db", demo_db).stdout.strip().splitlines()[0]
    assert token.startswith("pw_")
    store = Store.open(demo_db)
    try:
        assert accounts.principal_for_token(store, token).unit == "市发展改革委"
        assert token not in str(user_rows.token_summary(store.engine, "李四"))  # kept hashed only
        assert run("user", "passwd", "李四", "--password-stdin", "--db", demo_db, stdin="another-pass\n").exit_code == 0
        assert accounts.authenticate(store, "李四", "another-pass", "t").name == "李四"
        revoked = run("user", "token", "李四", "--revoke", "--db", demo_db)
        assert "已作废用户 李四 的令牌 1 个" in revoked.output
        assert accounts.principal_for_token(store, token) is None
        assert run("user", "disable", "李四", "--db", demo_db).exit_code == 0
        with pytest.raises(accounts.LoginRefused, match="已停用"):
            accounts.authenticate(store, "李四", "another-pass", "t")
        audited = [e.table for e in store.audit_log(limit=10)]
        assert {"users", "api_tokens"} <= set(audited)
        assert all("another-pass" not in str(e.after) for e in store.audit_log(limit=50))
    finally:
        store.close()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--role", "局长"], "角色“局长”无法识别"),
        (["--role", "填报"], "填报用户必须指定所属单位"),
        (["--role", "填报", "--unit", "火星办"], "单位“火星办”不在单位名单中"),
        (["--role", "只读"], "密码至少 8 位"),
    ],
)  # each refused with a password long enough unless the password is the point
def test_user_add_refuses_bad_input_in_chinese_and_adds_nobody(demo_db: str, args: list[str], message: str) -> None:
    result = CliRunner().invoke(
        cli,
        ["user", "add", "王五", *args, "--password-stdin", "--db", demo_db],
        input="short\n" if "只读" in args else "long-enough-password\n",
    )
    assert result.exit_code != 0 and message in result.output
    store = Store.open(demo_db)
    try:
        assert user_rows.find_user(store.engine, "王五") is None
    finally:
        store.close()
