"""PDF files with a text layer (pypdf; its CMaps read the Adobe-GB1 fonts of Chinese PDFs).

Each page is read in reading order (``pdf_layout``: two-column pages column by column, a
text layer written out of order by position), and page numbers and running headers and
footers are dropped (``pdf_furniture``).  Lines of running text that the page width broke
are joined back, so that a number and its unit are not split by a line break: a line is
joined to the next when it is about as long as the page's full lines (or, on a page with
too few of them, the document's), does not end a sentence, and the next line does not open
a heading.  The same holds across a page break; otherwise pages are separated by a line
break.  Spaces between two Chinese characters, which text extraction inserts where glyphs
are spread to justify a line, are dropped.
"""

from __future__ import annotations

import io
import logging
import re
import warnings

from planwatch.documents.readers.base import Unreadable, squeeze_spaces_between_wide
from planwatch.documents.vocabulary import heading_opening

PDF_MAGIC = b"%PDF-"
NO_TEXT_LAYER = "PDF 没有文字层（可能是扫描件或图片），无法读取文字（no text layer: scanned or image-only PDF）"
MAGIC_WINDOW = 1024
SENTENCE_ENDS = "。；：！？;:!?”」）)"
# a wrapped line is at least this share of the page's long lines
FULL_LINE_SHARE = 0.85
MIN_FULL_LINES = 3
MIN_FULL_CHARS = 12  # a page whose longest lines are shorter is a list or a table, not running text
HEADING_OPENING = re.compile(heading_opening())


def _open(data: bytes):  # -> pypdf.PdfReader
    import pypdf
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    # pypdf logs recoverable defects as warnings; the user gets our one-line errors instead
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    if PDF_MAGIC not in data[:MAGIC_WINDOW]:
        raise Unreadable("文件已损坏（不是有效的 PDF 文件）")
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise Unreadable("PDF 已加密，需要密码才能打开（encrypted PDF）")
        len(reader.pages)
    except Unreadable:
        raise
    except (FileNotDecryptedError, DependencyError):
        raise Unreadable("PDF 已加密，无法打开（encrypted PDF）") from None
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError, RecursionError):
        raise Unreadable("文件已损坏（不是有效的 PDF 文件）") from None
    return reader


def _page_texts(reader) -> list[str]:
    from planwatch.documents.readers.pdf_layout import page_text

    texts = []
    for number, page in enumerate(reader.pages, start=1):
        try:
            texts.append(page_text(page))
        except Exception as exc:  # a broken content stream in one page
            raise Unreadable(f"第 {number} 页无法读取（page {number}: {type(exc).__name__}）") from None
    return texts


def _is_latin_letter(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


def full_line_length(lines: list[str]) -> int | None:
    """How many characters a full line of running text has on this page, or None if it has too few."""
    lengths = sorted(len(line.strip()) for line in lines if line.strip())
    if len(lengths) < MIN_FULL_LINES:
        return None
    full = lengths[int(len(lengths) * 0.9) - 1] if len(lengths) >= 10 else lengths[-1]
    long_lines = sum(1 for n in lengths if n >= full * FULL_LINE_SHARE)
    if long_lines < MIN_FULL_LINES or full < MIN_FULL_CHARS:
        return None
    return full


def continues(line: str, following: str | None, full: int | None) -> bool:
    """Whether ``line`` was wrapped by the page width and ``following`` carries on its sentence."""
    stripped = line.rstrip()
    return bool(
        full
        and following is not None
        and following.strip()
        and len(stripped.strip()) >= full * FULL_LINE_SHARE
        and not stripped.endswith(tuple(SENTENCE_ENDS))
        and not HEADING_OPENING.match(following)
    )


def _joiner(line: str, following: str) -> str:
    # words of Latin script wrap at spaces; Chinese text and numbers do not
    return " " if _is_latin_letter(line.rstrip()[-1:]) and _is_latin_letter(following.lstrip()[:1]) else ""


def rejoin_wrapped_lines(page: str, fallback_full: int | None = None) -> str:
    """Join the lines of ``page`` that the layout wrapped inside a paragraph.

    ``fallback_full`` is the document's full line length, used on a page with too few long
    lines to tell its own (a page holding the end of a paragraph and a table).
    """
    lines = page.splitlines()
    full = full_line_length(lines) or fallback_full
    if full is None:
        return "\n".join(lines)
    out: list[str] = []
    for i, line in enumerate(lines):
        following = lines[i + 1] if i + 1 < len(lines) else None
        wrapped = continues(line, following, full)
        out.append(line.rstrip() if wrapped else line)
        if following is not None and not wrapped:
            out.append("\n")
        elif wrapped and following is not None:
            out.append(_joiner(line, following))
    return "".join(out)


def _document_full(pages: list[list[str]]) -> int | None:
    fulls = sorted(n for n in (full_line_length(lines) for lines in pages) if n)
    return fulls[len(fulls) // 2] if fulls else None


def read_pdf(data: bytes) -> str:
    """The text layer of a PDF, page after page; a PDF without one is an error."""
    from planwatch.documents.readers.pdf_furniture import drop_furniture

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pypdf warns about recoverable defects; errors are ours to report
        reader = _open(data)
        texts = _page_texts(reader)
    if not any(text.strip() for text in texts):
        raise Unreadable(NO_TEXT_LAYER)
    page_lines = drop_furniture([text.strip("\n").splitlines() for text in texts])
    document_full = _document_full(page_lines)
    pages = [
        squeeze_spaces_between_wide(rejoin_wrapped_lines("\n".join(lines), document_full)) for lines in page_lines
    ]
    out: list[str] = []
    previous: str | None = None  # the last line of the page before, as read from the layout
    for lines, page in zip(page_lines, pages, strict=True):
        if not page.strip():
            continue
        if previous is not None:
            first = page.splitlines()[0]
            out.append(_joiner(previous, first) if continues(previous, first, document_full) else "\n")
        out.append(page)
        previous = next((line for line in reversed(lines) if line.strip()), None)
    return "".join(out)
