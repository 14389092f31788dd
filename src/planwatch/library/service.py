"""The library's use cases, shared by the CLI, the web pages and notebooks: resolve what a person typed, ask the store.

Regions may be given as a GB/T 2260 code (340000), a name (安徽省, 安徽, 海拉尔区) or 全国;
years as 2025 or a range 2020-2026. Anything that does not resolve raises ``LibraryError``
with a Chinese message naming the value, before anything is read or written.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from planwatch.library import vocabulary as vocab

if TYPE_CHECKING:
    from planwatch.library.panel import PanelRow
    from planwatch.store import Store
    from planwatch.store.library import DocumentInfo

YEARS = re.compile(r"^\s*(\d{4})\s*(?:[-–—~～至到]\s*(\d{4}))?\s*$")
#: A report period as the library stores it (ISO months, 2025-01/2025-06), or a whole year (2025).
PERIOD = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})\s*/\s*(\d{4})-(\d{1,2}))?\s*$")
LEVELS = ("province", "city", "county")
LEVEL_ZH = {"national": "全国", "province": "省级", "city": "地级", "county": "县级"}


class LibraryError(ValueError):
    """A region, year, genre or level that does not resolve; the message (Chinese) names it."""


@dataclass(frozen=True, slots=True)
class Region:
    """A region as the library keys it."""

    code: str
    name: str
    level: str


def open_store(db: Store | str | os.PathLike[str] | None) -> Store:
    """Return ``db`` if it is a store, else the store at that URL or SQLite path (None: the default database)."""
    from planwatch.store import Store

    if isinstance(db, Store):
        return db
    if db is None:
        return Store.open()
    text = os.fspath(db)
    return Store.open(text if "://" in text else f"sqlite:///{os.path.abspath(text)}")


def resolve_region(text: str) -> Region:
    """Return the region ``text`` names (code, name, alias or 全国); ``LibraryError`` when none or several."""
    from planwatch.catalog import gazetteer

    wanted = text.strip()
    if wanted in (vocab.NATIONAL_CODE, vocab.NATIONAL_NAME):
        return Region(vocab.NATIONAL_CODE, vocab.NATIONAL_NAME, vocab.NATIONAL_LEVEL)
    if wanted.isdigit():
        division = gazetteer.by_code(wanted)
        if division is None:
            raise LibraryError(f"没有行政区划代码为“{wanted}”的地区")
        return Region(division.code, division.name, division.level)
    found = gazetteer.find(wanted)
    if not found:
        raise LibraryError(f"不认识地区“{wanted}”：请写行政区划名称（如 安徽省、海拉尔区）或 6 位区划代码")
    if len(found) > 1:
        options = "、".join(f"{gazetteer.full_name(d.code)}（{d.code}）" for d in found[:8])
        raise LibraryError(f"地区“{wanted}”有多处同名：{options}；请写区划代码或带上级名称")
    return Region(found[0].code, found[0].name, found[0].level)


def region_codes(regions: list[str] | tuple[str, ...] | str | None) -> list[str] | None:
    """Return the codes of the regions named (None when none are)."""
    if not regions:
        return None
    if isinstance(regions, str):
        regions = [regions]
    return [resolve_region(r).code for r in regions]


def parse_years(years: str | int | tuple[int, int] | None) -> tuple[int, int] | None:
    """Return ``(first, last)`` of 2025, "2025" or "2020-2026"; ``LibraryError`` on anything else."""
    if years is None or years == "":
        return None
    if isinstance(years, tuple):
        return (int(years[0]), int(years[1]))
    if isinstance(years, int):
        return (years, years)
    match = YEARS.match(str(years))
    if not match:
        raise LibraryError(f"年份“{years}”无法识别：请写 2025 或 2020-2026")
    first, last = int(match.group(1)), int(match.group(2) or match.group(1))
    if first > last:
        raise LibraryError(f"年份范围“{years}”前大后小：请写成 {last}-{first}")
    return (first, last)


def check_genre(genre: str | None) -> str | None:
    """Return ``genre`` if it is one of the library's genres (None passes)."""
    if genre and genre not in vocab.GENRE_NAMES:
        raise LibraryError(f"文档类型“{genre}”不在 {'、'.join(vocab.GENRE_NAMES)} 之中")
    return genre or None


