"""Write a composed report as a DOCX laid out to GB/T 9704-2012 (see :mod:`planwatch.report.layout`).

Named paragraph styles carry the type (an office restyles a level once, in Word); every
run also names its fonts itself, East Asian included (python-docx writes only the Latin
``w:ascii``/``w:hAnsi``; Chinese text is drawn with ``w:eastAsia``). Page numbers are PAGE
fields between dashes in odd and even footers. Sources go to an appendix table 数据来源 or,
with ``sources='comments'``, to a Word comment on each figure.

Charts are Word tables whose cells are shaded as bars, with the mark (time progress or the
target) as a thick cell border: Word draws their labels in the document's own fonts, so no
font file is needed on the machine that writes the report and nothing can render as boxes.
"""

from __future__ import annotations

from html import escape
from typing import Literal

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt, Twips
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run as DocxRun

from planwatch.charts.svg import COLOURS
from planwatch.report import layout
from planwatch.report.model import Chart, Figure, Paragraph, Report, Source

SourcesMode = Literal["appendix", "comments"]
ALIGN = {
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
}
APPENDIX_TITLE = "附件：数据来源"
APPENDIX_HEADERS = ("序号", "数字", "事项", "记录", "报送单位", "日期")
#: The run-property elements that follow ``w:spacing`` in the schema's sequence.
RPR_AFTER_SPACING = (
    "w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd",
    "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath",
)
#: Cells of a chart bar: each stands for 1/CHART_CELLS of the scale.
CHART_CELLS = 20


def set_fonts(element, font: str) -> None:
    """Name ``font`` for Latin, high-ANSI and East Asian text in an ``rPr``-holding element."""
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), font)


def _styles(doc) -> dict[str, object]:
    """Add the report's named paragraph styles to ``doc``; return them by key."""
    made = {}
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:  # document defaults name the body font for East Asian text too
        rpr = defaults.find(qn("w:rPrDefault") + "/" + qn("w:rPr"))
        if rpr is not None:
            fonts = rpr.find(qn("w:rFonts"))
            if fonts is None:
                fonts = OxmlElement("w:rFonts")
                rpr.insert(0, fonts)
            for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
                fonts.set(qn(attribute), layout.FANGSONG)
            for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
                fonts.attrib.pop(qn(theme), None)
    for key, spec in layout.STYLES.items():
        style = doc.styles.add_style(spec.name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles["Normal"]
        style.quick_style = True
        style.font.name = spec.font
        set_fonts(style.element, spec.font)
        style.font.size = Pt(spec.size_pt)
        style.font.bold = spec.bold
        fmt = style.paragraph_format
        fmt.alignment = ALIGN[spec.align]
        fmt.space_before = Pt(0)
        fmt.space_after = Pt(0)
        if key == "table":
            fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
        elif key == "page_number":
            fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
            fmt.line_spacing = Pt(spec.size_pt)
        else:
            fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
            fmt.line_spacing = Twips(layout.LINE_PITCH_TWIPS)
            spacing = OxmlElement("w:spacing")
            spacing.set(qn("w:val"), str(layout.CHAR_SPACING_TWIPS))
            # schema order: w:spacing comes before the size and what follows it (Word checks)
            style.element.get_or_add_rPr().insert_element_before(spacing, *RPR_AFTER_SPACING)
        fmt.first_line_indent = Pt(spec.size_pt * spec.indent_chars) if spec.indent_chars else Pt(0)
        fmt.widow_control = False  # a widow rule would leave a page short of its 22 lines
        if spec.outline_level is not None:
            fmt.keep_with_next = True
            level = OxmlElement("w:outlineLvl")
            level.set(qn("w:val"), str(spec.outline_level))
            style.element.get_or_add_pPr().append(level)
        made[key] = style
    return made


def _page(section) -> None:
    section.page_width = Mm(layout.PAGE_WIDTH_MM)
    section.page_height = Mm(layout.PAGE_HEIGHT_MM)
    section.top_margin = Mm(layout.MARGIN_TOP_MM)
    section.bottom_margin = Mm(layout.MARGIN_BOTTOM_MM)
    section.left_margin = Mm(layout.MARGIN_LEFT_MM)
    section.right_margin = Mm(layout.MARGIN_RIGHT_MM)
    section.header_distance = Mm(15)
    # The number's line (exact 四号) ends this far above the paper's bottom, so that its top
    # sits PAGE_NUMBER_GAP_MM below the 版心.
    number_mm = layout.PAGE_NUMBER_PT * 25.4 / 72
    section.footer_distance = Mm(layout.MARGIN_BOTTOM_MM - layout.PAGE_NUMBER_GAP_MM - number_mm)
    sect = section._sectPr
    grid = sect.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        sect.append(grid)
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(layout.LINE_PITCH_TWIPS))


