"""Getting data out: a plan and its progress as xlsx, a folder/zip of CSV, or Parquet files.

``export_plan`` is loaded on first use, so importing this package does not import the store.
"""

from __future__ import annotations

from typing import Any

__all__ = ["ExportResult", "export_plan"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from planwatch.exports import service

        return getattr(service, name)
    raise AttributeError(name)
