"""Ingest a published report into a plan: its figures become progress, targets or searchable facts."""

from planwatch.ingest.matching import Matched, Matching, NewTarget, match_facts
from planwatch.ingest.service import IngestError, IngestResult, ingest_document

__all__ = ["IngestError", "IngestResult", "Matched", "Matching", "NewTarget", "ingest_document", "match_facts"]
