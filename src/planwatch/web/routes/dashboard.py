"""The dashboard: one plan's status as of a date, at a glance."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from planwatch.web.deps import SelectionDep
from planwatch.web.templating import templates

router = APIRouter()

#: roll-up rows shown before "展开全部" (a city has dozens of owner units).
ROLLUP_ROWS = 15


@router.get("/", response_class=HTMLResponse, summary="状态看板")
def dashboard(request: Request, sel: SelectionDep):
    """Render the status board: light tiles, work-area bars, roll-ups and alerts."""
    return templates.TemplateResponse(
        request,
        "dashboard.html",
        {
            "sel": sel,
            "s": sel.status,
            "nav": "dashboard",
            "ROLLUP_ROWS": ROLLUP_ROWS,
        },
    )
