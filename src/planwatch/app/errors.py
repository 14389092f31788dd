"""The errors a use case raises: what the user asked for does not exist, or is refused.

Faces turn them into their own answers (a Chinese page with 404/400, a JSON ``detail``, a
click error with exit status 1), so every message is a full Chinese sentence for the user.
"""

from __future__ import annotations


class AppError(Exception):
    """A use case could not do what was asked; ``str(error)`` is the Chinese message."""


class NotFound(AppError, LookupError):
    """A plan or item the request names does not exist."""


class Refused(AppError, ValueError):
    """The request is understood but not allowed: a bad value, an ambiguous choice."""


class Invalid(Refused):
    """A submitted value is refused (not a number, negative, absurd, outside the plan year, too long)."""


class NeedsConfirmation(Invalid):
    """A submission is allowed but suspicious; the submitter must confirm the warnings first."""

    def __init__(self, warnings: list[str]) -> None:
        self.warnings = list(warnings)
        super().__init__("请核对后确认提交：" + "；".join(self.warnings))
