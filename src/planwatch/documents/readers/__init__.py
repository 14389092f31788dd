"""Dispatch a path to the reader for its kind of file, and turn every failure into ``DocumentError``.

Each reader takes the file's bytes and returns the text; readers raise ``DocumentError``
themselves only through ``Unreadable`` (a problem without the path), so the path is named
in one place.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from planwatch.documents.model import Document, DocumentError
from planwatch.documents.readers.base import Unreadable

SUPPORTED = ".txt .docx .html .htm .pdf .rtf"
# extension -> (format name, "module:function")
READERS: dict[str, tuple[str, str]] = {
    ".txt": ("txt", "planwatch.documents.readers.text:read_text"),
    ".text": ("txt", "planwatch.documents.readers.text:read_text"),
    ".docx": ("docx", "planwatch.documents.readers.docx:read_docx"),
    ".html": ("html", "planwatch.documents.readers.html:read_html"),
    ".htm": ("html", "planwatch.documents.readers.html:read_html"),
    ".xhtml": ("html", "planwatch.documents.readers.html:read_html"),
    ".pdf": ("pdf", "planwatch.documents.readers.pdf:read_pdf"),
    ".rtf": ("rtf", "planwatch.documents.readers.rtf:read_rtf"),
}
# the reader for a format told by the file's content
FORMAT_READERS: dict[str, tuple[str, str]] = {fmt: (fmt, target) for fmt, target in READERS.values()}

_SPREADSHEET = (
    "这是 Excel 表格（{ext}），不是报告文档：计划和进度表请用 planwatch import 导入"
    "（spreadsheets are imported, not read）"
)
_PRESENTATION = "这是演示文稿（{ext}），无法直接读取：请另存为 PDF 后再试（presentations are not supported）"
_LEGACY_WORD = (
    "这是旧版 Word 文档（.doc），无法直接读取：请在 Word 中另存为 .docx 后再试（legacy .doc is not supported）"
)
_WPS = "这是 WPS 文字文档（.wps），无法直接读取：请在 WPS 中另存为 .docx 后再试（.wps is not supported）"
_LEGACY_OFFICE = (
    "这是旧版或加密的 Office/WPS 文件，无法直接读取：请在 Word 或 WPS 中另存为 .docx 后再试"
    "（legacy or encrypted Office file）"
)
# extensions people often try, with what to do instead
KNOWN_UNSUPPORTED: dict[str, str] = {
    ".doc": _LEGACY_WORD,
    ".dot": _LEGACY_WORD,
    ".wps": _WPS,
    ".wpt": _WPS,
    ".xls": _SPREADSHEET.format(ext=".xls"),
    ".xlsx": _SPREADSHEET.format(ext=".xlsx"),
    ".xlsm": _SPREADSHEET.format(ext=".xlsm"),
    ".et": _SPREADSHEET.format(ext="WPS 表格 .et"),
    ".ods": _SPREADSHEET.format(ext=".ods"),
    ".ppt": _PRESENTATION.format(ext=".ppt"),
    ".pptx": _PRESENTATION.format(ext=".pptx"),
    ".dps": _PRESENTATION.format(ext="WPS 演示 .dps"),
    ".ofd": "不支持 OFD 格式，请导出为 PDF（.ofd is not supported）",
}
# what the content of an Office zip says it is: (member name prefix, kind)
ZIP_KINDS: tuple[tuple[str, str], ...] = (
    ("word/", "docx"),
    ("xl/", "spreadsheet"),
    ("ppt/", "presentation"),
)
# formats whose content is read whatever the file is called
CONTENT_DECIDES = frozenset(("rtf", "docx", "pdf"))
# extensions a web site may give to a page saved from Word (HTML inside)
HTML_INSIDE = frozenset((".doc", ".dot", ".wps", ".wpt"))
HTML_OPENINGS = (b"<!doctype html", b"<html", b"<?xml")
def _reader(target: str) -> Callable[[bytes], str]:
    import importlib

    module_name, attr = target.split(":")
    return getattr(importlib.import_module(module_name), attr)


def sniff(data: bytes) -> str | None:
    """What the bytes are, whatever the file is called: "rtf", "pdf", "docx", "html",
    "spreadsheet", "presentation", "ole" (legacy Office or encrypted), or None when they do not say."""
    import io
    import zipfile

    head = data[:1024]
    stripped = head.lstrip()
    if stripped.startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "ole"
    if head.startswith(b"PK\x03\x04"):
        try:
            names = zipfile.ZipFile(io.BytesIO(data)).namelist()
        except (zipfile.BadZipFile, OSError, ValueError):
            return None
        for prefix, kind in ZIP_KINDS:
            if any(name.startswith(prefix) for name in names):
                return kind
        return None
    if stripped.lower().startswith(HTML_OPENINGS) and b"<html" in head.lower():
        return "html"
    return None


def _refusal(suffix: str, kind: str | None) -> str | None:
    """The message for content no reader takes, or None when the content is readable."""
    if kind == "spreadsheet":
        return _SPREADSHEET.format(ext=suffix if suffix in KNOWN_UNSUPPORTED else ".xlsx")
    if kind == "presentation":
        return _PRESENTATION.format(ext=suffix if suffix in KNOWN_UNSUPPORTED else ".pptx")
    if kind == "ole" and suffix in KNOWN_UNSUPPORTED:
        return KNOWN_UNSUPPORTED[suffix]
    if kind == "ole" and suffix != ".docx":  # the .docx reader says it may be encrypted
        return _LEGACY_OFFICE
    return None


def _choose_reader(name: str, suffix: str, data: bytes) -> tuple[str, str]:
    """The (format, reader) for ``data``: its extension's, unless its content says otherwise.

    Offices pass on files under the wrong name: a ".doc" that a web site wrote as RTF or
    HTML, a Word file renamed ".txt", a workbook named ".docx".  The content decides when it
    is unmistakable; a legacy binary Office file is refused with what to do instead.
    """
    kind = sniff(data)
    refusal = _refusal(suffix, kind)
    if refusal is not None:
        raise DocumentError(name, refusal)
    if kind in CONTENT_DECIDES or (kind == "html" and suffix in HTML_INSIDE):
        return FORMAT_READERS[kind]
    if suffix in KNOWN_UNSUPPORTED:
        raise DocumentError(name, KNOWN_UNSUPPORTED[suffix])
    if suffix not in READERS:
        shown = suffix or "（无扩展名）"
        raise DocumentError(name, f"不支持的文件类型 {shown}，支持 {SUPPORTED}（unsupported file type）")
    return READERS[suffix]


def read_document(path: Path) -> Document:
    """Read ``path`` into a ``Document``; every problem becomes a one-line ``DocumentError``."""
    name = str(path)
    suffix = path.suffix.lower()
    if not path.exists():
        raise DocumentError(name, "文件不存在（file not found）")
    if path.is_dir():
        raise DocumentError(name, "这是一个目录，不是文件（is a directory）")
    if suffix not in READERS and suffix not in KNOWN_UNSUPPORTED:
        shown = suffix or "（无扩展名）"
        raise DocumentError(name, f"不支持的文件类型 {shown}，支持 {SUPPORTED}（unsupported file type）")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(name, f"无法读取文件：{exc.strerror or exc}（cannot read file）") from None
    if not data.strip():
        raise DocumentError(name, "文件为空（empty file）")
    fmt, target = _choose_reader(name, suffix, data)
    try:
        text = _reader(target)(data)
    except Unreadable as exc:
        raise DocumentError(name, str(exc)) from None
    except Exception as exc:  # a library tripping over a malformed file must still give one line
        raise DocumentError(name, f"文件无法解析（cannot parse {fmt}: {type(exc).__name__}）") from None
    if not text.strip():
        raise DocumentError(name, "文件中没有文字内容（no text）")
    return Document(path=name, text=text, format=fmt)
