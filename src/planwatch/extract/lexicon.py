"""Compiled look-ups over the vocabulary tables (built once at import)."""

from __future__ import annotations

import re
from collections.abc import Iterable


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first (so 增长率 wins over 率)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def last_match(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The rightmost non-overlapping match of ``pattern`` in a short window."""
    found = None
    for found in pattern.finditer(text):  # noqa: B007 - we want the last one
        pass
    return found


_TABLES: dict[int, tuple[tuple[tuple[int, frozenset[str]], ...], object]] = {}


def _by_length(words: Iterable[str]) -> tuple[tuple[int, frozenset[str]], ...]:
    """A table as (length, word set) pairs, longest first; built once per table (tables are constants)."""
    key = id(words)
    found = _TABLES.get(key)
    if found is None or found[1] is not words:
        lengths: dict[int, set[str]] = {}
        for w in words:
            lengths.setdefault(len(w), set()).add(w)
        table = tuple((n, frozenset(ws)) for n, ws in sorted(lengths.items(), reverse=True))
        found = (table, words)
        _TABLES[key] = found
    return found[0]  # type: ignore[return-value]


def ending_with(words: Iterable[str], text: str) -> str | None:
    """The longest word of ``words`` that ``text`` ends with."""
    for n, ws in _by_length(words):
        if n <= len(text) and text[-n:] in ws:
            return text[-n:]
    return None


def starting_with(words: Iterable[str], text: str) -> str | None:
    """The longest word of ``words`` that ``text`` starts with."""
    for n, ws in _by_length(words):
        if n <= len(text) and text[:n] in ws:
            return text[:n]
    return None
