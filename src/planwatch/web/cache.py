"""A small cache of status boards, so a busy dashboard evaluates a plan once, then follows its changes.

Every write to plan or progress leaves an audit row, so the newest audit rows are a version
of the data (``Store.data_version``), the same in every server process. A cached board is
reused while that version is unchanged; when it moves, the board kept for the older version
is brought up to date (``update``: only the items that changed are evaluated again), and
evaluated anew only when that cannot be done.
"""

from __future__ import annotations

import gc
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from datetime import date
from typing import TypeVar

T = TypeVar("T")


class BoardCache:
    """Remember the last few (plan, as-of date) → (data version, value) computations."""

    def __init__(self, maxsize: int = 4) -> None:
        self.maxsize = maxsize
        self._values: OrderedDict[tuple[str, date], tuple[Hashable, object]] = OrderedDict()
        # One lock for all: two users opening the same plan wait for one evaluation.
        self._lock = threading.Lock()

    def get(
        self,
        plan_code: str,
        as_of: date,
        version: Hashable,
        compute: Callable[[], T],
        update: Callable[[T], T | None] | None = None,
    ) -> T:
        """Return the value for the key at ``version``: kept, updated from an older one, or computed."""
        key = (plan_code, as_of)
        with self._lock:
            kept = self._values.get(key)
            if kept is not None:
                self._values.move_to_end(key)
                if kept[0] == version:
                    return kept[1]  # type: ignore[return-value]
            value = update(kept[1]) if kept is not None and update is not None else None  # type: ignore[arg-type]
            if value is None:
                value = compute()
                # A board of 100,000 items is millions of long-lived objects: without this every
                # full garbage collection walks them all, a pause of a second in some request.
                gc.freeze()
            self._values[key] = (version, value)
            while len(self._values) > self.maxsize:
                self._values.popitem(last=False)
            return value
