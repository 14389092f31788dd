"""The gazetteer: a report's place names land on GB/T 2260 divisions, and the data holds together."""

from __future__ import annotations

from collections import Counter
from importlib import resources
from pathlib import Path

import pytest

from planwatch.catalog import gazetteer
from planwatch.catalog.gazetteer import (
    GazetteerError,
    ancestors,
    by_code,
    children,
    divisions,
    find,
    full_name,
    lies_within,
    locate,
    mentions,
    read_division_rows,
    read_name_rules,
    short_name,
)

# (as a report writes it, the one division it names)
FINDS_ONE: list[tuple[str, str]] = [
    # provinces and autonomous regions, full and short
    ("河北省", "130000"),
    ("河北", "130000"),
    ("内蒙古自治区", "150000"),
    ("内蒙古", "150000"),
    ("广西壮族自治区", "450000"),
    ("广西", "450000"),
    ("宁夏回族自治区", "640000"),
    ("宁夏", "640000"),
    ("新疆维吾尔自治区", "650000"),
    ("新疆", "650000"),
    ("西藏自治区", "540000"),
    ("西藏", "540000"),
    ("吉林", "220000"),
    ("香港特别行政区", "810000"),
    ("澳门", "820000"),
    # municipalities
    ("北京市", "110000"),
    ("北京", "110000"),
    ("重庆市", "500000"),
    ("上海", "310000"),
    ("天津", "120000"),
    # prefecture cities
    ("呼伦贝尔市", "150700"),
    ("呼伦贝尔", "150700"),
    ("吉林市", "220200"),
    ("襄阳市", "420600"),
    ("襄樊", "420600"),
    ("东莞市", "441900"),
    ("儋州", "460400"),
    ("嘉峪关市", "620200"),
    ("三沙市", "460300"),
    # 自治州, 盟, 地区
    ("延边朝鲜族自治州", "222400"),
    ("延边", "222400"),
    ("黔东南苗族侗族自治州", "522600"),
    ("黔东南州", "522600"),
    ("黔东南", "522600"),
    ("湘西", "433100"),
    ("伊犁哈萨克自治州", "654000"),
    ("伊犁", "654000"),
    ("克孜勒苏柯尔克孜自治州", "653000"),
    ("海西", "632800"),
    ("兴安盟", "152200"),
    ("锡林郭勒盟", "152500"),
    ("锡林郭勒", "152500"),
    ("阿拉善", "152900"),
    ("大兴安岭地区", "232700"),
    ("阿里地区", "542500"),
    ("和田", "653200"),
    # county-level units under a province
    ("济源市", "419001"),
    ("仙桃", "429004"),
    ("神农架林区", "429021"),
    ("神农架", "429021"),
    ("石河子市", "659001"),
    ("琼中黎族苗族自治县", "469030"),
    ("琼中", "469030"),
    # counties, county-level cities, districts, banners
    ("海拉尔区", "150702"),
    ("海拉尔", "150702"),
    ("满洲里市", "150781"),
    ("莫力达瓦达斡尔族自治旗", "150722"),
    ("莫旗", "150722"),
    ("科尔沁右翼前旗", "152221"),
    ("科右前旗", "152221"),
    ("达茂旗", "150223"),
    ("浦东新区", "310115"),
    ("浦东", "310115"),
    ("滨海新区", "120116"),
    ("雄县", "130638"),
    ("昆山市", "320583"),
    ("义乌", "330782"),
    ("六枝特区", "520203"),
    ("峰峰矿区", "130406"),
    ("长阳土家族自治县", "420528"),
    ("积石山保安族东乡族撒拉族自治县", "622927"),
    ("积石山", "622927"),
    ("双江拉祜族佤族布朗族傣族自治县", "530925"),
    ("察布查尔锡伯自治县", "654022"),
    ("城口县", "500229"),
    ("海淀区", "110108"),
    ("莱芜区", "370116"),
    ("漠河市", "232701"),
    ("芒市", "533103"),
    ("津市市", "430781"),
    ("津市", "430781"),
    # a short name with the ending people give it
    ("积石山县", "622927"),
    ("长阳县", "420528"),
    ("莫力达瓦旗", "150722"),
    ("延边州", "222400"),
    ("大理州", "532900"),
    # a county's old name finds the district or city it became
    ("江宁县", "320115"),
    ("江川县", "530403"),
    ("昆山县", "320583"),
    # former names kept as aliases
    ("莱芜市", "370116"),
    ("闸北区", "310106"),
    ("长治县", "140404"),
    ("伊春区", "230717"),
    ("塘沽区", "120116"),
    ("开县", "500154"),
    ("横县", "450181"),
    ("库车县", "652902"),
    ("中甸县", "533401"),
    ("大庸", "430800"),
    ("日喀则地区", "540200"),
    # a short name shared by a city and its own district goes to the city
    ("白银", "620400"),
    ("伊春", "230700"),
    ("大同", "140200"),
    # written with full-width or spaced characters
    ("宁 夏", "640000"),
]


