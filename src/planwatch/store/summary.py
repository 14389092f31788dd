"""What a save changed: counts per kind, audit entries, and the store's error type."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


class StoreError(Exception):
    """A save or load the store refuses; the message is Chinese and names the code at fault."""


#: Chinese names of the kinds a ChangeSummary counts, in display order.
KIND_LABELS: dict[str, str] = {
    "region": "地区",
    "plan": "计划",
    "work_area": "工作领域",
    "target": "指标目标",
    "target_proposal": "指标目标建议",
    "task": "重点任务",
    "milestone": "里程碑",
    "project": "重大项目",
    "livelihood": "民生实事",
    "progress": "进度记录",
    "submission": "审核通过的报送",
    "document": "文档",
    "document_fact": "文档数据",
    "report_figure": "报告数据（与计划事项的对应）",
}


@dataclass(slots=True)
class KindCounts:
    """How many records of one kind were inserted, updated, left unchanged or deleted."""

    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0

    @property
    def total(self) -> int:
        return self.inserted + self.updated + self.unchanged + self.deleted


@dataclass(frozen=True, slots=True)
class AbsentItem:
    """A plan item that is in the database but not in the data saved: what a person must know to judge it."""

    kind: str  # "target" / "task" / "project" / "livelihood"
    code: str
    name: str
    milestones: int = 0  # the task's milestones (deleted with it under ``replace``)
    progress: int = 0  # its progress records (deleted with it under ``replace``)

    def describe(self) -> str:
        """Say the item in one Chinese phrase, e.g. ``重大项目 P009 江川大桥（进度记录 3 条）``."""
        attached = []
        if self.milestones:
            attached.append(f"节点 {self.milestones} 个")
        if self.progress:
            attached.append(f"进度记录 {self.progress} 条")
        extra = f"（{'，'.join(attached)}）" if attached else ""
        return f"{KIND_LABELS.get(self.kind, self.kind)} {self.code} {self.name}{extra}"


#: Absent items listed in a warning at most; deletions are always listed in full.
ABSENT_SHOWN = 50


@dataclass(slots=True)
class ChangeSummary:
    """Counts per kind (``"target"``, ``"project"``, ``"progress"`` …) of one save.

    A full plan save also says which stored items the data left out: ``absent`` when
    they were kept (a warning), ``removed`` when ``replace`` deleted them.
    """

    counts: dict[str, KindCounts] = field(default_factory=dict)
    absent: list[AbsentItem] = field(default_factory=list)
    removed: list[AbsentItem] = field(default_factory=list)

    def __getitem__(self, kind: str) -> KindCounts:
        """Return the counts of ``kind`` (zeros when the save did not touch it)."""
        return self.counts.get(kind, KindCounts())

    def bump(self, kind: str, action: str, n: int = 1) -> None:
        """Add ``n`` to ``action`` ("inserted", "updated", "unchanged", "deleted") of ``kind``."""
        if n:
            counts = self.counts.setdefault(kind, KindCounts())
            setattr(counts, action, getattr(counts, action) + n)

    def merge(self, other: ChangeSummary) -> None:
        """Add another summary's counts to this one."""
        for kind, counts in other.counts.items():
            for action in ("inserted", "updated", "unchanged", "deleted"):
                self.bump(kind, action, getattr(counts, action))
        self.absent.extend(other.absent)
        self.removed.extend(other.removed)

    @property
    def inserted(self) -> int:
        return sum(c.inserted for c in self.counts.values())

    @property
    def updated(self) -> int:
        return sum(c.updated for c in self.counts.values())

    @property
    def unchanged(self) -> int:
        return sum(c.unchanged for c in self.counts.values())

    @property
    def deleted(self) -> int:
        return sum(c.deleted for c in self.counts.values())

    @property
    def changed(self) -> bool:
        """True when anything was written."""
        return bool(self.inserted or self.updated or self.deleted)

    def describe(self) -> str:
        """Say the counts in one Chinese line per kind, e.g. ``重大项目：新增 3，更新 1，未变 10``."""
        lines = []
        order = list(KIND_LABELS)
        for kind in sorted(self.counts, key=lambda k: order.index(k) if k in order else len(order)):
            c = self.counts[kind]
            parts = [f"新增 {c.inserted}", f"更新 {c.updated}", f"未变 {c.unchanged}"]
            if c.deleted:
                parts.append(f"删除 {c.deleted}")
            lines.append(f"{KIND_LABELS.get(kind, kind)}：{'，'.join(parts)}")
        lines.extend(self.describe_absent())
        return "\n".join(lines) if lines else "没有数据"

    def describe_absent(self) -> list[str]:
        """Say, one line per item, what was deleted for missing from the data, or what is missing but kept."""
        lines = []
        if self.removed:
            lines.append(
                f"已删除库中不在本次文件中的 {len(self.removed)} 项（连同其节点和进度记录，每条均记入审计日志）："
            )
            lines.extend(f"  {item.describe()}" for item in self.removed)
        if self.absent:
            lines.append(f"警告：库中有 {len(self.absent)} 项不在本次文件中（未删除）：")
            lines.extend(f"  {item.describe()}" for item in self.absent[:ABSENT_SHOWN])
            if len(self.absent) > ABSENT_SHOWN:
                lines.append(f"  …… 另有 {len(self.absent) - ABSENT_SHOWN} 项")
            lines.append("  如这些事项已从计划中撤销，请加 --replace 重新导入，将其连同节点和进度记录一并删除。")
        return lines

    def as_dict(self) -> dict[str, dict[str, int]]:
        """Return the counts as plain dicts (for JSON output)."""
        return {
            kind: {"inserted": c.inserted, "updated": c.updated, "unchanged": c.unchanged, "deleted": c.deleted}
            for kind, c in self.counts.items()
        }


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One row of the audit log: who did what to which record, with the record before and after."""

    id: int
    at: datetime
    user: str
    action: str  # insert / update / delete
    table: str
    key: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None


@dataclass(slots=True)
class IngestWrite:
    """What recording one report changed, part by part (see ``Store.record_ingest``)."""

    targets: ChangeSummary = field(default_factory=ChangeSummary)
    progress: ChangeSummary = field(default_factory=ChangeSummary)
    document: ChangeSummary = field(default_factory=ChangeSummary)
    figures: ChangeSummary = field(default_factory=ChangeSummary)
    document_id: int | None = None
