"""Word .docx files: paragraphs and tables in the order they stand in the body.

python-docx lists paragraphs and tables separately; walking the body XML keeps a table
where it sits between two paragraphs.  A table row becomes one line, its cells joined by a
tab; a cell merged down from the row above is left empty rather than repeated.  Labels of
Word's automatic numbering (一、 （一） 1.) are written before their paragraphs.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import TYPE_CHECKING

from planwatch.documents.readers.base import Unreadable

if TYPE_CHECKING:
    from planwatch.documents.readers.docx_numbering import Numbering

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # legacy .doc, or an encrypted Office file


def _open(data: bytes):  # -> docx.document.Document
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if data.startswith(OLE_MAGIC):
        raise Unreadable("文件已加密或是旧版 .doc 格式，无法读取（encrypted or legacy .doc file）")
    if not data.startswith(ZIP_MAGIC):
        raise Unreadable("文件已损坏（不是有效的 docx/zip 文件）")
    try:
        return docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError):
        raise Unreadable("文件已损坏（不是有效的 docx/zip 文件）") from None
    except (KeyError, PackageNotFoundError):
        raise Unreadable("文件已损坏（zip 文件中没有 Word 文档内容 word/document.xml）") from None
    except ValueError as exc:
        raise Unreadable(f"不是 Word 文档（not a Word document: {exc}）") from None
    except Exception as exc:  # lxml syntax errors, zlib errors in truncated members …
        raise Unreadable(f"文件已损坏（docx 内容无法解析：{type(exc).__name__}）") from None


def _block_lines(container, parent, numbering: Numbering) -> Iterator[str]:
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    for child in container.iterchildren():
        if child.tag == qn("w:p"):
            yield numbering.label(child) + Paragraph(child, parent).text
        elif child.tag == qn("w:tbl"):
            yield from _table_lines(child, parent, numbering)
        elif child.tag == qn("w:sdt"):  # a content control wraps ordinary blocks
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _block_lines(content, parent, numbering)


def _table_lines(table, parent, numbering: Numbering) -> Iterator[str]:
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    for row in table.iterchildren(qn("w:tr")):
        cells = []
        for cell in row.iterchildren(qn("w:tc")):
            if cell.vMerge == "continue":
                cells.append("")
                continue
            texts = [numbering.label(p) + Paragraph(p, parent).text for p in cell.iterchildren(qn("w:p"))]
            cells.append(" ".join(t.strip() for t in texts if t.strip()))
        yield "\t".join(cells)


def read_docx(data: bytes) -> str:
    """The text of a .docx body: one line per paragraph and per table row."""
    from planwatch.documents.readers.docx_numbering import Numbering

    document = _open(data)
    try:
        numbering = Numbering(document)
        return "\n".join(_block_lines(document.element.body, document._body, numbering))
    except Exception as exc:
        raise Unreadable(f"文件已损坏（docx 内容无法解析：{type(exc).__name__}）") from None
