"""A report figure beside the unit's own record on the item page and in the API: both shown, 不一致 when they differ."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

from planwatch.demo import SAMPLE_REPORT, build_demo
from planwatch.ingest import ingest_document
from planwatch.ingest.beside import agrees
from planwatch.plan.model import ProgressRecord, Source
from planwatch.store import Store

from .accounts import signed_in_client

HALF_YEAR = date(2025, 6, 30)
#: item → the unit's own half-year figure written before the report is ingested (the report says 6.1, 7.8, 4.2)
UNIT_FIGURES = {"T01": 6.0, "T03": 4.24}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, int]]:
    """The demo plan with two unit figures changed, the sample report ingested, and a 计划处 client."""
    built = build_demo(tmp_path_factory.mktemp("beside") / "demo.sqlite")
    store = Store.open(built.url)
    records = [
        ProgressRecord(code, HALF_YEAR, value, True, source=Source(unit=unit), narrative="单位报送")
        for (code, value), unit in zip(UNIT_FIGURES.items(), ("市统计局", "市发展改革委"), strict=True)
    ]
    store.add_progress("JC2025", records, user="审核员甲")
    result = ingest_document(store, SAMPLE_REPORT, plan_code="JC2025", user="计划处乙")
    with signed_in_client(store, "planner") as client:
        yield client, result.document_id
    store.close()


def figure_rows(client: TestClient, code: str) -> list:
    response = client.get(f"/items/{code}", params={"plan": "JC2025", "as_of": HALF_YEAR.isoformat()})
    assert response.status_code == 200, response.text
    return BeautifulSoup(response.text, "html.parser").select("table.report-figures tbody tr")


@pytest.mark.parametrize(
    ("code", "unit_text", "report_text", "differs"),
    [
        ("T01", "6%（市统计局、2025-06-30、审核人 审核员甲）", "6.1", True),
        ("T02", "7.8%（市工业和信息化局、2025-06-30、审核人 ", "7.8", False),
        ("T03", "4.24%（市发展改革委、2025-06-30、审核人 审核员甲）", "4.2", False),  # 4.24 rounds to the report's 4.2
    ],
)
def test_the_item_page_shows_the_units_figure_beside_the_reports_and_says_when_they_differ(
    demo: tuple[TestClient, int], code: str, unit_text: str, report_text: str, differs: bool
) -> None:
    client, doc_id = demo
    (row,) = [r for r in figure_rows(client, code) if r["data-date"] == HALF_YEAR.isoformat()]
    cells = [c.get_text("", strip=True) for c in row.select("td")]
    assert cells[1].startswith(unit_text)
    assert cells[2].startswith(f"{report_text}%") and SAMPLE_REPORT.name in cells[2]
    assert ("不一致" in cells[3]) is differs
    link = row.select_one("a.report-link")["href"]
    assert link.startswith(f"/library/{doc_id}?fig=") and "#s" in link


def test_the_report_link_opens_the_document_with_the_figure_marked(demo: tuple[TestClient, int]) -> None:
    client, _ = demo
    (row,) = figure_rows(client, "T01")
    link = row.select_one("a.report-link")["href"]
    page = BeautifulSoup(client.get(link).text, "html.parser")
    (marked,) = page.select("a.fig-chosen")
    assert marked.get_text() == "6.1%" and link.endswith(f"#{marked['id']}")


def test_the_api_item_detail_carries_both_figures_and_the_disagreement(demo: tuple[TestClient, int]) -> None:
    client, doc_id = demo
    detail = client.get("/api/items/T01", params={"plan": "JC2025", "as_of": HALF_YEAR.isoformat()}).json()
    (figure,) = detail["report_figures"]
    assert figure["value"] == 6.1 and figure["submitted_value"] == 6.0
    assert (figure["submitted_unit"], figure["reviewed_by"], figure["differs"]) == ("市统计局", "审核员甲", True)
    assert (figure["document_id"], figure["document"], figure["quote"]) == (doc_id, SAMPLE_REPORT.name, "6.1%")
    assert "6.1%" in figure["sentence"]
    assert detail["progress"]  # the fields that were there stay


@pytest.mark.parametrize(
    ("unit", "report", "quote", "same"),
    [
        (6.1, 6.1, "6.1%", True),
        (6.0, 6.1, "6.1%", False),
        (6.14, 6.1, "6.1%", True),
        (6.16, 6.1, "6.1%", False),
        (87.0, 87.4, "87.4%", False),
        (87.4, 87.0, "87%", True),
        (2.024, 2.02, "2.02万户", True),
        (0.63204, 0.632, "6320户", True),  # the item counts 万户, the report wrote 户 (±0.5户)
        (0.6321, 0.632, "6320户", False),
        (-1.2, -1.2, "1.2%", True),
        (-1.3, -1.2, "1.2%", False),
        (3286.4, 3286.4, "3,286.4亿元", True),
        (None, 6.1, "6.1%", False),
    ],
)
def test_a_unit_figure_agrees_with_a_report_figure_only_within_the_reports_rounding(
    unit: float | None, report: float, quote: str, same: bool
) -> None:
    assert agrees(unit, report, quote) is same
