"""Reading .txt files: the encoding is found without being told, and broken files are named.

All files are written by the tests; the report text is our own (fictional 江川市).
"""

from __future__ import annotations

import codecs
import random
from pathlib import Path

import pytest

from planwatch.documents import DocumentError, read

REPORT = "江川市人民政府关于2025年1—6月计划执行情况的报告\n一、总体情况\n全市地区生产总值增长5.2%，达到1234.5亿元。\n"
RARE = "䶮"  # a character GB18030 has and GBK lacks


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


ENCODINGS = [
    # label, bytes of the file, text expected
    ("UTF-8", REPORT.encode("utf-8"), REPORT),
    ("UTF-8 with BOM", codecs.BOM_UTF8 + REPORT.encode("utf-8"), REPORT),
    ("GBK", REPORT.encode("gbk"), REPORT),
    ("GB18030", (REPORT + RARE).encode("gb18030"), REPORT + RARE),
    ("UTF-16 LE with BOM", codecs.BOM_UTF16_LE + REPORT.encode("utf-16-le"), REPORT),
    ("UTF-16 BE with BOM", codecs.BOM_UTF16_BE + REPORT.encode("utf-16-be"), REPORT),
    ("UTF-16 LE without BOM", REPORT.encode("utf-16-le"), REPORT),
    ("UTF-16 BE without BOM", REPORT.encode("utf-16-be"), REPORT),
    ("UTF-8 cut inside its last character", REPORT.encode("utf-8") + "增".encode()[:2], REPORT),
    ("Windows line ends", REPORT.replace("\n", "\r\n").encode("gbk"), REPORT.replace("\n", "\r\n")),
]


@pytest.mark.parametrize(("label", "data", "expected"), ENCODINGS, ids=[row[0] for row in ENCODINGS])
def test_text_files_are_decoded_without_being_told_the_encoding(
    tmp_path: Path, label: str, data: bytes, expected: str
) -> None:
    document = read(write(tmp_path, "report.txt", data))
    assert document.text == expected
    assert document.format == "txt"


def test_a_text_document_offers_its_outline_and_metadata(tmp_path: Path) -> None:
    document = read(write(tmp_path, "report.txt", REPORT.encode("gbk")))
    assert [h.title for h in document.outline] == ["总体情况"]
    assert document.metadata.period == "2025-01/2025-06"


BROKEN = [
    # label, file name, bytes, words the message must contain
    ("empty file", "empty.txt", b"", "文件为空"),
    ("only blanks", "blank.txt", b" \n\r\n\t", "文件为空"),
    ("NUL bytes", "nul.txt", b"abc\x00\x00def" * 10, "二进制"),
    ("control characters", "ctl.txt", b"\x01\x02\x03\x04\x05\x06\x07\x08" * 20, "二进制"),
    ("random bytes", "junk.txt", random.Random(7).randbytes(4000), ""),
    ("undecodable high bytes", "high.txt", bytes(range(0x80, 0x100)) * 4, ""),
    ("a BOM with broken UTF-16", "half.txt", codecs.BOM_UTF16_LE + b"a", "utf-16"),
    ("UTF-8 with a bad byte inside", "bad.txt", REPORT.encode() + b"\xff" + REPORT.encode(), "invalid UTF-8 at byte"),
    ("an unknown extension", "report.xyz", REPORT.encode(), "不支持的文件类型"),
    ("no extension", "report", REPORT.encode(), "不支持的文件类型"),
    ("a legacy .doc", "report.doc", b"\xd0\xcf\x11\xe0" + b"\x00" * 100, ".docx"),
]


@pytest.mark.parametrize(("label", "name", "data", "words"), BROKEN, ids=[row[0] for row in BROKEN])
def test_a_broken_text_file_is_reported_in_one_line_naming_the_file(
    tmp_path: Path, label: str, name: str, data: bytes, words: str
) -> None:
    path = write(tmp_path, name, data)
    with pytest.raises(DocumentError) as caught:
        read(path)
    message = str(caught.value)
    assert message.startswith(str(path) + ": ")
    assert "\n" not in message
    assert words in message


def test_a_missing_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="文件不存在"):
        read(tmp_path / "missing.txt")


def test_a_directory_is_reported(tmp_path: Path) -> None:
    folder = tmp_path / "reports.txt"
    folder.mkdir()
    with pytest.raises(DocumentError, match="目录"):
        read(folder)


# Text without a single ASCII character: no line break, no digit (UTF-16 then has no NUL
# byte on the ASCII side; 一 = U+4E00 even puts one on the other side).
CJK_ONLY = "江川市一季度经济运行平稳，全市地区生产总值同比增长百分之五点二，一般公共预算收入稳中有升。"
TRADITIONAL = (
    "江川市人民政府關於2025年上半年計劃執行情況的報告\n"
    "一、總體情況\n全市地區生產總值增長5.2%，規模以上工業增加值增長6.1%，固定資產投資完成86億元。\n"
)

BIG5_ONLY = "江川市經濟運行總體平穩，發展質量穩步提升。"

LEGACY = [
    # label, bytes of the file, text expected
    ("UTF-16 LE without BOM or ASCII", CJK_ONLY.encode("utf-16-le"), CJK_ONLY),
    ("UTF-16 BE without BOM or ASCII", CJK_ONLY.encode("utf-16-be"), CJK_ONLY),
    ("UTF-16 LE of one short line", "一、总体情况".encode("utf-16-le"), "一、总体情况"),
    ("Big5 traditional report", TRADITIONAL.encode("big5"), TRADITIONAL),
    ("Big5 without ASCII", BIG5_ONLY.encode("big5"), BIG5_ONLY),
    ("GBK stays GBK", CJK_ONLY.encode("gbk"), CJK_ONLY),
    ("GBK of traditional characters stays GBK", TRADITIONAL.encode("gbk"), TRADITIONAL),
]


@pytest.mark.parametrize(("label", "data", "expected"), LEGACY, ids=[row[0] for row in LEGACY])
def test_big5_and_utf16_without_a_bom_are_told_from_gbk(tmp_path: Path, label: str, data: bytes, expected: str) -> None:
    assert read(write(tmp_path, "report.txt", data)).text == expected


MIXED = [
    # label, bytes, line the message must name
    (
        "a GBK line after UTF-8 lines",
        "江川市上半年经济运行情况\n全市地区生产总值增长5.2%。\n".encode() + "规上工业增加值增长6.1%。\n".encode("gbk"),
        "第 3 行是 GBK 编码，而第 1 行是 UTF-8 编码",
    ),
    (
        "a UTF-8 line after a GBK line",
        "江川市上半年经济运行情况\n".encode("gbk") + "\n全市地区生产总值增长5.2%。\n".encode(),
        "第 3 行是 UTF-8 编码，而第 1 行是 GBK 编码",
    ),
]


@pytest.mark.parametrize(("label", "data", "words"), MIXED, ids=[row[0] for row in MIXED])
def test_a_file_mixing_gbk_and_utf8_lines_is_reported_naming_the_line(
    tmp_path: Path, label: str, data: bytes, words: str
) -> None:
    path = write(tmp_path, "mixed.txt", data)
    with pytest.raises(DocumentError) as caught:
        read(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: {words}")
    assert "\n" not in message
    assert "请统一另存为 UTF-8" in message


def test_a_bad_byte_in_utf8_text_is_reported_with_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.txt", REPORT.encode() + b"\xff" + REPORT.encode())
    with pytest.raises(DocumentError, match=r"第 4 行（第 \d+ 字节）有无效字节"):
        read(path)
