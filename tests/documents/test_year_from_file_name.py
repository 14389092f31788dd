"""A report whose text names no year takes the year written in its file name."""

from __future__ import annotations

from pathlib import Path

import pytest

from planwatch.documents import read
from planwatch.documents.model import year_in_file_name


@pytest.mark.parametrize(
    ("name", "year"),
    [
        ("analysis-2016.txt", 2016),
        ("江川市2025年上半年经济运行分析.txt", 2025),
        ("2024_h1_2024.txt", 2024),
        ("report.txt", None),
        ("000_6f42d119bd871e74.txt", None),
        ("2023-2024对比.txt", None),
        ("case-12016.txt", None),
    ],
)
def test_a_year_in_the_file_name_is_found_only_when_it_is_unambiguous(name: str, year: int | None) -> None:
    assert year_in_file_name(name) == year


def test_a_half_year_analysis_without_a_year_in_its_text_takes_the_file_names_year(tmp_path: Path) -> None:
    path = tmp_path / "jiangchuan-h1-analysis-2016.txt"
    path.write_text("上半年全市经济运行情况分析\n上半年，全市地区生产总值增长6.2%。\n", encoding="utf-8")
    assert read(str(path)).metadata.period == "2016-01/2016-06"


def test_a_year_stated_in_the_text_wins_over_the_file_name(tmp_path: Path) -> None:
    path = tmp_path / "archive-2019.txt"
    path.write_text("江川市2025年1—6月经济运行情况\n1—6月，全市地区生产总值增长5.1%。\n", encoding="utf-8")
    assert read(str(path)).metadata.period == "2025-01/2025-06"