@pytest.mark.parametrize(("written", "code"), FINDS_ONE)
def test_a_name_as_reports_write_it_finds_its_division(written: str, code: str) -> None:
    assert [d.code for d in find(written)] == [code]


# (name, within, the codes it must give)
FINDS_WITHIN: list[tuple[str, str | None, list[str]]] = [
    ("朝阳区", None, ["110105", "220104"]),
    ("朝阳区", "110000", ["110105"]),
    ("朝阳区", "220100", ["220104"]),
    ("朝阳区", "220000", ["220104"]),
    ("鼓楼区", None, ["320106", "320302", "350102", "410204"]),
    ("鼓楼区", "350100", ["350102"]),
    ("鼓楼区", "320000", ["320106", "320302"]),
    ("鼓楼", "320100", ["320106"]),
    ("鼓楼", None, ["320106", "320302", "350102", "410204"]),
    ("海拉尔区", "150700", ["150702"]),
    ("海拉尔区", "150000", ["150702"]),
    ("海拉尔区", "230000", []),
    ("朝阳", None, ["211300"]),
    ("朝阳", "110000", ["110105"]),
    ("城区", "140300", ["140302"]),
    ("城区", None, ["140302", "140502", "441502"]),
    ("南沙区", None, ["440115", "460302"]),
    ("东乡", None, ["361003", "622926"]),
    ("吉林", None, ["220000"]),
    ("吉林市", "220000", ["220200"]),
    ("北京", "110000", ["110000"]),
    ("呼伦贝尔市", "150000", ["150700"]),
    ("呼伦贝尔市", "210000", []),
    ("石河子市", "650000", ["659001"]),
]


@pytest.mark.parametrize(("name", "within", "codes"), FINDS_WITHIN)
def test_within_keeps_only_the_area_and_what_lies_under_it(name: str, within: str | None, codes: list[str]) -> None:
    assert [d.code for d in find(name, within=within)] == codes


# (as it is written, no division)
FINDS_NOTHING: list[str] = ["江川市", "海拉尔市", "呼伦贝尔县", "", "市", "通", "新", "中国", "北京省"]


@pytest.mark.parametrize("written", FINDS_NOTHING)
def test_a_name_that_is_no_division_finds_nothing(written: str) -> None:
    assert find(written) == []


# (code, the full name with every level above it)
FULL_NAMES: list[tuple[str, str]] = [
    ("150000", "内蒙古自治区"),
    ("150700", "内蒙古自治区呼伦贝尔市"),
    ("222400", "吉林省延边朝鲜族自治州"),
    ("419001", "河南省济源市"),
    ("659001", "新疆维吾尔自治区石河子市"),
    ("150702", "内蒙古自治区呼伦贝尔市海拉尔区"),
    ("110105", "北京市朝阳区"),
    ("500229", "重庆市城口县"),
    ("429021", "湖北省神农架林区"),
    ("469030", "海南省琼中黎族苗族自治县"),
    ("654022", "新疆维吾尔自治区伊犁哈萨克自治州察布查尔锡伯自治县"),
]


