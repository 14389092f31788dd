"""The store: plans, progress, the audit log and document facts in SQLite or PostgreSQL.

``Store.open(url)`` picks the database (default: ``planwatch.sqlite`` in the working
folder, or ``PLANWATCH_DATABASE_URL``); ``store.init()`` migrates it with Alembic.
"""

from planwatch.store.service import Store
from planwatch.store.summary import AbsentItem, AuditEntry, ChangeSummary, KindCounts, StoreError

__all__ = ["AbsentItem", "AuditEntry", "ChangeSummary", "KindCounts", "Store", "StoreError"]
