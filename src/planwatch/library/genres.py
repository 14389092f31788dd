"""The genre of a report (政府工作报告, 统计公报, …) from its title and opening: a pure function of text."""

from __future__ import annotations

from planwatch.library.vocabulary import GENRE_OPENINGS, GENRES, OPENING_CHARS, OTHER_GENRE


def classify_genre(title: str | None, text: str) -> str:
    """Return the genre the title names, else the one the opening implies, else ``其他``.

    The title decides because it is the report's own word for itself; a report without one
    (the text of a speech as published) is told by its opening (向大会报告政府工作).
    """
    compact = (title or "").replace(" ", "").replace("\u3000", "")
    for genre, words in GENRES:
        if any(w in compact for w in words):
            return genre
    opening = text[:OPENING_CHARS]
    for genre, words in GENRE_OPENINGS:
        if any(w in opening for w in words):
            return genre
    return OTHER_GENRE
