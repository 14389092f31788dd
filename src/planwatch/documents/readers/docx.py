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

from docx.oxml.ns import qn

from planwatch.documents.readers.base import Unreadable
from planwatch.documents.readers.docx_inline import mark_deleted, paragraph_text, shows_placeholder, text_boxes

if TYPE_CHECKING:
    from planwatch.documents.readers.docx_numbering import Numbering

P, TBL, TR, TC, SDT, SDT_CONTENT, TR_PR, DELETED = (
    qn(tag) for tag in ("w:p", "w:tbl", "w:tr", "w:tc", "w:sdt", "w:sdtContent", "w:trPr", "w:del")
)
WRAPPERS = frozenset((SDT, qn("w:customXml")))

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


def _block_lines(container, numbering: Numbering) -> Iterator[str]:
    """One line per paragraph and table row of ``container``, text boxes before their anchor.

    A paragraph whose mark was deleted with tracked changes runs on into the next one.
    """
    carried = ""
    for line, runs_on in _blocks(container, numbering):
        if runs_on:
            carried += line
            continue
        yield carried + line
        carried = ""
    if carried:
        yield carried


def _blocks(container, numbering: Numbering) -> Iterator[tuple[str, bool]]:
    for child in container.iterchildren():
        if child.tag == P:
            for box in text_boxes(child):
                yield from ((line, False) for line in _block_lines(box, numbering))
            text = paragraph_text(child)
            if text or not text_boxes(child):  # a paragraph that only anchors a box adds no blank line
                yield numbering.label(child) + text, mark_deleted(child)
        elif child.tag == TBL:
            yield from ((line, False) for line in _table_lines(child, numbering))
        elif child.tag in WRAPPERS and not shows_placeholder(child):  # controls and custom XML wrap blocks
            content = child.find(SDT_CONTENT) if child.tag == SDT else child
            if content is not None:
                yield from _blocks(content, numbering)


def _table_lines(table, numbering: Numbering) -> Iterator[str]:
    for row in table.iterchildren(TR):
        row_pr = row.find(TR_PR)
        if row_pr is not None and row_pr.find(DELETED) is not None:
            continue  # a row deleted with tracked changes
        cells = []
        for cell in row.iterchildren(TC):
            if cell.vMerge == "continue":
                cells.append("")
                continue
            # a cell is one field of its row line: its own tabs and breaks become spaces
            texts = [" ".join(line.split()) for line in _block_lines(cell, numbering)]
            cells.append(" ".join(t for t in texts if t))
        yield "\t".join(cells)


def read_docx(data: bytes) -> str:
    """The text of a .docx body: one line per paragraph and per table row."""
    from planwatch.documents.readers.docx_notes import notes_text
    from planwatch.documents.readers.docx_numbering import Numbering

    document = _open(data)
    try:
        numbering = Numbering(document)
        body = "\n".join(_block_lines(document.element.body, numbering))
        return body + notes_text(document)
    except Exception as exc:
        raise Unreadable(f"文件已损坏（docx 内容无法解析：{type(exc).__name__}）") from None
