"""Plans and progress from exchange tables: typing, validation, and the domain objects.

Pure functions: tables in (from :func:`planwatch.imports.reader.read_tables` or built by
hand), :class:`~planwatch.plan.model.PlanData` or progress records out. Every problem in
the file is collected — wrong types, missing cells, negative amounts, unknown units and
indicators, duplicate codes, dangling references, dates outside the plan year — and
raised together in one :class:`ImportFailed`, so a clerk fixes the file in one pass.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from planwatch.catalog import load_catalog
from planwatch.exchange.cells import CellError, converter, shown
from planwatch.exchange.columns import (
    KIND_LABELS,
    PLAN_SHEETS,
    PROGRESS_SHEET_OF_KIND,
    PROGRESS_SHEETS,
    Sheet,
)
from planwatch.exchange.headers import check_headers, check_sheet_names
from planwatch.extract.units import normalise_unit
from planwatch.imports.issues import ImportFailed, Issue
from planwatch.plan.model import (
    ItemKind,
    KeyTask,
    LivelihoodItem,
    Milestone,
    Plan,
    PlanData,
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
    item_kind,
)
from planwatch.plan.validation import bounds_of, refusals

Tables = Mapping[str, Sequence[Mapping[str, object]]]
FindIndicator = Callable[[str], object | None]  # name → an object with ``.code``, or None

#: Progress cells a pre-filled template carries (with the 事项名称 reading aid, which is
#: never read); a row with only these is not a report.
LABEL_KEYS = frozenset({"item_code"})
KIND_OF_PROGRESS_SHEET = {name: ItemKind(kind) for kind, name in PROGRESS_SHEET_OF_KIND.items()}


@dataclass(slots=True)
class Record:
    """One typed row: its Excel row number and column key → value (blank cells are absent)."""

    sheet: Sheet
    row: int
    values: dict[str, object] = field(default_factory=dict)
    #: ``values.get`` itself (a cell by key, or the default): called millions of times on a big file.
    get: Callable[..., object] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.get = self.values.get

    def header(self, key: str) -> str:
        """Return the Chinese header of the column ``key`` (for messages)."""
        return next(c.header for c in self.sheet.columns if c.key == key)


class Collector:
    """Gathers issues against one file, with helpers that know the sheet and row."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.issues: list[Issue] = []
        self.sources: dict[str, str] = {}  # sheet → file, when sheets come from several CSV files
        self.bad_cells: dict[tuple[str | None, int | None], set[str]] = {}  # (sheet, row) → headers

    def file_of(self, sheet: str | None) -> str:
        return self.sources.get(sheet or "", self.source)

    def add(self, message: str, sheet: str | None = None, row: int | None = None, column: str | None = None) -> None:
        self.issues.append(Issue(self.file_of(sheet), message, sheet, row, column))
        if column is not None:
            self.bad_cells.setdefault((sheet, row), set()).add(column)

    def at(self, record: Record, key: str | None, message: str) -> None:
        """Add an issue at ``record``'s row, in the column ``key`` (None: the whole row)."""
        self.add(message, record.sheet.name, record.row, record.header(key) if key else None)

    def raise_if_any(self) -> None:
        if self.issues:
            raise ImportFailed(self.issues)


def check_sheet_name_errors(tables: Tables, issues: Collector) -> None:
    """Report sheets whose name is a near miss of a sheet the file lacks (重大项木 for 重大项目)."""
    filled = {name: bool(len(table) or getattr(table, "headers", None)) for name, table in tables.items()}
    for finding in check_sheet_names(list(tables), filled):
        if finding.error:
            issues.add(finding.message)


def row_number(row: Mapping[str, object], index: int) -> int:
    """Return the Excel row of a row (tables from the reader know it; hand-built ones count from 2)."""
    return getattr(row, "number", index + 2)


def read_sheet(
    tables: Tables,
    sheet: Sheet,
    issues: Collector,
    defaults: Mapping[str, object] | None = None,
    label_keys: frozenset[str] = frozenset(),
) -> list[Record] | None:
    """Return the typed rows of ``sheet``, or None when the file does not have the sheet.

    A sheet missing a required column yields no rows (and one issue per missing column);
    a bad cell yields an issue and leaves the column out of that row. ``defaults`` fill
    blank cells by column key (``--as-of`` fills blank 截至日期 cells this way). A row
    with nothing but ``label_keys`` cells filled (a pre-filled code and name nobody
    reported on) is skipped.
    """
    rows = iter_sheet(tables, sheet, issues, defaults, label_keys)
    return None if rows is None else list(rows)


