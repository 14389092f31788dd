"""Database tables of the store: SQLAlchemy 2 typed models, one per domain record.

The tables mirror ``planwatch.plan.model`` field for field so that a plan saved and
loaded back is equal to the original. Item rows are keyed by ``(plan_id, code)``; a
progress record by ``(plan_id, item_code, as_of, milestone_key)`` with ``milestone_key``
held as ``''`` when absent so that the unique constraint holds on every database (SQL
treats NULLs as distinct). Bulk writes go through ``Model.__table__`` (Core), the
classes give typed access and the metadata Alembic migrates.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

#: Constraint names Alembic can find again on every database (SQLite batch mode needs them).
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base with the shared metadata and its naming convention."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class RegionRow(Base):
    """A region (city, district, county), shared by all plans; keyed by code."""

    __tablename__ = "regions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    parent_code: Mapped[str | None] = mapped_column(String(64))
    level: Mapped[str] = mapped_column(String(20))


class PlanRow(Base):
    """One year's plan of one region; thresholds are kept as a JSON object."""

    __tablename__ = "plans"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    region_code: Mapped[str] = mapped_column(String(64))
    year: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(500))
    source_document: Mapped[str | None] = mapped_column(String(500))
    thresholds: Mapped[dict[str, Any]] = mapped_column(JSON)


class PlanKeyed:
    """The leading columns of every row a plan owns by code: ``id``, ``plan_id``, ``code``, unique per plan.

    A mixin so that work areas and the four item tables define them once; ``sort_order``
    keeps them first, where the migrations put them.
    """

    @declared_attr.directive
    def __table_args__(cls) -> tuple[Any, ...]:
        return (UniqueConstraint("plan_id", "code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, sort_order=-3)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), sort_order=-2)
    code: Mapped[str] = mapped_column(String(64), sort_order=-1)


# The columns every plan item has besides its key, one definition each. The item tables
# place them among their own columns (the migrations fixed each table's order), so each
# table names them where they stand; whether one may be empty follows its annotation.


def name_column() -> Any:
    """The item's name."""
    return mapped_column(String(500))


def owner_unit_column() -> Any:
    """The unit in charge of the item (牵头单位)."""
    return mapped_column(String(200))


def work_area_column() -> Any:
    """The work area the item belongs to."""
    return mapped_column(String(64))


def cycle_column() -> Any:
    """How often the item reports (a ``ReportingCycle`` value)."""
    return mapped_column(String(20))


class WorkAreaRow(PlanKeyed, Base):
    """A work area of a plan."""

    __tablename__ = "work_areas"
    title: Mapped[str] = mapped_column(String(500))
    order: Mapped[int] = mapped_column(Integer)


class TargetRow(PlanKeyed, Base):
    """A headline indicator target."""

    __tablename__ = "targets"
    indicator_code: Mapped[str] = mapped_column(String(64))
    measure: Mapped[str] = mapped_column(String(20))
    value: Mapped[float] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(50))
    value_high: Mapped[float | None] = mapped_column(Float)
    qualifier: Mapped[str | None] = mapped_column(String(20))
    cumulative: Mapped[bool] = mapped_column(Boolean)
    work_area_code: Mapped[str | None] = work_area_column()
    owner_unit: Mapped[str | None] = owner_unit_column()
    name: Mapped[str | None] = name_column()
    reporting_cycle: Mapped[str] = cycle_column()
    note: Mapped[str] = mapped_column(Text)


class KeyTaskRow(PlanKeyed, Base):
    """A key task; its milestones live in ``milestones``."""

    __tablename__ = "key_tasks"
    name: Mapped[str] = name_column()
    work_area_code: Mapped[str | None] = work_area_column()
    owner_unit: Mapped[str] = owner_unit_column()
    co_units: Mapped[list[str]] = mapped_column(JSON)
    annual_quantity: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str | None] = mapped_column(String(50))
    reporting_cycle: Mapped[str] = cycle_column()


