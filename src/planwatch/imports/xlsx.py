"""A streaming reader of xlsx cell values, for imports of hundreds of thousands of rows.

openpyxl's read-only mode builds a Python object per cell and, for files without a
``<dimension>`` element, scans each sheet twice; on a shared two-core machine that is
about 3,000 rows a second. Reading the sheet XML with lxml's ``iterparse`` and keeping only
what an import needs — cached values (formulas are not recalculated, as openpyxl's
``data_only``), shared and inline strings, dates and percentages decided by the cell's
number format — is several times faster. Only values are read; styles, validation and
charts are ignored.
"""

from __future__ import annotations

import posixpath
import zipfile
from collections.abc import Iterator
from datetime import datetime

from lxml import etree
from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format
from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel

from planwatch.exchange.csv_safety import unquote_formula

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
DIGITS = "0123456789"


class XlsxFormatError(ValueError):
    """The archive is a zip but not a workbook this reader understands."""


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


#: Local names of the tags met in every cell, looked up instead of split.
LOCAL = {f"{{{ns}}}{name}": name for ns in (MAIN, STRICT_MAIN) for name in ("v", "is", "f", "t", "r", "rPh")}


def column_index(letters: str) -> int:
    """Return the 0-based index of a column such as ``A`` or ``AB``."""
    index = 0
    for ch in letters:
        index = index * 26 + (ord(ch) - 64)
    return index - 1


def _text_of(element: etree._Element) -> str:
    """Return the text of a string item (``<si>`` or ``<is>``): its runs, without phonetic hints."""
    first = element[0] if len(element) else None
    if first is not None and len(element) == 1 and LOCAL.get(first.tag) == "t":
        return first.text or ""  # the common case: one plain <t>
    parts = []
    for node in element.iter():
        if _local(node.tag) == "t" and node.text and _local(node.getparent().tag) != "rPh":
            parts.append(node.text)
    return "".join(parts)


