"""Panel cells from short fictional reports of our own: five-year reviews never become last year's outcome.

Seven reports (浙江省 2025 and 2026 政府工作报告 and its 2025 统计公报, 开化县 2026, 嘉善县 2021, 衢州市 and
金华市 2026) are written here in the style of real ones with invented figures; each review opens with a
five-year passage (过去五年, 五年来, “十三五”时期) whose averages, totals and five-year rises share their
indicators with the year's own outcomes; 金华's goals are ranges written four ways and a stretch goal.
Built once per database (SQLite and PostgreSQL) and read cell by cell: one table row per rule.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pgcluster import fresh_postgres_database, postgres_or_skip
from planwatch.library import add, panel
from planwatch.library.panel import PanelFact, build_panel
from planwatch.store import Store

REPORTS = {
    "zhejiang-gwr-2025.txt": """2025年浙江省政府工作报告
——2025年1月15日在浙江省第十四届人民代表大会第四次会议上
各位代表：
一、2024年工作回顾
2024年，全省地区生产总值增长5.5%，规模以上工业增加值增长8.0%。
二、2025年主要目标
今年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右；规模以上工业增加值增长6%以上；社会消费品零售总额增长5%左右；城镇调查失业率5%左右。
""",
    "zhejiang-gwr-2026.txt": """2026年浙江省政府工作报告
——2026年1月20日在浙江省第十四届人民代表大会第五次会议上
各位代表：
一、“十四五”时期和2025年工作回顾
过去五年，全省地区生产总值年均增长5.6%，规模以上工业增加值五年累计增长32%，社会消费品零售总额年均增长4.8%，城镇新增就业累计达到560万人，居民人均可支配收入年均增长5.9%。
2025年，全省地区生产总值增长5.4%，规模以上工业增加值增长6.1%，社会消费品零售总额增长4.2%，城镇新增就业112万人，城镇调查失业率4.6%。
二、2026年主要目标
今年经济社会发展的主要预期目标是：地区生产总值增长5%—5.5%；规模以上工业增加值增长5.5%以上；社会消费品零售总额增长4.5%左右；城镇新增就业100万人以上；城镇调查失业率5.5%以内；居民收入增长和经济增长同步；单位地区生产总值能耗完成国家下达目标。
""",
    "zhejiang-bulletin-2025.txt": """浙江省2025年国民经济和社会发展统计公报
浙江省统计局
2026年3月1日
初步核算，全年全省地区生产总值90150亿元，比上年增长5.5%。全年规模以上工业增加值比上年增长6.0%。全年社会消费品零售总额比上年增长4.2%。
""",
    "kaihua-gwr-2026.txt": """2026年开化县政府工作报告
——2026年1月8日在开化县第十七届人民代表大会第五次会议上
各位代表：
一、过去五年工作回顾
五年来，全县经济实力持续增强，地区生产总值从160亿元增加到230亿元，社会消费品零售总额年均增长6.2%，累计新增城镇就业2.3万人。2025年，全县地区生产总值增长6.1%，社会消费品零售总额增长5.0%，城镇新增就业4800人。
二、2026年工作安排
今年经济社会发展的主要预期目标是：地区生产总值增长6%左右，社会消费品零售总额增长5.5%，城镇调查失业率控制在5%以内，居民人均可支配收入增长与经济增长基本同步。
""",
    "jiashan-gwr-2021.txt": """2021年嘉善县政府工作报告
——2021年1月10日在嘉善县第十六届人民代表大会第五次会议上
各位代表：
一、“十三五”时期工作回顾
“十三五”时期，全县地区生产总值年均增长7.1%，一般公共预算收入年均增长9.5%，五年累计完成固定资产投资1800亿元，城镇新增就业累计5.2万人。
2020年，全县地区生产总值增长3.6%，一般公共预算收入增长5.1%，城镇新增就业1.1万人。
二、2021年主要目标
今年经济社会发展的主要预期目标是：地区生产总值增长7%以上；一般公共预算收入增长6%左右。
""",
    "quzhou-gwr-2026.txt": """2026年衢州市政府工作报告
各位代表：
一、2025年和“十四五”工作回顾
2025年，全市地区生产总值增长5.8%，规模以上工业增加值增长7.3%。
“十四五”时期，全市规模以上工业增加值年均增长8.9%，五年新增城镇就业15万人，城镇调查失业率控制在5%以内。
二、2026年主要目标
主要预期目标是：地区生产总值增长5.5%左右，城镇新增就业3万人。
三、2026年重点工作
持续实施扩大有效投资专项行动，固定资产投资增长4%左右。新建改造城市道路30公里。
""",
    "jinhua-gwr-2026.txt": """2026年金华市政府工作报告
