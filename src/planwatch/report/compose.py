"""Compose the 计划执行情况报告 from a plan's data and its board: a pure function.

The report follows the shape planning offices hand in: a title, a 题注 line, 主送, then
一、执行情况 (the headline indicators in one paragraph, one section per work area in plan
order), 二、重大项目和民生实事, 三、需要关注的问题 (items behind schedule with the owner's
own explanation), 四、下一步工作打算 (what is still open). Every number is a
:class:`~planwatch.report.model.Figure` carrying its source; nothing is said of an item
without data except that it has none.
"""

from __future__ import annotations

import gc
import re
import string
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from planwatch.catalog import Catalog, load_catalog
from planwatch.monitor import overview
from planwatch.monitor.board import ItemStatus, StatusBoard
from planwatch.monitor.engine import find_indicator
from planwatch.monitor.progress import ItemProgress, group_by_item, summarise
from planwatch.monitor.timing import is_month_end
from planwatch.monitor.wording import Light
from planwatch.plan.model import (
    PROJECT_STAGE_LABELS,
    ItemKind,
    KeyTask,
    LivelihoodItem,
    PlanData,
    ProgressRecord,
    Project,
    ProjectStage,
    Target,
)
from planwatch.plan.numbers import num, pct, points, quantity, yi_yuan
from planwatch.report import charts, phrases
from planwatch.report.inputs import ReportInputs
from planwatch.report.model import Bar, Chart, Figure, Paragraph, Report, Run, Source, Style

#: Source label of figures the report adds up from many items.
SUMMED = "汇总"
SUMMED_BY = "按各单位报送数据汇总"
#: Items named at most in one list (行文 names a few and counts the rest).
NAMED = 3
#: Clauses one group of a work-area section says at most before counting the rest.
GROUP_SHOWN = 8
#: Items behind schedule described one by one in 三、需要关注的问题.
BEHIND_SHOWN = 12

ADDRESSEES = {
    "province": "省人大常委会：",
    "city": "市人大常委会：",
    "district": "区人大常委会：",
    "county": "县人大常委会：",
}
STAGE_ORDER = (ProjectStage.RESERVE, ProjectStage.NEW_START, ProjectStage.UNDER_CONSTRUCTION, ProjectStage.COMPLETED)


def period_words(as_of: date) -> str:
    """Return the period a report covers: 1—6月, 1月, 1月1日至6月15日, 全年."""
    if as_of.month == 12 and as_of.day == 31:
        return "全年"
    if is_month_end(as_of):
        return f"1—{as_of.month}月" if as_of.month > 1 else "1月"
    return f"1月1日至{as_of.month}月{as_of.day}日"


def month_day(day: date) -> str:
    """Return 6月15日."""
    return f"{day.month}月{day.day}日"


def remaining_words(as_of: date) -> str:
    """Return what the rest of the year is called from ``as_of``: 下半年, 四季度, 年内剩余时间."""
    if as_of.month == 6 and is_month_end(as_of):
        return "下半年"
    if as_of.month == 9 and is_month_end(as_of):
        return "四季度"
    return "年内剩余时间"


def record_id(record: ProgressRecord) -> str:
    """Return the identity of a progress record as reports name it: ``K0101@2025-06-30`` (``#节点`` for a milestone)."""
    key = f"{record.item_code}@{record.as_of.isoformat()}"
    return f"{key}#{record.milestone_key}" if record.milestone_key else key


def fill(template: str, **slots: Run | Sequence[Run]) -> list[Run]:
    """Return the runs of ``template`` with its ``{slots}`` replaced by text, figures or run lists."""
    runs: list[Run] = []
    for literal, name, _, _ in string.Formatter().parse(template):
        if literal:
            runs.append(literal)
        if name is not None:
            value = slots[name]
            if isinstance(value, str | Figure):
                runs.append(value)
            else:
                runs.extend(value)
    return runs


def joined(parts: Iterable[list[Run]], sep: str = "；") -> list[Run]:
    """Return clauses joined by ``sep``."""
    runs: list[Run] = []
    for n, part in enumerate(parts):
        if n:
            runs.append(sep)
        runs.extend(part)
    return runs