def iter_sheet(
    tables: Tables,
    sheet: Sheet,
    issues: Collector,
    defaults: Mapping[str, object] | None = None,
    label_keys: frozenset[str] = frozenset(),
) -> Iterator[Record] | None:
    """Like :func:`read_sheet`, but yield the typed rows one by one (a million rows are not held twice).

    The sheet-level checks (a missing required column) are made before this returns.
    """
    defaults = defaults or {}
    table = tables.get(sheet.name)
    if table is None:
        return None
    source = getattr(table, "source", None)
    if source:
        issues.sources[sheet.name] = source
    headers = getattr(table, "headers", None)
    if headers is None:
        headers = list(table[0].keys()) if table else []
    header_row = getattr(table, "header_row", 1)
    findings = check_headers(getattr(table, "written", headers), sheet)
    errors = [f for f in findings if f.error]
    for finding in errors:
        issues.add(finding.message, sheet.name, header_row)
    guessed = {f.suggestion for f in errors}
    missing = [c.header for c in sheet.columns if c.required and c.header not in headers and c.key not in defaults]
    for header in missing:
        if header not in guessed:  # “是否为…？” already names it
            issues.add(f"缺少必填列“{header}”", sheet.name)
    if missing or errors:
        # rows read without the misread column would only repeat the header error row by row
        return iter(())
    return _typed_rows(table, sheet, issues, defaults, label_keys)


def _typed_rows(
    table: Sequence[Mapping[str, object]],
    sheet: Sheet,
    issues: Collector,
    defaults: Mapping[str, object],
    label_keys: frozenset[str],
) -> Iterator[Record]:
    content = [c.header for c in sheet.columns if c.key not in label_keys] if label_keys else []
    # Per column, decided once: where to read, how to type, what a blank means.
    plan = [
        (
            column.key,
            column.header,
            converter(column),
            column.key in defaults,
            defaults.get(column.key),
            column.required,
            "（或导入时用 --as-of 指定）" if column.key == "as_of" else "",
        )
        for column in sheet.columns
    ]
    name = sheet.name
    add = issues.add
    for index, row in enumerate(table):
        get = row.get
        if content:
            for header in content:
                raw = get(header)
                if raw is not None and not (isinstance(raw, str) and not raw.strip()):
                    break
            else:
                continue  # nothing but labels: not a report
        record = Record(sheet, row_number(row, index))
        values = record.values
        for key, header, convert, has_default, default, required, hint in plan:
            raw = get(header)
            if raw is None or (isinstance(raw, str) and not raw.strip()):
                if has_default:
                    values[key] = default
                elif required:
                    add(f"必填，不能为空{hint}", name, record.row, header)
                continue
            try:
                values[key] = convert(raw)
            except CellError as exc:
                add(str(exc), name, record.row, header)
        yield record


def check_unit(record: Record, key: str, issues: Collector) -> str | None:
    """Return the unit of ``record`` when planwatch knows it; report it otherwise."""
    unit = record.get(key)
    if unit is None:
        return None
    if normalise_unit(str(unit)) is None:
        issues.at(record, key, f"无法识别的单位“{unit}”")
    return str(unit)


def in_year(record: Record, key: str, year: int, issues: Collector) -> None:
    """Report a date of ``record`` that falls outside the plan year."""
    value = record.get(key)
    if isinstance(value, date) and value.year != year:
        issues.at(record, key, f"日期{value.isoformat()}不在计划年度{year}年内")


class CodeBook:
    """Codes seen so far in one namespace, to report duplicates with the first occurrence."""

    def __init__(self, issues: Collector) -> None:
        self.issues = issues
        self.first: dict[str, Record] = {}

    def claim(self, record: Record, key: str = "code") -> bool:
        """Record ``record``'s code; report and return False when it was used before."""
        code = record.get(key)
        if code is None:
            return False
        code = str(code)
        if code in self.first:
            earlier = self.first[code]
            self.issues.at(record, key, f"编码“{code}”重复，已在工作表“{earlier.sheet.name}”第{earlier.row}行使用")
            return False
        self.first[code] = record
        return True


def default_find_indicator() -> FindIndicator:
    """Return the catalog's name lookup (names and aliases of canonical indicators)."""
    return load_catalog().find


