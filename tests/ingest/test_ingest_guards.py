"""Ingest cannot harm the plan: another region's report is refused, a unit's own figures stay."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from planwatch.cli.main import cli
from planwatch.demo import SAMPLE_REPORT, build_demo
from planwatch.documents.metadata import DocumentMetadata
from planwatch.ingest.region import foreign_region
from planwatch.store import Store

OTHER_CITY = """湖州市统计局关于2025年上半年全市经济运行情况的通报

湖州市统计局
2025年7月20日

上半年，全市地区生产总值增长5.9%，规模以上工业增加值增长7.2%，固定资产投资增长4.1%，
社会消费品零售总额增长5.0%，一般公共预算收入增长3.3%。
"""


@pytest.mark.parametrize(
    ("issuer", "title", "plan_region", "foreign"),
    [
        ("江川市人民政府", None, "江川市", None),
        ("江川市统计局", None, "江川市", None),
        (None, "江川2025年上半年经济运行情况", "江川市", None),
        ("湖州市统计局", None, "江川市", "湖州市"),
        (None, "湖州市2025年上半年经济运行情况", "江川市", "湖州市"),
        ("某某委员会办公室", None, "江川市", None),  # names no known place: cannot be judged
        (None, None, "江川市", None),
    ],
)
def test_a_report_is_foreign_when_its_issuer_names_another_region(issuer, title, plan_region, foreign):
    metadata = DocumentMetadata(title=title, issuer=issuer)
    assert foreign_region(metadata, plan_region) == foreign


@pytest.fixture
def demo(tmp_path: Path):
    built = build_demo(tmp_path / "demo.sqlite")
    return built.url


def snapshot(url: str) -> tuple:
    with Store.open(url) as store:
        data = store.load_plan_data("JC2025")
        return (
            sorted((t.code, t.value) for t in data.targets),
            sorted((r.item_code, r.as_of, r.value, r.narrative, r.source.unit) for r in data.progress),
        )


def test_another_regions_report_is_refused_and_the_plan_is_unchanged(demo, tmp_path):
    report = tmp_path / "湖州通报.txt"
    report.write_text(OTHER_CITY, encoding="utf-8")
    before = snapshot(demo)
    result = CliRunner().invoke(cli, ["ingest", str(report), "--db", demo])
    assert result.exit_code != 0
    assert "湖州市" in result.output and "--force" in result.output
    assert snapshot(demo) == before
    without_plan = CliRunner().invoke(cli, ["ingest", str(report), "--db", demo, "--force"])
    assert without_plan.exit_code == 2 and "--plan" in without_plan.output
    assert snapshot(demo) == before


def test_with_the_plan_named_and_force_another_regions_report_is_read(demo, tmp_path):
    report = tmp_path / "湖州通报.txt"
    report.write_text(OTHER_CITY, encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", str(report), "--db", demo, "--plan", "JC2025", "--force"])
    assert result.exit_code == 0, result.output


def test_the_plans_own_report_leaves_unit_submissions_and_notes_intact(demo):
    units_before = [p for p in snapshot(demo)[1] if p[4]]
    result = CliRunner().invoke(cli, ["ingest", str(SAMPLE_REPORT), "--db", demo])
    assert result.exit_code == 0, result.output
    after = snapshot(demo)[1]
    for record in units_before:
        assert record in after, record  # same value, same note, same unit
