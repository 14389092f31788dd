"""Login and logout pages: a name and password open a session; logout ends it."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from planwatch.app import accounts
from planwatch.web import csrf
from planwatch.web.app import templates

router = APIRouter(include_in_schema=False)


def safe_next(target: str | None) -> str:
    """Return where to go after login: a path of this site only (never another host)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


def _page(request: Request, next_url: str, *, error: str = "", name: str = "", status_code: int = 200):
    context = {"next": safe_next(next_url), "error": error, "name": name, "nav": "login"}
    return templates.TemplateResponse(request, "login.html", context, status_code=status_code)


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, next: str = "/"):
    """Render the login form."""
    return _page(request, next)


@router.post("/login", response_class=HTMLResponse, dependencies=[Depends(csrf.require_token)])
def login(request: Request, name: str = Form(""), password: str = Form(""), next: str = Form("/")):
    """Check a name and password; on success start a new session (a new cookie) and go on."""
    store = request.app.state.store
    client = request.client.host if request.client else "unknown"
    try:
        account = accounts.authenticate(store, name[:100], password[:1000], client)
    except accounts.LoginRefused as exc:
        return _page(request, next, error=str(exc), name=name[:100], status_code=401)
    # A new session id on login: a cookie planted before login cannot ride into the account.
    guard: csrf.CsrfGuard = request.app.state.csrf
    session, cookie = guard.new_cookie()
    accounts.start_session(store, account, session)
    response = RedirectResponse(safe_next(next), status_code=303)
    response.headers.append(
        "set-cookie", csrf.set_cookie_header(cookie, secure=csrf.cookie_secure(request.url.scheme == "https"))
    )
    return response


@router.post("/logout", dependencies=[Depends(csrf.require_token)])
def logout(request: Request):
    """End the session and start a fresh, logged-out one."""
    session = getattr(request.state, "session_id", None)
    if session:
        accounts.end_session(request.app.state.store, session)
    guard: csrf.CsrfGuard = request.app.state.csrf
    _, cookie = guard.new_cookie()
    response = RedirectResponse("/login", status_code=303)
    response.headers.append(
        "set-cookie", csrf.set_cookie_header(cookie, secure=csrf.cookie_secure(request.url.scheme == "https"))
    )
    return response
