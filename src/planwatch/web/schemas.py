"""Response models of the web pages and the JSON API (pydantic), apart from the store's tables.

The HTML pages render exactly these objects, so what an analyst pulls from ``/api/`` is
what the dashboard shows. Ratios (completion, time progress) are fractions 0..1; gaps are
percentage points.
"""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, Field


class PlanOut(BaseModel):
    """A plan as listed: code, title, year, region."""

    code: str
    title: str
    year: int
    region_code: str
    region_name: str | None = None
    source_document: str | None = None


class LightCounts(BaseModel):
    """How many items carry each light."""

    green: int = 0
    yellow: int = 0
    red: int = 0
    grey: int = 0

    @property
    def total(self) -> int:
        """Return the number of items counted."""
        return self.green + self.yellow + self.red + self.grey

    def share(self, light: str) -> float:
        """Return the fraction of items with ``light`` (0 when nothing is counted)."""
        return getattr(self, light) / self.total if self.total else 0.0


class ItemStatusOut(BaseModel):
    """The status of one plan item as of a date, with the engine's explanation."""

    code: str
    kind: str
    kind_label: str
    name: str
    work_area_code: str | None = None
    work_area: str | None = None
    owner_unit: str | None = None
    district_code: str | None = None
    district: str | None = None
    light: str
    light_label: str
    state: str
    unit: str | None = Field(None, description="实际值与目标值的单位")
    actual: float | None = None
    target: float | None = None
    target_high: float | None = None
    completion: float | None = Field(None, description="完成率 (0..1)")
    time_progress: float | None = Field(None, description="时序进度 (0..1)")
    gap_pp: float | None = Field(None, description="累计类：完成率减时序进度，百分点；比率类：实际减目标")
    explanation: str
    stale: bool = False
    overdue: bool = False
    last_report: date | None = None


class RollupRow(BaseModel):
    """One line of a roll-up: a work area, owner unit or district and its lights."""

    key: str | None = Field(None, description="工作领域编号、责任单位名称或区县编号；空为未归属")
    label: str
    counts: LightCounts
    average_completion: float | None = None
    stale: int = 0
    worst: list[str] = Field(default_factory=list, description="最需关注的事项编号")


class KindRow(BaseModel):
    """Light counts of one item kind."""

    kind: str
    label: str
    counts: LightCounts


class StatusOut(BaseModel):
    """The status board of a plan as of a date: counts, roll-ups, alerts and items."""

    plan: PlanOut
    as_of: date
    time_progress: float
    counts: LightCounts
    kinds: list[KindRow]
    rollups: dict[str, list[RollupRow]]
    stale_count: int = Field(0, description="超过报送周期未更新的事项数")
    overdue_count: int = Field(0, description="逾期（节点、开工、竣工）的事项数")
    alert_count: int = Field(description="预警事项总数（红灯、逾期、久未报送）")
    alerts: list[ItemStatusOut] = Field(description="预警事项，最严重的在前")
    items: list[ItemStatusOut]


class DefinitionField(BaseModel):
    """One labelled line of an item's definition (责任单位: 市发展改革委)."""

    label: str
    value: str


class MilestoneOut(BaseModel):
    """A milestone of a key task and whether progress marks it done by the as-of date."""

    key: str
    title: str
    due: date
    done_on: date | None = None


class ProgressOut(BaseModel):
    """One progress record, with the running cumulative figure the engine would use."""

    as_of: date
    period_start: date | None = None
    value: float | None = None
    cumulative: bool
    running_total: float | None = None
    milestone_key: str | None = None
    stage: str | None = None
    narrative: str = ""
    source: str
    #: what the submitter confirmed when sending it (a total below the last one, a jump)
    warning: str | None = None


class AuditOut(BaseModel):
    """One change to an item or its progress, from the audit log: who, when, what."""

    at: datetime
    user: str
    action: str = Field(description="新增 / 修改 / 删除")
    record: str = Field(description="事项定义，或某日的进度记录")
    change: str = Field(description="变化的字段与前后数值")


class ReportFigureOut(BaseModel):
    """A published report's figure for the item and date, beside the unit's own record of that date (if any)."""

    as_of: date
    value: float | None = None
    role: str = Field(description="progress（记为进度）/ beside（单位已报送，记在旁边）")
    document_id: int
    document: str = Field(description="报告文件名")
    span: list[int] = Field(description="数字在报告全文中的字符位置 [起, 止)")
    quote: str = Field(description="报告原文中的数字")
    sentence: str = Field(description="报告原文中包含该数字的句子")
    link: str = Field("", description="文档库中该报告的页面，定位到该数字")
    submitted_value: float | None = Field(None, description="单位报送的同日数值；单位未报送时为空")
    submitted_unit: str | None = Field(None, description="报送单位")
    reviewed_by: str | None = Field(None, description="审核（或导入）该报送的人")
    differs: bool = Field(False, description="两者相差超出报告数字的舍入范围（不一致）")


class ItemDetailOut(BaseModel):
    """An item's definition, status explanation, progress history and change log."""

    plan: PlanOut
    as_of: date
    status: ItemStatusOut
    definition: list[DefinitionField]
    milestones: list[MilestoneOut]
    progress: list[ProgressOut]
    changes: list[AuditOut] = Field(default_factory=list)
    #: figures of published reports for this item (from ``planwatch ingest``), each beside the unit's own record
    report_figures: list[ReportFigureOut] = Field(default_factory=list)


class ProgressEntryResult(BaseModel):
    """What a progress entry wrote."""

    item_code: str
    as_of: date
    written: bool
    message: str
