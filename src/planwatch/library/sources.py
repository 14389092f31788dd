"""What ``library add PATH...`` reads: files, the report files under folders, and the members of .zip archives.

Paths are listed before any is read, so the progress bar knows the total; a source is a
small record (a path and, inside an archive, a member name), so a listing of 100,000 reports
stays a few megabytes. Files named on the command line are always tried (an unsupported one
is reported); under a folder or in an archive only files of a type the readers know (or are
known to refuse with advice) are taken, and hidden files are skipped.
"""

from __future__ import annotations

import os
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from planwatch.documents.readers import KNOWN_UNSUPPORTED, READERS

ARCHIVE_SUFFIX = ".zip"


@dataclass(frozen=True, slots=True)
class Source:
    """One document to add: a file, or ``member`` of the archive at ``path``."""

    path: str
    member: str | None = None

    @property
    def label(self) -> str:
        """How messages and the library name it: the path, or ``archive.zip!member``."""
        return f"{self.path}!{self.member}" if self.member else self.path

    @property
    def name(self) -> str:
        """The file name the document is stored under."""
        return PurePosixPath(self.member).name if self.member else Path(self.path).name


@dataclass(frozen=True, slots=True)
class Unlisted:
    """A path that could not be listed (missing, an unreadable archive), with the reason in Chinese."""

    label: str
    reason: str


def _wanted(name: str) -> bool:
    suffix = PurePosixPath(name).suffix.lower()
    base = PurePosixPath(name).name
    return not base.startswith(".") and (suffix in READERS or suffix in KNOWN_UNSUPPORTED)


def _archive(path: str) -> Iterator[Source | Unlisted]:
    try:
        with zipfile.ZipFile(path) as archive:
            members = [i.filename for i in archive.infolist() if not i.is_dir()]
    except (zipfile.BadZipFile, OSError) as exc:
        yield Unlisted(path, f"压缩包无法打开（{exc}）")
        return
    for member in sorted(members):
        if _wanted(member) and "__MACOSX" not in member:
            yield Source(path, member)


def list_sources(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Source | Unlisted]:
    """Yield every document under ``paths`` (files, folders walked in name order, .zip members)."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for folder, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for file in sorted(files):
                    full = os.path.join(folder, file)
                    if file.lower().endswith(ARCHIVE_SUFFIX):
                        yield from _archive(full)
                    elif _wanted(file):
                        yield Source(full)
        elif path.suffix.lower() == ARCHIVE_SUFFIX and path.is_file():
            yield from _archive(str(path))
        elif path.exists():
            yield Source(str(path))
        else:
            yield Unlisted(str(path), "文件或文件夹不存在")
