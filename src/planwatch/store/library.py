"""The library's aggregate of the store: documents of any region and year, their facts, and what the panel reads.

A document is one row of ``documents`` keyed by the sha256 of its text (the same row
``ingest`` writes), its facts rows of ``document_facts`` with their catalog indicator. Each
document is written in one transaction with an audit row; a text already in the library is
left as it is, so adding the same file again changes nothing, and a hand correction
(``corrected``) is never read over. Region filters take GB/T 2260 codes: a province or city
code also selects the divisions under it (340000 → 34…, 340100 → 3401…).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Table, and_, case, delete, exists, func, or_, select, update
from sqlalchemy.engine import Connection

from planwatch.store.documents import FACT_FIELDS
from planwatch.store.engine import escape_like
from planwatch.store.summary import StoreError
from planwatch.store.tables import AuditRow, DocumentFactRow, DocumentRow
from planwatch.store.writer import CHUNK

if TYPE_CHECKING:
    from planwatch.library.reading import Entry
    from planwatch.store import Store

DOCS: Table = DocumentRow.__table__
FACTS: Table = DocumentFactRow.__table__
AUDIT: Table = AuditRow.__table__
#: Characters of text on each side of a number the panel quotes from (its sentence is cut from these).
QUOTE_REACH = 100
NATIONAL_CODE = "100000"


@dataclass(slots=True)
class DocumentInfo:
    """A library document without its text: what lists and filters show."""

    id: int
    name: str
    sha256: str
    source: str | None
    format: str | None
    title: str | None
    issuer: str | None
    issued: str | None
    region_code: str | None
    region_name: str | None
    region_level: str | None
    year: int | None
    period: str | None
    genre: str | None
    chars: int | None
    corrected: bool
    warnings: list[str]
    added_at: datetime | None
    facts: int = 0


@dataclass(slots=True)
class DocumentText(DocumentInfo):
    """A library document with its text, facts (exchange format plus ``indicator``) and word targets."""

    body: str = ""
    fact_rows: list[dict[str, Any]] = field(default_factory=list)
    word_targets: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class PanelFact:
    """A fact the panel may use: a target or an outcome of a catalog indicator, with its document and context."""

    document_id: int
    document: str
    issued: str | None
    doc_year: int | None
    region_code: str
    region_name: str
    region_level: str | None
    indicator: str
    measure: str
    value: float | None
    unit: str | None
    period: str | None
    modality: str
    qualifier: str | None
    baseline: str | None
    span: tuple[int, int]
    text: str
    context: str
    context_start: int


def region_prefix(code: str) -> str:
    """Return the code prefix shared by a division and those under it (340000 → 34, 340100 → 3401)."""
    if code == NATIONAL_CODE or len(code) != 6:
        return code
    if code.endswith("0000"):
        return code[:2]
    if code.endswith("00"):
        return code[:4]
    return code


def _region_filter(codes: list[str] | None):
    if not codes:
        return None
    return or_(*(DOCS.c.region_code.like(f"{escape_like(region_prefix(c))}%", escape="\\") for c in codes))


def _now() -> datetime:
    return datetime.now(UTC)


def known_hashes(store: Store) -> frozenset[str]:
    """Return the sha256 of every text the library already holds (ingest-only documents are not in it)."""
    store._ensure()
    with store.engine.connect() as conn:
        return frozenset(conn.execute(select(DOCS.c.sha256).where(DOCS.c.added_at.is_not(None))).scalars())


def _fact_rows(entry: Entry, document_id: int) -> list[dict[str, Any]]:
    rows = []
    for fact in entry.facts:
        row: dict[str, Any] = {"document_id": document_id, "span_start": fact["span"][0], "span_end": fact["span"][1]}
        row.update({f: fact.get(f) for f in FACT_FIELDS})
        row["text"] = row["text"] or ""
        row["indicator"] = fact.get("indicator")
        extra = {k: v for k, v in fact.items() if k not in FACT_FIELDS and k not in ("span", "indicator")}
        row["extra"] = extra or None
        rows.append(row)
    return rows


def save_entry(store: Store, entry: Entry, *, user: str) -> str:
    """Store one read document with its facts in one transaction; return ``added``, ``filled`` or ``unchanged``.

    ``filled``: the text was known from an earlier ``ingest`` only, and now has the library's metadata and facts.
    """
    store._ensure()
    with store.write_transaction() as conn:
        outcome, _ = save_entry_in(conn, entry, user=user)
    return outcome


def save_entry_in(conn: Connection, entry: Entry, *, user: str) -> tuple[str, int]:
    """Store ``entry`` within the caller's transaction; return the outcome (as ``save_entry``) and the document id.

    A text the library holds is left as it is (its facts, and every plan's links to them, stay).
    """
    values = {
        "name": entry.name[:500],
        "source": entry.source[:1000],
        "format": entry.format,
        "title": (entry.title or "")[:500] or None,
        "issuer": (entry.issuer or "")[:200] or None,
        "issued": entry.issued,
        "region_code": entry.region_code,
        "region_name": entry.region_name,
        "region_level": entry.region_level,
        "year": entry.year,
        "period": entry.period,
        "genre": entry.genre,
        "chars": len(entry.text),
        "warnings": entry.warnings or None,
        "word_targets": entry.word_targets or None,
        "body": entry.text,
    }
    at = _now()
    row = conn.execute(select(DOCS.c.id, DOCS.c.added_at).where(DOCS.c.sha256 == entry.sha256)).one_or_none()
    if row is not None and row.added_at is not None:
        return "unchanged", row.id
    if row is None:
        doc_id = conn.execute(
            DOCS.insert()
            .values(sha256=entry.sha256, ingested_at=at, user=user, added_at=at, corrected=False, **values)
            .returning(DOCS.c.id)
        ).scalar_one()
        outcome = "added"
    else:
        doc_id = row.id
        conn.execute(delete(FACTS).where(FACTS.c.document_id == doc_id))
        conn.execute(update(DOCS).where(DOCS.c.id == doc_id).values(added_at=at, **values))
        outcome = "filled"
    rows = _fact_rows(entry, doc_id)
    for start in range(0, len(rows), CHUNK):
        conn.execute(FACTS.insert(), rows[start : start + CHUNK])
    after = {k: values[k] for k in ("name", "region_code", "region_name", "year", "genre")} | {"facts": len(rows)}
    _audit(conn, at, user, "insert" if outcome == "added" else "update", entry.sha256, None, after)
    return outcome, doc_id


def library_facts(store: Store, sha256: str) -> list[dict[str, Any]] | None:
    """Return the stored facts of the library document with this text (in stored order), or None when not in it."""
    store._ensure()
    with store.engine.connect() as conn:
        doc_id = conn.execute(
            select(DOCS.c.id).where(DOCS.c.sha256 == sha256, DOCS.c.added_at.is_not(None))
        ).scalar_one_or_none()
        if doc_id is None:
            return None
        rows = conn.execute(select(FACTS).where(FACTS.c.document_id == doc_id).order_by(FACTS.c.id)).all()
    return [_fact_dict(f) for f in rows]


def _fact_dict(f: Any) -> dict[str, Any]:
    """Return a stored fact row in the exchange format, with its ``id`` and catalog ``indicator``."""
    fact: dict[str, Any] = {"id": f.id, "span": [f.span_start, f.span_end]}
    fact.update({name: getattr(f, name) for name in FACT_FIELDS})
    fact.update(f.extra or {})
    fact["indicator"] = f.indicator
    return fact


def _audit(conn: Connection, at: datetime, user: str, action: str, key: str, before: Any, after: Any) -> None:
    conn.execute(
        AUDIT.insert().values(
            at=at, user=user, action=action, table_name=DOCS.name, key=key, before=before, after=after
        )
    )


INFO_COLUMNS = (
    DOCS.c.id,
    DOCS.c.name,
    DOCS.c.sha256,
    DOCS.c.source,
    DOCS.c.format,
    DOCS.c.title,
    DOCS.c.issuer,
    DOCS.c.issued,
    DOCS.c.region_code,
    DOCS.c.region_name,
    DOCS.c.region_level,
    DOCS.c.year,
    DOCS.c.period,
    DOCS.c.genre,
    DOCS.c.chars,
    DOCS.c.corrected,
    DOCS.c.warnings,
    DOCS.c.added_at,
)


def _info(r: Any, facts: int = 0) -> dict[str, Any]:
    added = r.added_at
    if added is not None and added.tzinfo is None:
        added = added.replace(tzinfo=UTC)  # SQLite gives naive times back; they were stored as UTC
    return {
        "id": r.id,
        "name": r.name,
        "sha256": r.sha256,
        "source": r.source,
        "format": r.format,
        "title": r.title,
        "issuer": r.issuer,
        "issued": r.issued,
        "region_code": r.region_code,
        "region_name": r.region_name,
        "region_level": r.region_level,
        "year": r.year,
        "period": r.period,
        "genre": r.genre,
        "chars": r.chars,
        "corrected": bool(r.corrected),
        "warnings": list(r.warnings or []),
        "added_at": added,
        "facts": facts,
    }


def _document_filters(
    *,
    regions: list[str] | None = None,
    years: tuple[int, int] | None = None,
    genre: str | None = None,
    indicator: str | None = None,
    text: str | None = None,
    warned: bool = False,
) -> list[Any]:
    where: list[Any] = [DOCS.c.added_at.is_not(None)]
    region = _region_filter(regions)
    if region is not None:
        where.append(region)
    if years is not None:
        where.append(DOCS.c.year.between(*years))
    if genre:
        where.append(DOCS.c.genre == genre)
    if indicator:
        where.append(exists().where(and_(FACTS.c.document_id == DOCS.c.id, FACTS.c.indicator == indicator)))
    if text:
        pattern = f"%{escape_like(text)}%"
        where.append(
            or_(
                DOCS.c.name.like(pattern, escape="\\"),
                DOCS.c.title.like(pattern, escape="\\"),
                DOCS.c.body.like(pattern, escape="\\"),
            )
        )
    if warned:
        where.append(DOCS.c.warnings.is_not(None))
    return where


def list_documents(
    store: Store, *, limit: int | None = None, offset: int = 0, **filters: Any
) -> tuple[list[DocumentInfo], int]:
    """Return library documents matching the filters (region codes, years, genre, indicator, text), and how many match.

    Ordered by region code, year and id; each carries its number of facts.
    """
    store._ensure()
    where = _document_filters(**filters)
    n_facts = select(func.count()).where(FACTS.c.document_id == DOCS.c.id).scalar_subquery()
    query = (
        select(*INFO_COLUMNS, n_facts.label("n_facts"))
        .where(*where)
        .order_by(DOCS.c.region_code, DOCS.c.year, DOCS.c.id)
        .offset(offset)
    )
    if limit:
        query = query.limit(limit)
    with store.engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(DOCS).where(*where)).scalar_one()
        rows = conn.execute(query).all()
    return [DocumentInfo(**_info(r, r.n_facts)) for r in rows], total


def _find_id(conn: Connection, ref: str | int) -> int:
    """Return the id of the document ``ref`` names: its id, its sha256 (or a prefix of 8+), or its file name."""
    text = str(ref).strip()
    where = [DOCS.c.name == text]
    if text.isdigit():
        where.append(DOCS.c.id == int(text))
    if len(text) >= 8 and all(ch in "0123456789abcdef" for ch in text.lower()):
        where.append(DOCS.c.sha256.like(f"{text.lower()}%"))
    ids = list(conn.execute(select(DOCS.c.id).where(DOCS.c.added_at.is_not(None), or_(*where)).limit(3)).scalars())
    if not ids:
        raise StoreError(f"文档库中没有文档“{text}”（可用编号、文件名或 sha256 前 8 位指定）")
    if len(ids) > 1:
        raise StoreError(f"“{text}”对应多个文档（编号 {', '.join(map(str, ids))}），请用编号指定")
    return ids[0]


def get_document(store: Store, ref: str | int) -> DocumentText:
    """Return a library document with its text, facts and word targets; ``ref`` as in ``library show``."""
    store._ensure()
    with store.engine.connect() as conn:
        doc_id = _find_id(conn, ref)
        r = conn.execute(select(*INFO_COLUMNS, DOCS.c.body, DOCS.c.word_targets).where(DOCS.c.id == doc_id)).one()
        facts = conn.execute(
            select(FACTS).where(FACTS.c.document_id == doc_id).order_by(FACTS.c.span_start, FACTS.c.id)
        ).all()
    rows = [_fact_dict(f) for f in facts]
    info = _info(r, len(rows))
    return DocumentText(**info, body=r.body or "", fact_rows=rows, word_targets=list(r.word_targets or []))


#: The fields ``library set`` may correct.
CORRECTABLE = ("region_code", "region_name", "region_level", "year", "period", "genre")


def set_document(store: Store, ref: str | int, *, user: str, **changes: Any) -> DocumentInfo:
    """Correct a document's region, year, period or genre by hand (one transaction, audited); return it as now stored.

    A correction clears the warnings it answers and is marked ``corrected``.
    """
    unknown = set(changes) - set(CORRECTABLE)
    if unknown:
        raise StoreError(f"不能修改的字段：{'、'.join(sorted(unknown))}")
    store._ensure()
    with store.write_transaction() as conn:
        doc_id = _find_id(conn, ref)
        r = conn.execute(select(*INFO_COLUMNS).where(DOCS.c.id == doc_id)).one()
        before = {k: getattr(r, k) for k in changes}
        if before == changes:
            return DocumentInfo(**_info(r))
        answered = ("地区",) if "region_code" in changes else ()
        answered += ("年份",) if "year" in changes else ()
        warnings = [w for w in (r.warnings or []) if not any(word in w for word in answered)]
        conn.execute(
            update(DOCS).where(DOCS.c.id == doc_id).values(corrected=True, warnings=warnings or None, **changes)
        )
        _audit(conn, _now(), user, "update", r.sha256, before, dict(changes))
        r = conn.execute(select(*INFO_COLUMNS).where(DOCS.c.id == doc_id)).one()
    return DocumentInfo(**_info(r))


def search_facts(
    store: Store, *, limit: int | None = 200, measure: str | None = None, modality: str | None = None, **filters: Any
) -> list[dict[str, Any]]:
    """Return facts of library documents (filters as ``list_documents``; ``indicator`` and ``text`` apply to facts).

    Each is the fact in the exchange format plus ``indicator`` and its document's id, name,
    region and year, in region, year and text order.
    """
    store._ensure()
    indicator = filters.pop("indicator", None)
    text = filters.pop("text", None)
    where = _document_filters(**filters)
    if indicator:
        where.append(FACTS.c.indicator == indicator)
    if text:
        pattern = f"%{escape_like(text)}%"
        where.append(or_(FACTS.c.subject.like(pattern, escape="\\"), FACTS.c.text.like(pattern, escape="\\")))
    if measure:
        where.append(FACTS.c.measure == measure)
    if modality:
        where.append(FACTS.c.modality == modality)
    query = (
        select(FACTS, DOCS.c.name.label("document"), DOCS.c.region_name, DOCS.c.region_code, DOCS.c.year)
        .join(DOCS, DOCS.c.id == FACTS.c.document_id)
        .where(*where)
        .order_by(DOCS.c.region_code, DOCS.c.year, DOCS.c.id, FACTS.c.span_start)
    )
    if limit:
        query = query.limit(limit)
    with store.engine.connect() as conn:
        rows = conn.execute(query).all()
    out = []
    for r in rows:
        fact: dict[str, Any] = {"span": [r.span_start, r.span_end]}
        fact.update({f: getattr(r, f) for f in FACT_FIELDS})
        fact["indicator"] = r.indicator
        fact.update(
            document_id=r.document_id, document=r.document, region=r.region_name, region_code=r.region_code, year=r.year
        )
        out.append(fact)
    return out


#: Rows a streamed panel query holds in memory at a time (a server-side cursor on PostgreSQL).
PANEL_BATCH = 2000


def iter_panel_facts(
    store: Store,
    *,
    regions: list[str] | None = None,
    indicators: list[str] | None = None,
    level: str | None = None,
    measures: tuple[str, ...] = ("growth", "level", "ratio"),
    batch: int = PANEL_BATCH,
) -> Iterator[PanelFact]:
    """Yield the target and outcome facts of catalog indicators in documents with a known region.

    Ordered by region code, document and position, and streamed ``batch`` rows at a time
    (SQLite's cursor is lazy; PostgreSQL gets a server-side cursor), so the panel can be built
    region by region with flat memory. Each carries its document's region, date and year and
    about ``QUOTE_REACH`` characters of text either side (for its sentence and for joining a
    range 5%—5.5%). Periods are not filtered here: what a year's target or outcome is, is the
    panel's rule.
    """
    store._ensure()
    where: list[Any] = [
        DOCS.c.added_at.is_not(None),
        DOCS.c.region_code.is_not(None),
        FACTS.c.indicator.is_not(None),
        FACTS.c.modality.in_(("target", "actual")),
        FACTS.c.measure.in_(measures),
    ]
    region = _region_filter(regions)
    if region is not None:
        where.append(region)
    if indicators:
        where.append(FACTS.c.indicator.in_(indicators))
    if level:
        where.append(DOCS.c.region_level == level)
    # SQL substr counts from 1, and from the right for a negative start: begin at 0 at the least
    context_start = case((FACTS.c.span_start > QUOTE_REACH, FACTS.c.span_start - QUOTE_REACH), else_=0)
    query = (
        select(
            FACTS,
            DOCS.c.name.label("document"),
            DOCS.c.issued,
            DOCS.c.year.label("doc_year"),
            DOCS.c.region_code,
            DOCS.c.region_name,
            DOCS.c.region_level,
            func.substr(DOCS.c.body, context_start + 1, FACTS.c.span_end - context_start + QUOTE_REACH).label(
                "context"
            ),
        )
        .join(DOCS, DOCS.c.id == FACTS.c.document_id)
        .where(*where)
        .order_by(DOCS.c.region_code, DOCS.c.id, FACTS.c.span_start, FACTS.c.id)
    )
    with store.engine.connect() as conn:
        for r in conn.execution_options(yield_per=batch).execute(query):
            yield PanelFact(
                r.document_id,
                r.document,
                r.issued,
                r.doc_year,
                r.region_code,
                r.region_name,
                r.region_level,
                r.indicator,
                r.measure,
                r.value,
                r.unit,
                r.period,
                r.modality,
                r.qualifier,
                r.baseline,
                (r.span_start, r.span_end),
                r.text,
                r.context or "",
                max(r.span_start - QUOTE_REACH, 0),
            )


def iter_word_targets(
    store: Store, *, regions: list[str] | None = None, level: str | None = None, batch: int = PANEL_BATCH
) -> Iterator[dict[str, Any]]:
    """Yield each library document's goals stated in words, with the document's id, name, region and dates.

    Ordered by region code and document, streamed like ``iter_panel_facts``.
    """
    store._ensure()
    where: list[Any] = [DOCS.c.added_at.is_not(None), DOCS.c.region_code.is_not(None), DOCS.c.word_targets.is_not(None)]
    region = _region_filter(regions)
    if region is not None:
        where.append(region)
    if level:
        where.append(DOCS.c.region_level == level)
    query = (
        select(
            DOCS.c.id,
            DOCS.c.name,
            DOCS.c.issued,
            DOCS.c.year,
            DOCS.c.period,
            DOCS.c.region_code,
            DOCS.c.region_name,
            DOCS.c.region_level,
            DOCS.c.word_targets,
        )
        .where(*where)
        .order_by(DOCS.c.region_code, DOCS.c.id)
    )
    with store.engine.connect() as conn:
        for r in conn.execution_options(yield_per=batch).execute(query):
            for target in r.word_targets or []:
                yield {
                    **target,
                    "document_id": r.id,
                    "document": r.name,
                    "issued": r.issued,
                    "doc_year": r.year,
                    "period": r.period,
                    "region_code": r.region_code,
                    "region_name": r.region_name,
                    "region_level": r.region_level,
                }


def library_counts(store: Store) -> dict[str, int]:
    """Return how many documents and facts the library holds."""
    store._ensure()
    with store.engine.connect() as conn:
        docs = conn.execute(select(func.count()).select_from(DOCS).where(DOCS.c.added_at.is_not(None))).scalar_one()
        facts = conn.execute(
            select(func.count())
            .select_from(FACTS.join(DOCS, DOCS.c.id == FACTS.c.document_id))
            .where(DOCS.c.added_at.is_not(None))
        ).scalar_one()
    return {"documents": docs, "facts": facts}
