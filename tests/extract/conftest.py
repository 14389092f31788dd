"""Test ids that read as the phrase: pytest escapes non-ASCII ids unless a hook supplies them."""

from __future__ import annotations

from .phrase_cases import Case, NotFact


def pytest_make_parametrize_id(config: object, val: object, argname: str) -> str | None:
    """``family:phrase`` for rows of the phrase tables; ``None`` (pytest's default) for anything else."""
    if isinstance(val, Case):
        return f"{val.family}:{val.label}"
    if isinstance(val, NotFact):
        return f"{val.family}:{val.label}" + (f"[{val.marked}]" if val.marked else "")
    return None
