"""Accounts: add and manage users, check a login, issue and revoke API tokens, derive units from plans.

Passwords are hashed with Argon2id (``argon2-cffi``); a token is 32 random bytes shown
once and kept as its SHA-256 (a token is random, so a fast hash is as strong as a slow
one and keeps every API request cheap). Failed logins are counted in the database per
user and per client address, so the limits hold across worker processes and restarts.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from planwatch.app.access import ROLE_NAMES, ROLES, Principal
from planwatch.plan.model import PlanData
from planwatch.store import users
from planwatch.store.summary import StoreError
from planwatch.store.users import Account, Unit

_HASHER = PasswordHasher()
#: a password hash checked when the user does not exist, so both cases take the same time.
_DUMMY_HASH = _HASHER.hash("planwatch-no-such-user")

#: shortest password accepted.
MIN_PASSWORD = 8
#: failed logins in a row that lock a user, and for how long.
LOCK_AFTER = 5
LOCK_FOR = timedelta(minutes=15)
#: failed logins from one client address within ``CLIENT_WINDOW`` before it must wait.
CLIENT_LIMIT = 20
CLIENT_WINDOW = timedelta(minutes=10)
#: how long a login lasts.
SESSION_LIFETIME = timedelta(hours=12)
#: what a bearer token starts with, so a leaked one is easy to recognise.
TOKEN_PREFIX = "pw_"

#: one message for a wrong name and a wrong password: the page does not say which names exist.
BAD_LOGIN = "用户名或密码不正确。"


class AccountError(ValueError):
    """An account request is refused; the message is Chinese."""


class LoginRefused(AccountError):
    """A login is refused (wrong password, locked, disabled, too many attempts)."""


def role_id(text: str) -> str:
    """Return the role id of 管理员/计划处/填报/只读 (or admin/planning/filler/reader)."""
    role = ROLE_NAMES.get(text.strip())
    if role is None:
        raise AccountError(f"角色“{text}”无法识别；可选：{'、'.join(ROLES.values())}")
    return role


def hash_password(password: str) -> str:
    """Return the Argon2id hash of a password, refusing one that is too short."""
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"密码至少 {MIN_PASSWORD} 位。")
    return _HASHER.hash(password)


def units_of_plan(data: PlanData) -> list[Unit]:
    """Return the units a plan names: its owner and co-operating units, and a unit per district or county."""
    found: dict[str, Unit] = {}
    district_names = {r.code: r.name for r in data.regions if r.parent_code}
    for region_code, name in district_names.items():
        found.setdefault(name, Unit(name, "district", region_code))
    project_owners = {p.owner_unit for p in data.projects}
    items = [*data.targets, *data.tasks, *data.projects, *data.livelihood_items]
    for item in items:
        for name in [getattr(item, "owner_unit", None), *(getattr(item, "co_units", None) or [])]:
            if name and name not in found:
                found[name] = Unit(name, "owner" if name in project_owners else "department")
    return sorted(found.values(), key=lambda u: u.name)


def sync_units(store, plan_code: str | None = None, *, user: str) -> int:
    """Add the units the stored plans (or one plan) name; return how many were new."""
    plans = [p.code for p in store.list_plans()] if plan_code is None else [plan_code]
    wanted: list[Unit] = []
    for code in plans:
        wanted.extend(units_of_plan(store.load_plan_data(code, progress=False)))
    return users.ensure_units(store.engine, wanted, user=user)


def add_user(store, name: str, role: str, unit: str | None, password: str | None, *, actor: str) -> Account:
    """Add a user; a 填报 user needs a unit, the unit must be one the plans name."""
    name = name.strip()
    if not name or len(name) > 100:
        raise AccountError("用户名不能为空，且最多 100 字。")
    role = role_id(role)
    if role == "filler" and not unit:
        raise AccountError("填报用户必须指定所属单位（--unit）。")
    password_hash = hash_password(password) if password is not None else None
    sync_units(store, user=actor)
    try:
        return users.add_user(store.engine, name, role, unit or None, password_hash, user=actor)
    except StoreError as exc:
        raise AccountError(str(exc)) from exc


def change_password(store, name: str, password: str, *, actor: str) -> None:
    """Set a new password; the user's lockout is cleared and its sessions end."""
    try:
        users.set_password(store.engine, name, hash_password(password), user=actor)
    except StoreError as exc:
        raise AccountError(str(exc)) from exc


def disable(store, name: str, *, actor: str, disabled: bool = True) -> None:
    """Disable a user: no login, no token, sessions end at once."""
    try:
        users.set_disabled(store.engine, name, disabled, user=actor)
    except StoreError as exc:
        raise AccountError(str(exc)) from exc


