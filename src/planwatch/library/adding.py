"""``library add``: read many documents on all cores and store each as it comes, with progress and a summary.

Extraction is CPU-bound and pure, so it runs in a ``ProcessPoolExecutor``; the parent alone
writes the database, one transaction per document, as results arrive. At most ``window``
documents are in flight (submitted, not yet written), so memory does not grow with the
number of files: 100,000 reports cost the listing of their paths and a window of texts.
Texts the library already holds are recognised by the workers (their sha256 is passed in
once per worker) and skipped before extraction, so adding the same folder again is quick.
"""

from __future__ import annotations

import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TextIO

from planwatch.library.reading import Entry, Failed, Known, read_entry
from planwatch.library.sources import Source, Unlisted, list_sources

if TYPE_CHECKING:
    from planwatch.store import Store

#: Documents in flight per worker: enough to keep every core busy while the parent writes.
WINDOW_PER_JOB = 4


@dataclass(slots=True)
class AddSummary:
    """What one ``library add`` did: counts, and every warning and failure named with its reason."""

    added: int = 0
    filled: int = 0
    unchanged: int = 0
    facts: int = 0
    chars: int = 0
    warnings: list[tuple[str, str]] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0
    jobs: int = 1

    @property
    def documents(self) -> int:
        return self.added + self.filled + self.unchanged + len(self.failures)

    def describe(self) -> str:
        """Say in Chinese what was added, what was already there, and each warning and failure."""
        rate = self.documents / self.seconds if self.seconds else 0.0
        lines = [
            f"文档 {self.documents} 份：新增 {self.added + self.filled}，已在库中未改变 {self.unchanged}，"
            f"失败 {len(self.failures)}；提取数据 {self.facts} 条；警告 {len(self.warnings)} 条"
            f"（{self.jobs} 个进程，用时 {self.seconds:.1f} 秒，{rate:.1f} 份/秒）"
        ]
        if self.warnings:
            lines.append("警告：")
            lines.extend(f"  {label}：{reason}" for label, reason in self.warnings)
        if self.failures:
            lines.append("失败（未写入）：")
            lines.extend(f"  {label}：{reason}" for label, reason in self.failures)
        return "\n".join(lines)


class Progress:
    """A one-line progress bar on a terminal stream (plain text, rewritten in place; a line per 10% otherwise)."""

    WIDTH = 30

    def __init__(self, total: int, stream: TextIO | None) -> None:
        self.total, self.stream, self.done = total, stream, 0
        self.started = time.monotonic()
        self.live = bool(stream is not None and getattr(stream, "isatty", lambda: False)())
        self._last_tenth = -1

    def step(self, label: str) -> None:
        self.done += 1
        if self.stream is None or not self.total:
            return
        share = self.done / self.total
        elapsed = time.monotonic() - self.started
        rate = self.done / elapsed if elapsed else 0.0
        filled = int(share * self.WIDTH)
        bar = "#" * filled + "." * (self.WIDTH - filled)
        line = f"[{bar}] {self.done}/{self.total} {share:5.1%} {rate:.1f} 份/秒"
        if self.live:
            self.stream.write(f"\r{line} {os.path.basename(label)[:30]:<30}")
            if self.done == self.total:
                self.stream.write("\n")
            self.stream.flush()
        elif int(share * 10) != self._last_tenth:
            self._last_tenth = int(share * 10)
            self.stream.write(line + "\n")
            self.stream.flush()


def add_paths(
    store: Store,
    paths: Iterable[str | os.PathLike[str]],
    *,
    user: str,
    jobs: int | None = None,
    progress: TextIO | None = sys.stderr,
) -> AddSummary:
    """Add every document under ``paths`` to the library; one bad file never stops the rest.

    ``jobs``: worker processes (default: the machine's cores; 1 reads in this process).
    """
    from planwatch.store.library import known_hashes, save_entry

    jobs = max(1, jobs or os.cpu_count() or 1)
    summary = AddSummary(jobs=jobs)
    sources: list[Source] = []
    for item in list_sources(paths):
        if isinstance(item, Unlisted):
            summary.failures.append((item.label, item.reason))
        else:
            sources.append(item)
    known = known_hashes(store)
    bar = Progress(len(sources), progress)
    started = time.monotonic()

    def record(result: Entry | Known | Failed) -> None:
        bar.step(result.source)
        if isinstance(result, Failed):
            summary.failures.append((result.source, result.reason))
            return
        if isinstance(result, Known):
            summary.unchanged += 1
            return
        try:
            outcome = save_entry(store, result, user=user)
        except Exception as exc:  # a database refusal names this document and the run goes on
            summary.failures.append((result.source, f"写入数据库失败，该文档未写入（{type(exc).__name__}: {exc}）"))
            return
        if outcome == "unchanged":
            summary.unchanged += 1
            return
        setattr(summary, outcome, getattr(summary, outcome) + 1)
        summary.facts += len(result.facts)
        summary.chars += len(result.text)
        summary.warnings.extend((result.source, w) for w in result.warnings)

    if jobs == 1 or len(sources) <= 1:
        for source in sources:
            record(read_entry(source, known))
    else:
        _run_pool(sources, known, jobs, record)
    summary.seconds = time.monotonic() - started
    return summary


def _run_pool(
    sources: list[Source], known: frozenset[str], jobs: int, record: Callable[[Entry | Known | Failed], None]
) -> None:
    """Read ``sources`` in ``jobs`` processes with at most ``jobs × WINDOW_PER_JOB`` in flight, recording each.

    A worker that dies (a reader crashing on a malformed file, the out-of-memory killer) breaks
    the whole pool: the rest go on in a fresh pool, and the documents that were in flight are
    read again afterwards one at a time, so only the one that breaks its own pool is recorded
    as failed.
    """
    queue: deque[Source] = deque(sources)
    suspects: list[Source] = []
    while queue:
        suspects.extend(_run_pool_once(queue, known, jobs, jobs * WINDOW_PER_JOB, record))
    for source in suspects:
        if _run_pool_once(deque([source]), known, 1, 1, record):
            record(Failed(source.label, "读取进程异常退出（文件可能损坏或过大），该文档未写入"))


def _run_pool_once(
    queue: deque[Source],
    known: frozenset[str],
    jobs: int,
    window: int,
    record: Callable[[Entry | Known | Failed], None],
) -> list[Source]:
    """Work through ``queue`` in one pool; return the documents in flight if the pool broke (the rest stay queued)."""
    pending: dict[Future[Entry | Known | Failed], Source] = {}
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init, initargs=(known,)) as pool:
        while True:
            while len(pending) < window and queue:
                source = queue.popleft()
                try:
                    pending[pool.submit(_read_known, source)] = source
                except BrokenProcessPool:
                    queue.appendleft(source)
                    return list(pending.values())
            if not pending:
                return []
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                try:
                    result = future.result()
                except BrokenProcessPool:
                    return list(pending.values())  # this one and every other not yet recorded
                except Exception as exc:
                    result = Failed(pending[future].label, f"读取进程出错（{type(exc).__name__}: {exc}）")
                del pending[future]
                record(result)


_KNOWN: frozenset[str] = frozenset()


def _init(known: frozenset[str]) -> None:
    """Set up a worker: remember the texts the library holds, and leave Ctrl-C to the parent."""
    from planwatch.library.reading import worker_init

    global _KNOWN
    _KNOWN = known
    worker_init()


def _read_known(source: Source) -> Entry | Known | Failed:
    return read_entry(source, _KNOWN)
