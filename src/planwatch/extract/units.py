"""Normalise a written unit to its base unit and factor: one home for the unit vocabulary.

``normalise_unit("亿元") == ("元", 1e8)``; ``normalise_unit("万人次") == ("人次", 1e4)``;
``normalise_unit("%") == ("%", 1.0)``; an unknown unit gives ``None``. Other layers (imports,
catalog) call this to validate the units users type.
"""

from __future__ import annotations

from functools import lru_cache

from planwatch.extract.vocabulary import units as vocab

_BASE: dict[str, str] = {w: w for w in vocab.MEASURE_WORDS}
_BASE.update(vocab.CURRENCIES)
_BASE.update({p: "%" for p in vocab.PERCENT_SIGNS})
_BASE.update({p: "‰" for p in vocab.PERMILLE_SIGNS})
_BASE.update({p: "pp" for p in vocab.PERCENTAGE_POINTS})
_BASE.update({"pp": "pp", "位": "位", "倍": "倍"})


def _base(word: str) -> tuple[str, float] | None:
    if word in vocab.SCALED_UNITS:
        return vocab.SCALED_UNITS[word]
    if word in _BASE:
        return _BASE[word], 1.0
    return _compound(word) or _parenthetical(word)


def _compound(word: str) -> tuple[str, float] | None:
    """元/头, 微克/立方米: the numerator carries the factor; a denominator's magnitude is not applied."""
    if "/" not in word:
        return None
    head, _, tail = word.partition("/")
    first = _base(head) if head else None
    if first is None or not tail:
        return None
    return f"{first[0]}/{tail}", first[1]


def _parenthetical(word: str) -> tuple[str, float] | None:
    """头（只）, 套（间）, 辆（艘、架、列）次: kept as written, factor of the leading unit."""
    for open_, close in (("（", "）"), ("(", ")")):
        if open_ in word and close in word:
            head = word.split(open_, 1)[0]
            found = _base(head) if head else None
            if found is not None:
                return word, found[1]
    return None


@lru_cache(maxsize=4096)
def normalise_unit(text: str) -> tuple[str, float] | None:
    """Return ``(base_unit, factor)`` for a written unit such as 亿元 or 万人次, or ``None``."""
    word = text.strip()
    if not word:
        return None
    found = _base(word)
    if found is not None:
        return found
    for magnitude in sorted(vocab.ARABIC_MAGNITUDE_FACTORS, key=len, reverse=True):
        if word.startswith(magnitude) and len(word) > len(magnitude):
            rest = _base(word[len(magnitude):])
            if rest is not None and not rest[0].startswith(("%", "pp")):
                return rest[0], rest[1] * vocab.ARABIC_MAGNITUDE_FACTORS[magnitude]
    return None
