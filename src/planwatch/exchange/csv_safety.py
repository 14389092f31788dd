"""Text a spreadsheet would run as a formula, and the quote that keeps it text in a CSV file.

A CSV cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return may be
taken for a formula when Excel or WPS opens the file (OWASP: CSV injection); a narrative
like ``=HYPERLINK(...)`` copied from a web page would become a live link. The CSV exporter
writes such text with a leading ``'`` and the CSV reader removes exactly that quote, so
export → import → export gives the same file and the same data.

Two refinements keep the pair an exact inverse: text that is a plain number (``-3.5``,
``+2``) is harmless and stays as it is, and text that already starts with quotes before
one of those characters gets one more, so the reader never eats a quote the data had.

A CSV export opened in Excel and saved as a workbook keeps the quote as text, so the
xlsx reader removes it too; the xlsx writer, which needs no guard (its cells are typed),
adds only the extra quote of :func:`keep_own_quote`, so workbooks round-trip exactly.
"""

from __future__ import annotations

import re

#: First characters a spreadsheet reads as the start of a formula (OWASP's list).
FORMULA_STARTS = frozenset("=+-@\t\r")
QUOTE = "'"
#: Text that a spreadsheet shows as the number it is, not as a formula.
PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def needs_quote(text: str) -> bool:
    """Tell whether ``text`` must be written behind a quote to stay text in a spreadsheet."""
    body = text.lstrip(QUOTE)
    if not body or body[0] not in FORMULA_STARTS:
        return False
    return text[:1] == QUOTE or PLAIN_NUMBER.fullmatch(text) is None


def quote_formula(text: str) -> str:
    """Return ``text`` as the CSV exporter writes it: behind a ``'`` when it could start a formula."""
    return QUOTE + text if needs_quote(text) else text


def keep_own_quote(text: str) -> str:
    """Return ``text`` for a typed cell (xlsx): one more ``'`` only when its own quote would be read as a guard."""
    return QUOTE + text if text[:1] == QUOTE and needs_quote(text) else text


def unquote_formula(text: str) -> str:
    """Return the text a CSV cell written by :func:`quote_formula` holds (its one added ``'`` removed)."""
    if text[:1] == QUOTE and needs_quote(text[1:]):
        return text[1:]
    return text


__all__ = ["FORMULA_STARTS", "keep_own_quote", "needs_quote", "quote_formula", "unquote_formula"]
