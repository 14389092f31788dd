"""Entry warnings on progress records, and targets from reports as proposals.

``progress_records.warning`` keeps what the submitter confirmed (a year-to-date total
below the last one, a jump of several times) so the reviewer sees it later.
``target_proposals`` holds targets found in reports until the 计划处 accepts them: a
report never adds to the official plan on its own.

Revision ID: 0004
Revises: 0006
Create Date: 2026-12-07 03:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("progress_records") as batch:
        batch.add_column(sa.Column("warning", sa.Text(), nullable=True))
    op.create_table(
        "target_proposals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("target", sa.JSON(), nullable=False),
        sa.Column("document", sa.String(length=500), nullable=False),
        sa.Column("quote", sa.Text(), nullable=True),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("proposed_by", sa.String(length=200), nullable=False),
        sa.Column("proposed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_by", sa.String(length=200), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plans.id"], name=op.f("fk_target_proposals_plan_id_plans"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_target_proposals")),
        sa.UniqueConstraint("plan_id", "code", "document", name=op.f("uq_target_proposals_plan_id_code_document")),
    )


def downgrade() -> None:
    op.drop_table("target_proposals")
    with op.batch_alter_table("progress_records") as batch:
        batch.drop_column("warning")
