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
from starlette.responses import Response

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
    """Give every request a session (cookie set on the response when new) and its form token."""
    guard = CsrfGuard(secret)
    app.state.csrf = guard

    @app.middleware("http")
    async def session_cookie(request: Request, call_next) -> Response:
        session = guard.session_of(request.cookies.get(COOKIE))
        fresh = None
        if session is None:
            session, fresh = guard.new_cookie()
        request.state.csrf_token = guard.token(session)
        response = await call_next(request)
        if fresh is not None and not request.url.path.startswith(("/static/", "/api/")):
            response.set_cookie(COOKIE, fresh, httponly=True, samesite="strict", path="/")
        return response


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
