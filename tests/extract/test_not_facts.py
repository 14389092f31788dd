"""What is not a fact: years, dates, ordinals, sessions, code names, specs in names, labels, thresholds.

Each row is a phrase of our own writing that must yield no fact at all, or (when the row marks a
substring) no fact whose span touches the marked part, e.g. ``亿元`` in ``亿元以上项目52个``.
"""

from __future__ import annotations

import pytest

from planwatch.extract import extract_facts

from .phrase_cases import NOT_FACTS, NotFact, not_fact_problems


@pytest.mark.parametrize("row", NOT_FACTS)
def test_a_phrase_that_states_no_quantity_yields_no_fact(row: NotFact) -> None:
    problems = not_fact_problems(row, extract_facts(row.phrase))
    if problems:
        pytest.fail(f"phrase: {row.phrase}\n  " + "\n  ".join(problems), pytrace=False)


def test_the_not_facts_table_has_at_least_sixty_rows() -> None:
    assert len(NOT_FACTS) >= 60
