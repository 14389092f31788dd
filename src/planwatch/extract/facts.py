"""The ``Fact`` record: one number of a report tied to what it measures (facts-schema.md)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

MEASURES = ("level", "growth", "ratio", "change_pp", "rank")
MODALITIES = ("actual", "target", "plan")
QUALIFIERS = ("over", "nearly", "about", "under", "at_least")
FIELDS = ("span", "text", "subject", "measure", "value", "unit", "period", "modality", "qualifier", "baseline",
          "indicator")


@dataclass(frozen=True, slots=True)
class Fact:
    """One quantitative statement; field names and meanings are those of the exchange format."""

    span: tuple[int, int]
    text: str
    subject: str | None
    measure: str
    value: float
    unit: str | None
    period: str | None
    modality: str
    qualifier: str | None
    baseline: str | None
    # the catalog's canonical name of what ``subject`` measures (经济增长 → 地区生产总值), else None:
    # the subject stays as written, this is what joins one indicator across reports and regions
    indicator: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON object of facts-schema.md (span as a list, keys in schema order)."""
        return {
            "span": [self.span[0], self.span[1]],
            "text": self.text,
            "subject": self.subject,
            "measure": self.measure,
            "value": _plain(self.value),
            "unit": self.unit,
            "period": self.period,
            "modality": self.modality,
            "qualifier": self.qualifier,
            "baseline": self.baseline,
            "indicator": self.indicator,
        }


def _plain(value: float) -> float | int:
    """Write 174万辆 as 1740000 and 1,286.4亿元 as 128640000000 (not 128640000000.00002)."""
    rounded = float(f"{value:.12g}")
    if rounded == int(rounded) and abs(rounded) < 1e18:
        return int(rounded)
    return rounded
