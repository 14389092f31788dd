"""Document metadata: one row per opening (or closing) with the title, issuer, date and period it states.

Texts are our own, about the fictional city of 江川市.
"""

from __future__ import annotations

import pytest

from planwatch.documents.metadata import DocumentMetadata, read_metadata

HALF_YEAR_REPORT = (
    "江川市人民政府\n关于2025年1—6月国民经济和\n社会发展计划执行情况的报告\n"
    "──2025年7月28日在市八届人大常委会第九次会议上\n市发展改革委主任 林青\n市人大常委会：\n"
    "下面就江川市上半年的计划执行情况作出说明。\n一、1—6月执行情况\n全市经济平稳。\n"
)

METADATA_TABLE = [
    # text, expected fields (only those named are checked)
    (
        HALF_YEAR_REPORT,
        {
            "title": "关于2025年1—6月国民经济和社会发展计划执行情况的报告",
            "issuer": "江川市人民政府",
            "date": "2025-07-28",
            "year": 2025,
            "period": "2025-01/2025-06",
        },
    ),
    (
        "江川市人民政府关于2024年1—9月计划执行情况的报告\n正文。\n",
        {
            "title": "江川市人民政府关于2024年1—9月计划执行情况的报告",
            "issuer": "江川市人民政府",
            "year": 2024,
            "period": "2024-01/2024-09",
        },
    ),
    (
        "江川市2025年上半年经济运行情况\n江川市统计局\n上半年全市经济稳中有进。\n",
        {
            "title": "江川市2025年上半年经济运行情况",
            "issuer": "江川市统计局",
            "period": "2025-01/2025-06",
        },
    ),
    ("2023年前三季度江川市经济运行简况分析\n正文。\n", {"period": "2023-01/2023-09", "year": 2023}),
    ("江川市2022年一季度经济运行分析\n", {"period": "2022-01/2022-03"}),
    ("江川市2022年1-5月经济运行分析\n", {"period": "2022-01/2022-05"}),
    ("江川市2022年1至11月工业运行分析\n", {"period": "2022-01/2022-11"}),
    (
        "江川市2024年国民经济和社会发展统计公报\n江川市统计局\n",
        {
            "title": "江川市2024年国民经济和社会发展统计公报",
            "issuer": "江川市统计局",
            "period": "2024-01/2024-12",
            "year": 2024,
        },
    ),
    (
        "政 府 工 作 报 告\n——2026年1月12日在江川市第九届人民代表大会第五次会议上\n"
        "江川市人民政府市长  周远\n各位代表：\n一、2025年工作回顾\n过去一年很不平凡。\n",
        {
            "title": "政府工作报告",
            "issuer": "江川市人民政府",
            "date": "2026-01-12",
            "year": 2026,
            "period": "2025-01/2025-12",
        },
    ),
    (
        "各位代表：\n我代表江川市人民政府向大会作工作报告。\n一、2025年工作回顾\n",
        {
            "title": None,
            "issuer": "江川市人民政府",
            "date": None,
            "year": 2026,
            "period": "2025-01/2025-12",
        },
    ),
    (
        "上半年全区经济运行分析\n上半年全区经济平稳。\n",
        {"title": "上半年全区经济运行分析", "year": None, "period": None},
    ),
    (
        "江川市工业运行简报\n正文。\n江川市统计局\n二〇二五年七月十五日\n",
        {
            "issuer": "江川市统计局",
            "date": "2025-07-15",
            "year": 2025,
        },
    ),
    ("江川市工业运行简报\n正文。\n2025年7月15日\n", {"date": "2025-07-15"}),
    ("江川市工业运行简报\n（2024年12月31日）\n", {"date": "2024-12-31"}),
    ("江川市工业运行简报\n——2025年2月30日\n", {"date": None}),
    ("政府工作报告\n2026年1月12日在江川市人民代表大会上\n各位代表：\n", {"date": "2026-01-12"}),
    ("江川市工业运行简报\n2025年7月1日，全市召开工业大会。\n", {"date": None}),  # no such day
    ("江川市2025年5月经济运行简况\n", {"period": "2025-05/2025-05", "year": 2025}),
    ("江川市2025年6月末金融运行情况\n", {"period": None}),
    ("政府工作报告\n——2026年1月12日在江川市人民代表大会上\n各位代表：\n", {"period": "2025-01/2025-12", "year": 2026}),
    ("江川市工业运行简报\n发布日期：2025-07-16\n正文。\n", {"date": "2025-07-16", "year": 2025}),
    ("江川市工业运行简报\n正文。\n发布时间：2025/7/16 09:30\n", {"date": "2025-07-16"}),
    ("", {"title": None, "issuer": None, "date": None, "year": None, "period": None}),
]


@pytest.mark.parametrize(("text", "expected"), METADATA_TABLE)
def test_metadata_states_what_the_text_says_about_itself(text: str, expected: dict[str, object]) -> None:
    metadata = read_metadata(text)
    assert {name: getattr(metadata, name) for name in expected} == expected


def test_a_goal_for_the_whole_year_in_the_opening_is_not_the_period_reported_on() -> None:
    text = "江川市工作简报\n——2025年3月1日\n要为完成全年目标打好基础。\n"
    assert read_metadata(text).period is None


def test_metadata_serialises_to_a_plain_dict() -> None:
    assert DocumentMetadata(title="甲", year=2025).to_dict() == {
        "title": "甲",
        "issuer": None,
        "date": None,
        "year": 2025,
        "period": None,
    }


def test_the_seed_report_is_about_the_first_half_of_2025(seed_path) -> None:
    metadata = read_metadata(seed_path.read_text(encoding="utf-8"))
    assert metadata.period == "2025-01/2025-06"
    assert metadata.year == 2025
    assert metadata.date is not None and metadata.date.startswith("2025-07")
    assert metadata.issuer is not None and metadata.issuer.endswith("人民政府")
    assert metadata.title is not None and metadata.title.endswith("报告")


def test_corpus_reports_state_their_periods(shared_dir) -> None:
    corpus = shared_dir / "corpus"
    periods = {path.name: read_metadata(path.read_text(encoding="utf-8")).period for path in corpus.glob("*.txt")}
    if "09_national-gwr-2025.txt" in periods:
        assert periods["09_national-gwr-2025.txt"] == "2024-01/2024-12"
    if "11_hailar-district-gwr-2019.txt" in periods:
        assert periods["11_hailar-district-gwr-2019.txt"] == "2018-01/2018-12"
