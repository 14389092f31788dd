"""``planwatch ingest``: a report's figures become progress of the plan's targets, new targets, or document facts."""

from __future__ import annotations

import json
from datetime import date

import pytest
from click.testing import CliRunner

from planwatch.cli.main import cli
from planwatch.demo import SAMPLE_REPORT, build_demo
from planwatch.ingest import ingest_document
from planwatch.plan.model import Plan, PlanData, Region, Target, TargetMeasure
from planwatch.store import Store

SEED_TARGETS = {  # target code → catalog indicator of the six headline figures of the seed
    "S01": "gdp",
    "S02": "industrial_va",
    "S03": "fixed_asset_investment",
    "S04": "retail_sales",
    "S05": "foreign_trade",
    "S06": "public_budget_revenue",
}


def growth_target(code: str, indicator: str, value: float = 6) -> Target:
    return Target(code=code, indicator_code=indicator, measure=TargetMeasure.GROWTH, value=value, unit="%")


def open_store(tmp_path, name: str = "ingest.sqlite") -> Store:
    store = Store.open(f"sqlite:///{tmp_path / name}")
    store.init()
    return store


def progress_of(store: Store, plan_code: str) -> dict[str, list]:
    data = store.load_plan_data(plan_code)
    out: dict[str, list] = {}
    for record in data.progress:
        out.setdefault(record.item_code, []).append(record)
    return out


def test_the_seed_headline_growth_figures_become_progress_of_the_matching_indicators(tmp_path, seed_path, shared_dir):
    gold = json.loads((shared_dir / "gold" / "seed.gold.json").read_text(encoding="utf-8"))["facts"][:6]
    store = open_store(tmp_path)
    plan = PlanData(
        plan=Plan("SEED2025", "SEED", 2025, "种子报告所在城市2025年计划"),
        regions=[Region("SEED", "种子城市")],
        targets=[growth_target(code, indicator) for code, indicator in SEED_TARGETS.items()],
    )
    store.save_plan_data(plan, user="test")
    # the plan stands in for the seed's own city, which the report names: forced past the region check
    result = ingest_document(store, seed_path, plan_code="SEED2025", user="test", force=True)
    recorded = progress_of(store, "SEED2025")
    store.close()
    for (code, _indicator), fact in zip(SEED_TARGETS.items(), gold, strict=True):
        first = sorted(recorded[code], key=lambda r: r.source.span)[0]
        assert first.value == pytest.approx(fact["value"]), code
        assert first.as_of == date(2025, 6, 30)
        assert first.period_start == date(2025, 1, 1)
        assert first.cumulative
        assert first.source.span == tuple(fact["span"])
        assert first.source.document == seed_path.name
    assert len(result.document_facts) > 100


def test_the_sample_report_records_the_demo_plans_headline_figures(tmp_path):
    built = build_demo(tmp_path / "demo.sqlite")
    store = Store.open(built.url)
    try:
        result = ingest_document(store, SAMPLE_REPORT, plan_code="JC2025", user="test")
        recorded = progress_of(store, "JC2025")
    finally:
        store.close()
    expected = {"T01": 6.1, "T02": 7.8, "T03": 4.2, "T04": 5.9, "T05": 8.3, "T06": 3.6, "T12": 3.95}
    # every figure is read; where the unit reported the same item and date itself, its record stays
    from_report = {m.target.code: m.record for m in [*result.progress, *result.beside]}
    written = {m.target.code for m in result.progress}
    for code, value in expected.items():
        assert from_report[code].value == pytest.approx(value), code
        assert from_report[code].as_of == date(2025, 6, 30)
        stored = [r for r in recorded[code] if r.as_of == date(2025, 6, 30)]
        if code in written:
            assert [r.value for r in stored if r.source.document == SAMPLE_REPORT.name] == [pytest.approx(value)]
        else:
            assert stored and all(r.source.unit and not r.source.document for r in stored), code


def test_ingesting_the_same_report_twice_changes_nothing(tmp_path):
    built = build_demo(tmp_path / "twice.sqlite")
    store = Store.open(built.url)
    try:
        ingest_document(store, SAMPLE_REPORT, plan_code="JC2025", user="test")
        audit_before = len(store.audit_log(limit=100_000))
        again = ingest_document(store, SAMPLE_REPORT, plan_code="JC2025", user="test")
        audit_after = len(store.audit_log(limit=100_000))
    finally:
        store.close()
    assert not again.changed
    assert audit_after == audit_before


def test_target_passages_become_proposals_the_planning_office_accepts_never_silent_targets(tmp_path):
    store = open_store(tmp_path)
    plan = PlanData(
        plan=Plan("JC-MIN", "JC", 2025, "只有GDP目标的计划"),
        regions=[Region("JC", "江川市")],
        targets=[growth_target("G1", "gdp")],
    )
    store.save_plan_data(plan, user="test")
    result = ingest_document(store, SAMPLE_REPORT, plan_code="JC-MIN", user="test")
    created = {t.indicator_code for t in result.targets}
    assert "gdp" not in created  # the plan has one already
    assert [t.code for t in store.load_plan_data("JC-MIN").targets] == ["G1"]  # nothing added on its own
    proposals = {p["target"]["indicator_code"]: p for p in store.target_proposals("JC-MIN")}
    assert set(proposals) == created
    assert proposals["fixed_asset_investment"]["target"]["value"] == pytest.approx(6)
    assert proposals["grain_output"]["target"]["unit"] == "万吨"
    accepted = store.decide_proposal("JC-MIN", proposals["fixed_asset_investment"]["id"], accept=True, user="计划处")
    targets = {t.indicator_code: t for t in store.load_plan_data("JC-MIN").targets}
    assert accepted is not None and targets["fixed_asset_investment"].value == pytest.approx(6)
    assert str(targets["fixed_asset_investment"].qualifier) == "about"
    assert store.audit_entries(user="计划处", limit=5)
    store.decide_proposal("JC-MIN", proposals["grain_output"]["id"], accept=False, user="计划处")
    assert "grain_output" not in {t.indicator_code for t in store.load_plan_data("JC-MIN").targets}
    assert len(store.target_proposals("JC-MIN")) == len(created) - 2
    again = ingest_document(store, SAMPLE_REPORT, plan_code="JC-MIN", user="test")
    assert len(store.target_proposals("JC-MIN", None)) == len(created)  # read again: nothing proposed twice
    store.close()
    assert again is not None


