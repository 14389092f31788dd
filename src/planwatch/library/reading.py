"""Read one document for the library: its text, metadata, region, genre, facts and word targets.

This is what runs in the worker processes of ``library add``: a pure function of one file
(or archive member) that returns a plain, picklable record and never touches the database.
Every failure becomes a ``Failed`` record naming the file and the reason, so one bad file
never stops the rest.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from types import SimpleNamespace
from typing import Any

from planwatch.library.sources import Source

CAPTION_LINES = 6
CAPTION_MAX_CHARS = 80
SALUTATIONS = ("各位代表", "同志们")
NO_YEAR = "未能识别年份：标题、日期和文件名都没有写明年份，可用 planwatch library set 文档 --year 年份 指定"


@dataclass(slots=True)
class Entry:
    """A document as the library stores it (text and facts included)."""

    source: str
    name: str
    sha256: str
    format: str
    text: str
    title: str | None
    issuer: str | None
    issued: str | None
    year: int | None
    period: str | None
    genre: str
    region_code: str | None
    region_name: str | None
    region_level: str | None
    facts: list[dict[str, Any]] = field(default_factory=list)
    word_targets: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Known:
    """A document whose text the library already holds (same sha256): nothing to do."""

    source: str
    sha256: str


@dataclass(slots=True)
class Failed:
    """A document that could not be read, with the reason in Chinese."""

    source: str
    reason: str


def text_sha256(text: str) -> str:
    """Return the sha256 the store keys a document by: of its text as UTF-8 (the same as ``ingest``)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _read(source: Source):
    from planwatch.documents import read

    if source.member is None:
        return read(source.path)
    suffix = PurePosixPath(source.member).suffix
    with zipfile.ZipFile(source.path) as archive, tempfile.TemporaryDirectory(prefix="planwatch-library-") as tmp:
        target = Path(tmp) / f"member{suffix}"
        target.write_bytes(archive.read(source.member))
        document = read(target)
    return document


def caption_of(text: str, title: str | None) -> str:
    """Return the 题注 of a report: the short lines at its top other than the title (where and by whom it was given).

    The head ends at the first long line (the body's first paragraph) or the salutation.
    """
    lines = []
    for line in (raw.strip() for raw in text[:2000].splitlines()):
        if not line:
            continue
        if len(line) > CAPTION_MAX_CHARS or line.startswith(SALUTATIONS) or len(lines) == CAPTION_LINES:
            break
        if line.replace(" ", "").replace("\u3000", "") != (title or ""):
            lines.append(line)
    return "\n".join(lines)


def read_entry(source: Source, known: frozenset[str] = frozenset()) -> Entry | Known | Failed:
    """Read ``source`` into an ``Entry``; ``Known`` when its text's sha256 is in ``known``; ``Failed`` on any error."""
    from planwatch.documents import DocumentError

    try:
        document = _read(source)
    except DocumentError as exc:
        return Failed(source.label, exc.problem)
    except (zipfile.BadZipFile, OSError, KeyError) as exc:
        return Failed(source.label, f"无法读取（{exc}）")
    sha = text_sha256(document.text)
    if sha in known:
        return Known(source.label, sha)
    try:
        return entry_of(document.text, document.format, label=source.label, name=source.name)
    except Exception as exc:  # an extractor bug on one odd file must not stop a run of thousands
        return Failed(source.label, f"提取失败（{type(exc).__name__}: {exc}）")


def entry_of(text: str, format: str, *, label: str, name: str) -> Entry:
    """Return the library's record of a document already read: metadata, region, genre, facts, word targets.

    Pure, and the one place a document becomes a library entry: ``library add`` calls it in
    its workers, ``ingest`` on the report it was given, so both store the same record.
    """
    from planwatch.documents.metadata import read_metadata
    from planwatch.documents.model import year_in_file_name
    from planwatch.extract import extract_facts
    from planwatch.library.genres import classify_genre
    from planwatch.library.indicators import indicator_of
    from planwatch.library.regions import identify_region
    from planwatch.library.word_targets import word_targets

    meta = read_metadata(text, fallback_year=year_in_file_name(name))
    region = identify_region(meta.title or name, meta.issuer, caption_of(text, meta.title), text)
    facts = [
        fact.to_dict() | {"indicator": indicator_of(fact)}
        for fact in extract_facts(SimpleNamespace(text=text, metadata=meta))
    ]
    warnings = list(region.warnings)
    if meta.year is None:
        warnings.append(NO_YEAR)
    return Entry(
        label,
        name,
        text_sha256(text),
        format,
        text,
        meta.title,
        meta.issuer,
        meta.date,
        meta.year,
        meta.period,
        classify_genre(meta.title or name, text),
        region.code,
        region.name,
        region.level,
        facts,
        [w.to_dict() for w in word_targets(text)],
        warnings,
    )


def worker_init() -> None:
    """Keep a worker from competing with the parent for the terminal's Ctrl-C (the parent stops the pool)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    os.environ.setdefault("PLANWATCH_WORKER", "1")
