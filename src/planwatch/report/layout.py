"""GB/T 9704-2012 (党政机关公文格式) page and type settings for the DOCX report, as data.

A4 paper; 版心 156 mm × 225 mm from margins of 37 mm (top), 35 mm (bottom), 28 mm (left) and
26 mm (right); 22 lines of 28 characters in 仿宋_GB2312 三号. Exact line spacing of 28.95 pt
(579 twips) and a line grid of the same pitch give the 22 lines: 22 × 28.95 pt = 636.9 pt
≈ 224.7 mm, inside the 225 mm 版心; 29 pt would give only 21 (a 22nd line needs 638 pt).
Character spacing of −0.25 pt makes 28 三号 characters fill the 156 mm line
(28 × 15.75 pt = 441 pt ≤ 442.2 pt < 29 × 15.75 pt). Page numbers `— N —` in 宋体 四号 sit
7 mm below the 版心, odd pages right and even pages left, one character in from the edge.
Font names are written, not embedded: on a machine without them the layout still holds,
because every measure above is fixed in points.
"""

from __future__ import annotations

from dataclasses import dataclass

from planwatch.report.model import Style

PAGE_WIDTH_MM = 210
PAGE_HEIGHT_MM = 297
MARGIN_TOP_MM = 37
MARGIN_BOTTOM_MM = 35
MARGIN_LEFT_MM = 28
MARGIN_RIGHT_MM = 26

BODY_PT = 16  # 三号
TITLE_PT = 22  # 二号
PAGE_NUMBER_PT = 14  # 四号
TABLE_PT = 10.5  # 五号, for the 数据来源 appendix and chart tables
LINE_PITCH_TWIPS = 579  # 28.95 pt: exact line spacing and docGrid linePitch
LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
CHAR_SPACING_TWIPS = -5  # −0.25 pt per character (w:spacing is in twentieths of a point)
#: Distance of the page number below the 版心 (the standard's 7 mm).
PAGE_NUMBER_GAP_MM = 7

FANGSONG = "仿宋_GB2312"
HEITI = "黑体"
KAITI = "楷体_GB2312"
XIAOBIAOSONG = "方正小标宋简体"
SONGTI = "宋体"


@dataclass(frozen=True, slots=True)
class StyleSpec:
    """A named paragraph style: its Word name, font, size, weight, alignment and indent in characters."""

    name: str
    font: str
    size_pt: float
    bold: bool = False
    align: str = "justify"  # justify, center, left, right
    indent_chars: float = 2.0
    outline_level: int | None = None


#: The report's named paragraph styles; an office restyles a level by editing one of these in Word.
STYLES: dict[str, StyleSpec] = {
    "title": StyleSpec("公文标题", XIAOBIAOSONG, TITLE_PT, align="center", indent_chars=0, outline_level=0),
    "caption": StyleSpec("公文题注", KAITI, BODY_PT, align="center", indent_chars=0),
    "addressee": StyleSpec("公文主送", FANGSONG, BODY_PT, align="left", indent_chars=0),
    Style.BODY: StyleSpec("公文正文", FANGSONG, BODY_PT),
    Style.HEADING1: StyleSpec("公文一级标题", HEITI, BODY_PT, outline_level=1),
    Style.HEADING2: StyleSpec("公文二级标题", KAITI, BODY_PT, outline_level=2),
    Style.HEADING3: StyleSpec("公文三级标题", FANGSONG, BODY_PT, bold=True, outline_level=3),
    Style.CLOSING: StyleSpec("公文结束语", FANGSONG, BODY_PT),
    "appendix": StyleSpec("公文附件标题", HEITI, BODY_PT, align="left", indent_chars=0),
    "table": StyleSpec("公文表格", FANGSONG, TABLE_PT, align="left", indent_chars=0),
    "page_number": StyleSpec("公文页码", SONGTI, PAGE_NUMBER_PT, align="right", indent_chars=0),
}
