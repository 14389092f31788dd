"""The bundled demo: 江川市 (a fictional city), its 2025 plan, six months of progress, a sample report.

Everything here is written for planwatch (no sentence of a real report): the plan and the
progress are CSV files with the exchange headers of :mod:`planwatch.exchange.columns`,
loaded through the ordinary importer, so the demo also shows what a planning office's own
files look like. :func:`build_demo` builds a fresh database from them.
"""

from __future__ import annotations

from pathlib import Path

from planwatch.demo.loader import DEMO_AS_OF, DEMO_PLAN_CODE, DemoBuild, build_demo

DATA_DIR = Path(__file__).resolve().parent / "data"
PLAN_DIR = DATA_DIR / "plan"
PROGRESS_DIR = DATA_DIR / "progress"
SAMPLE_REPORT = DATA_DIR / "sample_report_2025h1.txt"

__all__ = [
    "DATA_DIR",
    "DEMO_AS_OF",
    "DEMO_PLAN_CODE",
    "PLAN_DIR",
    "PROGRESS_DIR",
    "SAMPLE_REPORT",
    "DemoBuild",
    "build_demo",
]
