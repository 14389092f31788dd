"""Logging for a server run by an IT department: one line per event, a request id on each, a rotating file.

The request id is a context variable: the web middleware sets it for each request, and
every log line written while the request runs carries it, so a user's complaint with the
``X-Request-ID`` of the page (shown on error pages) finds all lines of that request.

Several worker processes may write one log file: each line is one ``write`` in append mode,
and the handler reopens the file when another process has rotated it away, so lines
always go to the current file instead of to a renamed one.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from contextvars import ContextVar
from pathlib import Path

#: The current request's id ("-" outside a request).
REQUEST_ID: ContextVar[str] = ContextVar("planwatch_request_id", default="-")

FORMAT = "%(asctime)s %(levelname)s [%(process)d] %(request_id)s %(name)s: %(message)s"
#: Rotation: 10 MB a file, the current one and five old ones.
MAX_BYTES = 10 * 1024 * 1024
BACKUPS = 5


class RequestIdFilter(logging.Filter):
    """Put the current request id on every record as ``request_id``."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = REQUEST_ID.get()
        return True


class SharedRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating file handler that follows a rotation done by another process."""

    def emit(self, record: logging.LogRecord) -> None:
        if self.stream is not None and self._rotated_elsewhere():
            self.stream.close()
            self.stream = None  # reopened on the next write
        super().emit(record)

    def _rotated_elsewhere(self) -> bool:
        try:
            on_disk = os.stat(self.baseFilename)
        except FileNotFoundError:
            return True
        mine = os.fstat(self.stream.fileno())
        return (on_disk.st_dev, on_disk.st_ino) != (mine.st_dev, mine.st_ino)


def configure(log_file: str | os.PathLike[str] | None, level: str = "INFO") -> None:
    """Send planwatch's and uvicorn's logs to ``log_file`` (rotated) or, without one, to stderr.

    Repeatable: a second call replaces the handlers of the first (each worker calls it).
    """
    if log_file is not None:
        path = Path(log_file).expanduser().resolve()
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = SharedRotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
        )
    else:
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.addFilter(RequestIdFilter())
    for name in ("planwatch", "uvicorn.error"):
        logger = logging.getLogger(name)
        for old in list(logger.handlers):
            logger.removeHandler(old)
            old.close()
        logger.addHandler(handler)
        logger.setLevel(level.upper())
        logger.propagate = False