@pytest.mark.parametrize(("code", "name"), FULL_NAMES)
def test_the_full_name_carries_every_level_above(code: str, name: str) -> None:
    assert full_name(code) == name


def test_ancestors_come_province_first_without_the_division_itself() -> None:
    assert [d.code for d in ancestors("150702")] == ["150000", "150700"]
    assert [d.code for d in ancestors("150700")] == ["150000"]
    assert ancestors("150000") == []


def test_children_are_the_divisions_right_under_a_code() -> None:
    assert [d.name for d in children("150700")][:3] == ["海拉尔区", "扎赉诺尔区", "阿荣旗"]
    assert len(children("150700")) == 14
    assert [d.code for d in children("110000")][:2] == ["110101", "110102"]
    assert children("150702") == []
    assert children("999999") == []


# (code, area, whether the code lies within the area)
WITHIN: list[tuple[str, str, bool]] = [
    ("150702", "150702", True),
    ("150702", "150700", True),
    ("150702", "150000", True),
    ("150700", "150702", False),
    ("150702", "210000", False),
    ("429004", "420000", True),
    ("429004", "420600", False),
]


@pytest.mark.parametrize(("code", "area", "inside"), WITHIN)
def test_lies_within_follows_the_levels_up(code: str, area: str, inside: bool) -> None:
    assert lies_within(code, area) is inside


def test_an_unknown_code_is_none_by_code_and_an_error_for_names() -> None:
    assert by_code("999999") is None
    with pytest.raises(KeyError, match="999999"):
        full_name("999999")
    with pytest.raises(KeyError, match="999999"):
        ancestors("999999")


# (text, the names of the divisions read in it, in order)
MENTIONS: list[tuple[str, list[str]]] = [
    ("呼伦贝尔市海拉尔区", ["呼伦贝尔市", "海拉尔区"]),
    ("北京市朝阳区", ["北京市", "朝阳区"]),
    ("朝阳区", ["朝阳区", "朝阳区"]),
    ("福州市鼓楼区", ["福州市", "鼓楼区"]),
    ("浦东新区和滨海新区", ["浦东新区", "滨海新区"]),
    ("昆山、义乌、满洲里", ["昆山市", "义乌市", "满洲里市"]),
    ("积石山保安族东乡族撒拉族自治县", ["积石山保安族东乡族撒拉族自治县"]),
    ("积石山县", ["积石山保安族东乡族撒拉族自治县"]),
    ("江北区域", []),
    # weak forms count only right after their parent
    ("阳泉市城区", ["阳泉市", "城区"]),
    ("丹东市振兴区", ["丹东市", "振兴区"]),
    ("菏泽市单县", ["菏泽市", "单县"]),
    ("辽宁振兴", ["辽宁省"]),
    ("山东单县", ["山东省"]),
    ("开展示范县创建", []),
    ("坚持创新和协调", []),
    ("顺应城市发展，建设沿海城市和新兴城市", []),
    ("打造空中出海口", []),
    ("推进新乡村建设", []),
    # province-administered and well-known county-level units stand on their own
    ("仙桃、潜江、天门", ["仙桃市", "潜江市", "天门市"]),
    ("浦东、海淀", ["浦东新区", "海淀区"]),
    ("比如说，要用好资源，打通通道，共和国", []),
    ("全市北部与市中心", []),
    ("老城区改造", []),
    ("内蒙古自治区呼伦贝尔市", ["内蒙古自治区", "呼伦贝尔市"]),
    ("宁夏、广西和新疆", ["宁夏回族自治区", "广西壮族自治区", "新疆维吾尔自治区"]),
    ("黔东南州和湘西州", ["黔东南苗族侗族自治州", "湘西土家族苗族自治州"]),
    ("吉林市地处吉林省中部", ["吉林市", "吉林省"]),
    # a short name right before another ending is another place
    ("江川市", []),
    # ordinary words and single characters are no places
    ("坚持长治久安，推进乡村振兴，发展朝阳产业", []),
    ("交通、新能源", []),
    ("", []),
]


