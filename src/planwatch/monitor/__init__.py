"""The status engine: time progress, per-item lights with explanations, roll-ups, alerts.

Pure: it computes on :class:`planwatch.plan.model.PlanData` and knows no database.
"""

from planwatch.monitor.board import ItemStatus, Rollup, StatusBoard
from planwatch.monitor.engine import evaluate
from planwatch.monitor.timing import time_progress
from planwatch.monitor.wording import Light

__all__ = ["ItemStatus", "Light", "Rollup", "StatusBoard", "evaluate", "time_progress"]
