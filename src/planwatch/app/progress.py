"""Submit progress: the one way figures from a unit, a form, an upload or the API reach the store."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from planwatch.app.errors import Refused
from planwatch.plan.model import Plan, ProgressRecord
from planwatch.store.summary import ChangeSummary, StoreError


def submit_progress(store: Any, plan: Plan, records: Sequence[ProgressRecord], *, user: str) -> ChangeSummary:
    """Write progress records of ``plan`` in one transaction, audited as ``user``; refuse bad records whole.

    Raises :class:`Refused` with the store's Chinese message when any record is refused;
    nothing is written then.
    """
    if not user.strip():
        raise Refused("请填写报送单位或用户名。")
    try:
        return store.add_progress(plan.code, list(records), user=user.strip())
    except StoreError as exc:
        raise Refused(str(exc)) from exc
