"""Every figure traceable: HTML links, the writer and the extractor checking each other, ``report verify``."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner
from docx import Document

from planwatch.catalog import load_catalog
from planwatch.cli.main import cli
from planwatch.demo import DEMO_AS_OF
from planwatch.documents import read
from planwatch.extract import extract_facts
from planwatch.report.html import render_html
from planwatch.report.verify import body_text


class Links(HTMLParser):
    """Collect the figure links of a page: (href, data-record, text)."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[dict[str, str]] = []
        self._open: dict[str, str] | None = None

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        if tag == "a" and "fig" in (found.get("class") or ""):
            self._open = {**found, "text": ""}

    def handle_data(self, data):
        if self._open is not None:
            self._open["text"] += data

    def handle_endtag(self, tag):
        if tag == "a" and self._open is not None:
            self.links.append(self._open)
            self._open = None


def test_every_figure_of_the_html_report_links_to_its_item_and_record(demo_report):
    page = render_html(demo_report)
    parser = Links()
    parser.feed(page)
    assert len(parser.links) == len(demo_report.figures())
    for link, figure in zip(parser.links, demo_report.figures(), strict=True):
        assert link["text"] == figure.text
        assert link["data-record"] == figure.source.record
        if figure.source.item_code:
            assert link["href"].startswith(f"/items/{figure.source.item_code}?plan=JC2025&as_of=2025-06-30")
            if "@" in figure.source.record:
                assert link["href"].endswith("#record-" + figure.source.record.split("@")[1].replace("#", "-"))
        else:
            assert link["href"] == "/items?plan=JC2025&as_of=2025-06-30"
    gdp = next(link for link in parser.links if link["data-record"] == "T01@2025-06-30")
    assert gdp["data-by"] == "市统计局" and gdp["data-date"] == "2025-06-30"


def test_the_html_report_escapes_what_users_typed(demo_inputs):
    from dataclasses import replace

    from planwatch.monitor import evaluate
    from planwatch.report import compose_report
    from planwatch.report.inputs import ReportInputs

    data = demo_inputs.data
    hostile = replace(data.tasks[0], name='<script>alert("x")</script>活动')
    changed = replace(data, tasks=[hostile, *data.tasks[1:]])
    page = render_html(compose_report(ReportInputs(changed, evaluate(changed, DEMO_AS_OF), demo_inputs.history)))
    assert "<script>" not in page
    assert "&lt;script&gt;" in page


#: Base-unit factor of a target unit, as the extractor reports values (3.95万人 → 39500 人).
UNIT_FACTORS = {"万人": 1e4, "万人次": 1e4, "万户": 1e4, "亿美元": 1e8}


def test_every_headline_figure_reads_back_with_its_indicator_value_period_and_modality(demo_docx, demo_inputs):
    facts = extract_facts(body_text(read(demo_docx).text))
    catalog = load_catalog()
    checked = []
    for target in demo_inputs.data.targets:
        status = next(s for s in demo_inputs.board.items if s.code == target.code)
        if status.actual is None:
            continue
        indicator = catalog.get(target.indicator_code) or catalog.find(target.indicator_code)
        name = indicator.name if indicator else target.indicator_code
        record = max((r for r in demo_inputs.history[target.code] if r.value is not None), key=lambda r: r.as_of)
        period = f"2025-01/2025-{record.as_of.month:02d}"
        measure = "level" if target.cumulative else ("growth" if target.measure.value == "growth" else "ratio")
        found = next((f for f in facts if (f.subject, f.measure, f.period) == (name, measure, period)), None)
        assert found is not None, (name, measure, period)
        assert found.value == pytest.approx(status.actual * UNIT_FACTORS.get(target.unit, 1)), found
        assert found.modality == "actual"
        checked.append(name)
    assert len(checked) == 24


@pytest.fixture
def cli_db(demo_db, tmp_path):
    copy = tmp_path / "demo.sqlite"
    shutil.copy(demo_db.path, copy)
    return str(copy)


def _edit(source, target):
    """Change the GDP figure and add one sentence with a figure of its own, as staff would in Word."""
    doc = Document(str(source))
    changed = False
    for paragraph in doc.paragraphs:
        for run in paragraph.runs:
            if run.text == "6.1%" and not changed:
                run.text = "6.4%"
                changed = True
        if paragraph.text.startswith("对照年度计划"):
            paragraph.add_run("全市新建城市驿站12个。")
    assert changed
    doc.save(str(target))


def test_report_verify_names_exactly_the_changed_figure_and_the_added_sentence(cli_db, tmp_path):
    runner = CliRunner()
    original = tmp_path / "报告.docx"
    args = ["--plan", "JC2025", "--as-of", "2025-06-30", "--db", cli_db]
    result = runner.invoke(cli, ["report", *args, "--format", "docx", "-o", str(original)])
    assert result.exit_code == 0, result.output
    clean = runner.invoke(cli, ["report", "verify", str(original), *args])
    assert clean.exit_code == 0, clean.output
    assert "全部与数据相符" in clean.output

    edited = tmp_path / "报告-修改稿.docx"
    _edit(original, edited)
    found = runner.invoke(cli, ["report", "verify", str(edited), *args])
    assert found.exit_code == 1
    lines = [line for line in found.output.splitlines() if line.startswith(("与数据不符", "手工添加"))]
    assert len(lines) == 2, found.output
    assert lines[0].startswith("与数据不符：「地区生产总值」6.4%，数据为6.1%（来源：T01@2025-06-30 市统计局")
    assert lines[1].startswith("手工添加：「新建城市驿站」12个")


def test_report_verify_reads_a_report_with_word_comments_too(cli_db, tmp_path):
    runner = CliRunner()
    path = tmp_path / "批注.docx"
    args = ["--plan", "JC2025", "--as-of", "2025-06-30", "--db", cli_db]
    assert runner.invoke(cli, ["report", *args, "--sources", "comments", "-o", str(path)]).exit_code == 0
    result = runner.invoke(cli, ["report", "verify", str(path), *args])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(("fmt", "marker"), [("html", "<!DOCTYPE html>"), ("md", "# 关于江川市2025年1—6月")])
def test_the_report_command_writes_html_and_markdown(cli_db, tmp_path, fmt, marker):
    path = tmp_path / f"报告.{fmt}"
    result = CliRunner().invoke(
        cli, ["report", "--as-of", "2025-06-30", "--format", fmt, "-o", str(path), "--db", cli_db]
    )
    assert result.exit_code == 0, result.output
    assert path.read_text(encoding="utf-8").startswith(marker)


def test_the_report_command_refuses_a_date_outside_the_plan_year(cli_db, tmp_path):
    result = CliRunner().invoke(
        cli, ["report", "--as-of", "2024-06-30", "-o", str(tmp_path / "x.docx"), "--db", cli_db]
    )
    assert result.exit_code != 0
    assert "不在计划年度" in result.output
    assert not (tmp_path / "x.docx").exists()


def test_report_verify_says_which_file_it_cannot_read(cli_db, tmp_path):
    bad = tmp_path / "坏文件.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    result = CliRunner().invoke(cli, ["report", "verify", str(bad), "--as-of", "2025-06-30", "--db", cli_db])
    assert result.exit_code not in (0, 1)
    assert re.search("坏文件", result.output)
