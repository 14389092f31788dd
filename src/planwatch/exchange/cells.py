"""Typed values from raw cells: numbers, dates, 是/否 and drop-down labels as clerks type them.

Each reader returns the value or raises :class:`CellError` with a short Chinese reason;
the parser adds the file, sheet, row and column. The accepted spellings are tables.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable
from datetime import date, datetime, timedelta

from planwatch.exchange.columns import CHOICE_ALIASES, Column, ColumnType

#: Text date spellings: pattern → the order of its (year, month, day) groups.
DATE_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$"),
    re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})(?: \d{1,2}:\d{2}(?::\d{2})?)?$"),
    re.compile(r"^(\d{4})\.(\d{1,2})\.(\d{1,2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)

#: Excel serial day numbers that are plausibly dates (1954-10-… to 2173-…).
EXCEL_SERIAL_RANGE = (20000, 100000)
EXCEL_EPOCH = date(1899, 12, 30)

LIST_SEPARATORS = re.compile(r"[、,，;；/\n]+")
THOUSANDS = re.compile(r"(?<=\d)[,，](?=\d{3}\b)")


class CellError(ValueError):
    """A cell that does not hold what its column needs; the message is the Chinese reason."""


def shown(value: object) -> str:
    """Return a cell value as a clerk would see it, for messages."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def read_text(value: object) -> str:
    """Return a cell as text: numbers typed into text columns keep their digits (1.0 → "1")."""
    if type(value) is str:
        return value.strip()
    if isinstance(value, bool):
        return "是" if value else "否"
    return shown(value)


def read_number(value: object) -> float:
    """Return a cell as a float; accepts full-width digits, thousands separators and a trailing %."""
    if type(value) is float or type(value) is int:
        number = float(value)
    elif isinstance(value, bool):
        raise CellError(f"应为数字，不是“{shown(value)}”")
    elif isinstance(value, int | float):
        number = float(value)
    else:
        text = unicodedata.normalize("NFKC", str(value)).strip().replace(" ", "")
        text = THOUSANDS.sub("", text)
        text = text.removesuffix("%")
        try:
            number = float(text)
        except ValueError:
            raise CellError(f"应为数字，不是“{shown(value)}”") from None
    if math.isnan(number) or math.isinf(number):
        raise CellError(f"应为数字，不是“{shown(value)}”")
    return number


def read_int(value: object) -> int:
    """Return a cell as an integer (2025.0 is fine, 2025.5 is not)."""
    try:
        number = read_number(value)
    except CellError:
        raise CellError(f"应为整数，不是“{shown(value)}”") from None
    if not number.is_integer():
        raise CellError(f"应为整数，不是“{shown(value)}”")
    return int(number)


def read_date(value: object) -> date:
    """Return a cell as a date: an Excel date, a serial day number, or 2025-06-30 / 2025/6/30 / 2025年6月30日."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        low, high = EXCEL_SERIAL_RANGE
        if low <= value < high and float(value).is_integer():
            return EXCEL_EPOCH + timedelta(days=int(value))
        raise CellError(f"应为日期（如2025-06-30），不是“{shown(value)}”")
    text = unicodedata.normalize("NFKC", str(value)).strip()
    for pattern in DATE_PATTERNS:
        match = pattern.match(text)
        if match:
            year, month, day = (int(g) for g in match.groups())
            try:
                return date(year, month, day)
            except ValueError:
                raise CellError(f"“{text}”不是有效的日期") from None
    raise CellError(f"应为日期（如2025-06-30），不是“{shown(value)}”")


def read_choice(value: object, column: Column) -> str:
    """Return the stored value of a drop-down label (or of a known other spelling of it)."""
    if isinstance(value, bool) and column.type is ColumnType.BOOL:
        return "true" if value else "false"
    text = unicodedata.normalize("NFKC", read_text(value)).strip()
    label = CHOICE_ALIASES.get(text.upper(), CHOICE_ALIASES.get(text, text))
    if label in column.choices:
        return column.choices[label]
    if text in column.choices.values():
        return text
    if column.type is ColumnType.BOOL and text in ("1", "0"):
        return "true" if text == "1" else "false"
    raise CellError(f"“{text}”不是可选值，应为{'、'.join(column.choices)}之一")


def read_list(value: object) -> list[str]:
    """Return a cell holding several values separated by 、 , ; or ， as a list."""
    return [part.strip() for part in LIST_SEPARATORS.split(read_text(value)) if part.strip()]


def read_cell(value: object, column: Column) -> object:
    """Return ``value`` typed for ``column``; raises :class:`CellError` with the reason."""
    match column.type:
        case ColumnType.TEXT:
            return read_text(value)
        case ColumnType.INT:
            return read_int(value)
        case ColumnType.NUMBER:
            number = read_number(value)
            if number < 0 and not column.signed:
                raise CellError(f"不能为负数（{shown(number)}）")
            return number
        case ColumnType.DATE:
            return read_date(value)
        case ColumnType.BOOL:
            return read_choice(value, column) == "true"
        case ColumnType.CHOICE:
            return read_choice(value, column)
        case ColumnType.LIST:
            return read_list(value)
    raise AssertionError(column.type)


#: Distinct raw texts remembered per column: dates, 是/否 and drop-down labels repeat
#: across a big file, codes and amounts do not (past this many, nothing more is kept).
CACHE_LIMIT = 4096


def converter(column: Column) -> Callable[[object], object]:
    """Return ``read_cell`` for ``column`` as one function, for reading many cells of a column.

    Same values and the same errors as :func:`read_cell`; the type dispatch is done once,
    a plain number is tried with ``float`` first, and typed values of repeated texts (dates,
    choices, 是/否 — immutable results only) are remembered, which is most of the cost of
    reading a million progress rows.
    """
    kind = column.type
    if kind is ColumnType.TEXT:
        return read_text
    if kind is ColumnType.LIST:
        return read_list
    if kind is ColumnType.NUMBER:
        signed = column.signed

        def number(value: object) -> float:
            if value.__class__ is str:
                try:
                    result = float(value)  # type: ignore[arg-type]
                except ValueError:
                    result = read_number(value)
                else:
                    if result != result or result in (math.inf, -math.inf):
                        result = read_number(value)  # raises the usual message
            else:
                result = read_number(value)
            if result < 0 and not signed:
                raise CellError(f"不能为负数（{shown(result)}）")
            return result

        return number
    if kind is ColumnType.INT:
        slow: Callable[[object], object] = read_int
    elif kind is ColumnType.DATE:
        slow = read_date
    elif kind is ColumnType.BOOL:

        def slow(value: object) -> object:
            return read_choice(value, column) == "true"

    else:

        def slow(value: object) -> object:
            return read_choice(value, column)

    cache: dict[str, object] = {}

    def cached(value: object) -> object:
        if value.__class__ is not str:
            return slow(value)
        result = cache.get(value)  # type: ignore[call-overload]
        if result is None:
            result = slow(value)
            if len(cache) < CACHE_LIMIT:
                cache[value] = result  # type: ignore[index]
        return result

    return cached
