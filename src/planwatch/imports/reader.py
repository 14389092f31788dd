"""Read the tables of an exchange file: an xlsx workbook, a CSV or Parquet file, or a folder/zip of them.

The result maps a sheet name to its rows; each row maps a header to the raw cell value
(strings, numbers, dates as Excel gave them — typing and validation are the parser's
job). Rows remember the row number Excel shows (the header is row 1) and tables remember
the file they came from, so every error can point at a cell a clerk can find.

Workbooks are read by the streaming reader of :mod:`planwatch.imports.xlsx` (cached
values, like openpyxl's ``data_only``, at several times openpyxl's read-only speed).
A CSV file holds one sheet, recognised by its header row (or by its file name, such as
``重大项目.csv``). Clerks save CSV from Excel in GBK, so UTF-8 (with or without BOM) and
GB18030 (a superset of GBK) are both read. A Parquet file (what ``planwatch export --format
parquet`` writes, one per sheet) is one sheet too, its typed values read as they are.
"""

from __future__ import annotations

import csv
import io
import os
import zipfile
import zlib
from collections.abc import Iterable, Iterator, Mapping
from itertools import chain
from pathlib import Path
from typing import Any

from planwatch.exchange.columns import ALL_SHEETS, READING_SHEETS, Sheet
from planwatch.exchange.csv_safety import QUOTE, unquote_formula
from planwatch.exchange.headers import (
    KNOWN_HEADER_FORMS,
    canonical_header,
    canonical_sheet_name,
    header_form,
    near_miss,
)
from planwatch.extras import require

CSV_ENCODINGS = ("utf-8-sig", "gb18030")
HEADER_SEARCH_ROWS = 5
#: Distinct texts per column kept as shared objects (past this, cells are kept as read).
SHARED_TEXTS = 200_000
#: Rows read before deciding which columns repeat enough to share their texts.
SAMPLE_ROWS = 4096


