"""Footnotes and endnotes of a .docx, written after the body so that body offsets stay put.

Notes often carry the figures' sources and definitions (口径), so they are read, but below
the body under a marker line of their own (``注释：`` for footnotes, ``尾注：`` for endnotes),
one line per note, numbered in the order their marks stand in the body as Word numbers them.
Word's separator notes (the rule above the notes) are not notes.
"""

from __future__ import annotations

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

from planwatch.documents.readers.docx_inline import paragraph_text

# (relationship type, note element, reference element in the body, marker line)
NOTE_KINDS: tuple[tuple[str, str, str, str], ...] = (
    (RT.FOOTNOTES, "w:footnote", "w:footnoteReference", "注释："),
    (RT.ENDNOTES, "w:endnote", "w:endnoteReference", "尾注："),
)
ID = qn("w:id")
TYPE = qn("w:type")


def _part_root(document, reltype: str):
    from lxml import etree

    for rel in document.part.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            part = rel.target_part
            element = getattr(part, "element", None)
            if element is not None:
                return element
            parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
            return etree.fromstring(part.blob, parser)
    return None


def notes_lines(document, reltype: str, note_tag: str, reference_tag: str) -> list[str]:
    """``[n] text`` for each note referenced in the body, in the order of the references."""
    root = _part_root(document, reltype)
    if root is None:
        return []
    notes = {}
    for note in root.iterchildren(qn(note_tag)):
        if note.get(TYPE) in (None, "normal"):
            notes[note.get(ID)] = note
    lines = []
    seen = set()
    for reference in document.element.body.iter(qn(reference_tag)):
        note_id = reference.get(ID)
        if note_id in seen or note_id not in notes:
            continue
        seen.add(note_id)
        paragraphs = (" ".join(paragraph_text(p).split()) for p in notes[note_id].iter(qn("w:p")))
        lines.append(f"[{len(lines) + 1}] " + " ".join(t for t in paragraphs if t))
    return lines


def notes_text(document) -> str:
    """The notes block to append to the body text ("" when the document has no notes)."""
    blocks = []
    for reltype, note_tag, reference_tag, marker in NOTE_KINDS:
        lines = notes_lines(document, reltype, note_tag, reference_tag)
        if lines:
            blocks.append("\n".join([marker, *lines]))
    return "".join("\n" + block for block in blocks)
