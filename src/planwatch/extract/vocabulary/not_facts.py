"""What is not a fact: the words around a number that mark it as a date, ordinal, name or label.

The engine checks the characters right before and after a candidate number against these
tables (bounded windows), never the document as a whole.
"""

from __future__ import annotations

# right after the number: a date or time of day (2025年, 7月, 30日, 8时)
DATE_AFTER: tuple[str, ...] = ("年", "月", "日", "号", "时", "点")
# right after the number and its unit: ordinals, sessions, labels, names
LABEL_AFTER: tuple[str, ...] = (
    "届", "周年", "大", "级", "英寸", "寸", "千伏", "伏", "代", "期", "版", "号线", "号", "型", "星",
    "方面", "中全会", "次会议", "次全会", "线", "+", "＋", "·", "•", "期间", "强", "佳", "优",
)
# right before the number: ordinals, specs and signs that make it part of a name
LABEL_BEFORE: tuple[str, ...] = ("第", "±", "+", "＋", "·", "•", "No.", "NO.", "年产", "日产", "时速", "编号", "序号")
# latin letters or digits touching a number make it part of a code (PM2.5, 5A, V2G)
CODE_NEIGHBOUR_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_"
# words after "N大" / "N个" / "N类" style labels that name a category, not a count
STRUCTURE_AFTER: tuple[str, ...] = ("个方面", "大类", "大板块", "大产业", "大领域", "大行动", "大工程")
# a threshold that defines a category: 亿元以上项目, 超5亿元的强镇 (qualifier before + 的 after)
# measure words of counted things: 推动50家以上企业… counts firms (after a verb of doing), it is no threshold
COUNT_CLASSIFIERS: tuple[str, ...] = ("家", "个", "所", "座", "处", "项", "户", "名", "场", "批", "条", "件", "支")
THRESHOLD_AFTER: tuple[str, ...] = ("以上的", "以下的", "及以上", "及以下", "以上项目", "以上企业", "以上工业")
THRESHOLD_BEFORE: tuple[str, ...] = ("超", "超过", "达", "达到", "在")
# words before a number that start a quoted name or a list label
OPEN_QUOTES = "“\"‘《「『【"
CLOSE_QUOTES = "”\"’》」』】"
# Chinese numerals that are words, not amounts, when followed by these (一批, 一次性, 一体化)
CHINESE_WORD_AFTER: tuple[str, ...] = ("性", "体", "化", "流", "线", "手", "些", "并", "起", "同", "贯", "揽子")
# sessions and sector labels with 次: 三次会议, 三次产业
CHINESE_CI_NOT_AFTER: tuple[str, ...] = ("会", "全", "产", "代", "序", "元", "级", "分配", "创业")
# a number that lists years or phases: (2025—2027年)
RANGE_SEPARATORS = "—–-－~～至到"
LIST_SEPARATORS = "、和及与"
RATIO_SEPARATORS = "：:"
# an age that names a group (3岁以下婴幼儿, 80岁老人, 年满16周岁) is not a quantity; 预期寿命79.5岁 is
AGE_UNITS: tuple[str, ...] = ("岁", "周岁")
AGE_BEFORE: tuple[str, ...] = ("满", "年满", "未满", "不满")
# a capacity written inside a facility's name (奋斗镇4000平方米保鲜库, 某农机3000台…生产线项目): a spec
CAPACITY_UNITS: tuple[str, ...] = ("平方米", "台", "吨", "千瓦", "立方米", "张", "床", "米", "千伏安", "兆瓦", "标箱")
FACILITY_WORDS: tuple[str, ...] = (
    "保鲜库", "冷库", "仓库", "储备库", "生产线", "项目", "厂房", "车间", "电站", "变电站", "基地", "中心", "馆",
    "医院", "学校", "园区", "工厂", "仓", "站",
)
# words a document's title line ends with: numbers in the title (十件民生实事进展情况通报) are no facts
TITLE_ENDINGS: tuple[str, ...] = (
    "报告", "通报", "分析", "简析", "公报", "总结", "草案", "计划", "情况", "纲要", "要点", "意见", "方案", "通知",
    "快报", "简报", "材料", "汇报", "说明",
)

# right before the number: a session ordinal after 届 (十一届十次全会)
SESSION_BEFORE: tuple[str, ...] = ("届",)
# nouns after a Chinese-numeral count that make it the name of a rule, task set or slogan, not an amount
# (中央八项规定, 三项基本任务, 四个问题, 两个大局, 两个市场)
NAMED_SET_NOUNS: tuple[str, ...] = (
    "规定", "基本任务", "职能定位", "问题", "关键问题", "现实需求", "需求", "大局", "市场", "资源", "原则", "要求",
    "维护", "确立", "自信", "意识", "务必", "坚持", "结合", "统筹", "转变", "优先", "机制", "服务", "体系",
)
# the plan's own structure: 提出7项指标, 以上共计28项指标, 预期性指标19项, 安排了18个领域的重点任务
STRUCTURE_COUNT_UNITS: tuple[str, ...] = ("项", "个", "类")
STRUCTURE_NOUNS_AFTER: tuple[str, ...] = ("指标", "领域", "方面", "项指标")
STRUCTURE_VERBS_BEFORE: tuple[str, ...] = (
    "提出", "共计", "共", "安排了", "安排", "设置", "设定", "明确", "包括", "涵盖",
)
STRUCTURE_NOUNS_BEFORE: tuple[str, ...] = ("预期性指标", "约束性指标", "指标中")
# a money amount that names a class of cities, counties or projects (过三千亿元城市, 超10亿元项目)
CATEGORY_LEADS: tuple[str, ...] = ("过", "超", "超过")
CATEGORY_NOUNS: tuple[str, ...] = (
    "城市", "县", "强县", "大县", "县市", "企业", "项目", "产业", "集群", "园区", "开发区", "强镇", "乡镇", "工程",
)
