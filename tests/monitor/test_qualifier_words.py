"""The words of a target's qualifier: one table read by the wording, the drop-down lists, the labels and the panel."""

from __future__ import annotations

import pytest

from planwatch.exchange.columns import QUALIFIER_CHOICES
from planwatch.library.export import QUALIFIER_ZH
from planwatch.monitor.rules import describe_target
from planwatch.plan.model import Qualifier, Target, TargetMeasure, qualifier_parts
from planwatch.web.labels import QUALIFIERS


@pytest.mark.parametrize(
    ("measure", "value", "high", "unit", "qualifier", "stated"),
    [
        (TargetMeasure.GROWTH, 6, None, "%", Qualifier.ABOUT, "增长6%左右"),
        (TargetMeasure.GROWTH, 3, None, "%", Qualifier.UNDER, "增长3%以内"),
        (TargetMeasure.GROWTH, 7, None, "%", Qualifier.OVER, "增长7%以上"),
        (TargetMeasure.LEVEL, 60, None, "万人", Qualifier.AT_LEAST, "不低于60万人"),
        (TargetMeasure.GROWTH, 5, 5.5, "%", None, "增长5%—5.5%"),
        (TargetMeasure.GROWTH, -2, None, "%", Qualifier.ABOUT, "下降2%左右"),
        (TargetMeasure.RATIO, 5.5, None, "%", Qualifier.UNDER, "5.5%以内"),
    ],
)
def test_a_target_is_stated_with_its_qualifier_where_chinese_puts_it(measure, value, high, unit, qualifier, stated):
    target = Target("T", "gdp", measure, value, unit, qualifier=qualifier, value_high=high)
    assert describe_target(target) == stated


@pytest.mark.parametrize("qualifier", list(Qualifier))
def test_every_qualifier_has_one_word_offered_in_the_drop_down_shown_on_pages_and_in_the_panel(qualifier):
    before, after = qualifier_parts(qualifier)
    word = before or after
    assert word
    assert QUALIFIER_CHOICES[word] == qualifier.value
    assert QUALIFIERS[qualifier.value] == word
    assert QUALIFIER_ZH[qualifier.value] == word


@pytest.mark.parametrize("unknown", [None, "", "nearly", "约莫"])
def test_no_qualifier_or_an_unknown_one_adds_no_word(unknown):
    assert qualifier_parts(unknown) == ("", "")
