"""Documents: recording a document's facts (replacing an earlier read of the same text) and searching them."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table, delete, or_, select, update

from planwatch.store.engine import escape_like
from planwatch.store.summary import ChangeSummary, StoreError
from planwatch.store.tables import DocumentFactRow, DocumentRow
from planwatch.store.writer import Row, Writer, chunks

FACT_FIELDS = ("text", "subject", "measure", "value", "unit", "period", "modality", "qualifier", "baseline")


class DocumentWriter(Writer):
    """The document writes of one transaction."""

    def document(self, name: str, text_sha256: str, rows: list[Row]) -> int:
        """Record a document's fact rows (replacing those of an earlier read of the same text); return its id."""
        conn = self.conn
        docs: Table = DocumentRow.__table__
        fact_table: Table = DocumentFactRow.__table__
        columns = ["span_start", "span_end", *FACT_FIELDS, "extra"]
        doc = conn.execute(select(docs).where(docs.c.sha256 == text_sha256)).one_or_none()
        if doc is not None:
            old = [
                dict(zip(columns, r, strict=True))
                for r in conn.execute(
                    select(*(fact_table.c[c] for c in columns))
                    .where(fact_table.c.document_id == doc.id)
                    .order_by(fact_table.c.id)
                )
            ]
            if old == rows and doc.name == name:
                return doc.id
            conn.execute(delete(fact_table).where(fact_table.c.document_id == doc.id))
            conn.execute(update(docs).where(docs.c.id == doc.id).values(name=name, ingested_at=self.at, user=self.user))
            doc_id = doc.id
            before = {"name": doc.name, "facts": len(old)}
            self.log("update", docs.name, text_sha256, before, {"name": name, "facts": len(rows)})
        else:
            doc_id = conn.execute(
                docs.insert()
                .values(name=name, sha256=text_sha256, ingested_at=self.at, user=self.user)
                .returning(docs.c.id)
            ).scalar_one()
            self.log("insert", docs.name, text_sha256, None, {"name": name, "facts": len(rows)})
        for batch in chunks([{**r, "document_id": doc_id} for r in rows]):
            conn.execute(fact_table.insert(), batch)
        return doc_id


def _fact_row(document: str, index: int, fact: dict[str, Any]) -> Row:
    """Turn a fact of the exchange format into a row; a malformed fact → StoreError naming it."""
    try:
        span = fact["span"]
        start, end = int(span[0]), int(span[1])
        value = float(fact["value"])
        measure = str(fact["measure"])
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise StoreError(f"{document} 第 {index + 1} 条数据格式不对（需要 span、measure、value）：{exc}") from exc
    row: Row = {"span_start": start, "span_end": end}
    for f in FACT_FIELDS:
        row[f] = fact.get(f)
    row["value"] = value
    row["measure"] = measure
    row["text"] = row["text"] or ""
    row["modality"] = row["modality"] or "actual"
    extra = {k: v for k, v in fact.items() if k not in FACT_FIELDS and k != "span"}
    row["extra"] = extra or None
    return row


class DocumentStore:
    """Document writes and reads of :class:`~planwatch.store.service.Store` (which supplies the engine)."""

    def save_document(self, name: str, text_sha256: str, facts: list[dict[str, Any]], *, user: str) -> int:
        """Record a document's facts (replacing those of an earlier read of the same text); return its id."""
        self._ensure()
        rows = [_fact_row(name, i, fact) for i, fact in enumerate(facts)]
        with self._writer.begin() as conn:
            writer = DocumentWriter(conn, user, ChangeSummary())
            doc_id = writer.document(name, text_sha256, rows)
            writer.flush()
        return doc_id

    def search_facts(
        self,
        text: str | None = None,
        subject: str | None = None,
        *,
        document: str | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Return stored document facts whose text or subject contains ``text`` and subject contains ``subject``.

        Each result is the fact in the exchange format plus ``document`` (name),
        ``document_id`` and ``sha256``.
        """
        self._ensure()
        facts: Table = DocumentFactRow.__table__
        docs: Table = DocumentRow.__table__
        query = select(facts, docs.c.name.label("document_name"), docs.c.sha256).join(
            docs, docs.c.id == facts.c.document_id
        )
        if text:
            pattern = f"%{escape_like(text)}%"
            query = query.where(
                or_(facts.c.text.like(pattern, escape="\\"), facts.c.subject.like(pattern, escape="\\"))
            )
        if subject:
            query = query.where(facts.c.subject.like(f"%{escape_like(subject)}%", escape="\\"))
        if document:
            query = query.where(or_(docs.c.name == document, docs.c.sha256 == document))
        query = query.order_by(facts.c.document_id, facts.c.span_start, facts.c.id)
        if limit:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        out = []
        for r in rows:
            fact: dict[str, Any] = {"span": [r.span_start, r.span_end]}
            fact.update({f: getattr(r, f) for f in FACT_FIELDS})
            fact.update(r.extra or {})
            if r.indicator:  # the library's canonical name (an earlier ingest kept a catalog code in extra)
                fact["indicator"] = r.indicator
            fact.update({"document": r.document_name, "document_id": r.document_id, "sha256": r.sha256})
            out.append(fact)
        return out
