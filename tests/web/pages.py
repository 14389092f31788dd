"""Reading the pages the way a user sees them: text of elements picked by CSS selectors."""

from __future__ import annotations

from bs4 import BeautifulSoup


def soup(response) -> BeautifulSoup:
    """Return the parsed HTML of a response."""
    return BeautifulSoup(response.text, "html.parser")


def texts(page: BeautifulSoup, selector: str) -> list[str]:
    """Return the stripped text of every element matching ``selector``."""
    return [element.get_text(" ", strip=True) for element in page.select(selector)]


def post_form(client, action: str, params: dict[str, str], data: dict[str, str]):
    """Post the entry form of ``action``'s item page as a browser does: open the page, send its form token along."""
    page = soup(client.get(action.rsplit("/progress", 1)[0], params=params))
    token = page.select_one("form.entry input[name=csrf_token]")["value"]
    return client.post(action, params=params, data={**data, "csrf_token": token})


def approve_waiting(client, params: dict[str, str]) -> int:
    """Approve every submission on the review queue as a 计划处 user does, by its buttons; return how many."""
    page = soup(client.get("/review", params=params))
    forms = [form for form in page.select("form") if form.get("action", "").split("?")[0].endswith("/approve")]
    for form in forms:
        fields = {field["name"]: field.get("value", "") for field in form.select("input[type=hidden]")}
        response = client.post(form["action"], data=fields)
        assert response.status_code in (200, 303), response.text
    return len(forms)
