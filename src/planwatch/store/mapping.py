"""Domain dataclasses to table rows (plain dicts) and back.

Pure functions: no session, no engine. The service compares the dicts made here with
the rows it reads, so both directions must give the same Python values for the same
record (floats as floats, dates as dates, lists as lists, enums as their string values).
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Any

from planwatch.plan.model import (
    KeyTask,
    LivelihoodItem,
    Milestone,
    Plan,
    PlanItem,
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

Row = dict[str, Any]

# Enum lookups by value: calling an Enum class is slow when loading 100,000 items.
_STAGE = {s.value: s for s in ProjectStage}
_CYCLE = {c.value: c for c in ReportingCycle}
_MEASURE = {t.value: t for t in TargetMeasure}
_QUALIFIER = {q.value: q for q in Qualifier}


def _float(value: float | None) -> float | None:
    return None if value is None else float(value)


def _enum(value: Any) -> str | None:
    return None if value is None else str(value.value if hasattr(value, "value") else value)


# --- regions and plans -------------------------------------------------------------


def region_row(region: Region) -> Row:
    return {"code": region.code, "name": region.name, "parent_code": region.parent_code, "level": region.level}


def region_from(row: Any) -> Region:
    return Region(code=row.code, name=row.name, parent_code=row.parent_code, level=row.level)


def plan_row(plan: Plan) -> Row:
    return {
        "code": plan.code,
        "region_code": plan.region_code,
        "year": int(plan.year),
        "title": plan.title,
        "source_document": plan.source_document,
        "thresholds": asdict(plan.thresholds),
    }


def plan_from(row: Any) -> Plan:
    known = StatusThresholds.__dataclass_fields__
    thresholds = StatusThresholds(**{k: v for k, v in (row.thresholds or {}).items() if k in known})
    return Plan(
        code=row.code,
        region_code=row.region_code,
        year=row.year,
        title=row.title,
        source_document=row.source_document,
        thresholds=thresholds,
    )


def work_area_row(area: WorkArea) -> Row:
    return {"code": area.code, "title": area.title, "order": int(area.order)}


def work_area_from(row: Any) -> WorkArea:
    return WorkArea(code=row.code, title=row.title, order=row.order)


# --- plan items ----------------------------------------------------------------------
#
# Every item kind shares code, name, owner unit, work area and reporting cycle (the
# columns ``tables.PlanKeyed`` and the ``*_column`` functions define); each row function
# adds the kind's own fields to these.


def item_row(item: PlanItem) -> Row:
    """Return the columns every plan item has, as a row."""
    return {
        "code": item.code,
        "name": item.name,
        "owner_unit": item.owner_unit,
        "work_area_code": item.work_area_code,
        "reporting_cycle": _enum(item.reporting_cycle),
    }


def item_fields(row: Any) -> dict[str, Any]:
    """Return the fields every plan item has, read back from its row."""
    return {
        "code": row.code,
        "name": row.name,
        "owner_unit": row.owner_unit,
        "work_area_code": row.work_area_code,
        "reporting_cycle": _CYCLE[row.reporting_cycle],
    }


def target_row(target: Target) -> Row:
    return {
        **item_row(target),
        "indicator_code": target.indicator_code,
        "measure": _enum(target.measure),
        "value": _float(target.value),
        "unit": target.unit,
        "value_high": _float(target.value_high),
        "qualifier": _enum(target.qualifier),
        "cumulative": bool(target.cumulative),
        "note": target.note or "",
    }


def target_from(row: Any) -> Target:
    return Target(
        **item_fields(row),
        indicator_code=row.indicator_code,
        measure=_MEASURE[row.measure],
        value=row.value,
        unit=row.unit,
        value_high=row.value_high,
        qualifier=_QUALIFIER[row.qualifier] if row.qualifier else None,
        cumulative=bool(row.cumulative),
        note=row.note,
    )


def task_row(task: KeyTask) -> Row:
    return {
        **item_row(task),
        "co_units": list(task.co_units),
        "annual_quantity": _float(task.annual_quantity),
        "unit": task.unit,
    }


def task_from(row: Any, milestones: list[Milestone]) -> KeyTask:
    return KeyTask(
        **item_fields(row),
        co_units=list(row.co_units or []),
        milestones=milestones,
        annual_quantity=row.annual_quantity,
        unit=row.unit,
    )


def milestone_row(milestone: Milestone, position: int) -> Row:
    return {"key": str(milestone.key), "title": milestone.title, "due": milestone.due, "position": position}


def milestone_from(row: Any) -> Milestone:
    return Milestone(key=row.key, title=row.title, due=row.due)


def project_row(project: Project) -> Row:
    return {
        **item_row(project),
        "district_code": project.district_code,
        "industry": project.industry,
        "stage": _enum(project.stage),
        "total_investment": _float(project.total_investment),
        "annual_planned_investment": _float(project.annual_planned_investment),
        "planned_start": project.planned_start,
        "planned_finish": project.planned_finish,
    }


def project_from(row: Any) -> Project:
    return Project(
        **item_fields(row),
        district_code=row.district_code,
        industry=row.industry,
        stage=_STAGE[row.stage],
        total_investment=row.total_investment,
        annual_planned_investment=row.annual_planned_investment,
        planned_start=row.planned_start,
        planned_finish=row.planned_finish,
    )


def livelihood_row(item: LivelihoodItem) -> Row:
    return {
        **item_row(item),
        "goal_quantity": _float(item.goal_quantity),
        "unit": item.unit,
        "co_units": list(item.co_units),
    }


def livelihood_from(row: Any) -> LivelihoodItem:
    return LivelihoodItem(
        **item_fields(row),
        goal_quantity=row.goal_quantity,
        unit=row.unit,
        co_units=list(row.co_units or []),
    )


# --- progress ------------------------------------------------------------------------

#: The columns a progress record's ``Source`` is spread over, in table order.
SOURCE_COLUMNS = ("source_unit", "source_document", "source_span_start", "source_span_end", "source_quote")

#: Columns of a progress row besides its key and plan, in table order.
PROGRESS_VALUE_COLUMNS = ("value", "cumulative", "period_start", "stage", "narrative", *SOURCE_COLUMNS, "warning")


def progress_key(record: ProgressRecord) -> tuple[str, date, str]:
    """Return the identity of a progress record within its plan."""
    return (record.item_code, record.as_of, "" if record.milestone_key is None else str(record.milestone_key))


def progress_row(record: ProgressRecord) -> Row:
    source = record.source or Source()
    span = source.span
    return {
        "item_code": record.item_code,
        "as_of": record.as_of,
        "milestone_key": "" if record.milestone_key is None else str(record.milestone_key),
        "value": _float(record.value),
        "cumulative": bool(record.cumulative),
        "period_start": record.period_start,
        "stage": _enum(record.stage),
        "narrative": record.narrative or "",
        "source_unit": source.unit,
        "source_document": source.document,
        "source_span_start": None if span is None else int(span[0]),
        "source_span_end": None if span is None else int(span[1]),
        "source_quote": source.quote,
        "warning": record.warning or None,
    }


def progress_from(row: Any) -> ProgressRecord:
    span = None if row.source_span_start is None else (row.source_span_start, row.source_span_end)
    return ProgressRecord(
        item_code=row.item_code,
        as_of=row.as_of,
        value=row.value,
        cumulative=bool(row.cumulative),
        period_start=row.period_start,
        milestone_key=row.milestone_key or None,
        stage=_STAGE[row.stage] if row.stage else None,
        narrative=row.narrative,
        source=Source(unit=row.source_unit, document=row.source_document, span=span, quote=row.source_quote),
        warning=row.warning or "",
    )


# -- fast paths for big loads: rows as plain value sequences in a fixed column order ------

#: Project columns in the order of the ``Project`` fields.
PROJECT_READ_COLUMNS = (
    "code",
    "name",
    "owner_unit",
    "district_code",
    "industry",
    "stage",
    "total_investment",
    "annual_planned_investment",
    "planned_start",
    "planned_finish",
    "work_area_code",
    "reporting_cycle",
)

#: Progress columns in the order ``progress_from_values`` reads them.
PROGRESS_READ_COLUMNS = (
    "item_code",
    "as_of",
    "value",
    "cumulative",
    "period_start",
    "milestone_key",
    "stage",
    "narrative",
    *SOURCE_COLUMNS,
)


def project_from_values(v: Any) -> Project:
    """Build a Project from values in ``PROJECT_READ_COLUMNS`` order (index access, no names)."""
    return Project(v[0], v[1], v[2], v[3], v[4], _STAGE[v[5]], v[6], v[7], v[8], v[9], v[10], _CYCLE[v[11]])


def progress_from_values(v: Any, sources: dict[tuple[Any, ...], Source]) -> ProgressRecord:
    """Build a ProgressRecord from values in ``PROGRESS_READ_COLUMNS`` order.

    ``sources`` caches Source objects: they are immutable and a plan has few distinct
    ones (a reporting unit sends many reports), so a million records share a few hundred.
    """
    key = (v[8], v[9], v[10], v[11], v[12])
    source = sources.get(key)
    if source is None:
        span = None if v[10] is None else (v[10], v[11])
        source = sources[key] = Source(unit=v[8], document=v[9], span=span, quote=v[12])
    stage = v[6]
    return ProgressRecord(
        v[0], v[1], v[2], bool(v[3]), v[4], v[5] or None, _STAGE[stage] if stage else None, v[7], source
    )


# -- driver values: what the database driver returns, before any type processing ---------
#
# Whole-plan loads read rows with ``Connection.exec_driver_sql``: SQLAlchemy's per-value
# processors (a date parse per date column per row) cost more than the query on SQLite.
# A plan has a few hundred distinct dates, so each is parsed once into ``dates``. The
# functions accept both SQLite's ISO strings and PostgreSQL's ``date`` objects.

Dates = dict[Any, date]


def driver_date(value: Any, dates: Dates) -> date | None:
    """Return a driver's date value as a ``date`` (parsed once per distinct value)."""
    if value is None:
        return None
    day = dates.get(value)
    if day is None:
        day = dates[value] = value if isinstance(value, date) else date.fromisoformat(value)
    return day


