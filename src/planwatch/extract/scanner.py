"""One compiled scanner that finds every written number with its magnitude and unit.

The pattern is built once from the vocabulary tables. It has no nested quantifiers: each
branch is a bounded character class run followed by optional literal alternations, so
``finditer`` is linear in the text (10⁵ repeated 万 or a million digits scan in one pass).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from planwatch.extract.numbers import parse_arabic, parse_chinese, parse_fraction
from planwatch.extract.units import normalise_unit
from planwatch.extract.vocabulary import cues
from planwatch.extract.vocabulary import units as uv

_DIGIT = "0-9０-９"
_CN_DIGIT = "一二两三四五六七八九"
_CN_ANY = "零〇一二两三四五六七八九十百千万亿"


def _alternation(words: object) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))  # type: ignore[arg-type]


_UNIT_WORDS = (
    *uv.PERCENT_SIGNS, *uv.PERMILLE_SIGNS, *uv.PERCENTAGE_POINTS, *uv.CURRENCIES, *uv.SCALED_UNITS, *uv.MEASURE_WORDS,
    cues.MULTIPLE_UNIT, cues.TENTH_UNIT,
)
_UNIT = f"(?:{_alternation(_UNIT_WORDS)})"
_PAREN = f"(?:[（(][{uv.PAREN_UNIT_WORDS}、]{{1,10}}[）)]次?)"
_PER = f"(?:/(?:[万亿]?{_UNIT}|[日月年天人户头只]))"
_MAG = f"(?:{_alternation(uv.ARABIC_MAGNITUDES[:-1] if uv.ARABIC_MAGNITUDES[-1] == '千' else uv.ARABIC_MAGNITUDES)})"
_APPROX = "[余多]"
_BARE = _alternation(uv.BARE_MAGNITUDES)

SCANNER = re.compile(
    f"(?=[{_DIGIT}{_CN_DIGIT}第首榜翻十半百千万\\-−－])(?:" + "|".join(
        (
            # ranks and ordinals: 第3, 第一位, 首位 (ordinals are dropped later unless ranked)
            f"(?P<rank>第(?:[{_DIGIT}]+|[一二三四五六七八九十]{{1,3}})位?|首位|榜首)",
            # doubling: 翻一番, 翻两番, 翻番
            f"(?P<double>翻了?[{_CN_DIGIT}]?番)",
            # a magnitude with no digit after a qualifier: 突破万亿元, 近万场, 超千列
            f"(?P<bare>(?<=[{uv.BARE_MAGNITUDE_LEADS}])(?:{_BARE})(?={_UNIT}))(?P<b_unit>{_UNIT}{_PAREN}?)",
            # halves in words: 超过一半
            f"(?P<half>{_alternation(uv.HALF_WORDS)})",
            # percentages in words: 百分之九十五
            f"(?P<pct>百分之[{_CN_DIGIT}十点〇零]{{1,6}})",
            # fractions: 1/4, 三分之一
            f"(?P<frac>[{_DIGIT}]{{1,4}}/[{_DIGIT}]{{1,4}}(?![{_DIGIT}/])"
            f"|[{_CN_DIGIT}十百]{{1,3}}分之[{_CN_DIGIT}十]{{1,3}})",
            # Arabic with optional 余/多, magnitude, unit: 2529.1亿元, 2000余万元, 1.8万余人, 18.4万头（只）
            f"(?P<sign>(?<=[为是至到：:（(，, ])[-−－])?"
            f"(?P<arabic>[{_DIGIT}]+(?:,[0-9]{{3}}(?![0-9]))*(?:[.．][{_DIGIT}]+)?)"
            f"(?P<a_approx1>{_APPROX})?(?P<a_mag>{_MAG})?(?P<a_approx2>{_APPROX})?"
            f"(?:[ 　]?(?P<a_unit>{_UNIT}{_PAREN}?{_PER}?))?",
            # Chinese numerals: 五批次, 两千家, 一倍
            f"(?P<chinese>[{_CN_DIGIT}十][{_CN_ANY}]{{0,11}}|半)(?P<c_approx>{_APPROX})?"
            f"(?P<c_unit>{_UNIT}{_PAREN}?)?",
        )
    ) + ")"
)


@dataclass(slots=True)
class Candidate:
    """A number found by the scanner, before any decision about whether it is a fact."""

    start: int  # span start (the number)
    end: int  # span end (number + magnitude + unit as written)
    num_end: int  # end of the number and magnitude (before the unit)
    kind: str  # arabic | chinese | rank | frac | double
    number: float  # the written number with magnitude applied
    unit_text: str | None  # the unit as written, magnitude removed
    unit: str | None  # base unit
    factor: float  # unit factor (money magnitudes inside the unit: 亿元 → 1e8)
    approx_inside: bool  # 余/多 inside the span
    has_magnitude: bool
    magnitude: float = 1.0  # the magnitude word's factor already applied to ``number``

    @property
    def value(self) -> float:
        return self.number * self.factor


_NO_MAGNITUDE = frozenset(_CN_ANY + "半") - frozenset("十百千万亿")


def _unit_of(text: str | None) -> tuple[str | None, float]:
    if not text:
        return None, 1.0
    found = normalise_unit(text)
    if found is None:
        return text, 1.0
    return found


def _branch_of_group() -> list[str]:
    """Group index → the scanner branch it belongs to, so a match is dispatched on ``lastindex``."""
    branch = {"rank": "rank", "double": "double", "bare": "bare", "b_unit": "bare", "half": "half",
              "pct": "pct", "frac": "frac", "sign": "arabic",
              "arabic": "arabic", "a_approx1": "arabic", "a_mag": "arabic", "a_approx2": "arabic",
              "a_unit": "arabic", "chinese": "chinese", "c_approx": "chinese", "c_unit": "chinese"}
    out = [""] * (SCANNER.groups + 1)
    for name, index in SCANNER.groupindex.items():
        out[index] = branch[name]
    return out


_BRANCH = _branch_of_group()


def scan(text: str) -> list[Candidate]:
    """Return every number candidate of ``text`` in order, with magnitude and unit applied.

    A Chinese numeral is a candidate only with a measure word after it (三个, 两批次).
    """
    out: list[Candidate] = []
    append = out.append
    branch_of = _BRANCH
    for m in SCANNER.finditer(text):
        branch = branch_of[m.lastindex or 0]
        if branch == "arabic":
            cand = _arabic(m)
            if cand is not None:
                append(cand)
        elif branch == "chinese":
            if m.group("c_unit") is None:
                continue  # a Chinese numeral with no measure word is a word (一是, 进一步), never a fact
            cand = _chinese(m)
            if cand is not None:
                append(cand)
        elif branch == "rank":
            append(_rank(m))
        elif branch == "bare":
            unit, factor = _unit_of(m.group("b_unit"))
            magnitude = uv.BARE_MAGNITUDES[m.group("bare")]
            append(Candidate(m.start(), m.end(), m.start("b_unit"), "chinese", magnitude, m.group("b_unit"), unit,
                             factor, False, True, magnitude))
        elif branch == "half":
            append(Candidate(m.start(), m.end(), m.end(), "frac", 50.0, None, "%", 1.0, False, False))
        elif branch == "double":
            written = m.group("double")[-2]
            n = 1 if written in "翻了" else parse_chinese(written)
            if n:
                append(Candidate(m.start(), m.end(), m.end(), "double", (2**n - 1) * 100, "%", "%", 1.0,
                                 False, False))
        elif branch == "pct":
            value = parse_chinese(m.group("pct")[3:].replace("点", ""))
            if value is not None and "点" not in m.group("pct"):
                append(Candidate(m.start(), m.end(), m.end(), "pct", value, "%", "%", 1.0, False, False))
        elif branch == "frac":
            value = parse_fraction(m.group("frac"))
            if value is not None:
                append(Candidate(m.start(), m.end(), m.end(), "frac", value * 100, None, "%", 1.0, False, False))
    return out


def _rank(m: re.Match[str]) -> Candidate:
    written = m.group("rank")
    if written in ("首位", "榜首"):
        number = 1.0
    else:
        digits = written[1:].rstrip("位")
        number = parse_arabic(digits) or parse_chinese(digits) or 0.0
    return Candidate(m.start(), m.end(), m.end(), "rank", number, "位", "位", 1.0, False, False)


def _arabic(m: re.Match[str]) -> Candidate | None:
    digits, approx1, magnitude, approx2, unit_text, sign = m.group(
        "arabic", "a_approx1", "a_mag", "a_approx2", "a_unit", "sign")
    if len(digits) > 18:
        return None
    if "," in digits or "．" in digits:
        number = parse_arabic(digits)
        if number is None:
            return None
    else:
        number = float(digits)  # ASCII or full-width digits with an ASCII point: float() reads them all
    factor_of_magnitude = 1.0
    if magnitude:
        factor_of_magnitude = uv.ARABIC_MAGNITUDE_FACTORS[magnitude]
        number *= factor_of_magnitude
    if sign:
        number = -number
    unit, factor = _unit_of(unit_text)
    approx = bool(approx1 or approx2)
    start, end = m.span()
    if approx and not unit_text and not magnitude:
        # 多/余 with nothing after is a word (10多个 has a unit; "30多" alone is too loose)
        return Candidate(start, m.start("a_approx1") if approx1 else end, m.end("arabic"),
                         "arabic", number, None, None, 1.0, False, False)
    num_end = m.start("a_unit") if unit_text else end
    return Candidate(start, end, num_end, "arabic", number, unit_text, unit, factor, approx, bool(magnitude),
                     factor_of_magnitude)


def _chinese(m: re.Match[str]) -> Candidate | None:
    written, approx, unit_text = m.group("chinese", "c_approx", "c_unit")
    # 三万亿元: the magnitude is part of the numeral; 五千万 is read whole
    number = parse_chinese(written)
    if number is None:
        return None
    unit, factor = _unit_of(unit_text)
    has_magnitude = not _NO_MAGNITUDE.issuperset(written)
    start, end = m.span()
    num_end = m.start("c_unit") if unit_text else end
    return Candidate(start, end, num_end, "chinese", number, unit_text, unit, factor, bool(approx), has_magnitude)
