"""Atomic file and folder writes: readers see the old file or the new one, never half of one.

Every layer that writes files (exports, templates, extract output, demo data) uses these.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path


def _process_umask() -> int:
    """Return the process umask (read once at import, while nothing else runs)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


#: Files and folders written here get the usual permissions (0644 / 0755 under umask 022):
#: the temporary ones ``tempfile`` makes are 0600 / 0700, which other users of the
#: group could not read once moved into place.
FILE_MODE = 0o666 & ~_process_umask()
FOLDER_MODE = 0o777 & ~_process_umask()


@contextlib.contextmanager
def atomic_file(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path next to ``path``; on success move it over ``path``.

    The temporary file lives in the same folder so ``os.replace`` is a rename on one
    file system; on any error it is removed and ``path`` is left as it was.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        if tmp.exists():
            tmp.chmod(FILE_MODE)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def atomic_folder(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary folder next to ``path``; on success it takes the place of ``path``.

    An existing folder at ``path`` is moved aside first and removed only after the new
    one is in place, so a failure never leaves a half-written folder under that name.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    try:
        yield tmp
        tmp.chmod(FOLDER_MODE)
        old = None
        if target.exists():
            if not target.is_dir():
                raise FileExistsError(17, "已存在同名文件，不是文件夹", str(target))
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old", dir=target.parent))
            os.replace(target, old / "previous")
        os.replace(tmp, target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def create_once(path: str | os.PathLike[str], text: str) -> str:
    """Write ``text`` to ``path`` unless it exists, and return what ``path`` holds: ours or the earlier one.

    The content is written completely to a private temporary file (mode 0600) first and then
    hard-linked into place, which fails when ``path`` exists; so two processes racing get one
    file, and no reader ever sees it half-written. For secrets made on first use.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        with contextlib.suppress(FileExistsError):
            os.link(tmp_name, target)
    finally:
        os.unlink(tmp_name)
    return target.read_text(encoding="utf-8")
