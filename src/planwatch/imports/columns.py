"""The sheets and columns of planwatch's Excel/CSV exchange format, as data.

One table drives the blank templates, the importer's validation and the exporter, so
the three never disagree. Headers are Chinese (what reporting clerks see); ``key`` is the
field name on the domain object in :mod:`planwatch.plan.model`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class ColumnType(StrEnum):
    """How a cell is read."""

    TEXT = "text"
    INT = "int"
    NUMBER = "number"
    DATE = "date"  # an Excel date, or text 2025-06-30 / 2025/6/30 / 2025年6月30日
    BOOL = "bool"  # 是/否
    CHOICE = "choice"  # one of ``choices`` (Chinese labels), validated with a drop-down list
    LIST = "list"  # several values separated by 、 , ; or ，


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a sheet."""

    key: str
    header: str
    type: ColumnType = ColumnType.TEXT
    required: bool = False
    choices: dict[str, str] = field(default_factory=dict)  # Chinese label -> stored value
    help: str = ""


@dataclass(frozen=True, slots=True)
class Sheet:
    """One sheet: the item kind it holds and its columns, in order."""

    name: str
    kind: str
    columns: tuple[Column, ...]
    help: str = ""

    @property
    def headers(self) -> list[str]:
        """Return the header row."""
        return [c.header for c in self.columns]


YES_NO = {"是": "true", "否": "false"}
MEASURE_CHOICES = {"增长": "growth", "总量": "level", "比率": "ratio"}
QUALIFIER_CHOICES = {"左右": "about", "以上": "over", "以内": "under", "不低于": "at_least"}
STAGE_CHOICES = {"储备": "reserve", "新开工": "new_start", "在建": "under_construction", "竣工": "completed"}
CYCLE_CHOICES = {"半月报": "biweekly", "月报": "monthly", "季报": "quarterly"}
REGION_LEVEL_CHOICES = {"省": "province", "市": "city", "区": "district", "县": "county"}

CYCLE = Column("reporting_cycle", "报送周期", ColumnType.CHOICE, choices=CYCLE_CHOICES, help="默认月报")
AREA = Column("work_area_code", "领域编码", help="对应“工作领域”表的领域编码")
REPORTER = Column("source_unit", "报送单位")
NARRATIVE = Column("narrative", "情况说明")
AS_OF = Column("as_of", "截至日期", ColumnType.DATE, required=True, help="进展数据的截止日期，须在计划年度内")
CUMULATIVE = Column(
    "cumulative", "是否累计", ColumnType.BOOL, choices=YES_NO, help="是：年初至今累计数（默认）；否：本期新增数"
)