def thresholds_of(record: Record) -> StatusThresholds:
    """Return the plan's traffic-light thresholds, the defaults where a cell is blank."""
    defaults = StatusThresholds()
    values = {
        key: record.get(key, getattr(defaults, key))
        for key in (
            "cumulative_yellow_gap_pp",
            "cumulative_red_gap_pp",
            "rate_yellow_shortfall_pp",
            "rate_red_shortfall_pp",
            "milestone_warning_days",
            "time_progress_by_days",
            "about_tolerance_pp",
        )
    }
    return StatusThresholds(**values)


def cycle_of(record: Record) -> ReportingCycle:
    return ReportingCycle(record.get("reporting_cycle", ReportingCycle.MONTHLY.value))


def text_or_none(record: Record, key: str) -> str | None:
    value = record.get(key)
    return None if value is None else str(value)


def parse_plan_record(records: list[Record] | None, issues: Collector) -> Plan | None:
    """Return the plan of the one row of the 计划 sheet."""
    if records is None:
        issues.add("缺少工作表“计划”（计划编码、地区、年度、名称）")
        return None
    if not records:
        if not any(i.sheet == "计划" for i in issues.issues):
            issues.add("没有填写计划信息（第2行）", "计划")
        return None
    if len(records) > 1:
        issues.at(records[1], None, "只能填写一行计划信息")
    record = records[0]
    if any(k not in record.values for k in ("code", "region_code", "year", "title")):
        return None
    year = int(record.values["year"])
    if not 1949 <= year <= 2200:
        issues.at(record, "year", f"年度{year}不是有效的年份")
    return Plan(
        code=str(record.values["code"]),
        region_code=str(record.values["region_code"]),
        year=year,
        title=str(record.values["title"]),
        source_document=text_or_none(record, "source_document"),
        thresholds=thresholds_of(record),
    )


def parse_regions(records: list[Record], issues: Collector, known: Collection[str] = ()) -> list[Region]:
    """Return the regions of the 地区 sheet; a parent must be in the sheet or in ``known``."""
    codes = CodeBook(issues)
    regions = []
    for record in records:
        if not codes.claim(record) or "name" not in record.values:
            continue
        parent = text_or_none(record, "parent_code")
        level = record.get("level") or ("city" if parent is None else "district")
        regions.append(Region(str(record.values["code"]), str(record.values["name"]), parent, str(level)))
    for region, record in zip(regions, (codes.first[r.code] for r in regions), strict=True):
        if region.parent_code is not None and region.parent_code not in codes.first and region.parent_code not in known:
            issues.at(record, "parent_code", f"上级地区编码“{region.parent_code}”不在“地区”表中")
    return regions


def parse_work_areas(records: list[Record], issues: Collector) -> list[WorkArea]:
    codes = CodeBook(issues)
    areas = []
    for index, record in enumerate(records, start=1):
        if codes.claim(record) and "title" in record.values:
            order = int(record.get("order", index))  # type: ignore[arg-type]
            areas.append(WorkArea(str(record.values["code"]), str(record.values["title"]), order))
    return areas


def complete(record: Record, *keys: str) -> bool:
    """Tell whether every ``keys`` cell of ``record`` was read (issues are already reported)."""
    return all(k in record.values for k in keys)


def parse_target(record: Record, find: FindIndicator, issues: Collector) -> Target | None:
    name = record.get("indicator")
    indicator = find(str(name)) if name is not None else None
    if name is not None and indicator is None:
        issues.at(record, "indicator", f"指标库中没有“{name}”，请使用指标库中的名称或别称")
    unit = check_unit(record, "unit", issues)
    if unit is not None and indicator is not None:
        check_target_unit(record, unit, indicator, issues)
    value, high = record.get("value"), record.get("value_high")
    if isinstance(value, float) and isinstance(high, float) and high < value:
        issues.at(record, "value_high", f"目标上限（{shown(high)}）不能小于目标值（{shown(value)}）")
    if indicator is None or not complete(record, "code", "measure", "value") or unit is None:
        return None
    qualifier = record.get("qualifier")
    return Target(
        code=str(record.values["code"]),
        indicator_code=str(indicator.code),  # type: ignore[attr-defined]
        measure=TargetMeasure(record.values["measure"]),
        value=float(value),  # type: ignore[arg-type]
        unit=unit,
        value_high=high,  # type: ignore[arg-type]
        qualifier=Qualifier(qualifier) if qualifier else None,
        cumulative=bool(record.get("cumulative", False)),
        work_area_code=text_or_none(record, "work_area_code"),
        owner_unit=text_or_none(record, "owner_unit"),
        name=text_or_none(record, "name"),
        reporting_cycle=cycle_of(record),
        note=str(record.get("note", "")),
    )


