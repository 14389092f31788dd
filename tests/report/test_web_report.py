"""The report downloads on the web: the real app over the demo database."""

from __future__ import annotations

import io
from urllib.parse import unquote

from docx import Document


def test_the_report_downloads_as_a_docx_named_for_the_plan_and_date(client):
    response = client.get("/report.docx", params={"plan": "JC2025", "as_of": "2025-06-30"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/vnd.openxmlformats-officedocument.wordprocessingml")
    assert unquote(response.headers["content-disposition"]).endswith("JC2025-计划执行情况报告-2025-06-30.docx")
    doc = Document(io.BytesIO(response.content))
    assert doc.paragraphs[0].text == "关于江川市2025年1—6月国民经济和社会发展计划执行情况的报告"


def test_the_report_downloads_with_word_comments_when_asked(client):
    response = client.get("/report.docx", params={"plan": "JC2025", "as_of": "2025-06-30", "sources": "comments"})
    assert response.status_code == 200
    assert len(list(Document(io.BytesIO(response.content)).comments)) > 200


def test_the_html_report_links_figures_to_item_pages_that_exist(client):
    page = client.get("/report.html", params={"plan": "JC2025", "as_of": "2025-06-30"})
    assert page.status_code == 200
    assert 'href="/items/T01?plan=JC2025&amp;as_of=2025-06-30#record-2025-06-30"' in page.text
    item = client.get("/items/T01", params={"plan": "JC2025", "as_of": "2025-06-30"})
    assert item.status_code == 200
    assert 'id="record-2025-06-30"' in item.text


def test_the_report_refuses_a_date_outside_the_plan_year_in_chinese(client):
    response = client.get("/report.docx", params={"plan": "JC2025", "as_of": "2024-06-30"})
    assert response.status_code == 400
    assert "不在计划年度" in response.text


def test_the_dashboard_offers_the_report(client):
    page = client.get("/", params={"plan": "JC2025", "as_of": "2025-06-30"})
    assert (
        "/report.docx?plan=JC2025&amp;as_of=2025-06-30" in page.text
        or "/report.docx?plan=JC2025&as_of=2025-06-30" in page.text
    )
