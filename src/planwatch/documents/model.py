"""The document as read: its text (what all offsets refer to) and where it came from."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import PurePath
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from planwatch.documents.metadata import DocumentMetadata
    from planwatch.documents.outline import Outline


class DocumentError(Exception):
    """A file that cannot be read as a document; the message names the file and the problem."""

    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}")


@dataclass(frozen=True)
class Document:
    """A report read into text.

    ``text`` is kept exactly as decoded (only a byte-order mark is dropped), so that
    character offsets in facts and outlines can be checked against the file.
    """

    path: str
    text: str
    format: str  # "txt", "docx", "html", "pdf" or "rtf" (what the content is, whatever the file is called)

    @cached_property
    def outline(self) -> Outline:
        """The heading tree of the text, built on first use."""
        from planwatch.documents.outline import build_outline

        return build_outline(self.text)

    @cached_property
    def metadata(self) -> DocumentMetadata:
        """Title, issuer, date, year and period as the text states them, read on first use."""
        from planwatch.documents.metadata import read_metadata

        return read_metadata(self.text, fallback_year=year_in_file_name(self.path))


_FILE_NAME_YEAR = re.compile(r"(?<![0-9])(19[5-9][0-9]|20[0-9]{2})(?![0-9])")


def year_in_file_name(path: str) -> int | None:
    """Return a year written in a file's name (``…-analysis-2016.txt`` → 2016), if exactly one.

    Downloaded reports are usually named after their year even when their text only says
    今年 or 上半年; two different years in a name tell nothing.
    """
    years = {int(y) for y in _FILE_NAME_YEAR.findall(PurePath(path).stem)}
    return years.pop() if len(years) == 1 else None