def _field_run(paragraph, font: str, size: float, kind: str, text: str = "") -> None:
    run = paragraph.add_run()
    _run_fonts(run, font, size)
    if kind in ("begin", "separate", "end"):
        char = OxmlElement("w:fldChar")
        char.set(qn("w:fldCharType"), kind)
        run._r.append(char)
    elif kind == "instr":
        instr = OxmlElement("w:instrText")
        instr.set(qn("xml:space"), "preserve")
        instr.text = text
        run._r.append(instr)
    else:
        run.text = text


def _page_numbers(doc, styles) -> None:
    """Footers ``— N —``: odd pages right, even pages left, one 四号 character in from the edge."""
    doc.settings.odd_and_even_pages_header_footer = True
    section = doc.sections[0]
    spec = layout.STYLES["page_number"]
    for footer, align in ((section.footer, "right"), (section.even_page_footer, "left")):
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
        paragraph.style = styles["page_number"]
        paragraph.alignment = ALIGN[align]
        fmt = paragraph.paragraph_format
        if align == "right":
            fmt.right_indent = Pt(spec.size_pt)
        else:
            fmt.left_indent = Pt(spec.size_pt)
        for kind, text in (
            ("text", "— "),
            ("begin", ""),
            ("instr", " PAGE "),
            ("separate", ""),
            ("text", "1"),
            ("end", ""),
            ("text", " —"),
        ):
            _field_run(paragraph, spec.font, spec.size_pt, kind, text)


def _run_fonts(run, font: str, size: float | None = None, bold: bool | None = None) -> None:
    run.font.name = font
    set_fonts(run._r, font)
    if size is not None:
        run.font.size = Pt(size)
    if bold is not None:
        run.font.bold = bold


def _run_xml(text: str, font: str, bold: bool) -> str:
    """Return one run as WordprocessingML naming ``font`` for every script (East Asian included)."""
    font = escape(font)
    weight = "<w:b/><w:bCs/>" if bold else ""
    return (
        f'<w:r><w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" w:cs="{font}" '
        f'w:hint="eastAsia"/>{weight}</w:rPr>'
        f'<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
    )


def _append(doc, element) -> None:
    """Append a body element before the section properties (which must stay last)."""
    body = doc.element.body
    sect = body.find(qn("w:sectPr"))
    if sect is None:
        body.append(element)
    else:
        sect.addprevious(element)


def _paragraph(doc, styles, key: str, texts: list[str | Figure]) -> list[tuple[DocxRun, Figure]]:
    """Add a paragraph in the style ``key`` (built as XML: python-docx's API is slow per run).

    Every run names its fonts; returns the runs that hold figures, for comments.
    """
    spec = layout.STYLES[key]
    style_id = styles[key].style_id
    parts: list[str] = []
    figures: list[Figure | None] = []
    pending: list[str] = []
    for part in texts:
        if isinstance(part, str):
            pending.append(part)
            continue
        if pending:
            parts.append(_run_xml("".join(pending), spec.font, spec.bold))
            figures.append(None)
            pending.clear()
        parts.append(_run_xml(part.text, spec.font, spec.bold))
        figures.append(part)
    if pending:
        parts.append(_run_xml("".join(pending), spec.font, spec.bold))
        figures.append(None)
    element = parse_xml(f'<w:p {nsdecls("w")}><w:pPr><w:pStyle w:val="{style_id}"/></w:pPr>{"".join(parts)}</w:p>')
    _append(doc, element)
    paragraph = DocxParagraph(element, doc._body)
    runs = element.findall(qn("w:r"))
    return [(DocxRun(r, paragraph), f) for r, f in zip(runs, figures, strict=True) if f is not None]


def _cell_xml(
    text: str, width: int, *, fill: str = "", mark: bool = False, align: str = "left", style_id: str = ""
) -> str:
    """Return one table cell as WordprocessingML; its run names the table font for every script."""
    props = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if mark:
        props += '<w:tcBorders><w:left w:val="single" w:sz="18" w:space="0" w:color="1A237E"/></w:tcBorders>'
    if fill:
        props += f'<w:shd w:val="clear" w:color="auto" w:fill="{fill.lstrip("#")}"/>'
    run = ""
    if text:
        font = escape(layout.STYLES["table"].font)
        run = (
            f'<w:r><w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" w:cs="{font}"/></w:rPr>'
            f'<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
        )
    jc = {"left": "left", "right": "right", "center": "center"}[align]
    return (
        f'<w:tc><w:tcPr>{props}</w:tcPr><w:p><w:pPr><w:pStyle w:val="{style_id}"/><w:jc w:val="{jc}"/></w:pPr>'
        f"{run}</w:p></w:tc>"
    )


