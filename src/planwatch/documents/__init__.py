"""Reading reports into text, and what the text says about its own structure.

- ``read(path) -> Document``: .txt (encoding detected), .docx, .html/.htm, .pdf with a text
  layer; anything unreadable raises ``DocumentError`` naming the file and the problem.
- ``outline.build_outline(text)``: the heading tree with character spans.
- ``metadata.read_metadata(text)``: title, issuer, date, year and period reported on.
"""

from __future__ import annotations

from pathlib import Path

from planwatch.documents.model import Document, DocumentError

__all__ = ["Document", "DocumentError", "read"]


def read(path: str | Path) -> Document:
    """Read the document at ``path`` into text; raise ``DocumentError`` when it cannot be read."""
    from planwatch.documents.readers import read_document

    return read_document(Path(path))
