"""The gazetteer: a report's place names land on GB/T 2260 divisions, and the data holds together."""

from __future__ import annotations

from collections import Counter

import pytest

from planwatch.catalog import gazetteer
from planwatch.catalog.gazetteer import (
    GazetteerError,
    ancestors,
    by_code,
    divisions,
    find,
    full_name,
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
    # written with full-width or spaced characters
    ("宁 夏", "640000"),
]


@pytest.mark.parametrize(("written", "code"), FINDS_ONE)
def test_a_name_as_reports_write_it_finds_its_division(written: str, code: str) -> None:
    assert [d.code for d in find(written)] == [code]


# (name, within, the codes it must give)
FINDS_WITHIN: list[tuple[str, str | None, list[str]]] = [
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
FINDS_NOTHING: list[str] = ["江川市", "", "市", "通", "新", "中国", "北京省"]


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
]


@pytest.mark.parametrize(("code", "name"), FULL_NAMES)
def test_the_full_name_carries_every_level_above(code: str, name: str) -> None:
    assert full_name(code) == name


def test_ancestors_come_province_first_without_the_division_itself() -> None:
    assert [d.code for d in ancestors("150700")] == ["150000"]
    assert ancestors("150000") == []


def test_an_unknown_code_is_none_by_code_and_an_error_for_names() -> None:
    assert by_code("999999") is None
    with pytest.raises(KeyError, match="999999"):
        full_name("999999")
    with pytest.raises(KeyError, match="999999"):
        ancestors("999999")


# (text, the names of the divisions read in it, in order)
MENTIONS: list[tuple[str, list[str]]] = [
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
    from importlib import resources

    text = resources.files("planwatch.catalog").joinpath(gazetteer.WORDS_FILE).read_text(encoding="utf-8")
    return read_name_rules(text)


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


def test_counts_per_level_are_plausible() -> None:
    counts = Counter(d.level for d in divisions())
    assert counts["province"] == 34
    assert 330 <= counts["city"] <= 340


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
