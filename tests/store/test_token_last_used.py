"""An API token's "last used" is noted at most once a minute: a read per call, not a write per call.

Written on every request, it made each API call take the database's write lock, so machine
clients queued behind each other and behind the units' submissions.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from planwatch.store import users

START = datetime(2025, 7, 1, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("second_call_after", "noted"),
    [
        (timedelta(seconds=0), START),
        (timedelta(seconds=59), START),
        (timedelta(minutes=1), START + timedelta(minutes=1)),
        (timedelta(hours=5), START + timedelta(hours=5)),
    ],
)
def test_a_tokens_last_use_is_written_again_only_once_a_minute_has_passed(store, second_call_after, noted) -> None:
    users.add_user(store.engine, "接口", "只读", None, None, user="管理员")
    users.add_token(store.engine, "接口", "hash-of-token", "pw_abcd", user="管理员")
    assert users.token_summary(store.engine, "接口")[0]["last_used_at"] is None

    first = users.account_for_token(store.engine, "hash-of-token", at=START)
    second = users.account_for_token(store.engine, "hash-of-token", at=START + second_call_after)

    assert first is not None and second is not None and second.name == "接口"
    assert users.token_summary(store.engine, "接口")[0]["last_used_at"] == noted


def test_an_unknown_or_revoked_token_finds_nobody_and_writes_nothing(store) -> None:
    users.add_user(store.engine, "接口", "只读", None, None, user="管理员")
    users.add_token(store.engine, "接口", "hash-of-token", "pw_abcd", user="管理员")
    assert users.account_for_token(store.engine, "another-hash", at=START) is None
    users.revoke_tokens(store.engine, "接口", user="管理员")
    assert users.account_for_token(store.engine, "hash-of-token", at=START) is None
    assert users.token_summary(store.engine, "接口")[0]["last_used_at"] is None
