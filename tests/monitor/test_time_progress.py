"""Time progress (时序进度): month ends count in months, other days in days."""

from __future__ import annotations

from datetime import date

import pytest

from planwatch.monitor import time_progress

# (as-of, plan year, by days, expected share)
ROWS: list[tuple[str, int, bool, float]] = [
    ("2025-06-30", 2025, False, 0.5),  # end of June is half the year
    ("2025-03-31", 2025, False, 0.25),
    ("2025-12-31", 2025, False, 1.0),
    ("2025-01-31", 2025, False, 1 / 12),
    ("2025-06-15", 2025, False, 166 / 365),  # mid-month counts days, the as-of day included
    ("2025-01-01", 2025, False, 1 / 365),
    ("2024-02-29", 2024, False, 2 / 12),  # leap-year month end
    ("2024-02-28", 2024, False, 59 / 366),  # leap year has 366 days
    ("2023-02-28", 2023, False, 2 / 12),  # 28 February is a month end outside leap years
    ("2025-06-30", 2025, True, 181 / 365),  # a plan that counts days even at month ends
    ("2024-06-30", 2024, True, 182 / 366),
    ("2024-12-31", 2025, False, 0.0),  # before the plan year
    ("2026-01-05", 2025, False, 1.0),  # after it
]


@pytest.mark.parametrize(("as_of", "year", "by_days", "expected"), ROWS)
def test_time_progress_of_an_as_of_date(as_of: str, year: int, by_days: bool, expected: float) -> None:
    assert time_progress(date.fromisoformat(as_of), year, by_days) == pytest.approx(expected)
