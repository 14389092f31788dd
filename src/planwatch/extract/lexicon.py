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


def ending_with(words: Iterable[str], text: str) -> str | None:
    """The longest word of ``words`` that ``text`` ends with."""
    best = None
    for w in words:
        if text.endswith(w) and (best is None or len(w) > len(best)):
            best = w
    return best


def starting_with(words: Iterable[str], text: str) -> str | None:
    """The longest word of ``words`` that ``text`` starts with."""
    best = None
    for w in words:
        if text.startswith(w) and (best is None or len(w) > len(best)):
            best = w
    return best
