"""The indicator catalog: every way a report writes a name lands on one indicator."""

from __future__ import annotations

import pytest

from planwatch.catalog import Catalog, CatalogError, Indicator, IndicatorKind, load_catalog
from planwatch.catalog.indicators import read_catalog_rows
from planwatch.plan.model import Direction

# (as a report writes it, the indicator code it names)
FINDS: list[tuple[str, str]] = [
    ("地区生产总值", "gdp"),
    ("GDP", "gdp"),
    ("全市GDP", "gdp"),
    ("gdp", "gdp"),
    ("ＧＤＰ", "gdp"),
    ("GDP增速", "gdp"),
    ("全省地区生产总值增长", "gdp"),
    ("生产总值", "gdp"),
    ("规上工业企业实现利润总额", "industrial_profit"),
    ("全市完成固定资产投资", "fixed_asset_investment"),
    ("全市累计实现进出口总值", "foreign_trade"),
    ("第一产业增加值", "primary_industry_va"),
    ("二产增加值", "secondary_industry_va"),
    ("服务业增加值", "tertiary_industry_va"),
    ("规模以上工业增加值", "industrial_va"),
    ("规上工业增加值", "industrial_va"),
    ("全市规上工业增加值增速", "industrial_va"),
    ("固定资产投资", "fixed_asset_investment"),
    ("固定资产投资增长", "fixed_asset_investment"),
    ("工业投资", "industrial_investment"),
    ("民间投资", "private_investment"),
    ("房地产开发投资", "real_estate_investment"),
    ("社会消费品零售总额", "retail_sales"),
    ("社零", "retail_sales"),
    ("社零总额", "retail_sales"),
    ("我市社会消费品零售总额增长", "retail_sales"),
    ("进出口总值", "foreign_trade"),
    ("外贸进出口", "foreign_trade"),
    ("进出口总额", "foreign_trade"),
    ("进出口", "foreign_trade"),
    ("全区外贸进出口总额增长", "foreign_trade"),
    ("出口", "exports"),
    ("出口总值", "exports"),
    ("进口总额", "imports"),
    ("实际使用外资", "fdi"),
    ("实际利用外资", "fdi"),
    ("一般公共预算收入", "public_budget_revenue"),
    ("地方一般公共预算收入增长", "public_budget_revenue"),
    ("税收收入", "tax_revenue"),
    ("一般公共预算支出", "public_budget_expenditure"),
    ("城镇居民人均可支配收入", "urban_disposable_income"),
    ("农村居民人均可支配收入增长", "rural_disposable_income"),
    ("全体居民人均可支配收入", "disposable_income"),
    ("居民人均可支配收入", "disposable_income"),
    ("居民消费价格", "cpi"),
    ("CPI", "cpi"),
    ("居民消费价格涨幅", "cpi"),
    ("工业生产者出厂价格", "ppi"),
    ("城镇调查失业率", "urban_unemployment_rate"),
    ("城镇新增就业", "new_urban_jobs"),
    ("粮食产量", "grain_output"),
    ("单位地区生产总值能耗", "energy_intensity"),
    ("单位GDP能耗", "energy_intensity"),
    ("单位GDP二氧化碳排放", "carbon_intensity"),
    ("研发经费投入强度", "rd_intensity"),
    ("R&D经费投入强度", "rd_intensity"),
    ("数字经济核心产业增加值占比", "digital_economy_share"),
    ("常住人口城镇化率", "urbanization_rate"),
    ("金融机构本外币存款余额", "deposits"),
    ("本外币贷款余额", "loans"),
    ("规上工业企业利润", "industrial_profit"),
    ("高技术制造业增加值", "high_tech_manufacturing_va"),
    ("战略性新兴产业增加值", "strategic_emerging_va"),
    ("接待游客", "tourist_arrivals"),
    ("旅游收入", "tourism_revenue"),
    ("旅游总收入", "tourism_revenue"),
    ("货物周转量", "freight_turnover"),
    ("用电量", "electricity_consumption"),
    ("全社会用电量", "electricity_consumption"),
    ("工业用电量", "industrial_electricity"),
    ("PM2.5平均浓度", "pm25"),
    ("细颗粒物（PM2.5）平均浓度", "pm25"),
    ("空气质量优良天数比例", "good_air_days_ratio"),
    ("地表水国控断面水质优良比例", "surface_water_quality_ratio"),
    ("新增市场主体", "new_market_entities"),
    ("新增经营主体", "new_market_entities"),
    ("高新技术企业数量", "high_tech_enterprises"),
    ("每千人口拥有执业医师数", "doctors_per_1000"),
    ("基本养老保险参保率", "pension_coverage"),
    ("人均预期寿命", "life_expectancy"),
    (" 全市 GDP ", "gdp"),
]

