"""Filling a downloaded template as a clerk does in Excel (openpyxl), for the upload tests."""

from __future__ import annotations

import io

from openpyxl import load_workbook


def filled(content: bytes, rows: dict[str, list[dict[str, object]]]) -> bytes:
    """Return the template with ``rows`` (sheet → header → value) written as a clerk would."""
    workbook = load_workbook(io.BytesIO(content))
    for sheet, values in rows.items():
        ws = workbook[sheet]
        headers = [c.value for c in ws[1]]
        for row in values:
            code = row[headers[0]]
            when = headers.index("截至日期") + 1
            blank = (
                r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == code and ws.cell(r, when).value is None
            )
            target = next(blank, ws.max_row + 1)  # the template's pre-filled row, then new rows below
            for header, value in row.items():
                ws.cell(target, headers.index(header) + 1, value)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
