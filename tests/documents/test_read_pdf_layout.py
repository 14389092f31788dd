"""Reading order and page furniture of PDFs made with reportlab.

Two-column pages drawn row by row, text layers written out of order, tables that must not be
taken for columns, running heads, page numbers, and paragraphs that wrap inside a number or
across a page break.  All text is our own (fictional 江川市).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from planwatch.documents import read
from planwatch.documents.readers.pdf_furniture import PAGE_NUMBER, drop_furniture

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))
SIZE = 12

LEFT = (
    "上半年全市规模以上工业增加值同比增长百分之六点一，装备制造业、电子信息产业分别增长百分之九和百分之十二，"
    "新能源汽车产量达到1.96万辆。"
)
RIGHT = (
    "全市固定资产投资完成86亿元，同比增长百分之七点六，其中工业投资增长百分之十五，"
    "新开工亿元以上项目42个，签约招商项目总投资达到1234.5亿元。"
)


def wrap(text: str, width: int) -> list[str]:
    return [text[i : i + width] for i in range(0, len(text), width)]


def two_column_pdf(path: Path) -> Path:
    """A 简报 page: a title across both columns, then two columns drawn row by row."""
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont(FONT, SIZE)
    pdf.drawString(150, 800, "江川市经济运行简报（2025年第3期）")
    left, right = wrap(LEFT, 18), wrap(RIGHT, 18)
    y = 770
    for row in range(max(len(left), len(right))):
        if row < len(left):
            pdf.drawString(50, y, left[row])
        if row < len(right):
            pdf.drawString(320, y, right[row])
        y -= 18
    pdf.drawString(150, y - 20, "江川市统计局  2025年7月20日")
    pdf.showPage()
    pdf.save()
    return path


def test_a_two_column_page_drawn_row_by_row_reads_column_by_column(tmp_path: Path) -> None:
    text = read(two_column_pdf(tmp_path / "brief.pdf")).text
    assert text.splitlines() == [
        "江川市经济运行简报（2025年第3期）",
        LEFT,
        RIGHT,
        "江川市统计局  2025年7月20日",
    ]


def test_a_text_layer_written_out_of_order_reads_top_to_bottom(tmp_path: Path) -> None:
    path = tmp_path / "edited.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont(FONT, SIZE)
    # the page was edited: the closing lines and the title were drawn after the body
    body = ["一、总体情况", "全市地区生产总值增长5.2%。", "二、下一步打算", "全年力争增长5.5%。"]
    for i, line in enumerate(body):
        pdf.drawString(50, 760 - 20 * i, line)
    pdf.drawString(50, 660, "江川市人民政府办公室")
    pdf.drawString(50, 800, "江川市2025年上半年经济运行情况")
    pdf.showPage()
    pdf.save()
    assert read(path).text.splitlines() == ["江川市2025年上半年经济运行情况", *body, "江川市人民政府办公室"]


def test_a_table_of_labels_and_values_is_not_taken_for_two_columns(tmp_path: Path) -> None:
    path = tmp_path / "table.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont(FONT, SIZE)
    rows = [("指标", "增速"), ("地区生产总值", "5.2%"), ("规上工业增加值", "6.1%"), ("固定资产投资", "7.6%"),
            ("社会消费品零售总额", "4.8%")]
    for i, (label, value) in enumerate(rows):
        pdf.drawString(50, 800 - 20 * i, label)
        pdf.drawString(400, 800 - 20 * i, value)
    pdf.showPage()
    pdf.save()
    # read in the order drawn, as every in-order page is: each row's label before its value
    assert read(path).text.splitlines() == [cell for row in rows for cell in row]


# a paragraph as the page width wraps it: the second line ends inside "1234.5亿元"
PARAGRAPH_LINES = [
    "上半年全市经济运行稳中有进，规模以上工业增加值同比增长百分之六点一，",
    "社会消费品零售总额达到江川市历史同期最高水平的1234.5",
    "亿元，同比增长百分之四点八，一般公共预算收入完成86.3亿元，",
    "全年新增城镇就业3.5万人的目标已经完成过半，各项工作进展顺利。",
]
PARAGRAPH = "".join(PARAGRAPH_LINES)


def paged_pdf(path: Path, pages: list[list[str]], header: str | None, footers: list[str]) -> Path:
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for number, lines in enumerate(pages):
        pdf.setFont(FONT, SIZE)
        if header:
            pdf.drawString(200, 815, header)
        y = 780
        for line in lines:
            pdf.drawString(50, y, line)
            y -= 20
        if footers:
            pdf.drawString(280, 40, footers[number])
        pdf.showPage()
    pdf.save()
    return path


@pytest.mark.parametrize(
    "footers",
    [
        ["— 1 —", "— 2 —", "— 3 —"],
        ["第1页 共3页", "第2页 共3页", "第3页 共3页"],
        ["1", "2", "3"],
        ["- 1 -", "- 2 -", "- 3 -"],
    ],
    ids=["dashes", "第N页共M页", "bare numbers", "hyphens"],
)
def test_running_heads_and_page_numbers_are_dropped_and_a_paragraph_runs_across_pages(
    tmp_path: Path, footers: list[str]
) -> None:
    lines = PARAGRAPH_LINES
    pages = [
        ["江川市2025年上半年经济运行情况", "一、总体情况", *lines[:3]],
        [*lines[3:], "二、下一步打算"],
        ["全年力争地区生产总值增长5.5%左右。"],
    ]
    path = paged_pdf(tmp_path / "paged.pdf", pages, "江川市发展和改革委员会", footers)
    assert read(path).text.splitlines() == [
        "江川市发展和改革委员会",  # the running head once, where it first stands
        "江川市2025年上半年经济运行情况",
        "一、总体情况",
        PARAGRAPH,
        "二、下一步打算",
        "全年力争地区生产总值增长5.5%左右。",
    ]


def test_a_number_wrapped_apart_from_its_unit_is_joined_on_a_short_page(tmp_path: Path) -> None:
    lines = PARAGRAPH_LINES
    pages = [["江川市2025年上半年经济运行情况", *lines], ["二、下一步打算", lines[1], "亿元。"]]
    text = read(paged_pdf(tmp_path / "units.pdf", pages, None, [])).text
    # the second page has too few lines to tell a full line; the first page's tell it
    assert text.splitlines() == ["江川市2025年上半年经济运行情况", PARAGRAPH, "二、下一步打算", lines[1] + "亿元。"]


PAGE_NUMBERS = [
    ("— 3 —", True),
    ("－ 12 －", True),
    ("-3-", True),
    ("第3页", True),
    ("第 3 页 共 10 页", True),
    ("第3页，共10页", True),
    ("共10页 第3页", True),
    ("3/10", True),
    ("Page 3 of 10", True),
    ("·3·", False),  # no dash: left to the bare-number rule, which needs a count
    ("2025", False),
    ("5.2%", False),
    ("-5", False),
    ("第3季度", False),
    ("一、总体情况", False),
    ("增长3", False),
]


@pytest.mark.parametrize(("line", "is_page_number"), PAGE_NUMBERS)
def test_page_numbers_are_told_from_text(line: str, is_page_number: bool) -> None:
    assert bool(PAGE_NUMBER.match(line)) is is_page_number


def test_a_bare_number_is_a_page_number_only_when_it_counts_the_pages() -> None:
    pages = [["标题", "正文一。", "5"], ["正文二。", "6"], ["正文三。", "2025"]]
    assert drop_furniture(pages) == [["标题", "正文一。"], ["正文二。"], ["正文三。", "2025"]]
