"""Ingest a report into a plan: add it to the library, then match the library's facts to the plan.

I/O at the edge of :mod:`planwatch.ingest.matching`: the document is read with
:func:`planwatch.documents.read` and becomes the same library entry ``library add`` makes
(:func:`planwatch.library.reading.entry_of`: region, year, genre, facts with their
``indicator``). When the library holds the text already, its stored facts are the ones
matched, so ``library add`` then ``ingest`` reuses the document. What the facts become for
the plan — progress, proposed targets, figures kept beside a unit's own record — is written
with the library entry by one store call (:meth:`Store.record_ingest`)
in one transaction: a report that fails to record leaves nothing behind. Everything upserts
by key and the library's facts are never replaced, so ingesting the same report again
changes nothing.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planwatch.extract.facts import FIELDS, Fact
from planwatch.ingest.matching import Matched, NewTarget, match_facts
from planwatch.ingest.region import foreign_region

if TYPE_CHECKING:
    from planwatch.store import ChangeSummary, Store


MEASURE_WORDS = {"growth": "增长", "level": "", "ratio": ""}
QUALIFIER_WORDS = {"about": "左右", "over": "以上", "under": "以内", "at_least": "（不低于）"}


class IngestError(Exception):
    """A report that cannot be ingested (unreadable, or no such plan); the message names it."""


class ForeignReport(IngestError):
    """The report speaks for another region than the plan's (refused unless forced)."""


class UnreadableReport(IngestError):
    """The report's text cannot be read (a scanned PDF, a broken file): bad input, not a failure."""


@dataclass(slots=True)
class IngestResult:
    """What one ingest did: the facts found and what each became, with the store's counts."""

    document: str
    sha256: str
    plan_code: str
    facts: int
    progress: list[Matched] = field(default_factory=list)
    targets: list[NewTarget] = field(default_factory=list)
    document_facts: list[dict[str, Any]] = field(default_factory=list)
    document_id: int | None = None
    progress_summary: ChangeSummary | None = None
    target_summary: ChangeSummary | None = None
    #: report figures kept beside a unit's own record of that item and date (never over it)
    beside: list[Matched] = field(default_factory=list)
    #: report figures of indicators whose target is only proposed: linked, they wait with the proposal
    waiting: list[Matched] = field(default_factory=list)
    #: the document was in the library already (``library add`` or an earlier ingest): reused
    reused: bool = False
    figure_summary: ChangeSummary | None = None

    @property
    def changed(self) -> bool:
        """Tell whether the store changed (False when the same report was ingested before)."""
        summaries = [s for s in (self.progress_summary, self.target_summary, self.figure_summary) if s is not None]
        return not self.reused or any(_changes(s) for s in summaries)

    def describe(self) -> str:
        """Say in Chinese what became progress, targets and document facts."""
        from planwatch.catalog import load_catalog

        catalog = load_catalog()

        def indicator_name(code: str) -> str:
            indicator = catalog.get(code)
            return indicator.name if indicator is not None else code

        library = "文档库中已有此文档，沿用其数据" if self.reused else "已加入文档库"
        lines = [
            f"{self.document}：{library}（编号 {self.document_id}），提取数据 {self.facts} 条，计划 {self.plan_code}"
        ]
        lines.append(f"记为指标进展 {len(self.progress)} 条：")
        for m in self.progress:
            r = m.record
            period = f"{r.period_start.isoformat()}至{r.as_of.isoformat()}" if r.period_start else r.as_of.isoformat()
            name = m.target.name or indicator_name(m.indicator_code)
            lines.append(f"  {m.target.code:<6} {name}  {period}  {_number(r.value)}{m.target.unit}  「{r.narrative}」")
        if self.targets:
            lines.append(
                f"指标目标建议 {len(self.targets)} 条（计划中原无此指标，待计划处确认后才列入计划："
                f"planwatch proposals --plan {self.plan_code}）："
            )
            for t in self.targets:
                target = t.target
                high = f"—{_number(target.value_high)}" if target.value_high is not None else ""
                qualifier = QUALIFIER_WORDS.get(str(target.qualifier), "") if target.qualifier else ""
                measure = MEASURE_WORDS[target.measure.value]
                value = target.value
                if target.measure.value == "growth" and value < 0:
                    measure, value = "下降", -value
                amount = f"{_number(value)}{high}{target.unit}{qualifier}"
                lines.append(f"  {target.code}  {indicator_name(t.indicator_code)}  {measure}{amount}")
        if self.beside:
            lines.append(
                f"另有 {len(self.beside)} 条报告数据与单位报送同日，以单位报送为准、未覆盖，"
                f"报告数据记在单位报送旁（事项页两者并列）："
            )
            for m in self.beside:
                r = m.record
                lines.append(f"  {m.target.code:<6} {r.as_of.isoformat()}  报告 {_number(r.value)}{m.target.unit}")
        with_indicator = sum(1 for f in self.document_facts if f.get("indicator"))
        lines.append(
            f"存为文档数据 {len(self.document_facts)} 条（其中 {with_indicator} 条对应指标库指标），"
            "在文档库中可按文字、主体或指标检索"
        )
        summaries = (("目标", self.target_summary), ("进展", self.progress_summary), ("对应", self.figure_summary))
        for label, summary in summaries:
            if summary is not None:
                lines.append(f"数据库（{label}）：{summary.describe()}".replace("\n", "；"))
        if not self.changed:
            lines.append("（与上次导入相同，数据库未改变）")
        return "\n".join(lines)