def _check_usable(account: Account) -> None:
    if account.disabled:
        raise LoginRefused("该账号已停用，请联系系统管理员。")
    if account.locked_until is not None and account.locked_until > users.now():
        minutes = max(1, int((account.locked_until - users.now()).total_seconds() // 60) + 1)
        raise LoginRefused(f"登录失败次数过多，账号已锁定，请 {minutes} 分钟后再试或联系管理员重设密码。")


def authenticate(store, name: str, password: str, client: str) -> Account:
    """Return the account a name and password open, or raise :class:`LoginRefused` in Chinese.

    A client address with ``CLIENT_LIMIT`` failures in ``CLIENT_WINDOW`` waits; a user with
    ``LOCK_AFTER`` failures in a row is locked for ``LOCK_FOR``.
    """
    if users.login_failures_since(store.engine, client, users.now() - CLIENT_WINDOW) >= CLIENT_LIMIT:
        raise LoginRefused("登录失败次数过多，请 10 分钟后再试。")
    account = users.find_user(store.engine, name.strip()) if name.strip() else None
    if account is None or account.password_hash is None:
        _verify(_DUMMY_HASH, password)
        users.add_login_failure(store.engine, client)
        raise LoginRefused(BAD_LOGIN)
    _check_usable(account)
    if not _verify(account.password_hash, password):
        users.add_login_failure(store.engine, client)
        count = users.record_failed_login(
            store.engine, account.id, lock_after=LOCK_AFTER, lock_until=users.now() + LOCK_FOR
        )
        if count >= LOCK_AFTER:
            raise LoginRefused(f"密码连续错误 {LOCK_AFTER} 次，账号已锁定 {int(LOCK_FOR.total_seconds() // 60)} 分钟。")
        raise LoginRefused(BAD_LOGIN)
    if account.failed_logins or account.locked_until:
        users.record_good_login(store.engine, account.id)
    return account


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _HASHER.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def issue_token(store, name: str, *, actor: str) -> str:
    """Return a new API token for a user (shown once; only its hash is kept)."""
    account = users.find_user(store.engine, name)
    if account is None:
        raise AccountError(f"用户“{name}”不存在")
    if account.disabled:
        raise AccountError(f"用户“{name}”已停用，不能发放令牌")
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    users.add_token(store.engine, name, _digest(token), token[:10], user=actor)
    return token


def revoke_tokens(store, name: str, *, actor: str, prefix: str | None = None) -> int:
    """Revoke a user's tokens (or the one starting with ``prefix``); return how many."""
    try:
        return users.revoke_tokens(store.engine, name, user=actor, prefix=prefix[:10] if prefix else None)
    except StoreError as exc:
        raise AccountError(str(exc)) from exc


def principal_for_token(store, token: str) -> Principal | None:
    """Return who a bearer token acts for, or None (unknown, revoked, or the user is disabled)."""
    account = users.account_for_token(store.engine, _digest(token.strip()))
    return Principal.of(account) if account and not account.disabled else None


def start_session(store, account: Account, session_id: str) -> None:
    """Record that the browser session ``session_id`` is logged in as ``account``."""
    users.add_session(store.engine, _digest(session_id), account.id, users.now() + SESSION_LIFETIME)


def end_session(store, session_id: str) -> None:
    """Log a browser session out."""
    users.drop_session(store.engine, _digest(session_id))


def principal_for_session(store, session_id: str) -> Principal | None:
    """Return who a browser session is logged in as, or None."""
    account = users.account_for_session(store.engine, _digest(session_id))
    return Principal.of(account) if account and not account.disabled else None


@dataclass(frozen=True, slots=True)
class DemoAccount:
    """A demo login: name, role, unit and its demo-only password."""

    name: str
    role: str
    unit: str | None
    password: str


def demo_accounts(data: PlanData) -> list[DemoAccount]:
    """Return one demo account per role; the 填报 one answers for the unit that owns the most items."""
    from collections import Counter

    items = [*data.targets, *data.tasks, *data.projects, *data.livelihood_items]
    owners = Counter(getattr(item, "owner_unit", None) for item in items)
    owners.pop(None, None)
    owner = owners.most_common(1)[0][0] if owners else None
    return [
        DemoAccount("admin", "管理员", None, "demo-admin-2025"),
        DemoAccount("jhc", "计划处", None, "demo-jhc-2025"),
        DemoAccount("tianbao", "填报", owner, "demo-tianbao-2025"),
        DemoAccount("lingdao", "只读", None, "demo-lingdao-2025"),
    ]
