"""Which catalog indicator a fact measures: ONE function, so the source of that answer can change in one place.

The extractor gives each fact an ``indicator`` (the catalog's canonical name, or null); where
it names one, that is the answer. Where it leaves null, the subject is looked up in the
catalog the way ``ingest`` matches report figures to plan targets, after the library's few
subjects that name an indicator by another word (单位国内生产总值能耗 → 单位地区生产总值能耗).
"""

from __future__ import annotations

from typing import Any

from planwatch.catalog import load_catalog
from planwatch.ingest.matching import find_indicator
from planwatch.library.vocabulary import SUBJECT_INDICATORS


def indicator_of(fact: Any) -> str | None:
    """Return the canonical catalog name of what ``fact`` (a ``Fact`` or its dict) measures, or None."""
    catalog = load_catalog()
    get = fact.get if isinstance(fact, dict) else lambda key: getattr(fact, key, None)
    named = get("indicator")
    if named:
        found = catalog.find(str(named))
        return found.name if found is not None else str(named)
    return indicator_named(get("subject"))


def indicator_named(subject: str | None) -> str | None:
    """Return the canonical catalog name ``subject`` (as a report writes it) stands for, or None."""
    if not subject:
        return None
    if subject in SUBJECT_INDICATORS:
        return SUBJECT_INDICATORS[subject]
    found = find_indicator(load_catalog(), subject)
    return found.name if found is not None else None
