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

SUPPORTED = ".txt .docx .html .htm .pdf"
# extension -> (format name, "module:function")
READERS: dict[str, tuple[str, str]] = {
    ".txt": ("txt", "planwatch.documents.readers.text:read_text"),
    ".text": ("txt", "planwatch.documents.readers.text:read_text"),
    ".docx": ("docx", "planwatch.documents.readers.docx:read_docx"),
    ".html": ("html", "planwatch.documents.readers.html:read_html"),
    ".htm": ("html", "planwatch.documents.readers.html:read_html"),
    ".xhtml": ("html", "planwatch.documents.readers.html:read_html"),
    ".pdf": ("pdf", "planwatch.documents.readers.pdf:read_pdf"),
}
# extensions people often try, with what to do instead
KNOWN_UNSUPPORTED: dict[str, str] = {
    ".doc": "不支持旧版 Word .doc 格式，请另存为 .docx（legacy .doc is not supported）",
    ".wps": "不支持 WPS 格式，请另存为 .docx（.wps is not supported）",
    ".xls": "这是表格文件，请用 planwatch import 导入（spreadsheets are imported, not read as documents）",
    ".xlsx": "这是表格文件，请用 planwatch import 导入（spreadsheets are imported, not read as documents）",
    ".ofd": "不支持 OFD 格式，请导出为 PDF（.ofd is not supported）",
}


def _reader(target: str) -> Callable[[bytes], str]:
    import importlib

    module_name, attr = target.split(":")
    return getattr(importlib.import_module(module_name), attr)


def read_document(path: Path) -> Document:
    """Read ``path`` into a ``Document``; every problem becomes a one-line ``DocumentError``."""
    name = str(path)
    suffix = path.suffix.lower()
    if not path.exists():
        raise DocumentError(name, "文件不存在（file not found）")
    if path.is_dir():
        raise DocumentError(name, "这是一个目录，不是文件（is a directory）")
    if suffix in KNOWN_UNSUPPORTED:
        raise DocumentError(name, KNOWN_UNSUPPORTED[suffix])
    if suffix not in READERS:
        shown = suffix or "（无扩展名）"
        raise DocumentError(name, f"不支持的文件类型 {shown}，支持 {SUPPORTED}（unsupported file type）")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(name, f"无法读取文件：{exc.strerror or exc}（cannot read file）") from None
    if not data.strip():
        raise DocumentError(name, "文件为空（empty file）")
    fmt, target = READERS[suffix]
    try:
        text = _reader(target)(data)
    except Unreadable as exc:
        raise DocumentError(name, str(exc)) from None
    except Exception as exc:  # a library tripping over a malformed file must still give one line
        raise DocumentError(name, f"文件无法解析（cannot parse {fmt}: {type(exc).__name__}）") from None
    if not text.strip():
        raise DocumentError(name, "文件中没有文字内容（no text）")
    return Document(path=name, text=text, format=fmt)
