"""The web tests' world: a real SQLite store in a folder and the real app under uvicorn.

The plan is a small one of the fictional 江川市, written for these tests: two headline
targets, tasks with milestones and with a quantity, projects in two districts and a
livelihood item, with progress that puts items ahead, behind, overdue and silent.
"""

from __future__ import annotations

import socket
import threading
import time
from datetime import date
from pathlib import Path

import uvicorn

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
from planwatch.store import Store
from planwatch.web import create_app

from .accounts import add_users

AS_OF = date(2025, 6, 30)
PLAN = "JC2025"


def jiangchuan_plan() -> PlanData:
    """Return a small plan of 江川市 for 2025 with six months of progress."""
    unit = Source(unit="市统计局")
    return PlanData(
        plan=Plan(code=PLAN, region_code="JC", year=2025, title="江川市2025年国民经济和社会发展计划"),
        regions=[
            Region("JC", "江川市"),
            Region("JC01", "临江区", parent_code="JC", level="district"),
            Region("JC02", "青山县", parent_code="JC", level="county"),
        ],
        work_areas=[
            WorkArea("W01", "稳住经济增长", order=1),
            WorkArea("W02", "扩大有效投资", order=2),
            WorkArea("W03", "办好民生实事", order=3),
        ],
        targets=[
            Target(
                "T01",
                "gdp",
                TargetMeasure.GROWTH,
                6.0,
                "%",
                qualifier=Qualifier.ABOUT,
                work_area_code="W01",
                owner_unit="市发展改革委",
            ),
            Target(
                "T02",
                "new_urban_jobs",
                TargetMeasure.LEVEL,
                4.0,
                "万人",
                cumulative=True,
                work_area_code="W01",
                owner_unit="市人力资源社会保障局",
            ),
        ],
        tasks=[
            KeyTask(
                "K01",
                "建成城市数据共享平台",
                "W01",
                "市数据局",
                milestones=[
                    Milestone("1", "完成平台招标", date(2025, 3, 31)),
                    Milestone("2", "平台上线试运行", date(2025, 6, 15)),
                ],
            ),
            KeyTask("K02", "改造老旧小区", "W03", "市住房城乡建设局", annual_quantity=120, unit="个"),
        ],
        projects=[
            Project(
                "P01",
                "临江港区集装箱码头扩建工程",
                "市交通运输局",
                "JC01",
                "交通",
                ProjectStage.UNDER_CONSTRUCTION,
                total_investment=180000,
                annual_planned_investment=40000,
                work_area_code="W02",
            ),
            Project(
                "P02",
                "青山县新能源电池材料产业园",
                "青山县人民政府",
                "JC02",
                "制造业",
                ProjectStage.NEW_START,
                total_investment=260000,
                annual_planned_investment=60000,
                work_area_code="W02",
            ),
            Project(
                "P03",
                "临江区第二水厂",
                "临江区人民政府",
                "JC01",
                "市政",
                ProjectStage.UNDER_CONSTRUCTION,
                total_investment=50000,
                annual_planned_investment=20000,
                work_area_code="W02",
            ),
        ],
        livelihood_items=[
            LivelihoodItem("L01", "新增托育托位", "市卫生健康委", 3000, "个", work_area_code="W03"),
        ],
        progress=[
            ProgressRecord("T01", date(2025, 3, 31), 5.2, source=unit, narrative="一季度增速"),
            ProgressRecord("T01", AS_OF, 5.9, source=unit, narrative="上半年增速"),
            ProgressRecord("T02", date(2025, 5, 31), 2.3, source=Source(unit="市人力资源社会保障局")),
            ProgressRecord("K01", date(2025, 3, 20), milestone_key="1", source=Source(unit="市数据局")),
            ProgressRecord("K02", date(2025, 6, 30), 30, source=Source(unit="市住房城乡建设局")),
            ProgressRecord("P01", date(2025, 5, 31), 15000, source=Source(unit="市交通运输局")),
            ProgressRecord("P01", AS_OF, 22000, narrative="码头主体结构施工", source=Source(unit="市交通运输局")),
            ProgressRecord("P02", date(2025, 1, 31), 1000, source=Source(unit="青山县发展改革局")),
            ProgressRecord("L01", AS_OF, 1600, source=Source(unit="市卫生健康委")),
        ],
    )


def start_server(store: Store) -> tuple[uvicorn.Server, threading.Thread, str]:
    """Start the real app under uvicorn in a thread on a free port; return it and its URL."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(store), log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    return server, thread, f"http://127.0.0.1:{port}"


def stop_server(server: uvicorn.Server, thread: threading.Thread) -> None:
    server.should_exit = True
    thread.join(timeout=10)


def make_store(folder: Path) -> Store:
    """Return a fresh SQLite store in ``folder`` holding the 江川市 plan."""
    store = Store.open(f"sqlite:///{folder / 'planwatch.sqlite'}")
    store.init()
    store.save_plan_data(jiangchuan_plan(), user="测试")
    add_users(store)
    return store
