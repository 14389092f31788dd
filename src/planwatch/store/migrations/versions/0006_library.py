"""The library: what ``planwatch library add`` reads from a document, and the indicator of each fact.

``documents`` gains the document's text, title, issuer, region (GB/T 2260 code), year, period
and genre, the warnings it was stored with, and whether a person corrected its region or year;
``document_facts`` gains the catalog indicator each fact measures, so the panel and the
search by indicator need no second pass over the texts.

Revision ID: 0006
Revises: 0003
Create Date: 2026-12-07 02:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def document_columns() -> tuple[sa.Column, ...]:
    """The columns the library adds to ``documents`` (new objects each call: a column belongs to one table)."""
    return (
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("source", sa.String(length=1000), nullable=True),
        sa.Column("format", sa.String(length=10), nullable=True),
        sa.Column("title", sa.String(length=500), nullable=True),
        sa.Column("issuer", sa.String(length=200), nullable=True),
        sa.Column("issued", sa.String(length=10), nullable=True),
        sa.Column("region_code", sa.String(length=12), nullable=True),
        sa.Column("region_name", sa.String(length=200), nullable=True),
        sa.Column("region_level", sa.String(length=20), nullable=True),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("period", sa.String(length=40), nullable=True),
        sa.Column("genre", sa.String(length=40), nullable=True),
        sa.Column("chars", sa.Integer(), nullable=True),
        sa.Column("corrected", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("warnings", sa.JSON(), nullable=True),
        sa.Column("word_targets", sa.JSON(), nullable=True),
        sa.Column("body", sa.Text(), nullable=True),
    )


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        for column in document_columns():
            batch.add_column(column)
        batch.create_index("ix_documents_region_code_year", ["region_code", "year"])
        batch.create_index(batch.f("ix_documents_year"), ["year"])
        batch.create_index(batch.f("ix_documents_genre"), ["genre"])
    with op.batch_alter_table("document_facts") as batch:
        batch.add_column(sa.Column("indicator", sa.String(length=100), nullable=True))
        batch.create_index(batch.f("ix_document_facts_indicator"), ["indicator"])


def downgrade() -> None:
    with op.batch_alter_table("document_facts") as batch:
        batch.drop_index(batch.f("ix_document_facts_indicator"))
        batch.drop_column("indicator")
    with op.batch_alter_table("documents") as batch:
        batch.drop_index(batch.f("ix_documents_genre"))
        batch.drop_index(batch.f("ix_documents_year"))
        batch.drop_index("ix_documents_region_code_year")
        for column in reversed(document_columns()):
            batch.drop_column(column.name)
