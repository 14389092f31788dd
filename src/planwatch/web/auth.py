"""Who is asking: the one dependency every page and endpoint goes through.

A browser is known by its signed session cookie (``web/csrf.py``) once that session has
logged in (a row in ``web_sessions``); a machine client by ``Authorization: Bearer
TOKEN``. No one → pages redirect to ``/login``, the API answers 401. What the user may
then see or change is decided by ``planwatch.app.access``; the errors it raises become
403 pages or JSON here, in Chinese.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from planwatch.app import accounts
from planwatch.app.access import Principal

#: what a client without a login is told.
LOGIN_NEEDED = (
    "请先登录。网页请访问 /login；接口请在请求头中加 Authorization: Bearer <令牌>（令牌用 planwatch user token 发放）。"
)


class LoginRequired(Exception):
    """The request carries no valid login; pages redirect to /login, the API answers 401."""


def principal(request: Request) -> Principal:
    """Return the user a request acts for, or raise :class:`LoginRequired`.

    Cached on the request, so routes that ask again cost nothing.
    """
    known = getattr(request.state, "principal", None)
    if known is not None:
        return known
    store = request.app.state.store
    header = request.headers.get("authorization", "")
    found: Principal | None = None
    if header:
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise LoginRequired("请求头 Authorization 应为“Bearer <令牌>”。")
        found = accounts.principal_for_token(store, token)
        if found is None:
            raise LoginRequired("接口令牌无效、已作废或其用户已停用。")
    else:
        session = getattr(request.state, "session_id", None)
        if session:
            found = accounts.principal_for_session(store, session)
    if found is None:
        raise LoginRequired(LOGIN_NEEDED)
    request.state.principal = found
    return found


#: a route parameter that is the signed-in user.
PrincipalDep = Annotated[Principal, Depends(principal)]
