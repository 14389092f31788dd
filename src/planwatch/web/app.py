"""The web app factory: a status dashboard, item pages and a JSON API over one store.

Everything the browser loads comes from this package (``static/``): no CDN, no web
fonts, because planning offices run it on intranets without internet access.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from planwatch.app.errors import Invalid, NotFound, Refused
from planwatch.web import csrf
from planwatch.web.cache import BoardCache
from planwatch.web.middleware import RequestContext
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

    from planwatch.web.routes import api, chase, dashboard, health, items, leader, library, report

    app.include_router(dashboard.router)
    app.include_router(items.router)
    app.include_router(chase.router)
    app.include_router(report.router)
    app.include_router(leader.router)
    app.include_router(library.router)
    app.include_router(api.router)
    app.include_router(health.router)
    _install_error_pages(app)
    app.add_middleware(RequestContext)  # outermost: error pages get the request id and headers too
    return app


def _install_error_pages(app: FastAPI) -> None:
    """Answer errors in Chinese: an HTML page for pages, ``{"detail": ...}`` for the API."""

    def respond(request: Request, status: int, title: str, message: str):
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": message}, status_code=status)
        return templates.TemplateResponse(
            request, "error.html", {"title": title, "message": message, "status": status}, status_code=status
        )

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound):
        return respond(request, 404, "未找到", str(exc))

    @app.exception_handler(Refused)
    async def refused(request: Request, exc: Refused):
        return respond(request, 400, "请求有误", str(exc))

    @app.exception_handler(Invalid)
    async def invalid(request: Request, exc: Invalid):
        # a submitted value refused (or warnings to confirm): 422 with the Chinese reason
        return respond(request, 422, "数据未通过校验", str(exc))

    @app.exception_handler(csrf.Forbidden)
    async def forbidden(request: Request, exc: csrf.Forbidden):
        return respond(request, 403, "无法提交", str(exc))

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception):
        # Starlette still logs the traceback; the user gets a Chinese page, not a bare 500.
        message = "服务器处理请求时出错，请稍后重试；如反复出现，请联系系统管理员查看服务日志。"
        return respond(request, 500, "系统错误", message)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if exc.status_code == 404:
            return respond(request, 404, "页面不存在", f"没有地址为「{request.url.path}」的页面。")
        if "exceeded maximum size" in str(exc.detail) or "Too many" in str(exc.detail):
            # the form parser's own limits (Starlette speaks English): say it in Chinese
            message = "提交的内容超过上限（单项约1MB），未保存任何数据；请缩短后重新提交。"
            return respond(request, 400, "提交内容过大", message)
        return respond(request, exc.status_code, "请求未能完成", str(exc.detail))