各位代表：
二、2026年主要目标
今年经济社会发展的主要预期目标是：地区生产总值增长5—5.5%；规模以上工业增加值增长6%至6.5%；固定资产投资增长3%-4%；社会消费品零售总额增长5.5%到6%；一般公共预算收入增长3%左右、力争4%；城镇调查失业率控制在5.5%以内。
""",
}
ZJ, KH, JS, QZ, JH = "330000", "330824", "330421", "330800", "330700"
GDP, INDUSTRY, RETAIL, JOBS = "地区生产总值", "规模以上工业增加值", "社会消费品零售总额", "城镇新增就业"
JOBLESS, INCOME, ENERGY, REVENUE = "城镇调查失业率", "居民人均可支配收入", "单位地区生产总值能耗", "一般公共预算收入"
INVESTMENT = "固定资产投资"
W = "非数值"
ABSENT = None

# (rule, (region, year, indicator, measure), (target, low, high, qualifier, actual) or ABSENT)
CELLS = [
    ("a 五年 average is not last year's growth", (ZJ, 2025, RETAIL, "growth"), (5.0, None, None, "about", 4.2)),
    ("a 五年累计 rise is not last year's growth", (ZJ, 2025, INDUSTRY, "growth"), (6.0, None, None, "over", 6.0)),
    ("a 五年累计 count is not last year's", (ZJ, 2025, JOBS, "level"), (None, None, None, None, 1120000)),
    ("a 五年 average alone gives no row", (ZJ, 2025, INCOME, "growth"), ABSENT),
    ("a 五年 average alone gives no row either year", (ZJ, 2021, INCOME, "growth"), ABSENT),
    ("a range is low and high, the value its low end", (ZJ, 2026, GDP, "growth"), (5.0, 5.0, 5.5, None, None)),
    ("以上 is over", (ZJ, 2026, INDUSTRY, "growth"), (5.5, None, None, "over", None)),
    ("以内 is under", (ZJ, 2026, JOBLESS, "ratio"), (5.5, None, None, "under", None)),
    ("a level target with 以上", (ZJ, 2026, JOBS, "level"), (1000000, None, None, "over", None)),
    ("同步 is words only, no number", (ZJ, 2026, INCOME, "growth"), (None, None, None, W, None)),
    ("完成国家下达目标 is words only", (ZJ, 2026, ENERGY, "growth"), (None, None, None, W, None)),
    ("the 统计公报 is newer than the report", (ZJ, 2025, GDP, "growth"), (5.5, None, None, "about", 5.5)),
    ("五年来 average is not last year's", (KH, 2025, RETAIL, "growth"), (None, None, None, None, 5.0)),
    ("累计新增 over five years is not last year's", (KH, 2025, JOBS, "level"), (None, None, None, None, 4800)),
    ("从X增加到Y: Y is the level at the frame's end", (KH, 2025, GDP, "level"), (None, None, None, None, 23e9)),
    ("从X增加到Y: X is the level before the frame", (KH, 2020, GDP, "level"), (None, None, None, None, 16e9)),
    ("控制在…以内 as a goal", (KH, 2026, JOBLESS, "ratio"), (5.0, None, None, "under", None)),
    ("基本同步 is words only", (KH, 2026, INCOME, "growth"), (None, None, None, W, None)),
    ("a number without a qualifier", (KH, 2026, RETAIL, "growth"), (5.5, None, None, None, None)),
    ("a 十三五 average is not 2020's growth", (JS, 2020, GDP, "growth"), (None, None, None, None, 3.6)),
    ("a 十三五 average alone gives no row", (JS, 2020, REVENUE, "growth"), (None, None, None, None, 5.1)),
    ("a 十三五 total gives no row", (JS, 2020, INVESTMENT, "level"), ABSENT),
    ("a 十三五 count is not 2020's", (JS, 2020, JOBS, "level"), (None, None, None, None, 11000)),
    ("this year's target from this year's report", (JS, 2021, GDP, "growth"), (7.0, None, None, "over", None)),
    ("a rate held (控制在) over 十四五 is not last year's", (QZ, 2025, JOBLESS, "ratio"), ABSENT),
    ("a 十四五 count (五年新增) is not last year's", (QZ, 2025, JOBS, "level"), ABSENT),
    ("last year's growth beside a 十四五 average", (QZ, 2025, INDUSTRY, "growth"), (None, None, None, None, 7.3)),
    ("a range whose first end has no unit", (JH, 2026, GDP, "growth"), (5.0, 5.0, 5.5, None, None)),
    ("a range written with 至", (JH, 2026, INDUSTRY, "growth"), (6.0, 6.0, 6.5, None, None)),
    ("a range written with 到", (JH, 2026, RETAIL, "growth"), (5.5, 5.5, 6.0, None, None)),
    ("a range written with a hyphen", (JH, 2026, INVESTMENT, "growth"), (3.0, 3.0, 4.0, None, None)),
    ("a stretch goal (力争) leaves the goal as stated", (JH, 2026, REVENUE, "growth"), (3, None, None, "about", None)),
    ("a stretch goal is no share", (JH, 2026, REVENUE, "ratio"), ABSENT),
    ("an indicator's growth with 左右 in the work is a goal", (QZ, 2026, INVESTMENT, "growth"),
     (4.0, None, None, "about", None)),
]


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def rows(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[list]:
    """Add the reports to a library on each database once; yield its whole panel."""
    folder = tmp_path_factory.mktemp("cells")
    for name, text in REPORTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    if request.param == "sqlite":
        yield _panel_of(f"sqlite:///{folder / 'library.sqlite'}", folder)
        return
    admin = postgres_or_skip(request.getfixturevalue("postgres_admin_url"))
    with fresh_postgres_database(admin) as url:
        yield _panel_of(url, folder)


def _panel_of(url: str, folder: Path) -> list:
    store = Store.open(url)
    store.init()
    try:
        summary = add([folder], store, jobs=1, progress=None)
        assert summary.failures == [] and summary.added == len(REPORTS)
        return panel(store)
    finally:
        store.close()


@pytest.mark.parametrize(("rule", "key", "expected"), CELLS, ids=[c[0] for c in CELLS])
def test_a_panel_cell_follows_its_rule(rows: list, rule: str, key: tuple, expected: tuple | None) -> None:
    found = {(r.region_code, r.year, r.indicator, r.measure): r for r in rows}
    row = found.get(key)
    if expected is ABSENT:
        assert row is None, f"{rule}: {row}"
        return
    assert row is not None, rule
    got = (row.target_value, row.target_low, row.target_high, row.target_qualifier, row.actual_value)
    assert got == expected, rule


def test_an_outcome_in_next_years_report_and_in_the_bulletin_the_newer_wins_and_both_are_kept(rows: list) -> None:
    (row,) = [r for r in rows if (r.region_code, r.year, r.indicator, r.measure) == (ZJ, 2025, GDP, "growth")]
    assert row.actual is not None and row.actual.document == "zhejiang-bulletin-2025.txt"
    assert [(o.value, o.source.document) for o in row.other_actuals] == [(5.4, "zhejiang-gwr-2026.txt")]
    assert row.gap == 0.0 and row.met is True


def test_no_row_comes_from_a_five_year_figure(rows: list) -> None:
    five_year = {5.6, 32.0, 4.8, 5600000, 5.9, 6.2, 23000, 7.1, 9.5, 1800e8, 52000, 8.9, 150000}
    for row in rows:
        assert row.actual_value not in five_year, row


def _fact(document_id: int, doc_year: int, value: float, start: int) -> PanelFact:
    text = f"{value:g}%"
    return PanelFact(
        document_id, f"doc-{document_id}", f"{doc_year}-01-20", doc_year, ZJ, "浙江省", "province", GDP, "growth",
        value, "%", "2025-01/2025-12", "target", "about", "yoy", (start, start + len(text)), text, text, start,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("facts", "target"),
    [
        ([_fact(1, 2025, 5.0, 10), _fact(2, 2026, 5.5, 10)], 5.0),
        ([_fact(2, 2026, 5.5, 10), _fact(1, 2025, 5.0, 10)], 5.0),
        ([_fact(2, 2026, 5.5, 10)], 5.5),
    ],
    ids=["own report first", "own report second", "only a later restatement"],
)
def test_a_years_target_comes_from_that_years_report_before_a_later_restatement(
    facts: list[PanelFact], target: float
) -> None:
    (row,) = build_panel(facts)
    assert row.target_value == target
