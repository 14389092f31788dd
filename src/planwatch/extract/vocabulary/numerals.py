"""Chinese numeral characters and Arabic digit forms."""

from __future__ import annotations

CHINESE_DIGITS: dict[str, int] = {
    "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9,
}
CHINESE_SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
CHINESE_LARGE_UNITS: dict[str, int] = {"万": 10_000, "亿": 100_000_000}
HALF = "半"

FULLWIDTH_DIGITS = "０１２３４５６７８９"
ARABIC_TRANSLATION = str.maketrans(
    {**{c: str(i) for i, c in enumerate(FULLWIDTH_DIGITS)}, "．": ".", "，": "", ",": ""}
)

# words after a number that mean "and more" inside the span (2000余个, 3400多万人次)
APPROX_INSIDE: tuple[str, ...] = ("余", "多")
