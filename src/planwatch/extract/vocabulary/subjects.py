"""Words that shape a subject: list heads, split scopes and absolute-change verbs."""

from __future__ import annotations

# head nouns shared by a list of items: 集成电路、液晶显示屏产量 → 集成电路产量, 液晶显示屏产量
HEAD_NOUNS: tuple[str, ...] = (
    "人均可支配收入", "可支配收入", "增加值", "产量", "零售额", "销售额", "营业收入", "主营业务收入", "收入", "产值",
    "进出口", "出口", "进口", "投资", "价格", "比重", "入园率", "参保率", "覆盖率", "率", "利润", "总额", "规模",
    "消费", "客运量", "货运量", "吞吐量", "面积", "数量", "人数", "清洁电量", "电量", "用电量", "贷款", "存款",
    "项目", "企业", "工程", "案件", "事故",
)
# a scope word that names two parts in a 分别 list
SPLIT_SCOPES: dict[str, tuple[str, ...]] = {
    "城乡": ("城镇", "农村"),
    "一三产业": ("第一产业", "第三产业"),
    "一二三产业": ("第一产业", "第二产业", "第三产业"),
    "三次产业": ("第一产业", "第二产业", "第三产业"),
    "中外": ("中方", "外方"),
    "进出口": ("进口", "出口"),
}
# verbs of an absolute change kept in a level's subject: 出口增加16亿元 → 出口增加
ABSOLUTE_CHANGE_VERBS: tuple[str, ...] = (
    "增加", "减少", "增收", "减收", "提升", "提高", "下降", "节约", "节省", "调减", "调增", "多增", "少增",
    "缩小", "扩大",
)
# words that open a clause and are not part of a subject
LEADING_FILLERS: tuple[str, ...] = (
    "其中", "同时", "此外", "另外", "并且", "、", "，", "对此",
    "分别", "同比", "环比", "(下同)", "（下同）", "下同", "累计", "合计", "力争", "争取", "确保", "至少", "不少于",
    "带动", "推动", "促进", "各类", "统筹规划", "预计", "初步核算", "据初步核算", "计划", "拟", "将", "目标：",
    "目标:", "下一步", "要", "期间", "时期", "以来", "实现", "完成",
)
# words that end a clause's run-up to a number and are not part of the subject
TRAILING_FILLERS: tuple[str, ...] = (
    "持续", "继续", "保持", "稳定", "进一步", "首次", "已经", "每周", "每年", "每月", "每天", "每日", "仍",
    "基本", "总体", "同比", "环比", "则", "分别", "全部", "均", "稳步", "大幅", "较快", "明显", "逐步", "有所",
    "从", "由",
    "平均", "实际", "名义", "年均", "年平均", "仅", "仅仅", "预期", "预计", "安排", "预期为", "预计为",
    "多达", "共", "只有", "只", "仅有", "仅为", "逆势", "逆市",
)
# nouns too general to name a measured thing alone: they borrow the subject before them
GENERIC_NOUNS: tuple[str, ...] = (
    "金额", "数量", "总额", "总数", "余额", "规模", "人数", "个数", "面积", "产值", "总量", "增速", "增幅", "降幅",
    "比重", "占比",
    "整改率", "接入率", "参保率", "完成率", "覆盖率", "合格率", "达标率", "率",
)
# adverbs in front of an action verb (深入实施, 加快推进)
ADVERBS: tuple[str, ...] = (
    "深入", "加快", "持续", "大力", "全力", "积极", "扎实", "累计", "新", "已", "共", "全面", "有序", "稳步",
)
# words right after a number's span that do not start the noun it counts (so the subject is before it)
NOT_A_NOUN_START: tuple[str, ...] = (
    "以上", "以下", "左右", "以内", "之内", "上下", "多", "余", "的", "和", "及", "与", "或", "至", "到", "等", "次",
    "增长", "同比", "比", "较", "占", "居", "位", "分别", "，", "大关", "台阶", "关口", "水平", "规模",
    # verbs of change: 从46家增至58家 — what follows the first number is no noun
    "增加", "增至", "增到", "提高", "提升", "减少", "下降", "降至", "降到", "上升", "扩大", "缩小", "达到", "突破",
)
# verbs of doing that open a subject and are not part of the thing counted: 建成老年食堂 → 老年食堂.
# Not here: verbs that make a statistical category with their noun (新增就业, 新开工项目, 签约项目,
# 新建污水管线) and verbs that are nouns too (建设用地, 组织部).
LEADING_ACTION_VERBS: tuple[str, ...] = (
    "建成", "实施", "开展", "形成", "取得", "培育", "排查", "发行", "落地", "上线", "布局", "帮扶", "开设",
    "提供", "发放", "安排", "新认定", "举办", "打造", "创建", "搭建", "组建", "完成了", "建成了", "实施了",
    "引进", "推出", "推广", "评选", "遴选", "设立", "出台", "印发", "制定", "修订",
)
# two-character words of kind after such a verb (举办各类演出): not part of the thing
KIND_WORDS: tuple[str, ...] = ("各类", "各项", "各种", "各级")
# adverbs and light verbs that may stand before such a verb: 推进实施, 提质建设 (建设 only after one)
LEADING_ACTION_MODIFIERS: tuple[str, ...] = (
    "推进", "深入", "加快", "持续", "大力", "全力", "积极", "扎实", "全面", "有序", "稳步", "提质", "高质量",
    "新", "已", "共", "先后", "陆续", "成功", "累计",
)
# verbs after a modifier only (建设 alone may be a noun: 建设用地)
MODIFIED_ACTION_VERBS: tuple[str, ...] = ("建设", "组织", "新建")
# measure nouns a reporting verb may stand before inside a subject: 第一产业实现增加值 → 第一产业增加值
REPORTED_MEASURE_NOUNS: tuple[str, ...] = (
    "增加值", "零售额", "营业收入", "主营业务收入", "收入", "利润", "利润总额", "产值", "总产值", "进出口总额",
    "进出口", "出口", "进口", "税收", "销售额", "销售收入", "交易额", "营收", "外贸进出口", "地区生产总值",
)
# reporting verbs dropped before those nouns (完成投资 stays: annotators keep it as the thing)
REPORTING_VERBS: tuple[str, ...] = ("实现",)
# 完成年度计划的73.5%: the share of a plan, named <indicator>年度<plan word>完成率
PLAN_SHARE_WORDS: tuple[str, ...] = ("计划", "目标", "预算", "任务", "调整预算")
# 高于时序进度3.1个百分点: a gap to the time elapsed is a change of the completion rate before it
TIME_PROGRESS_GAP: tuple[str, ...] = ("时序进度", "序时进度", "时间进度")
# measures of a count of projects that borrow the count's noun: 实施重点项目168个，完成投资203.5亿元
AFTER_A_COUNT: tuple[str, ...] = (
    "投资", "完成投资", "总投资", "协议总投资", "计划投资", "年度计划投资", "计划总投资", "投资完成率",
    "完成率", "开工率", "竣工率", "发行率", "签约率", "履约率", "到位资金", "额度", "资金",
)
# measure words of counted things (the counts those measures borrow from)
COUNT_UNITS: tuple[str, ...] = ("个", "项", "家", "批", "件", "宗")
# money written before what it was spent on (投资1100万元新建污水管线): the subject is purpose + word
SPENT_ON: tuple[str, ...] = ("投资", "投入", "总投资", "投入资金", "筹集资金")
# words between such an amount and its purpose that are not part of it
PURPOSE_LEADS: tuple[str, ...] = ("用于", "完成", "实施", "开展", "进行")
# what a share written as 占X的N% is called in its subject (占全部投资的46.2% → …占全部投资的比重)
SHARE_ENDINGS: tuple[str, ...] = ("比重", "占比", "比例", "份额")
# a sentence that lists product outputs (从主要产品看，汽车产量…；手机…): its bare product names are outputs
PRODUCT_LIST_CUES: tuple[str, ...] = ("主要产品", "主要工业产品", "工业产品产量", "重点产品")
# endings that already name a product's measure
OUTPUT_NOUNS: tuple[str, ...] = ("产量", "产值", "销量", "出口", "进口", "增加值", "营收", "收入", "额", "率", "量")
# what became of the thing money was spent on, after its name (某公路通车): not part of the subject
PURPOSE_DONE: tuple[str, ...] = ("通车", "建成", "竣工", "开工", "投用", "投入使用", "建成投用", "完工")
# rates that stand alone after the figure they rate (完成投资286.7亿元，完成率70.2%)
RATES_OF_A_FIGURE: tuple[str, ...] = ("完成率", "到位率", "执行率", "发行率", "支出率", "使用率", "拨付率")
# verbs in front of the figure's noun that the rate's subject leaves out (完成投资 → 投资完成率)
FIGURE_VERBS: tuple[str, ...] = ("完成", "实现", "到位", "发行", "拨付", "支出")
# words before the done part of a planned figure (年度计划投资186亿元，已完成138亿元)
DONE_WORDS: tuple[str, ...] = ("完成", "已完成", "仅完成", "累计完成", "实际完成", "共完成")
# words before a streak (连续五年居全省首位): the streak belongs to the figure before it
STREAK_WORDS: tuple[str, ...] = ("连续",)