@pytest.mark.parametrize(("text", "names"), MENTIONS)
def test_mentions_reads_place_names_in_running_text(text: str, names: list[str]) -> None:
    assert [d.name for _start, _end, d in mentions(text)] == names


def test_mentions_gives_the_span_of_each_name_in_the_text() -> None:
    text = "据内蒙古自治区呼伦贝尔市统计局"
    assert [(text[s:e], d.code) for s, e, d in mentions(text)] == [("内蒙古自治区", "150000"), ("呼伦贝尔市", "150700")]


def test_each_position_of_a_text_is_tried_against_a_few_lengths_whatever_the_names() -> None:
    # The scan's work per character is bounded by these, not by the 3,200 divisions: linear time.
    lengths = gazetteer.gazetteer().text_lengths
    assert max(len(found) for found in lengths.values()) <= 6
    assert max(max(found) for found in lengths.values()) <= 20


@pytest.mark.parametrize("piece", ["积石山保安族东乡族撒拉族自治", "内蒙古自治", "北京市朝阳", "和和和", "新疆维吾尔"])
def test_mentions_of_a_long_repetitive_text_come_back_whole(piece: str) -> None:
    text = piece * 5000
    found = mentions(text)
    assert all(0 <= s < e <= len(text) for s, e, _d in found)
    assert len(found) <= len(text)


# (text, the codes it names, in order)
MENTION_CODES: list[tuple[str, list[str]]] = [
    ("北京市朝阳区", ["110000", "110105"]),
    ("长春市朝阳区", ["220100", "220104"]),
    ("朝阳区", ["110105", "220104"]),
    ("南京市鼓楼区和福州市鼓楼区", ["320100", "320106", "350100", "350102"]),
    ("阳泉市城区与晋城市城区", ["140300", "140302", "140500", "140502"]),
]


@pytest.mark.parametrize(("text", "codes"), MENTION_CODES)
def test_a_shared_name_right_after_its_parent_is_that_parents(text: str, codes: list[str]) -> None:
    assert [d.code for _s, _e, d in mentions(text)] == codes


# (a title, issuer line or opening of a report, the code of the region it is about, or None)
LOCATES: list[tuple[str, str | None]] = [
    ("呼伦贝尔市海拉尔区2019年政府工作报告", "150702"),
    ("海拉尔区人民政府", "150702"),
    ("2026年安徽省政府工作报告", "340000"),
    ("宁夏回族自治区人民政府", "640000"),
    ("广西壮族自治区2025年国民经济和社会发展计划执行情况", "450000"),
    ("重庆市城口县2025年统计公报", "500229"),
    ("北京市朝阳区2026年政府工作报告", "110105"),
    ("长春市朝阳区人民政府关于2025年计划执行情况的报告", "220104"),
    ("延边朝鲜族自治州政府工作报告", "222400"),
    ("锡林郭勒盟行政公署", "152500"),
    ("吉林省吉林市2026年政府工作报告", "220200"),
    ("湖北省2026年政府工作报告：武汉、襄阳、宜昌三地引领", "420000"),
    ("内蒙古自治区呼伦贝尔市", "150700"),
    ("仙桃市2025年国民经济和社会发展统计公报", "429004"),
    ("鼓楼区政府工作报告", None),
    ("朝阳区政府工作报告", None),
    ("江川市2026年政府工作报告", None),
    ("坚持创新和协调，推进乡村振兴", None),
    ("", None),
]


@pytest.mark.parametrize(("text", "code"), LOCATES)
def test_locate_tells_the_region_a_text_is_about(text: str, code: str | None) -> None:
    found = locate(text)
    assert (found.code if found else None) == code


#: Real reports, beside the repository; tests that read them skip where they are absent.
CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"


def _corpus_text(name: str) -> str:
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"real report {name} is not at {CORPUS}")
    return path.read_text(encoding="utf-8")


