"""Reading .docx files made with python-docx: paragraphs and tables in body order."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from planwatch.documents import DocumentError, read


def make_docx(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("江川市2025年上半年经济运行情况")
    document.add_paragraph("一、主要指标")
    table = document.add_table(rows=3, cols=3)
    for row, values in zip(
        table.rows,
        [("指标", "绝对值", "增速"), ("地区生产总值", "1234.5亿元", "5.2%"), ("规上工业增加值", "", "6.1%")],
        strict=True,
    ):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    document.add_paragraph("二、下一步打算")
    document.add_paragraph("全年力争地区生产总值增长5.5%。")
    document.save(path)
    return path


def test_paragraphs_and_a_table_between_them_come_out_in_order(tmp_path: Path) -> None:
    document = read(make_docx(tmp_path / "report.docx"))
    assert document.format == "docx"
    assert document.text.splitlines() == [
        "江川市2025年上半年经济运行情况",
        "一、主要指标",
        "指标\t绝对值\t增速",
        "地区生产总值\t1234.5亿元\t5.2%",
        "规上工业增加值\t\t6.1%",
        "二、下一步打算",
        "全年力争地区生产总值增长5.5%。",
    ]
    assert [h.title for h in document.outline] == ["主要指标", "下一步打算"]


def test_merged_cells_are_written_once(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "合并表头"
    table.cell(0, 2).text = "增速"
    table.cell(1, 0).text = "投资"
    table.cell(1, 2).text = "3%"
    path = tmp_path / "merged.docx"
    document.save(path)
    lines = read(path).text.splitlines()
    assert lines[0] == "合并表头\t增速"
    assert lines[1] == "投资\t\t3%"


def test_a_cell_with_several_paragraphs_stays_on_its_row(tmp_path: Path) -> None:
    document = docx.Document()
    cell = document.add_table(rows=1, cols=2).cell(0, 0)
    cell.text = "第一段"
    cell.add_paragraph("第二段")
    path = tmp_path / "cell.docx"
    document.save(path)
    assert read(path).text == "第一段 第二段\t"


def test_a_truncated_docx_is_reported_with_the_file_name(tmp_path: Path) -> None:
    whole = make_docx(tmp_path / "whole.docx").read_bytes()
    path = tmp_path / "truncated.docx"
    path.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(DocumentError) as caught:
        read(path)
    assert str(caught.value) == f"{path}: 文件已损坏（不是有效的 docx/zip 文件）"


def test_a_text_file_named_docx_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "fake.docx"
    path.write_text("这不是 Word 文档", encoding="utf-8")
    with pytest.raises(DocumentError, match=r"fake\.docx: 文件已损坏"):
        read(path)


def test_a_zip_without_a_word_document_is_reported(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "other.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "你好")
    with pytest.raises(DocumentError) as caught:
        read(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert "\n" not in str(caught.value)


def test_an_encrypted_docx_is_reported(tmp_path: Path) -> None:
    # Word saves a password-protected .docx as an OLE compound file, not a zip
    path = tmp_path / "locked.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    with pytest.raises(DocumentError, match=r"locked\.docx: 文件已加密或是旧版 \.doc 格式"):
        read(path)


def test_a_docx_without_text_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "blank.docx"
    docx.Document().save(path)
    with pytest.raises(DocumentError, match="没有文字内容"):
        read(path)


def add_chinese_numbering(document) -> str:
    """Add a Word list numbered 一、 / （一） / 1. and return its numId."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    numbering = document.part.numbering_part.element
    levels = [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3.")]
    lvl_xml = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
        f'<w:suff w:val="nothing"/></w:lvl>'
        for i, (fmt, text) in enumerate(levels)
    )
    numbering.insert(0, parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">{lvl_xml}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    return "90"


def numbered(document, text: str, num_id: str, level: int) -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    paragraph = document.add_paragraph(text)
    paragraph._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>')
    )


def test_word_automatic_numbering_is_written_before_its_paragraphs(tmp_path: Path) -> None:
    document = docx.Document()
    num_id = add_chinese_numbering(document)
    document.add_paragraph("江川市2025年上半年工作报告")
    numbered(document, "上半年工作情况", num_id, 0)
    numbered(document, "工业稳中有进", num_id, 1)
    numbered(document, "技改投资增长8%", num_id, 2)
    numbered(document, "新开工项目42个", num_id, 2)
    numbered(document, "投资持续回升", num_id, 1)
    numbered(document, "下半年工作安排", num_id, 0)
    numbered(document, "稳工业", num_id, 1)
    document.add_paragraph("自动编号的正文段落。", style="List Number")
    path = tmp_path / "numbered.docx"
    document.save(path)
    text = read(path).text
    assert text.splitlines() == [
        "江川市2025年上半年工作报告",
        "一、上半年工作情况",
        "（一）工业稳中有进",
        "1.技改投资增长8%",
        "2.新开工项目42个",
        "（二）投资持续回升",
        "二、下半年工作安排",
        "（一）稳工业",
        "1.自动编号的正文段落。",
    ]
    outline = read(path).outline
    assert [(h.level, h.label) for h in outline][:4] == [(1, "一、"), (2, "（一）"), (3, "1."), (3, "2.")]


@pytest.mark.parametrize(
    ("number", "numeral"),
    [
        (1, "一"),
        (10, "十"),
        (11, "十一"),
        (20, "二十"),
        (99, "九十九"),
        (100, "一百"),
        (105, "一百零五"),
        (110, "一百一十"),
    ],
)
def test_word_chinese_counting_writes_numerals_as_word_does(number: int, numeral: str) -> None:
    from planwatch.documents.readers.docx_numbering import chinese_numeral

    assert chinese_numeral(number) == numeral
