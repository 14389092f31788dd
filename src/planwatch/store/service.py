"""The store facade: one ``Store`` over one engine, its parts kept by aggregate.

Plans (:mod:`.plans`), progress (:mod:`.progress`), the audit log (:mod:`.audit`) and
document facts (:mod:`.documents`) each hold their writes and reads; the writer of one
transaction (diffing, batched statements, audit rows) is :mod:`.writer`, the shared table
handles are in :mod:`.tables`. ``Store`` mixes them over one engine and keeps the one
use case that spans them all, recording what a report gave.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from planwatch.plan.model import ProgressRecord, Target
from planwatch.settings import Settings
from planwatch.store.audit import AuditStore
from planwatch.store.documents import DocumentStore, DocumentWriter
from planwatch.store.engine import describe_location, for_writing, make_engine
from planwatch.store.items import check_namespace, plan_id_of
from planwatch.store.library import save_entry_in
from planwatch.store.migrate import current_revision, upgrade_to_head
from planwatch.store.plans import PlanStore, PlanWriter
from planwatch.store.progress import ProgressStore
from planwatch.store.report_figures import Figure, fact_ids, link_figures
from planwatch.store.summary import IngestWrite, StoreError
from planwatch.store.writer import repeated_codes

if TYPE_CHECKING:
    from planwatch.library.reading import Entry



class _Writer(PlanWriter, DocumentWriter):
    """The writes of one transaction across aggregates: a report's proposals, progress and facts."""


#: one store initialising at a time in this process (see ``Store._ensure``).
_INIT_LOCK = threading.Lock()


class Store(PlanStore, ProgressStore, AuditStore, DocumentStore):
    """Plans, progress, audit log and document facts in one database (SQLite or PostgreSQL)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._writer = for_writing(engine)
        self._ready = False

    @classmethod
    def open(cls, url: str | None = None) -> Store:
        """Open the store at ``url``; None → ``PLANWATCH_DATABASE_URL`` or ``sqlite:///planwatch.sqlite``."""
        return cls(make_engine(url or os.environ.get("PLANWATCH_DATABASE_URL") or Settings().database_url))

    @property
    def location(self) -> str:
        """Where the database is: a file path for SQLite, the URL (no password) otherwise."""
        return describe_location(self.engine)

    def init(self) -> str | None:
        """Create or migrate the schema to the newest revision (idempotent); return that revision."""
        upgrade_to_head(self.engine)
        self._ready = True
        return current_revision(self.engine)

    def revision(self) -> str | None:
        """Return the schema revision the database is at (None when empty)."""
        return current_revision(self.engine)

    def close(self) -> None:
        """Release the connections."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def write_transaction(self):
        """Return a context manager of one write transaction (on SQLite it takes the write lock at BEGIN)."""
        return self._writer.begin()

    def _ensure(self) -> None:
        # A store used before ``init`` migrates itself once: a fresh file just works. Once per
        # store, under a lock: the first requests of a server arrive on several threads at once,
        # and Alembic's migration context is process-global (two at once fail).
        if not self._ready:
            with _INIT_LOCK:
                if not self._ready:
                    self.init()


    _plan_id = staticmethod(plan_id_of)

    def record_ingest(
        self,
        plan_code: str,
        *,
        entry: Entry,
        facts: int,
        targets: Sequence[Target],
        progress: Sequence[ProgressRecord],
        figures: Sequence[Figure],
        user: str,
    ) -> IngestWrite:
        """Add a report to the library (or find it there) and record what the plan makes of it, in ONE transaction.

        A report is read as a whole, so it is recorded as a whole: if any part is refused
        (a duplicate or unknown code, a fact the database will not take) the transaction
        is rolled back and nothing of the other parts stays. ``facts`` is how many facts
        the figures' indexes count in: the library's stored facts of the document when it
        was there already, else ``entry.facts`` (stored now, in that order). Targets become
        proposals, progress upserts by key (each changed figure with a submission approved by
        ``user``, the document named as its source), and ``figures`` link the plan's items to library
        facts (:mod:`.report_figures`); the library's facts are never replaced, so recording
        the same report again changes nothing.
        """
        self._ensure()
        dups = repeated_codes(t.code for t in targets)
        if dups:
            raise StoreError(f"计划 {plan_code} 中项目编码 {dups[0]} 重复，未写入任何数据")
        result = IngestWrite()
        with self._writer.begin() as conn:
            plan_id = self._plan_id(conn, plan_code)
            check_namespace(conn, plan_id, plan_code, [("target", targets)])
            outcome, result.document_id = save_entry_in(conn, entry, user=user)
            result.document.bump("document", "unchanged" if outcome == "unchanged" else "inserted")
            ids = fact_ids(conn, result.document_id)
            if len(ids) != facts:
                raise StoreError(f"{entry.name}：文档库中该文档的数据在读取期间被改动，未写入任何数据，请重新导入")
            writer = _Writer(conn, user, result.targets)
            # a report never adds to the official plan: its targets wait for the 计划处 as proposals
            writer.proposals(plan_id, plan_code, list(targets), entry.name)
            writer.summary = result.progress
            # the figures a report gives are vouched for by who ran ingest, as an import's are
            writer.vouched_progress(plan_id, plan_code, list(progress), entry.name)
            writer.flush()
            link_figures(conn, plan_id, ids, figures, user, result.figures)
        return result
