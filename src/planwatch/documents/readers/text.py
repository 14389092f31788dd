"""Plain text files, whatever their encoding (see ``planwatch.documents.encoding``)."""

from __future__ import annotations

from planwatch.documents.encoding import NotText, decode_bytes
from planwatch.documents.readers.base import Unreadable


def read_text(data: bytes) -> str:
    """The text of a .txt file, exactly as decoded (newlines untouched, a BOM dropped)."""
    try:
        text, _codec = decode_bytes(data)
    except NotText as exc:
        raise Unreadable(str(exc)) from None
    return text
