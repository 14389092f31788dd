"""Rich Text Format (.rtf, and the many ".doc" files on government sites that are RTF inside).

RTF is plain 7-bit text with control words, simple enough to read with the standard
library: groups ``{…}``, control words ``\\par``, bytes ``\\'hh`` in the document's ANSI code
page (``\\ansicpg936`` is GBK), Unicode characters ``\\uN`` followed by ``\\ucN`` fallback
characters to skip.  Groups that are not body text (font and colour tables, styles,
document info, pictures, headers and footers, field instructions) are skipped; a field
shows its result (``\\fldrslt``).  A paragraph becomes a line; a table row a line of
tab-separated cells, as for .docx.  Footnotes are written after the body under ``注释：``,
one ``[n] text`` line each, as for .docx, so that body offsets do not depend on them.
"""

from __future__ import annotations

import codecs
import re

from planwatch.documents.readers.base import Unreadable

RTF_MAGIC = b"{\\rtf"
DEFAULT_CODEPAGE = "cp1252"
# \ansicpg values Windows writes for Chinese and what Python reads them with
CODEPAGES: dict[int, str] = {936: "gb18030", 950: "cp950", 54936: "gb18030", 65001: "utf-8"}
# \fcharsetN -> codec: a font with a Chinese charset means its \'hh bytes are Chinese
FONT_CHARSETS: dict[int, str] = {134: "gb18030", 136: "cp950"}

# groups that hold no body text
SKIPPED_DESTINATIONS = frozenset((
    "fonttbl", "colortbl", "stylesheet", "info", "pict", "object", "objdata", "header", "headerl", "headerr",
    "headerf", "footer", "footerl", "footerr", "footerf", "annotation", "atnid", "atnauthor",
    "fldinst", "themedata", "colorschememapping", "latentstyles", "datastore", "xmlnstbl", "rsidtbl",
    "generator", "listtable", "listoverridetable", "revtbl", "filetbl", "bkmkstart", "bkmkend", "pgdsctbl",
    "mmathPr", "shppict", "nonshppict", "private", "userprops", "docvar", "template",
))
# control words that stand for characters
CHARACTER_WORDS: dict[str, str] = {
    "par": "\n", "line": "\n", "sect": "\n", "row": "\n", "tab": "\t", "cell": "\t", "nestcell": "\t",
    "emdash": "—", "endash": "–", "lquote": "‘", "rquote": "’", "ldblquote": "“", "rdblquote": "”",
    "bullet": "•", "emspace": " ", "enspace": " ", "qmspace": " ",
}
CHARACTER_SYMBOLS: dict[str, str] = {"~": "\u00a0", "-": "", "_": "-", "\\": "\\", "{": "{", "}": "}"}

_TOKEN = re.compile(
    rb"\\([a-zA-Z]{1,32})(-?[0-9]{1,10})? ?"  # control word with an optional parameter
    rb"|\\'([0-9a-fA-F]{2})"  # a byte in the code page
    rb"|\\([^a-zA-Z'])"  # control symbol
    rb"|([{}])"  # group
    rb"|[\r\n]+"  # line ends in the file mean nothing
    rb"|([^\\{}\r\n]+)"  # text
)


class _State:
    """What a group inherits from its parent: skipping, \\uc, the code page, being the font table."""

    __slots__ = ("codec", "font_table", "sink", "skip", "unicode_skip")

    def __init__(
        self, sink: list[str], skip: bool = False, unicode_skip: int = 1, codec: str = DEFAULT_CODEPAGE,
        font_table: bool = False,
    ) -> None:
        self.sink = sink  # where the group's text goes: the body, or a footnote
        self.skip = skip
        self.unicode_skip = unicode_skip
        self.codec = codec
        self.font_table = font_table

    def copy(self) -> _State:
        return _State(self.sink, self.skip, self.unicode_skip, self.codec, self.font_table)


def _decode(raw: bytes, codec: str) -> str:
    try:
        return raw.decode(codec)
    except UnicodeDecodeError:
        return raw.decode("gb18030", errors="replace")


