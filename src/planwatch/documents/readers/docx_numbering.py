"""Word's automatic numbering, rendered as the labels a reader sees (一、 （一） 1. ①).

Reports written in Word often number their headings automatically; the number is then not
in the paragraph's text but in ``numbering.xml``.  Without it the outline would lose its
一、/（一） labels.  Counting follows Word: each list (abstract numbering) keeps one counter
per level, and a level restarts when a higher level advances.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.oxml.ns import qn

CN_DIGITS = "〇一二三四五六七八九"
IDEOGRAPH_TRADITIONAL = "甲乙丙丁戊己庚辛壬癸"
IDEOGRAPH_ZODIAC = "子丑寅卯辰巳午未申酉戌亥"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"),
    (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)
LEVELS = 9


def chinese_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (as Word's chineseCounting writes)."""
    if n < 10:
        return CN_DIGITS[n]
    if n < 20:
        return "十" + (CN_DIGITS[n % 10] if n % 10 else "")
    if n >= 1000:
        return str(n)
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    head = CN_DIGITS[hundreds] + "百" if hundreds else ""
    if hundreds and rest == 0:
        return head
    if hundreds and rest < 10:
        return head + "零" + CN_DIGITS[ones]
    return head + CN_DIGITS[tens] + "十" + (CN_DIGITS[ones] if ones else "")


def _roman(n: int) -> str:
    out = []
    for value, letters in ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _letters(n: int) -> str:
    # Word writes a, b, … z, aa, bb, …
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


FORMATTERS = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": lambda n: str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９")),
    "decimalFullWidth2": lambda n: str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９")),
    "decimalHalfWidth": str,
    "decimalEnclosedCircle": lambda n: CIRCLED[n - 1] if 0 < n <= len(CIRCLED) else str(n),
    "decimalEnclosedCircleChinese": lambda n: CIRCLED[n - 1] if 0 < n <= len(CIRCLED) else str(n),
    "decimalEnclosedParen": lambda n: f"({n})",
    "decimalEnclosedFullstop": lambda n: f"{n}.",
    "chineseCounting": chinese_numeral,
    "chineseCountingThousand": chinese_numeral,
    "chineseLegalSimplified": chinese_numeral,
    "japaneseCounting": chinese_numeral,
    "taiwaneseCounting": chinese_numeral,
    "taiwaneseCountingThousand": chinese_numeral,
    "ideographDigital": lambda n: "".join(CN_DIGITS[int(d)] for d in str(n)),
    "ideographTraditional": lambda n: IDEOGRAPH_TRADITIONAL[(n - 1) % 10],
    "ideographZodiac": lambda n: IDEOGRAPH_ZODIAC[(n - 1) % 12],
    "lowerLetter": _letters,
    "upperLetter": lambda n: _letters(n).upper(),
    "lowerRoman": _roman,
    "upperRoman": lambda n: _roman(n).upper(),
}


@dataclass(frozen=True)
class _Level:
    start: int
    fmt: str
    text: str
    suffix: str


def _val(element, tag: str, default: str | None = None) -> str | None:
    child = element.find(qn(tag)) if element is not None else None
    if child is None:
        return default
    return child.get(qn("w:val"), default)


