"""What a Word paragraph shows on the page: its text as the reader of the final version sees it.

python-docx's ``Paragraph.text`` reads only the runs and hyperlinks directly inside a
paragraph, so text inside tracked insertions (``w:ins``), simple fields (``w:fldSimple``),
smart tags and inline content controls is lost.  This walk reads the accepted view instead:

- tracked insertions and moves-in are read, deletions and moves-out are not;
- a field shows its result (the page number, the table of contents), never its code;
- a text box is not part of the line it is anchored in: ``text_boxes`` lists it so the body
  reader can write it as lines of its own, and Word's VML fallback copy of the same box
  (``mc:Fallback``) is skipped so the box is read once;
- footnote and endnote marks add nothing, so body offsets do not depend on the notes;
- a content control still showing its placeholder prompt adds nothing.
"""

from __future__ import annotations

from collections.abc import Iterator

from docx.oxml.ns import qn

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"

# elements whose whole subtree is not shown in the accepted view (or is shown elsewhere)
SKIPPED = frozenset(
    qn(tag)
    for tag in (
        "w:pPr", "w:rPr", "w:del", "w:moveFrom", "w:delText", "w:instrText", "w:delInstrText",
        "w:txbxContent", "w:sdtPr", "w:sdtEndPr", "w:rt", "w:fldData", "w:footnoteReference",
        "w:endnoteReference", "w:commentReference", "w:annotationRef", "w:footnoteRef", "w:endnoteRef",
    )
) | {f"{{{MC}}}Fallback"}
# empty elements that stand for a character
CHARACTERS: dict[str, str] = {
    qn("w:tab"): "\t",
    qn("w:ptab"): "\t",
    qn("w:cr"): "\n",
    qn("w:noBreakHyphen"): "-",
}
TEXT = qn("w:t")
BREAK = qn("w:br")
FIELD_CHAR = qn("w:fldChar")
FIELD_CHAR_TYPE = qn("w:fldCharType")
BREAK_TYPE = qn("w:type")
TEXT_BOX = qn("w:txbxContent")
TRACKED_DELETION = qn("w:del")


SDT = qn("w:sdt")
PLACEHOLDER_SHOWN = f"{qn('w:sdtPr')}/{qn('w:showingPlcHdr')}"


def shows_placeholder(element) -> bool:
    """A content control still showing its prompt (单击或点击此处输入文字。), not text anyone wrote."""
    return element.tag == SDT and element.find(PLACEHOLDER_SHOWN) is not None


def _walk(element) -> Iterator:
    """Elements under ``element`` in document order, not entering the subtrees in ``SKIPPED``."""
    stack = [iter(element)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        if not isinstance(child.tag, str) or child.tag in SKIPPED or shows_placeholder(child):
            continue  # comments and processing instructions have a function as tag
        yield child
        stack.append(iter(child))


def paragraph_text(paragraph) -> str:
    """The text a ``w:p`` element shows: accepted changes, field results, no text boxes."""
    parts: list[str] = []
    fields: list[bool] = []  # for each open field: is its code (not yet its result) being read?
    for element in _walk(paragraph):
        tag = element.tag
        if tag == FIELD_CHAR:
            kind = element.get(FIELD_CHAR_TYPE)
            if kind == "begin":
                fields.append(True)
            elif kind == "separate" and fields:
                fields[-1] = False
            elif kind == "end" and fields:
                fields.pop()
            continue
        if any(fields):
            continue
        if tag == TEXT:
            parts.append(element.text or "")
        elif tag == BREAK:
            # a line break shows as one; page and column breaks only move the text
            if element.get(BREAK_TYPE) in (None, "textWrapping"):
                parts.append("\n")
        elif tag in CHARACTERS:
            parts.append(CHARACTERS[tag])
    return "".join(parts)


def text_boxes(paragraph) -> list:
    """The ``w:txbxContent`` elements anchored in ``paragraph``, each once, in order.

    A box drawn with DrawingML is stored twice: in ``mc:Choice`` and as a VML copy in
    ``mc:Fallback``; only the first is read.  Boxes inside boxes are left to the outer box.
    """
    boxes = []
    stack = [iter(paragraph)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        if not isinstance(child.tag, str) or child.tag == f"{{{MC}}}Fallback":
            continue
        if child.tag == TEXT_BOX:
            boxes.append(child)
            continue
        stack.append(iter(child))
    return boxes


def mark_deleted(paragraph) -> bool:
    """Whether the paragraph mark was deleted with tracked changes (it then runs on into the next)."""
    p_pr = paragraph.find(qn("w:pPr"))
    r_pr = p_pr.find(qn("w:rPr")) if p_pr is not None else None
    return r_pr is not None and r_pr.find(TRACKED_DELETION) is not None