class MilestoneRow(Base):
    """A dated step of a key task; ``position`` keeps the task's order."""

    __tablename__ = "milestones"
    __table_args__ = (UniqueConstraint("task_id", "key"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("key_tasks.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(String(500))
    due: Mapped[date] = mapped_column(Date)
    position: Mapped[int] = mapped_column(Integer)


class ProjectRow(PlanKeyed, Base):
    """A major project; amounts in 万元."""

    __tablename__ = "projects"
    name: Mapped[str] = name_column()
    owner_unit: Mapped[str] = owner_unit_column()
    district_code: Mapped[str] = mapped_column(String(64))
    industry: Mapped[str] = mapped_column(String(200))
    stage: Mapped[str] = mapped_column(String(30))
    total_investment: Mapped[float] = mapped_column(Float)
    annual_planned_investment: Mapped[float] = mapped_column(Float)
    planned_start: Mapped[date | None] = mapped_column(Date)
    planned_finish: Mapped[date | None] = mapped_column(Date)
    work_area_code: Mapped[str | None] = work_area_column()
    reporting_cycle: Mapped[str] = cycle_column()


class LivelihoodItemRow(PlanKeyed, Base):
    """A livelihood item (民生实事)."""

    __tablename__ = "livelihood_items"
    name: Mapped[str] = name_column()
    owner_unit: Mapped[str] = owner_unit_column()
    goal_quantity: Mapped[float] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(50))
    co_units: Mapped[list[str]] = mapped_column(JSON)
    work_area_code: Mapped[str | None] = work_area_column()
    reporting_cycle: Mapped[str] = cycle_column()


class ProgressRow(Base):
    """One progress report on one item; its source is spread over the ``source_*`` columns."""

    __tablename__ = "progress_records"
    # The unique constraint doubles as the index for lookups by (plan, item, as_of); the
    # partial index finds the few milestone reports among millions of figures.
    __table_args__ = (
        UniqueConstraint("plan_id", "item_code", "as_of", "milestone_key"),
        Index(
            "ix_progress_records_milestones",
            "plan_id",
            "item_code",
            sqlite_where=text("milestone_key <> ''"),
            postgresql_where=text("milestone_key <> ''"),
        ),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"))
    item_code: Mapped[str] = mapped_column(String(64))
    as_of: Mapped[date] = mapped_column(Date)
    milestone_key: Mapped[str] = mapped_column(String(64))  # '' when not a milestone report
    value: Mapped[float | None] = mapped_column(Float)
    cumulative: Mapped[bool] = mapped_column(Boolean)
    period_start: Mapped[date | None] = mapped_column(Date)
    stage: Mapped[str | None] = mapped_column(String(30))
    narrative: Mapped[str] = mapped_column(Text)
    source_unit: Mapped[str | None] = mapped_column(String(200))
    source_document: Mapped[str | None] = mapped_column(String(500))
    source_span_start: Mapped[int | None] = mapped_column(Integer)
    source_span_end: Mapped[int | None] = mapped_column(Integer)
    source_quote: Mapped[str | None] = mapped_column(Text)
    #: What the submitter was asked to confirm (a total below the last one, a jump), for the reviewer.
    warning: Mapped[str | None] = mapped_column(Text)


class ProgressLatestRow(Base):
    """Per item, the dates and sums a ``latest_only`` load starts from, kept up to date by every progress write.

    It is what one grouped pass over all of an item's progress gives (the latest report,
    the latest cumulative value, the span and sum of non-cumulative values, the latest
    stage), so the status of a plan with a million progress rows reads one row per item
    instead of scanning them all. Valid for loads as of any date on or after ``last_any``.
    """

    __tablename__ = "progress_latest"
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), primary_key=True)
    item_code: Mapped[str] = mapped_column(String(64), primary_key=True)
    last_any: Mapped[date] = mapped_column(Date)
    last_cum: Mapped[date | None] = mapped_column(Date)
    last_nc: Mapped[date | None] = mapped_column(Date)
    first_nc: Mapped[date | None] = mapped_column(Date)
    sum_nc: Mapped[float | None] = mapped_column(Float)
    n_nc: Mapped[int] = mapped_column(Integer)
    last_stage: Mapped[date | None] = mapped_column(Date)


class ProgressLatestRecordRow(Base):
    """The progress rows a ``latest_only`` load reads, copied with their item's summary dates.

    Per item: the rows at the dates ``progress_latest`` holds (latest report, latest
    cumulative and non-cumulative value, latest stage), each with the five summary figures
    the reduction needs. Rewritten with ``progress_latest`` by every progress write, so a
    whole-plan status scans one short table instead of probing the progress index once per
    item and date. ``progress_id`` is the row's id in ``progress_records``.
    """

    __tablename__ = "progress_latest_rows"
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), primary_key=True)
    item_code: Mapped[str] = mapped_column(String(64), primary_key=True)
    progress_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    as_of: Mapped[date] = mapped_column(Date)
    value: Mapped[float | None] = mapped_column(Float)
    cumulative: Mapped[bool] = mapped_column(Boolean)
    period_start: Mapped[date | None] = mapped_column(Date)
    milestone_key: Mapped[str] = mapped_column(String(64))
    stage: Mapped[str | None] = mapped_column(String(30))
    narrative: Mapped[str] = mapped_column(Text)
    source_unit: Mapped[str | None] = mapped_column(String(200))
    source_document: Mapped[str | None] = mapped_column(String(500))
    source_span_start: Mapped[int | None] = mapped_column(Integer)
    source_span_end: Mapped[int | None] = mapped_column(Integer)
    source_quote: Mapped[str | None] = mapped_column(Text)
    last_cum: Mapped[date | None] = mapped_column(Date)
    last_nc: Mapped[date | None] = mapped_column(Date)
    first_nc: Mapped[date | None] = mapped_column(Date)
    sum_nc: Mapped[float | None] = mapped_column(Float)
    n_nc: Mapped[int] = mapped_column(Integer)


