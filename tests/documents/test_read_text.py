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