def check_target_unit(record: Record, unit: str, indicator: object, issues: Collector) -> None:
    """Report a unit that does not fit the target: growth in %, a level in the indicator's unit."""
    base = normalise_unit(unit)
    if base is None:
        return
    measure = record.get("measure")
    if measure == TargetMeasure.GROWTH.value and base[0] != "%":
        issues.at(record, "unit", f"增长目标的单位应为%，不是“{unit}”")
    expected = normalise_unit(str(getattr(indicator, "unit", "")))
    if measure == TargetMeasure.LEVEL.value and expected is not None and expected[0] != base[0]:
        name = getattr(indicator, "name", "")
        issues.at(record, "unit", f"单位“{unit}”与指标“{name}”的单位“{indicator.unit}”不符")  # type: ignore[attr-defined]


def parse_task(record: Record, issues: Collector) -> KeyTask | None:
    unit = check_unit(record, "unit", issues)
    quantity = record.get("annual_quantity")
    if quantity is not None and "unit" not in record.values:
        issues.at(record, "unit", "填写了年度目标量时必须填写单位")
    if not complete(record, "code", "name", "owner_unit"):
        return None
    return KeyTask(
        code=str(record.values["code"]),
        name=str(record.values["name"]),
        work_area_code=text_or_none(record, "work_area_code"),
        owner_unit=str(record.values["owner_unit"]),
        co_units=list(record.get("co_units", [])),  # type: ignore[call-overload]
        annual_quantity=quantity,  # type: ignore[arg-type]
        unit=unit,
        reporting_cycle=cycle_of(record),
    )


def parse_project(record: Record, districts: set[str], issues: Collector) -> Project | None:
    district = record.get("district_code")
    if district is not None and district not in districts:
        issues.at(record, "district_code", f"区县编码“{district}”不在“地区”表中")
    total, annual = record.get("total_investment"), record.get("annual_planned_investment")
    if isinstance(total, float) and isinstance(annual, float) and annual > total:
        issues.at(
            record,
            "annual_planned_investment",
            f"年度计划投资（{shown(annual)}）不能大于总投资（{shown(total)}）",
        )
    start, finish = record.get("planned_start"), record.get("planned_finish")
    if isinstance(start, date) and isinstance(finish, date) and finish < start:
        issues.at(record, "planned_finish", f"计划竣工时间{finish.isoformat()}早于计划开工时间{start.isoformat()}")
    keys = ("code", "name", "owner_unit", "district_code", "industry", "stage", "total_investment")
    if not complete(record, *keys, "annual_planned_investment"):
        return None
    return Project(
        code=str(record.values["code"]),
        name=str(record.values["name"]),
        owner_unit=str(record.values["owner_unit"]),
        district_code=str(district),
        industry=str(record.values["industry"]),
        stage=ProjectStage(record.values["stage"]),
        total_investment=float(total),  # type: ignore[arg-type]
        annual_planned_investment=float(annual),  # type: ignore[arg-type]
        planned_start=start,  # type: ignore[arg-type]
        planned_finish=finish,  # type: ignore[arg-type]
        work_area_code=text_or_none(record, "work_area_code"),
        reporting_cycle=cycle_of(record),
    )


def parse_livelihood(record: Record, issues: Collector) -> LivelihoodItem | None:
    unit = check_unit(record, "unit", issues)
    if not complete(record, "code", "name", "owner_unit", "goal_quantity") or unit is None:
        return None
    return LivelihoodItem(
        code=str(record.values["code"]),
        name=str(record.values["name"]),
        owner_unit=str(record.values["owner_unit"]),
        goal_quantity=float(record.values["goal_quantity"]),  # type: ignore[arg-type]
        unit=unit,
        co_units=list(record.get("co_units", [])),  # type: ignore[call-overload]
        work_area_code=text_or_none(record, "work_area_code"),
        reporting_cycle=cycle_of(record),
    )


