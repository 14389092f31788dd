"""The item page reads one item's history, and shows the same page as from the whole plan's history."""

from __future__ import annotations

from datetime import date

import pytest

from planwatch.monitor import evaluate
from planwatch.store import Store
from planwatch.web import services

from .webapp import jiangchuan_plan

AS_OF_DATES = [date(2025, 3, 31), date(2025, 6, 30), date(2025, 12, 31)]


@pytest.mark.parametrize("as_of", AS_OF_DATES)
def test_every_item_page_is_the_same_whether_read_by_item_or_from_the_whole_history(
    web_store: Store, as_of: date
) -> None:
    plan_code = jiangchuan_plan().plan.code
    selected = web_store.load_plan_data(plan_code, as_of=as_of, latest_only=True)
    board = evaluate(selected, as_of)
    whole = services.load_history(web_store, plan_code, as_of)
    before = list(selected.progress)
    for status in board.items:
        shown = services.item_status_out(status, board)
        by_item = services.item_history(web_store, selected, status.code, as_of)
        assert by_item.progress == [r for r in whole.progress if r.item_code == status.code], status.code
        assert services.item_detail(by_item, shown, as_of) == services.item_detail(whole, shown, as_of), status.code
    assert selected.progress == before, "the selection's own records are left as they were"


def test_an_item_with_several_reports_shows_them_all_not_only_the_latest(web_store: Store) -> None:
    plan_code = jiangchuan_plan().plan.code
    as_of = date(2025, 12, 31)
    whole = services.load_history(web_store, plan_code, as_of)
    counts: dict[str, int] = {}
    for record in whole.progress:
        counts[record.item_code] = counts.get(record.item_code, 0) + 1
    code = max(counts, key=counts.__getitem__)
    assert counts[code] > 1
    selected = web_store.load_plan_data(plan_code, as_of=as_of, latest_only=True)
    history = services.item_history(web_store, selected, code, as_of)
    assert len(history.progress) == counts[code]
