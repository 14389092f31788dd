"""What every response carries: a request id, an access-log line and the browser security headers.

One ASGI middleware, outermost, so error pages and static files get the same headers.

- ``X-Request-ID``: taken from the reverse proxy when it sent a well-formed one (nginx's
  ``$request_id``), else made here; logged with every line of the request.
- Security headers: the pages load scripts and styles only from this server and use no
  inline script, so the Content-Security-Policy allows ``script-src 'self'`` only; inline
  ``style`` attributes (the progress bars' widths) need ``'unsafe-inline'`` for styles.
  No page may be framed (clickjacking), types are not sniffed, and the address of a page
  is not sent to other sites.
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from collections.abc import Awaitable, Callable

from starlette.datastructures import MutableHeaders
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from planwatch.logs import REQUEST_ID

HEADER = "X-Request-ID"
_ACCEPTED_ID = re.compile(r"[A-Za-z0-9._\-]{1,64}")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}

access_log = logging.getLogger("planwatch.access")


def request_id_of(incoming: str | None) -> str:
    """Return the proxy's request id when it is a short plain token, else a fresh one (no log injection)."""
    if incoming and _ACCEPTED_ID.fullmatch(incoming):
        return incoming
    return uuid.uuid4().hex


class RequestContext:
    """Set the request id, add the security headers and log one access line per request."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = dict(scope["headers"]).get(b"x-request-id", b"").decode("latin-1")
        request_id = request_id_of(incoming)
        token = REQUEST_ID.set(request_id)
        started = time.perf_counter()
        status = 500

        async def send_with_headers(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = MutableHeaders(scope=message)
                headers[HEADER] = request_id
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        finally:
            elapsed = (time.perf_counter() - started) * 1000
            client = scope.get("client")
            access_log.info(
                '%s "%s %s" %d %.1fms',
                client[0] if client else "-",
                scope["method"],
                _CONTROL.sub("?", scope["path"]),  # a %0A in the address cannot forge a log line
                status,
                elapsed,
            )
            REQUEST_ID.reset(token)


class ServerErrors:
    """Answer an unhandled exception with ``handler``'s page inside the other middleware, then re-raise it.

    Starlette answers it in its outermost layer, where the request id and the security
    headers are not added. The exception still goes up, so the server logs its traceback;
    Starlette sees the response already started and sends nothing more.
    """

    def __init__(self, app: ASGIApp, handler: Callable[[Request, Exception], Awaitable[Response]]) -> None:
        self.app = app
        self.handler = handler

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watch(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, watch)
        except Exception as exc:
            if not started:
                response = await self.handler(Request(scope), exc)
                await response(scope, receive, send)
            raise
