"""Period words: what time a number refers to, and which sections speak of the future."""

from __future__ import annotations

# written interval words -> (first month, last month) of the report year
YEAR_PARTS: dict[str, tuple[int, int]] = {
    "上半年": (1, 6), "下半年": (7, 12), "一季度": (1, 3), "第一季度": (1, 3), "二季度": (4, 6),
    "第二季度": (4, 6), "三季度": (7, 9), "第三季度": (7, 9), "四季度": (10, 12), "第四季度": (10, 12),
    "前三季度": (1, 9), "前两季度": (1, 6), "全年": (1, 12), "一年来": (1, 12),
    "过去一年": (1, 12), "过去的一年": (1, 12), "今年以来": (1, 12),
}
# words before “N个月” that make it the first N months of the year: 前5个月, 头两个月
FIRST_MONTHS_WORDS: tuple[str, ...] = ("前", "头")
# after a period word, 计划 followed by these is a verb (下半年计划完成…), not a label (下半年计划)
PLAN_VERB_OBJECTS: tuple[str, ...] = (
    "完成", "实现", "开展", "新建", "新增", "建成", "开工", "新开工", "投资", "安排", "实施",
)
# words that end a period at a stock date: 6月末, 年底
END_WORDS: tuple[str, ...] = ("末", "底")
# multi-year frames: word -> (first year, last year), or years back from the report year
MULTI_YEAR_FRAMES: dict[str, tuple[int, int]] = {
    "十二五": (2011, 2015), "十三五": (2016, 2020), "十四五": (2021, 2025), "十五五": (2026, 2030),
}
YEARS_BACK_WORDS: dict[str, int] = {
    **{f"{w}年来": n for w, n in (("两", 2), ("三", 3), ("四", 4), ("五", 5), ("六", 6), ("七", 7), ("八", 8),
                                  ("九", 9), ("十", 10))},
    **{f"过去{w}年": n for w, n in (("两", 2), ("三", 3), ("四", 4), ("五", 5), ("十", 10))},
    **{f"{w}年累计": n for w, n in (("两", 2), ("三", 3), ("四", 4), ("五", 5))},
    **{f"{w}年年均": n for w, n in (("两", 2), ("三", 3), ("四", 4), ("五", 5))},
}
# words in a figure's run-up that make a count a state at the period's end: 已整改完成7项, 剩余9项
STATE_COUNT_CUES: tuple[str, ...] = ("已", "剩余", "其余", "尚有", "仍有", "尚未", "现有", "滞后", "逾期", "未完成")
# words of a status board (红灯项目6个, 绿灯项目占比): counts and shares of lights are states at the date
STATUS_LIGHT_WORDS: tuple[str, ...] = ("红灯", "黄灯", "绿灯", "亮灯")
# the year's list of items a report counts before it says how far each has come (15件重点民生实事):
# in a report on part of the year the count is the plan for the whole year
YEAR_LIST_NOUNS: tuple[str, ...] = ("民生实事", "重点民生实事", "区级民生实事", "市级民生实事", "县级民生实事")
YEAR_LIST_UNITS: tuple[str, ...] = ("件", "项", "类")
# words that make a planned amount the whole year's: 年度计划投资, 全年计划新开工
ANNUAL_PLAN_WORDS: tuple[str, ...] = ("年度计划", "全年计划", "年度目标", "全年目标")
# five-year plans a document may evaluate, by the names titles use for them
PLAN_FRAME_NAMES: dict[str, tuple[int, int]] = {
    "第十二个五年规划": (2011, 2015), "第十三个五年规划": (2016, 2020), "第十四个五年规划": (2021, 2025),
    "第十五个五年规划": (2026, 2030), "十二五": (2011, 2015), "十三五": (2016, 2020), "十四五": (2021, 2025),
    "十五五": (2026, 2030),
}
# title words of a document that reviews how far a five-year plan has come (中期评估)
PLAN_REVIEW_TITLE_WORDS: tuple[str, ...] = ("评估", "实施情况", "实施进展", "执行情况")
# words after a number that make it a goal: 达到16亿元的目标, 年均增长9%的规划目标, 55%的目标值
TARGET_AFTER_WORDS: tuple[str, ...] = (
    "的目标", "的规划目标", "的预期目标", "的年度目标", "的全年目标", "的目标值", "目标", "的规划目标值",
    "的增长目标", "的预期增长目标", "的经济增长目标", "的增速目标",
)
# words that open a date a figure is counted up to: 截至9月30日
AS_AT_WORDS: tuple[str, ...] = ("截至", "截止到", "截止", "截至到")
# words after N月 that make it one month: 9月当月, 9月份
ONE_MONTH_WORDS: tuple[str, ...] = ("当月", "份")
# a number with 累计 and no period of its own refers to no stated period
CUMULATIVE_WORDS: tuple[str, ...] = ("累计", "历年", "总计")
# words before a period word that make it a baseline, not the fact's period: 比一季度, 较上年末
BASELINE_LEADS: tuple[str, ...] = ("比", "较", "与", "同", "相比", "比去年", "较去年")
# a period quoted for another time: （同期为下降31.9%）, 去年全年下降39.7%
SAME_PERIOD_LAST_YEAR: tuple[str, ...] = ("同期为", "上年同期为", "去年同期为", "同期")
LAST_YEAR_WORDS: tuple[str, ...] = ("去年全年", "上年全年", "去年", "上年")

