"""Units and measure words of Chinese statistical reports, with their base unit.

``MAGNITUDES`` are the words that scale a number (万, 亿 …). ``MEASURE_WORDS`` are the units a
fact keeps as written (个, 家, 人次, 辆, 吨 …); money is normalised to 元 or 美元. A unit written
with a magnitude (亿元, 万千瓦) is the magnitude times the base unit; ``SCALED_UNITS`` lists the
few units whose own name holds a factor that is not a magnitude word.
"""

from __future__ import annotations

# magnitude word -> factor; longest first when matched
MAGNITUDES: dict[str, float] = {
    "万亿": 1e12,
    "千亿": 1e11,
    "百亿": 1e10,
    "十亿": 1e9,
    "亿": 1e8,
    "千万": 1e7,
    "百万": 1e6,
    "十万": 1e5,
    "万": 1e4,
}

# magnitudes that may stand between an Arabic number and its unit (1.2千万元 is rare but written)
ARABIC_MAGNITUDES: tuple[str, ...] = ("万亿", "千亿", "百亿", "十亿", "千万", "百万", "亿", "万", "千")
ARABIC_MAGNITUDE_FACTORS: dict[str, float] = {**MAGNITUDES, "千": 1e3}

PERCENT_SIGNS: tuple[str, ...] = ("%", "％")
PERMILLE_SIGNS: tuple[str, ...] = ("‰",)
PERCENTAGE_POINTS: tuple[str, ...] = ("个百分点", "百分点")

# money: written unit -> base unit
CURRENCIES: dict[str, str] = {
    "元": "元",
    "块": "元",
    "美元": "美元",
    "欧元": "欧元",
    "港元": "港元",
    "日元": "日元",
}

# measure words and physical units kept as written (base unit = the word itself)
MEASURE_WORDS: tuple[str, ...] = (
    # people
    "人次", "人", "名", "户", "位", "家庭",
    # things and organisations
    "个", "家", "项", "件", "条", "座", "处", "所", "张", "套", "间", "栋", "幢", "台", "辆", "艘",
    "架", "列", "部", "批", "批次", "类", "种", "款", "笔", "宗", "起", "单", "份", "册", "篇", "本",
    "门", "支", "只", "头", "匹", "株", "棵", "枚", "块", "片", "段", "根", "口", "眼", "孔", "层",
    "节", "组", "对", "场", "场次", "次", "轮", "期", "班", "班次", "架次", "航次", "车次", "趟",
    "家次", "户次",
    "辆次", "艘次", "台次", "件次", "项次", "头次", "吨次", "亩次",
    "课时", "学时", "床", "盏", "羽", "尾", "顶", "扇", "把", "面", "孔", "例", "宗次", "人年",
    "台套", "吨公里", "人公里", "车公里", "万人次",
    # time spans (durations reported as quantities; streaks)
    "小时", "分钟", "秒", "天", "个月", "周", "年", "个工作日", "工作日",
    # length, area, volume, mass
    "公里", "千米", "米", "厘米", "平方公里", "平方千米", "平方米", "亩", "公顷", "立方米", "立方",
    "吨", "千克", "公斤", "斤", "克", "微克", "毫克", "升", "毫升", "毫米", "标箱", "标准箱", "TEU",
    "吨标准煤", "吨标煤", "标煤",
    # energy and computing
    "千瓦", "千瓦时", "度", "兆瓦", "吉瓦", "瓦", "伏", "蒸吨", "P", "PFlops", "EFlops", "GB", "TB",
    # ages (人均预期寿命79.5岁)
    "岁", "周岁",
    # index numbers (上年 = 100)
    "指数",
)

# written units that carry a factor of their own (beyond magnitude words)
SCALED_UNITS: dict[str, tuple[str, float]] = {
    "万千瓦": ("千瓦", 1e4),
    "万千瓦时": ("千瓦时", 1e4),
    "万人次": ("人次", 1e4),
    "亿千瓦时": ("千瓦时", 1e8),
}

# parenthetical alternatives that stay part of a unit as written: 头（只）, 套（间）, 辆（艘、架、列）次
PAREN_UNIT_WORDS: str = "个台套只间艘架列辆头匹座处户人次件项条所家张"

# units that a bare Chinese numeral may carry and still be a fact (两批次, 一倍, 两次)
CHINESE_NUMERAL_UNITS: tuple[str, ...] = ("倍", "批次", "次", "番", "成")
# units that make a Chinese numeral a category or a label, not a count (三类用地, 三级网络, 三年行动)
CHINESE_LABEL_UNITS: tuple[str, ...] = (
    "类", "级", "种", "期", "批", "轮", "层", "年", "周", "代", "届", "段", "节", "款", "片", "对", "组", "门", "口",
    "面", "本", "部", "位",
)
# words before a Chinese numeral that point back to something named, not a count (上述三个行业)
CHINESE_BACK_REFERENCES: tuple[str, ...] = ("上述", "这", "那", "前述", "以下", "下列", "如下", "各", "每")

# units of a duration: a duration followed directly by a noun names a thing (240小时过境免签)
DURATION_UNITS: tuple[str, ...] = ("小时", "分钟", "秒", "天", "日", "个月", "周", "年", "个工作日", "工作日")

# nouns after a 万/亿 number with no measure word that make it a count of people
PEOPLE_NOUNS: tuple[str, ...] = (
    "人", "大学生", "高校毕业生", "毕业生", "群众", "居民", "农民工", "劳动力", "人才", "游客", "职工",
    "学生", "老人", "儿童", "人口", "党员", "志愿者", "员工", "农民", "脱贫人口",
    "儿女", "困难群众", "监测对象", "人员", "妇女", "青年", "市民", "村民", "就业人员", "劳动者",
)
# how many characters of a group's description may stand between a bare 万-count and its people noun
# (3000多万皖北地区群众, 51万新就业形态人员); a verb among them ends the search (投入500万支持大学生)
PEOPLE_GAP = 6
PEOPLE_GAP_STOPS = "支用投给为帮带扶奖补发在对向把将被让使从到，。；、"

# a magnitude written with no digit after a qualifier (突破万亿元, 近万场, 超千列, 上千万人次): one of it
BARE_MAGNITUDES: dict[str, float] = {
    "万亿": 1e12, "千亿": 1e11, "百亿": 1e10, "千万": 1e7, "百万": 1e6, "十万": 1e5, "万": 1e4, "千": 1e3, "百": 1e2,
}
# the words right before a bare magnitude that make it a quantity (not 千方百计, 万众一心)
BARE_MAGNITUDE_LEADS = "破超过近逾上达"
# halves written in words: 超过一半 → a share of 50%
HALF_WORDS: tuple[str, ...] = ("一半", "半数")
