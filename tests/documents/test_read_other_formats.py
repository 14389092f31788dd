"""Files offices pass around that are not .txt/.docx/.html/.pdf, or not what their name says.

RTF is read (also inside the ".doc" files web sites write); legacy Word, WPS, workbooks and
presentations get one line saying what the file is and what to do, exit status 2.
"""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl
import pytest
from click.testing import CliRunner

from planwatch.cli.main import cli
from planwatch.documents import DocumentError, read
from planwatch.documents.readers.rtf import rtf_to_text

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1016  # the header of every legacy Office file


def hex_bytes(text: str, codec: str = "gbk") -> str:
    """Text as RTF writes non-ASCII characters: \\'hh per byte of the code page."""
    return "".join(f"\\'{byte:02x}" for byte in text.encode(codec))


def word_rtf(body: str, codepage: int = 936, charset: int = 134) -> str:
    """An RTF document with the header Word and WordPad write (font table, colours, info, header)."""
    return (
        f"{{\\rtf1\\ansi\\ansicpg{codepage}\\deff0\\deflang1033\\deflangfe2052"
        f"{{\\fonttbl{{\\f0\\fnil\\fcharset{charset} {hex_bytes('宋体', 'gbk' if charset == 134 else 'big5')};}}"
        "{\\f1\\fswiss\\fcharset0 Arial;}}"
        "{\\colortbl ;\\red0\\green0\\blue0;}{\\*\\generator Msftedit 5.41.21.2510;}"
        f"{{\\info{{\\title {hex_bytes('标题')}}}{{\\author planwatch}}}}"
        f"{{\\header\\pard\\plain {hex_bytes('机密★启用前')}\\par}}"
        f"\\viewkind4\\uc1\\pard\\sa200\\sl276\\slmult1\\f0\\fs32 {body}\r\n}}\r\n"
    )


def gbk(text: str) -> str:
    return hex_bytes(text, "gbk")


RTF_TABLE = [
    # label, RTF (as Word writes it), text
    (
        "paragraphs in the document's code page",
        word_rtf(f"{gbk('江川市2025年上半年工作报告')}\\par\r\n\\pard {gbk('一、总体情况')}\\par\r\n"),
        "江川市2025年上半年工作报告\n一、总体情况",
    ),
    (
        "Unicode characters with their fallback skipped",
        word_rtf("\\u20840?\\u24066?" + gbk("地区生产总值增长") + "5.2%" + gbk("。") + "\\par"),
        "全市地区生产总值增长5.2%。",
    ),
    (
        "Unicode with two-byte fallbacks (\\uc2)",
        word_rtf("\\uc2\\u25237" + gbk("投") + "\\u36164" + gbk("资") + "86" + gbk("亿元") + "\\par"),
        "投资86亿元",
    ),
    (
        "a field shows its result, not its instruction",
        word_rtf(gbk("见第") + "{\\field{\\*\\fldinst { PAGE }}{\\fldrslt {3}}}" + gbk("页") + "\\par"),
        "见第3页",
    ),
    (
        "a table row is one line of tab-separated cells",
        word_rtf(
            "\\trowd\\cellx2000\\cellx4000\\pard\\intbl "
            + gbk("指标") + "\\cell " + gbk("增速") + "\\cell\\row "
            + "\\trowd\\cellx2000\\cellx4000\\pard\\intbl " + gbk("投资") + "\\cell 3%\\cell\\row "
        ),
        "指标\t增速\n投资\t3%",
    ),
    (
        "Chinese fonts in a WordPad file with a Western code page",
        word_rtf(gbk("规上工业增加值增长") + "6.1%\\par", codepage=1252),
        "规上工业增加值增长6.1%",
    ),
    (
        "Big5 in a traditional Chinese document",
        word_rtf(hex_bytes("全市經濟穩步增長", "big5") + "\\par", codepage=950, charset=136),
        "全市經濟穩步增長",
    ),
    (
        "escaped braces, backslashes and special characters",
        word_rtf("\\{" + gbk("附件") + "\\}\\\\\\ldblquote " + gbk("十四五") + "\\rdblquote\\emdash 1\\par"),
        "{附件}\\“十四五”—1",
    ),
    (
        "pictures are left out and footnotes follow the body",
        word_rtf(
            gbk("总值增长") + "5.2%{\\super\\chftn}{\\footnote\\pard\\plain {\\super\\chftn} " + gbk("按可比价格计算")
            + "}{\\*\\shppict{\\pict\\pngblip 89504e470d0a}}" + gbk("。") + "\\par "
            + gbk("投资增长") + "7.6%{\\super\\chftn}{\\footnote\\pard\\plain\\chftn " + gbk("不含农户") + "}\\par"
        ),
        "总值增长5.2%。\n投资增长7.6%\n注释：\n[1] 按可比价格计算\n[2] 不含农户",
    ),
]


