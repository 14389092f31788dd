"""Words that set a passage's time frame by its content, wherever it stands (facts-schema: Conventions).

A report of 2026 reviews last year, then the five years of the plan just ended, states the
new plan's goals, then this year's goals and work, often under headings that name no year or
that mix review and outlook. Each row below is one way of opening such a passage; the
earliest cue in a paragraph's opening words decides its frame, and a paragraph without one
keeps the frame of the paragraph before it (up to the next top-level heading).
"""

from __future__ import annotations

# how many characters of a paragraph's opening are read for a cue (——这五年，…; 2025年是…。回望“十四五”…)
OPENING = 48
# a named five-year plan: 十四五 → its years; whether it is reviewed or set out depends on the report's year
NAMED_PLAN = r"[“\"]?(十[一二三四五六七八九]五)[”\"]?(?:规划)?(?:时期|期间|以来|这)"
# (kind, pattern) in the order they are tried at one position; kinds:
#   plan_review  – the years of a five-year plan reviewed (这五年, 过去五年, 五年来)
#   plan         – a named plan (十四五时期 …): review or goals by its years
#   plan_goals   – goals of a plan ahead (到2030年, 未来五年)
#   year_goals   – this year's goals (今年…主要预期目标是, 今年工作的总体要求)
#   year_work    – this year's work (今年, 开局之年)
#   year_review  – the year just reviewed (过去一年, 一年来)
FRAME_CUES: tuple[tuple[str, str], ...] = (
    ("plan_review", r"(?:这|过去的?|近|前)[五5]年(?!前|后|内)|[五5]年来|[五5]年间|回望[“\"]?十[一二三四五六七八九]五"),
    ("plan", NAMED_PLAN),
    ("plan_goals", r"(?<![0-9])到(20[0-9]{2})年(?!底|末|[0-9])|未来五年"),
    ("year_goals", r"主要预期目标|主要目标是|预期目标是|总体要求是|工作的总体要求"),
    ("year_work", r"今年(?!以来|上半年|前|[0-9一二三四]|第)|开局之年|新的一年"),
    ("year_review", r"过去的?一年|一年来|刚刚过去的"),
)
# words in a paragraph's opening that keep the year's goals frame of the paragraph before (5.5%左右的增长目标与…)
GOALS_CONTINUE = r"[^。；\n]{0,16}[0-9%％][^。；\n]{0,12}目标|(?:以上|上述|这些)[^。\n]{0,4}目标"
# how far into a paragraph of this year's work its goals may begin (今年是…开局之年。…主要预期目标是：)
GOALS_WITHIN = 160
# five-year plan names → (first year, last year)
PLAN_YEARS: dict[str, tuple[int, int]] = {
    "十一五": (2006, 2010), "十二五": (2011, 2015), "十三五": (2016, 2020), "十四五": (2021, 2025),
    "十五五": (2026, 2030), "十六五": (2031, 2035),
}
# words before a number that hold a level over the whole frame (保持在75%以上, 稳定在800亿斤, 每年超过90万人)
HELD_CUES: tuple[str, ...] = ("保持在", "稳定在", "控制在", "保持", "每年", "年年", "始终", "稳定")
# units of counts of things done (建成机场3座, 培训14万人次, 改造老旧小区1.84万个): in a five-year review
# an undated count spans the whole frame; amounts (元, 吨, 千瓦时) are the final year's unless a verb of
# work done opens their subject (新增装机, 完成投资)
DONE_COUNT_UNITS: tuple[str, ...] = (
    "个", "家", "项", "件", "座", "条", "部", "所", "批", "次", "人次", "套", "户", "处", "场", "名", "张", "支",
    "台", "艘", "只", "宗", "本", "篇", "台（套）", "万人次", "公里", "亩", "人",
)
# words a growth is written with when it is the year's own (同比, 比上年): not a rise over the whole frame
YEAR_ON_YEAR_WORDS: tuple[str, ...] = ("同比", "比上年", "比去年", "较上年", "较去年", "比同期", "较同期")
# verbs that make a count in a five-year review a count of things done (建成, 新增, 入选 …), besides the
# action verbs of cues.ACTION_VERBS; a count with none of them but a verb of reaching is a state
DONE_VERBS: tuple[str, ...] = ("入选", "获批", "开诊", "投产", "建成运营", "获评", "获得", "办理", "提请", "制定")
REACHED_VERBS: tuple[str, ...] = ("达到", "达", "超过", "突破", "增至", "总数", "拥有", "集聚", "汇聚")
# nouns of standing things: a bare count of them (独角兽企业7146家) is how many there are
STANDING_NOUNS: tuple[str, ...] = ("企业", "机构", "团队", "实验室", "中心", "平台", "基地", "园区", "公司", "主体")