class Numbering:
    """Renders the number labels of paragraphs, in document order (it keeps the counters)."""

    def __init__(self, document) -> None:
        self._levels: dict[str, dict[int, _Level]] = {}
        self._num_to_abstract: dict[str, str] = {}
        self._start_overrides: dict[tuple[str, int], int] = {}
        self._counters: dict[str, list[int | None]] = {}
        self._style_numbering: dict[str, tuple[str | None, int | None]] = {}
        self._read_numbering(document)
        self._read_styles(document)

    def _read_numbering(self, document) -> None:
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        for abstract in root.iterchildren(qn("w:abstractNum")):
            levels = {}
            for lvl in abstract.iterchildren(qn("w:lvl")):
                ilvl = int(lvl.get(qn("w:ilvl"), "0"))
                levels[ilvl] = _Level(
                    start=int(_val(lvl, "w:start", "1") or 1),
                    fmt=_val(lvl, "w:numFmt", "decimal") or "decimal",
                    text=_val(lvl, "w:lvlText", "") or "",
                    suffix=_val(lvl, "w:suff", "tab") or "tab",
                )
            self._levels[abstract.get(qn("w:abstractNumId"))] = levels
        for num in root.iterchildren(qn("w:num")):
            num_id = num.get(qn("w:numId"))
            self._num_to_abstract[num_id] = _val(num, "w:abstractNumId") or ""
            for override in num.iterchildren(qn("w:lvlOverride")):
                start = _val(override, "w:startOverride")
                if start is not None:
                    self._start_overrides[(num_id, int(override.get(qn("w:ilvl"), "0")))] = int(start)

    def _read_styles(self, document) -> None:
        try:
            styles = document.styles.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        based_on: dict[str, str] = {}
        own: dict[str, tuple[str | None, int | None]] = {}
        for style in styles.iterchildren(qn("w:style")):
            style_id = style.get(qn("w:styleId"))
            parent = _val(style, "w:basedOn")
            if parent:
                based_on[style_id] = parent
            num_pr = style.find(qn("w:pPr") + "/" + qn("w:numPr"))
            if num_pr is not None:
                ilvl = _val(num_pr, "w:ilvl")
                own[style_id] = (_val(num_pr, "w:numId"), int(ilvl) if ilvl is not None else None)
        for style_id in {*own, *based_on}:
            seen, current = 0, style_id
            while current and current not in own and seen < 10:
                current, seen = based_on.get(current), seen + 1
            if current in own:
                self._style_numbering[style_id] = own[current]

    def label(self, paragraph) -> str:
        """The number label Word shows before ``paragraph`` (a ``w:p`` element), or ""."""
        num_id, ilvl = None, None
        p_pr = paragraph.find(qn("w:pPr"))
        if p_pr is not None:
            style_id = _val(p_pr, "w:pStyle")
            if style_id in self._style_numbering:
                num_id, ilvl = self._style_numbering[style_id]
            num_pr = p_pr.find(qn("w:numPr"))
            if num_pr is not None:
                num_id = _val(num_pr, "w:numId", num_id)
                own_ilvl = _val(num_pr, "w:ilvl")
                ilvl = int(own_ilvl) if own_ilvl is not None else ilvl
        if not num_id or num_id == "0" or num_id not in self._num_to_abstract:
            return ""
        level = ilvl or 0
        abstract = self._num_to_abstract[num_id]
        levels = self._levels.get(abstract, {})
        if level not in levels:
            return ""
        counters = self._counters.setdefault(abstract, [None] * LEVELS)
        current = counters[level]
        counters[level] = self._start(num_id, level, levels) if current is None else current + 1
        for deeper in range(level + 1, LEVELS):
            counters[deeper] = None
        return self._render(num_id, level, levels, counters)

    def _start(self, num_id: str, level: int, levels: dict[int, _Level]) -> int:
        return self._start_overrides.get((num_id, level), levels[level].start)

    def _render(self, num_id: str, level: int, levels: dict[int, _Level], counters: list[int | None]) -> str:
        spec = levels[level]
        if spec.fmt in ("bullet", "none") or not spec.text:
            return ""
        text = spec.text
        for k in range(LEVELS, 0, -1):
            placeholder = f"%{k}"
            if placeholder not in text:
                continue
            source = levels.get(k - 1)
            value = counters[k - 1]
            if value is None:
                value = self._start(num_id, k - 1, levels) if source else 1
            formatter = FORMATTERS.get(source.fmt if source else "decimal", str)
            text = text.replace(placeholder, formatter(value))
        return text + (" " if spec.suffix == "space" else "")
