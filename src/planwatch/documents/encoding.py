"""Turning the bytes of a text file into text without being told the encoding.

Order: a byte-order mark decides; else strict UTF-8; else the legacy codec whose reading
looks most like Chinese: GB18030 (a superset of GBK and GB2312, what Chinese Windows
writes) unless Big5 (traditional, Taiwan and Hong Kong) or UTF-16 saved without a BOM read
clearly better.  "Looks like Chinese" is the share of the most frequent report characters
(``vocabulary.FREQUENT_HANZI_*``): the same bytes read with a wrong codec give rare ones.
Whatever decodes must also look like text: binary junk often decodes as GB18030, so the
result is checked for control characters and for characters that Chinese reports do not use.
A file whose lines mix UTF-8 and GBK cannot be read either way; the error names the line.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from planwatch.documents.vocabulary import (
    CJK_PUNCTUATION,
    FREQUENT_HANZI_SIMPLIFIED,
    FREQUENT_HANZI_TRADITIONAL,
)

# (byte-order mark, codec), longest first so UTF-32 LE is not taken for UTF-16 LE
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
FALLBACK_CODECS: tuple[str, ...] = ("utf-8", "gb18030")
# legacy codecs that compete with GB18030 for bytes that are not UTF-8 (cp950 is Big5 as
# Windows writes it); UTF-16 joins them for files of even length
RIVAL_CODECS: tuple[str, ...] = ("cp950",)
UTF16_CODECS: tuple[str, ...] = ("utf-16-le", "utf-16-be")
# a rival beats GB18030 only when it reads clearly more like Chinese
RIVAL_MIN_LEAD = 0.05
RIVAL_MIN_RATIO = 2.0
SCORE_SAMPLE_BYTES = 65536
FREQUENT = frozenset(FREQUENT_HANZI_SIMPLIFIED + FREQUENT_HANZI_TRADITIONAL + CJK_PUNCTUATION)
# a line counts as UTF-8 in a mixed file only with this many ideographs (short GBK lines can be valid UTF-8)
MIXED_MIN_IDEOGRAPHS = 4
# UTF-16 whose NUL bytes do not tell its byte order must read at least this much like Chinese
MIN_UNMARKED_UTF16_SCORE = 0.15
# Charset names seen in web pages and what to decode them with (GB18030 reads GBK and GB2312).
CHARSET_ALIASES: dict[str, str] = {
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030", "big5": "cp950",
}
CODEC_NAMES: dict[str, str] = {"gb18030": "GB18030/GBK", "cp950": "Big5", "utf-16-le": "UTF-16", "utf-16-be": "UTF-16"}

ALLOWED_CONTROLS = "\t\n\r\f\v"
MAX_CONTROL_SHARE = 0.001
MIN_PLAUSIBLE_SHARE = 0.95
# non-ASCII characters decoded as UTF-8 before a bad byte that make a file UTF-8 beyond doubt
MIN_UTF8_EVIDENCE = 20
# share of NUL bytes on one side of the byte pairs that marks UTF-16 without a BOM
UTF16_NUL_SIDE = 0.95


class NotText(ValueError):
    """The bytes do not decode to plausible text; the message says why, in Chinese."""


def _is_plausible_char(ch: str) -> bool:
    code = ord(ch)
    if code < 0x80:
        return True
    category = unicodedata.category(ch)
    if category in ("Co", "Cn", "Cs", "Cc"):  # private use, unassigned, surrogates, controls
        return False
    if 0x4E00 <= code <= 0x9FFF or 0x3000 <= code <= 0x303F or 0xFF00 <= code <= 0xFFEF:
        return True  # CJK ideographs, CJK punctuation, full-width forms
    return category[0] in "LNPSZ"


# What most of a Chinese report is made of; only the rest is looked at character by character.
_COMMON = re.compile(r"[\t\n\r\f\v\x20-\x7e\u4e00-\u9fff\u3000-\u303f\uff01-\uffef\u2010-\u2027\u00b7]+")


def check_plausible(text: str) -> None:
    """Raise ``NotText`` when ``text`` looks like decoded binary rather than writing."""
    if not text:
        return
    if "\x00" in text:
        raise NotText("含有 NUL 字节，像是二进制文件而不是文本（binary data）")
    rest = _COMMON.sub("", text)
    controls = sum(1 for ch in rest if unicodedata.category(ch) == "Cc")
    if controls > len(text) * MAX_CONTROL_SHARE:
        raise NotText("含有控制字符，像是二进制文件而不是文本（binary data）")
    implausible = sum(1 for ch in rest if not _is_plausible_char(ch))
    if implausible > len(text) * (1 - MIN_PLAUSIBLE_SHARE):
        raise NotText("无法识别的编码或二进制内容（not UTF-8, GB18030 or UTF-16 text）")


def normalise_charset(name: str | None) -> str | None:
    """A codec name Python knows for a declared charset, or None when it is unknown."""
    if not name:
        return None
    name = name.strip().strip("\"'").lower()
    name = CHARSET_ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def strip_bom(data: bytes) -> tuple[bytes, str | None]:
    """The bytes after a byte-order mark, and the codec the mark names (None without one)."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            return data[len(bom):], codec
    return data, None