def _table(doc, rows: list[str], widths: list[int], *, grid: bool) -> None:
    """Append a table of ready-made rows, fixed column widths in twips (built as XML: fast at any size)."""
    borders = (
        "<w:tblBorders>"
        + "".join(
            f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
            for side in ("top", "left", "bottom", "right", "insideH", "insideV")
        )
        + "</w:tblBorders>"
        if grid
        else ""
    )
    xml = (
        f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>{borders}'
        '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="40" w:type="dxa"/><w:right w:w="40" w:type="dxa"/>'
        "</w:tblCellMar></w:tblPr><w:tblGrid>"
        + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
        + "</w:tblGrid>"
        + "".join(rows)
        + "</w:tbl>"
    )
    _append(doc, parse_xml(xml))


def _chart(doc, styles, chart: Chart) -> None:
    """Add a chart as a table: label, CHART_CELLS shaded cells (the bar), value; the mark as a border."""
    _paragraph(doc, styles, "table", [chart.title])
    style_id = styles["table"].style_id
    values = [v for b in chart.bars for v in (b.value, b.mark) if v is not None]
    top = max([*values, 0.0]) or 1.0
    label_w, cell_w, value_w = 2400, 260, 1400
    rows = []
    for bar in chart.bars:
        filled = 0 if bar.value is None or bar.value <= 0 else min(round(bar.value / top * CHART_CELLS), CHART_CELLS)
        at = None if bar.mark is None or bar.mark <= 0 else min(round(bar.mark / top * CHART_CELLS), CHART_CELLS - 1)
        colour = COLOURS.get(bar.light, COLOURS["grey"])
        cells = [_cell_xml(bar.label, label_w, align="right", style_id=style_id)]
        cells += [
            _cell_xml("", cell_w, fill=colour if n < filled else "", mark=n == at, style_id=style_id)
            for n in range(CHART_CELLS)
        ]
        cells.append(_cell_xml(bar.text, value_w, style_id=style_id))
        rows.append("<w:tr>" + "".join(cells) + "</w:tr>")
    _table(doc, rows, [label_w, *[cell_w] * CHART_CELLS, value_w], grid=False)
    if chart.note:
        _paragraph(doc, styles, "table", [f"注：{chart.note}"])


def source_row(n: int, figure: Figure) -> tuple[str, ...]:
    """Return one row of the 数据来源 appendix."""
    s: Source = figure.source
    item = f"{s.item_code} {s.item}".strip()
    return (str(n), figure.text, item, s.record, s.submitted_by, s.as_of.isoformat() if s.as_of else "—")


#: Column widths of the appendix in twips (156 mm 版心 = 8844 twips).
APPENDIX_WIDTHS = (600, 1300, 2900, 1700, 1400, 944)


def _appendix(doc, styles, report: Report) -> None:
    _paragraph(doc, styles, "appendix", [APPENDIX_TITLE])
    title = doc.element.body.findall(qn("w:p"))[-1]
    title.find(qn("w:pPr")).append(parse_xml(f"<w:pageBreakBefore {nsdecls('w')}/>"))
    style_id = styles["table"].style_id
    rows = [
        "<w:tr>"
        + "".join(
            _cell_xml(h, w, align="center", style_id=style_id)
            for h, w in zip(APPENDIX_HEADERS, APPENDIX_WIDTHS, strict=True)
        )
        + "</w:tr>"
    ]
    for n, figure in enumerate(report.figures(), start=1):
        cells = zip(source_row(n, figure), APPENDIX_WIDTHS, strict=True)
        rows.append("<w:tr>" + "".join(_cell_xml(t, w, style_id=style_id) for t, w in cells) + "</w:tr>")
    _table(doc, rows, list(APPENDIX_WIDTHS), grid=True)


def build_docx(report: Report, sources: SourcesMode = "appendix"):
    """Return the python-docx ``Document`` of a report (see :func:`write_docx`)."""
    doc = Document()
    styles = _styles(doc)
    _page(doc.sections[0])
    _page_numbers(doc, styles)
    doc.core_properties.title = report.title
    doc.core_properties.author = "planwatch"
    body = doc.paragraphs[0] if doc.paragraphs else None
    if body is not None and not body.text:
        body._p.getparent().remove(body._p)
    _paragraph(doc, styles, "title", [report.title])
    _paragraph(doc, styles, "caption", [report.caption])
    _paragraph(doc, styles, "addressee", [report.addressee])
    commented: list[tuple[DocxRun, Figure]] = []
    for block in report.blocks:
        if isinstance(block, Chart):
            _chart(doc, styles, block)
            continue
        assert isinstance(block, Paragraph)
        commented += _paragraph(doc, styles, str(block.style), block.runs)
    if sources == "comments":
        for run, figure in commented:
            s = figure.source
            when = s.as_of.isoformat() if s.as_of else "—"
            text = f"数据来源：{s.item_code} {s.item}；记录 {s.record}；{s.submitted_by}；{when}".replace("  ", " ")
            doc.add_comment(run, text=text, author="planwatch", initials="PW")
    else:
        _appendix(doc, styles, report)
    return doc
