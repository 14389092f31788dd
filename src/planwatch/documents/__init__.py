"""Reading reports into text, and what the text says about its own structure.

- ``read(path) -> Document``: .txt (UTF-8, GB18030/GBK, Big5, UTF-16 with or without BOM,
  detected), .docx (text boxes, tracked changes accepted, notes after the body), .html/.htm,
  .pdf with a text layer (in reading order, without page furniture), .rtf; the content
  decides over the name (a ".doc" that is RTF or a web page is read); anything unreadable
  raises ``DocumentError`` naming the file, the problem and what to do.
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
