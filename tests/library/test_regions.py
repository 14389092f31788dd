"""Region identification: titles, issuers and 题注 lines of our own writing → the division and its GB/T 2260 code.

One row per case: provinces, autonomous regions (full and short names), municipalities,
prefecture cities named only in the 题注, a district under its city, a name several districts
share (settled by its city, or left unknown with a warning), development zones with and
without a named city, the State Council, and a report that names its region only in the body.
"""

from __future__ import annotations

import pytest

from planwatch.library.regions import identify_region

NO_REGION = None

CASES = [
    # (title, issuer, 题注, opening of the body, expected code, words a warning must contain)
    ("2026年安徽省政府工作报告", None, "——2026年2月5日在安徽省第十四届人民代表大会第四次会议上", "", "340000", None),
    ("宁夏回族自治区2025年国民经济和社会发展统计公报", "宁夏回族自治区统计局", "", "", "640000", None),
    ("2025年宁夏经济运行情况分析", None, "", "", "640000", None),
    ("2025年广西壮族自治区政府工作报告", None, "", "", "450000", None),
    ("内蒙古2024年国民经济和社会发展计划执行情况", None, "", "", "150000", None),
    ("重庆市2025年政府工作报告", None, "", "", "500000", None),
    ("政府工作报告", None, "——2025年1月8日在苏州市第十七届人民代表大会第四次会议上", "", "320500", None),
    ("政府工作报告", "呼伦贝尔市人民政府", "", "", "150700", None),
    ("政府工作报告", "呼伦贝尔市海拉尔区人民政府", "", "", "150702", None),
    ("政府工作报告", None, "——2019年3月4日在呼伦贝尔市海拉尔区第十五届人民代表大会第三次会议上", "", "150702", None),
    ("2025年昆山市政府工作报告", None, "", "", "320583", None),
    ("阿荣旗2025年政府工作报告", None, "", "", "150721", None),
    ("2025年湘西州政府工作报告", None, "", "", "433100", None),
    ("关于浦东新区2025年国民经济和社会发展计划执行情况的报告", None, "", "", "310115", None),
    ("鼓楼区2025年经济运行分析", "南京市鼓楼区统计局", "", "", "320106", None),
    ("鼓楼区2025年经济运行分析", None, "", "今年以来，福州市鼓楼区经济运行总体平稳。", "350102", None),
    ("2025年朝阳区政府工作报告", "北京市朝阳区人民政府", "", "", "110105", None),
    ("2025年和平区政府工作报告", None, "", "", NO_REGION, "多处同名"),
    ("苏州工业园区2025年经济运行情况", None, "", "", "320500", "开发区"),
    ("合肥高新区2025年经济运行情况", None, "", "", "340100", "开发区"),
    ("江川高新区2025年经济运行分析", None, "", "今年以来，全区经济平稳运行。", NO_REGION, "开发区"),
    ("鼓楼区政府工作报告", None, "", "", NO_REGION, "多处同名"),
    ("政府工作报告", "国务院", "——2025年3月5日在第十四届全国人民代表大会第三次会议上", "", "100000", None),
    ("2025年上半年经济运行分析", None, "", "上半年，大庆市经济运行稳中有进。", "230600", "正文"),
    ("2025年上半年全市经济运行分析", None, "", "上半年，全市经济运行稳中有进。", NO_REGION, "未能识别地区"),
]


@pytest.mark.parametrize(("title", "issuer", "caption", "opening", "code", "warning"), CASES)
def test_a_report_names_its_region_in_its_title_issuer_caption_or_opening(
    title: str, issuer: str | None, caption: str, opening: str, code: str | None, warning: str | None
) -> None:
    guess = identify_region(title, issuer, caption, opening)
    assert guess.code == code
    if warning is None:
        assert guess.warnings == ()
    else:
        assert any(warning in w for w in guess.warnings), guess.warnings


def test_an_unknown_region_has_no_name_and_no_level() -> None:
    guess = identify_region("2025年上半年全市经济运行分析", None, "", "全市经济运行稳中有进。")
    assert (guess.code, guess.name, guess.level) == (None, None, None)
