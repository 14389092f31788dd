"""A unit's narrowed board follows the whole board's changes as a fresh narrowing would show them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sample_plan import sample_plan

from planwatch.app import Evaluation, Narrowed
from planwatch.monitor import Light, evaluate

AS_OF = date(2025, 6, 30)
UNIT = "江川市统计局"


def keeps(item) -> bool:  # type: ignore[no-untyped-def]
    return item.owner_unit == UNIT


def shown(evaluation: Evaluation) -> tuple:
    board = evaluation.board
    rollups = {by: board.rollup(by, 3) for by in ("work_area", "owner_unit", "district")}
    return [i.code for i in board.items], board.counts(), board.alerts(), rollups


@pytest.mark.parametrize(
    ("which", "light"),
    [
        ("the unit's own items", Light.RED),
        ("the unit's own items", Light.GREEN),
        ("other units' items", Light.RED),
        ("every third item", Light.GREY),
    ],
)
def test_a_narrowed_board_carried_to_a_new_version_equals_one_narrowed_afresh(which: str, light: Light) -> None:
    data = sample_plan()
    whole = Evaluation(data, evaluate(data, AS_OF))
    narrowed = Narrowed.of(whole, keeps)
    shown(narrowed.evaluation)  # its figures are worked out, as pages leave them
    picked = {
        "the unit's own items": [i for i in whole.board.items if keeps(i)],
        "other units' items": [i for i in whole.board.items if not keeps(i)],
        "every third item": whole.board.items[::3],
    }[which]
    assert picked
    pairs = [(old, replace(old, light=light)) for old in picked]
    board = whole.board.with_changed(new for _, new in pairs)
    assert board is not None
    fresh = Evaluation(data, board)

    carried = narrowed.follow(pairs, fresh)

    assert carried is not None
    assert shown(carried.evaluation) == shown(Narrowed.of(fresh, keeps).evaluation)
    assert carried.evaluation.plan_item("T01").code == "T01"  # the items by code come along


def test_an_item_that_comes_into_the_units_scope_makes_it_narrow_again() -> None:
    data = sample_plan()
    whole = Evaluation(data, evaluate(data, AS_OF))
    narrowed = Narrowed.of(whole, keeps)
    outsider = next(i for i in whole.board.items if not keeps(i))
    pairs = [(outsider, replace(outsider, owner_unit=UNIT))]
    assert narrowed.follow(pairs, whole) is None
