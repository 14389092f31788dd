"""Document facts: saved once per text, searchable by words of their text or subject."""

from __future__ import annotations

import hashlib
import re

import pytest

from planwatch.store import Store, StoreError

TEXT = "江川市上半年规上工业增加值增长5.6%，社会消费品零售总额812.3亿元。"
SHA = hashlib.sha256(TEXT.encode()).hexdigest()
FACTS = [
    {
        "span": [15, 19],
        "text": "5.6%",
        "subject": "规上工业增加值",
        "measure": "growth",
        "value": 5.6,
        "unit": "%",
        "period": "2025-01/2025-06",
        "modality": "actual",
        "qualifier": None,
        "baseline": "yoy",
    },
    {
        "span": [29, 36],
        "text": "812.3亿元",
        "subject": "社会消费品零售总额",
        "measure": "level",
        "value": 81230000000.0,
        "unit": "元",
        "period": "2025-01/2025-06",
        "modality": "actual",
        "qualifier": None,
        "baseline": None,
    },
]


def test_saved_facts_are_found_by_subject_and_keep_every_schema_field(store: Store) -> None:
    doc_id = store.save_document("江川市上半年经济运行.txt", SHA, FACTS, user="规划处")
    found = store.search_facts(subject="零售")
    assert len(found) == 1
    fact = found[0]
    assert {k: fact[k] for k in FACTS[1]} == FACTS[1]
    assert (fact["document"], fact["document_id"], fact["sha256"]) == ("江川市上半年经济运行.txt", doc_id, SHA)


def test_text_search_looks_in_the_number_and_the_subject(store: Store) -> None:
    store.save_document("江川市上半年经济运行.txt", SHA, FACTS, user="规划处")
    assert [f["text"] for f in store.search_facts("5.6%")] == ["5.6%"]
    assert [f["subject"] for f in store.search_facts("工业")] == ["规上工业增加值"]
    assert len(store.search_facts()) == 2
    assert store.search_facts("100%") == []


def test_reading_the_same_text_again_keeps_one_document_and_writes_nothing(store: Store) -> None:
    first = store.save_document("江川市上半年经济运行.txt", SHA, FACTS, user="规划处")
    audit = store.audit_count()
    assert store.save_document("江川市上半年经济运行.txt", SHA, FACTS, user="规划处") == first
    assert store.audit_count() == audit
    assert store.save_document("江川市上半年经济运行.txt", SHA, FACTS[:1], user="规划处") == first
    assert len(store.search_facts()) == 1
    assert store.audit_log(limit=1)[0].after == {"name": "江川市上半年经济运行.txt", "facts": 1}


def test_a_fact_without_a_value_is_refused_naming_the_document_and_the_fact(store: Store) -> None:
    broken = [FACTS[0], {"span": [1, 2], "text": "x", "measure": "level"}]
    with pytest.raises(StoreError, match=re.escape("报告.txt 第 2 条")):
        store.save_document("报告.txt", SHA, broken, user="规划处")
    assert store.search_facts() == []


def test_the_sample_spans_point_at_their_text() -> None:
    assert [TEXT[f["span"][0] : f["span"][1]] for f in FACTS] == [f["text"] for f in FACTS]
