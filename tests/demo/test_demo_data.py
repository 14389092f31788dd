"""The bundled 江川市 data: what the importer says of it, how much there is, and the sample report."""

from __future__ import annotations

import csv
import shutil
from collections import Counter

import pytest

from planwatch.demo import PLAN_DIR, PROGRESS_DIR, SAMPLE_REPORT, generate
from planwatch.documents import read
from planwatch.exchange.columns import PLAN_SHEETS, PROGRESS_SHEETS
from planwatch.imports.parse import parse_plan_tables, parse_progress_tables
from planwatch.imports.reader import read_tables


@pytest.fixture(scope="module")
def plan():
    data = parse_plan_tables(read_tables(PLAN_DIR), source="demo/plan")
    data.progress = parse_progress_tables(read_tables(PROGRESS_DIR), data, source="demo/progress")
    return data


def test_the_demo_plan_and_progress_pass_the_importer_without_a_single_issue(plan):
    assert plan.plan.code == "JC2025"
    assert len(plan.progress) > 1000


@pytest.mark.parametrize("sheet", [*PLAN_SHEETS, *PROGRESS_SHEETS], ids=lambda s: s.name)
def test_every_demo_csv_has_exactly_the_headers_of_its_exchange_sheet(sheet):
    folder = PLAN_DIR if sheet in PLAN_SHEETS else PROGRESS_DIR
    with (folder / f"{sheet.name}.csv").open(encoding="utf-8") as handle:
        assert next(csv.reader(handle)) == sheet.headers


def test_the_demo_plan_has_twelve_work_areas_and_enough_items_of_every_kind(plan):
    assert len(plan.work_areas) == 12
    assert len(plan.targets) >= 24
    assert len(plan.tasks) >= 64
    assert len(plan.projects) >= 210
    assert len(plan.livelihood_items) == 15
    districts = Counter(p.district_code for p in plan.projects)
    assert len(districts) >= 10


def test_key_tasks_mix_milestone_tasks_of_two_to_four_steps_with_quantified_ones(plan):
    milestone_tasks = [t for t in plan.tasks if t.milestones]
    quantified = [t for t in plan.tasks if t.annual_quantity is not None]
    assert len(milestone_tasks) >= 20 and len(quantified) >= 30
    assert all(2 <= len(t.milestones) <= 4 for t in milestone_tasks)
    assert all(t.unit for t in quantified)


def test_progress_covers_january_to_june_with_some_biweekly_reports(plan):
    months = {r.as_of.month for r in plan.progress}
    assert months == {1, 2, 3, 4, 5, 6}
    assert any(r.as_of.day == 15 for r in plan.progress)
    assert any(not r.cumulative for r in plan.progress)


def test_project_names_and_codes_are_all_different(plan):
    assert len({p.name for p in plan.projects}) == len(plan.projects)
    assert all(p.code.startswith("JC2025-") for p in plan.projects)


def test_the_generator_writes_the_committed_projects_and_progress_again_byte_for_byte(tmp_path, monkeypatch):
    plan_copy = tmp_path / "plan"
    shutil.copytree(PLAN_DIR, plan_copy)
    monkeypatch.setattr(generate, "PLAN_DIR", plan_copy)
    monkeypatch.setattr(generate, "PROGRESS_DIR", tmp_path / "progress")
    generate.main([])
    assert (plan_copy / "重大项目.csv").read_bytes() == (PLAN_DIR / "重大项目.csv").read_bytes()
    for sheet in PROGRESS_SHEETS:
        name = f"{sheet.name}.csv"
        assert (tmp_path / "progress" / name).read_bytes() == (PROGRESS_DIR / name).read_bytes(), name


def test_the_sample_report_is_a_half_year_report_of_eight_to_fifteen_thousand_characters():
    document = read(SAMPLE_REPORT)
    assert 8000 <= len(document.text) <= 15000
    assert document.metadata.period == "2025-01/2025-06"
    assert document.metadata.title and "江川市" in document.metadata.title
    titles = [h.title for h in document.outline.headings]
    assert titles[0].startswith("1—6月计划执行情况") and "下半年" in titles[1]


def test_the_sample_report_quotes_the_demo_plan_figures_it_shares():
    text = SAMPLE_REPORT.read_text(encoding="utf-8")
    for phrase in ("增长6.1%", "增长7.8%", "增长4.2%", "增长5.9%", "增长8.3%", "增长3.6%", "3.95万人", "216个"):
        assert phrase in text
