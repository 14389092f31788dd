"""An index on the audit log by record key: an item page reads its change history without a scan.

The item page lists the newest audit rows of the item and of each of its progress records
(``WHERE key = ? ORDER BY id DESC LIMIT 10``). Without an index that walks the whole log
backwards — over a million rows after a large import, seconds per page. ``(key, id)``
answers it with one index range read per key.

Revision ID: 0007
Revises: 0004
Create Date: 2026-12-07 02:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0007"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_audit_log_key_id", "audit_log", ["key", "id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_audit_log_key_id", table_name="audit_log")
