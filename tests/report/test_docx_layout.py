"""The DOCX follows GB/T 9704-2012, read back with python-docx: page, margins, fonts, spacing, grid, page numbers."""

from __future__ import annotations

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Pt

from planwatch.report.docx_writer import APPENDIX_TITLE
from planwatch.report.output import write_report


@pytest.fixture(scope="module")
def doc(demo_docx):
    return Document(str(demo_docx))


def _style(doc, name):
    return doc.styles[name]


def _east_asian(element) -> str | None:
    fonts = element.find(qn("w:rPr") + "/" + qn("w:rFonts"))
    return None if fonts is None else fonts.get(qn("w:eastAsia"))


def test_the_page_is_a4_with_the_standards_margins(doc):
    section = doc.sections[0]
    assert (round(section.page_width.mm, 1), round(section.page_height.mm, 1)) == (210, 297)
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [round(m.mm, 1) for m in margins] == [37, 35, 28, 26]


def test_the_document_grid_gives_lines_at_the_exact_body_pitch(doc):
    grid = doc.sections[0]._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:type")) == "lines"
    assert grid.get(qn("w:linePitch")) == "579"


@pytest.mark.parametrize(
    ("style", "font", "size", "bold"),
    [
        ("公文标题", "方正小标宋简体", 22, None),
        ("公文正文", "仿宋_GB2312", 16, None),
        ("公文一级标题", "黑体", 16, None),
        ("公文二级标题", "楷体_GB2312", 16, None),
        ("公文三级标题", "仿宋_GB2312", 16, True),
        ("公文页码", "宋体", 14, None),
    ],
)
def test_each_named_style_has_its_font_east_asian_included_and_size(doc, style, font, size, bold):
    s = _style(doc, style)
    assert s.font.name == font
    assert s.element.rPr.rFonts.get(qn("w:eastAsia")) == font
    assert s.font.size == Pt(size)
    assert bool(s.font.bold) == bool(bold)


@pytest.mark.parametrize("style", ["公文正文", "公文一级标题", "公文二级标题", "公文三级标题", "公文标题"])
def test_body_styles_have_exact_line_spacing_of_28_95_points(doc, style):
    fmt = _style(doc, style).paragraph_format
    assert fmt.line_spacing_rule == WD_LINE_SPACING.EXACTLY
    assert fmt.line_spacing.twips == 579


def test_body_paragraphs_are_indented_two_characters(doc):
    assert _style(doc, "公文正文").paragraph_format.first_line_indent == Pt(32)


def test_every_run_sets_its_east_asian_font(doc):
    runs = [r for p in doc.paragraphs for r in p.runs]
    runs += [r for t in doc.tables for row in t.rows for c in row.cells for p in c.paragraphs for r in p.runs]
    for section in doc.sections:
        for footer in (section.footer, section.even_page_footer):
            runs += [r for p in footer.paragraphs for r in p.runs]
    assert len(runs) > 500
    missing = [r.text for r in runs if not _east_asian(r._r)]
    assert missing == []


def test_every_paragraph_uses_a_named_report_style(doc):
    names = {p.style.name for p in doc.paragraphs}
    assert names <= {
        "公文标题",
        "公文题注",
        "公文主送",
        "公文正文",
        "公文一级标题",
        "公文二级标题",
        "公文三级标题",
        "公文结束语",
        "公文附件标题",
        "公文表格",
    }


def test_page_numbers_are_page_fields_between_dashes_odd_right_even_left(doc):
    assert doc.settings.odd_and_even_pages_header_footer
    section = doc.sections[0]
    for footer, alignment in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
    ):
        paragraph = footer.paragraphs[0]
        assert paragraph.style.name == "公文页码"
        assert paragraph.alignment == alignment
        xml = paragraph._p.xml
        assert "PAGE" in "".join(t.text for t in paragraph._p.iter(qn("w:instrText")))
        assert xml.count('w:fldCharType="begin"') == 1
        assert paragraph.text.startswith("— ") and paragraph.text.endswith(" —")


def test_the_title_is_centred_and_first(doc):
    first = doc.paragraphs[0]
    assert first.style.name == "公文标题"
    assert first.style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER


def test_the_appendix_table_lists_every_figure_with_item_record_unit_and_date(doc, demo_report):
    assert any(p.text == APPENDIX_TITLE for p in doc.paragraphs)
    table = doc.tables[-1]
    header = [c.text for c in table.rows[0].cells]
    assert header == ["序号", "数字", "事项", "记录", "报送单位", "日期"]
    assert len(table.rows) == len(demo_report.figures()) + 1
    gdp = next(r for r in table.rows[1:] if r.cells[2].text.startswith("T01 "))
    assert [c.text for c in gdp.cells[1:]] == [
        "6.1%",
        "T01 地区生产总值增速",
        "T01@2025-06-30",
        "市统计局",
        "2025-06-30",
    ]


def test_comments_mode_puts_each_figures_source_in_a_word_comment(demo_report, tmp_path):
    path = write_report(demo_report, tmp_path / "comments.docx", "docx", "comments")
    doc = Document(str(path))
    comments = list(doc.comments)
    assert len(comments) == len(demo_report.figures())
    assert any("T01@2025-06-30" in c.text and "市统计局" in c.text for c in comments)
    assert not any(p.text == APPENDIX_TITLE for p in doc.paragraphs)
