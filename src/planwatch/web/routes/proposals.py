"""Targets found in reports, for the planning office to accept into the plan or reject with a reason.

Faces only: listing and deciding are :mod:`planwatch.app.proposals`' (the CLI's
``planwatch proposals`` calls the same). 计划处 and 管理员 only; every decision is a CSRF-
checked POST, audited with the signed-in user.
"""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from planwatch.app import access, proposals
from planwatch.app.errors import Invalid
from planwatch.web import csrf
from planwatch.web.auth import PrincipalDep
from planwatch.web.deps import Selection, SelectionDep, get_store
from planwatch.web.templating import templates

router = APIRouter()


def _render(request: Request, sel: Selection, *, status_code: int = 200, error: str = ""):  # type: ignore[no-untyped-def]
    store = get_store(request)
    rows = proposals.listing(store, sel.plan.code, None)
    context = {
        "sel": sel,
        "nav": "proposals",
        "pending": [p for p in rows if p.state == "proposed"],
        "decided": [p for p in reversed(rows) if p.state != "proposed"][:50],
        "done": request.query_params.get("done", "") if not error else "",
        "error": error,
    }
    return templates.TemplateResponse(request, "proposals.html", context, status_code=status_code)


@router.get("/proposals", response_class=HTMLResponse, summary="目标建议")
def proposal_page(request: Request, sel: SelectionDep, user: PrincipalDep):
    """List the targets read from reports that wait for a decision (计划处, 管理员)."""
    access.require(user, "decide_proposals")
    return _render(request, sel)


@router.post(
    "/proposals/{proposal_id}/{decision}",
    response_class=HTMLResponse,
    summary="采纳或不采纳目标建议",
    dependencies=[Depends(csrf.require_token)],
)
def decide_form(
    request: Request,
    proposal_id: int,
    decision: str,
    sel: SelectionDep,
    user: PrincipalDep,
    reason: str = Form(""),
):
    """Accept (``accept``) a proposal into the plan or reject (``reject``) it with a reason."""
    access.require(user, "decide_proposals")
    if decision not in ("accept", "reject"):
        raise Invalid("操作只能是采纳（accept）或不采纳（reject）。")
    accept = decision == "accept"
    try:
        target = proposals.decide_as(get_store(request), user, sel.plan.code, proposal_id, accept=accept, reason=reason)
    except Invalid as exc:
        return _render(request, sel, status_code=422, error=str(exc))
    done = f"accepted:{target.code}" if target is not None else f"rejected:{proposal_id}"
    query = urlencode({"plan": sel.plan.code, "as_of": sel.as_of.isoformat(), "done": done})
    return RedirectResponse(f"/proposals?{query}", status_code=303)