class XlsxValues:
    """An open xlsx archive: sheet names and a row iterator per sheet."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive
        names = set(archive.namelist())
        if "xl/workbook.xml" not in names:
            raise XlsxFormatError("缺少 xl/workbook.xml")
        workbook = etree.fromstring(archive.read("xl/workbook.xml"))
        if _local(workbook.tag) != "workbook" or workbook.nsmap.get(None) not in (MAIN, STRICT_MAIN):
            raise XlsxFormatError("不是Excel工作簿")
        ns = workbook.nsmap.get(None)
        pr = workbook.find(f"{{{ns}}}workbookPr")
        self.epoch = (
            CALENDAR_MAC_1904 if pr is not None and pr.get("date1904") in ("1", "true") else CALENDAR_WINDOWS_1900
        )
        targets = self._relationships("xl/_rels/workbook.xml.rels")
        self.sheets: list[tuple[str, str]] = []
        for sheet in workbook.iter(f"{{{ns}}}sheet"):
            rid = sheet.get(f"{{{REL}}}id") or sheet.get("{http://purl.oclc.org/ooxml/officeDocument/relationships}id")
            target = targets.get(rid or "")
            if target is None:
                raise XlsxFormatError(f"找不到工作表“{sheet.get('name')}”")
            self.sheets.append((sheet.get("name", ""), target))
        self.tags = {name: f"{{{ns}}}{name}" for name in ("v", "is")}
        self.dates: dict[str, datetime] = {}
        self.strings = self._shared_strings(names)
        self.date_styles, self.percent_styles = self._styles(names)

    def _relationships(self, member: str) -> dict[str, str]:
        root = etree.fromstring(self.archive.read(member))
        found = {}
        for rel in root.iter(f"{{{PKG_REL}}}Relationship"):
            target = rel.get("Target", "")
            path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
            found[rel.get("Id", "")] = path
        return found

    def _shared_strings(self, names: set[str]) -> list[str]:
        if "xl/sharedStrings.xml" not in names:
            return []
        strings = []
        with self.archive.open("xl/sharedStrings.xml") as handle:
            for _, element in etree.iterparse(handle, events=("end",)):
                if _local(element.tag) == "si":
                    # a CSV export saved as a workbook in Excel keeps its ' guards as text
                    strings.append(unquote_formula(_text_of(element)))
                    element.clear()
        return strings

    def _styles(self, names: set[str]) -> tuple[set[int], set[int]]:
        """Return the indexes of cell styles whose number format is a date, and a percentage."""
        if "xl/styles.xml" not in names:
            return set(), set()
        root = etree.fromstring(self.archive.read("xl/styles.xml"))
        formats = dict(BUILTIN_FORMATS)
        for fmt in root.iter(f"{{{root.nsmap.get(None)}}}numFmt"):
            formats[int(fmt.get("numFmtId", "0"))] = fmt.get("formatCode", "")
        dates, percents = set(), set()
        cell_xfs = root.find(f"{{{root.nsmap.get(None)}}}cellXfs")
        for index, xf in enumerate(cell_xfs if cell_xfs is not None else []):
            code = formats.get(int(xf.get("numFmtId", "0")), "")
            if is_date_format(code):
                dates.add(index)
            elif "%" in code:
                percents.add(index)
        return dates, percents

    def rows(self, member: str) -> Iterator[tuple[int, list[object]]]:
        """Yield (Excel row number, cell values) for each non-empty row of a sheet."""
        with self.archive.open(member) as handle:
            row_number = 0
            columns: dict[str, int] = {}  # cell reference letters → 0-based index, cached
            for _, row in etree.iterparse(handle, events=("end",), tag=(f"{{{MAIN}}}row", f"{{{STRICT_MAIN}}}row")):
                row_number = int(row.get("r") or row_number + 1)
                values: list[object] = []
                for position, cell in enumerate(row):
                    value = self._value(cell)
                    if value is None:
                        continue
                    ref = cell.get("r")
                    if ref:
                        letters = ref.rstrip(DIGITS)
                        index = columns.get(letters)
                        if index is None:
                            index = columns[letters] = column_index(letters)
                    else:
                        index = position
                    if index >= len(values):
                        values.extend([None] * (index + 1 - len(values)))
                    values[index] = value
                row.clear()
                while row.getprevious() is not None:
                    del row.getparent()[0]
                if values:
                    yield row_number, values

    def _value(self, cell: etree._Element) -> object:
        """Return the value of a ``<c>`` element (None for an empty cell)."""
        kind = cell.get("t")
        if kind == "inlineStr":
            inline = cell.find(self.tags["is"])
            return None if inline is None else unquote_formula(_text_of(inline))
        raw = cell.findtext(self.tags["v"])
        if not raw:
            return None  # no value, or a formula Excel never calculated
        if kind is None or kind == "n":
            style = cell.get("s")
            if style is not None and style != "0":
                style_index = int(style)
                if style_index in self.date_styles:
                    return self.date_of(raw)
                if style_index in self.percent_styles:
                    return round(float(raw) * 100, 10)
            try:
                return int(raw)
            except ValueError:
                return float(raw)
        if kind == "s":
            return self.strings[int(raw)]
        if kind == "b":
            return raw == "1"
        if kind == "d":
            return datetime.fromisoformat(raw)
        return raw  # str (a formula's text result), e (an error such as #N/A)

    def date_of(self, raw: str) -> datetime:
        """Return the date of an Excel serial number (cached: a sheet repeats few dates)."""
        found = self.dates.get(raw)
        if found is None:
            found = self.dates[raw] = from_excel(float(raw), self.epoch)
        return found


def iter_workbook(archive: zipfile.ZipFile) -> Iterator[tuple[str, Iterator[tuple[int, list[object]]]]]:
    """Yield (sheet name, rows) for every sheet of an open xlsx archive."""
    book = XlsxValues(archive)
    for name, member in book.sheets:
        yield name, book.rows(member)