# (a real report in ../shared/corpus, the division it is about, the province it lies in)
REPORTS: list[tuple[str, str, str]] = [
    ("04_anhui-gwr-2026.txt", "340000", "340000"),
    ("05_hubei-gwr-2026.txt", "420000", "420000"),
    ("11_hailar-district-gwr-2019.txt", "150702", "150000"),
    ("16_liaoning-gwr-2026.txt", "210000", "210000"),
]


@pytest.mark.parametrize(("name", "region", "province"), REPORTS)
def test_a_real_report_names_its_own_region_most(name: str, region: str, province: str) -> None:
    counts = Counter(d.code for _s, _e, d in mentions(_corpus_text(name)))
    assert counts.most_common(1)[0][0] == region


@pytest.mark.parametrize(("name", "region", "province"), REPORTS)
def test_a_real_report_is_located_in_its_region(name: str, region: str, province: str) -> None:
    found = locate(_corpus_text(name))
    assert found is not None and found.code == region


@pytest.mark.parametrize(("name", "region", "province"), REPORTS)
def test_a_real_report_names_no_county_outside_its_province(name: str, region: str, province: str) -> None:
    strays = {
        d.name for _s, _e, d in mentions(_corpus_text(name)) if d.level == "county" and d.code[:2] != province[:2]
    }
    assert strays == set()


# (full name, the short name the rule derives, or None)
SHORT_NAMES: list[tuple[str, str | None]] = [
    ("呼伦贝尔市", "呼伦贝尔"),
    ("宁夏回族自治区", "宁夏"),
    ("新疆维吾尔自治区", "新疆"),
    ("伊犁哈萨克自治州", "伊犁"),
    ("黔东南苗族侗族自治州", "黔东南"),
    ("积石山保安族东乡族撒拉族自治县", "积石山"),
    ("双江拉祜族佤族布朗族傣族自治县", "双江"),
    ("隆林各族自治县", "隆林"),
    ("鄂温克族自治旗", "鄂温克"),
    ("东乡族自治县", "东乡"),
    ("科尔沁右翼前旗", None),
    ("乌审旗", "乌审"),
    ("达尔罕茂明安联合旗", "达尔罕茂明安"),
    ("浦东新区", "浦东"),
    ("峰峰矿区", "峰峰"),
    ("神农架林区", "神农架"),
    ("城区", None),
    ("通州区", "通州"),
    ("香港特别行政区", "香港"),
    ("宝山", None),
]


@pytest.mark.parametrize(("name", "short"), SHORT_NAMES)
def test_a_short_name_is_derived_by_rule(name: str, short: str | None) -> None:
    assert short_name(name, _packaged_rules()) == short


def _packaged_rules() -> gazetteer.NameRules:
    return gazetteer.gazetteer().rules


# --- the packaged data holds together -----------------------------------------------------


def test_no_code_appears_twice() -> None:
    codes = [d.code for d in divisions()]
    assert len(codes) == len(set(codes))


def test_every_parent_exists_and_is_a_level_higher() -> None:
    for division in divisions():
        if division.level == "province":
            assert division.parent_code is None, division
            continue
        parent = by_code(division.parent_code or "")
        assert parent is not None, division
        assert gazetteer.LEVELS.index(parent.level) < gazetteer.LEVELS.index(division.level), division


def test_a_childs_code_starts_with_its_provinces_two_digits() -> None:
    for division in divisions():
        assert ancestors(division.code)[0].code[:2] == division.code[:2] if division.parent_code else True, division


def test_a_city_code_ends_in_00_and_a_province_code_in_0000() -> None:
    for division in divisions():
        if division.level == "province":
            assert division.code.endswith("0000"), division
        elif division.level == "city":
            assert division.code.endswith("00") and not division.code.endswith("0000"), division
        else:
            assert not division.code.endswith("00"), division


