"""``/healthz``: is this server able to serve? For load balancers, systemd watchdogs and monitoring.

No login and no secrets: it says only whether the database answers and has the schema
this version of planwatch expects — never its address, user or error text.
"""

from __future__ import annotations

import logging

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from planwatch.store.migrate import shipped_head
from planwatch.web.deps import get_store

router = APIRouter()
log = logging.getLogger("planwatch.health")


@router.get("/healthz", include_in_schema=False)
def healthz(request: Request) -> JSONResponse:
    """200 ``{"status": "ok"}`` when the database answers at the expected schema, else 503."""
    store = get_store(request)
    try:
        revision = store.revision()
    except Exception:  # the reason goes to the log, not to whoever asks
        log.exception("健康检查：数据库无法连接")
        return _answer(503, "unavailable", "数据库无法连接")
    if revision != shipped_head():
        return _answer(503, "outdated", "数据库结构不是最新版本，请运行 planwatch init")
    return _answer(200, "ok", "正常")


def _answer(status: int, database: str, message: str) -> JSONResponse:
    state = "ok" if status == 200 else "error"
    return JSONResponse(
        {"status": state, "database": database, "message": message},
        status_code=status,
        headers={"Cache-Control": "no-store"},
    )
