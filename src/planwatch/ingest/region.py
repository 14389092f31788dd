"""Whose report is it: the region a report speaks for, against the plan's region.

A city's statistics notice read into another city's plan turns that plan's indicators red
with someone else's figures. The issuer (or, without one, the title) of a report names its
region; :func:`foreign_region` says when that region is plainly not the plan's, so ingest
can refuse it unless the user names the plan and insists (``--plan P --force``).
"""

from __future__ import annotations

from planwatch.catalog.gazetteer import locate
from planwatch.documents.metadata import DocumentMetadata

#: Endings of a region's name that reports often leave out (江川市 → 江川).
REGION_ENDINGS = ("特别行政区", "自治州", "自治县", "自治区", "地区", "盟", "省", "市", "区", "县", "旗")


def short_names(name: str) -> list[str]:
    """Return a region's name and its name without the ending (at least two characters kept)."""
    names = [name]
    for ending in REGION_ENDINGS:
        if name.endswith(ending) and len(name) - len(ending) >= 2:
            names.append(name[: -len(ending)])
            break
    return names


def foreign_region(metadata: DocumentMetadata, plan_region: str) -> str | None:
    """Return the place a report's issuer names when it is not ``plan_region``, else None.

    A report whose issuer (or title) holds the plan region's name is the plan's own; one
    that names no place a gazetteer knows cannot be judged and is let through.
    """
    words = metadata.issuer or metadata.title or ""
    if not words.strip():
        return None
    if any(name in words for name in short_names(plan_region)):
        return None
    place = locate(words)
    return place.name if place is not None else None