# section titles that speak of the future (a plan or target section) and of the past
FUTURE_SECTION_WORDS: tuple[str, ...] = (
    "下一步", "打算", "工作安排", "安排", "工作任务", "任务", "预期目标", "目标", "总体要求", "要求",
    "计划", "思路", "展望", "下半年", "重点工作", "政策取向",
)
# section titles that set targets (a number there is a target unless a plan cue says otherwise)
TARGET_SECTION_WORDS: tuple[str, ...] = ("预期目标", "主要目标", "目标任务", "发展目标")
# words that make a target section a work section too (its sub-sections are the year's work)
WORK_SECTION_WORDS: tuple[str, ...] = ("重点工作", "工作任务", "主要任务", "重点任务", "工作安排")
PAST_SECTION_WORDS: tuple[str, ...] = ("回顾", "执行情况", "完成情况", "总结", "进展", "成效", "情况")

# nouns of stocks and states: with no date of their own they take the end of the lead period
STOCK_NOUNS: tuple[str, ...] = (
    "总量", "规模", "余额", "装机", "总装机", "总数", "头数", "保有量", "存量", "储备库", "床位", "场所", "食堂",
    "互助点", "服务站", "总部", "保税区", "试验区", "区县", "强镇", "人口", "总面积", "编目", "归集", "共享", "语料",
    "库存", "存款", "贷款", "家底", "应用", "总人口", "户籍人口", "常住人口", "资产", "园区", "基地", "储备",
    "算力", "总里程", "通车里程", "运营里程", "生产能力", "综合生产能力",
)
# a level reached by a change (缩减到130项, 延长至240小时, 增至32家) is a state at the period's end
STATE_TO_PATTERN = r"(?:增|减|缩减|延长|缩短|压缩|提高|提升|上升|下降|降|扩大|缩小|增加|减少|调整)(?:到|至)$"
# verbs in the words before a number that make it a state reached (a target to reach one: 力争…达1万家)
STATE_REACH_VERBS: tuple[str, ...] = ("达到", "达", "增至", "突破", "提高到", "提高至", "提升至", "提升到", "保持在")
# a count of standing things reached (高新技术企业达到43家, 畜禽牧场达1184个) is a stock at the period's end;
# 产量/销售额 … 达到 stay flows
ENTITY_UNITS: tuple[str, ...] = ("家", "个", "所", "座", "处", "辆", "台", "艘", "张", "户", "条", "支", "套")
ENTITY_REACH_VERBS: tuple[str, ...] = ("达到", "达", "共有", "拥有", "总数为", "总数达")
FLOW_SUBJECT_TAILS: tuple[str, ...] = ("量", "额", "次", "产值", "收入")
# state rates (率 at a date) versus rates of a flow
FLOW_RATE_NOUNS: tuple[str, ...] = (
    "完成率", "整改率", "增长率", "贡献率", "利率", "失业率", "出生率", "死亡率", "发病率", "自然增长率",
    "到位率", "执行率", "拨付率", "支出率", "新开工率", "竣工率",
    "比重", "占比", "比例", "任务", "发生率", "转化率",
)
STATE_RATE_NOUNS: tuple[str, ...] = ("率", "活跃度", "覆盖面", "占比超", "化率")
# verbs that reach a state: 增至, 提高到, 达到 (a rate after them is a state at the period's end)
STATE_VERBS: tuple[str, ...] = ("增至", "增加到", "达到", "突破", "升至", "缩减到")

