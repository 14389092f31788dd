"""The DOCX rendered by LibreOffice: 22 lines at 28.95 pt a page, page numbers where GB/T 9704 puts them.

Converted with ``soffice --headless --convert-to pdf`` and measured with ``pdftotext -bbox-layout``.
Skipped without LibreOffice or poppler unless PLANWATCH_TEST_REQUIRE_OFFICE=1 (CI sets it).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from itertools import pairwise
from pathlib import Path

import pytest

MM = 72 / 25.4  # points per millimetre
TOP, BOTTOM, LEFT, RIGHT = 37 * MM, (297 - 35) * MM, 28 * MM, (210 - 26) * MM
INDENT = LEFT + 32  # two 三号 characters
LINE = re.compile(r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</line>', re.S)
WORD = re.compile(r">([^<]*)</word>")


def _tools() -> tuple[str, str] | None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    pdftotext = shutil.which("pdftotext")
    if soffice and pdftotext:
        return soffice, pdftotext
    if os.environ.get("PLANWATCH_TEST_REQUIRE_OFFICE") == "1":
        needed = "apt-get install libreoffice-writer-nogui poppler-utils"
        pytest.fail(f"PLANWATCH_TEST_REQUIRE_OFFICE=1 但未找到 soffice 或 pdftotext（{needed}）")
    pytest.skip("没有 LibreOffice（soffice）或 poppler-utils（pdftotext）")


@pytest.fixture(scope="module")
def pages(
    demo_docx: Path, tmp_path_factory: pytest.TempPathFactory
) -> list[list[tuple[float, float, float, float, str]]]:
    """The lines of every rendered page: (x0, y0, x1, y1, text) in points from the top left."""
    soffice, pdftotext = _tools()
    out = tmp_path_factory.mktemp("rendered")
    profile = out / "profile"  # a private LibreOffice profile: parallel conversions do not collide
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            str(demo_docx),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    pdf = out / (demo_docx.stem + ".pdf")
    html = out / "boxes.html"
    subprocess.run([pdftotext, "-bbox-layout", str(pdf), str(html)], check=True, timeout=120)
    result = []
    for page in html.read_text(encoding="utf-8").split("<page ")[1:]:
        lines = []
        for x0, y0, x1, y1, inner in LINE.findall(page):
            lines.append((float(x0), float(y0), float(x1), float(y1), "".join(WORD.findall(inner))))
        result.append(lines)
    return result


def _body_lines(lines):
    return [line for line in lines if TOP - 3 <= line[1] < BOTTOM]


def _is_text_only(lines) -> bool:
    """True for a page of running text: every line starts at the left margin or two characters in."""
    return bool(lines) and all(abs(x0 - LEFT) < 2 or abs(x0 - INDENT) < 2 for x0, *_ in lines)


def test_a_full_body_page_holds_22_lines_at_the_exact_pitch(pages):
    text_pages = [_body_lines(p) for p in pages if _is_text_only(_body_lines(p))]
    counts = [len(p) for p in text_pages]
    assert counts, "no page of running text"
    assert max(counts) == 22, counts
    assert counts.count(22) >= 3, counts
    full = next(p for p in text_pages if len(p) == 22)
    steps = [b[1] - a[1] for a, b in pairwise(full)]
    assert all(abs(step - 28.95) < 0.2 for step in steps), steps
    assert full[-1][3] <= BOTTOM + 1  # the 22nd line ends inside the 版心


def test_a_line_of_chinese_text_holds_28_characters(pages):
    # Lines of ideographs and full-width punctuation only: digits, and quotation marks that a
    # substitute font draws narrow, fit a few more.
    lines = [
        text for p in pages for *_, text in _body_lines(p) if re.fullmatch(r"[\u4e00-\u9fff，、；。：（）]+", text)
    ]
    widths = [len(text) for text in lines]
    assert max(widths) == 28, sorted(widths)[-5:]


def test_page_numbers_sit_below_the_type_area_odd_right_even_left(pages):
    checked = 0
    for number, lines in enumerate(pages[:10], start=1):
        footer = [line for line in lines if line[1] >= BOTTOM]
        assert len(footer) == 1, footer
        x0, y0, x1, _, text = footer[0]
        assert re.fullmatch(rf"—\s*{number}\s*—", text), text
        assert 3 * MM <= y0 - BOTTOM <= 10 * MM  # about 7 mm under the 版心
        if number % 2:
            assert abs(x1 - (RIGHT - 14)) < 2 * MM  # odd: right, one 四号 character in
        else:
            assert abs(x0 - (LEFT + 14)) < 2 * MM  # even: left, one character in
        checked += 1
    assert checked >= 4


def test_every_chart_label_is_drawn_as_text_on_the_rendered_page(pages, demo_report):
    # The DOCX charts are tables drawn with the document's fonts: no picture, so no font file
    # is needed to make them, and each label comes out of the PDF as the characters it holds.
    text = "".join(t for page in pages for *_, t in page)
    labels = [bar.label for chart in demo_report.charts() for bar in chart.bars]
    assert len(labels) > 30
    missing = [label for label in labels if label.replace(" ", "") not in text]
    assert missing == []
