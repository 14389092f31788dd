"""Cross-site request forgery protection for the entry form: a signed session cookie and a token bound to it.

A page that carries a form gets a session cookie ``<id>.<signature>`` (HMAC-SHA256 with the
app's secret, HttpOnly, SameSite=Strict); the form carries ``hmac(secret, "csrf:" + id)``.
A POST is accepted only when its cookie is ours (the signature checks) and its form token
matches that cookie's. Another site can make a browser send the cookie but cannot read the
page to learn the token, and cannot forge a cookie without the secret. Standard library
only: intranet installs get nothing from the internet.

The secret comes from ``PLANWATCH_WEB_SECRET`` when set (needed when several server
processes share the work or forms should survive a restart); otherwise each app makes a
random one, and a form opened before a restart is refused once, with a message to reload.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets

from fastapi import Request
from starlette.datastructures import MutableHeaders
from starlette.requests import HTTPConnection
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

COOKIE = "planwatch_session"
FIELD = "csrf_token"
SECRET_ENV = "PLANWATCH_WEB_SECRET"

#: What a refused POST says (403): the user's next step, not the mechanism.
REFUSED = "表单已失效或不是从本系统页面提交的（防伪校验未通过），本次填报未保存。请回到事项页面刷新后重新填写提交。"


class Forbidden(Exception):
    """A POST without a valid form token; the message is Chinese."""


def app_secret(secret: bytes | str | None = None) -> bytes:
    """Return the signing secret: the one given, ``PLANWATCH_WEB_SECRET``, or a fresh random one."""
    if secret is None:
        secret = os.environ.get(SECRET_ENV) or secrets.token_bytes(32)
    return secret.encode("utf-8") if isinstance(secret, str) else secret


class CsrfGuard:
    """Issues session cookies and form tokens, and checks them on POST."""

    def __init__(self, secret: bytes) -> None:
        self._secret = secret

    def _mac(self, purpose: str, session: str) -> str:
        return hmac.new(self._secret, f"{purpose}:{session}".encode(), hashlib.sha256).hexdigest()

    def session_of(self, cookie: str | None) -> str | None:
        """Return the session id of a cookie value we signed, or None (absent, malformed, forged)."""
        if not cookie or "." not in cookie:
            return None
        session, signature = cookie.rsplit(".", 1)
        if session and hmac.compare_digest(signature, self._mac("session", session)):
            return session
        return None

    def new_cookie(self) -> tuple[str, str]:
        """Return a fresh (session id, cookie value)."""
        session = secrets.token_urlsafe(18)
        return session, f"{session}.{self._mac('session', session)}"

    def token(self, session: str) -> str:
        """Return the form token of a session."""
        return self._mac("csrf", session)

    def valid(self, cookie: str | None, submitted: str | None) -> bool:
        """Tell whether a POST's cookie is ours and its form token belongs to that cookie."""
        session = self.session_of(cookie)
        return session is not None and bool(submitted) and hmac.compare_digest(str(submitted), self.token(session))


def install(app, secret: bytes) -> None:
    """Give every request a session and its form token; set the cookie on pages when the session is new."""
    guard = CsrfGuard(secret)
    app.state.csrf = guard
    app.add_middleware(SessionCookie, guard=guard)


class SessionCookie:
    """Pure ASGI middleware: puts the session's form token in ``request.state`` and sets a new session's cookie.

    Plain ASGI rather than ``@app.middleware``: responses (a 100,000-item status JSON)
    pass through untouched, only the start message of a page gains a header.
    """

    def __init__(self, app: ASGIApp, guard: CsrfGuard) -> None:
        self.app = app
        self.guard = guard

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        session = self.guard.session_of(HTTPConnection(scope).cookies.get(COOKIE))
        fresh = None
        if session is None:
            session, fresh = self.guard.new_cookie()
        state = scope.setdefault("state", {})
        state["csrf_token"] = self.guard.token(session)
        state["session_id"] = session
        if fresh is None or scope["path"].startswith(("/static/", "/api/")):
            await self.app(scope, receive, send)
            return
        cookie = set_cookie_header(fresh, secure=cookie_secure(scope.get("scheme") == "https"))

        async def send_with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message).append("set-cookie", cookie)
            await send(message)

        await self.app(scope, receive, send_with_cookie)


def cookie_secure(https: bool) -> bool:
    """Tell whether the session cookie is HTTPS-only: the request came over HTTPS, or the settings say so."""
    from planwatch.settings import get_settings

    return https or get_settings().cookie_secure


def set_cookie_header(value: str, *, secure: bool = False) -> str:
    """Return the Set-Cookie header of a session cookie (HttpOnly, SameSite=Strict; Secure on HTTPS)."""
    response = Response()
    response.set_cookie(COOKIE, value, httponly=True, samesite="strict", path="/", secure=secure)
    return response.headers["set-cookie"]


async def require_token(request: Request) -> None:
    """Refuse (403) a POST whose form token does not belong to its session cookie."""
    form = await request.form()
    token = form.get(FIELD)
    guard: CsrfGuard = request.app.state.csrf
    if not guard.valid(request.cookies.get(COOKIE), token if isinstance(token, str) else None):
        raise Forbidden(REFUSED)


def form_token(request: Request) -> str:
    """Return the form token of the request's session (for templates)."""
    return getattr(request.state, "csrf_token", "")
