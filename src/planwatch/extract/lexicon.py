"""Compiled look-ups over the vocabulary tables (built once at import)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first (so 增长率 wins over 率)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def last_match(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The rightmost non-overlapping match of ``pattern`` in a short window."""
    found = None
    for found in pattern.finditer(text):  # noqa: B007 - we want the last one
        pass
    return found


_TABLES: dict[int, tuple[re.Pattern[str], re.Pattern[str], object]] = {}


def _patterns(words: Iterable[str]) -> tuple[re.Pattern[str], re.Pattern[str], object]:
    """Prefix and (reversed) suffix matchers for a table, built once (tables are module constants)."""
    found = _TABLES.get(id(words))
    if found is None or found[2] is not words:
        key = id(words)
        table = [w for w in words if w]
        prefix = re.compile(alternation(table) or "(?!)")
        suffix = re.compile(alternation([w[::-1] for w in table]) or "(?!)")
        found = (prefix, suffix, words)
        _TABLES[key] = found
    return found


def ending_with(words: Iterable[str], text: str) -> str | None:
    """The longest word of ``words`` that ``text`` ends with."""
    m = _patterns(words)[1].match(text[:-25:-1])
    return m.group(0)[::-1] if m else None


def starting_with(words: Iterable[str], text: str) -> str | None:
    """The longest word of ``words`` that ``text`` starts with."""
    m = _patterns(words)[0].match(text)
    return m.group(0) if m else None


def prefix_matcher(words: Iterable[str]) -> Callable[[str], str | None]:
    """A function giving the longest word of ``words`` that a text starts with (compiled once)."""
    match = _patterns(words)[0].match

    def longest_prefix(text: str) -> str | None:
        m = match(text)
        return m.group(0) if m else None

    return longest_prefix


def suffix_matcher(words: Iterable[str]) -> Callable[[str], str | None]:
    """A function giving the longest word of ``words`` that a text ends with (compiled once)."""
    match = _patterns(words)[1].match

    def longest_suffix(text: str) -> str | None:
        m = match(text[:-25:-1])
        return m.group(0)[::-1] if m else None

    return longest_suffix
