"""Readers given arbitrary input fail with their own one-line error, never with a crash."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planwatch.documents.encoding import NotText, decode_bytes
from planwatch.documents.readers.base import Unreadable
from planwatch.documents.readers.pdf_furniture import drop_furniture
from planwatch.documents.readers.rtf import rtf_to_text

RTF_PIECES = st.sampled_from(
    [
        "{", "}", "\\par ", "\\'b9", "\\'", "\\u-3913?", "\\uc2 ", "\\*", "\\fonttbl", "\\f0", "\\fcharset134 ",
        "\\ansicpg936 ", "\\bin5 ", "\\field", "\\fldrslt ", "\\cell ", "\\row ", "增长", "5.2%", "\\", " ",
    ]
)
PAGE_LINES = st.sampled_from(["— 1 —", "1", "2", "第2页", "江川市", "增长5%。", "", "  "])


@settings(max_examples=200, deadline=None)
@given(st.lists(RTF_PIECES, max_size=60))
def test_any_rtf_token_soup_reads_to_text(pieces: list[str]) -> None:
    data = ("{\\rtf1" + "".join(pieces)).encode("utf-8")
    assert isinstance(rtf_to_text(data), str)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_decode_or_raise_a_one_line_not_text(data: bytes) -> None:
    try:
        text, codec = decode_bytes(data)
    except NotText as exc:
        assert "\n" not in str(exc)
    else:
        assert isinstance(text, str) and codec


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(PAGE_LINES, max_size=6), max_size=5))
def test_dropping_page_furniture_only_removes_lines(pages: list[list[str]]) -> None:
    kept = drop_furniture(pages)
    assert len(kept) == len(pages)
    for before, after in zip(pages, kept, strict=True):
        remaining = iter(before)
        assert all(any(line == candidate for candidate in remaining) for line in after)  # a subsequence


def test_a_file_that_only_claims_to_be_rtf_is_unreadable() -> None:
    with pytest.raises(Unreadable, match="不是有效的 RTF 文件"):
        rtf_to_text(b"rtf1 no brace")