# modality cue words, read in the sentence before the number
TARGET_CUES: tuple[str, ...] = (
    "力争", "预期目标", "目标为", "目标是", "预期", "确保", "争取", "目标", "控制在", "力求", "努力实现",
)
# in a future section these also make a number a target: a forecast of the year ahead (收入预计221亿元)
FUTURE_TARGET_CUES: tuple[str, ...] = ("预计",)
PLAN_CUES: tuple[str, ...] = (
    "拟", "计划", "将", "下半年", "下一步", "要", "推进", "实施", "安排", "谋划", "年度", "今年",
)
# in a future section these mark a whole paragraph as targets (今年发展主要预期目标是：…；…；…)
PARAGRAPH_TARGET_CUES: tuple[str, ...] = ("预期目标", "主要目标", "目标是", "目标为")
# in a past section, only these make a number a target or a plan (read in the sentence before it)
PAST_SECTION_TARGET_CUES: tuple[str, ...] = (
    "力争", "预期目标", "目标为", "目标是", "目标：", "目标:", "确保", "努力实现", "力求", "预期(?!寿命|性)",
    # 争取到上级资金, 争取地方政府专项债券资金: in a review, 争取 + funds or projects is what was secured
    "争取(?!到|了|中央|上级|国家|省级|省里|超长期|[^，,。；;]{0,16}?(?:资金|债|补助|政策|项目|支持|额度|指标))",
)
# “好于预期”, “超预期” speak of the past: not a target
NOT_TARGET_BEFORE: tuple[str, ...] = ("好于", "超", "超出", "高于", "低于", "符合", "不及", "稳定")
# words before 计划 that make it a noun, the name of a programme or a plan figure (人才计划, 年度计划投资完成率)
PLAN_NOUN_BEFORE: tuple[str, ...] = ("人才", "行动", "专项", "工程", "引才", "培育", "增收", "伙伴")
PAST_SECTION_PLAN_PATTERN = (
    r"(?:拟|统筹规划|" + "".join(f"(?<!{w})" for w in PLAN_NOUN_BEFORE) +
    r"计划(?=[\u4e00-\u9fff])(?!执行|完成率|的|[^，,。；;]{0,6}完成率)|下一步|(?<![即必])将(?!近|[0-9一二三四五六七八九十])|"
    r"下半年(?!以来)|(?:19|20)[0-9]{2}年度)"
)
# nouns that make a rank the rank of a stock (企业数居全国第1位, 贷款余额增速居第6位): dated at the end
RANK_STOCK_NOUNS: tuple[str, ...] = ("余额", "总数", "企业数", "户数", "保有量", "存量", "家数")
# totals that are flows, not stocks, though they end in 总量: the economy's output of a year
FLOW_TOTALS: tuple[str, ...] = ("经济总量", "生产总值", "GDP总量")
# verbs right before a stock noun that make the figure a flow of it: 发放贷款, 新增存款, 投放贷款
FLOW_OF_STOCK_VERBS: tuple[str, ...] = ("发放", "新增", "投放", "新发放", "发行", "累放")
# words that open a part of the figure before it (累计推出259项，其中56项): the part shares its time
PART_OF_BEFORE: tuple[str, ...] = ("其中",)
# in a section of the year's work, an outcome of an indicator is a goal (社会消费品零售总额增长4%左右,
# 绿色矿山占比超过80%), a work quantity stays planned work (新建充电桩800个以上): the verbs of work that keep
# a change or share planned
WORK_VERBS_OF_OUTCOMES: tuple[str, ...] = (
    "新建", "新增", "实施", "安排", "建设", "改造", "培育", "引进", "开工", "拟", "压减", "压缩", "抽查", "权重",
)
# verbs that make a level in the year's work an outcome to reach (营业收入达到120亿元)
OUTCOME_REACH_VERBS: tuple[str, ...] = ("达到", "突破", "超过", "保持在", "稳定在", "增至", "提高到", "提升至")
# nouns of how many things there are (企业数量增至58家): a state, though they end like a flow (量)
COUNT_NOUNS: tuple[str, ...] = ("数量", "个数", "家数", "户数", "总数")
# national censuses by the names reports use, with the date each counts at: a figure after
# “五经普” is as at that census (比“四经普”增长: the earlier census is the baseline)
CENSUS_DATES: dict[str, str] = {
    **{f"{n}经普": d for n, d in (("一", "2004-12-31"), ("二", "2008-12-31"), ("三", "2013-12-31"),
                                   ("四", "2018-12-31"), ("五", "2023-12-31"))},
    **{f"第{n}次全国经济普查": d for n, d in (("一", "2004-12-31"), ("二", "2008-12-31"), ("三", "2013-12-31"),
                                              ("四", "2018-12-31"), ("五", "2023-12-31"))},
    **{f"{n}人普": d for n, d in (("五", "2000-11-01"), ("六", "2010-11-01"), ("七", "2020-11-01"))},
    **{f"第{n}次全国人口普查": d for n, d in (("五", "2000-11-01"), ("六", "2010-11-01"), ("七", "2020-11-01"))},
}
# words after a count, in its own clause, that say how the counted things stand (贫困户120户全部脱贫,
# 反馈问题12项已整改完成8项, 8条主干道已完成改造): the count is a state at the period's end
STATE_AFTER_CUES: tuple[str, ...] = ("已", "全部", "均已")
# …unless the clause says they were built, opened or handled in the period (12项工程全部竣工投产, 十件实事全部
# 办结): work done, a flow
WORK_DONE_AFTER: tuple[str, ...] = (
    "办结", "兑现", "竣工", "投产", "投用", "投入使用", "完工", "建成", "开工", "通车", "开业",
)
# punctuation that closes the clause after a number
CLAUSE_ENDS: tuple[str, ...] = ("，", ",", "。", "；", ";", "\n")