def attach_milestones(
    records: list[Record],
    tasks: dict[str, KeyTask],
    year: int | None,
    issues: Collector,
    stored: Mapping[str, KeyTask] | None = None,
) -> None:
    """Add the 任务节点 rows to their tasks, checking task codes, keys and due dates.

    A row for a task that is not in the file but in ``stored`` (the plan in the store)
    brings that task into ``tasks`` with the file's milestones replacing its stored ones.
    """
    seen: dict[tuple[str, str], Record] = {}
    stored = stored or {}
    for record in records:
        task_code, key = record.get("task_code"), record.get("key")
        if year is not None:
            in_year(record, "due", year, issues)
        if task_code is None or key is None:
            continue
        task = tasks.get(str(task_code))
        if task is None and str(task_code) in stored:
            task = tasks[str(task_code)] = replace(stored[str(task_code)], milestones=[])
        if task is None:
            issues.at(record, "task_code", f"任务编码“{task_code}”不在“重点任务”表中")
            continue
        earlier = seen.get((str(task_code), str(key)))
        if earlier is not None:
            issues.at(record, "key", f"任务“{task_code}”的节点序号“{key}”重复，已在第{earlier.row}行使用")
            continue
        seen[(str(task_code), str(key))] = record
        if complete(record, "title", "due"):
            task.milestones.append(Milestone(str(key), str(record.values["title"]), record.values["due"]))  # type: ignore[arg-type]


def check_work_areas(pairs: Iterable[tuple[Record, PlanItem]], areas: set[str], issues: Collector) -> None:
    for record, item in pairs:
        code = item.work_area_code
        if code is not None and code not in areas:
            issues.at(record, "work_area_code", f"领域编码“{code}”不在“工作领域”表中")


def parse_plan_tables(
    tables: Tables,
    *,
    source: str,
    find_indicator: FindIndicator | None = None,
    as_of: date | None = None,
    base: PlanData | None = None,
) -> PlanData:
    """Return the plan in ``tables`` (the sheets of a plan workbook), progress sheets included.

    Raises :class:`ImportFailed` with every issue found. ``find_indicator`` maps an
    indicator name or alias to an indicator (default: the catalog); ``as_of`` fills blank
    截至日期 cells of progress sheets in the same file. ``base`` is the stored plan a
    partial file updates (a file of only 重大项目, say): the 计划 sheet may then be left
    out, and codes of regions, work areas and tasks may refer to what is stored.
    """
    issues = Collector(source)
    check_sheet_name_errors(tables, issues)
    find = find_indicator or default_find_indicator()
    read = {sheet.name: read_sheet(tables, sheet, issues) for sheet in PLAN_SHEETS}
    if base is not None and read["计划"] is None:
        plan: Plan | None = base.plan
    else:
        plan = parse_plan_record(read["计划"], issues)
    stored_regions = {r.code for r in base.regions} if base else set()
    regions = parse_regions(read["地区"] or [], issues, stored_regions)
    region_codes = {r.code for r in regions} | stored_regions
    if plan is not None and read["计划"] and plan.region_code not in region_codes:
        issues.at(read["计划"][0], "region_code", f"地区编码“{plan.region_code}”不在“地区”表中")
    areas = parse_work_areas(read["工作领域"] or [], issues)
    stored_items = base.item_index() if base else {}

    codes = CodeBook(issues)
    placed: list[tuple[Record, PlanItem]] = []
    parsers: dict[str, Callable[[Record], PlanItem | None]] = {
        "指标目标": lambda r: parse_target(r, find, issues),
        "重点任务": lambda r: parse_task(r, issues),
        "重大项目": lambda r: parse_project(r, region_codes, issues),
        "民生实事": lambda r: parse_livelihood(r, issues),
    }
    for sheet_name, parser in parsers.items():
        for record in read[sheet_name] or []:
            unique = codes.claim(record) and not used_for_other_kind(record, sheet_name, stored_items, issues)
            item = parser(record)
            if item is not None and unique:
                placed.append((record, item))
    stored_areas = {a.code for a in base.work_areas} if base else set()
    check_work_areas(placed, {a.code for a in areas} | stored_areas, issues)
    items = [item for _, item in placed]
    tasks = {item.code: item for item in items if isinstance(item, KeyTask)}
    stored_tasks = {t.code: t for t in base.tasks} if base else {}
    attach_milestones(read["任务节点"] or [], tasks, plan.year if plan else None, issues, stored_tasks)

    data = PlanData(
        plan=plan or Plan("", "", 0, ""),
        regions=regions,
        work_areas=areas,
        targets=[i for i in items if isinstance(i, Target)],
        tasks=list(tasks.values()),
        projects=[i for i in items if isinstance(i, Project)],
        livelihood_items=[i for i in items if isinstance(i, LivelihoodItem)],
    )
    if plan is not None and any(name in tables for name in KIND_OF_PROGRESS_SHEET):
        data.progress = collect_progress(tables, merged(base, data), issues, as_of)
    issues.raise_if_any()
    return data


