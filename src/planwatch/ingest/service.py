"""Ingest a report into a plan: read it, extract its facts, and record them in the store.

I/O at the edge of :mod:`planwatch.ingest.matching`: the document is read with
:func:`planwatch.documents.read`, its facts come from :func:`planwatch.extract.extract_facts`,
and what they become — new targets, progress, the rest as document facts — is written
with one store call, :meth:`Store.record_ingest`, in one transaction: a report that fails
to record leaves nothing behind. Everything upserts by key, so ingesting the same report
again changes nothing.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planwatch.ingest.matching import Matched, NewTarget, match_facts

if TYPE_CHECKING:
    from planwatch.store import ChangeSummary, Store


MEASURE_WORDS = {"growth": "增长", "level": "", "ratio": ""}
QUALIFIER_WORDS = {"about": "左右", "over": "以上", "under": "以内", "at_least": "（不低于）"}


class IngestError(Exception):
    """A report that cannot be ingested (unreadable, or no such plan); the message names it."""


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

    @property
    def changed(self) -> bool:
        """Tell whether the store changed (False when the same report was ingested before)."""
        summaries = [s for s in (self.progress_summary, self.target_summary) if s is not None]
        return any(_changes(s) for s in summaries)

    def describe(self) -> str:
        """Say in Chinese what became progress, targets and document facts."""
        from planwatch.catalog import load_catalog

        catalog = load_catalog()

        def indicator_name(code: str) -> str:
            indicator = catalog.get(code)
            return indicator.name if indicator is not None else code

        lines = [f"{self.document}：提取数据 {self.facts} 条，计划 {self.plan_code}"]
        lines.append(f"记为指标进展 {len(self.progress)} 条：")
        for m in self.progress:
            r = m.record
            period = f"{r.period_start.isoformat()}至{r.as_of.isoformat()}" if r.period_start else r.as_of.isoformat()
            name = m.target.name or indicator_name(m.indicator_code)
            lines.append(f"  {m.target.code:<6} {name}  {period}  {_number(r.value)}{m.target.unit}  「{r.narrative}」")
        if self.targets:
            lines.append(f"新增指标目标 {len(self.targets)} 条（计划中原无此指标的目标）：")
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
        with_indicator = sum(1 for f in self.document_facts if f.get("indicator"))
        lines.append(
            f"存为文档数据 {len(self.document_facts)} 条（其中 {with_indicator} 条对应指标库指标），可按文字或主体检索"
        )
        for label, summary in (("目标", self.target_summary), ("进展", self.progress_summary)):
            if summary is not None:
                lines.append(f"数据库（{label}）：{summary.describe()}".replace("\n", "；"))
        if not self.changed:
            lines.append("（与上次导入相同，数据库未改变）")
        return "\n".join(lines)


def _number(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:.4f}".rstrip("0").rstrip(".")


def _changes(summary: ChangeSummary) -> int:
    return summary.inserted + summary.updated


def ingest_document(store: Store, path: str | os.PathLike[str], *, plan_code: str, user: str) -> IngestResult:
    """Record the facts of the report at ``path`` against plan ``plan_code``; return what became what.

    Raises :class:`IngestError` when the report cannot be read or the plan does not exist.
    """
    from sqlalchemy.exc import DBAPIError

    from planwatch.catalog import load_catalog
    from planwatch.documents import DocumentError, read
    from planwatch.extract import extract_facts
    from planwatch.store import StoreError

    name = Path(path).name
    try:
        document = read(path)
    except DocumentError as exc:
        raise UnreadableReport(str(exc)) from exc
    try:
        plan = store.load_plan_data(plan_code, latest_only=True)
    except StoreError as exc:
        raise IngestError(str(exc)) from exc
    facts = extract_facts(document)
    matching = match_facts(facts, plan, load_catalog(), document=name, text=document.text)
    sha256 = hashlib.sha256(document.text.encode("utf-8")).hexdigest()
    result = IngestResult(name, sha256, plan_code, len(facts), matching.progress, matching.targets)
    result.document_facts = matching.document_facts
    try:
        written = store.record_ingest(
            plan_code,
            targets=[t.target for t in matching.targets],
            progress=[m.record for m in matching.progress],
            document=name,
            text_sha256=sha256,
            facts=matching.document_facts,
            user=user,
        )
    except DBAPIError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else type(exc).__name__
        raise IngestError(f"{name}：写入数据库失败，本次未记录任何数据（{reason}）") from exc
    if matching.targets:
        result.target_summary = written.targets
    if matching.progress:
        result.progress_summary = written.progress
    result.document_id = written.document_id
    return result
