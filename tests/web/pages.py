"""Reading the pages the way a user sees them: text of elements picked by CSS selectors."""

from __future__ import annotations

from bs4 import BeautifulSoup


def soup(response) -> BeautifulSoup:
    """Return the parsed HTML of a response."""
    return BeautifulSoup(response.text, "html.parser")


def texts(page: BeautifulSoup, selector: str) -> list[str]:
    """Return the stripped text of every element matching ``selector``."""
    return [element.get_text(" ", strip=True) for element in page.select(selector)]
