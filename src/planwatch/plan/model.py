"""The plan domain: regions, plans, targets, tasks, projects, livelihood items, progress.

Pure data (dataclasses and enums); no database, no I/O. The store maps these to tables,
the importers build them from workbooks, the status engine reads them. Every plan item
(target, key task, major project, livelihood item) has a ``code`` unique within its plan;
progress records point at items by that code, so one namespace serves all item kinds.

Money in plan items is held in 万元 (ten thousand yuan), the unit planning offices keep
their project ledgers in; the catalog says the unit of each indicator.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class Direction(StrEnum):
    """Which way is good for an indicator."""

    HIGHER = "higher"  # 越大越好: GDP growth, income
    LOWER = "lower"  # 越小越好: unemployment, energy intensity, CPI ceiling


class TargetMeasure(StrEnum):
    """What a target fixes: a growth rate, a level (amount) or a ratio (share, rate)."""

    GROWTH = "growth"
    LEVEL = "level"
    RATIO = "ratio"


class Qualifier(StrEnum):
    """How a target number binds (the same words as the facts exchange format)."""

    ABOUT = "about"  # 左右, 约
    OVER = "over"  # 以上, 超过
    UNDER = "under"  # 以内, 以下, 不超过
    AT_LEAST = "at_least"  # 不低于, 至少


#: The word of each qualifier as plans, templates and reports write it — the one table that
#: drop-down lists, labels, the panel and the wording of targets all read.
QUALIFIER_WORDS: dict[Qualifier, str] = {
    Qualifier.ABOUT: "左右",
    Qualifier.OVER: "以上",
    Qualifier.UNDER: "以内",
    Qualifier.AT_LEAST: "不低于",
}

#: Qualifiers whose word stands before the number (不低于6%); the others follow it (6%左右).
QUALIFIERS_BEFORE: frozenset[Qualifier] = frozenset({Qualifier.AT_LEAST})


def qualifier_parts(qualifier: Qualifier | str | None) -> tuple[str, str]:
    """Return the words before and after a number for ``qualifier`` (("", "") for none or an unknown one)."""
    try:
        known = Qualifier(qualifier) if qualifier else None
    except ValueError:
        return "", ""
    if known is None:
        return "", ""
    word = QUALIFIER_WORDS[known]
    return (word, "") if known in QUALIFIERS_BEFORE else ("", word)


class ProjectStage(StrEnum):
    """Where a major project stands (the 四个一批 of the planning office's ledger)."""

    RESERVE = "reserve"  # 储备
    NEW_START = "new_start"  # 新开工
    UNDER_CONSTRUCTION = "under_construction"  # 续建 / 在建
    COMPLETED = "completed"  # 竣工


PROJECT_STAGE_LABELS: dict[ProjectStage, str] = {
    ProjectStage.RESERVE: "储备",
    ProjectStage.NEW_START: "新开工",
    ProjectStage.UNDER_CONSTRUCTION: "在建",
    ProjectStage.COMPLETED: "竣工",
}


class ReportingCycle(StrEnum):
    """How often the owner unit is expected to send progress; drives stale warnings."""

    BIWEEKLY = "biweekly"  # 半月报
    MONTHLY = "monthly"  # 月报
    QUARTERLY = "quarterly"  # 季报
    SEMIANNUAL = "semiannual"  # 半年报
    ANNUAL = "annual"  # 年报: statistics published once a year (粮食产量, 研发经费投入强度)


#: The longest a report of each cycle may be apart: a cycle's length plus a day's grace.
#: An item never reported is not yet due until this many days of the year have passed, so
#: an annual statistic is never stale within its own year.
REPORTING_CYCLE_DAYS: dict[ReportingCycle, int] = {
    ReportingCycle.BIWEEKLY: 16,
    ReportingCycle.MONTHLY: 31,
    ReportingCycle.QUARTERLY: 92,
    ReportingCycle.SEMIANNUAL: 184,
    ReportingCycle.ANNUAL: 366,
}


class ItemKind(StrEnum):
    """The four kinds of plan item."""

    TARGET = "target"  # 指标目标
    TASK = "task"  # 重点任务
    PROJECT = "project"  # 重大项目
    LIVELIHOOD = "livelihood"  # 民生实事


@dataclass(slots=True)
class Region:
    """A city, district or county; ``parent_code`` builds the hierarchy."""

    code: str
    name: str
    parent_code: str | None = None
    level: str = "city"  # province / city / district / county


@dataclass(slots=True)
class StatusThresholds:
    """Traffic-light thresholds, configurable per plan.

    ``*_yellow_gap_pp`` / ``*_red_gap_pp`` are gaps behind time progress, in
    percentage points, at which an item turns yellow / red; rate targets use the
    shortfall from the target in percentage points of the rate itself.
    """

    cumulative_yellow_gap_pp: float = 5.0
    cumulative_red_gap_pp: float = 15.0
    rate_yellow_shortfall_pp: float = 0.0
    rate_red_shortfall_pp: float = 1.0
    milestone_warning_days: int = 15
    time_progress_by_days: bool = False  # True: days/365 even at month ends
    #: How far either side of a percentage target 左右 allows (6%左右 → 5.5%…6.5%).
    about_tolerance_pp: float = 0.5


@dataclass(slots=True)
class Plan:
    """One year's plan of one region."""

    code: str
    region_code: str
    year: int
    title: str
    source_document: str | None = None
    thresholds: StatusThresholds = field(default_factory=StatusThresholds)


@dataclass(slots=True)
class WorkArea:
    """A work area of the plan, e.g. (三)扩大有效投资; ``order`` is its place in the list."""

    code: str
    title: str
    order: int = 0


@dataclass(slots=True)
class Target:
    """A headline indicator target: GDP 增长6%左右, 城镇调查失业率5.5%以内.

    ``value`` is the target (the lower bound of a range), ``value_high`` the upper bound
    of a range (5%—5.5%). ``cumulative`` is True for level targets that accumulate
    through the year (城镇新增就业60万人), which are then measured against time progress.
    """

    code: str
    indicator_code: str
    measure: TargetMeasure
    value: float
    unit: str
    value_high: float | None = None
    qualifier: Qualifier | None = None
    cumulative: bool = False
    work_area_code: str | None = None
    owner_unit: str | None = None
    name: str | None = None  # defaults to the indicator's name
    reporting_cycle: ReportingCycle = ReportingCycle.MONTHLY
    note: str = ""


@dataclass(slots=True)
class Milestone:
    """A dated step of a key task; ``key`` is unique within the task (1, 2, … or a label)."""

    key: str
    title: str
    due: date


@dataclass(slots=True)
class KeyTask:
    """A key task under a work area: milestones with due dates, or an annual quantity."""

    code: str
    name: str
    work_area_code: str | None
    owner_unit: str
    co_units: list[str] = field(default_factory=list)
    milestones: list[Milestone] = field(default_factory=list)
    annual_quantity: float | None = None
    unit: str | None = None
    reporting_cycle: ReportingCycle = ReportingCycle.MONTHLY


@dataclass(slots=True)
class Project:
    """A major project (重大项目) with its annual investment plan, amounts in 万元."""

    code: str
    name: str
    owner_unit: str
    district_code: str
    industry: str
    stage: ProjectStage
    total_investment: float
    annual_planned_investment: float
    planned_start: date | None = None
    planned_finish: date | None = None
    work_area_code: str | None = None
    reporting_cycle: ReportingCycle = ReportingCycle.MONTHLY


@dataclass(slots=True)
class LivelihoodItem:
    """A livelihood project (民生实事) with an annual goal quantity."""

    code: str
    name: str
    owner_unit: str
    goal_quantity: float
    unit: str
    co_units: list[str] = field(default_factory=list)
    work_area_code: str | None = None
    reporting_cycle: ReportingCycle = ReportingCycle.MONTHLY


@dataclass(slots=True, frozen=True)
class Source:
    """Where a number came from: a submitting unit, or a span of a document."""

    unit: str | None = None  # 报送单位
    document: str | None = None  # file name or title of a report
    span: tuple[int, int] | None = None  # [start, end) into that document's text
    quote: str | None = None  # the text at that span, for reading

    def describe(self) -> str:
        """Say the source in one short Chinese phrase, for explanations."""
        if self.document:
            where = f"{self.document}"
            if self.span:
                where += f" 第{self.span[0]}—{self.span[1]}字"
            if self.quote:
                where += f"「{self.quote}」"
            return where
        return self.unit or "未注明来源"


@dataclass(slots=True)
class ProgressRecord:
    """One report of progress on one item, as of a date.

    ``value`` means, by item kind: a target → the year-to-date figure in the target's
    unit (a growth rate in %, a level, a ratio); a quantified task or livelihood item →
    the quantity done; a project → investment completed this year in 万元. With
    ``cumulative`` True the value is the running total for the year to ``as_of``;
    otherwise it is the amount for ``period_start``…``as_of`` only and the engine adds
    such records up. ``milestone_key`` marks a milestone of a task done on ``as_of``.
    ``stage`` reports a project's new stage (a start or a finish).
    """

    item_code: str
    as_of: date
    value: float | None = None
    cumulative: bool = True
    period_start: date | None = None
    milestone_key: str | None = None
    stage: ProjectStage | None = None
    narrative: str = ""
    source: Source = field(default_factory=Source)
    #: What the submitter confirmed when sending it (a total below the last one, a jump); "" when nothing.
    warning: str = ""


PlanItem = Target | KeyTask | Project | LivelihoodItem

ITEM_KIND_OF: dict[type, ItemKind] = {
    Target: ItemKind.TARGET,
    KeyTask: ItemKind.TASK,
    Project: ItemKind.PROJECT,
    LivelihoodItem: ItemKind.LIVELIHOOD,
}


@dataclass(slots=True)
class PlanData:
    """A plan with everything under it: what importers produce and the store saves."""

    plan: Plan
    regions: list[Region] = field(default_factory=list)
    work_areas: list[WorkArea] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    tasks: list[KeyTask] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    livelihood_items: list[LivelihoodItem] = field(default_factory=list)
    progress: list[ProgressRecord] = field(default_factory=list)

    def items(self) -> list[PlanItem]:
        """Return every plan item, targets first, in plan order."""
        return [*self.targets, *self.tasks, *self.projects, *self.livelihood_items]

    def item_index(self) -> dict[str, PlanItem]:
        """Return the items by code (the namespace progress records refer to)."""
        return {item.code: item for item in self.items()}


def item_kind(item: PlanItem) -> ItemKind:
    """Return the kind of a plan item."""
    return ITEM_KIND_OF[type(item)]
