"""``planwatch text`` and ``planwatch outline`` as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from planwatch.cli.main import cli

REPORT = (
    "江川市人民政府\n关于2025年1—6月国民经济和社会发展计划执行情况的报告\n"
    "──2025年7月28日在市八届人大常委会第九次会议上\n"
    "一、上半年计划执行情况\n全市地区生产总值增长5.2%。\n"
    "（一）工业稳中有进。一是技改投资增长8%。二是新开工项目42个。\n"
    "二、下一步工作打算\n"
)


@pytest.fixture
def report(tmp_path: Path) -> Path:
    path = tmp_path / "report.txt"
    path.write_bytes(REPORT.encode("gbk"))
    return path


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_text_prints_the_document_text(report: Path) -> None:
    result = run("text", str(report))
    assert result.exit_code == 0
    assert result.stdout == REPORT


def test_outline_prints_metadata_and_the_heading_tree(report: Path) -> None:
    result = run("outline", str(report))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[:5] == [
        "标题：关于2025年1—6月国民经济和社会发展计划执行情况的报告",
        "发布机关：江川市人民政府",
        "日期：2025-07-28",
        "年份：2025",
        "报告期：2025-01/2025-06",
    ]
    start = REPORT.index("一、上半年")
    assert lines[6].startswith(f"一、上半年计划执行情况  [{start}, {start + 11})")
    assert lines[7].startswith("  （一）工业稳中有进")
    assert lines[8].startswith("    一是技改投资增长8%")
    assert lines[-1].startswith("二、下一步工作打算")


def test_outline_as_json_gives_spans_into_the_text(report: Path) -> None:
    result = run("outline", str(report), "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["format"] == "txt"
    assert data["metadata"]["period"] == "2025-01/2025-06"
    first = data["outline"][0]
    start, end = first["span"]
    assert REPORT[start:end] == "一、上半年计划执行情况"
    inline = first["children"][0]["children"]
    assert [REPORT[slice(*h["span"])] for h in inline] == ["一是技改投资增长8%", "二是新开工项目42个"]


BROKEN_FILES = [
    # name, bytes, expected message after the path
    ("empty.txt", b"", "文件为空（empty file）"),
    ("cut.docx", b"PK\x03\x04\x14\x00\x00\x00", "文件已损坏（不是有效的 docx/zip 文件）"),
    ("junk.pdf", b"\x00\x01binary", "文件已损坏（不是有效的 PDF 文件）"),
    ("report.odt", b"whatever", "不支持的文件类型 .odt，支持 .txt .docx .html .htm .pdf .rtf（unsupported file type）"),
]


@pytest.mark.parametrize("command", ["text", "outline"])
@pytest.mark.parametrize(("name", "data", "problem"), BROKEN_FILES)
def test_a_broken_file_gives_one_line_on_stderr_and_exit_status_2(
    tmp_path: Path, command: str, name: str, data: bytes, problem: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    result = run(command, str(path))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"错误：{path}: {problem}\n"


def test_the_installed_command_reports_a_missing_file_without_a_traceback(tmp_path: Path) -> None:
    missing = tmp_path / "missing.docx"
    completed = subprocess.run(
        [sys.executable, "-m", "planwatch", "text", str(missing)], capture_output=True, text=True, check=False
    )
    assert completed.returncode == 2
    assert completed.stderr.splitlines() == [f"错误：{missing}: 文件不存在（file not found）"]
    assert "Traceback" not in completed.stderr
