"""Parse the numbers written in reports: Arabic, full-width, Chinese numerals, mixed and fractions.

Every function here is pure and linear in its input; callers bound the input length.
"""

from __future__ import annotations

from planwatch.extract.vocabulary import numerals as nv
from planwatch.extract.vocabulary.units import ARABIC_MAGNITUDE_FACTORS

_CHINESE_CHARS = set(nv.CHINESE_DIGITS) | set(nv.CHINESE_SMALL_UNITS) | set(nv.CHINESE_LARGE_UNITS)


def parse_arabic(text: str) -> float | None:
    """``"2,529.1"`` → 2529.1; full-width digits and dots are accepted."""
    cleaned = text.translate(nv.ARABIC_TRANSLATION)
    if not cleaned or len(cleaned) > 24:
        return None
    try:
        return float(cleaned)
    except ValueError:
        return None


def parse_chinese(text: str) -> float | None:
    """``"两千"`` → 2000, ``"三万亿"`` → 3e12, ``"二〇二五"`` → 2025, ``"半"`` → 0.5; else ``None``."""
    if not text or len(text) > 24:
        return None
    if text == nv.HALF:
        return 0.5
    if any(ch not in _CHINESE_CHARS for ch in text):
        return None
    has_units = any(ch in nv.CHINESE_SMALL_UNITS or ch in nv.CHINESE_LARGE_UNITS for ch in text)
    if not has_units:  # positional, like 二〇二五
        value = 0
        for ch in text:
            value = value * 10 + nv.CHINESE_DIGITS[ch]
        return float(value)
    total = 0
    section = 0
    digit = 0
    for ch in text:
        if ch in nv.CHINESE_DIGITS:
            digit = nv.CHINESE_DIGITS[ch]
        elif ch in nv.CHINESE_SMALL_UNITS:
            section += (digit or 1) * nv.CHINESE_SMALL_UNITS[ch]
            digit = 0
        elif ch == "万":
            section = (section + digit) * 10_000 if (section + digit) else 10_000
            digit = 0
        else:  # 亿
            total = (total + section + digit) * 100_000_000 if (total + section + digit) else 100_000_000
            section = 0
            digit = 0
    return float(total + section + digit)


def parse_fraction(text: str) -> float | None:
    """``"三分之一"`` → 1/3, ``"1/4"`` → 0.25, ``"百分之五"`` → 0.05 (a proportion, not a percentage)."""
    if "分之" in text:
        den_text, _, num_text = text.partition("分之")
        den = parse_number(den_text)
        num = parse_number(num_text)
    elif "/" in text:
        num_text, _, den_text = text.partition("/")
        num, den = parse_arabic(num_text), parse_arabic(den_text)
    else:
        return None
    if num is None or not den:
        return None
    return num / den


def parse_number(text: str) -> float | None:
    """Parse any single written number: ``"1.96万"`` → 19600, ``"3.2万亿"`` → 3.2e12, ``"两千"`` → 2000."""
    text = text.strip()
    if not text:
        return None
    if "分之" in text or ("/" in text and text.replace("/", "").isdigit()):
        return parse_fraction(text)
    head = text.rstrip("".join(ARABIC_MAGNITUDE_FACTORS))
    tail = text[len(head):]
    if head and head[-1] in nv.APPROX_INSIDE:
        head = head[:-1]
    value = parse_arabic(head)
    if value is None:
        return parse_chinese(text)
    if not tail:
        return value
    factor = 1.0
    rest = tail
    while rest:
        for magnitude in sorted(ARABIC_MAGNITUDE_FACTORS, key=len, reverse=True):
            if rest.startswith(magnitude):
                factor *= ARABIC_MAGNITUDE_FACTORS[magnitude]
                rest = rest[len(magnitude):]
                break
        else:
            return None
    return value * factor
