"""The web app factory: a status dashboard, item pages and a JSON API over one store.

Everything the browser loads comes from this package (``static/``): no CDN, no web
fonts, because planning offices run it on intranets without internet access.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from planwatch.app.access import Denied
from planwatch.app.errors import Invalid, NotFound, Refused
from planwatch.store.submissions import Conflict
from planwatch.web import auth, csrf
from planwatch.web.cache import BoardCache
from planwatch.web.middleware import RequestContext, ServerErrors
from planwatch.web.templating import templates

HERE = Path(__file__).parent


def create_app(store=None, *, database_url: str | None = None, secret: bytes | str | None = None) -> FastAPI:
    """Return the planwatch web app over ``store`` (or a store opened at ``database_url``).

    ``secret`` signs the session cookies of the entry form's CSRF protection (default:
    ``PLANWATCH_WEB_SECRET``, else random per app; see :mod:`planwatch.web.csrf`).
    """
    if store is None:
        from planwatch.settings import get_settings
        from planwatch.store import Store

        store = Store.open(database_url or get_settings().database_url)
    app = FastAPI(
        title="planwatch 计划执行监测",
        description="计划执行状态的只读数据接口：计划清单、状态看板、事项详情。",
        # The interactive docs pages load their scripts from a CDN; intranets have none.
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.store = store
    app.state.boards = BoardCache()
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    csrf.install(app, csrf.app_secret(secret))

    from planwatch.web.routes import (
        api,
        api_submissions,
        chase,
        dashboard,
        health,
        items,
        leader,
        library,
        login,
        proposals,
        report,
        upload,
    )
    from planwatch.web.routes import review as review_pages

    app.include_router(login.router)
    app.include_router(health.router)  # a load balancer's probe: no data, no login
    # Every other page and endpoint needs a login: one dependency, checked before the route runs.
    signed_in = [Depends(auth.principal)]
    pages = (dashboard, items, chase, review_pages, upload, proposals, report, leader, library)
    for module in (*pages, api_submissions, api):
        app.include_router(module.router, dependencies=signed_in)
    _install_error_pages(app)
    app.add_middleware(RequestContext)  # outermost: error pages get the request id and headers too
    return app


#: pydantic error type → what the field's problem is, in Chinese.
VALIDATION_WORDS = {
    "missing": "必须填写",
    "float_parsing": "不是有效数字",
    "float_type": "不是有效数字",
    "finite_number": "不是有效数字",
    "int_parsing": "不是整数",
    "date_from_datetime_parsing": "不是有效日期（应写成 2025-06-30）",
    "date_parsing": "不是有效日期（应写成 2025-06-30）",
    "bool_parsing": "应为 true 或 false",
    "string_too_long": "过长",
    "json_invalid": "不是有效的 JSON",
    "greater_than_equal": "过小",
    "less_than_equal": "过大",
}


def validation_message(exc: RequestValidationError) -> str:
    """Return the Chinese message of a request that failed validation, naming each field."""
    parts = []
    for error in exc.errors()[:5]:
        field = ".".join(str(p) for p in error.get("loc", ()) if p not in ("body", "query", "path"))
        words = VALIDATION_WORDS.get(error.get("type", ""), "格式不正确")
        parts.append(f"字段“{field or '请求体'}”{words}")
    return "请求数据有误：" + "；".join(parts) + "。"


#: refusals the application and store raise → the status and page title they answer with.
REFUSALS: dict[type[Exception], tuple[int, str]] = {
    Denied: (403, "无权访问"),
    Conflict: (409, "操作冲突"),
    NotFound: (404, "未找到"),
    Refused: (400, "请求有误"),
    # a submitted value refused (or warnings to confirm): 422 with the Chinese reason
    Invalid: (422, "数据未通过校验"),
    csrf.Forbidden: (403, "无法提交"),
}

SERVER_ERROR = "服务器处理请求时出错，请稍后重试；如反复出现，请联系系统管理员查看服务日志。"


def _install_error_pages(app: FastAPI) -> None:
    """Answer errors in Chinese: an HTML page for pages, ``{"detail": ...}`` for the API."""

    def respond(request: Request, status: int, title: str, message: str):
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": message}, status_code=status)
        return templates.TemplateResponse(
            request, "error.html", {"title": title, "message": message, "status": status}, status_code=status
        )

    @app.exception_handler(auth.LoginRequired)
    async def login_required(request: Request, exc: auth.LoginRequired):
        if request.url.path.startswith("/api/") or request.method != "GET":
            response = respond(request, 401, "请先登录", str(exc))
            response.headers["WWW-Authenticate"] = "Bearer"
            return response
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/login?next={quote(target, safe='')}", status_code=303)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError):
        return respond(request, 422, "数据有误", validation_message(exc))

    def answer_with(status: int, title: str):
        async def handler(request: Request, exc: Exception):
            return respond(request, status, title, str(exc))

        return handler

    for error, (status, title) in REFUSALS.items():
        app.add_exception_handler(error, answer_with(status, title))

    async def server_error(request: Request, exc: Exception):
        # The traceback is still logged; the user gets a Chinese page, not a bare 500.
        return respond(request, 500, "系统错误", SERVER_ERROR)

    # Starlette answers an unhandled exception outermost, outside every middleware: the page
    # would lack the request id and the security headers. Answered inside RequestContext it
    # has them; the handler stays registered for what fails outside (the middleware itself).
    app.add_exception_handler(Exception, server_error)
    app.add_middleware(ServerErrors, handler=server_error)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if exc.status_code == 404:
            return respond(request, 404, "页面不存在", f"没有地址为「{request.url.path}」的页面。")
        if "exceeded maximum size" in str(exc.detail) or "Too many" in str(exc.detail):
            # the form parser's own limits (Starlette speaks English): say it in Chinese
            message = "提交的内容超过上限（单项约1MB），未保存任何数据；请缩短后重新提交。"
            return respond(request, 400, "提交内容过大", message)
        return respond(request, exc.status_code, "请求未能完成", str(exc.detail))
