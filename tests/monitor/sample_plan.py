"""A small plan of the fictional 江川市 with half a year of progress, for board and CLI tests."""

from __future__ import annotations

from datetime import date

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
    Source,
    Target,
    TargetMeasure,
    WorkArea,
)

STATS = Source(unit="江川市统计局")
FARM = Source(unit="江川市农业农村局")
CIVIL = Source(unit="江川市民政局")


def d(text: str) -> date:
    return date.fromisoformat(text)


def sample_plan() -> PlanData:
    """Return 江川市's 2025 plan: 3 targets, 3 tasks, 4 projects, 2 livelihood items."""
    return PlanData(
        plan=Plan("JC2025", "JC", 2025, "江川市2025年国民经济和社会发展计划"),
        regions=[
            Region("JC", "江川市"),
            Region("JC01", "临江区", "JC", "district"),
            Region("JC02", "青山县", "JC", "county"),
        ],
        work_areas=[
            WorkArea("A01", "稳住经济增长", 1),
            WorkArea("A02", "扩大有效投资", 2),
            WorkArea("A03", "增进民生福祉", 3),
        ],
        targets=[
            Target("T01", "gdp", TargetMeasure.GROWTH, 6, "%", qualifier=Qualifier.ABOUT, work_area_code="A01",
                   owner_unit="江川市统计局"),
            Target("T02", "cpi", TargetMeasure.GROWTH, 2, "%", qualifier=Qualifier.ABOUT, work_area_code="A01",
                   owner_unit="江川市统计局"),
            Target("T03", "new_urban_jobs", TargetMeasure.LEVEL, 6, "万人", cumulative=True, work_area_code="A03",
                   owner_unit="江川市人社局"),
        ],
        tasks=[
            KeyTask("K01", "建设高标准农田", "A01", "江川市农业农村局", annual_quantity=40, unit="万亩"),
            KeyTask("K02", "建设概念验证中心", "A01", "江川市科技局",
                    milestones=[
                        Milestone("1", "完成选址", d("2025-03-31")),
                        Milestone("2", "挂牌运行", d("2025-05-31")),
                    ]),
            KeyTask("K03", "开通城市数据平台", "A02", "江川市数据局",
                    milestones=[Milestone("1", "上线试运行", d("2025-10-31"))]),
        ],
        projects=[
            Project("P01", "临江大桥", "江川交投集团", "JC01", "交通", ProjectStage.UNDER_CONSTRUCTION, 90000, 20000,
                    work_area_code="A02"),
            Project("P02", "青山水库扩容", "江川水务集团", "JC02", "水利", ProjectStage.NEW_START, 40000, 10000,
                    planned_start=d("2025-03-01"), work_area_code="A02"),
            Project("P03", "临江智算中心", "江川数科公司", "JC01", "数字", ProjectStage.UNDER_CONSTRUCTION,
                    60000, 12000, work_area_code="A02"),
            Project("P04", "青山物流园", "江川物流公司", "JC02", "物流", ProjectStage.RESERVE, 30000, 0,
                    work_area_code="A02"),
        ],
        livelihood_items=[
            LivelihoodItem("L01", "新建社区老年食堂", "江川市民政局", 40, "个", work_area_code="A03"),
            LivelihoodItem("L02", "改造农村公路", "江川市交通局", 300, "公里", work_area_code="A03"),
        ],
        progress=[
            ProgressRecord("T01", d("2025-06-30"), 5.2, source=STATS),
            ProgressRecord("T02", d("2025-06-30"), 0.8, source=STATS),
            ProgressRecord("T03", d("2025-06-30"), 3.4, source=Source(unit="江川市人社局")),
            ProgressRecord("K01", d("2025-03-31"), 5, cumulative=False, source=FARM),
            ProgressRecord("K01", d("2025-06-28"), 7.4, cumulative=False, source=FARM),
            ProgressRecord("K02", d("2025-03-28"), milestone_key="1", source=Source(unit="江川市科技局")),
            ProgressRecord("K02", d("2025-06-20"), narrative="挂牌仪式推迟", source=Source(unit="江川市科技局")),
            ProgressRecord("K03", d("2025-06-25"), narrative="平台开发中", source=Source(unit="江川市数据局")),
            ProgressRecord("P01", d("2025-06-30"), 11000, source=Source(unit="江川交投集团")),
            ProgressRecord("P03", d("2025-04-30"), 5000, source=Source(unit="江川数科公司")),
            ProgressRecord("L01", d("2025-06-30"), 21, source=CIVIL),
            ProgressRecord("L02", d("2025-06-30"), 150, source=Source(unit="江川市交通局")),
            ProgressRecord("L02", d("2025-07-31"), 200, source=Source(unit="江川市交通局")),  # after the as-of date
        ],
    )
