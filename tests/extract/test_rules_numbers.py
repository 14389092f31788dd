"""Numbers as written in reports → their value: one row per written form (our own phrases)."""

from __future__ import annotations

import pytest

from planwatch.extract.numbers import parse_arabic, parse_chinese, parse_fraction, parse_number

NUMBERS = [
    ("12", 12),
    ("2,529.1", 2529.1),
    ("1,234,567", 1234567),
    ("０．５", 0.5),
    ("１２６", 126),
    ("1.96万", 19600),
    ("3.2万亿", 3.2e12),
    ("45亿", 4.5e9),
    ("1100多万", 11_000_000),
    ("2000余万", 20_000_000),
    ("两千", 2000),
    ("三万亿", 3e12),
    ("二〇二五", 2025),
    ("一百零五", 105),
    ("十四", 14),
    ("二十六", 26),
    ("九十八", 98),
    ("五千万", 50_000_000),
    ("一亿二千万", 120_000_000),
    ("十二万", 120_000),
    ("半", 0.5),
    ("两", 2),
    ("零", 0),
]


@pytest.mark.parametrize(("written", "value"), NUMBERS)
def test_a_written_number_parses_to_its_value(written: str, value: float) -> None:
    assert parse_number(written) == pytest.approx(value)


FRACTIONS = [
    ("三分之一", 1 / 3),
    ("四分之三", 0.75),
    ("1/4", 0.25),
    ("1/5", 0.2),
    ("十分之一", 0.1),
]


@pytest.mark.parametrize(("written", "value"), FRACTIONS)
def test_a_fraction_parses_to_a_proportion(written: str, value: float) -> None:
    assert parse_fraction(written) == pytest.approx(value)


@pytest.mark.parametrize("junk", ["", "abc", "1.2.3", "1" * 40])
def test_what_is_not_an_arabic_number_gives_none(junk: str) -> None:
    assert parse_arabic(junk) is None


@pytest.mark.parametrize("junk", ["", "abc", "江川", "一" * 40])
def test_what_is_not_a_chinese_numeral_gives_none(junk: str) -> None:
    assert parse_chinese(junk) is None
