"""The big plan the status and report benchmarks time: its command-line options and the folder it lives in.

``bench_status.py`` generates and imports the plan; ``bench_report.py`` builds the same plan to
write its report. Both take the same sizes, seed and ``--keep`` folder, so a database kept by one
is read by the other (``--status-only`` / ``--report-only``).
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def add_plan_options(parser: argparse.ArgumentParser, repeat: str) -> None:
    """Add the plan's size, seed, ``--keep`` and ``--repeat`` (``repeat`` says what is repeated) to ``parser``."""
    parser.add_argument("--projects", type=int, default=100_000)
    parser.add_argument("--tasks", type=int, default=5_000)
    parser.add_argument("--progress", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--keep", metavar="DIR", help="write files and database here and keep them")
    parser.add_argument("--repeat", type=int, default=1, help=f"{repeat} this many times")


@contextmanager
def plan_folder(keep: str | None, prefix: str) -> Iterator[Path]:
    """Yield an empty folder for the plan's files and database: ``keep`` (emptied first) or a temporary one.

    A temporary folder is removed afterwards, whatever happened; a kept one stays for the next run.
    """
    folder = Path(keep) if keep else Path(tempfile.mkdtemp(prefix=prefix))
    if keep and folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True, exist_ok=True)
    try:
        yield folder
    finally:
        if not keep:
            shutil.rmtree(folder, ignore_errors=True)