class FoldedProgress(dict):
    """Items' folded progress by code, folded on first use (the report reads a few hundred of 100,000)."""

    def __init__(self, records: dict[str, list[ProgressRecord]]) -> None:
        super().__init__()
        self.records = records

    def __missing__(self, code: str) -> ItemProgress | None:
        records = self.records.get(code)
        folded = summarise(records) if records else None
        self[code] = folded
        return folded

    def get(self, code: str, default: ItemProgress | None = None) -> ItemProgress | None:  # type: ignore[override]
        folded = self[code]
        return default if folded is None else folded


_ACTUAL = re.compile(r"^(\D*?)(-?[\d.]+%?)$")


@dataclass
class Composer:
    """Holds the indexes one report needs; each ``section_*`` method gives blocks."""

    data: PlanData
    board: StatusBoard
    history: dict[str, list[ProgressRecord]]
    catalog: Catalog

    def __post_init__(self) -> None:
        as_of = self.board.as_of
        grouped = group_by_item(self.data.progress, as_of)
        self.progress = FoldedProgress(grouped)
        self.records = grouped
        self.status: dict[str, ItemStatus] = {s.code: s for s in self.board.items}
        self.items = self.data.item_index()
        self.tp = self.board.time_progress
        self.period = period_words(as_of)
        self.planned = overview.planned_investment(self.data)
        self.totals = overview.project_totals(self.board, self.data, grouped)
        self.area_shares = {share.key: share for share in overview.investment_by(self.board, self.planned, "work_area")}
        self.by_area: dict[str | None, list[ItemStatus]] = {}
        for status in self.board.items:
            if status.kind is not ItemKind.TARGET:
                self.by_area.setdefault(status.work_area_code, []).append(status)

    # ------------------------------------------------------------ figures

    def figure(self, text: str, code: str, record: ProgressRecord | None, value: float | None) -> Figure:
        """Return a figure drawn from one item's record."""
        status = self.status.get(code)
        name = status.name if status else code
        if record is None:
            return Figure(text, Source(code, name, "计划", "计划文本", None, value))
        who = record.source.unit or record.source.document or "未注明"
        return Figure(text, Source(code, name, record_id(record), who, record.as_of, value))

    def summed(self, text: str, scope: str, value: float | None) -> Figure:
        """Return a figure the report adds up over ``scope`` (a count, a total, a share)."""
        return Figure(text, Source("", scope, SUMMED, SUMMED_BY, self.board.as_of, value))

    def count(self, n: int, unit: str, scope: str) -> Figure:
        """Return a count as a figure: 12个."""
        return self.summed(f"{n}{unit}", scope, float(n))

    def vs_time(self, key: str, gap_pp: float, fig: Figure) -> list[Run]:
        """Return how completion stands against time progress, the points as a figure."""
        if round(gap_pp, 1) == 0:
            return [phrases.pick(phrases.LEVEL, key, "level")]
        options = phrases.AHEAD if gap_pp > 0 else phrases.BEHIND
        return fill(phrases.pick(options, key, "vs"), pp=fig)

    def latest(self, code: str) -> ProgressRecord | None:
        """Return the record an item's figure rests on (its latest valued record)."""
        progress = self.progress.get(code)
        if progress is None:
            return None
        return progress.latest or (progress.basis[-1] if progress.basis else None)

    def note(self, code: str) -> ProgressRecord | None:
        """Return the item's latest record with a 情况说明."""
        noted = [r for r in self.records.get(code, ()) if r.narrative.strip()]
        return max(noted, key=lambda r: r.as_of) if noted else None

    def quantity_clause(self, status: ItemStatus, template: str | None = None, name: str | None = None) -> list[Run]:
        """Return ``{name}{qty}，完成年度计划的{pct}，{vs}`` for a cumulative item with data."""
        record = self.latest(status.code)
        code = status.code
        qty = self.figure(quantity(status.actual or 0.0, status.unit), code, record, status.actual)
        share = self.figure(pct(status.completion or 0.0), code, record, status.completion)
        gap = status.gap_pp or 0.0
        vs = self.vs_time(code, gap, self.figure(points(gap), code, record, gap))
        chosen = template or phrases.pick(phrases.QUANTITY_DONE, code, "qty")
        return fill(chosen, name=name or status.name, qty=qty, pct=share, vs=vs)

    # ------------------------------------------------------------ headline indicators

    def indicator_name(self, target: Target) -> str:
        indicator = find_indicator(target, self.catalog)
        return indicator.name if indicator else (target.name or target.indicator_code)

    def target_period(self, target: Target) -> str:
        """Return the period of an indicator's latest figure (1—3月 for a quarterly one in June)."""
        record = self.latest(target.code)
        return period_words(record.as_of) if record is not None else self.period

    def target_clause(self, target: Target, first: bool, period: str = "") -> list[Run] | None:
        """Return one indicator's clause, or None without data; ``period`` is said before it when given."""
        status = self.status.get(target.code)
        if status is None or status.actual is None:
            return None
        record = self.latest(target.code)
        name = self.indicator_name(target)
        runs: list[Run] = [period] if period else []
        if target.cumulative and status.completion is not None:
            return runs + self.quantity_clause(status, "{name}{qty}，完成年度目标的{pct}，{vs}", name)
        match = _ACTUAL.match(status.actual_text or "")
        if match is None:
            verb, number = "为", f"{num(status.actual)}{target.unit}"
        else:
            verb, number = match.group(1) or "为", match.group(2)
        if first and verb in ("增长", "下降"):
            verb = "同比" + verb
        runs += [name, verb, self.figure(number, target.code, record, status.actual)]
        gap = status.gap_pp or 0.0
        options = phrases.standing_options(status.state, gap)
        if options:
            standing = phrases.pick(options, target.code, "standing")
            runs += ["，", *fill(standing, pp=self.figure(points(gap), target.code, record, gap))]
        return runs

    def headline_paragraph(self) -> Paragraph:
        clauses: list[list[Run]] = []
        waiting: list[Target] = []
        said = (
            self.period
        )  # the period the reader has in mind: an older figure names its own, the next names ours again
        for target in self.data.targets:
            own = self.target_period(target)
            clause = self.target_clause(target, first=not clauses, period=own if own != said else "")
            if clause is None:
                waiting.append(target)
            else:
                clauses.append(clause)
                said = own
        runs: list[Run] = []
        if clauses:
            runs += [f"{self.period}，全市", *joined(clauses), "。"]
        if waiting:
            names = "、".join(self.indicator_name(t) for t in waiting[:NAMED])
            more = "等" if len(waiting) > NAMED or len(waiting) > 1 else ""
            runs += [f"{names}{more}", self.count(len(waiting), "项", "主要指标（未报送）"), "指标尚无本期数据。"]
        if not runs:
            runs = ["主要指标尚无本期数据。"]
        return Paragraph(runs)

    def headline_charts(self) -> list[Chart]:
        rates, shares = [], []
        for target in self.data.targets:
            status = self.status.get(target.code)
            if status is None or status.actual is None:
                continue
            name = self.indicator_name(target)
            if target.cumulative and status.completion is not None:
                shares.append(Bar(name, status.completion, self.tp, status.light.value, pct(status.completion)))
            elif target.unit in ("%", "％") and target.measure.value == "growth":
                shares_text = status.actual_text or f"{num(status.actual)}%"
                rates.append(Bar(name, status.actual / 100, target.value / 100, status.light.value, shares_text))
        charts = []
        if rates:
            charts.append(Chart("主要指标增速与年度目标（%）", rates, note="条形为实际增速，竖线为年度目标"))
        if shares:
            charts.append(Chart("总量指标完成年度目标情况", shares, note="条形为完成率，竖线为时序进度"))
        trend = self.trend_chart()
        if trend is not None:
            charts.append(trend)
        return charts

    def trend_chart(self) -> Chart | None:
        """Return the monthly trend of the headline indicator with the most monthly reports."""
        best: tuple[int, Target, list[ProgressRecord]] | None = None
        for target in self.data.targets:
            records = [r for r in self.history.get(target.code, ()) if r.value is not None and r.cumulative]
            months = {r.as_of.month for r in records}
            if len(months) >= 3 and (best is None or len(months) > best[0]):
                best = (len(months), target, records)
        if best is None:
            return None
        _, target, records = best
        by_month: dict[int, ProgressRecord] = {}
        for record in sorted(records, key=lambda r: r.as_of):
            by_month[record.as_of.month] = record
        unit = target.unit or ""
        bars = [
            Bar(f"{m}月", r.value, None, "green", f"{num(r.value or 0)}{unit}") for m, r in sorted(by_month.items())
        ]
        title = (
            f"{self.indicator_name(target)}逐月累计（{unit}）"
            if target.cumulative
            else f"{self.indicator_name(target)}逐月走势（{unit}）"
        )
        return Chart(title, bars, kind="trend")

    # ------------------------------------------------------------ work areas

    def area_groups(self, area_code: str) -> tuple[list[tuple[str, list[list[Run]]]], int]:
        """Return the (group, clauses) of a work area and how many of its items have no data."""
        members = self.by_area.get(area_code, [])
        groups: dict[str, list[list[Run]]] = {"task": [], "milestone": [], "project": [], "livelihood": []}
        silent = 0
        projects: list[ItemStatus] = []
        project = ItemKind.PROJECT
        for status in members:
            if status.kind is project:  # added up below: 100,000 of them in a big plan
                projects.append(status)
                continue
            item = self.items.get(status.code)
            if status.actual is not None and status.completion is not None:
                key = "livelihood" if status.kind is ItemKind.LIVELIHOOD else "task"
                groups[key].append(self.quantity_clause(status))
            elif isinstance(item, KeyTask) and item.milestones:
                clause = self.milestone_clause(item)
                if clause:
                    groups["milestone"].append(clause)
                elif status.last_report is None:
                    silent += 1
            elif status.last_report is None or status.actual is None:
                silent += 1
        if projects:
            clause = self.projects_clause(projects, area_code)
            if clause:
                groups["project"].append(clause)
        return [(k, v) for k, v in groups.items() if v], silent

    def milestone_clause(self, task: KeyTask) -> list[Run] | None:
        progress = self.progress.get(task.code)
        done = progress.milestones_done if progress else {}
        finished = [m for m in sorted(task.milestones, key=lambda m: m.due) if m.key in done]
        if not finished:
            return None
        if len(finished) == len(task.milestones):
            return fill(phrases.pick(phrases.MILESTONES_ALL_DONE, task.code, "ms"), name=task.name)
        steps: list[Run] = ["、".join(f"“{m.title}”" for m in finished[:2])]
        if len(finished) > 2:
            record = done[finished[-1].key]
            steps += ["等", self.figure(f"{len(finished)}个", task.code, record, float(len(finished)))]
        steps.append("节点")
        return fill(phrases.pick(phrases.MILESTONES_DONE, task.code, "ms"), name=task.name, steps=steps)

    def projects_clause(self, members: list[ItemStatus], scope_key: str) -> list[Run] | None:
        share = self.area_shares.get(scope_key)
        if share is None or share.completion is None or not any(s.actual is not None for s in members):
            return None
        completion = share.completion
        gap = round(completion * 100 - self.tp * 100, 1)
        scope = f"{share.label}重大项目"
        template = phrases.pick(phrases.AREA_PROJECTS, scope_key, "projects")
        count = [self.count(share.count, "个", scope), "重大项目"]
        return fill(
            template,
            count=count,
            done=self.summed(yi_yuan(share.done), scope, share.done),
            pct=self.summed(pct(completion), scope, completion),
            vs=self.vs_time(scope_key, gap, self.summed(points(gap), scope, gap)),
        )

    def area_sections(self) -> list[Paragraph]:
        blocks: list[Paragraph] = []
        for n, (code, title) in enumerate(self.board.work_area_titles.items(), start=1):
            blocks.append(Paragraph([f"（{phrases.chinese_number(n)}）{title.rstrip('。')}。"], Style.HEADING2))
            groups, silent = self.area_groups(code)
            if not groups:
                blocks.append(Paragraph(["本领域事项尚无可报告的进展数据。"]))
            for index, (kind, clauses) in enumerate(groups):
                if len(clauses) > GROUP_SHOWN:  # a big plan: name the first few, count the rest
                    rest = len(clauses) - GROUP_SHOWN
                    clauses = [
                        *clauses[:GROUP_SHOWN],
                        ["其余", self.count(rest, "项", f"{title}其余事项"), "进展详见监测台账"],
                    ]
                opener = phrases.pick(phrases.GROUP_OPENERS[kind], code, kind)
                lead = (phrases.ORDINALS[index] + opener.rstrip("，") + "，") if len(groups) > 1 else opener
                blocks.append(Paragraph([lead, *joined(clauses), "。"]))
            if silent:
                blocks.append(Paragraph(["另有", self.count(silent, "项", f"{title}未报送事项"), "事项尚未报送进展。"]))
        return blocks

    # ------------------------------------------------------------ projects and 民生实事

    def project_blocks(self) -> list[Paragraph | Chart]:
        total = self.totals.total
        if not total.count:
            return [Paragraph(["本计划未列重大项目。"])]
        scope = total.label
        share = total.completion or 0.0
        gap = round(share * 100 - self.tp * 100, 1)
        blocks: list[Paragraph | Chart] = []
        first: list[Run] = [
            "全市纳入监测的重大项目",
            self.count(total.count, "个", scope),
            "，年度计划投资",
            self.summed(yi_yuan(total.planned), scope, total.planned),
            f"，{self.period}完成投资",
            self.summed(yi_yuan(total.done), scope, total.done),
            "，年度投资完成率",
            self.summed(pct(share), scope, share),
            "，",
            *self.vs_time("projects", gap, self.summed(points(gap), scope, gap)),
            "。",
        ]
        blocks.append(Paragraph(first))
        blocks.append(Paragraph(self.starts_and_stages()))
        shares = overview.investment_by(self.board, self.planned, "district")
        district_runs = self.district_clause(shares)
        if district_runs:
            blocks.append(Paragraph(district_runs))
        blocks.append(
            charts.investment_chart(self.board, "重大项目投资完成率（按工作领域）", self.area_shares.values())
        )
        blocks.append(charts.investment_chart(self.board, "重大项目投资完成率（按区县）", shares))
        return blocks

    def starts_and_stages(self) -> list[Run]:
        t = self.totals
        runs: list[Run] = ["计划新开工项目", self.count(t.to_start, "个", "计划新开工项目")]
        runs += ["，已开工", self.count(t.started, "个", "已开工项目")]
        if t.start_rate is not None:
            runs += ["，开工率", self.summed(pct(t.start_rate), "计划新开工项目", t.start_rate)]
        runs += ["；计划年内竣工项目", self.count(t.to_finish, "个", "计划年内竣工项目")]
        runs += ["，已竣工", self.count(t.finished, "个", "已竣工项目"), "。按“四个一批”阶段统计，"]
        parts = [
            [
                f"{PROJECT_STAGE_LABELS[stage]}项目",
                self.count(t.stages[stage], "个", f"{PROJECT_STAGE_LABELS[stage]}项目"),
            ]
            for stage in STAGE_ORDER
        ]
        return [*runs, *joined(parts, "、"), "。"]

    def district_clause(self, shares: list[overview.InvestmentShare]) -> list[Run]:
        rows = [(s.key, s.completion) for s in shares if s.key is not None and s.completion is not None]
        if len(rows) < 2:
            return []
        ahead = sorted((r for r in rows if r[1] >= self.tp), key=lambda r: -r[1])
        behind = sorted((r for r in rows if r[1] < self.tp), key=lambda r: r[1])
        name = self.board.region_names.get
        runs: list[Run] = ["分区县看，"]
        if ahead:
            best = ahead[0]
            runs += ["、".join(name(k, k) for k, _ in ahead[:NAMED]), "等" if len(ahead) > NAMED else ""]
            runs += [self.count(len(ahead), "个", "投资进度快于时序的区县"), "区县投资完成率达到或超过时序进度，"]
            runs += [
                f"其中{name(best[0], best[0])}最高，为",
                self.summed(pct(best[1]), name(best[0], best[0]), best[1]),
            ]
        if ahead and behind:
            runs.append("；")
        if behind:
            worst = behind[0]
            runs += ["、".join(name(k, k) for k, _ in behind[:NAMED]), "等" if len(behind) > NAMED else ""]
            runs += [self.count(len(behind), "个", "投资进度落后时序的区县"), "区县落后于时序进度，"]
            runs += [f"{name(worst[0], worst[0])}仅为", self.summed(pct(worst[1]), name(worst[0], worst[0]), worst[1])]
        runs.append("。")
        return runs

    def livelihood_blocks(self) -> list[Paragraph]:
        statuses = [s for s in self.board.items if s.kind is ItemKind.LIVELIHOOD]
        if not statuses:
            return [Paragraph(["本计划未列民生实事。"])]
        measured = [s for s in statuses if s.completion is not None]
        on_track = [s for s in measured if s.completion is not None and s.completion >= self.tp]
        half = abs(self.tp - 0.5) < 1e-9
        scope = "民生实事"
        runs: list[Run] = [self.count(len(statuses), "件", scope), "民生实事中，"]
        if measured:
            runs += [self.count(len(on_track), "件", "进度不低于时序的民生实事")]
            runs.append("实现“时序过半、任务过半”" if half else "任务进度达到或超过时序进度")
            average = sum(s.completion or 0.0 for s in measured) / len(measured)
            runs += ["，各项平均完成年度任务的", self.summed(pct(average), scope, average), "（简单平均）"]
            exceeded = [s for s in measured if (s.completion or 0) >= 1]
            if exceeded:
                runs += ["；", "、".join(s.name for s in exceeded[:NAMED]), "等" if len(exceeded) > 1 else ""]
                runs += [self.count(len(exceeded), "件", "已完成年度任务的民生实事"), "已提前完成年度任务"]
        else:
            runs.append("尚无报送进展的事项")
        silent = len(statuses) - len(measured)
        if silent and measured:
            runs += ["；另有", self.count(silent, "件", "未报送进展的民生实事"), "尚未报送进展"]
        runs.append("。")
        blocks = [Paragraph(runs)]
        if measured:
            clauses = [self.quantity_clause(s) for s in measured]
            blocks.append(Paragraph(["分项看，", *joined(clauses), "。"]))
        return blocks

    # ------------------------------------------------------------ behind schedule

    def behind_blocks(self) -> list[Paragraph]:
        flagged = [s for s in self.board.items if s.light in (Light.RED, Light.YELLOW) and not _only_stale(s)]
        flagged.sort(key=ItemStatus.severity, reverse=True)
        reds = sum(1 for s in flagged if s.light is Light.RED)
        stale = [s for s in self.board.items if s.stale]
        runs: list[Run] = ["对照年度目标和时序进度，"]
        if flagged:
            runs += [
                self.count(reds, "项", "红灯事项"),
                "事项亮红灯、",
                self.count(len(flagged) - reds, "项", "黄灯事项"),
            ]
            runs.append("事项亮黄灯，")
            runs.append("主要情况如下。" if flagged else "")
        else:
            runs.append("各事项均未落后于目标和时序进度。")
        blocks = [Paragraph(runs)]
        for n, status in enumerate(flagged[:BEHIND_SHOWN], start=1):
            blocks.append(Paragraph([f"{n}.{status.name}"], Style.HEADING3))
            blocks.append(Paragraph(self.behind_detail(status)))
        if len(flagged) > BEHIND_SHOWN:
            rest = len(flagged) - BEHIND_SHOWN
            blocks.append(Paragraph(["其余", self.count(rest, "项", "其余红黄灯事项"), "事项见监测台账。"]))
        if stale:
            blocks.append(
                Paragraph(
                    [
                        "此外，",
                        self.count(len(stale), "项", "超过报送周期未更新的事项"),
                        "事项超过报送周期未更新进展，实际进度不明，需督促责任单位及时报送。",
                    ]
                )
            )
        return blocks

    def behind_detail(self, status: ItemStatus) -> list[Run]:
        item = self.items.get(status.code)
        code = status.code
        runs: list[Run] = []
        if isinstance(item, Target) and not item.cumulative and status.actual is not None:
            runs += self.target_clause(item, first=False, period=self.target_period(item)) or []
        elif isinstance(item, Project) and status.actual is not None:
            record = self.latest(code)
            runs += [
                "年度计划投资",
                self.figure(yi_yuan(item.annual_planned_investment), code, None, item.annual_planned_investment),
            ]
            runs += ["，完成投资", self.figure(yi_yuan(status.actual), code, record, status.actual)]
            gap = status.gap_pp or 0.0
            runs += ["，完成率", self.figure(pct(status.completion or 0), code, record, status.completion), "，"]
            runs += self.vs_time(code, gap, self.figure(points(gap), code, record, gap))
        elif status.actual is not None and status.completion is not None:
            runs += self.quantity_clause(status)
        if isinstance(item, KeyTask) and item.milestones:
            late = self.overdue_milestones(item)
            if late:
                if runs:
                    runs.append("；")
                runs += ["节点", "、".join(f"“{m.title}”" for m in late[:2]), "应于"]
                runs += [self.figure(month_day(late[0].due), code, None, None), "前完成，目前尚未完成"]
        if not runs:
            runs.append(status.state)
        owner = status.owner_unit or "责任单位"
        note = self.note(code)
        if note is not None:
            said = note.narrative.strip().rstrip("。；;")
            runs += [
                "。",
                *fill(phrases.pick(phrases.OWNER_SAYS, code, "owner"), unit=note.source.unit or owner, note=said),
            ]
        else:
            runs += ["。", f"{owner}尚未说明原因"]
        runs.append("。")
        return runs

    def overdue_milestones(self, task: KeyTask) -> list:
        progress = self.progress.get(task.code)
        done = progress.milestones_done if progress else {}
        return [
            m for m in sorted(task.milestones, key=lambda m: m.due) if m.key not in done and m.due < self.board.as_of
        ]

    # ------------------------------------------------------------ next steps

    def next_steps(self) -> list[Paragraph]:
        later = remaining_words(self.board.as_of)
        blocks: list[Paragraph] = []
        n = 0

        def heading(title: str) -> None:
            nonlocal n
            n += 1
            blocks.append(Paragraph([f"（{phrases.chinese_number(n)}）{title}"], Style.HEADING2))

        lagging = [
            s
            for s in self.board.items
            if s.kind is ItemKind.TARGET and s.light in (Light.RED, Light.YELLOW) and s.actual is not None
        ]
        if lagging:
            heading("盯紧滞后指标，确保完成全年目标。")
            names = "、".join(s.name for s in lagging[:4])
            blocks.append(
                Paragraph(
                    [
                        f"针对{names}{'等' if len(lagging) > 1 else ''}",
                        self.count(len(lagging), "项", "红黄灯指标"),
                        "低于目标或进度的指标，逐项分析原因、压实牵头单位责任，按月调度、跟踪问效。",
                    ]
                )
            )
        total = self.totals.total
        if total.count:
            heading("加快重大项目建设，推动投资放量。")
            left = max(total.planned - total.done, 0.0)
            share = left / total.planned if total.planned else 0.0
            unstarted = range(self.totals.to_start - self.totals.started)
            runs: list[Run] = [f"{later}重大项目尚需完成投资", self.summed(yi_yuan(left), "重大项目剩余投资", left)]
            runs += ["，占年度计划的", self.summed(pct(share), "重大项目剩余投资", share)]
            if unstarted:
                runs += [
                    "；",
                    self.count(len(unstarted), "个", "尚未开工的计划新开工项目"),
                    "计划新开工项目尚未开工，要加快办理用地、环评等前期手续，推动尽早开工",
                ]
            runs.append("。")
            blocks.append(Paragraph(runs))
        upcoming = self.upcoming_milestones()
        if upcoming:
            heading("按期推进节点任务。")
            shown = [
                [f"{task.name}“{m.title}”（", self.figure(month_day(m.due), task.code, None, None), "）"]
                for task, m in upcoming[:NAMED]
            ]
            runs = [f"{later}共有", self.count(len(upcoming), "个", "年内待完成节点"), "节点到期，包括"]
            runs += [*joined(shown, "、"), "等，要倒排工期、逐项销号。"]
            blocks.append(Paragraph(runs))
        open_livelihood = [
            s
            for s in self.board.items
            if s.kind is ItemKind.LIVELIHOOD and s.completion is not None and s.completion < 1
        ]
        if open_livelihood:
            heading("确保民生实事全面完成。")
            behind = [s for s in open_livelihood if (s.completion or 0) < self.tp]
            clauses = []
            for status in open_livelihood[:4]:
                item = self.items.get(status.code)
                goal = item.goal_quantity if isinstance(item, LivelihoodItem) else 0.0
                left = max(goal - (status.actual or 0.0), 0.0)
                clauses.append(
                    [
                        status.name,
                        "尚需完成",
                        self.figure(quantity(left, status.unit), status.code, self.latest(status.code), left),
                    ]
                )
            runs = [f"{later}", *joined(clauses, "，"), "等"]
            if behind:
                runs += ["，对进度落后的", self.count(len(behind), "件", "落后时序的民生实事"), "实事挂图作战"]
            runs.append("，确保年底前全部兑现。")
            blocks.append(Paragraph(runs))
        if not blocks:
            blocks.append(Paragraph(["各项目标任务均已完成，下一步重点巩固成果、做好年度总结评估。"]))
        return blocks

    def upcoming_milestones(self) -> list[tuple[KeyTask, object]]:
        as_of = self.board.as_of
        found = []
        for task in self.data.tasks:
            progress = self.progress.get(task.code)
            done = progress.milestones_done if progress else {}
            found += [(task, m) for m in task.milestones if m.key not in done and m.due >= as_of]
        return sorted(found, key=lambda pair: (pair[1].due, pair[0].code))

    # ------------------------------------------------------------ the whole report

    def compose(self) -> Report:
        plan = self.board.plan
        region = next((r for r in self.data.regions if r.code == plan.region_code), None)
        place = region.name if region else ""
        period = "" if self.period == "全年" else self.period
        as_of = self.board.as_of
        report = Report(
            plan_code=plan.code,
            as_of=as_of,
            title=f"关于{place}{plan.year}年{period}国民经济和社会发展计划执行情况的报告",
            caption=f"（数据截至{as_of.year}年{as_of.month}月{as_of.day}日）",
            addressee=ADDRESSEES.get(region.level if region else "city", "市人大常委会："),
        )
        blocks = report.blocks
        blocks.append(
            Paragraph(
                [
                    f"根据各责任单位报送的数据，现将{plan.year}年{self.period}全市国民经济和社会发展计划执行情况报告如下。"
                ]
            )
        )
        blocks.append(Paragraph([f"一、{self.period}计划执行情况"], Style.HEADING1))
        blocks.append(self.headline_paragraph())
        blocks += self.headline_charts()
        blocks.append(Paragraph(["对照年度计划，各领域重点工作推进情况如下。"]))
        blocks += self.area_sections()
        blocks.append(Paragraph(["二、重大项目和民生实事推进情况"], Style.HEADING1))
        blocks.append(Paragraph(["（一）重大项目。"], Style.HEADING2))
        blocks += self.project_blocks()
        blocks.append(Paragraph(["（二）民生实事。"], Style.HEADING2))
        blocks += self.livelihood_blocks()
        blocks.append(Paragraph(["三、需要关注的问题"], Style.HEADING1))
        blocks += self.behind_blocks()
        blocks.append(Paragraph(["四、下一步工作打算"], Style.HEADING1))
        blocks += self.next_steps()
        blocks.append(Paragraph(["特此报告。"], Style.CLOSING))
        return report


def _only_stale(status: ItemStatus) -> bool:
    """True for an item yellow only because its report is old (named in the stale count instead)."""
    return status.stale and status.light is Light.YELLOW and status.gap_pp is not None and status.gap_pp >= 0


def compose_report(inputs: ReportInputs, catalog: Catalog | None = None) -> Report:
    """Return the execution report of a plan as of its board's date (pure: same inputs, same report)."""
    # Folding 100,000 items' progress makes as many small objects without cycles; the cyclic
    # collector would rescan them over and over (as in ``monitor.evaluate``).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return Composer(inputs.data, inputs.board, inputs.history, catalog or load_catalog()).compose()
    finally:
        if collecting:
            gc.enable()
