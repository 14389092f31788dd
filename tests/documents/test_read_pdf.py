"""Reading PDFs made with reportlab: Chinese text layers, encryption, image-only pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from planwatch.documents import DocumentError, read
from planwatch.documents.readers.pdf import rejoin_wrapped_lines

FONT = "STSong-Light"  # a CID font built into reportlab: no font file needed
pdfmetrics.registerFont(UnicodeCIDFont(FONT))

PAGE_ONE = [
    "江川市人民政府关于2025年1—6月计划执行情况的报告",
    "一、上半年计划执行情况",
    "全市地区生产总值增长5.2%，规上工业增加值增长6.1%。",
    "（一）工业稳中有进。",
]
PAGE_TWO = ["二、下一步工作打算", "社会消费品零售总额1234.5亿元。"]


def make_pdf(path: Path, pages: list[list[str]], **options: object) -> Path:
    pdf = canvas.Canvas(str(path), pagesize=A4, **options)
    for lines in pages:
        pdf.setFont(FONT, 12)
        y = 800
        for line in lines:
            pdf.drawString(50, y, line)
            y -= 20
        pdf.showPage()
    pdf.save()
    return path


def test_the_chinese_text_layer_of_a_pdf_is_recovered(tmp_path: Path) -> None:
    document = read(make_pdf(tmp_path / "report.pdf", [PAGE_ONE, PAGE_TWO]))
    assert document.format == "pdf"
    assert document.text.splitlines() == PAGE_ONE + PAGE_TWO
    assert [h.label for h in document.outline.headings] == ["一、", "二、"]
    assert document.metadata.period == "2025-01/2025-06"


def test_lines_wrapped_by_the_page_width_are_joined_back(tmp_path: Path) -> None:
    paragraph = "上半年全市规模以上工业增加值同比增长百分之六，其中装备制造业增长较快，新能源汽车产量达到12.3万辆，" * 3
    width = 24
    wrapped = [paragraph[i : i + width] for i in range(0, len(paragraph), width)]
    document = read(make_pdf(tmp_path / "wrapped.pdf", [["一、工业运行", *wrapped, "二、投资"]]))
    assert document.text.splitlines() == ["一、工业运行", paragraph, "二、投资"]


REJOIN_TABLE = [
    # page text, expected
    ("短行\n另一行", "短行\n另一行"),
    ("江\n川\n市\n地\n区\n生\n产\n总\n值\n甲", "江\n川\n市\n地\n区\n生\n产\n总\n值\n甲"),
    (
        "甲甲甲甲甲甲甲甲甲甲甲甲\n乙乙乙乙乙乙乙乙乙乙乙乙\n丙丙丙丙丙丙丙丙丙丙丙丙\n丁。",
        "甲甲甲甲甲甲甲甲甲甲甲甲乙乙乙乙乙乙乙乙乙乙乙乙丙丙丙丙丙丙丙丙丙丙丙丙丁。",
    ),
    (
        "甲甲甲甲甲甲甲甲甲。\n乙乙乙乙乙乙乙乙乙。\n丙丙丙丙丙丙丙丙丙。\n丁",
        "甲甲甲甲甲甲甲甲甲。\n乙乙乙乙乙乙乙乙乙。\n丙丙丙丙丙丙丙丙丙。\n丁",
    ),
    (
        "甲甲甲甲甲甲甲甲甲甲甲甲\n一、短标题\n丙丙丙丙丙丙丙丙丙丙丙丙\n丁丁丁丁丁丁丁丁丁丁丁丁\n戊",
        "甲甲甲甲甲甲甲甲甲甲甲甲\n一、短标题\n丙丙丙丙丙丙丙丙丙丙丙丙丁丁丁丁丁丁丁丁丁丁丁丁戊",
    ),
    (
        "total output of the city\nrose by five percent in\nthe first half of the yr\nok",
        "total output of the city rose by five percent in the first half of the yr ok",
    ),
]


@pytest.mark.parametrize(("page", "expected"), REJOIN_TABLE)
def test_wrapped_lines_are_rejoined_but_sentences_and_headings_keep_their_breaks(page: str, expected: str) -> None:
    assert rejoin_wrapped_lines(page) == expected


def test_an_encrypted_pdf_is_reported(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "locked.pdf", [PAGE_ONE], encrypt="secret")
    with pytest.raises(DocumentError) as caught:
        read(path)
    assert str(caught.value).startswith(f"{path}: PDF 已加密")


def test_a_pdf_locked_only_against_editing_is_read(tmp_path: Path) -> None:
    from reportlab.lib.pdfencrypt import StandardEncryption

    lock = StandardEncryption(userPassword="", ownerPassword="owner", canModify=0)
    document = read(make_pdf(tmp_path / "owner.pdf", [PAGE_ONE], encrypt=lock))
    assert document.text.splitlines() == PAGE_ONE


def test_an_image_only_pdf_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFillGray(0.5)
    pdf.rect(50, 50, 400, 600, fill=1)
    pdf.showPage()
    pdf.save()
    with pytest.raises(DocumentError, match="没有文字层"):
        read(path)


def test_a_blank_pdf_is_reported(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="没有文字层"):
        read(make_pdf(tmp_path / "blank.pdf", [[]]))


def test_a_file_that_is_not_a_pdf_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "fake.pdf"
    path.write_text("江川市报告", encoding="utf-8")
    with pytest.raises(DocumentError, match=r"fake\.pdf: 文件已损坏（不是有效的 PDF 文件）"):
        read(path)


def test_a_truncated_pdf_is_reported_in_one_line(tmp_path: Path) -> None:
    whole = make_pdf(tmp_path / "whole.pdf", [PAGE_ONE]).read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(whole[:200])
    with pytest.raises(DocumentError) as caught:
        read(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert "\n" not in str(caught.value)
