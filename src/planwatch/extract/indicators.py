"""Which catalog indicator a fact's subject names: the key that joins one series across reports.

The subject stays as the report wrote it (经济增长, 全省生产总值, GDP); ``indicator_of`` gives the
catalog's canonical name (地区生产总值) so an analyst can line up regions. The catalog decides
what a name means (``planwatch.catalog``: aliases, scope words, light endings); this module
only says which facts may carry an indicator at all.
"""

from __future__ import annotations

from functools import lru_cache

from planwatch.catalog import IndicatorKind, load_catalog
from planwatch.extract.vocabulary import subjects as sv


@lru_cache(maxsize=4096)
def _find(subject: str) -> tuple[str, IndicatorKind] | None:
    catalog = load_catalog()
    found = catalog.find(subject)
    rest = subject
    while found is None:
        word = next((w for w in sv.INDICATOR_LEADING_WORDS if rest.startswith(w) and len(rest) > len(w)), None)
        if word is None:
            return None
        rest = rest[len(word):]
        found = catalog.find(rest)
    return found.name, found.kind


def indicator_of(subject: str | None, measure: str) -> str | None:
    """The canonical indicator ``subject`` names, or None.

    A share of a flow or stock (``ratio`` of an indicator that is not itself a rate) is a
    different series, so it gets none: 地区生产总值 as a rank or growth is still 地区生产总值,
    but a percentage *of* it is not.
    """
    if not subject:
        return None
    found = _find(subject)
    if found is None and measure in ("growth", "change_pp"):
        found = _find(subject + "增长")  # a growth's subject lost its growth noun (经济增长5% → 经济)
    if found is None:
        return None
    name, kind = found
    if measure == "ratio" and kind not in (IndicatorKind.RATE, IndicatorKind.PRICE):
        return None
    return name