# Texts that must name no indicator: too short once cut, or simply not an indicator.
FINDS_NOTHING: list[str] = [
    "",
    "全市",
    "经济",  # 经济总量 cut of 总量 says too little
    "生产",
    "增长",
    "高标准农田建设",
    "概念验证中心",
    "工业",
    "完成率",
    "实现",
]


@pytest.mark.parametrize(("text", "code"), FINDS)
def test_a_name_as_reports_write_it_finds_its_indicator(text: str, code: str) -> None:
    found = load_catalog().find(text)
    assert found is not None, text
    assert found.code == code


@pytest.mark.parametrize("text", FINDS_NOTHING)
def test_a_text_that_is_no_indicator_finds_nothing(text: str) -> None:
    assert load_catalog().find(text) is None


def test_the_catalog_holds_at_least_45_indicators_each_with_unit_and_direction() -> None:
    catalog = load_catalog()
    assert len(catalog) >= 45
    for indicator in catalog:
        assert indicator.unit
        assert indicator.direction in (Direction.HIGHER, Direction.LOWER)
        assert indicator.kind in IndicatorKind


# (code, direction, kind): the ones a status light depends on
DIRECTIONS: list[tuple[str, Direction, IndicatorKind]] = [
    ("gdp", Direction.HIGHER, IndicatorKind.FLOW),
    ("cpi", Direction.LOWER, IndicatorKind.PRICE),
    ("urban_unemployment_rate", Direction.LOWER, IndicatorKind.RATE),
    ("energy_intensity", Direction.LOWER, IndicatorKind.RATE),
    ("carbon_intensity", Direction.LOWER, IndicatorKind.RATE),
    ("pm25", Direction.LOWER, IndicatorKind.RATE),
    ("deposits", Direction.HIGHER, IndicatorKind.STOCK),
    ("good_air_days_ratio", Direction.HIGHER, IndicatorKind.RATE),
]


@pytest.mark.parametrize(("code", "direction", "kind"), DIRECTIONS)
def test_an_indicator_says_which_way_is_good(code: str, direction: Direction, kind: IndicatorKind) -> None:
    indicator = load_catalog().get(code)
    assert indicator is not None
    assert indicator.direction is direction
    assert indicator.kind is kind


def test_a_code_is_accepted_where_a_name_is_expected() -> None:
    assert load_catalog().find("retail_sales").name == "社会消费品零售总额"


def test_an_alias_claimed_by_two_indicators_is_refused() -> None:
    a = Indicator("a", "甲指标", ("同名",), "%", Direction.HIGHER, IndicatorKind.RATE)
    b = Indicator("b", "乙指标", ("同名",), "%", Direction.HIGHER, IndicatorKind.RATE)
    with pytest.raises(CatalogError, match="同名"):
        Catalog([a, b])


def test_a_bad_direction_in_the_catalog_file_names_the_line() -> None:
    text = "code,name,aliases,unit,direction,kind\nx,某指标,,%,upward,rate\n"
    with pytest.raises(CatalogError, match="第2行"):
        read_catalog_rows(text)


def test_every_catalog_unit_is_known_to_the_unit_vocabulary() -> None:
    units = pytest.importorskip("planwatch.extract.units")
    unknown = [i.unit for i in load_catalog() if units.normalise_unit(i.unit) is None]
    assert unknown == []
