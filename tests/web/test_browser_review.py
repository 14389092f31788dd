"""The review flow in a real browser: Debian's Chromium driven by Playwright against uvicorn.

A 填报 user of 青山县人民政府 logs in and submits P02's June figure, and sees it waiting; a
计划处 user returns it with a comment; the 填报 user reads the comment and resubmits; the
计划处 user approves, and P02's light on the board changes. The same unit downloads its
progress template from 上传填报表, fills it, uploads it and finds the figure waiting for
review. Nothing is downloaded from the internet: the system browser is launched by path.
Skipped without /usr/bin/chromium unless
``PLANWATCH_TEST_REQUIRE_BROWSER=1`` (as in ``.ci/run``). With ``PLANWATCH_SCREENSHOTS=DIR``
the login page, the review queue and the upload page are saved there (the README's pictures).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from planwatch.app import accounts

from .accounts import PASSWORD
from .webapp import make_store, start_server, stop_server

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AT = "plan=JC2025&as_of=2025-06-30"


def _browser_or_skip() -> None:
    if CHROMIUM.exists():
        return
    if os.environ.get("PLANWATCH_TEST_REQUIRE_BROWSER") == "1":
        pytest.fail("PLANWATCH_TEST_REQUIRE_BROWSER=1 but /usr/bin/chromium is missing (apt-get install chromium)")
    pytest.skip("no /usr/bin/chromium on this machine")


@pytest.fixture
def site(tmp_path: Path) -> Iterator[str]:
    _browser_or_skip()
    store = make_store(tmp_path)
    accounts.add_user(store, "qingshan", "填报", "青山县人民政府", PASSWORD, actor="测试")
    server, thread, url = start_server(store)
    yield url
    stop_server(server, thread)
    store.close()


def test_a_figure_goes_from_submitted_to_returned_to_approved_and_changes_the_light(site: str) -> None:
    from playwright.sync_api import expect, sync_playwright

    shots = os.environ.get("PLANWATCH_SCREENSHOTS")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        try:
            unit = browser.new_context(base_url=site, viewport={"width": 1280, "height": 800}).new_page()
            office = browser.new_context(base_url=site, viewport={"width": 1600, "height": 640}).new_page()

            def log_in(page, name: str) -> None:  # type: ignore[no-untyped-def]
                page.goto("/login")
                page.fill("input[name=name]", name)
                page.fill("input[name=password]", PASSWORD)
                page.click("form.login-form button[type=submit]")
                expect(page.locator("form.whoami .who")).to_contain_text(name)

            unit.goto("/login")
            expect(unit.locator("h2")).to_have_text("登录")
            if shots:
                unit.screenshot(path=str(Path(shots) / "login.png"))
            log_in(unit, "qingshan")
            unit.goto(f"/items/P02?{AT}")
            light_before = unit.locator(".status-light").inner_text().strip()
            assert light_before != "绿灯"

            unit.fill("form.entry input[name=value]", "33000")
            unit.fill("form.entry input[name=narrative]", "厂房主体封顶")
            unit.click("form.entry button[type=submit]")
            # a jump from 1,000 is a warning the submitter confirms (and the reviewer then sees)
            expect(unit.locator(".notice.err")).to_contain_text("请核对后确认提交")
            unit.check("form.entry input[name=confirm]")
            unit.click("form.entry button[type=submit]")
            expect(unit.locator(".notice.ok")).to_contain_text("等待计划处审核")
            expect(unit.locator("table.submissions .state").first).to_have_text("待审核")
            expect(unit.locator(".status-light")).to_have_text(light_before)  # not counted yet

            log_in(office, "planner")
            office.goto(f"/review?{AT}")
            row = office.locator("table.review tbody tr").filter(has_text="P02")
            expect(row).to_contain_text("33,000")
            expect(row).to_contain_text("1,000")  # the previous approved figure beside it
            expect(row).to_contain_text("60,000")  # and the target
            if shots:
                office.screenshot(path=str(Path(shots) / "review.png"), full_page=True)
            row.locator("input[name=comment]").fill("请补充形象进度照片并核对投资口径")
            row.locator("button[name=return]").click()
            expect(office.locator(".notice.ok")).to_contain_text("已退回")

            unit.goto(f"/submissions?{AT}")
            returned = unit.locator("table.submissions tbody tr").filter(has_text="P02").first
            expect(returned).to_contain_text("已退回")
            expect(returned).to_contain_text("请补充形象进度照片并核对投资口径")
            unit.goto(f"/items/P02?{AT}")
            expect(unit.locator("table.submissions")).to_contain_text("请补充形象进度照片并核对投资口径")
            unit.fill("form.entry input[name=value]", "32800")
            unit.fill("form.entry input[name=narrative]", "厂房主体封顶，投资按财务口径核减")
            unit.click("form.entry button[type=submit]")
            unit.check("form.entry input[name=confirm]")
            unit.click("form.entry button[type=submit]")
            expect(unit.locator(".notice.ok")).to_contain_text("等待计划处审核")

            office.goto(f"/review?{AT}")
            row = office.locator("table.review tbody tr").filter(has_text="P02")
            expect(row).to_contain_text("32,800")
            row.locator("button[name=approve]").click()
            expect(office.locator(".notice.ok")).to_contain_text("已审核通过")

            unit.goto(f"/items/P02?{AT}")
            expect(unit.locator(".status-light")).to_have_text("绿灯")
            expect(unit.locator("table.history")).to_contain_text("32,800")
        finally:
            browser.close()


def test_a_unit_downloads_its_template_fills_it_and_uploads_it_as_submissions_waiting_for_review(
    site: str, tmp_path: Path
) -> None:
    from datetime import date

    from playwright.sync_api import expect, sync_playwright

    from .workbooks import filled

    shots = os.environ.get("PLANWATCH_SCREENSHOTS")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        try:
            page = browser.new_context(base_url=site, viewport={"width": 1280, "height": 860}, accept_downloads=True)
            unit = page.new_page()
            unit.goto("/login")
            unit.fill("input[name=name]", "qingshan")
            unit.fill("input[name=password]", PASSWORD)
            unit.click("form.login-form button[type=submit]")
            unit.click("nav a:has-text('上传填报表')")
            expect(unit.locator("section.upload h2")).to_contain_text("上传进展填报表")
            with unit.expect_download() as download:
                unit.click("a:has-text('下载本单位进展填报模板')")
            template = Path(download.value.path()).read_bytes()
            rows = {"项目进展": [{"项目编码": "P02", "截至日期": date(2025, 7, 31), "本年完成投资（万元）": 1200}]}
            target = tmp_path / "青山县进展填报表.xlsx"  # filled as a clerk fills it in Excel
            target.write_bytes(filled(template, rows))

            unit.set_input_files("form.upload-form input[name=file]", str(target))
            unit.click("form.upload-form button[type=submit]")

            expect(unit.locator(".notice.ok")).to_contain_text("已提交 1 条报送，等待计划处审核")
            # the header, with every link and the plan picker, fits a 1280-pixel screen (no sideways scrolling)
            assert unit.evaluate("document.documentElement.scrollWidth") <= 1280
            if shots:
                unit.screenshot(path=str(Path(shots) / "upload.png"), full_page=True)
            unit.click("a:has-text('查看报送记录')")
            waiting = unit.locator("table.submissions tbody tr").filter(has_text="P02").first
            expect(waiting).to_contain_text("待审核")
            expect(waiting).to_contain_text("1,200")
        finally:
            browser.close()