PLAN_SHEETS: tuple[Sheet, ...] = (
    Sheet(
        "计划",
        "plan",
        (
            Column("code", "计划编码", required=True),
            Column("region_code", "地区编码", required=True),
            Column("year", "年度", ColumnType.INT, required=True),
            Column("title", "计划名称", required=True),
            Column("source_document", "来源文件"),
            Column("cumulative_yellow_gap_pp", "黄灯阈值（落后时序百分点）", ColumnType.NUMBER),
            Column("cumulative_red_gap_pp", "红灯阈值（落后时序百分点）", ColumnType.NUMBER),
        ),
        help="只填一行：本计划的基本信息和红黄绿灯阈值。",
    ),
    Sheet(
        "地区",
        "region",
        (
            Column("code", "地区编码", required=True),
            Column("name", "地区名称", required=True),
            Column("parent_code", "上级地区编码"),
            Column("level", "层级", ColumnType.CHOICE, choices=REGION_LEVEL_CHOICES),
        ),
    ),
    Sheet(
        "工作领域",
        "work_area",
        (
            Column("code", "领域编码", required=True),
            Column("order", "序号", ColumnType.INT),
            Column("title", "领域名称", required=True),
        ),
    ),
    Sheet(
        "指标目标",
        "target",
        (
            Column("code", "目标编码", required=True),
            Column("indicator", "指标名称", required=True, help="指标库中的名称或别称，如“地区生产总值”“GDP”"),
            Column("measure", "目标类型", ColumnType.CHOICE, required=True, choices=MEASURE_CHOICES),
            Column("value", "目标值", ColumnType.NUMBER, required=True),
            Column("value_high", "目标上限", ColumnType.NUMBER, help="区间目标（如5%—5.5%）的上限"),
            Column("unit", "单位", required=True),
            Column("qualifier", "限定词", ColumnType.CHOICE, choices=QUALIFIER_CHOICES),
            Column("cumulative", "是否累计", ColumnType.BOOL, choices=YES_NO, help="总量目标按年内累计考核时填“是”"),
            AREA,
            Column("owner_unit", "责任单位"),
            CYCLE,
            Column("note", "备注"),
        ),
    ),
    Sheet(
        "重点任务",
        "task",
        (
            Column("code", "任务编码", required=True),
            Column("name", "任务名称", required=True),
            AREA,
            Column("owner_unit", "牵头单位", required=True),
            Column("co_units", "配合单位", ColumnType.LIST),
            Column("annual_quantity", "年度目标量", ColumnType.NUMBER, help="量化任务填写；节点任务留空"),
            Column("unit", "单位"),
            CYCLE,
        ),
    ),
    Sheet(
        "任务节点",
        "milestone",
        (
            Column("task_code", "任务编码", required=True),
            Column("key", "节点序号", required=True),
            Column("title", "节点内容", required=True),
            Column("due", "完成时限", ColumnType.DATE, required=True),
        ),
    ),
    Sheet(
        "重大项目",
        "project",
        (
            Column("code", "项目编码", required=True),
            Column("name", "项目名称", required=True),
            Column("owner_unit", "业主单位", required=True),
            Column("district_code", "所在区县编码", required=True),
            Column("industry", "行业领域", required=True),
            Column("stage", "项目阶段", ColumnType.CHOICE, required=True, choices=STAGE_CHOICES),
            Column("total_investment", "总投资（万元）", ColumnType.NUMBER, required=True),
            Column("annual_planned_investment", "年度计划投资（万元）", ColumnType.NUMBER, required=True),
            Column("planned_start", "计划开工时间", ColumnType.DATE),
            Column("planned_finish", "计划竣工时间", ColumnType.DATE),
            AREA,
            CYCLE,
        ),
    ),
    Sheet(
        "民生实事",
        "livelihood",
        (
            Column("code", "实事编码", required=True),
            Column("name", "实事名称", required=True),
            Column("owner_unit", "牵头单位", required=True),
            Column("co_units", "配合单位", ColumnType.LIST),
            Column("goal_quantity", "年度目标量", ColumnType.NUMBER, required=True),
            Column("unit", "单位", required=True),
            AREA,
            CYCLE,
        ),
    ),
)

PROGRESS_SHEETS: tuple[Sheet, ...] = (
    Sheet(
        "指标进展",
        "target_progress",
        (
            Column("item_code", "目标编码", required=True),
            AS_OF,
            Column("value", "数值", ColumnType.NUMBER, required=True, help="增速、比率填百分数，如5.3"),
            CUMULATIVE,
            NARRATIVE,
            REPORTER,
        ),
    ),
    Sheet(
        "任务进展",
        "task_progress",
        (
            Column("item_code", "任务编码", required=True),
            AS_OF,
            Column("value", "完成量", ColumnType.NUMBER),
            CUMULATIVE,
            Column("milestone_key", "完成节点序号", help="本期完成的节点序号"),
            NARRATIVE,
            REPORTER,
        ),
    ),
    Sheet(
        "项目进展",
        "project_progress",
        (
            Column("item_code", "项目编码", required=True),
            AS_OF,
            Column("value", "本年完成投资（万元）", ColumnType.NUMBER),
            CUMULATIVE,
            Column("stage", "项目阶段", ColumnType.CHOICE, choices=STAGE_CHOICES),
            NARRATIVE,
            REPORTER,
        ),
    ),
    Sheet(
        "民生实事进展",
        "livelihood_progress",
        (
            Column("item_code", "实事编码", required=True),
            AS_OF,
            Column("value", "完成量", ColumnType.NUMBER, required=True),
            CUMULATIVE,
            NARRATIVE,
            REPORTER,
        ),
    ),
)

INSTRUCTIONS_SHEET = "填表说明"

ALL_SHEETS: dict[str, Sheet] = {s.name: s for s in (*PLAN_SHEETS, *PROGRESS_SHEETS)}
