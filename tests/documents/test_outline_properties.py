"""Whatever the text, the outline and metadata readers neither crash nor hand out bad spans."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from planwatch.documents.metadata import read_metadata
from planwatch.documents.outline import build_outline

# pieces that look like headings, dates and periods, glued at random
PIECES = st.sampled_from(
    [
        "一、",
        "十二、",
        "(一)",
        "（二）",
        "(三）",
        "1.",
        "2、",
        "３．",
        "(1)",
        "（2）",
        "①",
        "一是",
        "二是",
        "三是",
        "。",
        "；",
        "：",
        "\n",
        "\r\n",
        "　　",
        " ",
        "江川市",
        "增长5.2%",
        "1.5%",
        "2025.",
        "2025年1—6月",
        "上半年",
        "前三季度",
        "──2025年7月28日在会议上",
        "人民政府",
        "关于",
        "的报告",
        "二〇二五年七月一日",
    ]
)
TEXTS = st.one_of(st.text(max_size=300), st.lists(PIECES, max_size=80).map("".join))


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_every_heading_span_lies_inside_its_section_and_sections_nest(text: str) -> None:
    outline = build_outline(text)
    for heading in outline:
        start, end = heading.span
        section_start, section_end = heading.section_span
        assert 0 <= section_start == start < end <= section_end <= len(text)
        assert text[start:end].startswith(heading.label)
        for before, after in zip(heading.children, heading.children[1:], strict=False):
            assert before.section_span[1] <= after.section_span[0]
        for child in heading.children:
            assert section_start <= child.section_span[0] and child.section_span[1] <= section_end
            assert child.level == heading.level + 1
    for offset in range(0, len(text), 7):
        chain = outline.enclosing(offset)
        assert all(h.section_span[0] <= offset < h.section_span[1] for h in chain)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_metadata_is_always_well_formed(text: str) -> None:
    metadata = read_metadata(text)
    if metadata.period is not None:
        first, last = metadata.period.split("/")
        assert first[:4] == last[:4] and first <= last
    if metadata.date is not None:
        assert len(metadata.date) == 10
    for value in (metadata.title, metadata.issuer):
        assert value is None or (value.strip() and "\n" not in value)