def chinese_score(text: str) -> float:
    """Share of the non-ASCII characters of ``text`` that are frequent in Chinese reports.

    ASCII is left out: GB18030 reads UTF-16 bytes largely as ASCII letters, and real
    reports hold digits and Latin letters in any codec.
    """
    wide = 0
    frequent = 0
    for ch in text:
        if ch >= "\x80":
            wide += 1
            frequent += ch in FREQUENT
    return frequent / wide if wide else 0.0


def _sample_decode(body: bytes, codec: str) -> str | None:
    """The first ``SCORE_SAMPLE_BYTES`` of ``body`` decoded strictly (a cut last character is fine)."""
    decoder = codecs.getincrementaldecoder(codec)("strict")
    try:
        return decoder.decode(body[:SCORE_SAMPLE_BYTES], final=len(body) <= SCORE_SAMPLE_BYTES)
    except UnicodeDecodeError:
        return None


def _decode_checked(body: bytes, codec: str) -> str | None:
    try:
        text = body.decode(codec)
        check_plausible(text)
    except (UnicodeDecodeError, NotText):
        return None
    return text


def _utf16_without_bom(body: bytes) -> tuple[str, str] | None:
    """UTF-16 text saved without a byte-order mark, told by its NUL bytes or by its characters.

    The ASCII characters of UTF-16 text (digits, line breaks) carry a NUL byte, always on the
    same side of each pair: odd offsets for little-endian, even for big-endian.  Binary data
    scatters its NULs.  Text with few ASCII characters has few NULs, and ideographs such as
    一 (U+4E00) put theirs on the other side, so when the NULs do not decide, the byte order
    whose reading is more like Chinese wins.  Returns None unless the text is plausible.
    """
    if len(body) % 2:
        return None
    odd = body[1::2].count(0)
    even = body[0::2].count(0)
    if odd >= UTF16_NUL_SIDE * (odd + even):
        order = ("utf-16-le", "utf-16-be")
    elif even >= UTF16_NUL_SIDE * (odd + even):
        order = ("utf-16-be", "utf-16-le")
    else:
        order = UTF16_CODECS
    decided = order is not UTF16_CODECS
    scored = []
    for codec in order:
        sample = _sample_decode(body, codec)
        if sample is None:
            continue
        score = chinese_score(sample)
        if decided:
            score += sum(1 for ch in sample if ch < "\x80") / max(len(sample), 1)
        elif score < MIN_UNMARKED_UTF16_SCORE:
            continue  # the NULs did not decide: only text full of frequent characters will do
        scored.append((score, codec))
    if not scored:
        return None
    best = max(scored, key=lambda item: item[0])  # the first (the NULs' choice) wins a tie
    text = _decode_checked(body, best[1])
    return (text, best[1]) if text is not None else None


def _ideographs(text: str) -> int:
    return sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")


def check_mixed_lines(body: bytes) -> None:
    """Raise ``NotText`` naming the first line whose encoding differs, when UTF-8 and GBK lines mix.

    Files pasted together from two sources (a UTF-8 web page and a GBK export) decode as
    neither; naming the line tells the user where to look.
    """
    first: tuple[int, str] | None = None
    for number, line in enumerate(body.split(b"\n"), start=1):
        if line.isascii():
            continue
        try:
            decoded = line.decode("utf-8")
            kind = "UTF-8" if _ideographs(decoded) >= MIXED_MIN_IDEOGRAPHS and chinese_score(decoded) > 0 else None
        except UnicodeDecodeError:
            try:
                kind = "GBK" if _ideographs(line.decode("gb18030")) else None
            except UnicodeDecodeError:
                kind = None
        if kind is None:
            continue
        if first is None:
            first = (number, kind)
        elif kind != first[1]:
            raise NotText(
                f"第 {number} 行是 {kind} 编码，而第 {first[0]} 行是 {first[1]} 编码：同一文件混用了两种编码，"
                f"请统一另存为 UTF-8（mixed encodings: line {number} is {kind}, line {first[0]} is {first[1]}）"
            )