def test_no_written_alias_names_two_divisions_or_another_ones_full_name() -> None:
    full = {d.name: d.code for d in divisions()}
    owner: dict[str, str] = {}
    for division in divisions():
        for alias in division.aliases:
            assert full.get(alias, division.code) == division.code, (alias, division)
            assert owner.setdefault(alias, division.code) == division.code, (alias, division)


def test_the_csv_holds_every_short_name_the_rule_gives_a_division_alone() -> None:
    text = resources.files("planwatch.catalog").joinpath(gazetteer.DATA_FILE).read_text(encoding="utf-8")
    written = {code: aliases for code, _n, _l, _p, aliases in read_division_rows(text)}
    added = {d.name: d.aliases[len(written[d.code]) :] for d in divisions() if d.aliases != written[d.code]}
    assert added == {}


def test_every_word_listed_for_text_scans_is_a_name_of_some_division() -> None:
    known = {n for d in divisions() for n in d.names} | set(gazetteer.gazetteer().by_claim)
    assert sorted(_packaged_rules().only_after_parent - known) == []
    assert sorted(_packaged_rules().strong_in_text - known) == []


def test_counts_per_level_are_plausible() -> None:
    counts = Counter(d.level for d in divisions())
    assert counts["province"] == 34
    assert 330 <= counts["city"] <= 340
    assert 2800 <= counts["county"] <= 2900


def test_every_province_on_the_mainland_has_counties() -> None:
    with_counties = {d.code[:2] for d in divisions() if d.level == "county"}
    provinces = {d.code[:2] for d in divisions() if d.level == "province"}
    assert provinces - with_counties == {"71", "81", "82"}


def test_every_prefecture_has_counties_except_those_without_districts() -> None:
    parents = {d.parent_code for d in divisions() if d.level == "county"}
    childless = sorted(d.name for d in divisions() if d.level == "city" and d.code not in parents)
    assert childless == ["东莞市", "中山市", "儋州市", "嘉峪关市"]


def test_municipalities_hold_their_districts_directly() -> None:
    for province in ("110000", "120000", "310000", "500000"):
        children = [d for d in divisions() if d.parent_code == province]
        assert len(children) >= 16
        assert all(d.level == "county" for d in children)


# --- bad data is refused with the file, line and field -------------------------------------

HEADER = "code,name,level,parent_code,aliases\n"

# (rows after the header, words the error must carry)
BAD_ROWS: list[tuple[str, str]] = [
    ("11000,北京市,province,,\n", "第2行 code"),
    ("110000,北京市,province,,\n110000,北京,province,,\n", "第3行 code"),
    ("110000,北京市,state,,\n", "第2行 level"),
    ("110000,,province,,\n", "第2行 name"),
    ("110000,北京市,province,,\n110101,东城区,county,110100,\n", "第3行 parent_code"),
    ("110000,北京市,province,,\n120101,和平区,county,110000,\n", "第3行 parent_code"),
    ("110000,北京市,province,120000,\n", "第2行 parent_code"),
    ("110000,北京市,province,,\n110101,东城区,county,,\n", "第3行 parent_code"),
]


@pytest.mark.parametrize(("rows", "words"), BAD_ROWS)
def test_bad_gazetteer_rows_are_refused_naming_line_and_field(rows: str, words: str) -> None:
    with pytest.raises(GazetteerError, match=words):
        read_division_rows(HEADER + rows)


def test_a_wrong_header_is_refused() -> None:
    with pytest.raises(GazetteerError, match="表头"):
        read_division_rows("code,name\n110000,北京市\n")


# (a words file, what the error must name)
BAD_WORDS: list[tuple[str, str]] = [
    ("suffixes = [", "TOML"),
    ('suffixes = ["市"]\n', "banner_keep_before"),
    ('suffixes = "市"\n', "suffixes"),
    ('suffixes = ["市", ""]\n', "suffixes"),
]


@pytest.mark.parametrize(("text", "words"), BAD_WORDS)
def test_a_bad_words_file_is_refused_naming_the_list(text: str, words: str) -> None:
    with pytest.raises(GazetteerError, match=words):
        read_name_rules(text)
