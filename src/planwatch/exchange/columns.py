"""The sheets and columns of planwatch's Excel/CSV exchange format, as data.

One table drives the blank templates, the importer's validation and the exporter, so
the three never disagree. Headers are Chinese (what reporting clerks see); ``key`` is the
field name on the domain object in :mod:`planwatch.plan.model`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from planwatch.plan.model import QUALIFIER_WORDS


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
    example: str = ""  # what a filled cell looks like, for the instructions sheet
    width: int = 0  # column width in the template; 0 → from the header length
    signed: bool = False  # a NUMBER that may be negative (growth rates); others must be ≥ 0


@dataclass(frozen=True, slots=True)
class Sheet:
    """One sheet: the item kind it holds and its columns, in order."""

    name: str
    kind: str
    columns: tuple[Column, ...]
    help: str = ""
    #: Columns templates and exports write after the first one to help a reader (the item's
    #: name beside its code); the importer never reads them and CSV files may leave them out.
    reading_aids: tuple[Column, ...] = ()

    @property
    def headers(self) -> list[str]:
        """Return the header row of the data columns (what a file must be able to hold)."""
        return [c.header for c in self.columns]

    @property
    def layout(self) -> tuple[Column, ...]:
        """Return the columns as templates and exports write them: reading aids after the first."""
        return (self.columns[0], *self.reading_aids, *self.columns[1:])


YES_NO = {"是": "true", "否": "false"}
MEASURE_CHOICES = {"增长": "growth", "总量": "level", "比率": "ratio"}
QUALIFIER_CHOICES = {word: qualifier.value for qualifier, word in QUALIFIER_WORDS.items()}
STAGE_CHOICES = {"储备": "reserve", "新开工": "new_start", "在建": "under_construction", "竣工": "completed"}
CYCLE_CHOICES = {
    "半月报": "biweekly",
    "月报": "monthly",
    "季报": "quarterly",
    "半年报": "semiannual",
    "年报": "annual",
}
REGION_LEVEL_CHOICES = {"省": "province", "市": "city", "区": "district", "县": "county"}

#: Other words clerks write for a choice: alias -> the label of the drop-down list.
CHOICE_ALIASES: dict[str, str] = {
    "续建": "在建",
    "开工": "新开工",
    "约": "左右",
    "超过": "以上",
    "以下": "以内",
    "不超过": "以内",
    "至少": "不低于",
    "增速": "增长",
    "增幅": "增长",
    "绝对值": "总量",
    "月度": "月报",
    "季度": "季报",
    "半月": "半月报",
    "半年": "半年报",
    "半年度": "半年报",
    "年度": "年报",
    "Y": "是",
    "N": "否",
    "TRUE": "是",
    "FALSE": "否",
}

CYCLE = Column(
    "reporting_cycle",
    "报送周期",
    ColumnType.CHOICE,
    choices=CYCLE_CHOICES,
    help="留空为月报；一年只公布一次的统计数（如粮食产量）填年报",
    example="月报",
)
AREA = Column("work_area_code", "领域编码", help="对应“工作领域”表的领域编码", example="A03")
REPORTER = Column("source_unit", "报送单位", example="市统计局")
NARRATIVE = Column("narrative", "情况说明", example="一季度受春节因素影响，二季度明显回升", width=36)
AS_OF = Column(
    "as_of",
    "截至日期",
    ColumnType.DATE,
    required=True,
    help="进展数据的截止日期，须在计划年度内；导入时可用 --as-of 统一补填空白",
    example="2025-06-30",
)
CUMULATIVE = Column(
    "cumulative",
    "是否累计",
    ColumnType.BOOL,
    choices=YES_NO,
    help="是：年初至今累计数（默认）；否：本期新增数",
    example="是",
)
ITEM_NAME = Column("item_name", "事项名称", help="仅供填报时参考，导入时不读取", width=30)
PERIOD_START = Column(
    "period_start", "起始日期", ColumnType.DATE, help="本期新增数（是否累计=否）的统计起始日期", example="2025-06-01"
)
SOURCE_DOCUMENT = Column(
    "source_document", "来源文件", help="数据摘自某份报告时填写文件名", example="上半年经济运行情况.docx"
)
SOURCE_SPAN = Column("source_span", "来源位置", help="原文中的字符位置，起—止，如 120-156", example="120-156")
SOURCE_QUOTE = Column("source_quote", "原文摘录", help="来源位置处的原文", width=36)
PROGRESS_SOURCE = (NARRATIVE, REPORTER, PERIOD_START, SOURCE_DOCUMENT, SOURCE_SPAN, SOURCE_QUOTE)

PLAN_SHEETS: tuple[Sheet, ...] = (
    Sheet(
        "计划",
        "plan",
        (
            Column(
                "code", "计划编码", required=True, help="本计划的唯一编码，进展表导入时用它找计划", example="JC2025"
            ),
            Column("region_code", "地区编码", required=True, help="对应“地区”表中本级地区的编码", example="JC"),
            Column("year", "年度", ColumnType.INT, required=True, example="2025"),
            Column("title", "计划名称", required=True, example="江川市2025年国民经济和社会发展计划", width=36),
            Column("source_document", "来源文件", example="关于2025年计划草案的报告.docx"),
            Column(
                "cumulative_yellow_gap_pp",
                "黄灯阈值（落后时序百分点）",
                ColumnType.NUMBER,
                help="累计类事项完成率落后时序进度达到此数亮黄灯，留空为5",
                example="5",
            ),
            Column(
                "cumulative_red_gap_pp",
                "红灯阈值（落后时序百分点）",
                ColumnType.NUMBER,
                help="累计类事项完成率落后时序进度达到此数亮红灯，留空为15",
                example="15",
            ),
            Column(
                "rate_yellow_shortfall_pp",
                "黄灯阈值（低于目标百分点）",
                ColumnType.NUMBER,
                help="增速、比率类目标低于目标超过此数亮黄灯，留空为0",
                example="0",
            ),
            Column(
                "rate_red_shortfall_pp",
                "红灯阈值（低于目标百分点）",
                ColumnType.NUMBER,
                help="增速、比率类目标低于目标达到此数亮红灯，留空为1",
                example="1",
            ),
            Column(
                "milestone_warning_days",
                "节点预警天数",
                ColumnType.INT,
                help="任务节点到期前多少天未完成即预警，留空为15",
                example="15",
            ),
            Column(
                "time_progress_by_days",
                "时序按天计算",
                ColumnType.BOOL,
                choices=YES_NO,
                help="否（默认）：月末按月份计算时序进度；是：一律按天数计算",
                example="否",
            ),
            Column(
                "about_tolerance_pp",
                "左右容差（百分点）",
                ColumnType.NUMBER,
                help="百分比目标带“左右”时上下允许的偏差，如6%左右容差0.5即5.5%—6.5%，留空为0.5",
                example="0.5",
            ),
        ),
        help="只填一行：本计划的基本信息和红黄绿灯阈值。",
    ),
    Sheet(
        "地区",
        "region",
        (
            Column("code", "地区编码", required=True, example="JC-01"),
            Column("name", "地区名称", required=True, example="东湖区"),
            Column("parent_code", "上级地区编码", help="本级地区留空；区县填所属市的编码", example="JC"),
            Column("level", "层级", ColumnType.CHOICE, choices=REGION_LEVEL_CHOICES, help="留空为市", example="区"),
        ),
        help="本级地区（一行，上级留空）及下辖区县；“重大项目”表的所在区县编码须在此表中。",
    ),
    Sheet(
        "工作领域",
        "work_area",
        (
            Column("code", "领域编码", required=True, example="A03"),
            Column("order", "序号", ColumnType.INT, help="在计划中的排列次序", example="3"),
            Column("title", "领域名称", required=True, example="扩大有效投资", width=30),
        ),
        help="计划的各项重点工作领域，如（一）至（十二）。",
    ),
    Sheet(
        "指标目标",
        "target",
        (
            Column(
                "code", "目标编码", required=True, help="全计划唯一（与任务、项目、实事编码不得重复）", example="T01"
            ),
            Column(
                "indicator",
                "指标名称",
                required=True,
                help="指标库中的名称或别称，如“地区生产总值”“GDP”",
                example="地区生产总值",
                width=22,
            ),
            Column(
                "measure",
                "目标类型",
                ColumnType.CHOICE,
                required=True,
                choices=MEASURE_CHOICES,
                help="增长：增速目标；总量：绝对量目标；比率：占比、比率目标",
                example="增长",
            ),
            Column(
                "value", "目标值", ColumnType.NUMBER, required=True, help="增速、比率填百分数", example="6", signed=True
            ),
            Column(
                "value_high",
                "目标上限",
                ColumnType.NUMBER,
                help="区间目标（如5%—5.5%）的上限",
                example="5.5",
                signed=True,
            ),
            Column("unit", "单位", required=True, help="增速、比率填%", example="%"),
            Column("qualifier", "限定词", ColumnType.CHOICE, choices=QUALIFIER_CHOICES, example="左右"),
            Column(
                "cumulative",
                "是否累计",
                ColumnType.BOOL,
                choices=YES_NO,
                help="总量目标按年内累计考核时填“是”",
                example="否",
            ),
            AREA,
            Column("owner_unit", "责任单位", example="市统计局"),
            CYCLE,
            Column("note", "备注", width=24),
            Column("name", "目标名称", help="留空则用指标名称", example="地区生产总值增速"),
        ),
        help="主要预期目标，一个指标一行。",
    ),
    Sheet(
        "重点任务",
        "task",
        (
            Column("code", "任务编码", required=True, help="全计划唯一", example="K0301"),
            Column("name", "任务名称", required=True, example="建成城市更新项目库", width=36),
            AREA,
            Column("owner_unit", "牵头单位", required=True, example="市住建局"),
            Column(
                "co_units", "配合单位", ColumnType.LIST, help="多个单位用顿号分隔", example="市财政局、市自然资源局"
            ),
            Column(
                "annual_quantity", "年度目标量", ColumnType.NUMBER, help="量化任务填写；节点任务留空", example="35.6"
            ),
            Column("unit", "单位", help="填写了年度目标量时必填", example="万亩"),
            CYCLE,
        ),
        help="重点任务：量化任务填年度目标量和单位；节点任务在“任务节点”表列出各节点。",
    ),
    Sheet(
        "任务节点",
        "milestone",
        (
            Column("task_code", "任务编码", required=True, help="对应“重点任务”表的任务编码", example="K0301"),
            Column("key", "节点序号", required=True, help="同一任务内不得重复", example="1"),
            Column("title", "节点内容", required=True, example="完成项目清单编制", width=36),
            Column("due", "完成时限", ColumnType.DATE, required=True, help="须在计划年度内", example="2025-06-30"),
        ),
        help="节点任务的各个时间节点，一个节点一行。",
    ),
    Sheet(
        "重大项目",
        "project",
        (
            Column("code", "项目编码", required=True, help="全计划唯一", example="P2025-001"),
            Column("name", "项目名称", required=True, example="江川港区三期码头", width=30),
            Column("owner_unit", "业主单位", required=True, example="江川港务集团"),
            Column("district_code", "所在区县编码", required=True, help="对应“地区”表的地区编码", example="JC-01"),
            Column("industry", "行业领域", required=True, example="交通"),
            Column("stage", "项目阶段", ColumnType.CHOICE, required=True, choices=STAGE_CHOICES, example="在建"),
            Column("total_investment", "总投资（万元）", ColumnType.NUMBER, required=True, example="120000"),
            Column(
                "annual_planned_investment",
                "年度计划投资（万元）",
                ColumnType.NUMBER,
                required=True,
                help="不得大于总投资",
                example="30000",
            ),
            Column("planned_start", "计划开工时间", ColumnType.DATE, example="2025-03-31"),
            Column(
                "planned_finish", "计划竣工时间", ColumnType.DATE, help="不得早于计划开工时间", example="2027-12-31"
            ),
            AREA,
            CYCLE,
        ),
        help="年度重大项目清单，金额单位为万元。",
    ),
    Sheet(
        "民生实事",
        "livelihood",
        (
            Column("code", "实事编码", required=True, help="全计划唯一", example="M01"),
            Column("name", "实事名称", required=True, example="新建社区老年食堂", width=30),
            Column("owner_unit", "牵头单位", required=True, example="市民政局"),
            Column("co_units", "配合单位", ColumnType.LIST, help="多个单位用顿号分隔", example="各区县政府"),
            Column("goal_quantity", "年度目标量", ColumnType.NUMBER, required=True, example="50"),
            Column("unit", "单位", required=True, example="个"),
            AREA,
            CYCLE,
        ),
        help="重点民生实事，一件一行。",
    ),
)

PROGRESS_SHEETS: tuple[Sheet, ...] = (
    Sheet(
        "指标进展",
        "target_progress",
        (
            Column("item_code", "目标编码", required=True, help="对应计划“指标目标”表的目标编码", example="T01"),
            AS_OF,
            Column(
                "value",
                "数值",
                ColumnType.NUMBER,
                required=True,
                help="增速、比率填百分数，如5.3；下降填负数",
                example="5.3",
                signed=True,
            ),
            CUMULATIVE,
            *PROGRESS_SOURCE,
        ),
        help="主要指标年初至今的实际数，一次报送一行。",
        reading_aids=(ITEM_NAME,),
    ),
    Sheet(
        "任务进展",
        "task_progress",
        (
            Column("item_code", "任务编码", required=True, help="对应计划“重点任务”表的任务编码", example="K0301"),
            AS_OF,
            Column("value", "完成量", ColumnType.NUMBER, help="量化任务填写，单位同年度目标量", example="12.5"),
            CUMULATIVE,
            Column("milestone_key", "完成节点序号", help="本期完成的节点序号（节点任务填写）", example="1"),
            *PROGRESS_SOURCE,
        ),
        help=(
            "重点任务进展：量化任务填完成量，节点任务填完成的节点序号（每完成一个节点一行）；"
            "两个节点之间按期报送时可只填情况说明。"
        ),
        reading_aids=(ITEM_NAME,),
    ),
    Sheet(
        "项目进展",
        "project_progress",
        (
            Column("item_code", "项目编码", required=True, help="对应计划“重大项目”表的项目编码", example="P2025-001"),
            AS_OF,
            Column(
                "value", "本年完成投资（万元）", ColumnType.NUMBER, help="本年度完成投资，不能为负数", example="16500"
            ),
            CUMULATIVE,
            Column(
                "stage",
                "项目阶段",
                ColumnType.CHOICE,
                choices=STAGE_CHOICES,
                help="项目开工或竣工时填写新的阶段",
                example="在建",
            ),
            *PROGRESS_SOURCE,
        ),
        help="重大项目投资完成情况和阶段变化；完成投资和项目阶段至少填一项。",
        reading_aids=(ITEM_NAME,),
    ),
    Sheet(
        "民生实事进展",
        "livelihood_progress",
        (
            Column("item_code", "实事编码", required=True, help="对应计划“民生实事”表的实事编码", example="M01"),
            AS_OF,
            Column("value", "完成量", ColumnType.NUMBER, required=True, help="单位同年度目标量", example="28"),
            CUMULATIVE,
            *PROGRESS_SOURCE,
        ),
        help="民生实事完成量。",
        reading_aids=(ITEM_NAME,),
    ),
)

#: Item kinds (the values of ``planwatch.plan.model.ItemKind``): their Chinese names (also
#: the plan sheet that lists them) and the progress sheet that takes their progress.
KIND_LABELS: dict[str, str] = {
    "target": "指标目标",
    "task": "重点任务",
    "project": "重大项目",
    "livelihood": "民生实事",
}
PROGRESS_SHEET_OF_KIND: dict[str, str] = {
    "target": "指标进展",
    "task": "任务进展",
    "project": "项目进展",
    "livelihood": "民生实事进展",
}

INSTRUCTIONS_SHEET = "填表说明"
STATUS_SHEET = "状态"
#: Sheets planwatch writes for people to read (instructions, the status board); imports skip them.
READING_SHEETS = frozenset({INSTRUCTIONS_SHEET, STATUS_SHEET})

#: Other headers clerks write for a column: alias -> the header of the exchange format.
#: Spellings that differ only in bracket width, blanks or a required-column mark (*) need
#: no row here: headers are compared in that normal form.
HEADER_ALIASES: dict[str, str] = {
    "截止日期": "截至日期",
    "截止时间": "截至日期",
    "截至时间": "截至日期",
}

ALL_SHEETS: dict[str, Sheet] = {s.name: s for s in (*PLAN_SHEETS, *PROGRESS_SHEETS)}
PLAN_SHEET_NAMES = frozenset(s.name for s in PLAN_SHEETS)
PROGRESS_SHEET_NAMES = frozenset(s.name for s in PROGRESS_SHEETS)