def project_from_driver(v: Any, dates: Dates) -> Project:
    """Build a Project from driver values in ``PROJECT_READ_COLUMNS`` order."""
    start, finish = v[8], v[9]
    if start is not None:
        start = dates.get(start) or driver_date(start, dates)
    if finish is not None:
        finish = dates.get(finish) or driver_date(finish, dates)
    return Project(v[0], v[1], v[2], v[3], v[4], _STAGE[v[5]], v[6], v[7], start, finish, v[10], _CYCLE[v[11]])


def progress_from_driver(v: Any, sources: dict[tuple[Any, ...], Source], dates: Dates) -> ProgressRecord:
    """Build a ProgressRecord from a driver row: the record's id, then ``PROGRESS_READ_COLUMNS``.

    The id leads (and columns may follow) so that whole-plan loads pass their rows as
    they come, without slicing each one; see ``progress_from_values`` for ``sources``.
    """
    key = (v[9], v[10], v[11], v[12], v[13])
    source = sources.get(key)
    if source is None:
        span = None if v[11] is None else (v[11], v[12])
        source = sources[key] = Source(unit=v[9], document=v[10], span=span, quote=v[13])
    as_of = dates.get(v[2]) or driver_date(v[2], dates)
    period_start = v[5]
    if period_start is not None:
        period_start = dates.get(period_start) or driver_date(period_start, dates)
    stage = v[7]
    return ProgressRecord(
        v[1], as_of, v[3], bool(v[4]), period_start, v[6] or None, _STAGE[stage] if stage else None, v[8], source
    )


def jsonable(row: Row) -> Row:
    """Return a row with dates as ISO strings, for audit JSON (None values dropped)."""
    return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in row.items() if v is not None}