def used_for_other_kind(record: Record, sheet_name: str, stored: Mapping[str, PlanItem], issues: Collector) -> bool:
    """Report (and return True for) a code the stored plan already uses for another kind of item."""
    item = stored.get(str(record.get("code")))
    if item is None or KIND_LABELS[item_kind(item)] == sheet_name:
        return False
    issues.at(record, "code", f"编码“{record.get('code')}”在计划中已用于{KIND_LABELS[item_kind(item)]}")
    return True


def merged(base: PlanData | None, update: PlanData) -> PlanData:
    """Return the stored plan with the file's items in place of stored ones of the same code."""
    if base is None:
        return update
    new = update.item_index()
    keep = [item for item in base.items() if item.code not in new]
    items = [*keep, *update.items()]
    return PlanData(
        plan=update.plan,
        targets=[i for i in items if isinstance(i, Target)],
        tasks=[i for i in items if isinstance(i, KeyTask)],
        projects=[i for i in items if isinstance(i, Project)],
        livelihood_items=[i for i in items if isinstance(i, LivelihoodItem)],
    )


def parse_source(record: Record, issues: Collector) -> Source:
    """Return where a progress figure came from: the reporting unit or a document span."""
    span = None
    raw = record.get("source_span")
    if raw is not None:
        parts = [p for p in str(raw).replace("—", "-").replace("–", "-").replace("－", "-").split("-") if p.strip()]
        try:
            start, end = (int(p) for p in parts)
            if not 0 <= start <= end:
                raise ValueError
            span = (start, end)
        except ValueError:
            issues.at(record, "source_span", f"应为“起-止”两个整数，如120-156，不是“{raw}”")
    return Source(
        unit=text_or_none(record, "source_unit"),
        document=text_or_none(record, "source_document"),
        span=span,
        quote=text_or_none(record, "source_quote"),
    )


def check_progress_value(record: Record, item: PlanItem, issues: Collector) -> None:
    """Report a progress row whose value does not fit the kind of item it is for."""
    value, key = record.get("value"), record.get("milestone_key")
    if isinstance(item, KeyTask):
        if key is not None and str(key) not in {m.key for m in item.milestones}:
            have = "、".join(m.key for m in item.milestones) or "无"
            issues.at(record, "milestone_key", f"任务“{item.code}”没有序号为“{key}”的节点（已有节点：{have}）")
        if value is not None and item.annual_quantity is None:
            issues.at(record, "value", f"任务“{item.code}”没有年度目标量，不能填写完成量；节点任务请填完成节点序号")
        # A row with only 情况说明 is a report too: a milestone task between two due dates.
        if (
            value is None
            and key is None
            and record.get("narrative") is None
            and not {"value", "milestone_key", "narrative"} & record_bad_columns(record, issues)
        ):
            issues.at(record, None, "完成量、完成节点序号和情况说明至少填写一项")
    elif (
        isinstance(item, Project)
        and value is None
        and record.get("stage") is None
        and not {"value", "stage"} & record_bad_columns(record, issues)
    ):
        issues.at(record, None, "本年完成投资和项目阶段至少填写一项")


def record_bad_columns(record: Record, issues: Collector) -> set[str]:
    """Return the keys of ``record``'s cells already reported as unreadable."""
    headers = issues.bad_cells.get((record.sheet.name, record.row), set())
    return {c.key for c in record.sheet.columns if c.header in headers}


#: A caller's own check of one progress row (who may report it, what is locked): the
#: problems as (column key or None for the whole row, Chinese message).
Vet = Callable[[ProgressRecord, PlanItem], Iterable[tuple[str | None, str]]]