def _number(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:.4f}".rstrip("0").rstrip(".")


def _beside_unit_submissions(store: Store, plan_code: str, matched: list[Matched]) -> list[Matched]:
    """Return the report figures whose item and date a unit has submitted itself (those are not replaced)."""
    if not matched:
        return []
    stored = store.items_progress(plan_code, {m.record.item_code for m in matched})
    own = {
        (r.item_code, r.as_of, r.milestone_key)
        for records in stored.values()
        for r in records
        if r.source.unit and not r.source.document
    }
    return [m for m in matched if (m.record.item_code, m.record.as_of, m.record.milestone_key) in own]


def _changes(summary: ChangeSummary) -> int:
    return summary.inserted + summary.updated


def ingest_document(
    store: Store, path: str | os.PathLike[str], *, plan_code: str, user: str, force: bool = False
) -> IngestResult:
    """Add the report at ``path`` to the library and record what its facts are for plan ``plan_code``.

    A report whose issuer names another region than the plan's is refused unless ``force``
    (:class:`ForeignReport`). Report figures never replace a unit's own submission of the
    same item and date: those stay, and the report's figure is kept beside it (``beside``).
    Raises :class:`IngestError` when the report cannot be read or the plan does not exist.
    """
    from sqlalchemy.exc import DBAPIError

    from planwatch.catalog import load_catalog
    from planwatch.documents import DocumentError, read
    from planwatch.library.reading import entry_of
    from planwatch.store import StoreError
    from planwatch.store.library import library_facts

    name = Path(path).name
    try:
        document = read(path)
    except DocumentError as exc:
        raise UnreadableReport(str(exc)) from exc
    try:
        plan = store.load_plan_data(plan_code, latest_only=True)
    except StoreError as exc:
        raise IngestError(str(exc)) from exc
    region = next((r.name for r in plan.regions if r.code == plan.plan.region_code), None)
    foreign = foreign_region(document.metadata, region) if region and not force else None
    if foreign is not None:
        raise ForeignReport(
            f"{name}：报告的发文地区是「{foreign}」，不是计划 {plan_code} 的地区「{region}」，"
            f"为免把他处数据记入本计划，未记录任何数据；确需记入请写明计划并加 --force："
            f"planwatch ingest {name} --plan {plan_code} --force"
        )
    entry = entry_of(document.text, document.format, label=os.fspath(path), name=name)
    stored = library_facts(store, entry.sha256)
    facts = [_fact(row) for row in (stored if stored is not None else entry.facts)]
    matching = match_facts(facts, plan, load_catalog(), document=name, text=document.text)
    # targets a report states are proposals, not yet items: their figures wait with them
    proposed = {t.target.code for t in matching.targets}
    waiting = [m for m in matching.progress if m.record.item_code in proposed]
    matching.progress = [m for m in matching.progress if m.record.item_code not in proposed]
    beside = _beside_unit_submissions(store, plan_code, matching.progress)
    if beside:
        keep = {id(m) for m in matching.progress} - {id(m) for m in beside}
        matching.progress = [m for m in matching.progress if id(m) in keep]
    result = IngestResult(name, entry.sha256, plan_code, len(facts), matching.progress, matching.targets)
    result.document_facts = matching.document_facts
    result.beside = beside
    result.waiting = waiting
    result.reused = stored is not None
    try:
        written = store.record_ingest(
            plan_code,
            entry=entry,
            facts=len(facts),
            targets=[t.target for t in matching.targets],
            progress=[m.record for m in matching.progress],
            figures=_figures(facts, matching.progress, beside, waiting, matching.targets),
            user=user,
        )
    except StoreError as exc:
        raise IngestError(str(exc)) from exc
    except DBAPIError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else type(exc).__name__
        raise IngestError(f"{name}：写入数据库失败，本次未记录任何数据（{reason}）") from exc
    if matching.targets:
        result.target_summary = written.targets
    if matching.progress:
        result.progress_summary = written.progress
    result.figure_summary = written.figures
    result.document_id = written.document_id
    return result


def _fact(row: dict[str, Any]) -> Fact:
    """Return a fact of the exchange format (a library row or a freshly extracted one) as a ``Fact``."""
    return Fact(span=(int(row["span"][0]), int(row["span"][1])), **{f: row.get(f) for f in FIELDS[1:]})


def _figures(
    facts: list[Fact], progress: list[Matched], beside: list[Matched], waiting: list[Matched], targets: list[NewTarget]
) -> list[Any]:
    """Return the links of the plan to the report's facts: progress, kept beside a unit's record, or proposed."""
    from planwatch.store.report_figures import Figure

    position = {id(fact): index for index, fact in enumerate(facts)}
    out = [
        Figure(position[id(m.fact)], m.record.item_code, m.record.as_of, m.record.value, role)
        for role, group in (("progress", progress), ("beside", beside), ("proposal", waiting))
        for m in group
    ]
    out += [Figure(position[id(t.fact)], t.target.code, None, t.target.value, "proposal") for t in targets]
    return out
