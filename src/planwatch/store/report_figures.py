"""Report figures of a plan: the library facts ``ingest`` matched to the plan's items.

``ingest`` is "add to the library, then match": the report is stored once as a library
document with its facts (:func:`planwatch.store.library.save_entry_in`), and what the plan
makes of those facts — progress of an item, a figure kept beside a unit's own record, a
proposed target — is a row of ``report_figures`` pointing at the library fact, not a
second copy of it. ``Store.record_ingest`` writes both in one transaction; reading the
same report again finds the same rows, so it changes nothing and never deletes the
library's facts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Table, bindparam, delete, select, update

from planwatch.store.summary import ChangeSummary, StoreError
from planwatch.store.tables import PLANS, DocumentFactRow, DocumentRow, ReportFigureRow

if TYPE_CHECKING:
    from planwatch.store import Store

FIGURES: Table = ReportFigureRow.__table__
FACTS: Table = DocumentFactRow.__table__
DOCS: Table = DocumentRow.__table__
#: What ``ingest`` made of a report figure.
ROLES = ("progress", "beside", "proposal")
#: Characters either side of a figure that the item page quotes its sentence from.
SENTENCE_REACH = 120
SENTENCE_ENDS = "。；;！？\n"


@dataclass(frozen=True, slots=True)
class Figure:
    """A matched report figure to record: which of the report's facts (by position), for which item and date."""

    fact: int  # index into the facts the report was matched on (library order)
    item_code: str
    as_of: date | None
    value: float | None
    role: str


@dataclass(frozen=True, slots=True)
class ReportFigure:
    """A report figure of a plan item as the item page shows it: value, date, document, span and sentence."""

    item_code: str
    as_of: date | None
    value: float | None
    role: str
    document_id: int
    document: str
    span: tuple[int, int]
    quote: str
    sentence: str
    in_library: bool


def fact_ids(conn: Any, document_id: int) -> list[int]:
    """Return the ids of a document's facts in stored order (the order ``ingest`` matched them in)."""
    query = select(FACTS.c.id).where(FACTS.c.document_id == document_id).order_by(FACTS.c.id)
    return list(conn.execute(query).scalars())


def link_figures(
    conn: Any, plan_id: int, ids: list[int], figures: Sequence[Figure], user: str, summary: ChangeSummary
) -> None:
    """Insert, update or keep the plan's links to the document's facts; unlink those no longer matched."""
    wanted: dict[int, dict[str, Any]] = {}
    for figure in figures:
        if figure.role not in ROLES:
            raise StoreError(f"报告数据的用途“{figure.role}”不在 {'、'.join(ROLES)} 之中，未写入任何数据")
        wanted[ids[figure.fact]] = {
            "item_code": figure.item_code,
            "as_of": figure.as_of,
            "value": figure.value,
            "role": figure.role,
        }
    existing = {
        r.fact_id: r
        for r in conn.execute(
            select(FIGURES).where(FIGURES.c.plan_id == plan_id, FIGURES.c.fact_id.in_(ids) if ids else False)
        )
    }
    at = datetime.now(UTC)
    for fact_id, values in wanted.items():
        old = existing.get(fact_id)
        if old is None:
            row = {"plan_id": plan_id, "fact_id": fact_id, "linked_by": user, "linked_at": at, **values}
            conn.execute(FIGURES.insert().values(**row))
            summary.bump("report_figure", "inserted")
        elif any(getattr(old, key) != value for key, value in values.items()):
            conn.execute(update(FIGURES).where(FIGURES.c.id == old.id).values(linked_by=user, linked_at=at, **values))
            summary.bump("report_figure", "updated")
        else:
            summary.bump("report_figure", "unchanged")
    gone = [old.id for fact_id, old in existing.items() if fact_id not in wanted]
    if gone:
        conn.execute(delete(FIGURES).where(FIGURES.c.id.in_(gone)))
        summary.bump("report_figure", "deleted", len(gone))


#: One item's report figures with their documents and sentences, by date then document: every
#: item page asks it, so it is built once (see ``audit.NEWEST_ID``).
ITEM_FIGURES = (
    select(
        FIGURES.c.item_code,
        FIGURES.c.as_of,
        FIGURES.c.value,
        FIGURES.c.role,
        DOCS.c.id.label("document_id"),
        DOCS.c.name,
        DOCS.c.added_at,
        DOCS.c.body,
        FACTS.c.span_start,
        FACTS.c.span_end,
        FACTS.c.text,
    )
    .join(PLANS, PLANS.c.id == FIGURES.c.plan_id)
    .join(FACTS, FACTS.c.id == FIGURES.c.fact_id)
    .join(DOCS, DOCS.c.id == FACTS.c.document_id)
    .where(PLANS.c.code == bindparam("plan"), FIGURES.c.item_code == bindparam("item"))
    .order_by(FIGURES.c.as_of, DOCS.c.id, FACTS.c.span_start)
)


def item_figures(store: Store, plan_code: str, item_code: str) -> list[ReportFigure]:
    """Return the report figures ingest matched to one item of a plan (any role), by date then document."""
    store._ensure()
    with store.engine.connect() as conn:
        rows = conn.execute(ITEM_FIGURES, {"plan": plan_code, "item": item_code}).all()
    return [
        ReportFigure(
            r.item_code,
            r.as_of,
            r.value,
            r.role,
            r.document_id,
            r.name,
            (r.span_start, r.span_end),
            r.text,
            sentence_around(r.body or "", r.span_start, r.span_end) or r.text,
            r.added_at is not None,
        )
        for r in rows
    ]


def sentence_around(text: str, start: int, end: int) -> str:
    """Return the sentence of ``text`` holding ``text[start:end]`` (at most ``SENTENCE_REACH`` characters each side)."""
    if not text or end > len(text):
        return ""
    left = max(start - SENTENCE_REACH, 0)
    begin = max([left, *(text.rfind(ch, left, start) + 1 for ch in SENTENCE_ENDS)])
    right = min(end + SENTENCE_REACH, len(text))
    stops = [i for i in (text.find(ch, end, right) for ch in SENTENCE_ENDS) if i != -1]
    finish = min(stops) + 1 if stops else right
    return text[begin:finish].strip()


def plan_items_fed(store: Store, document_id: int) -> dict[tuple[int, int], tuple[str, str]]:
    """Return, per character span of a library document, the plan and item its figure was matched to.

    Proposed targets are left out: until the 计划处 accepts one there is no item page to link to.
    """
    store._ensure()
    query = (
        select(FACTS.c.span_start, FACTS.c.span_end, PLANS.c.code, FIGURES.c.item_code)
        .join(FIGURES, FIGURES.c.fact_id == FACTS.c.id)
        .join(PLANS, PLANS.c.id == FIGURES.c.plan_id)
        .where(FACTS.c.document_id == document_id, FIGURES.c.role != "proposal")  # a proposal is no item yet
        .order_by(FIGURES.c.id)
    )
    with store.engine.connect() as conn:
        return {(r[0], r[1]): (r[2], r[3]) for r in conn.execute(query)}