@pytest.mark.parametrize(("label", "rtf", "expected"), RTF_TABLE, ids=[row[0] for row in RTF_TABLE])
def test_rtf_as_word_writes_it_reads_as_its_text(tmp_path: Path, label: str, rtf: str, expected: str) -> None:
    path = tmp_path / "report.rtf"
    path.write_bytes(rtf.encode("ascii"))
    document = read(path)
    assert document.text == expected
    assert document.format == "rtf"


def test_an_rtf_reader_survives_unbalanced_braces_and_a_trailing_backslash() -> None:
    assert rtf_to_text(b"{\\rtf1\\ansi\\ansicpg936 }}}" + gbk("增长").encode() + b"{{{\\") == "增长"


def make_xlsx(path: Path) -> Path:
    workbook = openpyxl.Workbook()
    workbook.active.append(["指标", "目标"])
    workbook.save(path)
    return path


def make_docx(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("江川市2025年工作要点")
    document.save(path)
    return path


def write(path: Path, data: bytes | str) -> Path:
    if isinstance(data, str):
        data = data.encode("ascii")
    path.write_bytes(data)
    return path


REFUSED = [
    # label, make the file, message after "错误：<path>: "
    (
        "a legacy Word .doc",
        lambda d: write(d / "报告.doc", OLE),
        "这是旧版 Word 文档（.doc），无法直接读取：请在 Word 中另存为 .docx",
    ),
    (
        "a WPS document",
        lambda d: write(d / "报告.wps", OLE),
        "这是 WPS 文字文档（.wps），无法直接读取：请在 WPS 中另存为 .docx",
    ),
    (
        "an Excel workbook",
        lambda d: make_xlsx(d / "计划.xlsx"),
        "这是 Excel 表格（.xlsx），不是报告文档：计划和进度表请用 planwatch import",
    ),
    ("a legacy Excel workbook", lambda d: write(d / "计划.xls", OLE), "这是 Excel 表格（.xls）"),
    ("a workbook named .docx", lambda d: make_xlsx(d / "计划.docx"), "这是 Excel 表格（.xlsx）"),
    ("a legacy Office file named .txt", lambda d: write(d / "报告.txt", OLE), "这是旧版或加密的 Office/WPS 文件"),
    (
        "a presentation",
        lambda d: write(d / "汇报.pptx", b"PK\x03\x04"),
        "这是演示文稿（.pptx），无法直接读取：请另存为 PDF",
    ),
]


@pytest.mark.parametrize(("label", "make", "message"), REFUSED, ids=[row[0] for row in REFUSED])
def test_planwatch_text_says_what_the_file_is_and_what_to_do(tmp_path: Path, label: str, make, message: str) -> None:
    path = make(tmp_path)
    result = CliRunner().invoke(cli, ["text", str(path)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"错误：{path}: {message}")
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


READ_BY_CONTENT = [
    # label, make the file, format, text
    (
        "a .doc that is RTF inside",
        lambda d: write(d / "报告.doc", word_rtf(gbk("全年新增城镇就业3.5万人。") + "\\par")),
        "rtf",
        "全年新增城镇就业3.5万人。",
    ),
    (
        "a .doc that is a web page saved from Word",
        lambda d: write(
            d / "报告.doc",
            '<html xmlns:w="urn:schemas-microsoft-com:office:word"><head><meta charset="utf-8"></head>'
            "<body><p>全年粮食产量稳定在12万吨以上。</p></body></html>".encode(),
        ),
        "html",
        "全年粮食产量稳定在12万吨以上。",
    ),
    ("a Word file renamed .txt", lambda d: make_docx(d / "要点.txt"), "docx", "江川市2025年工作要点"),
]


@pytest.mark.parametrize(("label", "make", "fmt", "text"), READ_BY_CONTENT, ids=[row[0] for row in READ_BY_CONTENT])
def test_a_file_named_for_another_format_is_read_by_its_content(
    tmp_path: Path, label: str, make, fmt: str, text: str
) -> None:
    document = read(make(tmp_path))
    assert (document.format, document.text) == (fmt, text)


def test_a_broken_rtf_is_reported_in_one_line(tmp_path: Path) -> None:
    path = write(tmp_path / "broken.rtf", "this is not rtf")
    with pytest.raises(DocumentError) as caught:
        read(path)
    assert str(caught.value) == f"{path}: 文件已损坏（不是有效的 RTF 文件）"