def rtf_to_text(data: bytes) -> str:
    """The body text of an RTF document: one line per paragraph and per table row."""
    if not data.lstrip()[:5] == RTF_MAGIC:
        raise Unreadable("文件已损坏（不是有效的 RTF 文件）")
    out: list[str] = []
    notes: list[list[str]] = []
    pending = bytearray()  # \'hh bytes and 8-bit text, decoded together (a GBK character is two bytes)
    fonts: dict[int, str] = {}
    font_number: int | None = None
    stack: list[_State] = []
    state = _State(out)
    document_codec = DEFAULT_CODEPAGE
    to_skip = 0  # fallback characters still to skip after a \uN
    group_start = False  # the next token is the first of a group (where destinations are named)
    pos = 0
    end = len(data)

    def flush() -> None:
        if pending:
            state.sink.append(_decode(bytes(pending), state.codec))
            pending.clear()

    while pos < end:
        match = _TOKEN.match(data, pos)
        if match is None:  # a lone backslash at the end
            break
        pos = match.end()
        word, param, hex_byte, symbol, brace, text = match.groups()
        first_in_group, group_start = group_start, False
        if brace is not None:
            flush()
            if brace == b"{":
                stack.append(state)
                state = state.copy()
                group_start = True
            elif stack:
                state = stack.pop()
            to_skip = 0
            continue
        if word is not None:
            name = word.decode("ascii")
            value = int(param) if param else None
            if name == "bin" and value:
                pos += max(value, 0)  # binary data of a picture
            elif state.font_table:
                if name == "f":
                    font_number = value
                elif name == "fcharset" and value in FONT_CHARSETS and font_number is not None:
                    fonts[font_number] = FONT_CHARSETS[value]
            elif name == "fonttbl":
                state.skip = state.font_table = True
            elif state.skip:
                pass
            elif name in SKIPPED_DESTINATIONS:
                flush()
                state.skip = True
            elif name == "footnote":
                flush()
                notes.append([])
                state.sink = notes[-1]
            elif name == "ansicpg" and value:
                codec = CODEPAGES.get(value, f"cp{value}")
                document_codec = codec if _known(codec) else DEFAULT_CODEPAGE
                for outer in (*stack, state):  # text outside this group is in the same code page
                    outer.codec = document_codec
            elif name == "uc" and value is not None:
                state.unicode_skip = max(value, 0)
            elif name == "u" and value is not None:
                flush()
                state.sink.append(chr(value % 65536))
                to_skip = state.unicode_skip
            elif name == "f" and value is not None:
                flush()
                state.codec = fonts.get(value, document_codec)
            elif name in CHARACTER_WORDS:
                flush()
                state.sink.append(CHARACTER_WORDS[name])
            continue
        if symbol is not None:
            if symbol == b"*" and first_in_group:
                state.skip = True  # an optional destination this reader does not know
            elif not state.skip and to_skip:
                to_skip -= 1
            elif not state.skip:
                value = CHARACTER_SYMBOLS.get(symbol.decode("latin-1"))
                if value is not None:
                    flush()
                    state.sink.append(value)
            continue
        if state.skip:
            continue
        if hex_byte is not None:
            if to_skip:
                to_skip -= 1
            else:
                pending.append(int(hex_byte, 16))
            continue
        if text is not None:
            if to_skip:
                cut = min(to_skip, len(text))
                to_skip -= cut
                text = text[cut:]
            pending.extend(text)
    flush()
    body = _lines("".join(out))
    note_lines = [" ".join("".join(note).split()) for note in notes]
    note_lines = [f"[{n}] {text}" for n, text in enumerate((t for t in note_lines if t), start=1)]
    return "\n".join([body, "注释：", *note_lines]) if note_lines else body


def _known(codec: str) -> bool:
    try:
        codecs.lookup(codec)
    except LookupError:
        return False
    return True


def _lines(text: str) -> str:
    lines = []
    for line in text.split("\n"):
        line = line.rstrip("\t ")  # the tab after a row's last cell, spaces before a paragraph mark
        lines.append(line)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def read_rtf(data: bytes) -> str:
    """The text of an .rtf file (see the module docstring for what is read)."""
    return rtf_to_text(data)
