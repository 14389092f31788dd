"""The unit's progress workbook uploaded on the web: its own items only, all or nothing, then review.

The 填报 user answers for 市交通运输局 (P01); the 区县 user of 临江区 for P01 and P03;
L01 belongs to 市卫生健康委. Workbooks are the template the page offers, downloaded,
filled with openpyxl as a clerk fills it in Excel, and uploaded to the real app over a
real SQLite file.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook
from sqlalchemy import func, select

from planwatch.store import Store
from planwatch.store.submissions import SUBMISSIONS
from planwatch.web import create_app

from .accounts import logged_in
from .pages import approve_waiting, soup, texts
from .webapp import PLAN, make_store
from .workbooks import filled

AT = {"plan": PLAN, "as_of": "2025-07-31"}
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
JULY = date(2025, 7, 31)


@pytest.fixture
def world(tmp_path: Path) -> Iterator[tuple[Store, TestClient]]:
    store = make_store(tmp_path)
    yield store, TestClient(create_app(store), follow_redirects=False)
    store.close()


def browser(app_client: TestClient, name: str) -> TestClient:
    client = TestClient(app_client.app, follow_redirects=False)
    return logged_in(client, name)


def template(client: TestClient, **params: str) -> bytes:
    response = client.get("/submit/template", params={**AT, **params})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == XLSX
    return response.content


def listed_codes(content: bytes) -> set[str]:
    workbook = load_workbook(io.BytesIO(content))
    return {
        str(row[0])
        for ws in workbook.worksheets
        if ws.title != "填表说明"
        for row in ws.iter_rows(min_row=2, values_only=True)
        if row[0]
    }


def upload(client: TestClient, content: bytes, name: str = "进展.xlsx", confirm: bool = False):
    token = soup(client.get("/submit/upload", params=AT)).select_one("form.upload-form input[name=csrf_token]")["value"]
    data = {"csrf_token": token} | ({"confirm": "1"} if confirm else {})
    return client.post("/submit/upload", params=AT, data=data, files={"file": (name, content, XLSX)})


def written(store: Store) -> tuple[int, int, int]:
    with store.engine.connect() as conn:
        count = conn.execute(select(func.count()).select_from(SUBMISSIONS)).scalar_one()
    return count, len(store.load_plan_data(PLAN).progress), store.audit_count()


def project(code: str, value: object, day: object = JULY) -> dict[str, list[dict[str, object]]]:
    return {"项目进展": [{"项目编码": code, "截至日期": day, "本年完成投资（万元）": value}]}


@pytest.mark.parametrize(
    ("user", "status"),
    [("admin", 403), ("planner", 200), ("filler", 200), ("district", 200), ("reader", 403)],
)
@pytest.mark.parametrize("path", ["/submit/upload", "/submit/template"])
def test_only_users_who_may_submit_reach_the_upload_page_and_the_template(world, user, status, path):
    _store, app_client = world
    assert browser(app_client, user).get(path, params=AT).status_code == status


@pytest.mark.parametrize(
    ("user", "params", "codes"),
    [
        ("filler", {}, {"P01"}),
        ("filler", {"unit": "市卫生健康委"}, {"P01"}),  # a unit user's template is its own, whatever it asks
        ("district", {}, {"P01", "P03"}),
        ("planner", {"unit": "市卫生健康委"}, {"L01"}),
        ("planner", {}, {"T01", "T02", "K01", "K02", "P01", "P02", "P03", "L01"}),
    ],
)
def test_the_template_lists_the_items_the_user_may_report_on(world, user, params, codes):
    _store, app_client = world
    assert listed_codes(template(browser(app_client, user), **params)) == codes


def test_the_nav_links_the_upload_page_for_those_who_may_submit(world):
    _store, app_client = world
    assert "上传填报表" in texts(soup(browser(app_client, "filler").get("/", params=AT)), "nav a")
    assert "上传填报表" not in texts(soup(browser(app_client, "reader").get("/", params=AT)), "nav a")


BAD_UPLOADS = [
    # case, user, sheet rows, file name, words in the message, sheet/row/column named
    (
        "another unit's item",
        "filler",
        {"民生实事进展": [{"实事编码": "L01", "截至日期": JULY, "完成量": 2000}]},
        "进展.xlsx",
        "不是本单位",
        "工作表“民生实事进展”第2行“实事编码”",
    ),
    ("another district's project", "district", project("P02", 5000), "进展.xlsx", "不是本单位", "工作表“项目进展”"),
    ("NaN", "filler", project("P01", "NaN"), "进展.xlsx", "本年完成投资", "第2行“本年完成投资（万元）”"),
    ("text in a number cell", "filler", project("P01", "两万五"), "进展.xlsx", "两万五", "“本年完成投资（万元）”"),
    ("1e400", "filler", project("P01", "1e400"), "进展.xlsx", "本年完成投资", "“本年完成投资（万元）”"),
    ("negative", "filler", project("P01", -100), "进展.xlsx", "负数", "“本年完成投资（万元）”"),
    ("a date in another year", "filler", project("P01", 25000, date(2024, 12, 31)), "进展.xlsx", "2025", "“截至日期”"),
    (
        "a project stage",
        "filler",
        {"项目进展": [{"项目编码": "P01", "截至日期": JULY, "项目阶段": "竣工"}]},
        "进展.xlsx",
        "项目阶段",
        "“项目阶段”",
    ),
    ("a csv", "filler", project("P01", 25000), "进展.csv", "类型不受支持", "进展.csv"),
]


@pytest.mark.parametrize(
    ("case", "user", "rows", "name", "words", "where"), BAD_UPLOADS, ids=[c[0] for c in BAD_UPLOADS]
)
def test_a_bad_upload_is_refused_whole_naming_the_place_and_nothing_is_written(
    world, case, user, rows, name, words, where
):
    store, app_client = world
    client = browser(app_client, user)
    content = filled(
        template(client), project("P01", 25000) | rows if user == "filler" and "项目进展" not in rows else rows
    )
    before = written(store)
    response = upload(client, content, name)
    assert response.status_code == 422, response.text
    alert = " ".join(texts(soup(response), "[role=alert]"))
    assert "未保存任何数据" in alert and words in alert and where in alert
    assert written(store) == before


def test_a_file_that_is_not_a_workbook_is_refused_in_chinese(world):
    store, app_client = world
    before = written(store)
    response = upload(browser(app_client, "filler"), b"not a zip at all", "进展.xlsx")
    assert response.status_code == 422
    assert "不是有效的Excel文件" in " ".join(texts(soup(response), "[role=alert]"))
    assert written(store) == before


def test_an_upload_without_the_form_token_is_refused(world):
    store, app_client = world
    client = browser(app_client, "filler")
    content = filled(template(client), project("P01", 25000))
    response = client.post("/submit/upload", params=AT, files={"file": ("进展.xlsx", content, XLSX)})
    assert response.status_code == 403 and written(store)[0] == 0


def test_a_reader_cannot_upload_even_with_a_valid_form(world):
    store, app_client = world
    reader = browser(app_client, "reader")
    token = soup(reader.get("/", params=AT)).select_one("form.whoami input[name=csrf_token]")["value"]
    content = filled(template(browser(app_client, "filler")), project("P01", 25000))
    response = reader.post(
        "/submit/upload", params=AT, data={"csrf_token": token}, files={"file": ("进展.xlsx", content, XLSX)}
    )
    assert response.status_code == 403 and written(store)[0] == 0


def test_a_good_upload_makes_submitted_rows_that_the_planning_office_approves_and_the_board_changes(world):
    store, app_client = world
    district = browser(app_client, "district")
    content = filled(
        template(district),
        {
            "项目进展": [
                {
                    "项目编码": "P01",
                    "截至日期": JULY,
                    "本年完成投资（万元）": 26000,
                    "情况说明": '=HYPERLINK("http://x")',
                },
                {"项目编码": "P03", "截至日期": JULY, "本年完成投资（万元）": 12000},
            ]
        },
    )
    planner = browser(app_client, "planner")
    light_before = planner.get("/api/items/P03", params=AT).json()["status"]["light"]
    before = written(store)
    response = upload(district, content)
    assert response.status_code == 303
    page = soup(district.get(response.headers["location"]))
    assert "已提交 2 条报送" in " ".join(texts(page, ".notice.ok"))
    with store.engine.connect() as conn:
        rows = conn.execute(select(SUBMISSIONS).order_by(SUBMISSIONS.c.id)).all()
    assert [(r.item_code, r.state, r.submitted_by, r.unit) for r in rows] == [
        ("P01", "submitted", "district", "临江区"),
        ("P03", "submitted", "district", "临江区"),
    ]
    assert "HYPERLINK" not in rows[0].narrative  # a formula is never read: only a cell's cached value
    assert written(store)[1] == before[1]  # nothing counts before review
    assert approve_waiting(planner, AT) == 2
    after = planner.get("/api/items/P03", params=AT).json()["status"]
    assert after["light"] != light_before and after["light"] != "gray"
    assert {r.item_code for r in store.load_plan_data(PLAN).progress if r.as_of == JULY} == {"P01", "P03"}


def test_a_total_below_the_last_approved_asks_for_a_tick_then_keeps_the_warning(world):
    store, app_client = world
    filler = browser(app_client, "filler")
    content = filled(template(filler), project("P01", 1000))
    before = written(store)
    asked = upload(filler, content)
    assert asked.status_code == 200
    page = soup(asked)
    assert "低于此前的22,000" in " ".join(texts(page, "[role=alert]")) and page.select_one("input[name=confirm]")
    assert written(store) == before
    done = upload(filler, content, confirm=True)
    assert done.status_code == 303
    with store.engine.connect() as conn:
        [row] = conn.execute(select(SUBMISSIONS)).all()
    assert row.state == "submitted" and "低于此前的22,000" in row.warning


def test_a_row_repeating_an_approved_figure_is_skipped(world):
    store, app_client = world
    filler = browser(app_client, "filler")
    june = {
        "项目编码": "P01",
        "截至日期": date(2025, 6, 30),
        "本年完成投资（万元）": 22000,
        "情况说明": "码头主体结构施工",
    }
    july = {"项目编码": "P01", "截至日期": JULY, "本年完成投资（万元）": 25000}
    response = upload(filler, filled(template(filler), {"项目进展": [june, july]}))
    assert response.status_code == 303
    assert "另有 1 行与已审核通过的数值相同" in " ".join(
        texts(soup(filler.get(response.headers["location"])), ".notice.ok")
    )
    assert written(store)[0] == 1


def test_a_row_changing_an_approved_figure_is_refused_naming_the_row(world):
    store, app_client = world
    filler = browser(app_client, "filler")
    before = written(store)
    response = upload(filler, filled(template(filler), project("P01", 23000, date(2025, 6, 30))))
    assert response.status_code == 422
    alert = " ".join(texts(soup(response), "[role=alert]"))
    assert "工作表“项目进展”第2行“截至日期”" in alert and "已审核通过并锁定" in alert
    assert written(store) == before
