"""Turning the bytes of a text file into text without being told the encoding.

Order: a byte-order mark decides; else strict UTF-8; else GB18030 (a superset of GBK and
GB2312, what Chinese Windows writes).  Whatever decodes must also look like text: binary
junk often decodes as GB18030, so the result is checked for control characters and for
characters that Chinese reports do not use.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

# (byte-order mark, codec), longest first so UTF-32 LE is not taken for UTF-16 LE
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
FALLBACK_CODECS: tuple[str, ...] = ("utf-8", "gb18030")
# Charset names seen in web pages and what to decode them with (GB18030 reads GBK and GB2312).
CHARSET_ALIASES: dict[str, str] = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030"}

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


def _utf16_without_bom(body: bytes) -> tuple[str, str] | None:
    """UTF-16 text saved without a byte-order mark, told by where its NUL bytes fall.

    The ASCII characters of UTF-16 text (digits, line breaks) carry a NUL byte, always on the
    same side of each pair: odd offsets for little-endian, even for big-endian.  Binary data
    scatters its NULs.  Returns None unless one side holds nearly all of them and the text is
    plausible.
    """
    if len(body) % 2:
        return None
    odd = body[1::2].count(0)
    even = body[0::2].count(0)
    if odd >= UTF16_NUL_SIDE * (odd + even):
        codec = "utf-16-le"
    elif even >= UTF16_NUL_SIDE * (odd + even):
        codec = "utf-16-be"
    else:
        return None
    try:
        text = body.decode(codec)
        check_plausible(text)
    except (UnicodeDecodeError, NotText):
        return None
    return text, codec


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
    if sum(1 for ch in before if ord(ch) >= 0x80) < MIN_UTF8_EVIDENCE:
        return None  # too little UTF-8 before the error to call it UTF-8
    if error.end == len(body) and len(body) - error.start < 4:
        check_plausible(before)
        return before, "utf-8"  # the file was cut inside its last character
    raise NotText(f"UTF-8 文本在第 {error.start} 字节处有无效字节（invalid UTF-8 at byte {error.start}）")


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
    codecs_to_try = [c for c in (normalise_charset(declared), *FALLBACK_CODECS) if c]
    problem = NotText("无法识别的编码（not UTF-8, GB18030 or UTF-16 text）")
    for codec in dict.fromkeys(codecs_to_try):
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
