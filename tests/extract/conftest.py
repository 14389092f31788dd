"""Test ids that read as the phrase: pytest escapes non-ASCII ids unless a hook supplies them."""

from __future__ import annotations

from .phrase_cases import Case, NotFact


def pytest_make_parametrize_id(config: object, val: object, argname: str) -> str | None:
    """``family:phrase`` for table rows, the name of an adversarial pattern; ``None`` (the default) otherwise."""
    if isinstance(val, Case):
        return f"{val.family}:{val.label}"
    if isinstance(val, NotFact):
        return f"{val.family}:{val.label}" + (f"[{val.marked}]" if val.marked else "")
    if argname == "adversarial_pattern" and isinstance(val, str):
        return val
    return None
