"""A small cache of status boards, so a busy dashboard evaluates a plan once per change.

Every write to plan or progress leaves an audit row, so the newest audit rows are a version
of the data (``Store.data_version``), the same in every server process: a cached board is
reused only while that version is unchanged.
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
    """Remember the last few (plan, as-of date, data version) → value computations."""

    def __init__(self, maxsize: int = 4) -> None:
        self.maxsize = maxsize
        self._values: OrderedDict[tuple[str, date, Hashable], object] = OrderedDict()
        # One lock for all: two users opening the same plan wait for one evaluation.
        self._lock = threading.Lock()

    def get(self, plan_code: str, as_of: date, version: Hashable, compute: Callable[[], T]) -> T:
        """Return the cached value for the key, computing and keeping it when absent."""
        key = (plan_code, as_of, version)
        with self._lock:
            if key in self._values:
                self._values.move_to_end(key)
                return self._values[key]  # type: ignore[return-value]
            value = compute()
            # A board of 100,000 items is millions of long-lived objects: without this every
            # full garbage collection walks them all, a pause of a second in some request.
            gc.freeze()
            self._values[key] = value
            while len(self._values) > self.maxsize:
                self._values.popitem(last=False)
            return value