class ReadError(Exception):
    """A file that cannot be read as a table at all (corrupt, wrong format, unknown sheet).

    Raised as ``ReadError("plan.xlsx：reason")``; ``source`` and ``reason`` are the two halves.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.source, _, self.reason = message.partition("：")


class Row(Mapping[str, object]):
    """One data row: header → raw value, plus the row number Excel shows.

    The cells sit in a tuple and every row of a table shares one header → position index,
    so a million-row import holds a tuple per row instead of a dict (about a quarter of the
    memory); it reads like a read-only dict.
    """

    __slots__ = ("_index", "_values", "number")

    def __init__(self, index: Mapping[str, int], values: tuple[object, ...], number: int) -> None:
        self._index = index
        self._values = values
        self.number = number

    def __getitem__(self, header: str) -> object:
        return self._values[self._index[header]]

    def get(self, header: str, default: object = None) -> object:  # type: ignore[override]
        position = self._index.get(header)
        return default if position is None else self._values[position]

    def __iter__(self) -> Iterator[str]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)

    def __repr__(self) -> str:
        return f"Row({dict(self)!r}, number={self.number})"


class Table(list[Row]):
    """The data rows of one sheet, with the file it came from and its header row.

    ``headers`` are the exchange headers the cells are keyed by (“总投资(万元)” read as
    “总投资（万元）”); ``written`` the header row as the file has it, for messages;
    ``header_row`` the row number Excel shows for it (a title row above makes it 2).
    """

    __slots__ = ("header_row", "headers", "name", "source", "written")

    def __init__(
        self,
        name: str,
        source: str,
        headers: list[str],
        rows: list[Row] | None = None,
        *,
        written: list[str] | None = None,
        header_row: int = 1,
    ) -> None:
        super().__init__(rows or [])
        self.name = name
        self.source = source
        self.headers = headers
        self.written = headers if written is None else written
        self.header_row = header_row


def clean_header(value: object) -> str:
    """Return a header cell as text without surrounding blanks or a required-column mark."""
    text = "" if value is None else str(value)
    return text.strip().strip("*＊").strip()


def is_blank(value: object) -> bool:
    """Tell whether a cell is empty (None or only whitespace)."""
    return value is None or (isinstance(value, str) and not value.strip())


def rows_to_table(name: str, source: str, raw_rows: Iterable[tuple[int, list[object]]]) -> Table:
    """Build a table from (row number, cell values) pairs: a header row, then the data rows.

    The pairs are consumed as they come (only the first few are held while the header is
    looked for), so a million-row CSV is never held as raw lists and dicts at once.
    """
    rows = iter(raw_rows)
    # a title row above the header ("江川市2025年重大项目表") is skipped: the header is the
    # first of the top rows that holds a known column header
    head: list[tuple[int, list[object]]] = []
    filled = 0
    for pair in rows:
        head.append(pair)
        if not all(is_blank(c) for c in pair[1]):
            filled += 1
            if filled == HEADER_SEARCH_ROWS:
                break
    candidates = [i for i, (_, cells) in enumerate(head) if not all(is_blank(c) for c in cells)]
    if not candidates:
        return Table(name, source, [])
    header_at = next(
        (i for i in candidates if any(header_form(clean_header(c)) in KNOWN_HEADER_FORMS for c in head[i][1])),
        candidates[0],
    )
    written = [clean_header(c) for c in head[header_at][1]]
    while written and not written[-1]:
        written.pop()
    headers = [canonical_header(h) if h else "" for h in written]
    table = Table(name, source, headers, written=written, header_row=head[header_at][0])
    # later columns of the same header win, as in a dict built left to right
    positions = list({h: i for i, h in enumerate(headers) if h}.items())
    append = table.append
    # Text cells repeat down a column (dates, 是/否, a unit's name, an item's code on its
    # successive reports): keep one string object per distinct text, so a million rows do
    # not hold a million copies of "2025-06-30".
    # A column whose first rows are nearly all different (amounts, names) is not pooled.
    columns: list[tuple[str, int, dict[object, object] | None]] = [(h, i, {}) for h, i in positions]
    index = {h: n for n, (h, _) in enumerate(positions)}  # shared by every row of the table
    seen = 0
    for number, cells in chain(head[header_at + 1 :], rows):
        seen += 1
        if seen == SAMPLE_ROWS:
            columns = [
                (h, i, pool if pool is not None and len(pool) < SAMPLE_ROWS // 2 else None) for h, i, pool in columns
            ]
        size = len(cells)
        values = []
        for _h, i, pool in columns:
            cell = cells[i] if i < size else None
            if pool is not None and cell.__class__ is str:
                known = pool.get(cell)
                if known is None:
                    if len(pool) < SHARED_TEXTS:
                        pool[cell] = cell
                else:
                    cell = known
            values.append(cell)
        if all(is_blank(c) for c in values) and all(is_blank(c) for c in cells):
            continue
        append(Row(index, tuple(values), number))
    return table


def read_xlsx(path: Path) -> dict[str, Table]:
    """Read every sheet of an xlsx workbook: cached values, dates and percentages as Excel shows them."""
    from lxml import etree

    from planwatch.imports.xlsx import XlsxFormatError, iter_workbook

    tables: dict[str, Table] = {}
    try:
        with zipfile.ZipFile(path) as archive:
            for name, rows in iter_workbook(archive):
                sheet = canonical_sheet_name(name.strip())
                tables[sheet] = rows_to_table(sheet, path.name, list(rows))
    except zipfile.BadZipFile as exc:
        raise ReadError(f"{path.name}：不是有效的Excel文件（xlsx），可能已损坏或扩展名不符") from exc
    except (XlsxFormatError, KeyError) as exc:
        raise ReadError(f"{path.name}：不是有效的Excel文件（xlsx）（{exc}）") from exc
    except (etree.XMLSyntaxError, EOFError, OSError, ValueError, IndexError, zlib.error) as exc:
        raise ReadError(f"{path.name}：Excel文件内容不完整或已损坏（{type(exc).__name__}）") from exc
    return tables


def decode_csv(data: bytes, name: str) -> str:
    """Decode CSV bytes as UTF-8 (with or without BOM) or GBK/GB18030."""
    for encoding in CSV_ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ReadError(f"{name}：无法识别文件编码，请另存为UTF-8或GBK编码的CSV")


def sheet_for_headers(headers: list[str], stem: str) -> Sheet | None:
    """Return the exchange sheet a CSV holds: by file name, else the best match of its header row."""
    for name, sheet in ALL_SHEETS.items():
        if stem == name or (stem.endswith(name) and all(c.header in headers for c in sheet.columns if c.required)):
            return sheet
    present = set(headers)
    best: tuple[int, int, Sheet] | None = None
    for sheet in ALL_SHEETS.values():
        required = {c.header for c in sheet.columns if c.required}
        # a misspelt required header still tells the sheet (the parser then names the typo)
        lacking = required - present
        guessed = {near_miss(h, lacking) for h in present - set(sheet.headers)} if lacking else set()
        if not lacking <= guessed:
            continue
        matched = len(present & set(sheet.headers))
        score = (matched, -len(set(sheet.headers) - present), sheet)
        if best is None or score[:2] > best[:2]:
            best = score
    return best[2] if best else None


def read_csv_text(text: str, name: str) -> Table:
    """Read one CSV text into the table of the sheet its header row (or file name) names."""
    return read_csv_lines(io.StringIO(text, newline=""), name, quoted=QUOTE in text)


def read_csv_lines(lines: Iterable[str], name: str, *, quoted: bool = True) -> Table:
    """Read CSV lines (a text file opened with ``newline=""``) into the table its header row names.

    A cell the exporter wrote behind a ``'`` (text that could start a formula) is read
    without it; ``quoted=False`` says the file has no ``'`` at all, sparing the check.
    """
    return named(rows_to_table("", name, _numbered(csv.reader(lines), name, quoted)))


def named(table: Table) -> Table:
    """Name a one-sheet file's table after the sheet its file name or header row says it holds."""
    stem = os.path.splitext(os.path.basename(table.source))[0]
    sheet = sheet_for_headers(table.headers, stem)
    if sheet is None:
        raise ReadError(f"{table.source}：表头与任何一种表格都不符，请使用 planwatch template 生成的模板中的列名")
    table.name = sheet.name
    return table


