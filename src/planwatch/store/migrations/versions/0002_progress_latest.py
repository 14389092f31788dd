"""Per-item progress summary ``progress_latest``, filled from the progress already stored.

Whole-plan status reads one summary row per item instead of grouping every progress
row; the store rewrites the summary of the items each progress write touches.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27 09:05:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "progress_latest",
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("item_code", sa.String(length=64), nullable=False),
        sa.Column("last_any", sa.Date(), nullable=False),
        sa.Column("last_cum", sa.Date(), nullable=True),
        sa.Column("last_nc", sa.Date(), nullable=True),
        sa.Column("first_nc", sa.Date(), nullable=True),
        sa.Column("sum_nc", sa.Float(), nullable=True),
        sa.Column("n_nc", sa.Integer(), nullable=False),
        sa.Column("last_stage", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plans.id"], name=op.f("fk_progress_latest_plan_id_plans"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("plan_id", "item_code", name=op.f("pk_progress_latest")),
    )
    from planwatch.store.latest import LATEST, SUMMARY_COLUMNS, summary_select

    # The summary alone: the rows table that later writes keep with it comes in 0003.
    op.get_bind().execute(LATEST.insert().from_select(SUMMARY_COLUMNS, summary_select()))


def downgrade() -> None:
    op.drop_table("progress_latest")
