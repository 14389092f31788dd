"""Fixtures for export tests: real SQLite stores and a plan that uses every exchange column."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from planwatch.plan.model import (
    KeyTask,
    LivelihoodItem,
    Milestone,
    Plan,
    PlanData,
    ProgressRecord,
    Project,
    ProjectStage,
    Qualifier,
    Region,
    ReportingCycle,
    Source,
    StatusThresholds,
    Target,
    TargetMeasure,
    WorkArea,
)
from planwatch.store import Store


@pytest.fixture
def open_store(tmp_path: Path) -> Iterator[Callable[[str], Store]]:
    """Yield a function that opens (and initialises) a fresh SQLite store by name."""
    opened: list[Store] = []

    def open_(name: str) -> Store:
        store = Store.open(f"sqlite:///{tmp_path / (name + '.sqlite')}")
        store.init()
        opened.append(store)
        return store

    yield open_
    for store in opened:
        store.close()


def full_plan() -> PlanData:
    """Return a plan of 江川市 that fills every optional field the exchange format carries."""
    return PlanData(
        plan=Plan(
            "JC2025",
            "JC",
            2025,
            "江川市2025年国民经济和社会发展计划",
            source_document="计划草案.docx",
            thresholds=StatusThresholds(4.0, 12.5, 0.2, 0.8, 20, True),
        ),
        regions=[
            Region("SX", "三江省", None, "province"),
            Region("JC", "江川市", "SX", "city"),
            Region("JC-01", "东湖区", "JC", "district"),
            Region("JC-02", "西山县", "JC", "county"),
        ],
        work_areas=[WorkArea("A01", "培育创新动能", 1), WorkArea("A02", "扩大有效投资", 2)],
        targets=[
            Target(
                "T01",
                "gdp",
                TargetMeasure.GROWTH,
                5.5,
                "%",
                value_high=6.0,
                qualifier=Qualifier.ABOUT,
                work_area_code="A01",
                owner_unit="市统计局",
                name="经济增速",
                reporting_cycle=ReportingCycle.QUARTERLY,
                note="区间目标",
            ),
            Target("T02", "new_urban_jobs", TargetMeasure.LEVEL, 6.5, "万人", cumulative=True),
            Target("T03", "urban_unemployment_rate", TargetMeasure.RATIO, 5.5, "%", qualifier=Qualifier.UNDER),
        ],
        tasks=[
            KeyTask(
                "K01",
                "建成首个概念验证中心",
                "A01",
                "市科技局",
                co_units=["市财政局", "市发展改革委"],
                milestones=[
                    Milestone("1", "确定中心选址", date(2025, 3, 31)),
                    Milestone("2", "中心挂牌运行", date(2025, 9, 30)),
                ],
            ),
            KeyTask(
                "K02",
                "改造老旧小区",
                None,
                "市住建局",
                annual_quantity=120.0,
                unit="个",
                reporting_cycle=ReportingCycle.BIWEEKLY,
            ),
        ],
        projects=[
            Project(
                "P001",
                "江川港区三期码头",
                "江川港务集团",
                "JC-01",
                "交通",
                ProjectStage.UNDER_CONSTRUCTION,
                120000.0,
                30000.0,
                date(2024, 5, 1),
                date(2027, 12, 31),
                "A02",
            ),
            Project("P002", "西山农光互补电站", "西山新能源公司", "JC-02", "能源", ProjectStage.RESERVE, 50000.5, 0.0),
        ],
        livelihood_items=[
            LivelihoodItem(
                "M01",
                "新建社区老年食堂",
                "市民政局",
                50.0,
                "个",
                co_units=["各区县政府"],
                work_area_code="A02",
                reporting_cycle=ReportingCycle.QUARTERLY,
            ),
        ],
        progress=[
            ProgressRecord("T01", date(2025, 3, 31), 5.2, source=Source(unit="市统计局")),
            ProgressRecord(
                "T01",
                date(2025, 6, 30),
                5.6,
                narrative="上半年增速回升",
                source=Source(document="上半年经济运行情况.txt", span=(120, 156), quote="增长5.6%"),
            ),
            ProgressRecord("K01", date(2025, 3, 28), milestone_key="1", narrative="选址已定"),
            ProgressRecord("K02", date(2025, 6, 30), 20.0, cumulative=False, period_start=date(2025, 6, 1)),
            ProgressRecord("P001", date(2025, 6, 30), 16500.0),
            ProgressRecord("P002", date(2025, 5, 20), stage=ProjectStage.NEW_START, narrative="提前开工"),
            ProgressRecord("M01", date(2025, 6, 30), 28.0, source=Source(unit="市民政局")),
        ],
    )


#: Text a spreadsheet could take for a formula, as an import would store it (trimmed), and
#: quotes and numbers written as text that must come back as they are.
HOSTILE = [
    "=1+1",
    '=HYPERLINK("http://example.invalid","详情")',
    "+86 0571 1234",
    "-较上月回落",
    "@市发改委 请核实",
    "-",
    "'=已带引号",
    "'-3.5",
    "'单引号开头",
    "-3.5",
]


def hostile_plan() -> PlanData:
    """Return the full test plan with hostile text in names, lists, notes, narratives and quotes."""
    data = full_plan()
    data.targets[0] = replace(data.targets[0], note="=1+1", name="-增速目标")
    data.tasks[0] = replace(data.tasks[0], co_units=["@市财政局", "市发展改革委"])
    data.projects[0] = replace(data.projects[0], name="+江川港区三期码头", industry="=交通")
    day = date(2025, 7, 1)
    data.progress += [
        ProgressRecord("M01", day + timedelta(days=i), 30.0 + i, narrative=text, source=Source(unit="市民政局"))
        for i, text in enumerate(HOSTILE)
    ]
    # a negative figure among the target's reports (the sheets list progress by kind of item)
    data.progress.insert(
        2, ProgressRecord("T01", date(2025, 9, 30), -3.5, source=Source(document="三季度.txt", quote="@原文"))
    )
    return data
