"""File downloads: one way to send a CSV or a workbook with a Chinese file name Excel keeps."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

from fastapi import Response

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def attachment(content: bytes | str, media_type: str, name: str) -> Response:
    """Return ``content`` as a download named ``name`` (RFC 5987, so 监测台账.xlsx survives)."""
    return Response(
        content,
        media_type=media_type,
        headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quote(name)}"},
    )


def workbook(write: Callable[[Path], object], name: str) -> Response:
    """Return the workbook ``write(path)`` makes as a download; the file lives only for the request."""
    with tempfile.TemporaryDirectory(prefix="planwatch-download-") as folder:
        path = Path(folder) / "download.xlsx"
        write(path)
        content = path.read_bytes()
    return attachment(content, XLSX, name)
