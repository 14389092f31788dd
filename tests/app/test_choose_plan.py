"""Which plan a request is about: one rule for commands, pages, the API and the importer."""

from __future__ import annotations

import pytest

from planwatch.app import NotFound, Refused, choose_plan
from planwatch.plan.model import Plan

P2026 = Plan("JC2026", "JC", 2026, "江川市2026年计划")
P2025 = Plan("JC2025", "JC", 2025, "江川市2025年计划")


@pytest.mark.parametrize(
    ("plans", "code", "several", "expected"),
    [
        ([P2025], None, "ask", "JC2025"),
        ([P2026, P2025], "JC2025", "ask", "JC2025"),
        ([P2026, P2025], None, "newest", "JC2026"),
        ([P2026, P2025], "", "newest", "JC2026"),
    ],
)
def test_a_plan_is_the_one_named_or_the_obvious_one(plans, code, several, expected):
    assert choose_plan(plans, code, several=several).code == expected


@pytest.mark.parametrize(
    ("plans", "code", "several", "error", "message"),
    [
        ([], None, "ask", NotFound, "数据库中还没有计划"),
        ([], "JC2025", "newest", NotFound, "数据库中还没有计划"),
        ([P2025], "XX", "ask", NotFound, "没有编号为「XX」的计划；库中的计划：JC2025"),
        ([P2026, P2025], None, "ask", Refused, "数据库中有多个计划（JC2026、JC2025），请用 --plan 指定"),
    ],
)
def test_a_missing_or_open_choice_is_refused_in_chinese(plans, code, several, error, message):
    with pytest.raises(error, match=message):
        choose_plan(plans, code, several=several)