def read_parquet_file(path: Path, label: str | None = None) -> Table:
    """Read one Parquet file (one sheet, typed columns named by the Chinese headers) as a table.

    Rows are numbered as in the other formats — the header is row 1 — so a message about
    the third record says 第4行.
    """
    pa = require("parquet")
    pq = require("parquet", "pyarrow.parquet")

    label = label or path.name
    try:
        data = pq.read_table(path)
    except (pa.ArrowException, OSError) as exc:
        raise ReadError(f"{label}：不是有效的Parquet文件，可能已损坏（{type(exc).__name__}）") from exc
    columns = [column.to_pylist() for column in data.columns]
    headers: list[object] = list(data.column_names)
    del data
    records = ((number, list(cells)) for number, cells in enumerate(zip(*columns, strict=True), start=2))
    return named(rows_to_table("", label, chain([(1, headers)], records)))


def is_reading_sheet(path: Path) -> bool:
    """Tell whether a file holds a sheet planwatch exports for people to read (状态), which imports skip."""
    return path.stem in READING_SHEETS


def _numbered(reader: Any, name: str, quoted: bool) -> Iterator[tuple[int, list[object]]]:
    number = 0
    try:
        for cells in reader:
            number += 1  # Excel shows one row per record, even multi-line
            if quoted and QUOTE in "".join(cells):  # one C-level scan spares most rows the per-cell check
                cells = [unquote_formula(c) if c[:1] == QUOTE else c for c in cells]
            yield number, cells
    except csv.Error as exc:
        raise ReadError(f"{name}第{reader.line_num}行：CSV格式有误（{exc}）") from exc


