"""The dashboard: one plan's status as of a date, at a glance."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup

from planwatch.store import submissions as subs
from planwatch.web.auth import PrincipalDep
from planwatch.web.deps import SelectionDep, get_store
from planwatch.web.templating import templates

router = APIRouter()

#: roll-up rows shown before "展开全部" (a city has dozens of owner units).
ROLLUP_ROWS = 15


@router.get("/", response_class=HTMLResponse, summary="状态看板")
def dashboard(request: Request, sel: SelectionDep, user: PrincipalDep):
    """Render the status board: light tiles, work-area bars, roll-ups and alerts.

    The body (90 KB for a plan of 100,000 projects) is the same for every request of one
    board, so it is rendered once per cached board; each request renders only the frame.
    """

    def body() -> Markup:
        context = {"sel": sel, "s": sel.status, "ROLLUP_ROWS": ROLLUP_ROWS}
        return Markup(templates.get_template("dashboard_content.html").render(context))

    content = sel.evaluation.memo(("dashboard-body", ROLLUP_ROWS), body)
    return templates.TemplateResponse(
        request,
        "dashboard.html",
        {
            "sel": sel,
            "s": sel.status,
            "nav": "dashboard",
            "content": content,
            # per request, outside the cached body: submissions move without a new board
            "waiting": subs.count_waiting(get_store(request).engine, sel.plan.code, user.visible_units),
        },
    )