def _damaged_utf8(body: bytes) -> tuple[str, str] | None:
    """UTF-8 text cut inside its last character, or ``NotText`` for UTF-8 broken in the middle.

    Without this, UTF-8 with one bad byte would be decoded as GB18030 into plausible-looking
    but wrong Chinese.  Returns None when the bytes are valid UTF-8 or not UTF-8 at all.
    """
    try:
        body.decode("utf-8")
        return None
    except UnicodeDecodeError as exc:
        error = exc
    before = body[: error.start].decode("utf-8")
    evidence = sum(1 for ch in before if ord(ch) >= 0x80)
    cut_at_end = error.end == len(body) and len(body) - error.start < 4
    if not (cut_at_end and evidence >= MIN_UTF8_EVIDENCE):
        check_mixed_lines(body)
    if evidence < MIN_UTF8_EVIDENCE:
        return None  # too little UTF-8 before the error to call it UTF-8
    if error.end == len(body) and len(body) - error.start < 4:
        check_plausible(before)
        return before, "utf-8"  # the file was cut inside its last character
    line = body.count(b"\n", 0, error.start) + 1
    raise NotText(
        f"UTF-8 文本第 {line} 行（第 {error.start} 字节）有无效字节（invalid UTF-8 at byte {error.start}, line {line}）"
    )


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data`` to text and say which codec did it.

    A BOM wins; NUL bytes all on one side of the byte pairs mean UTF-16 without one; UTF-8
    broken only by a cut last character is UTF-8; then a ``declared`` charset (an HTML meta
    tag), then UTF-8, then GB18030.  The text is returned exactly as decoded, the BOM
    dropped.  Raises ``NotText``.
    """
    body, bom_codec = strip_bom(data)
    if bom_codec is not None:
        try:
            text = body.decode(bom_codec)
        except UnicodeDecodeError as exc:
            raise NotText(f"有 {bom_codec} 字节序标记但内容无法按该编码解码（第 {exc.start} 字节）") from None
        check_plausible(text)
        return text, bom_codec
    if b"\x00" in body:
        unmarked = _utf16_without_bom(body)
        if unmarked is None:
            raise NotText("含有 NUL 字节，像是二进制文件而不是文本（binary data）")
        return unmarked
    damaged = _damaged_utf8(body)
    if damaged is not None:
        return damaged
    declared_codec = normalise_charset(declared)
    if declared_codec is not None:
        text = _decode_checked(body, declared_codec)
        if text is not None:
            return text, declared_codec
    text = _decode_checked(body, "utf-8")
    if text is not None:
        return text, "utf-8"
    return _best_legacy(body)


def _best_legacy(body: bytes) -> tuple[str, str]:
    """GB18030, unless Big5 or BOM-less UTF-16 reads clearly more like Chinese."""
    rivals = RIVAL_CODECS + (UTF16_CODECS if len(body) % 2 == 0 else ())
    scores: dict[str, float] = {}
    for codec in ("gb18030", *rivals):
        sample = _sample_decode(body, codec)
        if sample is not None:
            scores[codec] = chinese_score(sample)
    base = scores.get("gb18030", -1.0)
    ranked = sorted((codec for codec in scores if codec != "gb18030"), key=lambda c: -scores[c])
    order = [c for c in ranked if scores[c] >= base + RIVAL_MIN_LEAD and scores[c] >= base * RIVAL_MIN_RATIO]
    order += ["gb18030"] if "gb18030" in scores else []
    problem = NotText("无法识别的编码（not UTF-8, GB18030, Big5 or UTF-16 text）")
    for codec in order:
        try:
            text = body.decode(codec)
            check_plausible(text)
        except UnicodeDecodeError:
            continue
        except NotText as exc:
            problem = exc
            continue
        return text, codec
    raise problem