def read_csv_file(path: Path) -> Table:
    """Read one CSV file, streaming its rows (the text is decoded once to find the encoding)."""
    data = path.read_bytes()
    encoding = next((e for e in CSV_ENCODINGS if _decodes(data, e)), None)
    quoted = QUOTE.encode() in data  # no GB18030 or UTF-8 character holds the byte of '
    del data
    if encoding is None:
        raise ReadError(f"{path.name}：无法识别文件编码，请另存为UTF-8或GBK编码的CSV")
    with path.open(encoding=encoding, newline="") as handle:
        return read_csv_lines(handle, path.name, quoted=quoted)


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def add_table(tables: dict[str, Table], table: Table) -> None:
    """Add a CSV table, refusing a second file for the same sheet."""
    if table.name in tables:
        raise ReadError(f"{table.source}：与{tables[table.name].source}都是“{table.name}”表，请只保留一个")
    tables[table.name] = table


def read_folder(path: Path) -> dict[str, Table]:
    """Read every ``*.csv`` and ``*.parquet`` file of a folder (a CSV or Parquet export) as one workbook."""
    tables: dict[str, Table] = {}
    files = sorted(p for p in path.iterdir() if p.suffix.lower() in (".csv", ".parquet") and not p.name.startswith("."))
    if not files:
        raise ReadError(f"{path.name}：文件夹中没有CSV或Parquet文件")
    for file in files:
        if is_reading_sheet(file):
            continue
        if file.suffix.lower() == ".parquet":
            add_table(tables, read_parquet_file(file))
        else:
            add_table(tables, read_csv_text(decode_csv(file.read_bytes(), file.name), file.name))
    return tables


def read_csv_zip(path: Path) -> dict[str, Table]:
    """Read every CSV inside a zip archive as one workbook."""
    tables: dict[str, Table] = {}
    try:
        with zipfile.ZipFile(path) as archive:
            names = sorted(n for n in archive.namelist() if n.lower().endswith(".csv") and "__MACOSX" not in n)
            if not names:
                raise ReadError(f"{path.name}：压缩包中没有CSV文件")
            for member in names:
                if is_reading_sheet(Path(member)):
                    continue
                label = f"{path.name}/{member}"
                add_table(tables, read_csv_text(decode_csv(archive.read(member), label), label))
    except zipfile.BadZipFile as exc:
        raise ReadError(f"{path.name}：不是有效的zip压缩包，可能已损坏") from exc
    return tables


def read_tables(path: str | os.PathLike[str]) -> dict[str, Table]:
    """Return sheet name → rows of an xlsx, a csv or parquet file, or a folder/zip of such files.

    Raises :class:`ReadError` with a one-line Chinese message naming the file when the
    file is missing, corrupt, or of a kind planwatch does not read.
    """
    p = Path(path)
    if not p.exists():
        raise ReadError(f"{p}：文件不存在")
    if p.is_dir():
        return read_folder(p)
    suffix = p.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return read_xlsx(p)
    if suffix == ".csv":
        table = read_csv_file(p)
        return {table.name: table}
    if suffix == ".parquet":
        table = read_parquet_file(p)
        return {table.name: table}
    if suffix == ".zip":
        return read_csv_zip(p)
    if suffix == ".xls":
        raise ReadError(f"{p.name}：不支持旧版Excel（.xls）格式，请在Excel中另存为.xlsx")
    raise ReadError(f"{p.name}：不支持的文件类型“{suffix or '无扩展名'}”，请使用.xlsx、.csv或.parquet")


__all__ = ["ReadError", "Row", "Table", "read_tables"]
