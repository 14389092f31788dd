"""An index on submissions by item: an item page reads its item's submissions without a scan.

Every figure the planning office imports and every approval leaves a submission, so a plan
of 100,000 projects reported monthly holds a million of them. The item page (its list of
submissions, the reviewer beside each report figure) asks for one item's; through
``(plan_id, state)`` alone that reads every submission of the plan. ``(plan_id,
item_code, id)`` answers it with one index range read, in the order the page lists them.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07 08:20:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_submissions_plan_id_item_code_id", "submissions", ["plan_id", "item_code", "id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_submissions_plan_id_item_code_id", table_name="submissions")
