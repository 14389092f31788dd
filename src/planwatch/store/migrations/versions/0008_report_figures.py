"""Report figures matched to plan items: ``ingest`` becomes "add to the library, then match".

A report's facts are the library's (``document_facts``, one row each); what a plan makes of
them is a link, ``report_figures``: the fact, the plan item and date it speaks for, its value
in the item's unit, and whether it became progress, was kept beside a unit's own record, or
proposes a target. Re-ingesting a report no longer replaces the library's facts. Documents
an earlier ``ingest`` recorded stay as they were; reading them again fills them into the library.

Revision ID: 0008
Revises: 0005
Create Date: 2026-12-07 05:10:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "report_figures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("fact_id", sa.Integer(), nullable=False),
        sa.Column("item_code", sa.String(length=64), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=True),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("linked_by", sa.String(length=200), nullable=False),
        sa.Column("linked_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["fact_id"],
            ["document_facts.id"],
            name=op.f("fk_report_figures_fact_id_document_facts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plans.id"], name=op.f("fk_report_figures_plan_id_plans"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_figures")),
        sa.UniqueConstraint("plan_id", "fact_id", name=op.f("uq_report_figures_plan_id_fact_id")),
    )
    op.create_index("ix_report_figures_plan_id_item_code", "report_figures", ["plan_id", "item_code"], unique=False)
    op.create_index(op.f("ix_report_figures_fact_id"), "report_figures", ["fact_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_report_figures_fact_id"), table_name="report_figures")
    op.drop_index("ix_report_figures_plan_id_item_code", table_name="report_figures")
    op.drop_table("report_figures")