def test_the_proposals_command_lists_and_accepts(tmp_path):
    store = open_store(tmp_path)
    store.save_plan_data(
        PlanData(plan=Plan("JC-MIN", "JC", 2025, "只有GDP目标的计划"), regions=[Region("JC", "江川市")]), user="t"
    )
    ingest_document(store, SAMPLE_REPORT, plan_code="JC-MIN", user="test")
    first = store.target_proposals("JC-MIN")[0]
    store.close()
    db = f"sqlite:///{tmp_path / 'ingest.sqlite'}"
    listed = CliRunner().invoke(cli, ["proposals", "--db", db])
    assert listed.exit_code == 0 and first["code"] in listed.output and "待确认" in listed.output
    done = CliRunner().invoke(cli, ["proposals", "--db", db, "--accept", str(first["id"]), "--user", "计划处"])
    assert done.exit_code == 0 and f"已列入计划：指标目标 {first['code']}" in done.output
    twice = CliRunner().invoke(cli, ["proposals", "--db", db, "--accept", str(first["id"])])
    assert twice.exit_code == 1 and "已处理" in twice.output


def test_figures_of_unplanned_indicators_stay_searchable_with_the_librarys_indicator(tmp_path):
    store = open_store(tmp_path)
    plan = PlanData(
        plan=Plan("JC-MIN", "JC", 2025, "只有GDP目标的计划"),
        regions=[Region("JC", "江川市")],
        targets=[growth_target("G1", "gdp")],
    )
    store.save_plan_data(plan, user="test")
    ingest_document(store, SAMPLE_REPORT, plan_code="JC-MIN", user="test")
    found = store.search_facts(subject="第一产业增加值")
    store.close()
    assert found and {f.get("indicator") for f in found} == {"第一产业增加值"}  # the catalog's canonical name


def test_planwatch_ingest_says_what_became_progress(tmp_path):
    built = build_demo(tmp_path / "cli.sqlite")
    result = CliRunner().invoke(cli, ["ingest", str(SAMPLE_REPORT), "--db", built.url])
    assert result.exit_code == 0, result.output
    assert "记为指标进展" in result.output and "T01" in result.output
    assert "存为文档数据" in result.output


def test_planwatch_ingest_names_a_missing_plan(tmp_path):
    built = build_demo(tmp_path / "none.sqlite")
    result = CliRunner().invoke(cli, ["ingest", str(SAMPLE_REPORT), "--db", built.url, "--plan", "XX"])
    assert result.exit_code != 0
    assert "XX" in result.output


def test_an_unreadable_report_is_named_and_nothing_is_written(tmp_path):
    built = build_demo(tmp_path / "broken.sqlite")
    broken = tmp_path / "半年报告.docx"
    broken.write_bytes(b"PK\x03\x04 truncated")
    result = CliRunner().invoke(cli, ["ingest", str(broken), "--db", built.url])
    assert result.exit_code != 0
    assert "半年报告.docx" in result.output
    store = Store.open(built.url)
    try:
        assert store.search_facts(document="半年报告.docx") == []
    finally:
        store.close()


def test_ingesting_twice_into_a_plan_that_gained_targets_from_the_report_changes_nothing(tmp_path):
    store = open_store(tmp_path)
    plan = PlanData(
        plan=Plan("JC-MIN", "JC", 2025, "只有GDP目标的计划"),
        regions=[Region("JC", "江川市")],
        targets=[growth_target("G1", "gdp")],
    )
    store.save_plan_data(plan, user="test")
    first = ingest_document(store, SAMPLE_REPORT, plan_code="JC-MIN", user="test")
    audit_before = store.audit_count()
    again = ingest_document(store, SAMPLE_REPORT, plan_code="JC-MIN", user="test")
    audit_after = store.audit_count()
    store.close()
    assert first.targets and not again.changed
    assert [t.target.code for t in again.targets] == [t.target.code for t in first.targets]
    assert len(again.document_facts) == len(first.document_facts)
    assert audit_after == audit_before


def test_ingest_of_a_scanned_pdf_says_why_in_chinese_with_exit_status_2(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    store = open_store(tmp_path)
    store.save_plan_data(PlanData(plan=Plan("JC2025", "JC", 2025, "江川市2025年计划")), user="test")
    store.close()
    scan = tmp_path / "扫描件.pdf"
    pdf = canvas.Canvas(str(scan), pagesize=A4)
    pdf.rect(50, 50, 400, 600, fill=1)
    pdf.showPage()
    pdf.save()
    result = CliRunner().invoke(cli, ["ingest", str(scan), "--db", f"sqlite:///{tmp_path / 'ingest.sqlite'}"])
    assert result.exit_code == 2
    assert "错误：" in result.output and "没有文字层" in result.output and "Error:" not in result.output
