"""Written units → (base unit, factor): the one unit vocabulary other layers validate against."""

from __future__ import annotations

import pytest

from planwatch.extract import extract_facts
from planwatch.extract.units import normalise_unit

UNITS = [
    ("元", ("元", 1.0)),
    ("万元", ("元", 1e4)),
    ("亿元", ("元", 1e8)),
    ("万亿元", ("元", 1e12)),
    ("美元", ("美元", 1.0)),
    ("亿美元", ("美元", 1e8)),
    ("人", ("人", 1.0)),
    ("万人", ("人", 1e4)),
    ("人次", ("人次", 1.0)),
    ("万人次", ("人次", 1e4)),
    ("个", ("个", 1.0)),
    ("家", ("家", 1.0)),
    ("项", ("项", 1.0)),
    ("辆", ("辆", 1.0)),
    ("万辆", ("辆", 1e4)),
    ("吨", ("吨", 1.0)),
    ("万吨", ("吨", 1e4)),
    ("亩", ("亩", 1.0)),
    ("万亩", ("亩", 1e4)),
    ("公里", ("公里", 1.0)),
    ("千瓦", ("千瓦", 1.0)),
    ("万千瓦", ("千瓦", 1e4)),
    ("亿千瓦时", ("千瓦时", 1e8)),
    ("平方米", ("平方米", 1.0)),
    ("万平方米", ("平方米", 1e4)),
    ("P", ("P", 1.0)),
    ("套（间）", ("套（间）", 1.0)),
    ("台（套）", ("台（套）", 1.0)),
    ("头（只）", ("头（只）", 1.0)),
    ("%", ("%", 1.0)),
    ("％", ("%", 1.0)),
    ("个百分点", ("pp", 1.0)),
    ("元/头", ("元/头", 1.0)),
    ("微克/立方米", ("微克/立方米", 1.0)),
    ("亿斤", ("斤", 1e8)),
]


@pytest.mark.parametrize(("written", "expected"), UNITS)
def test_a_written_unit_normalises_to_its_base_unit_and_factor(written: str, expected: tuple[str, float]) -> None:
    assert normalise_unit(written) == expected


@pytest.mark.parametrize("unknown", ["", "英寸", "届", "foo", "万"])
def test_an_unknown_unit_gives_none(unknown: str) -> None:
    assert normalise_unit(unknown) is None


AMOUNTS = [
    ("江川市盘活闲置厂房12.5万平方米。", "12.5万平方米", 125000, "平方米"),
    ("全年引进外资4.2亿美元。", "4.2亿美元", 4.2e8, "美元"),
    ("改造燃气管网36公里。", "36公里", 36, "公里"),
    ("新增光伏装机18万千瓦。", "18万千瓦", 180000, "千瓦"),
    ("建成安置房1.1万套（间）。", "1.1万套（间）", 11000, "套（间）"),
    ("接待游客2300万人次。", "2300万人次", 2.3e7, "人次"),
    ("全市算力规模达到800P。", "800P", 800, "P"),
    ("单位产值能耗0.45吨标准煤/万元。", "0.45吨标准煤/万元", 0.45, "吨标准煤/万元"),
]


@pytest.mark.parametrize(("phrase", "span_text", "value", "unit"), AMOUNTS)
def test_an_amount_in_a_phrase_is_given_in_its_base_unit(phrase: str, span_text: str, value: float, unit: str) -> None:
    facts = [f for f in extract_facts(phrase) if f.text == span_text]
    assert facts, [f.text for f in extract_facts(phrase)]
    assert facts[0].value == pytest.approx(value)
    assert facts[0].unit == unit
