"""``report verify``: which figures of an edited report no longer match the data, and which were added by hand.

Both sides go through the same path: the edited DOCX is read with our own reader
(:func:`planwatch.documents.read`) and its figures taken by our own extractor
(:func:`planwatch.extract.extract_facts`); the report is composed afresh from the data,
written as a DOCX and read back the same way. A figure is then a fact keyed by what it
measures (subject, measure, unit, period, modality). Per key, values found on both sides
cancel; an edited value left over against a composed one is a changed figure, an edited
value with nothing left to pair is a figure added by hand. Wording changes that keep the
figures are no finding; the 数据来源 appendix (and Word comments) are not part of the text.
"""

from __future__ import annotations

import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from planwatch.documents import read
from planwatch.extract import Fact, extract_facts
from planwatch.report.docx_writer import APPENDIX_TITLE, build_docx
from planwatch.report.model import Figure, Report

#: Context shown around a finding, in characters either side.
CONTEXT = 18

Key = tuple[str | None, str, str | None, str | None, str]


@dataclass(frozen=True, slots=True)
class Finding:
    """One figure of the edited report that the data does not bear out."""

    kind: str  # "changed" or "added"
    subject: str | None
    text: str  # the figure as it stands in the edited report
    expected: str | None  # the figure as the data gives it (changed only)
    context: str  # the words around it in the edited report
    offset: int  # character offset in the edited report's text
    source: str = ""  # the record the data figure comes from, when it can be named

    def describe(self) -> str:
        """Return the finding as one Chinese line."""
        subject = f"「{self.subject}」" if self.subject else ""
        where = f"第{self.offset}字附近“{self.context}”"
        if self.kind == "changed":
            origin = f"（来源：{self.source}）" if self.source else ""
            return f"与数据不符：{subject}{self.text}，数据为{self.expected}{origin}；{where}"
        return f"手工添加：{subject}{self.text}，数据中没有对应数字；{where}"


@dataclass(slots=True)
class VerifyResult:
    """What ``report verify`` found: changed figures, added figures, and how many matched."""

    findings: list[Finding] = field(default_factory=list)
    matched: int = 0

    @property
    def clean(self) -> bool:
        """True when every figure of the edited report matches the data."""
        return not self.findings

    def changed(self) -> list[Finding]:
        return [f for f in self.findings if f.kind == "changed"]

    def added(self) -> list[Finding]:
        return [f for f in self.findings if f.kind == "added"]


def body_text(text: str) -> str:
    """Return a report's text without the 数据来源 appendix (the sources, not the report)."""
    cut = text.find(APPENDIX_TITLE)
    return text if cut < 0 else text[:cut]


def _key(fact: Fact) -> Key:
    return (fact.subject, fact.measure, fact.unit, fact.period, fact.modality)


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def _context(text: str, fact: Fact) -> str:
    start, end = fact.span
    return text[max(0, start - CONTEXT) : end + CONTEXT].replace("\n", " ")


def composed_text(report: Report) -> str:
    """Return the text of the composed report as our reader reads its DOCX (the same path as the edited one)."""
    with tempfile.TemporaryDirectory(prefix="planwatch-verify-") as folder:
        path = Path(folder) / "composed.docx"
        build_docx(report, "comments").save(str(path))
        return body_text(read(path).text)


def _source_of(report: Report, fact: Fact) -> str:
    """Name the record behind a composed figure: the figure printed as ``fact.text`` after its subject."""
    for paragraph in report.paragraphs():
        text = paragraph.text
        if fact.subject and fact.subject not in text:
            continue
        for figure in paragraph.figures():
            if figure.text.endswith(fact.text) or fact.text.endswith(figure.text):
                return _describe(figure)
    return ""


def _describe(figure: Figure) -> str:
    s = figure.source
    when = s.as_of.isoformat() if s.as_of else ""
    return " ".join(part for part in (s.record, s.submitted_by, when) if part)


def compare(edited: str, expected: str, report: Report | None = None) -> VerifyResult:
    """Return the findings of ``edited`` text against the ``expected`` text composed from the data."""
    wanted: dict[Key, list[Fact]] = defaultdict(list)
    for fact in extract_facts(expected):
        wanted[_key(fact)].append(fact)
    found: dict[Key, list[Fact]] = defaultdict(list)
    for fact in extract_facts(edited):
        found[_key(fact)].append(fact)
    result = VerifyResult()
    for key, facts in found.items():
        left = list(wanted.get(key, ()))
        unmatched: list[Fact] = []
        for fact in facts:
            twin = next((n for n, w in enumerate(left) if _same(w.value, fact.value)), None)
            if twin is None:
                unmatched.append(fact)
            else:
                left.pop(twin)
                result.matched += 1
        for fact in unmatched:
            if left:
                was = left.pop(0)
                source = _source_of(report, was) if report is not None else ""
                result.findings.append(
                    Finding("changed", fact.subject, fact.text, was.text, _context(edited, fact), fact.span[0], source)
                )
            else:
                result.findings.append(
                    Finding("added", fact.subject, fact.text, None, _context(edited, fact), fact.span[0])
                )
    result.findings.sort(key=lambda f: f.offset)
    return result


def verify_docx(path: str | Path, report: Report) -> VerifyResult:
    """Return the findings of the edited report at ``path`` against ``report`` composed from the data."""
    edited = body_text(read(path).text)
    return compare(edited, composed_text(report), report)
