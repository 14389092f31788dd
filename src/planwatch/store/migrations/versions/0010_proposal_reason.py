"""A target proposal keeps why it was decided: the reason shows beside the decision, not only in the audit log.

Until now the reason of a 不采纳 (required) lived only in the decision's audit row, so the
proposals page could say who rejected a target and when, but not why. The column is filled
for decisions already taken from those audit rows (the key ``PLAN/CODE``, the decision's
time), so nothing said before the upgrade is lost.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07 09:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("target_proposals") as batch:
        batch.add_column(sa.Column("decision_reason", sa.Text(), nullable=True))
    audit = sa.table(
        "audit_log",
        sa.column("at", sa.DateTime(timezone=True)),
        sa.column("action", sa.String),
        sa.column("table_name", sa.String),
        sa.column("key", sa.String),
        sa.column("after", sa.JSON),
    )
    plans = sa.table("plans", sa.column("id", sa.Integer), sa.column("code", sa.String))
    proposals = sa.table(
        "target_proposals",
        sa.column("plan_id", sa.Integer),
        sa.column("code", sa.String),
        sa.column("decided_at", sa.DateTime(timezone=True)),
        sa.column("decision_reason", sa.Text),
    )
    conn = op.get_bind()
    decisions = conn.execute(
        sa.select(audit.c.at, audit.c.key, audit.c.after).where(
            audit.c.table_name == "target_proposals", audit.c.action == "update"
        )
    ).all()
    for at, key, after in decisions:
        reason = (after or {}).get("reason")
        plan_code, _, code = key.partition("/")
        if not reason or not code:
            continue
        plan_id = sa.select(plans.c.id).where(plans.c.code == plan_code).scalar_subquery()
        conn.execute(
            sa.update(proposals)
            .where(proposals.c.plan_id == plan_id, proposals.c.code == code, proposals.c.decided_at == at)
            .values(decision_reason=reason)
        )


def downgrade() -> None:
    with op.batch_alter_table("target_proposals") as batch:
        batch.drop_column("decision_reason")
