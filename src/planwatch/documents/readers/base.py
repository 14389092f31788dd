"""What readers share: the error they raise, without the path (the dispatcher adds it)."""

from __future__ import annotations


class Unreadable(Exception):
    """The bytes cannot be read as the format claimed; the message is one line, Chinese first."""

    def __init__(self, problem: str) -> None:
        super().__init__(" ".join(problem.split()))
