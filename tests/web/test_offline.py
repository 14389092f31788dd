"""Offline by design: no page loads anything from outside the server."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import planwatch.web

from .pages import soup

PAGES = [
    "/?plan=JC2025&as_of=2025-06-30",
    "/items?plan=JC2025&as_of=2025-06-30",
    "/items?plan=JC2025&as_of=2025-06-30&kind=project&sort=gap&desc=1",
    "/items/P01?plan=JC2025&as_of=2025-06-30",
    "/items/K01?plan=JC2025&as_of=2025-06-30",
    "/items/Z99",
    "/api",
]


@pytest.mark.parametrize("path", PAGES)
def test_no_page_references_an_external_url(web, path):
    page = soup(web.get(path))
    own = str(web.base_url).rstrip("/")
    for element in page.find_all(src=True) + page.find_all(href=True) + page.find_all(action=True):
        for attribute in ("src", "href", "action"):
            url = element.get(attribute)
            if url and re.match(r"(?i)(https?:)?//", url):
                assert url.startswith(own), f"{path}: <{element.name} {attribute}={url}>"


def test_the_stylesheet_and_script_come_from_the_package_and_load_nothing_else(web):
    static = Path(planwatch.web.__file__).parent / "static"
    for name in ("planwatch.css", "planwatch.js"):
        response = web.get(f"/static/{name}")
        assert response.status_code == 200
        assert response.text == (static / name).read_text(encoding="utf-8")
        assert not re.search(r"https?://|@import|@font-face", response.text)


def test_pages_name_a_system_chinese_font_stack():
    css = (Path(planwatch.web.__file__).parent / "static" / "planwatch.css").read_text(encoding="utf-8")
    assert "Microsoft YaHei" in css and "Noto Sans CJK SC" in css
