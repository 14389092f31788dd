"""What readers share: the error they raise, without the path (the dispatcher adds it)."""

from __future__ import annotations

import re


class Unreadable(Exception):
    """The bytes cannot be read as the format claimed; the message is one line, Chinese first."""

    def __init__(self, problem: str) -> None:
        super().__init__(" ".join(problem.split()))


# Chinese characters, CJK and full-width punctuation, curly quotes: a space between two of
# these is an artefact of line wrapping or glyph positioning, not writing.
_WIDE = r"\u2e80-\u9fff\uff00-\uffef\u3000-\u303f“”‘’"
_SPACE_BETWEEN_WIDE = re.compile(rf"(?<=[{_WIDE}])[ \u00a0]+(?=[{_WIDE}])")


def squeeze_spaces_between_wide(text: str) -> str:
    """Drop spaces standing between two Chinese characters or marks (增 长 → 增长)."""
    return _SPACE_BETWEEN_WIDE.sub("", text)
