"""The phrase table: short report phrases of our own writing → the facts each must yield.

Every phrase is about the fictional 江川市 (districts 临江区, 白沙区, 东湖新区; counties 青石县, 云岭县);
none is taken from the seed or the corpus. A row fixes only what its phrase determines: value, unit,
measure and the span always; period, modality, qualifier and baseline where the row states them
(``ANY`` = not asserted); the subject only as a key noun it must contain (subjects are fuzzy).

Rows are grouped by rule family (the ``family`` of each ``Case``) so that a failing run reads as a
list of the rules still missing. The families follow issue 2, item 4 and the Conventions of
facts-schema.md.

By default a row is *exact*: the extractor must yield these facts and no others, because every other
number in these phrases (years, 1—6月, 5G, 第一书记, list labels …) is not a fact.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field


class _Any:
    """Marker for a field the row does not assert."""

    def __repr__(self) -> str:
        return "ANY"


ANY = _Any()

H1 = "2025-01/2025-06"
Y2024 = "2024-01/2024-12"
Y2025 = "2025-01/2025-12"
Y2026 = "2026-01/2026-12"
FIVE_YEARS = "2021-01/2025-12"
Q1 = "2025-01/2025-03"


@dataclass(frozen=True)
class Want:
    """One fact a phrase must yield. ``text`` is its span as written (the ``nth`` occurrence)."""

    text: str
    measure: str
    value: float
    unit: str | None
    nth: int = 0
    period: object = ANY
    modality: object = ANY
    qualifier: object = ANY
    baseline: object = ANY
    subject: str | None = None
    subject_is: str | None = None  # the whole subject, where the row pins it exactly
    alt: tuple[str, ...] = ()  # other acceptable span texts, only where the span is genuinely open


@dataclass(frozen=True)
class Case:
    """A phrase and the facts it must yield."""

    family: str
    phrase: str
    wants: tuple[Want, ...]
    exact: bool = True
    note: str = ""

    @property
    def label(self) -> str:
        """The phrase on one line, for test ids and messages."""
        return self.phrase.replace("\n", "⏎")


@dataclass(frozen=True)
class NotFact:
    """A phrase that yields no fact at all, or no fact whose span touches ``marked``."""

    family: str
    phrase: str
    marked: str | None = None
    note: str = ""

    @property
    def label(self) -> str:
        return self.phrase.replace("\n", "⏎")


# ---------------------------------------------------------------------------------------------
# Row builders: one per measure, so that rows stay one line.


def lv(text: str, value: float, unit: str | None, **kw: object) -> Want:
    return Want(text, "level", value, unit, **kw)  # type: ignore[arg-type]


def gr(text: str, value: float, **kw: object) -> Want:
    return Want(text, "growth", value, "%", **kw)  # type: ignore[arg-type]


def ra(text: str, value: float, unit: str | None = "%", **kw: object) -> Want:
    return Want(text, "ratio", value, unit, **kw)  # type: ignore[arg-type]


def pp(text: str, value: float, **kw: object) -> Want:
    return Want(text, "change_pp", value, "pp", **kw)  # type: ignore[arg-type]


def rk(text: str, value: float, **kw: object) -> Want:
    return Want(text, "rank", value, "位", **kw)  # type: ignore[arg-type]


@dataclass
class _Family:
    name: str
    rows: list[Case] = field(default_factory=list)

    def __call__(self, phrase: str, *wants: Want, exact: bool = True, note: str = "") -> None:
        self.rows.append(Case(self.name, phrase, tuple(wants), exact, note))


CASES: list[Case] = []
_FAMILIES: list[_Family] = []


def family(name: str) -> _Family:
    fam = _Family(name)
    _FAMILIES.append(fam)
    return fam


# ---------------------------------------------------------------------------------------------
# Arabic numbers: thousands separators and decimals.
r = family("arabic")
r("2025年1—6月，江川市实现地区生产总值1,286.4亿元。",
  lv("1,286.4亿元", 1286.4e8, "元", period=H1, modality="actual", subject="地区生产总值"))
r("全市新登记经营主体12,345户。", lv("12,345户", 12345, "户", subject="经营主体"))
r("完成货物运输量1,025,600吨。", lv("1,025,600吨", 1025600, "吨", subject="货物运输量"))
r("全市粮食播种面积稳定在186.75万亩。", lv("186.75万亩", 1867500, "亩", subject="粮食播种面积"))
r("实现农业增加值58.06亿元。", lv("58.06亿元", 5.806e9, "元", subject="农业增加值"))
r("引进高层次人才568名。", lv("568名", 568, "名", subject="高层次人才"))
r("接待国内外游客1,820.5万人次。", lv("1,820.5万人次", 18205000, "人次", subject="游客"))
r("全市一般公共预算收入完成96.27亿元。", lv("96.27亿元", 9.627e9, "元", subject="一般公共预算收入"))
r("实现外贸进出口总额452.3亿元，其中出口318.9亿元。",
  lv("452.3亿元", 4.523e10, "元", subject="进出口总额"), lv("318.9亿元", 3.189e10, "元", subject="出口"))
r("城镇居民人均可支配收入达到28,456元。", lv("28,456元", 28456, "元", subject="人均可支配收入"))
r("全市常住人口为312.60万人。", lv("312.60万人", 3126000, "人", subject="常住人口"))
r("城市建成区面积扩大到96.5平方公里。", lv("96.5平方公里", 96.5, "平方公里", subject="建成区面积"))
r("全年完成营业收入0.75亿元。", lv("0.75亿元", 7.5e7, "元", subject="营业收入"))
r("江川港完成货物吞吐量4,215.8万吨。", lv("4,215.8万吨", 42158000, "吨", subject="货物吞吐量"))
r("全市规上工业企业实现利润总额86.3亿元。", lv("86.3亿元", 8.63e9, "元", subject="利润总额"))

# ---------------------------------------------------------------------------------------------
# Full-width digits, percent sign and decimal point.
r = family("fullwidth")
r("全市新开工项目１２６个。", lv("１２６个", 126, "个", subject="新开工项目"))
r("社会消费品零售总额增长５．２％。", gr("５．２％", 5.2, subject="社会消费品零售总额"))
r("完成工业投资３２．６亿元。", lv("３２．６亿元", 3.26e9, "元", subject="工业投资"))
r("新建５Ｇ基站８５０个。", lv("８５０个", 850, "个", subject="基站"))
r("接待游客２３０万人次，增长１５％。",
  lv("２３０万人次", 2300000, "人次", subject="游客"), gr("１５％", 15, subject="游客"))
r("城镇调查失业率为５．１％。", ra("５．１％", 5.1, subject="失业率"))
r("２０２５年１—６月，全市规上工业增加值增长６．３％。", gr("６．３％", 6.3, period=H1, subject="规上工业增加值"))

# ---------------------------------------------------------------------------------------------
# Chinese numerals: 一…九 十 百 千 万 亿 两 〇/零 半.
r = family("chinese_numerals")
r("建成三个区域物流中心。", lv("三个", 3, "个", subject="物流中心"))
r("新增两家国家级专精特新“小巨人”企业。", lv("两家", 2, "家"))
r("全年举办招商推介活动二十六场。", lv("二十六场", 26, "场", subject="招商推介活动"))
r("建成口袋公园一百零五个。", lv("一百零五个", 105, "个", subject="口袋公园"))
r("新增公共停车泊位一千二百个。", lv("一千二百个", 1200, "个", subject="停车泊位"))
r("培育家庭农场两千家。", lv("两千家", 2000, "家", subject="家庭农场"))
r("新增充电桩一千〇五十个。", lv("一千〇五十个", 1050, "个", subject="充电桩"))
r("完成农村户厕改造一千零八十户。", lv("一千零八十户", 1080, "户", subject="户厕改造"))
r("带动农民工就业十二万人。", lv("十二万人", 120000, "人"))
r("吸引社会资本五十亿元。", lv("五十亿元", 5e9, "元", subject="社会资本"))
r("新增市场主体两万户。", lv("两万户", 20000, "户", subject="市场主体"))
r("争取中央预算内资金两亿元。", lv("两亿元", 2e8, "元", subject="中央预算内资金"))
r("新增城镇就业一万二千人。", lv("一万二千人", 12000, "人", subject="城镇就业"))
r("企业开办全流程压缩至半天。", lv("半天", 0.5, "天"))
r("项目审批平均用时缩短半个月。", lv("半个月", 0.5, "个月"))
r("新建乡镇综合文化站十一个、村级文化广场九十八个。",
  lv("十一个", 11, "个", subject="综合文化站"), lv("九十八个", 98, "个", subject="文化广场"))
r("选派驻村第一书记一百四十名。", lv("一百四十名", 140, "名", subject="第一书记"),
  note="第一书记 is a title, not a rank")
r("全县新增林地三千五百亩。", lv("三千五百亩", 3500, "亩", subject="林地"))
r("先后两次下调住房公积金贷款利率。", lv("两次", 2, "次"))
r("分三批次下达专项资金2.4亿元。", lv("三批次", 3, "批次"), lv("2.4亿元", 2.4e8, "元", subject="专项资金"))

# ---------------------------------------------------------------------------------------------
# Mixed forms: Arabic number + magnitude character (1.96万, 3.2万亿).
r = family("mixed")
r("新增城镇就业1.96万人。", lv("1.96万人", 19600, "人", subject="城镇就业"))
r("2025年6月末，全市金融机构本外币存款余额3.2万亿元。",
  lv("3.2万亿元", 3.2e12, "元", period="2025-06-30", subject="存款余额"))
r("规上工业总产值达到1.05万亿元。", lv("1.05万亿元", 1.05e12, "元", subject="规上工业总产值"))
r("全年接待游客2.3亿人次。", lv("2.3亿人次", 2.3e8, "人次", subject="游客"))
r("新增减税降费及退税缓费45.6亿元。", lv("45.6亿元", 4.56e9, "元"))
r("完成营造林12.8万亩。", lv("12.8万亩", 128000, "亩", subject="营造林"))
r("全年完成项目投资1200万元。", lv("1200万元", 1.2e7, "元", subject="项目投资"))
r("跨境电商交易额达到2.15万亿元。", lv("2.15万亿元", 2.15e12, "元", subject="跨境电商交易额"))
r("新增贷款3千亿元。", lv("3千亿元", 3e11, "元", subject="贷款"))

# ---------------------------------------------------------------------------------------------
# Ranges: two facts, a bare first number shares the unit of the second.
r = family("ranges")
r("每周开行江川至东盟班列2—3列。", lv("2", 2, "列"), lv("3列", 3, "列"))
r("全年经济增长预期目标为5%—5.5%。",
  gr("5%", 5, modality="target", qualifier=None), gr("5.5%", 5.5, modality="target", qualifier=None))
r("力争居民收入增长6%-7%。",
  gr("6%", 6, modality="target", qualifier=None), gr("7%", 7, modality="target", qualifier=None))
r("城镇调查失业率控制在5%～5.5%。", ra("5%", 5, qualifier=None), ra("5.5%", 5.5, qualifier=None))
r("规上工业增加值增长6—7%。", gr("6", 6, qualifier=None), gr("7%", 7, qualifier=None))
r("每个街道培育1—2个社区嵌入式服务示范点。", lv("1", 1, "个"), lv("2个", 2, "个"))
r("新建社区食堂30至50个。", lv("30", 30, "个"), lv("50个", 50, "个"))
r("计划投资10亿—15亿元。", lv("10亿", 1e9, "元", modality="plan"), lv("15亿元", 1.5e9, "元", modality="plan"))
r("今年主要预期目标是：规上工业增加值增长6%至6.5%。",
  gr("6%", 6, qualifier=None, subject_is="规上工业增加值"),
  gr("6.5%", 6.5, qualifier=None, subject_is="规上工业增加值"))
r("今年主要预期目标是：社会消费品零售总额增长5.5%到6%。",
  gr("5.5%", 5.5, subject_is="社会消费品零售总额"), gr("6%", 6, subject_is="社会消费品零售总额"))
# A stretch goal after a goal (力争, 争取) is the same figure's: its measure and subject, not a share.
r("今年主要预期目标是：一般公共预算收入增长3%左右、力争4%。",
  gr("3%", 3, qualifier="about", subject_is="一般公共预算收入"), gr("4%", 4, subject_is="一般公共预算收入"))
r("今年主要预期目标是：地区生产总值增长6%以上，争取7%。",
  gr("6%", 6, qualifier="over", subject_is="地区生产总值"), gr("7%", 7, subject_is="地区生产总值"))

# ---------------------------------------------------------------------------------------------
# 余/多 between the number and its unit: kept in the span, qualifier over.
r = family("yu_duo")
r("开展各类招聘活动300余场。", lv("300余场", 300, "场", qualifier="over", subject="招聘活动"))
r("帮扶困难群众1.2万余人。", lv("1.2万余人", 12000, "人", qualifier="over"))
r("新建绿道80多公里。", lv("80多公里", 80, "公里", qualifier="over", subject="绿道"))
r("带动周边群众就业3000多人。", lv("3000多人", 3000, "人", qualifier="over"))
r("吸引社会投资20余亿元。", lv("20余亿元", 2e9, "元", qualifier="over", subject="社会投资"))
r("服务企业5000余家次。", lv("5000余家次", 5000, "家次", qualifier="over"))
r("培训农民工两千余人次。", lv("两千余人次", 2000, "人次", qualifier="over"))
r("建成十余个共享仓。", lv("十余个", 10, "个", qualifier="over"))
r("帮助四百余家企业解决用工难题。", lv("四百余家", 400, "家", qualifier="over"))

# ---------------------------------------------------------------------------------------------
# Fractions, 成, 百分之.
r = family("fractions")
r("工业用电量占全社会用电量的三分之一。", ra("三分之一", 100 / 3, subject="工业用电量"))
r("税收收入占全市财政收入的1/5。", ra("1/5", 20, subject="税收收入"))
r("新能源汽车销量占比接近6成。", ra("6成", 60, qualifier="nearly", subject="新能源汽车"))
r("全县九成以上行政村实现快递进村。", ra("九成", 90, qualifier="over"))
r("外资企业出口占全市出口的四分之一。", ra("四分之一", 25, subject="外资企业出口"))
r("江川港集装箱吞吐量占全省比重达五分之二。", ra("五分之二", 40, subject="集装箱吞吐量"))
r("城区生活垃圾回收利用率达到三成。", ra("三成", 30, subject="回收利用率"))
r("农村自来水普及率达到百分之九十五。", ra("百分之九十五", 95, subject="普及率"))
r("民营企业贡献了全市七成以上的税收。", ra("七成", 70, qualifier="over"))

# ---------------------------------------------------------------------------------------------
# Magnitude words applied, base units (元, 美元, 吨, 千瓦 …).
r = family("magnitudes")
r("实际使用外资3.6亿美元。", lv("3.6亿美元", 3.6e8, "美元", subject="外资"))
r("外贸出口额12.4亿美元，增长8.2%。",
  lv("12.4亿美元", 1.24e9, "美元", subject="出口额"), gr("8.2%", 8.2, subject="出口额"))
r("港口货物吞吐量1860万吨。", lv("1860万吨", 1.86e7, "吨", subject="货物吞吐量"))
r("新增光伏装机12.6万千瓦。", lv("12.6万千瓦", 126000, "千瓦", subject="光伏装机"))
r("全社会用电量98.5亿千瓦时。", lv("98.5亿千瓦时", 9.85e9, "千瓦时", subject="用电量"))
r("新开工保障性住房45.2万平方米。", lv("45.2万平方米", 452000, "平方米", subject="保障性住房"))
r("港口集装箱吞吐量46.8万标箱。", lv("46.8万标箱", 468000, "标箱", subject="集装箱吞吐量"))
r("天然气产量3.4亿立方米。", lv("3.4亿立方米", 3.4e8, "立方米", subject="天然气产量"))
r("汽车产量21.7万辆。", lv("21.7万辆", 217000, "辆", subject="汽车产量"))
r("工业机器人产量1.2万台（套）。", lv("1.2万台（套）", 12000, "台（套）", subject="工业机器人"))
r("农村居民人均可支配收入1.86万元。", lv("1.86万元", 18600, "元", subject="人均可支配收入"))
r("全市森林面积达到420万亩。", lv("420万亩", 4.2e6, "亩", subject="森林面积"))
r("粮食总产量达到12.6亿斤。", lv("12.6亿斤", 1.26e9, "斤", subject="粮食总产量"))
r("发放创业担保贷款2.3万笔、金额36.5亿元。",
  lv("2.3万笔", 23000, "笔", subject="创业担保贷款"), lv("36.5亿元", 3.65e9, "元"))
r("吸纳12万大学生来江就业创业。", lv("12万", 120000, "人"), note="万 count of people with no measure word → 人")

# ---------------------------------------------------------------------------------------------
# Measure words and physical units, as written.
r = family("measure_words")
r("新增规上工业企业86家。", lv("86家", 86, "家", subject="规上工业企业"))
r("实施省市重点项目412项。", lv("412项", 412, "项", subject="重点项目"))
r("推广新能源公交车320辆。", lv("320辆", 320, "辆", subject="新能源公交车"))
r("建成高标准农田8.6万亩。", lv("8.6万亩", 86000, "亩", subject="高标准农田"))
r("新建改建农村公路265公里。", lv("265公里", 265, "公里", subject="农村公路"))
r("新增分布式光伏装机4.8万千瓦。", lv("4.8万千瓦", 48000, "千瓦", subject="光伏"))
r("改造老旧小区住宅126万平方米。", lv("126万平方米", 1.26e6, "平方米"))
r("入境游客达到38.2万人次。", lv("38.2万人次", 382000, "人次", subject="入境游客"))
r("筹集保障性租赁住房3200套（间）。", lv("3200套（间）", 3200, "套（间）", subject="保障性租赁住房"))
r("推广应用农机具1500台（套）。", lv("1500台（套）", 1500, "台（套）", subject="农机具"))
r("新建改扩建中小学校11所。", lv("11所", 11, "所", subject="中小学校"))
r("新增养老机构床位860张。", lv("860张", 860, "张", subject="床位"))
r("完成农村危房改造420户。", lv("420户", 420, "户", subject="危房改造"))
r("建成跨江大桥2座。", lv("2座", 2, "座", subject="跨江大桥"))
r("新开通城市公交线路14条。", lv("14条", 14, "条", subject="公交线路"))
r("新增营运船舶23艘。", lv("23艘", 23, "艘", subject="营运船舶"))
r("江川机场航空器起降1.8万架次。", lv("1.8万架次", 18000, "架次", subject="起降"))
r("开行中欧班列126列。", lv("126列", 126, "列", subject="中欧班列"))
r("举办文化惠民演出560场。", lv("560场", 560, "场", subject="文化惠民演出"))
r("开展安全生产检查2.4万次。", lv("2.4万次", 24000, "次", subject="安全生产检查"))
r("招录特岗教师230名。", lv("230名", 230, "名", subject="特岗教师"))
r("办结群众信访事项1860件。", lv("1860件", 1860, "件", subject="信访事项"))
r("种植苗木12万株。", lv("12万株", 120000, "株", subject="苗木"))
r("生猪出栏86.5万头。", lv("86.5万头", 865000, "头", subject="生猪出栏"))
r("牛羊存栏38.6万头（只）。", lv("38.6万头（只）", 386000, "头（只）", subject="牛羊存栏"))
r("新装路灯2600盏。", lv("2600盏", 2600, "盏", subject="路灯"))
r("改造农贸市场18处。", lv("18处", 18, "处", subject="农贸市场"))
r("完成土地出让15宗。", lv("15宗", 15, "宗", subject="土地出让"))
r("开设职业技能培训课程120门。", lv("120门", 120, "门", subject="课程"))
r("新增图书馆藏书5.3万册。", lv("5.3万册", 53000, "册", subject="藏书"))
r("种植行道树3600棵。", lv("3600棵", 3600, "棵", subject="行道树"))
r("建成人才公寓560间。", lv("560间", 560, "间", subject="人才公寓"))
r("实现8类证照电子化。", lv("8类", 8, "类", subject="证照"))
r("清运生活垃圾48万吨。", lv("48万吨", 480000, "吨", subject="生活垃圾"))
r("完成造林1.2万公顷。", lv("1.2万公顷", 12000, "公顷", subject="造林"))
r("新建雨污管网35.6千米。", lv("35.6千米", 35.6, "千米", subject="雨污管网"))
r("新建堤防2847米。", lv("2847米", 2847, "米", subject="堤防"))
r("建成储能电站总装机120兆瓦。", lv("120兆瓦", 120, "兆瓦"))
r("完成土石方开挖260万立方米。", lv("260万立方米", 2.6e6, "立方米", subject="土石方"))
r("全市算力总规模达到1200P。", lv("1200P", 1200, "P", subject="算力"))
r("水稻平均亩产达到612公斤。", lv("612公斤", 612, "公斤", subject="亩产"))
r("平均通关时间压缩至12.5小时。", lv("12.5小时", 12.5, "小时", subject="通关时间"))
r("工程建设项目审批时间压缩至45天。", lv("45天", 45, "天", subject="审批时间"))
r("完成交通运输工具检查3.2万辆（艘、架、列）次。",
  lv("3.2万辆（艘、架、列）次", 32000, "辆（艘、架、列）次"))
r("节能量达到3.2万吨标准煤。", lv("3.2万吨标准煤", 32000, "吨标准煤", subject="节能量"))
r("新增上市企业3家、新三板挂牌企业5家。",
  lv("3家", 3, "家", subject="上市企业"), lv("5家", 5, "家", subject="挂牌企业"))

# ---------------------------------------------------------------------------------------------
# Compound units as written; no magnitude in a denominator; 每X before the number stays out.
r = family("compound_units")
r("全市PM2.5平均浓度为31微克/立方米。", lv("31微克/立方米", 31, "微克/立方米", subject="PM2.5"))
r("单位地区生产总值能耗为0.42吨标准煤/万元。", lv("0.42吨标准煤/万元", 0.42, "吨标准煤/万元", subject="能耗"))
r("新增污水处理能力15万吨/日。", lv("15万吨/日", 150000, "吨/日", subject="污水处理能力"))
r("生猪收购价格为每公斤18元。", lv("18元", 18, "元", subject="生猪收购价格"))
r("能繁母猪均价达到1.2万元/头。", lv("1.2万元/头", 12000, "元/头"))
r("城市供水能力达到32万立方米/日。", lv("32万立方米/日", 320000, "立方米/日", subject="供水能力"))
r("对企业外运货物每吨补贴300元。", lv("300元", 300, "元"))
r("化学需氧量排放强度降至0.8千克/万元。", lv("0.8千克/万元", 0.8, "千克/万元", subject="化学需氧量"))

# ---------------------------------------------------------------------------------------------
# growth: percent changes, 倍, 翻番, negative words.
r = family("growth")
r("2025年1—6月，全市规上工业增加值同比增长6.2%。",
  gr("6.2%", 6.2, period=H1, modality="actual", baseline="yoy", subject="规上工业增加值"))
r("跨境电商交易额增长2倍。", gr("2倍", 200, subject="跨境电商交易额"))
r("新能源汽车产量增长1.5倍。", gr("1.5倍", 150, subject="新能源汽车产量"))
r("全市农村电商交易额实现翻一番。", gr("一番", 100, alt=("翻一番",), subject="农村电商交易额"))
r("外贸备案企业数量翻两番。", gr("两番", 300, alt=("翻两番",), subject="外贸备案企业数量"))
r("建筑业总产值下降3.2%。", gr("3.2%", -3.2, subject="建筑业总产值"))
r("房地产开发投资同比减少4.1%。", gr("4.1%", -4.1, baseline="yoy", subject="房地产开发投资"))
r("单位地区生产总值能耗降低2.8%。", gr("2.8%", -2.8, subject="能耗"))
r("猪肉价格比上年同期上涨一倍。", gr("一倍", 100, baseline="yoy", subject="猪肉价格"))
r("离岸贸易额增长超6倍。", gr("6倍", 600, qualifier="over", subject="离岸贸易额"))
r("冰雪旅游人数增长近10倍。", gr("10倍", 1000, qualifier="nearly", subject="冰雪旅游人数"))
r("工业投资增速为-2.3%。", gr("-2.3%", -2.3, alt=("2.3%",), subject="工业投资"))
r("全市居民消费价格同比上涨1.8%。", gr("1.8%", 1.8, baseline="yoy", subject="居民消费价格"))
r("社会消费品零售总额增速回升至5.8%。", gr("5.8%", 5.8, subject="社会消费品零售总额"))
r("2025年1—6月，民间投资下降1.6%，降幅比一季度收窄0.9个百分点。",
  gr("1.6%", -1.6, period=H1, subject="民间投资"), pp("0.9个百分点", 0.9, baseline=Q1, subject="民间投资"))
r("高技术制造业增加值增长15.3%。", gr("15.3%", 15.3, subject="高技术制造业增加值"))
r("工业生产者购进价格同比下跌1.9%。", gr("1.9%", -1.9, subject="工业生产者购进价格"))

# ---------------------------------------------------------------------------------------------
# ratio: shares, rates, coverage, completion; a 利率降至 is a rate, not a growth.
r = family("ratio")
r("常住人口城镇化率达到68.2%。", ra("68.2%", 68.2, subject="城镇化率"))
r("重点项目完成年度计划的56.4%。", ra("56.4%", 56.4, subject="重点项目"))
r("重点项目年度投资完成率为58%。", ra("58%", 58, subject="完成率"))
r("普惠小微贷款平均利率降至3.45%。", ra("3.45%", 3.45, subject="利率"))
r("森林覆盖率提升至62.5%。", ra("62.5%", 62.5, subject="森林覆盖率"))
r("空气质量优良天数比例为91.8%。", ra("91.8%", 91.8, subject="优良天数比例"))
r("规上工业产能利用率为78.6%。", ra("78.6%", 78.6, subject="产能利用率"))
r("三次产业结构比为6.2：38.5：55.3。", ra("6.2", 6.2), ra("38.5", 38.5), ra("55.3", 55.3))
r("城乡居民收入比缩小至2.05。", ra("2.05", 2.05, None, subject="收入比"))
r("高新技术企业数量占比达到41.3%。", ra("41.3%", 41.3, subject="高新技术企业"))
r("全市行政村5G网络覆盖率达到100%。", ra("100%", 100, subject="覆盖率"))
r("规上工业企业亏损面为12.4%。", ra("12.4%", 12.4, subject="亏损面"))
r("研发经费投入强度达到2.6%。", ra("2.6%", 2.6, subject="研发经费投入强度"))
r("一般公共预算收入中税收占比为72.3%。", ra("72.3%", 72.3, subject="税收"))

# ---------------------------------------------------------------------------------------------
# change_pp: signed change of a rate (降幅收窄 +, 增幅收窄 −, 回落 −, 负向拉动 −).
r = family("change_pp")
r("2025年，全市常住人口城镇化率达到69.1%，比上年提高1.2个百分点。",
  ra("69.1%", 69.1, subject="城镇化率"), pp("1.2个百分点", 1.2, baseline="yoy", subject="城镇化率"))
r("规上工业增加值降幅收窄2.6个百分点。", pp("2.6个百分点", 2.6, subject="规上工业增加值"))
r("出口增幅收窄1.1个百分点。", pp("1.1个百分点", -1.1, subject="出口"))
r("进口降幅扩大1.3个百分点。", pp("1.3个百分点", -1.3, subject="进口"))
r("社会消费品零售总额增速回落0.4个百分点。", pp("0.4个百分点", -0.4, subject="社会消费品零售总额"))
r("2025年1—6月，财政收入增速比一季度加快0.9个百分点。",
  pp("0.9个百分点", 0.9, baseline=Q1, subject="财政收入"))
r("工业投资拉动全市投资增长2.1个百分点。", pp("2.1个百分点", 2.1, baseline="yoy", subject="拉动"))
r("房地产投资负向拉动全市投资0.6个百分点。", pp("0.6个百分点", -0.6, subject="房地产投资"))
r("制造业增加值占地区生产总值比重下降0.8个百分点。", pp("0.8个百分点", -0.8, subject="制造业增加值"))
r("居民消费价格涨幅比上年同期回落0.5个百分点。", pp("0.5个百分点", -0.5, baseline="yoy", subject="居民消费价格"))
r("城镇调查失业率同比下降0.3个百分点。", pp("0.3个百分点", -0.3, baseline="yoy", subject="失业率"))

# ---------------------------------------------------------------------------------------------
# rank: 第N位 (位 kept when written), 首位, 第一.
r = family("rank")
r("地区生产总值增速居全省第3位。", rk("第3位", 3, subject="地区生产总值"))
r("数字经济规模位居全省首位。", rk("首位", 1, subject="数字经济规模"))
r("营商环境评价排名全省第一。", rk("第一", 1, subject="营商环境"))
r("综合实力居全国百强县第46位。", rk("第46位", 46, subject="综合实力"))
r("县域经济综合排名上升至全省第5。", rk("第5", 5))
r("全市粮食单产居全省第二。", rk("第二", 2, subject="粮食单产"))
r("江川港集装箱吞吐量46万标箱，居全省第2位。",
  lv("46万标箱", 460000, "标箱", subject="集装箱吞吐量"), rk("第2位", 2, subject="集装箱吞吐量"))
r("在全省高质量发展综合考核中排名第4位。", rk("第4位", 4))
r("专利授权量位列全省第七位。", rk("第七位", 7, subject="专利授权量"))

# ---------------------------------------------------------------------------------------------
# subjects: 分别 lists, a growth after its level, shares and ranks with no subject of their own.
r = family("subjects")
r("全市规上工业增加值、固定资产投资分别增长6.3%、4.8%。",
  gr("6.3%", 6.3, subject="规上工业增加值"), gr("4.8%", 4.8, subject="固定资产投资"))
r("城镇和农村居民人均可支配收入分别增长5.1%和6.4%。",
  gr("5.1%", 5.1, subject="城镇"), gr("6.4%", 6.4, subject="农村"))
r("新开工、竣工项目分别为186个、92个。",
  lv("186个", 186, "个", subject="新开工"), lv("92个", 92, "个", subject="竣工"))
r("力争城乡居民收入分别增长6%和7%左右。",
  gr("6%", 6, modality="target", qualifier="about"), gr("7%", 7, modality="target", qualifier="about"))
r("江川博物馆和美术馆接待观众分别达15万、18万人次。",
  lv("15万", 150000, "人次", subject="博物馆"), lv("18万人次", 180000, "人次", subject="美术馆"))
r("实现社会消费品零售总额612.4亿元，增长5.2%。",
  lv("612.4亿元", 6.124e10, "元", subject="社会消费品零售总额"), gr("5.2%", 5.2, subject="社会消费品零售总额"))
r("完成固定资产投资386亿元，同比增长4.1%。",
  lv("386亿元", 3.86e10, "元", subject="固定资产投资"), gr("4.1%", 4.1, baseline="yoy", subject="固定资产投资"))
r("外贸进出口总额215.6亿元、增长9.3%。",
  lv("215.6亿元", 2.156e10, "元", subject="进出口总额"), gr("9.3%", 9.3, subject="进出口总额"))
r("新能源汽车产量8.6万辆，占全省比重23.5%。",
  lv("8.6万辆", 86000, "辆", subject="新能源汽车"), ra("23.5%", 23.5, subject="新能源汽车"))
r("数字经济核心产业增加值占地区生产总值比重达到9.6%。", ra("9.6%", 9.6, subject="数字经济核心产业增加值"))
r("临江区、青石县、白沙区地区生产总值分别增长6.8%、5.9%、7.2%。",
  gr("6.8%", 6.8, subject="临江区"), gr("5.9%", 5.9, subject="青石县"), gr("7.2%", 7.2, subject="白沙区"))
r("一、二、三产业增加值分别增长3.1%、5.6%、6.2%。", gr("3.1%", 3.1), gr("5.6%", 5.6), gr("6.2%", 6.2))
r("粮食、蔬菜、水果产量分别为48.2万吨、126万吨、35.6万吨。",
  lv("48.2万吨", 482000, "吨", subject="粮食"), lv("126万吨", 1.26e6, "吨", subject="蔬菜"),
  lv("35.6万吨", 356000, "吨", subject="水果"))
r("出口额达到96亿元，占全市外贸的比重为44.5%。", lv("96亿元", 9.6e9, "元", subject="出口"),
  ra("44.5%", 44.5, subject="出口"))

# ---------------------------------------------------------------------------------------------
# periods: lead period, (下同), 月末/月底, 全年, 十四五 and 五年来, 累计, quoted earlier periods.
r = family("periods")
r("2025年1—6月，全市地区生产总值同比（下同）增长5.8%，规上工业增加值增长6.6%，固定资产投资增长4.2%。",
  gr("5.8%", 5.8, period=H1, baseline="yoy", subject="地区生产总值"),
  gr("6.6%", 6.6, period=H1, baseline="yoy", subject="规上工业增加值"),
  gr("4.2%", 4.2, period=H1, baseline="yoy", subject="固定资产投资"))
r("2025年1—9月，全市进出口总额增长11.2%。", gr("11.2%", 11.2, period="2025-01/2025-09"))
r("2025年一季度，全市地区生产总值增长5.1%。", gr("5.1%", 5.1, period=Q1))
r("2024年，全市规上工业增加值增长7.3%。", gr("7.3%", 7.3, period=Y2024))
r("2025年上半年，全市社会消费品零售总额增长4.9%。", gr("4.9%", 4.9, period=H1))
r("2025年前三季度，全市一般公共预算收入增长3.6%。", gr("3.6%", 3.6, period="2025-01/2025-09"))
r("2025年6月末，全市金融机构人民币贷款余额4,860亿元，同比增长7.9%。",
  lv("4,860亿元", 4.86e11, "元", period="2025-06-30", subject="贷款余额"),
  gr("7.9%", 7.9, period="2025-06-30", baseline="yoy", subject="贷款余额"))
r("截至2025年6月底，全市登记在册经营主体42.6万户。", lv("42.6万户", 426000, "户", period="2025-06-30"))
r("2025年3月末，全市住户存款余额2,150亿元。", lv("2,150亿元", 2.15e11, "元", period="2025-03-31"))
r("2024年末，全市常住人口312.6万人。", lv("312.6万人", 3126000, "人", period="2024-12-31"))
r("2025年1—6月，全市地区生产总值增长5.6%，预计全年增长5.5%左右。",
  gr("5.6%", 5.6, period=H1, modality="actual"),
  gr("5.5%", 5.5, period=Y2025, modality="actual", qualifier="about"))
r("“十四五”时期，全市地区生产总值年均增长6.1%。", gr("6.1%", 6.1, period=FIVE_YEARS, baseline="avg_annual"))
r("2025年是“十四五”收官之年。五年来，全市居民人均可支配收入年均增长6.8%。",
  gr("6.8%", 6.8, period=FIVE_YEARS, baseline="avg_annual"))
r("2025年1—6月，全市新开工项目215个。全市累计建成公共充电桩1.2万个。",
  lv("215个", 215, "个", period=H1), lv("1.2万个", 12000, "个", period=None, subject="充电桩"))
r("2024年，全市全年累计化解存量债务3.2亿元。", lv("3.2亿元", 3.2e8, "元", period=Y2024))
r("“十四五”期间，全市累计完成固定资产投资5200亿元。", lv("5200亿元", 5.2e11, "元", period=FIVE_YEARS))
r("2025年，全市研发经费投入比2020年增长68%。", gr("68%", 68, period=FIVE_YEARS, baseline="2020"))
r("2025年6月末，全市人民币存款余额5,320亿元，较上年末增长6.2%。",
  lv("5,320亿元", 5.32e11, "元", period="2025-06-30"),
  gr("6.2%", 6.2, period="2025-06-30", baseline="2024-12-31"))
r("2025年6月底，全市实有经营主体较2024年底增长3.5%。",
  gr("3.5%", 3.5, period="2025-06-30", baseline="2024-12-31"))
r("2024年，全市地区生产总值增长5.6%，比前三季度加快0.3个百分点。",
  gr("5.6%", 5.6, period=Y2024), pp("0.3个百分点", 0.3, period=Y2024, baseline="2024-01/2024-09"))
r("2025年1—6月，全市规上工业增加值增长6.1%（上年同期为下降2.1%）。",
  gr("6.1%", 6.1, period=H1), gr("2.1%", -2.1, period="2024-01/2024-06", baseline="yoy"))
r("2025年1—9月，全市新增经营主体数量比2024年全年增长12%。",
  gr("12%", 12, period="2025-01/2025-09", baseline="2024"))
r("2025年1—6月，全市新增城镇就业2.6万人，完成全年目标的65%。",
  lv("2.6万人", 26000, "人", period=H1), ra("65%", 65, period=H1))

# ---------------------------------------------------------------------------------------------
# modality: cue words and the section a phrase stands in.
r = family("modality")
r("下半年，力争规上工业增加值增长7%。", gr("7%", 7, modality="target", subject="规上工业增加值"))
r("力争全年新增城镇就业4万人。", lv("4万人", 40000, "人", modality="target"))
r("2026年全市经济社会发展的主要预期目标是：地区生产总值增长5.5%左右。",
  gr("5.5%", 5.5, modality="target", period=Y2026, qualifier="about", baseline="yoy", subject="地区生产总值"))
r("确保粮食总产量稳定在12亿斤以上。", lv("12亿斤", 1.2e9, "斤", modality="target", qualifier="over"))
r("下半年，计划新开工项目120个。", lv("120个", 120, "个", modality="plan"))
r("拟安排地方政府专项债券资金35亿元。", lv("35亿元", 3.5e9, "元", modality="plan"))
r("下一步，全市将实施城市更新项目46个。", lv("46个", 46, "个", modality="plan"))
r("二、下一步工作打算\n加快推进城市更新，改造老旧小区86个，新建公共停车位3000个。",
  lv("86个", 86, "个", modality="plan"), lv("3000个", 3000, "个", modality="plan"))
r("一、上半年工作进展\n加快推进城市更新，改造老旧小区86个，新建公共停车位3000个。",
  lv("86个", 86, "个", modality="actual"), lv("3000个", 3000, "个", modality="actual"))
r("三、2026年主要预期目标\n地区生产总值增长5%左右；城镇新增就业3.5万人以上。",
  gr("5%", 5, modality="target", period=Y2026, qualifier="about"),
  lv("3.5万人", 35000, "人", modality="target", qualifier="over"))
r("2025年1—6月，全市地区生产总值增长5.6%，预计全年增长5.3%。",
  gr("5.6%", 5.6, modality="actual"), gr("5.3%", 5.3, modality="actual", period=Y2025))
r("争取全年实际使用外资3亿美元。", lv("3亿美元", 3e8, "美元", modality="target"))
r("年度目标是新建5G基站1000个。", lv("1000个", 1000, "个", modality="target", subject="基站"))
r("力争研发经费投入增长10%以上。", gr("10%", 10, modality="target", qualifier="over"))
r("下半年，将新建改建农村公路300公里。", lv("300公里", 300, "公里", modality="plan"))
r("2025年全年计划完成投资420亿元，1—6月已完成235.6亿元，占年度计划的56.1%。",
  lv("420亿元", 4.2e10, "元", modality="plan"), lv("235.6亿元", 2.356e10, "元", modality="actual"),
  ra("56.1%", 56.1, modality="actual"))
r("目标：到2027年，全市数字经济核心产业增加值占比达到12%。", ra("12%", 12, modality="target"))
r("二、下半年工作打算\n（一）扩大有效投资\n全年新开工亿元以上项目80个。", lv("80个", 80, "个", modality="plan"))
r("一、上半年经济运行情况\n（一）工业生产\n2025年1—6月，全市规上工业增加值增长6.7%。",
  gr("6.7%", 6.7, modality="actual", period=H1))

# ---------------------------------------------------------------------------------------------
# qualifiers: outside the span, mapped to over / nearly / about / under / at_least.
r = family("qualifiers")
r("实际使用外资超2亿美元。", lv("2亿美元", 2e8, "美元", qualifier="over"))
r("研发经费投入超过50亿元。", lv("50亿元", 5e9, "元", qualifier="over"))
r("完成重点项目投资100亿元以上。", lv("100亿元", 1e10, "元", qualifier="over"))
r("吸纳高校毕业生就业逾1.5万人。", lv("1.5万人", 15000, "人", qualifier="over"))
r("全年旅游收入突破300亿元。", lv("300亿元", 3e10, "元", qualifier="over", subject="旅游收入"))
r("建成农村互助养老点近800个。", lv("800个", 800, "个", qualifier="nearly"))
r("城市生活垃圾分类覆盖率接近90%。", ra("90%", 90, qualifier="nearly"))
r("全市将近4万户家庭享受住房补贴。", lv("4万户", 40000, "户", qualifier="nearly"))
r("住房补贴惠及约2.5万人。", lv("2.5万人", 25000, "人", qualifier="about"))
r("地区生产总值增长5%左右。", gr("5%", 5, qualifier="about"))
r("亏损企业占比不到3%。", ra("3%", 3, qualifier="under"))
r("城镇登记失业率控制在3%以下。", ra("3%", 3, qualifier="under"))
r("耕地保有量不低于186万亩。", lv("186万亩", 1.86e6, "亩", qualifier="at_least", subject="耕地保有量"))
r("至少新增普惠托位1000个。", lv("1000个", 1000, "个", qualifier="at_least"))
r("城镇调查失业率控制在5.5%以内。", ra("5.5%", 5.5, qualifier="under"))
r("地区生产总值跃上2000亿元新台阶。", lv("2000亿元", 2e11, "元", qualifier="over"))
r("全市经济总量迈上3千亿元台阶。", lv("3千亿元", 3e11, "元", qualifier="over"))
r("万元工业增加值用水量低于12立方米。", lv("12立方米", 12, "立方米", qualifier="under", subject="用水量"))
r("完成造林面积约3.2万亩。", lv("3.2万亩", 32000, "亩", qualifier="about"))
r("普惠性幼儿园覆盖率达到90%以上。", ra("90%", 90, qualifier="over"))
r("全市规上工业增加值增长6.5%，增速居全省第2位。",
  gr("6.5%", 6.5, qualifier=None), rk("第2位", 2, qualifier=None))

# ---------------------------------------------------------------------------------------------
# baselines: yoy cues and default, avg_annual, explicit references.
r = family("baselines")
r("全市规上工业增加值比上年增长6.5%。", gr("6.5%", 6.5, baseline="yoy"))
r("一般公共预算收入比上年同期增长3.2%。", gr("3.2%", 3.2, baseline="yoy"))
r("全社会用电量比同期增长5.4%。", gr("5.4%", 5.4, baseline="yoy"))
r("规上工业企业利润总额同口径增长10.6%。", gr("10.6%", 10.6, baseline="yoy"))
r("2025年1—6月，全市工业投资增长9.7%。", gr("9.7%", 9.7, baseline="yoy", period=H1))
r("2021—2025年，全市一般公共预算收入年均增长4.6%。", gr("4.6%", 4.6, baseline="avg_annual", period=FIVE_YEARS))
r("农村居民人均可支配收入年均增长7.2%。", gr("7.2%", 7.2, baseline="avg_annual"))
r("2025年，全市森林蓄积量较2020年增长25%。", gr("25%", 25, baseline="2020", period=FIVE_YEARS))
r("2025年1—6月，全市工业用电量增速比一季度提高2.1个百分点。", pp("2.1个百分点", 2.1, baseline=Q1))
r("2024年，全市金融机构存款余额较2023年底增长8.4%。", gr("8.4%", 8.4, baseline="2023-12-31", period="2024-12-31"))
r("全市规上工业增加值同比增长5.9%，比全省平均水平高0.8个百分点。", gr("5.9%", 5.9, baseline="yoy"),
  exact=False, note="the gap to the provincial average is left open")

# ---------------------------------------------------------------------------------------------
# Absolute changes: an amount (not % or 个百分点) after 增加/减少/提高/增收/调减 → level, positive, baseline null.
r = family("absolute_changes")
r("全市税收收入比上年增加8.6亿元。", lv("8.6亿元", 8.6e8, "元", baseline=None, subject="增加"))
r("住户存款余额较年初增加356亿元。", lv("356亿元", 3.56e10, "元", baseline=None, subject="增加"))
r("农村居民人均可支配收入增收1260元。", lv("1260元", 1260, "元", baseline=None, subject="增收"))
r("一般性支出调减2.3亿元。", lv("2.3亿元", 2.3e8, "元", baseline=None, subject="调减"))
r("汽车零部件出口比上年同期减少1.2亿美元。", lv("1.2亿美元", 1.2e8, "美元", baseline=None, subject="减少"))
r("水稻亩产提高12.5公斤。", lv("12.5公斤", 12.5, "公斤", baseline=None, subject="提高"))
r("闲置低效用地减少1.6万亩。", lv("1.6万亩", 16000, "亩", baseline=None, subject="减少"))
r("工业用电量增加5.2亿千瓦时，增长7.4%。",
  lv("5.2亿千瓦时", 5.2e8, "千瓦时", baseline=None, subject="增加"), gr("7.4%", 7.4))

# ---------------------------------------------------------------------------------------------
# Index numbers (上年 = 100) → level 指数; the change after it is its own growth.
r = family("index_numbers")
r("全市居民消费价格指数为101.2，同比上涨1.2%。",
  lv("101.2", 101.2, "指数", subject="居民消费价格"), gr("1.2%", 1.2, baseline="yoy", subject="居民消费价格"))
r("工业生产者出厂价格指数为97.6，下降2.4%。", lv("97.6", 97.6, "指数"), gr("2.4%", -2.4))
r("新建商品住宅销售价格指数为98.3。", lv("98.3", 98.3, "指数", subject="销售价格"))
r("2025年1—6月，全市农产品生产者价格指数为103.5。", lv("103.5", 103.5, "指数", period=H1))

# ---------------------------------------------------------------------------------------------
# 从X提高到Y: two facts of one measure, no baseline.
r = family("from_to")
r("全市污水处理率从92.1%提高到96.5%。", ra("92.1%", 92.1, baseline=None), ra("96.5%", 96.5, baseline=None))
r("“十四五”时期，全市森林覆盖率从58.2%提高到61.4%。",
  ra("58.2%", 58.2, baseline=None, period="2020-12-31"), ra("61.4%", 61.4, baseline=None))
r("常住人口城镇化率由65.3%上升至68.9%。", ra("65.3%", 65.3, baseline=None), ra("68.9%", 68.9, baseline=None))
r("工程建设项目审批时间从120天压缩到60天。", lv("120天", 120, "天"), lv("60天", 60, "天"))
r("高新技术企业从286家增加到512家。", lv("286家", 286, "家", baseline=None), lv("512家", 512, "家", baseline=None))

# ---------------------------------------------------------------------------------------------
# Streaks 连续N年/个月 → level; period = the lead period of the passage.
r = family("streaks")
r("2024年，全市出口额连续5年居全省首位。", lv("5年", 5, "年", period=Y2024), rk("首位", 1, period=Y2024))
r("2025年1—6月，全市社会消费品零售总额连续6个月保持正增长。", lv("6个月", 6, "个月", period=H1))
r("江川市连续三年获评全省营商环境标杆城市。", lv("三年", 3, "年"))
r("2024年，全市空气质量优良天数比例连续4年保持在90%以上。",
  lv("4年", 4, "年", nth=1, period=Y2024), ra("90%", 90, qualifier="over", period=Y2024))

# ---------------------------------------------------------------------------------------------
# Not counts next to counts: thresholds, N大 labels and specs stay out; the count stays in.
r = family("counts_next_to_labels")
r("亿元以上项目52个。", lv("52个", 52, "个"))
r("做强五大产业集群，集群规模达到3200亿元。", lv("3200亿元", 3.2e11, "元", subject="集群规模"))
r("新建2座500千伏变电站。", lv("2座", 2, "座"))
r("建成12英寸晶圆生产线1条。", lv("1条", 1, "条"))
r("新增4家4A级旅游景区。", lv("4家", 4, "家"))
r("年产值超10亿元的龙头企业达到18家。", lv("18家", 18, "家", subject="龙头企业"))
r("布设24小时自助服务网点85个。", lv("85个", 85, "个"))
r("打造15分钟便民生活圈32个。", lv("32个", 32, "个"))
r("全市二级以上医院达到26家。", lv("26家", 26, "家"))
r("三江口镇新建农村公路12公里。", lv("12公里", 12, "公里", subject="农村公路"))
r("新增三甲医院1家。", lv("1家", 1, "家"))
r("江川一中、江川二中新建教学楼2栋。", lv("2栋", 2, "栋", subject="教学楼"))
r("新建110千伏变电站3座。", lv("3座", 3, "座"))
r("三级医院平均住院日缩短至7.6天。", lv("7.6天", 7.6, "天", subject="平均住院日"))
r("临江区位居全国百强区第28位。", rk("第28位", 28))
r("2025年前5个月，全市进出口增长9.1%。", gr("9.1%", 9.1, period="2025-01/2025-05", subject="进出口"))


# ---------------------------------------------------------------------------------------------
# ASCII punctuation: some reports are typed with half-width commas, colons and brackets.
r = family("ascii_punctuation")
r("2025年1—6月,全市地区生产总值同比(下同)增长5.4%,规上工业增加值增长6.0%。",
  gr("5.4%", 5.4, period=H1, baseline="yoy", subject="地区生产总值"),
  gr("6.0%", 6.0, period=H1, baseline="yoy", subject="规上工业增加值"))
r("全市新增城镇就业2.4万人,同比增长3.1%。",
  lv("2.4万人", 24000, "人", subject="城镇就业"), gr("3.1%", 3.1, baseline="yoy", subject="城镇就业"))
r("临江区、白沙区一般公共预算收入分别增长4.2%、5.7%。",
  gr("4.2%", 4.2, subject="临江区"), gr("5.7%", 5.7, subject="白沙区"))
r("主要预期目标:地区生产总值增长5.5%左右。", gr("5.5%", 5.5, modality="target", qualifier="about"))
r("三次产业结构比为5.8:37.9:56.3。", ra("5.8", 5.8), ra("37.9", 37.9), ra("56.3", 56.3))

# ---------------------------------------------------------------------------------------------
# Document context: the lead period and the section carry across paragraphs and headings.
r = family("document_context")
r("江川市2025年1—6月经济运行情况\n一、工业生产\n全市规上工业增加值增长6.0%。\n二、固定资产投资\n全市固定资产投资增长3.9%。",
  gr("6.0%", 6.0, period=H1, modality="actual", subject="规上工业增加值"),
  gr("3.9%", 3.9, period=H1, modality="actual", subject="固定资产投资"))
r("一、2024年工作回顾\n全市地区生产总值增长5.2%。\n二、2025年主要预期目标\n地区生产总值增长5%左右。",
  gr("5.2%", 5.2, period=Y2024, modality="actual"),
  gr("5%", 5, period=Y2025, modality="target", qualifier="about"))
r("一、上半年工作进展\n2025年1—6月，全市新建5G基站1200个。\n二、下半年工作打算\n新建5G基站800个。",
  lv("1200个", 1200, "个", period=H1, modality="actual"), lv("800个", 800, "个", modality="plan"))
r("2025年1—6月，全市经济运行稳中有进。\n农业生产形势较好，夏粮产量46.2万吨，增长1.3%。",
  lv("46.2万吨", 462000, "吨", period=H1, subject="夏粮产量"), gr("1.3%", 1.3, period=H1, subject="夏粮产量"))
r("2025年1—6月，全市外贸保持增长。\n6月末，全市外贸备案企业2,860家。",
  lv("2,860家", 2860, "家", period="2025-06-30"))


# =============================================================================================
# Second batch: the same rules in other words, so that the table tests the rule and not the phrase.
Q2 = "2025-04/2025-06"
M5 = "2025-01/2025-05"

r = family("arabic")
r("全市地区生产总值达到2,034.56亿元。", lv("2,034.56亿元", 2.03456e11, "元", subject="地区生产总值"))
r("工业技改投资完成88.7亿元，增长12.3%。",
  lv("88.7亿元", 8.87e9, "元", subject="工业技改投资"), gr("12.3%", 12.3, subject="工业技改投资"))
r("全年接待过夜游客860.5万人次，实现旅游综合收入1,086亿元。",
  lv("860.5万人次", 8605000, "人次", subject="过夜游客"), lv("1,086亿元", 1.086e11, "元", subject="旅游综合收入"))

r = family("fullwidth")
r("新增城镇就业１．２万人。", lv("１．２万人", 12000, "人", subject="城镇就业"))
r("快递业务量增长２３．６％。", gr("２３．６％", 23.6, subject="快递业务量"))

r = family("chinese_numerals")
r("建成四个省级现代农业产业园。", lv("四个", 4, "个", subject="产业园"))
r("新增国家级高新技术企业一百三十七家。", lv("一百三十七家", 137, "家", subject="高新技术企业"))
r("新建和改扩建幼儿园十二所。", lv("十二所", 12, "所", subject="幼儿园"))
r("共接待研学团队一千五百批次。", lv("一千五百批次", 1500, "批次", subject="研学团队"))
r("新植各类树木五十万株。", lv("五十万株", 500000, "株", subject="树木"))
r("全县实现农业总产值三十二亿元。", lv("三十二亿元", 3.2e9, "元", subject="农业总产值"))
r("引进博士研究生九十名。", lv("九十名", 90, "名", subject="博士研究生"))

r = family("ranges")
r("每周开行国际货运航班3—4班。", lv("3", 3, "班"), lv("4班", 4, "班"))
r("新增城镇就业3万—3.5万人。", lv("3万", 30000, "人"), lv("3.5万人", 35000, "人"))
r("居民消费价格涨幅控制在2%—3%。",
  gr("2%", 2, qualifier=None, subject="居民消费价格"), gr("3%", 3, qualifier=None, subject="居民消费价格"))

r = family("yu_duo")
r("组织各类技能培训800余期。", lv("800余期", 800, "期", qualifier="over"))
r("建成村级寄递物流综合服务站600多个。", lv("600多个", 600, "个", qualifier="over", subject="服务站"))
r("惠及群众30多万人。", lv("30多万人", 300000, "人", qualifier="over"))
r("接待游客1000余万人次。", lv("1000余万人次", 1e7, "人次", qualifier="over", subject="游客"))
r("新增停车位八千余个。", lv("八千余个", 8000, "个", qualifier="over", subject="停车位"))

r = family("fractions")
r("全市近三分之二的行政村通了天然气。", ra("三分之二", 200 / 3, qualifier="nearly"))
r("税收收入占一般公共预算收入的比重为八成。", ra("八成", 80, subject="税收收入"))
r("江川港货物吞吐量占全省的1/3。", ra("1/3", 100 / 3, subject="货物吞吐量"))
r("民营经济贡献了超过4成的地区生产总值。", ra("4成", 40, qualifier="over"))

r = family("growth")
r("新能源汽车销量增长3倍。", gr("3倍", 300, subject="新能源汽车销量"))
r("跨境电商进出口额增长2.5倍。", gr("2.5倍", 250, subject="跨境电商进出口额"))
r("规上服务业企业营业收入同比下降0.6%。", gr("0.6%", -0.6, baseline="yoy", subject="营业收入"))
r("商品房销售面积下滑8.1%。", gr("8.1%", -8.1, subject="商品房销售面积"))
r("生猪出栏价格同比回落12.3%。", gr("12.3%", -12.3, baseline="yoy", subject="生猪出栏价格"))
r("规上工业增加值同比增长8%，增速比上年同期提高1.5个百分点。",
  gr("8%", 8, baseline="yoy", subject="规上工业增加值"),
  pp("1.5个百分点", 1.5, baseline="yoy", subject="规上工业增加值"))

r = family("ratio")
r("金融机构不良贷款率为1.12%。", ra("1.12%", 1.12, subject="不良贷款率"))
r("规上工业企业研发机构覆盖率达到45%。", ra("45%", 45, subject="覆盖率"))
r("服务业对经济增长的贡献率为56.4%。", ra("56.4%", 56.4, subject="贡献率"))
r("全市农村自来水普及率97.5%。", ra("97.5%", 97.5, subject="普及率"))

r = family("change_pp")
r("2025年1—6月，全市规上工业增加值增长6.3%，增速比1—5月加快0.6个百分点。",
  gr("6.3%", 6.3, period=H1), pp("0.6个百分点", 0.6, baseline=M5, subject="规上工业增加值"))
r("2025年1—6月，全市房地产开发投资下降9.4%，降幅比1—5月收窄1.4个百分点。",
  gr("9.4%", -9.4, period=H1), pp("1.4个百分点", 1.4, baseline=M5, subject="房地产开发投资"))
r("第三产业拉动经济增长3.1个百分点。", pp("3.1个百分点", 3.1, baseline="yoy", subject="拉动"))

r = family("rank")
r("规上工业增加值增速排名全省第6位。", rk("第6位", 6, subject="规上工业增加值"))
r("农产品出口规模居全省第一位。", rk("第一位", 1, subject="农产品出口"))
r("经济总量稳居全省第二位。", rk("第二位", 2, subject="经济总量"))
r("科技创新指数位列全国城市第15。", rk("第15", 15, subject="科技创新指数"))

r = family("subjects")
r("规上工业增加值、社会消费品零售总额、进出口总额分别增长7.1%、4.6%和12.8%。",
  gr("7.1%", 7.1, subject="规上工业增加值"), gr("4.6%", 4.6, subject="社会消费品零售总额"),
  gr("12.8%", 12.8, subject="进出口总额"))
r("城镇、农村居民人均可支配收入分别达到41,230元、22,680元。",
  lv("41,230元", 41230, "元", subject="城镇"), lv("22,680元", 22680, "元", subject="农村"))
r("小学、初中入学率分别为100%、99.8%。", ra("100%", 100, subject="小学"), ra("99.8%", 99.8, subject="初中"))
# the verb of doing that opens a subject is not the thing counted; 新增/新开工/签约 make categories
r("建成口袋公园一百零五个。", lv("一百零五个", 105, "个", subject_is="口袋公园"))
r("全市培育专精特新企业48家。", lv("48家", 48, "家", subject_is="专精特新企业"))
r("排查燃气安全隐患1.3万处。", lv("1.3万处", 13000, "处", subject_is="燃气安全隐患"))
r("推进实施老旧小区改造126个。", lv("126个", 126, "个", subject_is="老旧小区改造"))
r("提质建设滨江绿道45公里。", lv("45公里", 45, "公里", subject_is="滨江绿道"))
r("开展职业技能培训2.6万人次。", lv("2.6万人次", 26000, "人次", subject_is="职业技能培训"))
r("新开工项目215个。", lv("215个", 215, "个", subject_is="新开工项目"))
r("新增城镇就业3.2万人。", lv("3.2万人", 32000, "人", subject_is="新增城镇就业"))
r("建设用地规模控制在120平方公里以内。", lv("120平方公里", 120, "平方公里", subject="建设用地"))
# a reporting verb inside the subject goes: 第一产业实现增加值 → 第一产业增加值
r("第一产业实现增加值42.6亿元，增长3.8%。",
  lv("42.6亿元", 4.26e9, "元", subject_is="第一产业增加值"), gr("3.8%", 3.8, subject_is="第一产业增加值"))
r("限额以上批零企业实现零售额52.1亿元。", lv("52.1亿元", 5.21e9, "元", subject_is="限额以上批零企业零售额"))

r = family("periods")
r("2025年1—5月，全市工业用电量增长7.7%。", gr("7.7%", 7.7, period=M5))
r("2025年第一季度，全市地区生产总值增长5.3%。", gr("5.3%", 5.3, period=Q1))
r("2025年二季度，全市地区生产总值增长5.7%。", gr("5.7%", 5.7, period=Q2))
r("2024年底，全市5G基站总数达到1.2万个。", lv("1.2万个", 12000, "个", period="2024-12-31"))
r("2025年3月底，全市实有经营主体41.8万户。", lv("41.8万户", 418000, "户", period="2025-03-31"))
r("2025年9月末，全市金融机构本外币贷款余额5,010亿元。", lv("5,010亿元", 5.01e11, "元", period="2025-09-30"))
r("2024年全年，全市新增城镇就业3.6万人。", lv("3.6万人", 36000, "人", period=Y2024))

r = family("modality")
r("2025年下半年，全市将重点抓好稳增长工作，力争全年地区生产总值增长5.5%。",
  gr("5.5%", 5.5, modality="target", period=Y2025))
r("计划年内新增5G基站2000个。", lv("2000个", 2000, "个", modality="plan"))
r("拟新建市级公园3个。", lv("3个", 3, "个", modality="plan"))
r("预期城镇新增就业3.2万人。", lv("3.2万人", 32000, "人", modality="target"))
r("一般公共预算收入目标为增长4%。", gr("4%", 4, modality="target"))
r("三、下半年重点工作\n新建改造城市燃气管网120公里。", lv("120公里", 120, "公里", modality="plan"))
r("二、2026年经济社会发展的主要目标\n城镇新增就业3.6万人。",
  lv("3.6万人", 36000, "人", modality="target", period=Y2026))

r = family("qualifiers")
r("服务业增加值约占地区生产总值的56%。", ra("56%", 56, qualifier="about"))
r("新增各类经营主体超1.2万家。", lv("1.2万家", 12000, "家", qualifier="over"))
r("新增城镇就业2万人左右。", lv("2万人", 20000, "人", qualifier="about"))
r("研发投入强度将近3%。", ra("3%", 3, qualifier="nearly"))

r = family("baselines")
r("2025年，全市常住人口城镇化率比2019年提高6.2个百分点。", pp("6.2个百分点", 6.2, baseline="2019"))
r("规上工业增加值同比增长7.4%。", gr("7.4%", 7.4, baseline="yoy"))

r = family("absolute_changes")
r("全市工业固体废物产生量比上年减少2.1万吨。", lv("2.1万吨", 21000, "吨", baseline=None, subject="减少"))
r("新增贷款比上年同期多增56亿元。", lv("56亿元", 5.6e9, "元", baseline=None, subject="多增"))

r = family("index_numbers")
r("全市居民消费价格总指数为100.8。", lv("100.8", 100.8, "指数", subject="居民消费价格"))

r = family("from_to")
r("全市森林覆盖率从2020年的58%提高到2025年的63%。", ra("58%", 58, baseline=None), ra("63%", 63, baseline=None))
r("不动产登记办理时间由1.5天缩短至0.5天。", lv("1.5天", 1.5, "天"), lv("0.5天", 0.5, "天"))

r = family("streaks")
r("全市外贸进出口连续12个月保持增长。", lv("12个月", 12, "个月"))
r("江川市连续两年获评全省文明城市。", lv("两年", 2, "年"))


# ---------------------------------------------------------------------------------------------
# Sentences as reports write them: several rules at once.
r = family("report_sentences")
r("2025年1—6月，全市完成固定资产投资682.4亿元，同比增长4.6%，其中工业投资增长11.2%，"
  "占全部投资的比重为32.5%，比上年同期提高2.1个百分点。",
  lv("682.4亿元", 6.824e10, "元", period=H1, subject="固定资产投资"),
  gr("4.6%", 4.6, period=H1, baseline="yoy", subject="固定资产投资"),
  gr("11.2%", 11.2, period=H1, subject="工业投资"),
  ra("32.5%", 32.5, period=H1, subject="工业投资"),
  pp("2.1个百分点", 2.1, baseline="yoy"))
r("2025年1—6月，全市社会消费品零售总额达到836.7亿元，增长5.1%，增速比一季度回落0.3个百分点。",
  lv("836.7亿元", 8.367e10, "元", period=H1, subject="社会消费品零售总额"),
  gr("5.1%", 5.1, period=H1, subject="社会消费品零售总额"),
  pp("0.3个百分点", -0.3, baseline=Q1, subject="社会消费品零售总额"))
r("全市城镇新增就业2.86万人，完成年度目标的71.5%；城镇调查失业率为5.2%。",
  lv("2.86万人", 28600, "人", subject="城镇新增就业"), ra("71.5%", 71.5), ra("5.2%", 5.2, subject="失业率"))
r("2024年，全市粮食播种面积稳定在186万亩以上，总产量达到78.6万吨，增长1.2%，连续5年保持稳产增产。",
  lv("186万亩", 1.86e6, "亩", qualifier="over", subject="粮食播种面积"),
  lv("78.6万吨", 786000, "吨", period=Y2024, subject="总产量"),
  gr("1.2%", 1.2, period=Y2024), lv("5年", 5, "年", nth=0, period=Y2024))
r("江川港完成货物吞吐量1.26亿吨、集装箱吞吐量52.3万标箱，分别增长6.8%和15.2%。",
  lv("1.26亿吨", 1.26e8, "吨", subject="货物吞吐量"), lv("52.3万标箱", 523000, "标箱", subject="集装箱吞吐量"),
  gr("6.8%", 6.8, subject="货物吞吐量"), gr("15.2%", 15.2, subject="集装箱吞吐量"))
r("新签约亿元以上项目86个、总投资1,260亿元，其中10亿元以上项目21个。",
  lv("86个", 86, "个"), lv("1,260亿元", 1.26e11, "元", subject="总投资"), lv("21个", 21, "个"))
r("全市高新技术企业达到1,286家，科技型中小企业入库2,350家，分别增长18.6%、22.4%。",
  lv("1,286家", 1286, "家", subject="高新技术企业"), lv("2,350家", 2350, "家", subject="科技型中小企业"),
  gr("18.6%", 18.6, subject="高新技术企业"), gr("22.4%", 22.4, subject="科技型中小企业"))
r("下半年，力争新开工亿元以上项目100个以上，全年固定资产投资增长5%左右。",
  lv("100个", 100, "个", modality="target", qualifier="over"),
  gr("5%", 5, modality="target", qualifier="about", subject="固定资产投资"))
r("2025年1—6月，全市经济稳中有进。预计全年地区生产总值增长5.5%左右，一般公共预算收入增长3%左右。",
  gr("5.5%", 5.5, period=Y2025, modality="actual", qualifier="about", subject="地区生产总值"),
  gr("3%", 3, period=Y2025, modality="actual", qualifier="about", subject="一般公共预算收入"))
r("全市PM2.5平均浓度为28微克/立方米，同比下降6.7%；空气质量优良天数比例达到92.3%，同比提高1.6个百分点。",
  lv("28微克/立方米", 28, "微克/立方米", subject="PM2.5"), gr("6.7%", -6.7, baseline="yoy", subject="PM2.5"),
  ra("92.3%", 92.3, subject="优良天数比例"), pp("1.6个百分点", 1.6, baseline="yoy", subject="优良天数比例"))
r("城乡居民人均可支配收入分别达到24,560元和13,210元，分别增长4.8%和6.9%。",
  lv("24,560元", 24560, "元", subject="收入"), lv("13,210元", 13210, "元", subject="收入"),
  gr("4.8%", 4.8, subject="收入"), gr("6.9%", 6.9, subject="收入"))
r("全市规上工业企业实现营业收入1,526.8亿元、利润总额96.4亿元，分别增长6.1%、9.8%。",
  lv("1,526.8亿元", 1.5268e11, "元", subject="营业收入"), lv("96.4亿元", 9.64e9, "元", subject="利润总额"),
  gr("6.1%", 6.1, subject="营业收入"), gr("9.8%", 9.8, subject="利润总额"))
r("新建改造农村公路312公里、桥梁26座，完成投资9.8亿元。",
  lv("312公里", 312, "公里", subject="农村公路"), lv("26座", 26, "座", subject="桥梁"), lv("9.8亿元", 9.8e8, "元"))
r("2025年1—6月，全市累计建成5G基站1.36万个，行政村5G覆盖率达到96%。",
  lv("1.36万个", 13600, "个", subject="基站"), ra("96%", 96, subject="覆盖率"),
  note="累计 right after the lead period: whether 1—6月 is 'written with it' is left open")
r("2025年6月末，全市金融机构本外币存款余额6,128亿元，较年初增加412亿元；贷款余额5,236亿元，较年初增加386亿元。",
  lv("6,128亿元", 6.128e11, "元", period="2025-06-30", subject="存款余额"),
  lv("412亿元", 4.12e10, "元", baseline=None, subject="增加"),
  lv("5,236亿元", 5.236e11, "元", period="2025-06-30", subject="贷款余额"),
  lv("386亿元", 3.86e10, "元", baseline=None, subject="增加"))
r("外贸进出口总额完成268.5亿元，同比增长12.6%，增速居全省第2位。",
  lv("268.5亿元", 2.685e10, "元", subject="进出口总额"), gr("12.6%", 12.6, baseline="yoy", subject="进出口总额"),
  rk("第2位", 2))
r("全市新增经营主体3.2万户，其中新增企业1.1万户，增长8.2%。",
  lv("3.2万户", 32000, "户", subject="经营主体"), lv("1.1万户", 11000, "户", subject="企业"),
  gr("8.2%", 8.2, subject="企业"))
r("“十四五”以来，全市累计实施重点项目1,200余个，完成投资4,800亿元。",
  lv("1,200余个", 1200, "个", qualifier="over", subject="重点项目"), lv("4,800亿元", 4.8e11, "元"))
r("三、2026年主要预期目标\n城镇新增就业3.5万人以上、城镇调查失业率控制在5.5%左右、居民人均可支配收入增长5.5%。",
  lv("3.5万人", 35000, "人", modality="target", qualifier="over", period=Y2026),
  ra("5.5%", 5.5, nth=0, modality="target", qualifier="about"),
  gr("5.5%", 5.5, nth=1, modality="target", period=Y2026, subject="人均可支配收入"))
r("全市GDP增长5.3%，CPI上涨0.3%，PPI下降2.1%。",
  gr("5.3%", 5.3, subject="GDP"), gr("0.3%", 0.3, subject="CPI"), gr("2.1%", -2.1, subject="PPI"))

# ---------------------------------------------------------------------------------------------
# Found by other helpers on the bundled sample report (rows in our own words).
r = family("periods")
r("2025年头两个月，全市出口增长4.2%。", gr("4.2%", 4.2, period="2025-01/2025-02", subject_is="出口"))
r("2025年前10个月，全市完成公路货运量1.8亿吨。", lv("1.8亿吨", 1.8e8, "吨", period="2025-01/2025-10"))
r("2025年1至4月，全市税收收入增长2.7%。", gr("2.7%", 2.7, period="2025-01/2025-04", subject_is="税收收入"))
r("2025年前三季度，全市实现地区生产总值4,120亿元。",
  lv("4,120亿元", 4.12e11, "元", period="2025-01/2025-09", subject_is="地区生产总值"))
r("2025年1—6月，全市出口增长6.2%，其中前5个月增长5.8%。",
  gr("6.2%", 6.2, period=H1), gr("5.8%", 5.8, period="2025-01/2025-05"))
r = family("subjects")
r("二、2026年主要预期目标\n一般公共预算收入增长4%左右、固定资产投资增长6%。",
  gr("4%", 4, qualifier="about", subject_is="一般公共预算收入"), gr("6%", 6, subject_is="固定资产投资"))
r("二、2026年主要预期目标\n进出口总值增长3%以上和实际使用外资增长5%。",
  gr("3%", 3, qualifier="over", subject_is="进出口总值"), gr("5%", 5, subject_is="实际使用外资"))
r("二、2026年主要预期目标\n居民消费价格涨幅3%左右，城镇调查失业率5.5%以内。",
  gr("3%", 3, qualifier="about", subject_is="居民消费价格"),
  ra("5.5%", 5.5, qualifier="under", subject_is="城镇调查失业率"))
r("全市居民消费价格同比上涨0.6%。", gr("0.6%", 0.6, baseline="yoy", subject_is="居民消费价格"))
r("城乡居民人均可支配收入分别增长4.9%和6.6%。",
  gr("4.9%", 4.9, subject_is="城镇居民人均可支配收入"), gr("6.6%", 6.6, subject_is="农村居民人均可支配收入"))
r("全市农村居民人均可支配收入达到14,820元，同比增长7.1%。",
  lv("14,820元", 14820, "元", subject_is="农村居民人均可支配收入"),
  gr("7.1%", 7.1, subject_is="农村居民人均可支配收入"))
r("全体居民人均可支配收入增长5.7%。", gr("5.7%", 5.7, subject="居民人均可支配收入"))
r("社会消费品零售总额增幅达到6.1%。", gr("6.1%", 6.1, subject_is="社会消费品零售总额"))
r("2025年1—6月，全市单位地区生产总值能耗一季度下降2.2%。",
  gr("2.2%", -2.2, period="2025-01/2025-03", subject_is="单位地区生产总值能耗"))
r("2025年1—6月，全市出口1—5月增长3.4%。", gr("3.4%", 3.4, period="2025-01/2025-05", subject_is="出口"))
r = family("measure_words")
r("全市完成货物周转量215.6亿吨公里。", lv("215.6亿吨公里", 2.156e10, "吨公里", subject="货物周转量"))
r("全市人均预期寿命达到80.2岁。", lv("80.2岁", 80.2, "岁", modality="actual", subject="人均预期寿命"))
r("城区细颗粒物年均浓度降至29微克/立方米。", lv("29微克/立方米", 29, "微克/立方米", subject="细颗粒物"))
r("全市开展执法检查，检测运输车辆8.6万辆次。", lv("8.6万辆次", 86000, "辆次", subject="运输车辆"))
r("全年查验进出境船舶1,250艘次。", lv("1,250艘次", 1250, "艘次", subject="船舶"))

# ---------------------------------------------------------------------------------------------
# Rule families found by our own fixture reports (tests/extract/fixtures).
r = family("periods")
r("江川市2025年上半年工作总结\n二、下半年工作打算\n下半年计划完成水利投资18亿元。",
  lv("18亿元", 1.8e9, "元", period="2025-07/2025-12", modality="plan"))
r("江川市2025年上半年工作总结\n二、下半年工作打算\n下半年计划新建污水管网35公里。",
  lv("35公里", 35, "公里", period="2025-07/2025-12", modality="plan"))
r("2024年，全县高新技术企业达到58家，规模以上工业企业达212家。",
  lv("58家", 58, "家", period="2024-12-31"), lv("212家", 212, "家", period="2024-12-31"))
r("2024年，全县汽车产量达到12万辆。", lv("12万辆", 120000, "辆", period=Y2024))
r("2024年末，全县移动电话用户38.6万户，新建通信铁塔126座。",
  lv("38.6万户", 386000, "户", period="2024-12-31"), lv("126座", 126, "座", period=Y2024))
r = family("qualifiers")
r("部分乡镇到位资金不足计划的七成。", ra("七成", 70, qualifier="under", subject_is="部分乡镇到位资金"))
r("全市新增贷款超过全省的三分之一。", ra("三分之一", 100 / 3, qualifier="over"))
r = family("subjects")
r("新能源出租车占比仅为46%。", ra("46%", 46, subject_is="新能源出租车占比"))
r("江川大桥累计完成投资12.4亿元。", lv("12.4亿元", 1.24e9, "元", period=None, subject_is="江川大桥累计完成投资"))
r("全市累计建成充电桩2,400个。", lv("2,400个", 2400, "个", period=None))
r("2024年，三次产业结构比为9.2：40.1：50.7。",
  ra("9.2", 9.2, subject_is="第一产业比重"), ra("40.1", 40.1, subject_is="第二产业比重"),
  ra("50.7", 50.7, subject_is="第三产业比重"))
r = family("subjects")
r("推动40%以上的规上企业接入工业互联网平台。", ra("40%", 40, qualifier="over", subject_is="规上企业接入工业互联网平台"))
r("全县95%的行政村通了客车。", ra("95%", 95, subject="行政村"))
r = family("from_to")
r("江川市2025年上半年工作总结\n全市养老服务机构从年初的32家增至41家。",
  lv("32家", 32, "家", period="2024-12-31", subject_is="养老服务机构"),
  lv("41家", 41, "家", period="2025-06-30", subject_is="养老服务机构"))
r("2024年，全县医保参保人数从2020年末的30.5万人增加到33.8万人。",
  lv("30.5万人", 305000, "人", period="2020-12-31", subject_is="医保参保人数"),
  lv("33.8万人", 338000, "人", period="2024-12-31", subject_is="医保参保人数"))
# ---------------------------------------------------------------------------------------------
# Rule families found by the blind fixture reports (written without the extractor in view).
r = family("periods")
r("江川市2025年1—9月计划执行情况\n截至9月30日，全市重点项目累计完成投资286.4亿元。",
  lv("286.4亿元", 2.864e10, "元", period="2025-09-30"))
r("江川市2025年1—9月计划执行情况\n规上工业增加值增长6.1%，其中9月当月增长7.4%。",
  gr("6.1%", 6.1, period="2025-01/2025-09"), gr("7.4%", 7.4, period="2025-09/2025-09"))
r("江川市2024年工作回顾\n四年来，全市地区生产总值年均增长6.4%，四年累计完成投资2160亿元。",
  gr("6.4%", 6.4, period="2021-01/2024-12", baseline="avg_annual"),
  lv("2160亿元", 2.16e11, "元", period="2021-01/2024-12"))
r("江川市2025年1—9月计划执行情况\n全市固定资产投资增长4.2%（上半年为增长3.6%），拉动经济增长0.9个百分点。",
  gr("4.2%", 4.2, period="2025-01/2025-09"), gr("3.6%", 3.6, period="2025-01/2025-06"),
  pp("0.9个百分点", 0.9, period="2025-01/2025-09"), note="a period inside closed brackets dates only them")
r("江川市2024年工作回顾\n学前教育毛入园率和普惠性幼儿园覆盖率分别达到95.2%和88.6%。",
  ra("95.2%", 95.2, period="2024-12-31"), ra("88.6%", 88.6, period="2024-12-31"))
r("江川市2025年1—9月计划执行情况\n全市年度计划投资1,120亿元，已完成投资865亿元。",
  lv("1,120亿元", 1.12e11, "元", period=Y2025, modality="plan"), lv("865亿元", 8.65e10, "元"))
r = family("growth")
r("全市高新技术企业数量五年翻了一番。", gr("翻了一番", 100, alt=("一番",)))
r = family("ratio")
r("江川市2024年工作回顾\n城乡居民收入比由2.06缩小到1.98。",
  ra("2.06", 2.06, None, subject="收入比"), ra("1.98", 1.98, None, period=Y2024, subject="收入比"))
r = family("counts_next_to_labels")
r("推动60家以上规上企业实施数字化改造。", lv("60家", 60, "家", qualifier="over", subject="规上企业"))
r = family("modality")
r("江川市2024年工作回顾\n争取省级以上专项资金9.6亿元，比上年增加1.2亿元。",
  lv("9.6亿元", 9.6e8, "元", modality="actual"), lv("1.2亿元", 1.2e8, "元", modality="actual"))
r("江川市政府工作报告\n一、2024年工作回顾\n全市新建5G基站860个。\n二、2025年主要目标和重点工作\n"
  "地区生产总值增长6%左右。\n（一）扩大有效投资。新建城市停车位1200个，力争新开工项目75个以上。",
  lv("860个", 860, "个", modality="actual"), gr("6%", 6, modality="target", qualifier="about"),
  lv("1200个", 1200, "个", modality="plan"), lv("75个", 75, "个", modality="target", qualifier="over"))

r = family("subjects")
r("全市一般公共预算收入48.2亿元，完成年度预算的61.3%，超时序进度11.3个百分点。",
  lv("48.2亿元", 4.82e9, "元", subject_is="一般公共预算收入"),
  ra("61.3%", 61.3, subject_is="一般公共预算收入年度预算完成率"),
  pp("11.3个百分点", 11.3, subject_is="一般公共预算收入年度预算完成率"))
r("重点项目投资完成率52.4%，高于时序进度（50%）2.4个百分点。",
  ra("52.4%", 52.4, subject_is="重点项目投资完成率"), ra("50%", 50, subject_is="时序进度"),
  pp("2.4个百分点", 2.4, subject_is="重点项目投资完成率"))
r("实施市级重点项目126个，完成投资318.6亿元。",
  lv("126个", 126, "个", subject_is="市级重点项目"), lv("318.6亿元", 3.186e10, "元", subject_is="市级重点项目完成投资"))
r("6月末，住户存款余额865.2亿元，较年初增加58.3亿元，同比增长9.1%。",
  lv("865.2亿元", 8.652e10, "元", subject_is="住户存款余额"),
  lv("58.3亿元", 5.83e9, "元", subject_is="住户存款余额较年初增加"), gr("9.1%", 9.1, subject_is="住户存款余额"))
r("新材料、生物医药、数字经济三大新兴产业实现产值312亿元。",
  lv("312亿元", 3.12e10, "元", subject_is="三大新兴产业产值"))

r = family("streaks")
r("2024年，全年生猪出栏86.2万头，连续五年居全省首位。",
  lv("86.2万头", 862000, "头", subject_is="生猪出栏"), lv("五年", 5, "年", period=Y2024, subject_is="生猪出栏"),
  rk("首位", 1, period=Y2024, subject_is="生猪出栏"))

r = family("modality")
r("江川市2025年上半年计划执行情况\n年初确定的12件重点民生实事中，已完成3件，其余均按序时推进。",
  lv("12件", 12, "件", modality="plan", period=Y2025), lv("3件", 3, "件", modality="actual", period="2025-06-30"))
r("江川市2024年工作回顾\n年初确定的十件民生实事全部办结。", lv("十件", 10, "件", modality="actual", period=Y2024))
r("江川市2025年上半年计划执行情况\n统筹规划城市副中心3个、产业组团8个。",
  lv("3个", 3, "个", modality="plan", period=None), lv("8个", 8, "个", modality="plan", period=None))

r = family("periods")
r("江川市2024年工作回顾\n上级督察反馈的22项问题已整改完成18项，剩余4项正在推进。",
  lv("22项", 22, "项"), lv("18项", 18, "项", period="2024-12-31"), lv("4项", 4, "项", period="2024-12-31"))

r = family("subjects")
r("投资860万元新建雨水管网3.2公里。",
  lv("860万元", 8.6e6, "元", subject_is="新建雨水管网投资"), lv("3.2公里", 3.2, "公里", subject="雨水管网"))
r("投入1500余万元完成背街小巷改造。", lv("1500余万元", 1.5e7, "元", qualifier="over", subject_is="背街小巷改造投入"))
r("投资3200万元的滨江大道延伸段通车。", lv("3200万元", 3.2e7, "元", subject_is="滨江大道延伸段投资"))
r("低收入家庭215户486人纳入救助。",
  lv("215户", 215, "户", subject_is="低收入家庭"), lv("486人", 486, "人", subject_is="低收入家庭"))

r = family("modality")
r("2025年1—6月，全市外贸进出口总额186亿元，完成全年400亿元的目标的46.5%。",
  lv("186亿元", 1.86e10, "元", modality="actual"), lv("400亿元", 4e10, "元", modality="target"),
  ra("46.5%", 46.5, modality="actual"))
r = family("periods")
r("江川市国民经济和社会发展第十四个五年规划纲要实施中期评估报告\n《纲要》实施两年来，全市地区生产总值年均增长5.8%，"
  "低于年均增长6.5%左右的目标；新增城市绿道120公里；森林覆盖率达到58.6%，距60%的目标还有差距。",
  gr("5.8%", 5.8, period="2021-01/2022-12", baseline="avg_annual"),
  gr("6.5%", 6.5, modality="target", period="2021-01/2025-12", qualifier="about"),
  lv("120公里", 120, "公里", period="2021-01/2022-12"), ra("58.6%", 58.6, period="2022-12-31"),
  ra("60%", 60, modality="target", period="2025-12-31"))

r = family("subjects")
r("全市民间投资占全部投资的47.5%。", ra("47.5%", 47.5, subject_is="民间投资占全部投资的比重"))
r("江川市2025年1—5月经济运行简析\n规上工业增加值增长6.2%，其中5月当月增长6.9%。",
  gr("6.2%", 6.2, subject_is="规上工业增加值"), gr("6.9%", 6.9, period="2025-05/2025-05", subject_is="规上工业增加值"))
r("5月份，居民消费价格同比上涨0.4%，环比下降0.1%。",
  gr("0.4%", 0.4, subject_is="居民消费价格"), gr("0.1%", -0.1, subject_is="居民消费价格"))

r = family("index_numbers")
r("1—5月，居民消费价格指数（上年同期=100）为100.4，上涨0.4%。",
  lv("100.4", 100.4, "指数"), gr("0.4%", 0.4))
r("工业生产者出厂价格指数1—5月为98.6，下降1.4%。", lv("98.6", 98.6, "指数"), gr("1.4%", -1.4))
r = family("ratio")
r("城乡居民收入比由上年的2.12缩小到2.08。", ra("2.12", 2.12, None), ra("2.08", 2.08, None))
r("其中用于产业发展的比重不低于55%。", ra("55%", 55, qualifier="at_least"))
r("规上工业企业增长面为64.2%。", ra("64.2%", 64.2))
r = family("growth")
r("2024年，全县光伏装机容量达到48万千瓦，是2020年的3.2倍。",
  lv("48万千瓦", 480000, "千瓦"), gr("3.2倍", 220, baseline="2020"))

r = family("measure_words")
r("劳动年龄人口平均受教育年限达到10.9年。", lv("10.9年", 10.9, "年", subject="受教育年限"))
r("农业社会化服务托管面积达到86万亩次。", lv("86万亩次", 860000, "亩次"))
r = family("modality")
r("累计新增城镇就业2.1万人，完成五年4万人以上目标的52.5%。",
  lv("2.1万人", 21000, "人", modality="actual"), lv("4万人", 40000, "人", modality="target", qualifier="over"),
  ra("52.5%", 52.5, modality="actual"))

r = family("document_context")
r("江川市关于2024年预算执行情况和2025年预算草案的报告\n一、2024年预算执行情况\n全市一般公共预算收入412.6亿元。\n"
  "二、2025年预算草案\n一般公共预算收入预计428亿元，支出安排560亿元。\n附：2025年1—5月预算执行情况\n"
  "1—5月，全市一般公共预算收入186.3亿元，增长3.4%。",
  lv("412.6亿元", 4.126e10, "元", modality="actual", period=Y2024),
  lv("428亿元", 4.28e10, "元", modality="target", period=Y2025),
  lv("560亿元", 5.6e10, "元", modality="plan", period=Y2025),
  lv("186.3亿元", 1.863e10, "元", modality="actual", period="2025-01/2025-05"),
  gr("3.4%", 3.4, modality="actual", period="2025-01/2025-05"))

r = family("subjects")
r("全市一般公共预算收入完成386.2亿元，为调整预算数的100.8%。",
  lv("386.2亿元", 3.862e10, "元", subject_is="一般公共预算收入"),
  ra("100.8%", 100.8, subject_is="一般公共预算收入调整预算完成率"))
r("上半年，开发区实现地区生产总值212.6亿元，同比增长6.2%。",
  lv("212.6亿元", 2.126e10, "元", subject_is="地区生产总值"), gr("6.2%", 6.2, subject_is="地区生产总值"))
r("到位资金86.5亿元，增长9.1%。",
  lv("86.5亿元", 8.65e9, "元", subject_is="到位资金"), gr("9.1%", 9.1, subject_is="到位资金"))
r("集成电路产业产值86.2亿元，是上年同期的1.8倍。",
  lv("86.2亿元", 8.62e9, "元", subject_is="集成电路产业产值"), gr("1.8倍", 80, subject_is="集成电路产业产值"))
r("工业生产者出厂价格同比下降2.1%，降幅比4月收窄0.2个百分点。",
  gr("2.1%", -2.1, subject_is="工业生产者出厂价格"), pp("0.2个百分点", 0.2, subject_is="工业生产者出厂价格增速"))
r("2025年，一般公共预算支出安排528亿元。", lv("528亿元", 5.28e10, "元", subject_is="一般公共预算支出"))

r = family("subjects")
r("从主要产品看，工业机器人产量860套，增长18.2%；锂电池2.4亿只，增长9.6%。",
  lv("860套", 860, "套", subject_is="工业机器人产量"), gr("18.2%", 18.2, subject_is="工业机器人产量"),
  lv("2.4亿只", 2.4e8, "只", subject_is="锂电池产量"), gr("9.6%", 9.6, subject_is="锂电池产量"))

r = family("subjects")
r("江川市2025年1—8月重大项目建设进展情况通报\n先进制造业项目完成投资186.5亿元，完成率68.2%，较时序进度滞后1.5个百分点。",
  lv("186.5亿元", 1.865e10, "元", period="2025-01/2025-08"),
  ra("68.2%", 68.2, period="2025-01/2025-08", subject_is="先进制造业项目投资完成率"),
  pp("1.5个百分点", -1.5, subject_is="先进制造业项目投资完成率"))
r("江川市2025年1—8月重大项目建设进展情况通报\n临江区红灯项目6个，绿灯项目占比达91.2%。",
  lv("6个", 6, "个", period="2025-08-31"), ra("91.2%", 91.2, period="2025-08-31"))

r = family("subjects")
r("江川市2025年1—8月重大项目建设进展情况通报\n临江区年度计划投资162.4亿元，仅完成98.6亿元，完成率60.7%；红灯项目多达8个。",
  lv("162.4亿元", 1.624e10, "元", subject_is="临江区年度计划投资"),
  lv("98.6亿元", 9.86e9, "元", subject_is="临江区完成投资"),
  ra("60.7%", 60.7, subject_is="临江区投资完成率"), lv("8个", 8, "个", subject_is="红灯项目"))

r = family("periods")
r("江川市2025年国民经济和社会发展计划（草案）\n一、2024年计划执行情况\n规上工业企业数量连续三年保持净增长，"
  "数字经济总量较2020年翻了一番。\n二、2025年主要预期目标\n常住人口城镇化率达到71%。\n三、重大项目安排\n"
  "产业项目年度计划投资486亿元。",
  lv("三年", 3, "年", period=Y2024), gr("一番", 100, period="2021-01/2024-12", baseline="2020", alt=("翻了一番",)),
  ra("71%", 71, modality="target", period="2025-12-31"),
  lv("486亿元", 4.86e10, "元", modality="plan", period=Y2025))

r = family("periods")
r("江川市2025年1—6月十件民生实事进展情况通报\n计划改造老旧小区120个，已开工96个，其中完工38个；重点任务滞后4项。",
  lv("120个", 120, "个", modality="plan", period=Y2025), lv("96个", 96, "个", period="2025-06-30"),
  lv("38个", 38, "个"), lv("4项", 4, "项", period="2025-06-30"))

r = family("subjects")
r("（二）城乡建设类。共48项，已完成19项。", lv("48项", 48, "项", subject="城乡建设类"), lv("19项", 19, "项"))

r = family("absolute_changes")
r("2024年，城乡居民收入比为2.21，比上年缩小0.05。",
  ra("2.21", 2.21, None, subject="城乡居民收入比"), lv("0.05", 0.05, None, baseline=None, subject="缩小"))


# =============================================================================================
# Issue 7: frames set by a passage's own words (facts-schema: "Frames are set by content"). A report of
# 2026 reviews 2025, then the five years of 十四五, sets the 十五五 goals, then this year's goals and work.
GWR = "江川市2026年政府工作报告\n"
PLAN_AHEAD = "2026-01/2030-12"

r = family("frames")
r(GWR + "一、2025年工作回顾\n过去一年，全市地区生产总值增长5.1%。\n"
  "——这五年，全市新建学校46所，规上工业企业数增长1.2倍，研发投入年均增长9.4%，金融机构贷款余额突破3000亿元。",
  gr("5.1%", 5.1, period=Y2025, baseline="yoy", modality="actual"),
  lv("46所", 46, "所", period=FIVE_YEARS, modality="actual"),
  gr("1.2倍", 120, period=FIVE_YEARS, baseline="2020"),
  gr("9.4%", 9.4, period=FIVE_YEARS, baseline="avg_annual"),
  lv("3000亿元", 3e11, "元", period="2025-12-31", qualifier="over"))
r(GWR + "一、砥砺奋进谱新篇\n“十四五”时期，全市常住人口城镇化率从61.2%提高到66.8%。累计建成充电桩8000个。",
  ra("61.2%", 61.2, period="2020-12-31"), ra("66.8%", 66.8, period="2025-12-31"),
  lv("8000个", 8000, "个", period=None))
r(GWR + "一、2025年工作和“十四五”发展回顾\n五年来，我们办好民生实事120件，城镇新增就业每年超过6万人，"
  "粮食产量稳定在45亿斤以上，全市地区生产总值达到3200亿元。",
  lv("120件", 120, "件", period=FIVE_YEARS), lv("6万人", 60000, "人", period=FIVE_YEARS, qualifier="over"),
  lv("45亿斤", 4.5e9, "斤", period=FIVE_YEARS, qualifier="over"), lv("3200亿元", 3.2e11, "元", period=Y2025))
r(GWR + "一、2025年工作回顾\n过去的五年，全市单位地区生产总值能耗下降14.5%，城镇化率提升4.2个百分点。",
  gr("14.5%", -14.5, period=FIVE_YEARS, baseline="2020"), pp("4.2个百分点", 4.2, period=FIVE_YEARS, baseline="2020"))
r(GWR + "二、“十五五”时期主要目标\n“十五五”时期，全市地区生产总值年均增长5%左右，常住人口城镇化率达到70%。",
  gr("5%", 5, period=PLAN_AHEAD, baseline="avg_annual", modality="target", qualifier="about"),
  ra("70%", 70, period=PLAN_AHEAD, modality="target"))
r(GWR + "二、今后五年的奋斗方向\n到2030年，全市森林覆盖率达到65%，新建城市公园30个，常住人口总量达到560万人。",
  ra("65%", 65, period=PLAN_AHEAD, modality="target"), lv("30个", 30, "个", period=PLAN_AHEAD, modality="target"),
  lv("560万人", 5.6e6, "人", period="2030-12-31", modality="target"))
r(GWR + "一、2025年工作回顾\n——这五年，全市重点实验室达到45家、新型研发机构120家，5条高速公路建成通车，"
  "社会消费品零售总额增至1200亿元，新能源汽车年产量增至30万辆。",
  lv("45家", 45, "家", period="2025-12-31"), lv("120家", 120, "家", period="2025-12-31"),
  lv("5条", 5, "条", period=FIVE_YEARS), lv("1200亿元", 1.2e11, "元", period=Y2025),
  lv("30万辆", 3e5, "辆", period=Y2025))
r("江川市2025年1—6月交通运输情况\n冷链物流企业数量从年初的46家增至58家。",
  lv("46家", 46, "家", period="2024-12-31"), lv("58家", 58, "家", period="2025-06-30"))
r("江川市2025年国民经济和社会发展统计公报\n全年金融机构发放科技贷款86亿元，年末贷款余额1860亿元。",
  lv("86亿元", 8.6e9, "元", period=Y2025), lv("1860亿元", 1.86e11, "元", period="2025-12-31"))
r(GWR + "一、2025年工作回顾\n全市地区生产总值增长5.3%。\n二、奋力开创新局面\n"
  "今年经济社会发展的主要预期目标是：地区生产总值增长5%左右，城镇调查失业率5.5%以内。",
  gr("5.3%", 5.3, period=Y2025, modality="actual"),
  gr("5%", 5, period=Y2026, modality="target", qualifier="about"),
  ra("5.5%", 5.5, period=Y2026, modality="target", qualifier="under"))
r(GWR + "一、2025年工作回顾\n全市地区生产总值增长5.3%。\n二、坚定信心向前进\n今年是“十五五”开局之年。"
  "全市经济社会发展主要预期目标是：一般公共预算收入增长2%。\n5%左右的增长目标，与“十五五”规划目标相衔接。",
  gr("5.3%", 5.3, period=Y2025, modality="actual"), gr("2%", 2, period=Y2026, modality="target"),
  gr("5%", 5, period=Y2026, modality="target", qualifier="about"))
r("江川市2025年1—6月经济运行情况\n今年上半年，社会消费品零售总额增长4.2%。",
  gr("4.2%", 4.2, period=H1, modality="actual"))


r = family("words_without_digits")
r("全年外贸进出口总额突破千亿元。", lv("千亿元", 1e11, "元", qualifier="over", subject="外贸进出口总额"))
r("新能源汽车产量突破百万辆。", lv("百万辆", 1e6, "辆", qualifier="over", subject="新能源汽车产量"))
r("江川港全年开行海铁联运班列超千列。", lv("千列", 1000, "列", qualifier="over"))
r("举办各类文化惠民演出近万场。", lv("万场", 1e4, "场", qualifier="nearly"))
r("举办超千场体育赛事、近百场音乐节。",
  lv("千场", 1000, "场", qualifier="over"), lv("百场", 100, "场", qualifier="nearly"))
r("全市高新技术企业数量翻番。", gr("翻番", 100, subject="高新技术企业数量"))
r("超过一半的行政村集体经济收入超过20万元。", ra("一半", 50, qualifier="over"),
  lv("20万元", 2e5, "元", qualifier="over"))

r = family("people_without_measure_word")
r("江川市120万城乡居民参加基本医疗保险。", lv("120万", 1.2e6, "人"))
r("全市3万多山区群众喝上了放心水。", lv("3万多", 3e4, "人", qualifier="over", alt=("3万",)))
r("全年2.6万新就业形态人员纳入职业伤害保障。", lv("2.6万", 2.6e4, "人"))
r("全市460万江川儿女团结奋斗。", lv("460万", 4.6e6, "人"))

r = family("rank_changes")
r("地区生产总值从全省第9位升至第6位。",
  rk("第9位", 9, subject_is="地区生产总值"), rk("第6位", 6, subject_is="地区生产总值"))
r("规上工业营收进至全省第4位。", rk("第4位", 4, subject_is="规上工业营收"))
r("电子信息、装备制造产值从全省第5位、第3位双双跃居第2位。",
  rk("第5位", 5), rk("第3位", 3), rk("第2位", 2, subject="产值"))
r("江川市2025年统计公报\n年末，高新技术企业数居全省第2位。", rk("第2位", 2, period="2025-12-31"))
r(GWR + "一、2025年工作回顾\n——这五年，科技型企业数从全省第8位升至第3位。",
  rk("第8位", 8, period="2020-12-31"), rk("第3位", 3, period="2025-12-31"))


r = family("modality_cue_words")
r(GWR + "一、2025年工作回顾\n实施青年人才计划，引进博士120名。", lv("120名", 120, "名", modality="actual"))
r(GWR + "一、2025年工作回顾\n年度计划投资完成率达到98.6%。", ra("98.6%", 98.6, modality="actual"))
r(GWR + "一、2025年工作回顾\n计划投资120亿元，已完成80亿元。",
  lv("120亿元", 1.2e10, "元", modality="plan"), lv("80亿元", 8e9, "元", modality="actual"))
r(GWR + "一、2025年工作回顾\n“十四五”时期，3项预期性指标未能如期完成。", lv("3项", 3, "项", modality="actual"))
r(GWR + "二、2026年重点工作\n（一）扩大内需\n社会消费品零售总额增长4%左右。新建充电桩800个以上。"
  "绿色矿山占比超过80%。赤字率拟按3%左右安排。",
  gr("4%", 4, modality="target", period=Y2026, qualifier="about"),
  lv("800个", 800, "个", modality="plan", period=Y2026, qualifier="over"),
  ra("80%", 80, modality="target", qualifier="over"), ra("3%", 3, modality="plan", qualifier="about"))
r(GWR + "二、2026年重点工作\n实施“百千万”人才计划，引进高层次人才200名。", lv("200名", 200, "名", modality="plan"))
r("江川市2025年预算草案\n二、2025年预算安排\n一般公共预算支出安排516.8亿元，增长2.1%。“三公”经费压减5%以上。",
  lv("516.8亿元", 5.168e10, "元", modality="plan"), gr("2.1%", 2.1, modality="plan"),
  gr("5%", -5, modality="plan", qualifier="over"))

r = family("stocks_and_flows")
r(GWR + "一、2025年工作回顾\n——这五年，建成智能算力超2万P，高速公路通车总里程突破900公里。",
  lv("2万P", 2e4, "P", period="2025-12-31", qualifier="over"),
  lv("900公里", 900, "公里", period="2025-12-31", qualifier="over"))
r(GWR + "一、2025年工作回顾\n——这五年，累计推出改革举措180项，其中36项在全省推广。",
  lv("180项", 180, "项", period=None), lv("36项", 36, "项", period=None))


r = family("states_said_after_a_count")
r(GWR + "一、2025年工作回顾\n云岭县建档立卡贫困户215户全部脱贫。",
  lv("215户", 215, "户", period="2025-12-31"))
r(GWR + "一、2025年工作回顾\n青石县28项巡察反馈问题已整改到位。",
  lv("28项", 28, "项", period="2025-12-31"))
r(GWR + "一、2025年工作回顾\n临江区9条背街小巷均已完成立面改造。",
  lv("9条", 9, "条", period="2025-12-31"))
r(GWR + "一、2025年工作回顾\n白沙区14项供水保障工程全部竣工投产。",
  lv("14项", 14, "项", period=Y2025))
r(GWR + "一、2025年工作回顾\n新建社区食堂36个，已全部投入运营。",
  lv("36个", 36, "个", period=Y2025))

r = family("census_dates")
r(GWR + "一、2025年工作回顾\n“五经普”显示，全市法人单位从业人员比“四经普”增长18.6%，增加12.4万人。",
  gr("18.6%", 18.6, period="2023-12-31", baseline="2018-12-31", subject="从业人员"),
  lv("12.4万人", 1.24e5, "人", period="2023-12-31"))
r(GWR + "一、2025年工作回顾\n据第七次全国人口普查，青石县常住人口31.2万人。",
  lv("31.2万人", 3.12e5, "人", period="2020-11-01", subject="常住人口"))
r(GWR + "一、2025年工作回顾\n完成第三次全国土壤普查外业调查点位1200个。",
  lv("1200个", 1200, "个", period=Y2025))


r = family("subjects_joinable")
r("对东盟、欧盟进出口分别增长12.1%、8.4%。",
  gr("12.1%", 12.1, subject_is="对东盟进出口"), gr("8.4%", 8.4, subject_is="对欧盟进出口"))
r("全年第一、二、三产业增加值分别增长3.1%、5.2%和6.0%。",
  gr("3.1%", 3.1, subject_is="第一产业增加值"), gr("5.2%", 5.2, subject_is="第二产业增加值"),
  gr("6.0%", 6.0, subject_is="第三产业增加值"))
r("全年一、二、三产增加值分别增长2.8%、4.6%、5.9%。",
  gr("2.8%", 2.8, subject_is="第一产业增加值"), gr("4.6%", 4.6, subject_is="第二产业增加值"),
  gr("5.9%", 5.9, subject_is="第三产业增加值"))
r("城乡居民人均可支配收入分别增长5.1%和6.3%。",
  gr("5.1%", 5.1, subject_is="城镇居民人均可支配收入"), gr("6.3%", 6.3, subject_is="农村居民人均可支配收入"))
r("全市对东盟、中亚、非洲等新兴市场进出口分别增长9.4%、21.6%、13.2%。",
  gr("9.4%", 9.4, subject_is="对东盟进出口"), gr("21.6%", 21.6, subject_is="对中亚进出口"),
  gr("13.2%", 13.2, subject_is="对非洲进出口"))
r("全市水泥、平板玻璃等建材产量分别下降4.1%、2.7%。",
  gr("4.1%", -4.1, subject_is="水泥产量"), gr("2.7%", -2.7, subject_is="平板玻璃产量"))
r("全市刑事、治安案件分别下降6.4%、2.9%。",
  gr("6.4%", -6.4, subject_is="刑事案件"), gr("2.9%", -2.9, subject_is="治安案件"))
r(GWR + "一、2025年工作回顾\n五年来，全市交通、水利投资分别比“十三五”时期增长23.5%、46.1%。",
  gr("23.5%", 23.5, subject_is="交通投资"), gr("46.1%", 46.1, subject_is="水利投资"))
r(GWR + "一、2025年工作回顾\n五年来，全市实际使用外资比“十三五”时期增长31.2%。",
  gr("31.2%", 31.2, subject_is="实际使用外资"))
r("青石县乡镇卫生院整合至9家。", lv("9家", 9, "家", subject_is="青石县乡镇卫生院"))
r("江川市发放临时救助金、高龄津贴等资金3.6亿元。",
  lv("3.6亿元", 3.6e8, "元", subject="临时救助金、高龄津贴等资金"))
r("青石县改造供水管网、背街小巷等基础设施4.2万平方米。",
  lv("4.2万平方米", 4.2e4, "平方米", subject="背街小巷等基础设施"))
r("全市水泥、平板玻璃等建材产量下降4.1%。",
  gr("4.1%", -4.1, subject_is="建材产量"))
r(GWR + "一、2025年工作回顾\n全市地区生产总值增长5.3%。\n二、奋斗目标\n主要预期目标是：经济增长5.5%左右。\n"
  "5.5%左右的预期增长目标与规划目标相衔接。",
  gr("5.3%", 5.3, modality="actual"), gr("5.5%", 5.5, modality="target", subject_is="经济增长"),
  gr("5.5%", 5.5, nth=1, modality="target", subject_is="经济增长", period=Y2026))
r(GWR + "一、2025年工作回顾\n全市地区生产总值增长5.3%。\n二、奋斗目标\n主要预期目标是：地区生产总值增长5%左右。\n"
  "确定5%左右的增长目标，兼顾了需要与可能。",
  gr("5.3%", 5.3), gr("5%", 5, modality="target", subject_is="地区生产总值"),
  gr("5%", 5, nth=1, modality="target", subject_is="地区生产总值"))


for _fam in _FAMILIES:
    CASES.extend(_fam.rows)


# =============================================================================================
# Not facts: phrases that yield no fact at all (marked=None), or none over the marked substring.
NOT_FACTS: list[NotFact] = []


def _nf(fam: str, rows: Iterable[str | tuple[str, str]]) -> None:
    for row in rows:
        if isinstance(row, tuple):
            NOT_FACTS.append(NotFact(fam, row[0], row[1]))
        else:
            NOT_FACTS.append(NotFact(fam, row))


_nf("years_dates_times", [
    "2025年，江川市经济运行总体平稳。",
    "7月15日，市政府召开半年经济形势分析会。",
    "各项工程于2025年6月30日前全部完成验收。",
    "市图书馆每天上午9时至下午5时对外开放。",
    "灯光秀于晚上8点30分正式开始。",
    "1—6月，全市经济运行稳中向好。",
    "市政府印发《江川市数字经济发展行动方案（2025—2027年）》。",
    "一季度、二季度经济运行逐季回升。",
    "江川市人民政府\n二〇二五年七月二十日",
    "年初以来，全市上下攻坚克难。",
    "今年以来，各项工作有序推进。",
    "启动“江川2035”城市更新计划。",
])
_nf("ordinals_sessions", [
    "成功举办第三届江川国际茶产业博览会。",
    "——在市八届人大常委会第十二次会议上",
    "深入学习贯彻党的二十届四中全会精神。",
    "认真落实市九届人大四次会议确定的目标任务。",
    "全区上下认真贯彻区委三届历次全会精神。",
    "江川港成为全省第4个开通国际航线的内河港口。",
    "获批全省首批数字乡村试点。",
    "各项主要指标增速位居全省前列。",
    "首次实现汽车整车出口。",
    "建成全市首个零碳产业园。",
    "江川大桥二期工程主体完工。",
    "智慧城市一期项目投入运行。",
    "选派第一书记驻村帮扶。",
])
_nf("code_names_slogans", [
    "深入实施“25816”产业培育工程。",
    "构建“1+3+N”基层治理体系。",
    "加快打造“5+2”现代产业体系。",
    "全面推进“4321”改革攻坚行动。",
    "加快构建“两核一带三区”发展格局。",
    "深入开展“百村千企万户”结对帮扶。",
    "持续推进“双百”工程。",
    "推动“一区两园”协同发展。",
    "落实“十百千万”人才计划。",
    "建设“一核四带”生态屏障。",
    "推行“一网通办”“一件事一次办”。",
    "抓好“两新”“两重”政策落实。",
    "推进“一村一品”示范村建设。",
    "全面落实“三保”支出责任。",
    "扎实推进72516工程。",
])
_nf("specs_inside_names", [
    "12英寸晶圆生产线项目开工建设。",
    "±500千伏换流站建成投运。",
    "年产30万吨新型材料项目开工。",
    "江心岛景区成功创建国家4A级旅游景区。",
    "220千伏输变电工程加快推进。",
    "5G+工业互联网应用场景加快拓展。",
    "PM2.5浓度持续下降。",
    "国产C919大飞机零部件项目落地。",
    "10蒸吨以下燃煤锅炉全部淘汰。",
    "6英寸氮化镓外延片项目投产。",
    "“江川一号”卫星成功发射。",
    "加快建设国家一级物流枢纽。",
    ("新建2座500千伏变电站。", "500千伏"),
    ("建成12英寸晶圆生产线1条。", "12英寸"),
    ("新增4家4A级旅游景区。", "4A级"),
])
_nf("n_da_labels", [
    "做强五大产业集群。",
    "深入实施四大攻坚行动。",
    "加快建设三大新城。",
    "聚焦八大重点领域精准发力。",
    ("做强五大产业集群，集群规模达到3200亿元。", "五大"),
])
_nf("structure_labels", [
    "（三）持续优化营商环境",
    "二、下半年工作打算",
    "一是稳工业，二是扩投资，三是促消费。",
    "1.加快发展先进制造业",
    "(2)强化要素保障",
    "重点抓好以下6个方面工作。",
    "依据《条例》第三十二条规定执行。",
    "第一产业、第二产业和第三产业协调发展。",
    "三次产业协同发展。",
    "建立市、区、街道三级联动机制。",
])
_nf("thresholds", [
    ("亿元以上项目52个。", "亿元"),
    ("年产值超10亿元的龙头企业达到18家。", "10亿元"),
    "规模以上工业企业稳步增加。",
    ("全市二级以上医院达到26家。", "二级"),
])
_nf("anniversaries_policies", [
    "隆重纪念江川建市四十周年。",
    "江川大学建校六十周年系列活动圆满举办。",
    "用好144小时过境免签政策。",
    "打造15分钟便民生活圈。",
    "12345政务服务便民热线运行平稳。",
    "120急救网络覆盖全部乡镇。",
    ("布设24小时自助服务网点85个。", "24小时"),
    ("打造15分钟便民生活圈32个。", "15分钟"),
    "编制城市更新三年行动计划。",
    "“十四五”规划确定的目标任务稳步推进。",
    "谋划储备“十五五”重大项目。",
])
_nf("words_and_claims", [
    "进一步优化营商环境，推动区域一体化发展。",
    "千方百计稳就业，万众一心促发展。",
    "实施一批强链补链项目。",
    "坚持一张蓝图绘到底。",
    "实现零的突破。",
    "固定资产投资实现正增长。",
    "主要指标与上年基本持平。",
    "统筹推进双碳工作。",
    "未发生一起重大安全事故。",
    "进出口规模创历史新高。",
])

_nf("names_codes_and_numbers_in_words", [
    "市政府出台《关于支持民营经济发展的若干措施》（江府发〔2025〕12号）。",
    "地铁3号线一期工程加快建设。",
    "G318国道江川段改造工程全面完工。",
    "认真落实中央一号文件精神。",
    "修订《江川市产业发展指导目录（2025版）》。",
    "成功举办“6·18”电商节和“双十一”促销活动。",
    "五一假期全市旅游市场平稳有序。",
    "开展“3·15”消费者权益保护宣传。",
    "打造千亿级新能源汽车产业集群。",
    "培育一批百亿级龙头企业。",
    "建设万亩茶园示范基地。",
    "发展8K超高清视频和3D打印产业。",
    "启动防汛四级应急响应。",
    "落实三孩生育支持政策。",
    "统筹做好“一老一小”服务保障。",
    "第一时间处置各类突发事件。",
    "严格落实安全生产“一把手”负责制。",
    "多措并举稳住外贸基本盘。",
    "多项指标创历史新高。",
    "真心实意服务百姓生活。",
    "把政策红利送到千家万户。",
    "推动万物互联的智慧城市建设。",
    "这项工作十分重要。",
    "出台一系列稳增长政策措施。",
    "深化两岸经贸文化交流。",
    "做好“三农”工作。",
    "九里湖湿地公园正式开园。",
    "三江口镇、双河镇、五峰山街道入选省级特色小镇。",
    "2024—2025学年全市中小学秋季学期顺利开学。",
    "通过ISO9001质量管理体系认证。",
    ("三江口镇新建农村公路12公里。", "三江口"),
    ("新增三甲医院1家。", "三甲"),
])

_nf("labels_inside_fact_sentences", [
    ("2025年1—6月，全市共举办第十二届江川国际马拉松等赛事46场。", "第十二届"),
    ("实施“千村示范、万村整治”工程，完成村庄整治126个。", "千村示范、万村整治"),
    ("落实“1+N”政策体系，出台配套政策18条。", "1+N"),
    ("围绕“3+5+X”产业体系，引进项目58个。", "3+5+X"),
    ("京江高铁二期工程完成投资36亿元。", "二期"),
    ("江川至青石一级公路建成通车18公里。", "一级"),
    ("新建110千伏变电站3座。", "110千伏"),
    ("年产50万辆新能源汽车整车项目完成投资28亿元。", "年产50万辆"),
    ("江川一中、江川二中新建教学楼2栋。", "江川一中、江川二中"),
    ("地铁2号线、5号线开通运营，新增运营里程36公里。", "2号线、5号线"),
    ("开展“百日攻坚”行动，化解信访积案210件。", "百日"),
    ("十大重点产业链产值增长9.2%。", "十大"),
    ("三级医院平均住院日缩短至7.6天。", "三级"),
    ("2025年前5个月，全市进出口增长9.1%。", "前5个月"),
    ("临江区位居全国百强区第28位。", "百强"),
    ("2025年7月1日起，全市新增城镇就业补贴对象1.2万人。", "2025年7月1日"),
    ("2025年头两个月，江川市出口增长4.2%。", "两个月"),
    ("每千人口拥有3岁以下婴幼儿托位4.3个。", "3岁"),
    ("为全市80岁老人发放高龄津贴1.2亿元。", "80岁"),
    ("年满18周岁的居民可免费参加体检。", "18周岁"),
])


_nf("names_of_rules_and_sessions", [
    "坚决落实中央八项规定精神。",
    "扎实抓好稳增长、防风险、保民生三项基本任务。",
    "按照市委六届九次、十次全会部署。",
    "围绕“钱从哪里来、用到哪里去”两个关键问题深化改革。",
    "统筹国内国际两个大局，用好两个市场、两种资源。",
    ("出台稳经济“20条”政策。", "20条"),
    ("落实支持民营经济“双15条”措施。", "15条"),
])
_nf("plan_structure", [
    "围绕创新驱动，提出4项指标。",
    "以上共计26项指标，其中预期性指标18项、约束性指标8项。",
    "《纲要》安排了16个领域的重点任务。",
])
_nf("tiers_and_categories", [
    "区域创新能力稳居全省第一方阵。",
    "临江区跻身全国百强区第一梯队。",
    ("新增2个过千亿元城市。", "千亿元"),
    ("新增超10亿元项目31个。", "10亿元"),
    ("建成超百亿元产业集群5个。", "百亿元"),
])


# =============================================================================================
# The matcher, shared by the tests and by anyone who wants a tally per family.


def occurrence(phrase: str, text: str, nth: int) -> tuple[int, int] | None:
    """Span of the ``nth`` occurrence of ``text`` in ``phrase``."""
    start = -1
    for _ in range(nth + 1):
        start = phrase.find(text, start + 1)
        if start < 0:
            return None
    return (start, start + len(text))


def describe(fact: object) -> str:
    """One line per fact, for failure messages."""
    f = fact
    return (
        f"{f.text!r}@{tuple(f.span)} {f.measure} {f.value:g} {f.unit} period={f.period} "  # type: ignore[attr-defined]
        f"modality={f.modality} qualifier={f.qualifier} baseline={f.baseline} subject={f.subject!r}"  # type: ignore[attr-defined]
    )


def span_problems(phrase: str, facts: list) -> list[str]:
    """Every fact must point at its own text: ``text == phrase[span]``."""
    out = []
    for f in facts:
        s, e = f.span
        if not (0 <= s < e <= len(phrase)) or phrase[s:e] != f.text:
            out.append(f"fact text {f.text!r} is not phrase[{s}:{e}] = {phrase[max(0, s):max(0, e)]!r}")
    return out


def case_problems(case: Case, facts: list) -> list[str]:
    """What is wrong with ``facts`` as the answer to ``case``; an empty list means the row passes."""
    problems = span_problems(case.phrase, facts)
    by_span = {tuple(f.span): f for f in facts}
    used: set[tuple[int, int]] = set()
    for want in case.wants:
        spans = [occurrence(case.phrase, want.text, want.nth)]
        spans += [occurrence(case.phrase, a, 0) for a in want.alt]
        found = next((by_span[s] for s in spans if s is not None and s in by_span), None)
        if found is None:
            problems.append(f"missing {want.text!r} ({want.measure} {want.value:g} {want.unit})")
            continue
        used.add(tuple(found.span))
        if not math.isclose(found.value, want.value, rel_tol=1e-6, abs_tol=1e-9):
            problems.append(f"{want.text!r}: value {found.value!r}, want {want.value!r}")
        if found.unit != want.unit:
            problems.append(f"{want.text!r}: unit {found.unit!r}, want {want.unit!r}")
        if found.measure != want.measure:
            problems.append(f"{want.text!r}: measure {found.measure!r}, want {want.measure!r}")
        for name in ("period", "modality", "qualifier", "baseline"):
            expected = getattr(want, name)
            if expected is not ANY and getattr(found, name) != expected:
                problems.append(f"{want.text!r}: {name} {getattr(found, name)!r}, want {expected!r}")
        if want.subject is not None and (found.subject is None or want.subject not in found.subject):
            problems.append(f"{want.text!r}: subject {found.subject!r} should contain {want.subject!r}")
        if want.subject_is is not None and found.subject != want.subject_is:
            problems.append(f"{want.text!r}: subject {found.subject!r}, want exactly {want.subject_is!r}")
    if case.exact:
        for f in facts:
            if tuple(f.span) not in used:
                problems.append(f"unexpected fact {f.text!r}@{tuple(f.span)}")
    return problems


def not_fact_problems(row: NotFact, facts: list) -> list[str]:
    """Facts that should not be there."""
    problems = span_problems(row.phrase, facts)
    if row.marked is None:
        problems += [f"unexpected fact {describe(f)}" for f in facts]
        return problems
    start = row.phrase.find(row.marked)
    marked = (start, start + len(row.marked))
    for f in facts:
        s, e = f.span
        if s < marked[1] and marked[0] < e:
            problems.append(f"fact over {row.marked!r}: {describe(f)}")
    return problems