# words a subject may still open with that do not change the indicator it names (实现地区生产总值)
INDICATOR_LEADING_WORDS: tuple[str, ...] = ("全年", "累计", "共", "实现", "完成", "其中", "年度", "当年")
# verbs of a rank cut from the end of its subject with the scope after them (营收从全国, 升至全国, 跃居)
RANK_TAIL_VERBS: tuple[str, ...] = (
    "稳居", "位居", "跃居", "居", "排名", "排", "名列", "位列", "跃升至", "升至", "进至", "跃至", "升到", "上升至",
    "上升到", "提升至", "前移至", "前进至", "晋升至", "从",
)
# a numeral series shares the noun of its last item: 一、二、三产 / 第一、二、三产业 → 第N产业
ORDINAL_SERIES_NOUNS: dict[str, str] = {"产业": "产业", "产": "产业"}
# growth subjects that stay whole: without their growth noun they name nothing (经济增长5%)
GROWTH_KEPT_WHOLE: tuple[str, ...] = ("经济增长", "经济增速", "全省经济增长", "全市经济增长")
# words that open the restatement of a goal and name nothing (确定5.5%左右的增长目标, 5.5%左右的预期增长目标)
RESTATING_WORDS: tuple[str, ...] = ("确定", "预期", "提出", "设定", "确定了", "将")
RESTATED_GROWTH_SUBJECT = "经济增长"
# nouns after 等 that only sum up the list before it (低保金、救助金等资金, 管网、道路等基础设施): the list is the
# subject; a noun of its own after 等 (水泥、钢材等建材产量) replaces the list
ETC_SUMMING_NOUNS: tuple[str, ...] = ("资金", "基础设施", "设施", "款项", "补贴", "费用")
