"""``planwatch extract`` as a user runs it: formats, several files, -o, and unreadable input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from planwatch.cli.main import cli

REPORT = "江川市2025年1—6月经济运行情况\n一、1—6月执行情况\n全市地区生产总值1,286.4亿元，同比增长5.6%，居全省第3位。\n"


def _report(tmp_path: Path, name: str = "jc.txt") -> Path:
    path = tmp_path / name
    path.write_text(REPORT, encoding="utf-8")
    return path


def test_jsonl_output_has_exactly_the_schema_fields(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["extract", str(_report(tmp_path))])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [r["text"] for r in rows] == ["1,286.4亿元", "5.6%", "第3位"]
    assert list(rows[0]) == ["span", "text", "subject", "measure", "value", "unit", "period", "modality",
                             "qualifier", "baseline", "indicator"]
    assert rows[0]["value"] == 128640000000 and rows[0]["unit"] == "元"


def test_every_fact_names_its_catalog_indicator_in_json_and_csv(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["extract", str(_report(tmp_path))])
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [r["indicator"] for r in rows] == ["地区生产总值", "地区生产总值", "地区生产总值"]
    result = CliRunner().invoke(cli, ["extract", str(_report(tmp_path)), "--format", "csv"])
    header, first = result.output.splitlines()[:2]
    assert header.startswith("\ufeff") and header.endswith(",基期,规范指标") and first.endswith(",地区生产总值")


def test_csv_output_keeps_a_formula_like_subject_as_text(tmp_path: Path) -> None:
    path = tmp_path / "evil.txt"
    path.write_text("江川市2025年工作报告\n=HYPERLINK(1)产量达到12万吨。\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(path), "--format", "csv"])
    assert result.exit_code == 0, result.output
    cells = result.output.splitlines()[1].split(",")
    assert not any(cell.startswith(("=", '"=')) for cell in cells), cells


def test_several_files_name_their_document(tmp_path: Path) -> None:
    a, b = _report(tmp_path, "a.txt"), _report(tmp_path, "b.txt")
    result = CliRunner().invoke(cli, ["extract", str(a), str(b), "--format", "csv"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("\ufeff文件,位置,原文,指标")
    assert sum(1 for line in lines if line.startswith(str(b))) == 3


def test_table_output_is_a_readable_chinese_table(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["extract", str(_report(tmp_path)), "--format", "table"])
    assert result.exit_code == 0
    assert "指标" in result.output and "地区生产总值" in result.output and "共 3 条" in result.output


def test_output_file_is_written_whole(tmp_path: Path) -> None:
    out = tmp_path / "facts.jsonl"
    result = CliRunner().invoke(cli, ["extract", str(_report(tmp_path)), "-o", str(out)])
    assert result.exit_code == 0 and result.output == ""
    assert len(out.read_text(encoding="utf-8").splitlines()) == 3
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".planwatch-")] == []


def test_an_unreadable_file_gives_one_line_and_exit_status_two(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    result = CliRunner().invoke(cli, ["extract", str(missing)])
    assert result.exit_code == 2
    assert str(missing) in result.output
    assert "Traceback" not in result.output


def test_a_year_taken_from_the_file_name_is_announced_on_stderr(tmp_path: Path) -> None:
    path = tmp_path / "江川市经济运行分析-2025.txt"
    path.write_text("上半年全市经济运行情况分析\n上半年，全市地区生产总值增长5.6%。\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(path)])
    assert result.exit_code == 0
    assert "已按文件名推定为2025年" in result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows[0]["period"] == "2025-01/2025-06"


@pytest.mark.parametrize(
    ("name", "warned"),
    [
        ("江川市经济运行分析.txt", "无法推定年份"),  # no year anywhere
        ("江川市经济运行分析-2024-2025.txt", "无法推定年份"),  # two years in the name: ambiguous
        ("江川市2025年上半年经济运行分析.txt", "已按文件名推定为2025年"),
    ],
)
def test_a_document_without_a_year_warns_how_its_year_was_found(tmp_path: Path, name: str, warned: str) -> None:
    path = tmp_path / name
    path.write_text("上半年全市经济运行情况分析\n上半年，全市地区生产总值增长5.6%。\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(path)])
    assert result.exit_code == 0 and warned in result.stderr


def test_a_document_that_names_its_year_gives_no_warning(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["extract", str(_report(tmp_path))])
    assert result.exit_code == 0 and result.stderr == ""


@pytest.mark.parametrize(
    ("phrase", "indicator"),
    [
        ("全市经济增长5.2%。", "地区生产总值"),
        ("全省生产总值增长5.2%。", "地区生产总值"),
        ("GDP增长5.2%。", "地区生产总值"),
        ("规上工业增加值增长6.1%。", "规模以上工业增加值"),
        ("城镇调查失业率5.1%。", "城镇调查失业率"),
        ("单位国内生产总值能耗下降3%。", "单位地区生产总值能耗"),
        ("城乡居民人均可支配收入分别增长5.1%和6.3%。", "城镇居民人均可支配收入"),
        ("地区生产总值占全国比重4.1%。", None),  # a share of GDP is another series
        ("新建充电桩800个。", None),
    ],
)
def test_a_subject_that_names_a_catalog_indicator_gets_its_canonical_name(phrase: str, indicator: str | None) -> None:
    from planwatch.extract import extract_facts

    assert extract_facts("江川市2025年统计公报\n" + phrase)[0].indicator == indicator
