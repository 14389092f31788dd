"""年报/半年报 cycles, the plan's 左右 tolerance and narrative-only task reports go out and come back."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from planwatch.exports import export_plan
from planwatch.imports.reader import read_tables
from planwatch.imports.service import import_file
from planwatch.plan.model import PlanData, ProgressRecord, ReportingCycle, Source
from planwatch.store import Store

from .conftest import full_plan

OpenStore = Callable[[str], Store]


def yearly_plan() -> PlanData:
    data = full_plan()
    data.plan = replace(data.plan, thresholds=replace(data.plan.thresholds, about_tolerance_pp=0.3))
    data.targets[1].reporting_cycle = ReportingCycle.ANNUAL
    data.tasks[0].reporting_cycle = ReportingCycle.SEMIANNUAL
    data.livelihood_items[0].reporting_cycle = ReportingCycle.ANNUAL
    data.progress.append(
        ProgressRecord("K01", date(2025, 6, 30), narrative="挂牌材料已报市政府", source=Source(unit="市科技局"))
    )
    return data


def report_key(record: ProgressRecord) -> tuple[str, date, str]:
    return (record.item_code, record.as_of, record.milestone_key or "")


@pytest.mark.parametrize("target", ["plan.xlsx", "plan.zip"])
def test_new_cycles_tolerance_and_narratives_survive_export_and_import(
    open_store: OpenStore, tmp_path: Path, target: str
) -> None:
    first = open_store("first")
    first.save_plan_data(yearly_plan(), user="规划处")
    export_plan(first, "JC2025", "xlsx" if target.endswith(".xlsx") else "csv", tmp_path / target)
    tables = read_tables(tmp_path / target)
    assert tables["计划"][0]["左右容差（百分点）"] in (0.3, "0.3")
    assert {row["报送周期"] for row in tables["民生实事"]} == {"年报"}
    second = open_store("second")
    import_file(second, tmp_path / target, user="规划处")
    loaded, saved = second.load_plan_data("JC2025"), first.load_plan_data("JC2025")
    assert replace(loaded, progress=[]) == replace(saved, progress=[])
    assert sorted(loaded.progress, key=report_key) == sorted(saved.progress, key=report_key)
    assert loaded.plan.thresholds.about_tolerance_pp == 0.3
    assert [t.reporting_cycle for t in loaded.targets][1] is ReportingCycle.ANNUAL
    (note,) = [r for r in loaded.progress if r.item_code == "K01" and r.as_of == date(2025, 6, 30)]
    assert (note.value, note.milestone_key, note.narrative) == (None, None, "挂牌材料已报市政府")
