"""Store fixtures: every store test runs on a SQLite file and on a throwaway PostgreSQL cluster."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

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
def store(database_url: str) -> Iterator[Store]:
    """Yield a migrated store on an empty database."""
    s = Store.open(database_url)
    s.init()
    yield s
    s.close()


def make_plan() -> PlanData:
    """Return a small plan of the fictional 江川市 that sets every field of the domain model."""
    thresholds = StatusThresholds(
        cumulative_yellow_gap_pp=3.0,
        cumulative_red_gap_pp=10.0,
        rate_yellow_shortfall_pp=0.2,
        rate_red_shortfall_pp=0.8,
        milestone_warning_days=10,
        time_progress_by_days=True,
    )
    return PlanData(
        plan=Plan(
            code="JC2025",
            region_code="JC",
            year=2025,
            title="江川市2025年国民经济和社会发展计划",
            source_document="江川市2025年计划报告.docx",
            thresholds=thresholds,
        ),
        regions=[
            Region("JC", "江川市", None, "city"),
            Region("JC-DH", "东湖区", "JC", "district"),
            Region("JC-XS", "西山县", "JC", "county"),
        ],
        work_areas=[WorkArea("WA01", "（一）壮大实体经济", 1), WorkArea("WA02", "（二）扩大有效投资", 2)],
        targets=[
            Target(
                "T-GDP",
                "gdp",
                TargetMeasure.GROWTH,
                6.0,
                "%",
                qualifier=Qualifier.ABOUT,
                work_area_code="WA01",
                owner_unit="市发展改革委",
                name="地区生产总值增长",
                reporting_cycle=ReportingCycle.QUARTERLY,
                note="与全省同步",
            ),
            Target("T-CPI", "cpi", TargetMeasure.GROWTH, 2.0, "%", value_high=3.0, qualifier=Qualifier.UNDER),
            Target(
                "T-JOB",
                "urban_new_jobs",
                TargetMeasure.LEVEL,
                6.5,
                "万人",
                qualifier=Qualifier.OVER,
                cumulative=True,
                owner_unit="市人力社保局",
            ),
        ],
        tasks=[
            KeyTask(
                "K01",
                "建设江川概念验证中心",
                "WA01",
                "市科技局",
                ["市财政局", "东湖区政府"],
                [Milestone("1", "完成选址", date(2025, 3, 31)), Milestone("2", "主体开工", date(2025, 9, 30))],
                reporting_cycle=ReportingCycle.BIWEEKLY,
            ),
            KeyTask("K02", "新建高标准农田", "WA02", "市农业农村局", [], [], annual_quantity=12.5, unit="万亩"),
        ],
        projects=[
            Project(
                "P001",
                "江川大道快速化改造",
                "市交通局",
                "JC-DH",
                "交通",
                ProjectStage.NEW_START,
                180000.0,
                42000.0,
                date(2025, 3, 1),
                date(2027, 12, 31),
                "WA02",
                ReportingCycle.MONTHLY,
            ),
            Project(
                "P002",
                "西山储能电站",
                "西山县政府",
                "JC-XS",
                "能源",
                ProjectStage.UNDER_CONSTRUCTION,
                56000.5,
                12000.25,
            ),
        ],
        livelihood_items=[
            LivelihoodItem(
                "L01", "新建社区老年食堂", "市民政局", 40, "个", ["各区县政府"], "WA02", ReportingCycle.QUARTERLY
            ),
        ],
        progress=[
            ProgressRecord(
                "T-GDP",
                date(2025, 3, 31),
                5.7,
                True,
                date(2025, 1, 1),
                narrative="一季度",
                source=Source(unit="市统计局"),
            ),
            ProgressRecord(
                "T-GDP",
                date(2025, 6, 30),
                5.9,
                source=Source(document="上半年经济运行情况.txt", span=(120, 124), quote="5.9%"),
            ),
            ProgressRecord("K01", date(2025, 3, 28), milestone_key="1", narrative="选址已批复"),
            ProgressRecord(
                "P001", date(2025, 4, 30), 9000.0, False, date(2025, 3, 1), stage=ProjectStage.UNDER_CONSTRUCTION
            ),
            ProgressRecord("P001", date(2025, 5, 31), 4500.0, False, date(2025, 5, 1)),
            ProgressRecord("L01", date(2025, 6, 30), 22, narrative="已建成22个", source=Source(unit="市民政局")),
        ],
    )


@pytest.fixture
def plan_data() -> PlanData:
    """A fresh copy of the 江川市 sample plan."""
    return make_plan()