def check_period(period: str) -> str:
    """Return ``period`` as the library stores it (2025-01/2025-06; 2025 → 2025-01/2025-12), else ``LibraryError``."""
    match = PERIOD.match(period)
    if not match:
        raise LibraryError(f"报告期“{period[:40]}”无法识别：请写 2025-01/2025-06（1—6月）或 2025（全年）")
    year, first_month, last_year, last_month = match.groups()
    if first_month is None:
        return f"{year}-01/{year}-12"
    start, end = (int(year), int(first_month)), (int(last_year), int(last_month))
    if not (1 <= start[1] <= 12 and 1 <= end[1] <= 12) or start > end:
        raise LibraryError(f"报告期“{period[:40]}”的月份不对：月份为 1—12，且起月不晚于止月")
    return f"{start[0]}-{start[1]:02d}/{end[0]}-{end[1]:02d}"


def check_indicator(indicator: str | None) -> str | None:
    """Return the catalog's canonical name for ``indicator`` (any name or alias), else ``LibraryError``."""
    if not indicator:
        return None
    from planwatch.library.indicators import indicator_named

    name = indicator_named(indicator)
    if name is None:
        raise LibraryError(f"指标库中没有指标“{indicator}”（可用 地区生产总值、GDP、社会消费品零售总额 等名称）")
    return name


def document_filters(
    *,
    region: str | list[str] | None = None,
    year: str | int | tuple[int, int] | None = None,
    genre: str | None = None,
    indicator: str | None = None,
    text: str | None = None,
) -> dict[str, Any]:
    """Return the store's filters for what a person asked (names resolved, values checked)."""
    return {
        "regions": region_codes(region),
        "years": parse_years(year),
        "genre": check_genre(genre),
        "indicator": check_indicator(indicator),
        "text": (text or "").strip() or None,
    }


def documents(db: Store | str | None = None, *, limit: int | None = None, offset: int = 0, **filters: Any):
    """Return ``(documents, total)``: the library's documents matching region, year, genre, indicator and text."""
    from planwatch.store.library import list_documents

    return list_documents(open_store(db), limit=limit, offset=offset, **document_filters(**filters))


def correct(
    db: Store | str | None,
    ref: str | int,
    *,
    user: str,
    region: str | None = None,
    year: int | None = None,
    genre: str | None = None,
    period: str | None = None,
) -> DocumentInfo:
    """Correct a document's region, year, period or genre (``library set``, the web form); return it as now stored."""
    from planwatch.store.library import set_document

    changes: dict[str, Any] = {}
    if region:
        found = resolve_region(region)
        changes.update(region_code=found.code, region_name=found.name, region_level=found.level)
    if year is not None:
        if not 1949 <= int(year) <= 2100:
            raise LibraryError(f"年份“{year}”不合理：请写四位年份，如 2025")
        changes["year"] = int(year)
    if genre:
        changes["genre"] = check_genre(genre)
    if period:
        changes["period"] = check_period(period)
    if not changes:
        raise LibraryError("请至少指定地区（--region）、年份（--year）、报告期（--period）或类型（--genre）之一")
    return set_document(open_store(db), ref, user=user, **changes)


def panel(
    db: Store | str | None = None,
    *,
    indicators: list[str] | tuple[str, ...] | str | None = None,
    level: str | None = None,
    region: str | list[str] | None = None,
    years: str | int | tuple[int, int] | None = None,
) -> list[PanelRow]:
    """Return the panel of targets against outcomes (see ``planwatch.library.panel``) for the library in ``db``."""
    return list(iter_panel_rows(db, indicators=indicators, level=level, region=region, years=years))


def iter_panel_rows(
    db: Store | str | None = None,
    *,
    indicators: list[str] | tuple[str, ...] | str | None = None,
    level: str | None = None,
    region: str | list[str] | None = None,
    years: str | int | tuple[int, int] | None = None,
) -> Iterator[PanelRow]:
    """Yield the panel's rows region by region, reading one region's facts at a time (flat memory).

    Everything a person typed is checked before the first row is read.
    """
    from planwatch.library.panel import iter_panel
    from planwatch.store.library import iter_panel_facts, iter_word_targets

    if level and level not in LEVELS:
        raise LibraryError(f"层级“{level}”只能是 province、city 或 county")
    if isinstance(indicators, str):
        indicators = [indicators]
    names = [check_indicator(i) for i in indicators or ()]
    wanted = [n for n in names if n] or None
    codes = region_codes(region)
    span = parse_years(years)
    store = open_store(db)
    facts = iter_panel_facts(store, regions=codes, indicators=wanted, level=level)
    words = iter_word_targets(store, regions=codes, level=level)
    return iter_panel(facts, words, years=span, indicators=wanted)
