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
    "task": "重点任务",
    "milestone": "里程碑",
    "project": "重大项目",
    "livelihood": "民生实事",
    "progress": "进度记录",
    "document": "文档",
    "document_fact": "文档数据",
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


@dataclass(slots=True)
class ChangeSummary:
    """Counts per kind (``"target"``, ``"project"``, ``"progress"`` …) of one save."""

    counts: dict[str, KindCounts] = field(default_factory=dict)

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
        return "\n".join(lines) if lines else "没有数据"

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
