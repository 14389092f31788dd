"""Which column a header names: the known headers of a sheet, their spelling variants, and near misses.

A typo in an optional header (“情况说名”) used to drop its whole column without a word.
Headers are compared in a normal form — full-width and half-width brackets alike, blanks
and the required mark ``*`` dropped, the aliases of :data:`HEADER_ALIASES` — so the same
form is the same column. A header that nearly matches a column the sheet lacks is an
error naming the column it probably is; any other unknown header is ignored and reported
as a warning. Sheet names are judged the same way. Pure functions: texts in, findings out.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

from planwatch.exchange.columns import ALL_SHEETS, HEADER_ALIASES, READING_SHEETS, Sheet

#: A trailing unit or note in brackets, as in 总投资（万元）, compared apart from the name.
BRACKETED_SUFFIX = re.compile(r"\([^()]*\)$")


def header_form(text: str) -> str:
    """Return the form headers are compared in: NFKC (（→(), no blanks, no ``*`` marks, case folded."""
    folded = unicodedata.normalize("NFKC", text)
    return "".join(folded.split()).strip("*").casefold()


#: Normal form → the header of the exchange format, for every sheet's columns and aliases.
KNOWN_HEADER_FORMS: dict[str, str] = {
    header_form(column.header): column.header for sheet in ALL_SHEETS.values() for column in sheet.layout
} | {header_form(alias): header for alias, header in HEADER_ALIASES.items()}
#: Normal form → the name of a sheet planwatch knows (data sheets and the sheets it writes for reading).
KNOWN_SHEET_FORMS: dict[str, str] = {header_form(name): name for name in (*ALL_SHEETS, *READING_SHEETS)}


def canonical_header(text: str) -> str:
    """Return the exchange header ``text`` spells (“总投资(万元)” → “总投资（万元）”), else ``text``."""
    return KNOWN_HEADER_FORMS.get(header_form(text), text)


def canonical_sheet_name(name: str) -> str:
    """Return the sheet name ``name`` spells (blanks or bracket width aside), else ``name``."""
    return KNOWN_SHEET_FORMS.get(header_form(name), name)


def edit_distance(a: str, b: str) -> int:
    """Return the Levenshtein distance of two short texts (insertions, deletions, substitutions)."""
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def allowed_edits(form: str) -> int:
    """Return how many edits still make a near miss of ``form``: none for 2–3 characters (单位, 年度).

    One wrong character in four (情况说名) is a typo; in two (单价 for 单位) it is another word.
    """
    return (len(form) - 1) // 3


def near_misses(written: str, candidates: Iterable[str]) -> list[str]:
    """Return the candidates ``written`` is most likely a misspelling of (the closest, ties in order).

    Close means a few edits away (see :func:`allowed_edits`), or the same name with its
    bracketed unit left out or changed (总投资 or 总投资(元) for 总投资（万元）).
    """
    form = header_form(written)
    bare = BRACKETED_SUFFIX.sub("", form)
    best: list[str] = []
    least = 0.0
    for candidate in candidates:
        target = header_form(candidate)
        target_bare = BRACKETED_SUFFIX.sub("", target)
        if target_bare != target and bare == target_bare:
            distance = 0.5  # the name is right, the unit is missing or another one
        else:
            distance = edit_distance(form, target)
            if distance > allowed_edits(target):
                continue
        if not best or distance < least:
            best, least = [candidate], distance
        elif distance == least:
            best.append(candidate)
    return best


def near_miss(written: str, candidates: Iterable[str]) -> str | None:
    """Return the candidate ``written`` is most likely a misspelling of, or None when none is close."""
    found = near_misses(written, candidates)
    return found[0] if found else None


def guess_text(guesses: Sequence[str]) -> str:
    """Return “A” or “A”或“B” for a message."""
    return "或".join(f"“{g}”" for g in guesses)


@dataclass(frozen=True, slots=True)
class HeaderFinding:
    """An unknown, misspelt or repeated header (or sheet name), and what to tell the user."""

    position: int  # 1-based column number (0 for a sheet name)
    written: str  # as the file has it
    message: str  # Chinese, without the file and sheet (the caller adds those)
    error: bool  # True: the import stops; False: the column is ignored and the summary warns
    suggestion: str | None = None  # the known header (or sheet) it probably is


def check_headers(written: Sequence[str], sheet: Sheet) -> list[HeaderFinding]:
    """Return the findings on a sheet's header row (as written, blanks trimmed), left to right.

    A header of a column the sheet does not have is an error when it is a near miss of a
    column the row lacks, otherwise a warning; a known header twice is an error (which
    column holds the data?).
    """
    known = {column.header for column in sheet.layout}
    canonical = [canonical_header(text) if text else "" for text in written]
    present = set(canonical)
    first_at: dict[str, int] = {}
    findings = []
    for position, (text, header) in enumerate(zip(written, canonical, strict=True), start=1):
        if not text:
            continue
        if header in known:
            if header in first_at:
                findings.append(
                    HeaderFinding(
                        position,
                        text,
                        f"第{position}列表头“{text}”与第{first_at[header]}列重复，无法确定读取哪一列",
                        error=True,
                    )
                )
            else:
                first_at[header] = position
            continue
        guesses = near_misses(text, [h for h in sheet.headers if h not in present])
        if guesses:
            message = f"第{position}列表头“{text}”无法识别，是否为{guess_text(guesses)}？"
            findings.append(HeaderFinding(position, text, message, error=True, suggestion=guesses[0]))
        else:
            findings.append(
                HeaderFinding(position, text, f"已忽略未知列“{text}”（第{position}列，未导入）", error=False)
            )
    return findings


def check_sheet_names(names: Collection[str], filled: Mapping[str, bool] | None = None) -> list[HeaderFinding]:
    """Return the findings on a workbook's sheet names: near misses of a missing sheet, unknown sheets.

    ``filled`` tells which sheets hold anything; an empty unknown sheet (Excel's blank
    “Sheet1”) is not worth a word.
    """
    findings = []
    for name in names:
        if name in ALL_SHEETS or name in READING_SHEETS or (filled is not None and not filled.get(name, True)):
            continue
        guesses = near_misses(name, [s for s in ALL_SHEETS if s not in names])
        if guesses:
            message = f"工作表“{name}”无法识别，是否为{guess_text(guesses)}？"
            findings.append(HeaderFinding(0, name, message, error=True, suggestion=guesses[0]))
        else:
            findings.append(HeaderFinding(0, name, f"已忽略未知工作表“{name}”（未导入）", error=False))
    return findings


__all__ = [
    "HeaderFinding",
    "canonical_header",
    "canonical_sheet_name",
    "check_headers",
    "check_sheet_names",
    "header_form",
    "near_miss",
    "near_misses",
]
