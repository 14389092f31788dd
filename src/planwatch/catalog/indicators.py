"""The indicator catalog: canonical indicators with aliases, unit, direction and kind.

"全市GDP", "地区生产总值" and "GDP增速" must land on one series, so every layer that
meets an indicator name (imports, ingest, the status engine) asks :meth:`Catalog.find`.
The indicators themselves live in ``indicators.csv`` next to this module.
"""

from __future__ import annotations

import csv
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from importlib import resources

from planwatch.catalog.vocabulary import LIGHT_SUFFIXES, REPORTING_VERBS, SCOPE_PREFIXES
from planwatch.plan.model import Direction

#: A cut name shorter than this (经济总量 → 经济) says too little to name an indicator.
MIN_STEM_LENGTH = 3


class IndicatorKind(StrEnum):
    """How an indicator behaves over time, which decides how it may be added up."""

    FLOW = "flow"  # accumulates through the year: GDP, investment, retail sales
    STOCK = "stock"  # a balance at a date: deposits, number of enterprises
    RATE = "rate"  # a ratio or intensity: unemployment rate, R&D intensity
    PRICE = "price"  # a price index change: CPI, PPI


@dataclass(frozen=True, slots=True)
class Indicator:
    """One canonical indicator."""

    code: str
    name: str
    aliases: tuple[str, ...]
    unit: str
    direction: Direction
    kind: IndicatorKind

    @property
    def names(self) -> tuple[str, ...]:
        """Return the name followed by its aliases."""
        return (self.name, *self.aliases)


class CatalogError(ValueError):
    """The catalog data is inconsistent (duplicate code, alias naming two indicators)."""


def normalise_name(text: str) -> str:
    """Return ``text`` in the form names are compared in.

    NFKC folds full-width letters and brackets (ＧＤＰ, （）) to their plain forms, case is
    folded for Latin abbreviations (gdp, Cpi) and spaces disappear.
    """
    return "".join(unicodedata.normalize("NFKC", text).upper().split())


def strip_scope(text: str) -> str:
    """Return ``text`` without a leading scope word such as 全市 or 我市."""
    for prefix in SCOPE_PREFIXES:
        if text.startswith(prefix) and len(text) > len(prefix):
            return text[len(prefix) :]
    return text


def strip_verbs(text: str) -> str:
    """Return ``text`` without reporting verbs inside it (规上工业企业实现利润总额 → 规上工业企业利润总额)."""
    for verb in REPORTING_VERBS:
        stripped = text.replace(verb, "")
        if stripped and stripped != text:
            return stripped
    return text


def strip_suffix(text: str) -> str | None:
    """Return ``text`` without one light ending (增速, 总额 …), or None when it has none."""
    for suffix in LIGHT_SUFFIXES:
        if text.endswith(suffix) and len(text) > len(suffix):
            return text[: -len(suffix)]
    return None


class Catalog:
    """A set of indicators, looked up by code or by any way a report writes the name."""

    def __init__(self, indicators: list[Indicator]) -> None:
        self._by_code: dict[str, Indicator] = {}
        self._by_name: dict[str, Indicator] = {}
        stem_owners: dict[str, set[str]] = {}
        for indicator in indicators:
            if indicator.code in self._by_code:
                raise CatalogError(f"指标编码重复：{indicator.code}")
            self._by_code[indicator.code] = indicator
            for name in indicator.names:
                key = normalise_name(name)
                other = self._by_name.get(key)
                if other is not None and other.code != indicator.code:
                    raise CatalogError(f"别称“{name}”同时指向 {other.code} 和 {indicator.code}")
                self._by_name[key] = indicator
                stem = strip_suffix(key)
                if stem and len(stem) >= MIN_STEM_LENGTH:
                    stem_owners.setdefault(stem, set()).add(indicator.code)
        # A name cut of its ending (进出口总值 → 进出口) also finds the indicator, unless the
        # cut form is a name of its own or would be claimed by two indicators.
        self._by_stem: dict[str, Indicator] = {
            stem: self._by_code[next(iter(codes))]
            for stem, codes in stem_owners.items()
            if len(codes) == 1 and stem not in self._by_name
        }

    def __iter__(self) -> Iterator[Indicator]:
        return iter(self._by_code.values())

    def __len__(self) -> int:
        return len(self._by_code)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def get(self, code: str) -> Indicator | None:
        """Return the indicator with this code, or None."""
        return self._by_code.get(code)

    def find(self, text: str) -> Indicator | None:
        """Return the indicator a report means by ``text``, or None.

        Tries, in order: the text as written; without a scope word (全市GDP); without a
        reporting verb inside it (规上工业企业实现利润总额); then
        cutting light endings one at a time (地区生产总值增长 → 地区生产总值), each time
        looking for an exact name or alias. A code (``gdp``) is accepted too.
        """
        if text in self._by_code:
            return self._by_code[text]
        key = normalise_name(text)
        if not key:
            return None
        scoped = strip_scope(key)
        for candidate in dict.fromkeys((key, scoped, strip_verbs(scoped))):
            found = self._lookup(candidate)
            if found is not None:
                return found
        return None

    def _lookup(self, key: str) -> Indicator | None:
        current: str | None = key
        while current:
            found = self._by_name.get(current) or self._by_stem.get(current)
            if found is not None:
                return found
            current = strip_suffix(current)
        return None


def read_catalog_rows(text: str) -> list[Indicator]:
    """Return the indicators of a catalog CSV text (header: code,name,aliases,unit,direction,kind)."""
    indicators = []
    for line_no, row in enumerate(csv.DictReader(text.splitlines()), start=2):
        try:
            indicators.append(
                Indicator(
                    code=row["code"].strip(),
                    name=row["name"].strip(),
                    aliases=tuple(a.strip() for a in (row["aliases"] or "").split("|") if a.strip()),
                    unit=row["unit"].strip(),
                    direction=Direction(row["direction"].strip()),
                    kind=IndicatorKind(row["kind"].strip()),
                )
            )
        except (KeyError, ValueError, AttributeError) as exc:
            raise CatalogError(f"indicators.csv 第{line_no}行有误：{exc}") from exc
    return indicators


@lru_cache(maxsize=1)
def load_catalog() -> Catalog:
    """Return the bundled catalog (read once per process)."""
    text = resources.files("planwatch.catalog").joinpath("indicators.csv").read_text(encoding="utf-8")
    return Catalog(read_catalog_rows(text))