class AuditRow(Base):
    """Who changed what, when: one row per inserted, updated or deleted record."""

    __tablename__ = "audit_log"
    # An item page reads the newest rows of a few keys (migration 0007).
    __table_args__ = (Index("ix_audit_log_key_id", "key", "id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    user: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(10))  # insert / update / delete
    table_name: Mapped[str] = mapped_column(String(64))
    key: Mapped[str] = mapped_column(String(500))
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class TargetProposalRow(Base):
    """A target a report states for a plan item, waiting for the 计划处 to accept it into the plan.

    ``target`` holds the proposed target as the ``targets`` row would (mapping.target_row);
    ``state`` is proposed, accepted or rejected, with who decided, when and why. Reading the
    same report again proposes nothing new.
    """

    __tablename__ = "target_proposals"
    __table_args__ = (UniqueConstraint("plan_id", "code", "document"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(64))
    target: Mapped[dict[str, Any]] = mapped_column(JSON)
    document: Mapped[str] = mapped_column(String(500))
    quote: Mapped[str | None] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(20))
    proposed_by: Mapped[str] = mapped_column(String(200))
    proposed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    decided_by: Mapped[str | None] = mapped_column(String(200))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    #: why it was not taken (required) or why it was: shown beside the decision, for good
    decision_reason: Mapped[str | None] = mapped_column(Text)


class DocumentRow(Base):
    """A report in the library (or read by ``planwatch ingest``); one row per distinct text (sha256).

    The library columns (``title`` … ``warnings``) are what ``planwatch library add`` read from
    the document; ``region_*`` and ``year`` may be corrected by hand (``library set``), which
    ``corrected`` records so that the correction is never read over. ``added_at`` is None for a
    document only ``ingest`` has seen.
    """

    __tablename__ = "documents"
    __table_args__ = (Index("ix_documents_region_code_year", "region_code", "year"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(500))
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    user: Mapped[str] = mapped_column(String(200))
    added_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    source: Mapped[str | None] = mapped_column(String(1000))  # the path (or archive!member) it was added from
    format: Mapped[str | None] = mapped_column(String(10))
    title: Mapped[str | None] = mapped_column(String(500))
    issuer: Mapped[str | None] = mapped_column(String(200))
    issued: Mapped[str | None] = mapped_column(String(10))  # the date the document states (ISO)
    region_code: Mapped[str | None] = mapped_column(String(12))
    region_name: Mapped[str | None] = mapped_column(String(200))
    region_level: Mapped[str | None] = mapped_column(String(20))
    year: Mapped[int | None] = mapped_column(Integer, index=True)
    period: Mapped[str | None] = mapped_column(String(40))
    genre: Mapped[str | None] = mapped_column(String(40), index=True)
    chars: Mapped[int | None] = mapped_column(Integer)
    corrected: Mapped[bool] = mapped_column(Boolean, server_default=text("false"), default=False)
    warnings: Mapped[list[str] | None] = mapped_column(JSON)
    word_targets: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON)  # goals stated only in words
    body: Mapped[str | None] = mapped_column(Text)  # the text all fact spans refer to


class DocumentFactRow(Base):
    """A fact of a document in the exchange format (facts-schema.md), span split in two."""

    __tablename__ = "document_facts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    span_start: Mapped[int] = mapped_column(Integer)
    span_end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    subject: Mapped[str | None] = mapped_column(String(500), index=True)
    measure: Mapped[str] = mapped_column(String(20))
    value: Mapped[float] = mapped_column(Float)
    unit: Mapped[str | None] = mapped_column(String(50))
    period: Mapped[str | None] = mapped_column(String(40))
    modality: Mapped[str] = mapped_column(String(20))
    qualifier: Mapped[str | None] = mapped_column(String(20))
    baseline: Mapped[str | None] = mapped_column(String(40))
    extra: Mapped[dict[str, Any] | None] = mapped_column(JSON)  # any further keys of the fact
    indicator: Mapped[str | None] = mapped_column(String(100), index=True)  # the catalog's canonical name


class ReportFigureRow(Base):
    """A library fact matched to an item of a plan by ``planwatch ingest``: the plan's link to the report figure.

    The fact itself stays the library's (one row, whatever plans read it); this row says which
    item and date of which plan it speaks for, in the item's unit (``value``), and what ingest
    made of it: ``progress`` (recorded as the item's progress), ``beside`` (a unit had submitted
    that item and date itself; the figure is kept beside the unit's record, never over it) or
    ``proposal`` (a target the report states, waiting for the 计划处). Re-reading the same
    report finds the same rows, so it changes nothing.
    """

    __tablename__ = "report_figures"
    __table_args__ = (
        UniqueConstraint("plan_id", "fact_id"),
        Index("ix_report_figures_plan_id_item_code", "plan_id", "item_code"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"))
    fact_id: Mapped[int] = mapped_column(ForeignKey("document_facts.id", ondelete="CASCADE"), index=True)
    item_code: Mapped[str] = mapped_column(String(64))
    as_of: Mapped[date | None] = mapped_column(Date)
    value: Mapped[float | None] = mapped_column(Float)
    role: Mapped[str] = mapped_column(String(20))  # progress / beside / proposal
    linked_by: Mapped[str] = mapped_column(String(200))
    linked_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class UnitRow(Base):
    """A reporting unit: a 委办局, a 区县 government or a project owner the plan names.

    ``district_code`` is set for a 区县 unit: its users answer for the projects in that district.
    """

    __tablename__ = "units"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(20))  # department / district / owner
    district_code: Mapped[str | None] = mapped_column(String(64))


class UserRow(Base):
    """An account: a role, the unit it answers for, an Argon2 password hash and its lockout state."""

    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    role: Mapped[str] = mapped_column(String(20))  # admin / planning / filler / reader
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))
    password_hash: Mapped[str | None] = mapped_column(String(200))
    disabled: Mapped[bool] = mapped_column(Boolean)
    failed_logins: Mapped[int] = mapped_column(Integer)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ApiTokenRow(Base):
    """A machine client's bearer token, kept as its SHA-256 only; revoked tokens stay for the record."""

    __tablename__ = "api_tokens"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    last_used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class WebSessionRow(Base):
    """A logged-in browser session, keyed by the SHA-256 of the session id its signed cookie carries.

    In the database rather than in the cookie so that logout, disabling a user and every
    worker process agree at once.
    """

    __tablename__ = "web_sessions"
    id_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class LoginFailureRow(Base):
    """One failed login from one client address, counted for the rate limit across worker processes."""

    __tablename__ = "login_failures"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client: Mapped[str] = mapped_column(String(100), index=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class SubmissionRow(Base):
    """A progress figure a unit submitted, and where its review stands.

    Only an approved submission reaches ``progress_records`` (in the approving
    transaction), so status reads approved figures alone. Rows are never rewritten in
    content: a resubmission or correction is a new row that names the one it supersedes;
    ``version`` rises with every transition so two reviewers cannot both act on one state.
    """

    __tablename__ = "submissions"
    __table_args__ = (
        Index("ix_submissions_plan_id_state", "plan_id", "state"),
        Index("ix_submissions_plan_id_item_code_id", "plan_id", "item_code", "id"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"))
    item_code: Mapped[str] = mapped_column(String(64))
    as_of: Mapped[date] = mapped_column(Date)
    milestone_key: Mapped[str] = mapped_column(String(64))  # '' when not a milestone report
    value: Mapped[float | None] = mapped_column(Float)
    cumulative: Mapped[bool] = mapped_column(Boolean)
    narrative: Mapped[str] = mapped_column(Text)
    unit: Mapped[str] = mapped_column(String(200))
    state: Mapped[str] = mapped_column(String(20))
    version: Mapped[int] = mapped_column(Integer)
    warning: Mapped[str | None] = mapped_column(Text)
    reason: Mapped[str | None] = mapped_column(Text)  # why a correction or withdrawal
    supersedes_id: Mapped[int | None] = mapped_column(ForeignKey("submissions.id"))
    submitted_by: Mapped[str] = mapped_column(String(100))
    submitted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    reviewed_by: Mapped[str | None] = mapped_column(String(100))
    reviewed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    comment: Mapped[str | None] = mapped_column(Text)  # the reviewer's words on return
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


metadata = Base.metadata


# -- shared table handles (Core), for the store's aggregate modules -------------------------

#: The item tables; their codes share one namespace within a plan.
ITEM_TABLES: dict[str, Table] = {
    "target": TargetRow.__table__,
    "task": KeyTaskRow.__table__,
    "project": ProjectRow.__table__,
    "livelihood": LivelihoodItemRow.__table__,
}
PLANS: Table = PlanRow.__table__
PROGRESS: Table = ProgressRow.__table__
AUDIT: Table = AuditRow.__table__
