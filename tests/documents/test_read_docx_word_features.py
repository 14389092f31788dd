"""Reading what offices put in Word files besides plain paragraphs.

Text boxes (with Word's VML fallback copy), footnotes and endnotes, headers and footers,
tracked changes and fields.  Every file is made with python-docx; what python-docx has no
API for is written as the WordprocessingML that Word itself saves (via lxml).
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml

from planwatch.documents import read

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = (
    f'xmlns:w="{W}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


def paragraph_xml(inner: str, ppr: str = "") -> object:
    return parse_xml(f"<w:p {NS}>{ppr}{inner}</w:p>")


def add_xml_paragraph(document, inner: str, ppr: str = "") -> None:
    document.element.body.insert(len(document.element.body) - 1, paragraph_xml(inner, ppr))  # before sectPr


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def box_paragraphs(*lines: str) -> str:
    return "".join(f"<w:p>{run(line)}</w:p>" for line in lines)


def text_box_run(*lines: str, vml_fallback: bool = True) -> str:
    """A floating text box as Word 2010+ saves it: DrawingML, and a VML copy for old readers."""
    content = f"<w:txbxContent>{box_paragraphs(*lines)}</w:txbxContent>"
    drawing = (
        '<w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" '
        'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:extent cx="2000000" cy="600000"/>'
        '<wp:docPr id="1" name="文本框 1"/><a:graphic><a:graphicData '
        'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
        f"<wps:txbx>{content}</wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"
    )
    if not vml_fallback:
        return f"<w:r>{drawing}</w:r>"
    return (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps">'
        f"{drawing}</mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{content}</v:textbox></v:shape></w:pict>"
        "</mc:Fallback></mc:AlternateContent></w:r>"
    )


def test_a_title_in_a_text_box_is_read_once_at_its_place(tmp_path: Path) -> None:
    document = docx.Document()
    add_xml_paragraph(document, text_box_run("江川市2025年上半年经济运行简报"))
    document.add_paragraph("一、总体情况")
    document.add_paragraph("全市地区生产总值增长5.2%。")
    path = tmp_path / "boxed-title.docx"
    document.save(path)
    assert read(path).text.splitlines() == [
        "江川市2025年上半年经济运行简报",
        "一、总体情况",
        "全市地区生产总值增长5.2%。",
    ]


def test_a_column_box_inside_a_paragraph_comes_before_that_paragraph_text(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("一、重点项目")
    add_xml_paragraph(
        document,
        run("全年安排重点项目120个。") + text_box_run("专栏1 重点项目", "新开工项目42个，完成投资86亿元。"),
    )
    document.add_paragraph("二、下一步打算")
    path = tmp_path / "column-box.docx"
    document.save(path)
    assert read(path).text.splitlines() == [
        "一、重点项目",
        "专栏1 重点项目",
        "新开工项目42个，完成投资86亿元。",
        "全年安排重点项目120个。",
        "二、下一步打算",
    ]


def test_an_old_style_vml_text_box_alone_is_read(tmp_path: Path) -> None:
    document = docx.Document()
    vml = (
        "<w:r><w:pict><v:shape><v:textbox><w:txbxContent>"
        f"{box_paragraphs('旧版文本框里的标题')}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
    )
    add_xml_paragraph(document, vml)
    document.add_paragraph("正文第一段。")
    path = tmp_path / "vml.docx"
    document.save(path)
    assert read(path).text.splitlines() == ["旧版文本框里的标题", "正文第一段。"]


def test_a_box_without_fallback_copy_is_read_too(tmp_path: Path) -> None:
    document = docx.Document()
    add_xml_paragraph(document, text_box_run("只有新格式的文本框", vml_fallback=False))
    path = tmp_path / "plain-box.docx"
    document.save(path)
    assert read(path).text == "只有新格式的文本框"


FOOTNOTES_XML = f"""<w:footnotes {NS}>
  <w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
  <w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
  <w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r>{run(" 按可比价格计算。")}</w:p></w:footnote>
  <w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>{run(" 数据来源：江川市统计局，")}</w:p>
    <w:p>{run("为快报数。")}</w:p></w:footnote>
