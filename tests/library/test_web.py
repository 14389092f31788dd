"""文档库 and 对比 pages over the real app and a real SQLite library: filters, highlighted figures, the panel,
its charts and downloads; hostile text stays text."""

from __future__ import annotations

import csv
import io
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient
from openpyxl import load_workbook

from planwatch.app import accounts
from planwatch.library import add
from planwatch.store import Store
from planwatch.web.app import create_app
from web.accounts import PASSWORD, logged_in

HOSTILE = "=HYPERLINK(1)<b>报告.txt"
HOSTILE_TEXT = "2025年无锡市经济运行情况分析\n2025年，全市地区生产总值增长5.2%。<script>alert(1)</script>\n"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    folder = tmp_path_factory.mktemp("web-library")
    reports = folder / "reports"
    shutil.copytree(Path(__file__).parent / "reports", reports)
    (reports / HOSTILE).write_text(HOSTILE_TEXT, encoding="utf-8")
    store = Store.open(f"sqlite:///{folder / 'library.sqlite'}")
    add([reports], store, jobs=1, progress=None)
    accounts.add_user(store, "reader", "只读", None, PASSWORD, actor="测试")
    with TestClient(create_app(store)) as test_client:
        yield logged_in(test_client, "reader")  # every page needs a login; 只读 sees the whole library
    store.close()


def page(client: TestClient, url: str, **params: str) -> BeautifulSoup:
    response = client.get(url, params=params)
    assert response.status_code == 200, response.text
    return BeautifulSoup(response.text, "html.parser")


def listed(client: TestClient, **params: str) -> set[str]:
    rows = page(client, "/library", **params).select("table.library tbody tr[data-id]")
    return {row.select("td")[5].a.get_text() for row in rows}


FILTERS = [
    ({}, 7),
    ({"genre": "统计公报"}, 1),
    ({"region": "苏州市", "year": "2026"}, 2),
    ({"indicator": "一般公共预算收入"}, 3),
    ({"q": "稳住外贸"}, 1),
]


@pytest.mark.parametrize(("params", "count"), FILTERS)
def test_the_library_page_lists_the_documents_the_filters_select(client: TestClient, params: dict, count: int) -> None:
    assert len(listed(client, **params)) == count


def test_a_region_the_gazetteer_does_not_know_is_refused_in_chinese(client: TestClient) -> None:
    response = client.get("/library", params={"region": "火星市"})
    assert response.status_code == 400 and "不认识地区“火星市”" in response.text


def test_the_document_page_highlights_every_figure_and_links_it_to_its_fact(client: TestClient) -> None:
    doc_id = next(
        row["data-id"] for row in page(client, "/library").select("tr[data-id]") if "江苏省" in row.get_text()
    )
    html = page(client, f"/library/{doc_id}")
    figures = html.select("article.doc-text a.fig")
    facts = html.select("ol.facts li.fact")
    assert len(figures) == len(facts) > 0
    for figure in figures:
        target = html.select_one(figure["href"])
        assert target is not None and figure.get_text() == target.select_one(".fact-text").get_text()


def test_a_figure_of_a_target_links_to_the_panel_row_it_feeds(client: TestClient) -> None:
    doc_id = next(
        row["data-id"] for row in page(client, "/library", genre="统计公报").select("tr[data-id]")
    )
    html = page(client, f"/library/{doc_id}")
    link = html.select_one("li.fact a.panel-link")["href"]
    path, anchor = link.split("#")
    compare = BeautifulSoup(client.get(path).text, "html.parser")
    row = compare.select_one(f"tr#{anchor}")
    assert row is not None and "苏州市" in row.get_text() and "5.4" in row.get_text()


def test_hostile_text_and_file_names_stay_text(client: TestClient) -> None:
    response = client.get("/library", params={"q": "经济运行情况"})
    assert "<b>报告" not in response.text and "&lt;b&gt;报告" in response.text
    doc_id = BeautifulSoup(response.text, "html.parser").select_one("tr[data-id]")["data-id"]
    shown = client.get(f"/library/{doc_id}").text
    assert "<script>alert(1)</script>" not in shown and "&lt;script&gt;alert(1)&lt;/script&gt;" in shown


def test_the_compare_page_shows_the_panel_and_both_charts(client: TestClient) -> None:
    html = page(client, "/compare", indicator="地区生产总值", focus="320000")
    rows = html.select("table.panel-table tbody tr[id]")
    assert {r.select("td")[1].get_text() for r in rows} == {"2023", "2024", "2025", "2026"}
    across = html.select_one("svg.across")
    assert {t.get_text() for t in across.select("text.label")} == {"江苏省", "苏州市", "无锡市"}
    assert len(html.select("svg.years circle.dot-actual")) == 3  # 江苏省 2023, 2024, 2025
    assert html.select_one("select[name=indicator] option[selected]")["value"] == "地区生产总值"


def test_the_panel_downloads_as_csv_with_bom_and_formula_safe_cells(client: TestClient) -> None:
    response = client.get("/compare.csv", params={"indicator": "全部"})
    assert response.status_code == 200 and response.content.startswith(b"\xef\xbb\xbf")
    table = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    hostile = [r for r in table if (r["actual_source"] or "").lstrip("'").startswith("=")]
    assert hostile and all(r["actual_source"].startswith("'=") for r in hostile)
    assert {"region", "region_code", "target_qualifier", "met"} <= set(table[0])


def test_the_panel_downloads_as_a_workbook(client: TestClient, tmp_path: Path) -> None:
    response = client.get("/compare.xlsx", params={"region": "江苏省"})
    path = tmp_path / "panel.xlsx"
    path.write_bytes(response.content)
    sheet = load_workbook(path)["对比面板"]
    header = [c.value for c in next(sheet.iter_rows(max_row=1))]
    assert header[:3] == ["region", "region_code", "year"]
    assert sheet.max_row > 10


def test_a_figure_ingest_took_as_progress_links_to_its_plan_item(tmp_path: Path) -> None:
    from click.testing import CliRunner

    import planwatch.demo
    from planwatch.cli.main import cli

    db = tmp_path / "demo.sqlite"
    report = Path(planwatch.demo.__file__).parent / "data" / "sample_report_2025h1.txt"
    steps = (["demo"], ["ingest", str(report)], ["library", "add", str(report)])
    for args in ([*step, "--db", str(db)] for step in steps):
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 0, result.output
    assert "已在库中未改变 1" in result.output  # ingest added it to the library already
    store = Store.open(f"sqlite:///{db}")
    with TestClient(create_app(store)) as client:
        logged_in(client, "jhc", "demo-jhc-2025")  # the demo's 计划处 account
        (doc_id,) = [r["data-id"] for r in page(client, "/library").select("tr[data-id]")]
        html = page(client, f"/library/{doc_id}")
        links = [a["href"] for a in html.select("a.item-link")]
        assert links and all(link.startswith("/items/") and "plan=JC2025" in link for link in links)
        assert client.get(links[0]).status_code == 200
    store.close()
