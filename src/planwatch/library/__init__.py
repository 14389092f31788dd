"""The library: reports of any region and year, their facts, and the panel of targets against outcomes.

For notebooks, every function takes the database as a store, a SQLAlchemy URL or a SQLite
path, and returns plain records (dataclasses and dicts, no pandas)::

    from planwatch import library
    rows = library.panel("planwatch.sqlite", indicators=["地区生产总值"], years="2020-2026")
    table = library.to_arrow(rows)          # pyarrow.Table; table.to_pandas() if you like
    library.write_parquet(rows, "panel.parquet")

- ``add(paths, db=…, jobs=…)``: read files, folders and .zip archives into the library.
- ``documents(db, region=…, year=…, genre=…, indicator=…, text=…)`` → (documents, total).
- ``document(db, ref)``: one document with its text, facts and goals stated in words.
- ``search(db, …)``: facts by region, year, genre, indicator and text.
- ``correct(db, ref, region=…, year=…)``: fix what could not be told.
- ``panel(db, indicators=…, level=…, region=…, years=…)`` → ``PanelRow``s (``iter_panel_rows``, same
  filters, yields them region by region in flat memory; ``write_csv`` writes them as they come); ``records(rows)``
  → dicts in the CSV's column order; ``to_arrow``, ``write_parquet``, ``write_csv``, ``write_xlsx``.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any, TextIO

from planwatch.library.export import records, to_arrow, write_csv, write_parquet, write_xlsx
from planwatch.library.service import LibraryError, correct, documents, iter_panel_rows, open_store, panel

if TYPE_CHECKING:
    from planwatch.library.adding import AddSummary
    from planwatch.store import Store
    from planwatch.store.library import DocumentText

__all__ = [
    "LibraryError",
    "add",
    "correct",
    "document",
    "documents",
    "iter_panel_rows",
    "panel",
    "records",
    "search",
    "to_arrow",
    "write_csv",
    "write_parquet",
    "write_xlsx",
]


def add(
    paths: list[str | os.PathLike[str]] | str | os.PathLike[str],
    db: Store | str | None = None,
    *,
    jobs: int | None = None,
    user: str | None = None,
    progress: TextIO | None = sys.stderr,
) -> AddSummary:
    """Add the documents under ``paths`` (files, folders, .zip) to the library; return the summary."""
    from planwatch.library.adding import add_paths
    from planwatch.settings import get_settings

    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    return add_paths(open_store(db), paths, user=user or get_settings().user, jobs=jobs, progress=progress)


def document(db: Store | str | None, ref: str | int) -> DocumentText:
    """Return one library document (by id, file name or sha256 prefix) with its text and facts."""
    from planwatch.store.library import get_document

    return get_document(open_store(db), ref)


def search(db: Store | str | None = None, *, limit: int | None = 200, **filters: Any) -> list[dict[str, Any]]:
    """Return facts of library documents by region, year, genre, indicator and text (the fact's subject or number)."""
    from planwatch.library.service import document_filters
    from planwatch.store.library import search_facts

    return search_facts(open_store(db), limit=limit, **document_filters(**filters))
