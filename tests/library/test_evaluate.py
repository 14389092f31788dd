"""``python -m planwatch.library.evaluate``: which gold facts are panel cells, how cells are counted, the run.

The gold facts below are made up, on a fictional text (江川市 2026); the last test runs the
evaluation on the real reports of ``../shared`` and skips without them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from planwatch.library.evaluate import Cell, compare, gold_cells, main
from planwatch.library.vocabulary import NON_NUMERIC

TEXT = "今年主要预期目标是：地区生产总值增长5%—5.5%，城镇调查失业率5.5%以内。" + "。" * 40


def fact(span, value, *, subject="地区生产总值", measure="growth", unit="%", period="2026-01/2026-12",
         modality="target", qualifier=None, baseline="yoy"):  # fmt: skip
    return {
        "span": list(span), "text": "", "subject": subject, "measure": measure, "value": value, "unit": unit,
        "period": period, "modality": modality, "qualifier": qualifier, "baseline": baseline,
    }  # fmt: skip


GDP_GROWTH = ("target", 2026, "地区生产总值", "growth")
GOLD_RULES = [
    ("a whole year's target", [fact((18, 20), 5.0, qualifier="about")], {GDP_GROWTH: (5.0, None, None, "about")}),
    ("two targets joined by a dash are one range", [fact((18, 20), 5.0), fact((21, 25), 5.5)],
     {GDP_GROWTH: (5.0, 5.0, 5.5, None)}),
    ("two targets apart are the first", [fact((18, 20), 5.0), fact((40, 44), 6.0)],
     {GDP_GROWTH: (5.0, None, None, None)}),
    ("a five-year average is no cell", [fact((18, 20), 5.6, period="2021-01/2025-12", modality="actual",
                                             baseline="avg_annual")], {}),
    ("a five-year rise over 2020 is no cell", [fact((18, 20), 32.0, period="2021-01/2025-12", modality="actual",
                                                    baseline="2020")], {}),
    ("a 2030 goal is no cell", [fact((18, 20), 5.0, period="2026-01/2030-12")], {}),
    ("a half-year figure is no cell", [fact((18, 20), 5.0, period="2026-01/2026-06", modality="actual")], {}),
    ("a plan is no cell", [fact((18, 20), 5.0, modality="plan")], {}),
    ("a subject outside the catalog is no cell", [fact((18, 20), 5.0, subject="新能源汽车产量")], {}),
    ("a streak is no amount", [fact((18, 20), 5, measure="level", unit="年", baseline=None)], {}),
    ("a stock at the year's end is that year's",
     [fact((18, 20), 5.5, subject="城镇调查失业率", measure="ratio", period="2025-12-31", modality="actual",
           baseline=None)], {("actual", 2025, "城镇调查失业率", "ratio"): (5.5, None, None, None)}),
    ("an exact outcome beats a rounded one",
     [fact((18, 20), 6e12, measure="level", unit="元", period="2025-01/2025-12", modality="actual", qualifier="over",
           baseline=None),
      fact((40, 44), 6.2e12, measure="level", unit="元", period="2025-01/2025-12", modality="actual", baseline=None)],
     {("actual", 2025, "地区生产总值", "level"): (6.2e12, None, None, None)}),
]  # fmt: skip


@pytest.mark.parametrize(("rule", "facts", "cells"), GOLD_RULES, ids=[r[0] for r in GOLD_RULES])
def test_gold_facts_become_panel_cells_by_the_modules_rules(rule: str, facts: list, cells: dict) -> None:
    got = {k: (c.value, c.low, c.high, c.qualifier) for k, c in gold_cells(facts, TEXT).items()}
    assert got == cells, rule


KEY = ("target", 2026, "地区生产总值", "growth")
COUNTS = [
    ("right", Cell(5.0, qualifier="about"), Cell(5.0, qualifier="about"), dict(found=1, value=1, shape=1)),
    ("wrong qualifier", Cell(5.0, qualifier="about"), Cell(5.0, qualifier="over"), dict(found=1, value=1, shape=0)),
    ("wrong value", Cell(5.0), Cell(5.5), dict(found=1, value=0, shape=0)),
    ("range missed", Cell(5.0, 5.0, 5.5), Cell(5.0), dict(found=1, value=1, shape=0)),
    ("missing", Cell(5.0), None, dict(found=0, missing=1)),
    ("words where the gold has a number", Cell(5.0), Cell(None, qualifier=NON_NUMERIC), dict(missing=1, words=1)),
    ("invented", None, Cell(5.0, span=(10, 13)), dict(expected=0, invented=1)),
    ("words where the gold has none", None, Cell(None, qualifier=NON_NUMERIC), dict(expected=0, words=1)),
    ("invented outside the annotated regions", None, Cell(5.0, span=(900, 903)), dict(expected=0, invented=0)),
]  # fmt: skip


@pytest.mark.parametrize(("case", "want", "got", "counts"), COUNTS, ids=[c[0] for c in COUNTS])
def test_each_cell_is_counted_once_in_the_right_column(case: str, want, got, counts: dict) -> None:
    score = compare({KEY: want} if want else {}, {KEY: got} if got else {}, regions=[[0, 100]])["target"]
    full = dict(expected=1, found=0, value=0, shape=0, invented=0, missing=0, words=0) | counts
    assert {k: getattr(score, k) for k in full} == full, case


def test_without_the_shared_folder_it_says_so_and_exits_cleanly(tmp_path: Path, capsys) -> None:
    assert main(["--shared", str(tmp_path)]) == 0
    assert "跳过" in capsys.readouterr().err


def test_on_the_real_reports_it_prints_both_sides_of_every_file_and_the_differing_cells(shared_dir: Path, capsys):
    if not (shared_dir / "gold" / "04_anhui-gwr-2026.gold.json").is_file():
        pytest.skip("the gold of 04_anhui-gwr-2026 is not present")
    assert main(["--shared", str(shared_dir), "--only", "04_anhui", "--show-errors", "50"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split()[:3] == ["file", "side", "expected"]
    target = next(line for line in out if line.startswith("04_anhui-gwr-2026") and " target " in line).split()
    assert int(target[2]) > 0 and int(target[3]) <= int(target[2])
    assert any(line.startswith("TOTAL") for line in out)
