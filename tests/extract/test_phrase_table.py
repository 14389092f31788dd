"""Specification by example: each phrase of the table yields exactly the facts its row lists.

The rows live in ``phrase_cases.py`` (our own phrases about the fictional 江川市), grouped by the rule
family of issue 2 and facts-schema.md. A failure names the phrase and what is missing or wrong.
"""

from __future__ import annotations

import pytest

from planwatch.extract import extract_facts

from .phrase_cases import CASES, Case, case_problems, describe


@pytest.mark.parametrize("case", CASES)
def test_each_phrase_yields_the_facts_its_row_lists(case: Case) -> None:
    facts = extract_facts(case.phrase)
    problems = case_problems(case, facts)
    got = "\n    ".join(describe(f) for f in facts) or "(no facts)"
    if problems:
        pytest.fail(f"phrase: {case.phrase}\n  " + "\n  ".join(problems) + f"\n  got:\n    {got}", pytrace=False)


def test_the_table_covers_every_rule_family_with_enough_rows() -> None:
    families = {c.family for c in CASES}
    assert len(CASES) >= 220
    assert {
        "arabic", "fullwidth", "chinese_numerals", "mixed", "ranges", "yu_duo", "fractions", "magnitudes",
        "measure_words", "compound_units", "growth", "ratio", "change_pp", "rank", "subjects", "periods",
        "modality", "qualifiers", "baselines", "absolute_changes", "index_numbers", "from_to", "streaks",
        "ascii_punctuation", "document_context",
    } <= families


def test_every_expected_span_text_occurs_in_its_phrase() -> None:
    """Guards the table itself: a row whose span text is not in its phrase would test nothing."""
    from .phrase_cases import occurrence

    for case in CASES:
        for want in case.wants:
            span = occurrence(case.phrase, want.text, want.nth)
            assert span, (case.phrase, want.text)
            before = case.phrase[span[0] - 1] if span[0] else ""
            assert not (before.isdigit() or before in ".．"), f"{want.text!r} starts inside a number in {case.phrase!r}"