</w:footnotes>"""
ENDNOTES_XML = f"""<w:endnotes {NS}>
  <w:endnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:endnote>
  <w:endnote w:id="1"><w:p><w:r><w:endnoteRef/></w:r>
    {run(" 规上工业指年主营业务收入2000万元及以上的企业。")}</w:p></w:endnote>
</w:endnotes>"""


def add_part(document, name: str, content_type: str, reltype: str, xml: str) -> None:
    part = Part(PackURI(name), content_type, xml.encode("utf-8"), document.part.package)
    document.part.relate_to(part, reltype)


def test_footnotes_and_endnotes_follow_the_body_without_moving_it(tmp_path: Path) -> None:
    body = ["江川市2025年上半年经济运行情况", "全市地区生产总值1234.5亿元，增长5.2%。", "规上工业增加值增长6.1%。"]
    plain = docx.Document()
    for line in body:
        plain.add_paragraph(line)
    plain.save(tmp_path / "plain.docx")

    document = docx.Document()
    document.add_paragraph(body[0])
    reference = '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="{}"/></w:r>'
    add_xml_paragraph(
        document, run("全市地区生产总值1234.5亿元") + reference.format(1) + run("，增长5.2%。") + reference.format(2)
    )
    endnote = '<w:r><w:endnoteReference w:id="1"/></w:r>'
    add_xml_paragraph(document, run("规上工业增加值") + endnote + run("增长6.1%。"))
    add_part(document, "/word/footnotes.xml", CT.WML_FOOTNOTES, RT.FOOTNOTES, FOOTNOTES_XML)
    add_part(document, "/word/endnotes.xml", CT.WML_ENDNOTES, RT.ENDNOTES, ENDNOTES_XML)
    path = tmp_path / "notes.docx"
    document.save(path)

    text = read(path).text
    plain_text = read(tmp_path / "plain.docx").text
    assert text.startswith(plain_text + "\n")
    assert text[len(plain_text) + 1 :].splitlines() == [
        "注释：",
        "[1] 数据来源：江川市统计局， 为快报数。",
        "[2] 按可比价格计算。",
        "尾注：",
        "[1] 规上工业指年主营业务收入2000万元及以上的企业。",
    ]


def test_headers_footers_and_page_numbers_stay_out_of_the_text(tmp_path: Path) -> None:
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "机密★启用前"
    footer = section.footer.paragraphs[0]
    footer._p.append(parse_xml(f'<w:fldSimple {NS} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
    document.add_paragraph("江川市2025年工作要点")
    document.add_paragraph("全年新增城镇就业3.5万人。")
    path = tmp_path / "header.docx"
    document.save(path)
    assert read(path).text == "江川市2025年工作要点\n全年新增城镇就业3.5万人。"


TRACKED = [
    # label, paragraph XML inside w:p, text of the accepted version
    (
        "an insertion is read",
        run("全年增长")
        + f'<w:ins w:id="1" w:author="审核人" w:date="2025-07-01T09:00:00Z">{run("5.5%左右")}</w:ins>'
        + run("。"),
        "全年增长5.5%左右。",
    ),
    (
        "a deletion is left out",
        run("投资增长")
        + '<w:del w:id="2" w:author="审核人"><w:r><w:delText>8%</w:delText></w:r></w:del>'
        + '<w:ins w:id="3" w:author="审核人">' + run("7.6%") + "</w:ins>" + run("。"),
        "投资增长7.6%。",
    ),
    (
        "text moved away is read only where it went",
        '<w:moveFrom w:id="4" w:author="审核人">' + run("（快报数）") + "</w:moveFrom>"
        + run("外贸进出口总额86亿元")
        + '<w:moveTo w:id="5" w:author="审核人">' + run("（快报数）") + "</w:moveTo>" + run("。"),
        "外贸进出口总额86亿元（快报数）。",
    ),
    (
        "a simple field shows its result",
        run("见第") + '<w:fldSimple w:instr=" PAGEREF _Toc1 \\h "><w:r><w:t>3</w:t></w:r></w:fldSimple>' + run("页。"),
        "见第3页。",
    ),
    (
        "a complex field shows its result, not its code",
        run("第")
        + '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        + '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run("12")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>' + run("页"),
        "第12页",
    ),
    (
        "a field whose code holds text does not leak it",
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:t>MERGEFIELD 指标</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run("地区生产总值")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
        "地区生产总值",
    ),
    (
        "a hyperlink and a smart tag keep their text",
        '<w:hyperlink w:anchor="x">' + run("江川市") + "</w:hyperlink>"
        + '<w:smartTag w:uri="urn:x" w:element="place">' + run("高新区") + "</w:smartTag>" + run("发展"),
        "江川市高新区发展",
    ),
]


@pytest.mark.parametrize(("label", "inner", "expected"), TRACKED, ids=[row[0] for row in TRACKED])
def test_tracked_changes_and_fields_read_as_the_accepted_version(
    tmp_path: Path, label: str, inner: str, expected: str
) -> None:
    document = docx.Document()
    add_xml_paragraph(document, inner)
    path = tmp_path / "tracked.docx"
    document.save(path)
    assert read(path).text == expected


def test_a_table_of_contents_field_reads_as_its_shown_lines(tmp_path: Path) -> None:
    document = docx.Document()
    add_xml_paragraph(
        document,
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> TOC \\o "1-3" \\h </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        '<w:hyperlink w:anchor="_Toc1">' + run("一、总体情况") + "<w:r><w:tab/></w:r>" + run("1") + "</w:hyperlink>",
    )
    add_xml_paragraph(
        document,
        '<w:hyperlink w:anchor="_Toc2">' + run("二、下一步打算") + "<w:r><w:tab/></w:r>" + run("3") + "</w:hyperlink>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
    )
    document.add_paragraph("一、总体情况")
    path = tmp_path / "toc.docx"
    document.save(path)
    assert read(path).text.splitlines() == ["一、总体情况\t1", "二、下一步打算\t3", "一、总体情况"]


def test_a_paragraph_break_deleted_in_review_joins_the_two_paragraphs(tmp_path: Path) -> None:
    document = docx.Document()
    deleted_mark = '<w:pPr><w:rPr><w:del w:id="9" w:author="审核人"/></w:rPr></w:pPr>'
    add_xml_paragraph(document, run("全市完成固定资产投资"), ppr=deleted_mark)
    document.add_paragraph("86亿元。")
    path = tmp_path / "joined.docx"
    document.save(path)
    assert read(path).text == "全市完成固定资产投资86亿元。"


def test_a_table_row_deleted_in_review_is_left_out(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=3, cols=2)
    for row, values in zip(table.rows, [("指标", "增速"), ("旧指标", "1%"), ("投资", "3%")], strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    table.rows[1]._tr.get_or_add_trPr().append(parse_xml(f'<w:del {NS} w:id="7" w:author="审核人"/>'))
    path = tmp_path / "row.docx"
    document.save(path)
    assert read(path).text.splitlines() == ["指标\t增速", "投资\t3%"]


def test_a_content_control_still_showing_its_prompt_adds_nothing(tmp_path: Path) -> None:
    document = docx.Document()
    prompt = "<w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>{}</w:sdtContent>"
    filled = "<w:sdtPr/><w:sdtContent>{}</w:sdtContent>"
    unfilled = "<w:sdt>" + prompt.format(run("单击或点击此处输入文字。")) + "</w:sdt>"
    add_xml_paragraph(document, run("填报单位：") + unfilled)
    add_xml_paragraph(document, run("填报人：") + "<w:sdt>" + filled.format(run("王明")) + "</w:sdt>")
    document.element.body.insert(
        len(document.element.body) - 1,
        parse_xml(f"<w:sdt {NS}>" + prompt.format("<w:p>" + run("在此输入正文") + "</w:p>") + "</w:sdt>"),
    )
    document.add_paragraph("全年新增城镇就业3.5万人。")
    path = tmp_path / "form.docx"
    document.save(path)
    assert read(path).text.splitlines() == ["填报单位：", "填报人：王明", "全年新增城镇就业3.5万人。"]


def test_a_table_inside_a_cell_stays_on_its_row(tmp_path: Path) -> None:
    document = docx.Document()
    outer = document.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "专项行动"
    inner_cell = outer.cell(0, 1)
    inner_cell.text = "分项"
    inner = inner_cell.add_table(rows=2, cols=2)
    for row, values in zip(inner.rows, [("新建", "12个"), ("改造", "8个")], strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    path = tmp_path / "nested.docx"
    document.save(path)
    assert read(path).text == "专项行动\t分项 新建 12个 改造 8个"