def collect_progress(
    tables: Tables, plan: PlanData, issues: Collector, as_of: date | None, vet: Vet | None = None
) -> list[ProgressRecord]:
    """Read the progress sheets of ``tables`` against ``plan``, adding problems to ``issues``.

    ``vet`` adds the caller's refusals of a row (a web upload: rows of another unit's
    items), reported at the row like every other problem.
    """
    index = plan.item_index()
    year = plan.plan.year
    # The first row of each key, as (sheet, row): a million Records are not kept alive.
    seen: dict[tuple[str, date, str | None], tuple[str, int]] = {}
    sources: dict[Source, Source] = {}  # one Source object per distinct source, not per row
    records: list[ProgressRecord] = []
    fill = {"as_of": as_of} if as_of is not None else {}
    for sheet in PROGRESS_SHEETS:
        sheet_kind = KIND_OF_PROGRESS_SHEET[sheet.name]
        for record in iter_sheet(tables, sheet, issues, defaults=fill, label_keys=LABEL_KEYS) or ():
            start, end = record.get("period_start"), record.get("as_of")
            source = parse_source(record, issues)
            source = sources.setdefault(source, source)
            code = record.get("item_code")
            if code is None:
                continue
            item = index.get(str(code))
            if item is None:
                issues.at(record, "item_code", f"计划“{plan.plan.code}”中没有编码为“{code}”的{KIND_LABELS[sheet_kind]}")
                continue
            kind = item_kind(item)
            if kind is not sheet_kind:
                issues.at(
                    record,
                    "item_code",
                    f"“{code}”是{KIND_LABELS[kind]}的编码，其进展应填在“{PROGRESS_SHEET_OF_KIND[kind]}”表",
                )
                continue
            check_progress_value(record, item, issues)
            if not isinstance(end, date):
                continue
            milestone_key = text_or_none(record, "milestone_key")
            key = (str(code), end, milestone_key)
            if key in seen:
                earlier_sheet, earlier_row = seen[key]
                issues.at(
                    record,
                    "item_code",
                    f"与工作表“{earlier_sheet}”第{earlier_row}行重复（同一事项、同一截至日期"
                    + ("、同一节点" if milestone_key else "")
                    + "只能报一条）",
                )
                continue
            seen[key] = (sheet.name, record.row)
            stage = record.get("stage")
            progress = ProgressRecord(
                item_code=str(code),
                as_of=end,
                value=record.get("value"),  # type: ignore[arg-type]
                cumulative=bool(record.get("cumulative", True)),
                period_start=start,  # type: ignore[arg-type]
                milestone_key=milestone_key,
                stage=ProjectStage(stage) if stage else None,
                narrative=str(record.get("narrative", "")),
                source=source,
            )
            problems = refusals(progress, year, bounds_of(item))
            for problem in problems:
                column = problem.field if any(c.key == problem.field for c in record.sheet.columns) else None
                issues.at(record, column, problem.detail if column else problem.message)
            vetoes = list(vet(progress, item)) if vet is not None else []
            for column, message in vetoes:
                issues.at(record, column, message)
            if not problems and not vetoes:
                records.append(progress)
    return records


def parse_progress_tables(
    tables: Tables, plan: PlanData, *, source: str, as_of: date | None = None, vet: Vet | None = None
) -> list[ProgressRecord]:
    """Return the progress records of a progress workbook's sheets, checked against ``plan``.

    ``as_of`` fills blank 截至日期 cells; ``vet`` adds the caller's own refusals of a row.
    Raises :class:`ImportFailed` with every issue.
    """
    issues = Collector(source)
    check_sheet_name_errors(tables, issues)
    if not any(name in tables for name in KIND_OF_PROGRESS_SHEET):
        names = "、".join(f"“{n}”" for n in KIND_OF_PROGRESS_SHEET)
        issues.add(f"没有进展工作表（应有{names}中的至少一个）")
        issues.raise_if_any()
    records = collect_progress(tables, plan, issues, as_of, vet)
    issues.raise_if_any()
    return records


def workbook_kind(tables: Tables) -> str | None:
    """Return "plan" when ``tables`` hold plan sheets, "progress" for only progress sheets, else None."""
    names = set(tables)
    if names & {s.name for s in PLAN_SHEETS}:
        return "plan"
    if names & set(KIND_OF_PROGRESS_SHEET):
        return "progress"
    return None


__all__ = [
    "ImportFailed",
    "Issue",
    "parse_plan_tables",
    "parse_progress_tables",
    "workbook_kind",
]
