"""Cue words that decide a fact's measure, sign, qualifier and baseline.

Each table maps written words to what they mean; the engine looks them up in a short window
around the number (see ``planwatch.extract.measures``).
"""

from __future__ import annotations

# --- qualifiers -------------------------------------------------------------------------------
# written right before the number (outside the span)
QUALIFIERS_BEFORE: dict[str, str] = {
    "超过": "over", "超": "over", "逾": "over", "突破": "over", "跃上": "over", "迈上": "over",
    "站上": "over", "多于": "over", "高于": "over", "大于": "over", "过": "over",
    "近": "nearly", "接近": "nearly", "将近": "nearly", "逼近": "nearly", "近乎": "nearly",
    "约": "about", "大约": "about", "大概": "about", "约为": "about",
    "不到": "under", "不足": "under", "低于": "under", "少于": "under", "不超过": "under", "小于": "under",
    "未超过": "under",
    "不低于": "at_least", "至少": "at_least", "不少于": "at_least",
}
# written at the start of the clause, away from the number: 至少新增普惠托位1000个
QUALIFIERS_LEADING: dict[str, str] = {"至少": "at_least", "不少于": "at_least", "不低于": "at_least"}
# written before a reference and 的, away from the number: 不足计划的六成, 超过全市的三分之一
QUALIFIERS_BEFORE_OF: dict[str, str] = {
    "不足": "under", "不到": "under", "少于": "under", "超过": "over", "逾": "over", "接近": "nearly",
    "将近": "nearly", "约": "about", "不低于": "at_least", "不少于": "at_least", "至少": "at_least",
}
# written right after the unit (outside the span)
QUALIFIERS_AFTER: dict[str, str] = {
    "以上": "over", "之上": "over", "多": "over",
    "左右": "about", "上下": "about", "前后": "about",
    "以下": "under", "以内": "under", "之内": "under",
}
# written between number and unit (inside the span): 2000余个, 3400多万人次
QUALIFIERS_INSIDE: dict[str, str] = {"余": "over", "多": "over"}
# a qualifier that lets the following words pass before the number: 超过 … 的 / 达到 …
QUALIFIER_BRIDGES: tuple[str, ...] = ("了", "到", "达")

# --- measure ----------------------------------------------------------------------------------
# verbs and nouns of change, with the sign they give; matched as the rightmost cue in the clause
CHANGE_CUES: dict[str, int] = {
    "增长": 1, "增加": 1, "上涨": 1, "上升": 1, "提高": 1, "提升": 1, "增速": 1, "增幅": 1, "涨幅": 1,
    "回升": 1, "扩大": 1, "加快": 1, "拉动": 1, "正向拉动": 1, "增收": 1, "攀升": 1, "增长率": 1,
    "增": 1, "涨": 1, "升高": 1, "高出": 1, "翻": 1, "快": 1, "高": 1, "多增": 1,
    "下降": -1, "下跌": -1, "降低": -1, "减少": -1, "降幅": -1, "跌幅": -1, "回落": -1, "下滑": -1,
    "缩减": -1, "负向拉动": -1, "放缓": -1, "收窄": -1, "缩小": -1, "减": -1, "降": -1, "跌": -1,
    "减收": -1, "下调": -1, "低": -1, "慢": -1, "减慢": -1, "负增长": -1,
    "滞后": -1, "落后": -1, "超前": 1, "领先": 1,
}
# nouns that name a fall: a change cue after them reads the other way (降幅收窄 → +)
FALL_NOUNS: tuple[str, ...] = ("降幅", "跌幅", "下降幅度", "减幅")
# nouns that make a percentage growth even after a neutral verb (增速达到11.1%)
GROWTH_NOUNS: tuple[str, ...] = ("增速", "增幅", "涨幅", "降幅", "跌幅", "增长率", "增长速度", "下降幅度", "减幅")
# words that turn a change verb into a state: 提高到67%, 降至3.51%, 增至32家
STATE_MARKERS: tuple[str, ...] = ("至", "到", "为")
# nouns of a share, rate or proportion: a percentage after them is a ratio
RATIO_NOUNS: tuple[str, ...] = (
    "比重", "占比", "比例", "份额", "率", "占", "覆盖面", "贡献", "程度", "水平", "成数", "比率",
    "增长面", "亏损面", "下降面",
)
# words after a percentage that make it a growth: 实现1.5%的正增长
GROWTH_AFTER: tuple[str, ...] = ("的正增长", "的增长", "的增速", "的增幅", "的负增长", "的预期增长", "的经济增长")
# fold words of a multiple: 增长6倍 → 600; 翻一番 → 100, 翻两番 → 300
MULTIPLE_UNIT = "倍"
DOUBLING_UNIT = "番"
TENTH_UNIT = "成"  # 9成 → 90%
# words that put a percentage in a streak or contribution: handled as change_pp via 个百分点

