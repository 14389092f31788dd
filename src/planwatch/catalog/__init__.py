"""Canonical indicators and the names reports give them."""

from planwatch.catalog.indicators import (
    Catalog,
    CatalogError,
    Indicator,
    IndicatorKind,
    load_catalog,
    normalise_name,
)

__all__ = ["Catalog", "CatalogError", "Indicator", "IndicatorKind", "load_catalog", "normalise_name"]
