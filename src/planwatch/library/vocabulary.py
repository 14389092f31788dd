"""Words the library reads documents by: genres, the region of a whole country, goal passages, word targets.

Kept as data so that a new kind of report or a new way of stating a goal in words is a new
row, not a new ``if`` (the engines in ``genres``, ``regions`` and ``word_targets`` know no words).
"""

from __future__ import annotations

# --- genres ------------------------------------------------------------------------------------
#: The genre every document gets when no row below matches.
OTHER_GENRE = "其他"
#: (genre, words any one of which in the title names it), tried in order: the first row that
#: matches wins, so the more particular genres come first.
GENRES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("统计公报", ("统计公报",)),
    ("计划执行情况报告", ("计划执行情况", "计划草案", "计划执行", "计划的报告")),
    ("政府工作报告", ("政府工作报告",)),
    ("重大项目/民生实事通报", ("重大项目", "重点项目", "民生实事", "为民办实事", "民生工程")),
    ("经济运行分析", ("经济运行", "经济形势", "运行情况分析", "运行分析", "经济发展情况")),
)
#: Phrases of a report's opening that tell its genre when its title does not (or it has none).
GENRE_OPENINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("政府工作报告", ("向大会报告政府工作", "报告政府工作")),
    ("计划执行情况报告", ("计划执行情况和", "计划草案的报告")),
    ("统计公报", ("统计公报",)),
)
#: Every genre, in the order lists and filters show them.
GENRE_NAMES: tuple[str, ...] = (*(g for g, _ in GENRES), OTHER_GENRE)

# --- regions -----------------------------------------------------------------------------------
#: The whole country: no GB/T 2260 code of its own, so the conventional 100000 is used.
NATIONAL_CODE = "100000"
NATIONAL_NAME = "全国"
NATIONAL_LEVEL = "national"
#: Words in a title, issuer or 题注 that say a report speaks for the whole country.
NATIONAL_CUES: tuple[str, ...] = ("国务院", "全国人民代表大会", "我代表国务院")
#: Words that name a development zone (开发区): an area with no division code of its own.
ZONE_WORDS: tuple[str, ...] = (
    "经济技术开发区",
    "高新技术产业开发区",
    "经济开发区",
    "开发区",
    "高新区",
    "经开区",
    "工业园区",
    "产业园区",
    "保税区",
    "综合保税区",
    "自贸区",
    "新区",
    "示范区",
)
#: Region levels from the broadest to the narrowest (a narrower mention is more specific).
LEVELS: tuple[str, ...] = (NATIONAL_LEVEL, "province", "city", "county")
#: How many characters of the body the region and genre are looked for in, beyond the head.
OPENING_CHARS = 3000

# --- the panel ---------------------------------------------------------------------------------
#: Subjects the extractor leaves short that name a catalog indicator all the same (经济增长5.5%).
SUBJECT_INDICATORS: dict[str, str] = {
    "经济": "地区生产总值",
    "经济增长": "地区生产总值",
    "经济增速": "地区生产总值",
    "全省经济": "地区生产总值",
    "全市经济": "地区生产总值",
    "全区经济": "地区生产总值",
    "全县经济": "地区生产总值",
    "居民收入": "居民人均可支配收入",
    "居民人均收入": "居民人均可支配收入",
    "单位国内生产总值能耗": "单位地区生产总值能耗",
    "单位国内生产总值二氧化碳排放": "单位地区生产总值二氧化碳排放",
}
#: Measures the panel compares (a rank or a change in points has no target to meet).
PANEL_MEASURES: tuple[str, ...] = ("growth", "level", "ratio")
#: Units of a level that count time, not an amount: 连续24个月 is a streak, not a year's figure.
STREAK_UNITS: frozenset[str] = frozenset({"个月", "月", "年", "天", "日", "周", "小时", "季度"})
#: Marks between two numbers that make them one range (增长5%—5.5%).
RANGE_MARKS: frozenset[str] = frozenset("—–-－~～至到")
#: How the CSV and the table write a target stated only in words.
NON_NUMERIC = "非数值"

# --- targets stated in words (与经济增长同步) -----------------------------------------------------
#: Phrases that open the passage of a report stating the year's goals.
GOAL_PASSAGE_CUES: tuple[str, ...] = ("主要预期目标", "主要目标是", "预期目标是", "发展目标是", "主要目标为")
#: How far a goal passage reaches after its cue (it ends at the paragraph's end before that).
GOAL_PASSAGE_CHARS = 600
#: Wording of a goal stated without a number; a clause naming an indicator and one of these is a word target.
WORD_TARGET_PHRASES: tuple[str, ...] = (
    "同步",
    "高于",
    "快于",
    "低于",
    "不低于",
    "基本平衡",
    "稳中有升",
    "稳步提升",
    "稳步提高",
    "保持稳定",
    "基本稳定",
    "完成国家下达",
    "完成省下达",
    "完成市下达",
    "下达目标",
    "持续提升",
    "持续改善",
    "合理增长",
    "稳定增长",
    "进一步提高",
    "有所提高",
    "逐步提高",
)
#: Words a goal in words may open with before the indicator it is about (完成国家下达的单位…排放降低任务).
WORD_TARGET_LEADS: tuple[str, ...] = ("完成国家下达的", "完成省下达的", "完成市下达的", "确保完成", "完成")
#: First words of a clause that goes on from the one before (…增长6%，与经济增长同步): no subject of its own.
CONTINUATION_STARTS: tuple[str, ...] = ("与", "和", "同", "并", "且", "比", "较", "快于", "高于", "低于")
#: Words of a clause that tell the measure of a word target; the first row that matches wins.
WORD_TARGET_MEASURES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("growth", ("增长", "增速", "涨幅", "降低", "下降", "上涨")),
    ("ratio", ("比重", "占比", "比例", "率")),
)
#: The measure of a word target whose clause names none of the words above: an intensity (单位…) is
#: targeted as a fall (降低3%左右), a rate as itself, anything else as an amount.
WORD_TARGET_MEASURE_BY_PREFIX: tuple[tuple[str, str], ...] = (("单位", "growth"),)
WORD_TARGET_DEFAULT_MEASURE = "level"