# --- ranks ------------------------------------------------------------------------------------
RANK_VERBS: tuple[str, ...] = (
    "居", "位居", "位列", "排名", "排", "名列", "列", "位于", "排在", "稳居", "跃居", "保持",
    # a rank change without 居: 从全国第12位升至第5位, 进至第5位
    "升至", "跃升至", "进至", "跃至", "升到", "上升至", "上升到", "提升至", "前移至", "前进至", "晋升至", "从",
)
# the scope a rank is counted in, written between 从 and the first rank (从全国第12位升至第5位)
RANK_SCOPES: tuple[str, ...] = (
    "全国", "全省", "全市", "全区", "中部", "西部", "东部", "东北", "全球", "世界", "长三角",
)
# words after 第一 that make it a tier, not a rank: 第一方阵, 第一梯队
TIER_AFTER: tuple[str, ...] = ("方阵", "梯队", "阵营", "方队", "梯次", "序列", "集团")
RANK_WORDS_FIRST: tuple[str, ...] = ("首位", "第一", "榜首")

# --- baselines --------------------------------------------------------------------------------
YOY_WORDS: tuple[str, ...] = (
    "同比", "比上年同期", "比去年同期", "较上年同期", "较去年同期", "比上年", "较上年", "比同期", "较同期",
    "同口径", "比去年", "较去年", "与上年相比", "比上年度",
)
# 年均增长 (not 全年均有…, 上半年平均油价): an average annual rate over a multi-year frame
AVG_ANNUAL_PATTERN = r"(?<![全半])年(?:均|平均)(?=增|降|提|递|复合|下|上|减)|平均每年|年复合"

# --- subjects ---------------------------------------------------------------------------------
# scope words dropped from the front of a subject
SCOPE_WORDS: tuple[str, ...] = (
    "全市", "全省", "全区", "全县", "全国", "全州", "全旗", "全盟", "我市", "我省", "我区", "我县", "本市",
    "全年", "年内", "今年", "上半年", "下半年", "同期", "其中", "其", "共", "累计", "合计", "总计", "共计",
    "当年", "全部", "目前", "截至目前", "截至", "共有", "至少", "不少于",
    "开发区", "全开发区", "园区", "全园区", "经开区", "高新区", "新区",
)
# verbs that sit between a subject and its number and are not part of the subject
LINK_VERBS: tuple[str, ...] = (
    "实现", "完成", "达到", "达", "为", "是", "有", "增至", "增加到", "提高到", "提高至", "提升至", "提升到",
    "上升至", "上升到", "下降至", "下降到", "降至", "降到", "减少到", "缩减到", "缩减至", "扩大到", "扩大至",
    "突破", "超过", "超", "逾", "近", "约", "接近", "累计", "保持在", "保持", "控制在", "稳定在", "从", "由",
    "平均为", "分别为", "分别达到", "分别达", "分别完成", "分别增长", "分别", "增长", "下降", "同比",
    "比上年", "比同期", "同口径", "上涨", "提高", "提升", "上升", "降低", "减少", "增加", "回落", "达到了",
    "也达到", "高达", "跃上", "迈上", "首次", "连续", "已", "均", "占", "居", "位居", "稳居", "约为",
    "了", "新增", "成为", "在", "收窄", "扩大", "回升", "加快", "放缓", "缩小", "回落至", "回升至", "压缩到",
    "压缩至", "缩短到", "缩短至", "缩短", "压缩", "延长至", "延长到", "缩小到", "缩小至", "扩大到", "扩大至",
    "下降到", "降低到", "降低至", "回落到", "整合至", "整合到", "压减至", "压减到", "精简至", "精简到", "减至",
    "增加至",
)
# action verbs: when the words before a number are only these, the subject follows the number
ACTION_VERBS: tuple[str, ...] = (
    "新增", "新建", "建成", "建设", "落地", "实施", "推进", "完成", "培育", "引进", "吸引", "解决", "改扩建",
    "开展", "举办", "组织", "启动", "打造", "认定", "新认定", "建立", "设立", "创建", "出台", "制定", "印发",
    "发布", "签约", "新签约", "开工", "新开工", "投用", "建设完成", "改造", "新获批", "获批", "入选", "支持",
    "深入实施", "加快推进", "持续推进", "推动", "打通", "升级", "提供", "发放", "帮助", "带动", "吸纳",
    "服务", "覆盖", "惠及", "累计", "共", "有", "拥有", "涉及", "招引", "引育", "培训", "考录", "招聘",
    "选派", "安置", "救助", "资助", "开发", "实施了", "完成了", "建成了", "深化", "统筹规划", "规划",
    "强化", "加强", "整合", "盘活", "处置", "化解", "修复", "治理", "整治", "清理", "排查", "整改",
    "拆除", "关停", "淘汰", "收购", "筹集", "新筹集", "新开辟", "开辟", "开通", "新开通",
)
# words that raise a goal just stated to a stretch goal of the same figure (增长3%左右、力争4%): the
# second number has no subject or measure of its own
STRETCH_WORDS: tuple[str, ...] = ("力争", "争取", "努力实现", "力求", "努力")
