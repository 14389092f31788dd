"""The review queue of the planning office, and each unit's list of its submissions.

The queue shows waiting submissions by unit, oldest first, each beside the previous
approved figure and the target, with approve and return (comment required) buttons. A
form carries the version it was rendered with, so a second reviewer acting on the same
submission gets a 409 page instead of overwriting the first one's decision.
"""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from planwatch.app import access, review
from planwatch.store import submissions as subs
from planwatch.web import csrf
from planwatch.web.app import templates
from planwatch.web.auth import PrincipalDep
from planwatch.web.deps import SelectionDep, get_store

router = APIRouter()

#: submissions a page lists at most.
PAGE_ROWS = 200


@router.get("/review", response_class=HTMLResponse, summary="审核队列")
def review_queue(request: Request, sel: SelectionDep, user: PrincipalDep):
    """List the submissions waiting for review, by unit, oldest first (计划处 only)."""
    access.require(user, "review")
    store = get_store(request)
    pending, total = subs.listing(store.engine, sel.plan.code, states=("submitted",), limit=PAGE_ROWS)
    rows = review.queue_rows(store, sel.plan.code, sel.board, pending)
    context = {
        "sel": sel,
        "nav": "review",
        "rows": rows,
        "total": total,
        "done": request.query_params.get("done", ""),
    }
    return templates.TemplateResponse(request, "review.html", context)


def _back(sel, done: str) -> RedirectResponse:  # type: ignore[no-untyped-def]
    query = urlencode({"plan": sel.plan.code, "as_of": sel.as_of.isoformat(), "done": done})
    return RedirectResponse(f"/review?{query}", status_code=303)


@router.post("/review/{submission_id}/approve", dependencies=[Depends(csrf.require_token)], summary="审核通过")
def approve_form(request: Request, submission_id: int, sel: SelectionDep, user: PrincipalDep, version: int = Form(...)):
    """Approve a submission from the queue page."""
    review.approve(get_store(request), user, submission_id, version)
    return _back(sel, f"已审核通过报送 {submission_id}")


@router.post("/review/{submission_id}/return", dependencies=[Depends(csrf.require_token)], summary="退回")
def return_form(
    request: Request,
    submission_id: int,
    sel: SelectionDep,
    user: PrincipalDep,
    version: int = Form(...),
    comment: str = Form(""),
):
    """Return a submission to its unit with a comment."""
    review.send_back(get_store(request), user, submission_id, comment, version)
    return _back(sel, f"已退回报送 {submission_id}")


@router.post("/submissions/{submission_id}/withdraw", dependencies=[Depends(csrf.require_token)], summary="撤回")
def withdraw_form(
    request: Request,
    submission_id: int,
    sel: SelectionDep,
    user: PrincipalDep,
    version: int = Form(...),
    reason: str = Form(""),
):
    """Withdraw one's own waiting or returned submission with a reason."""
    review.withdraw(get_store(request), user, submission_id, reason, version)
    query = urlencode({"plan": sel.plan.code, "as_of": sel.as_of.isoformat()})
    return RedirectResponse(f"/submissions?{query}", status_code=303)


@router.get("/submissions", response_class=HTMLResponse, summary="报送记录")
def submission_list(request: Request, sel: SelectionDep, user: PrincipalDep, state: str = ""):
    """List the submissions the user may see (a unit: its own), returned ones with the reviewer's comment."""
    states = (state,) if state in review.STATE_LABELS else ()
    rows, total = subs.listing(
        get_store(request).engine,
        sel.plan.code,
        states=states,
        units=user.visible_units,
        limit=PAGE_ROWS,
        newest_first=True,
    )
    context = {
        "sel": sel,
        "nav": "submissions",
        "rows": rows,
        "total": total,
        "state": state,
        "STATES": review.STATE_LABELS,
        "names": {item.code: item.name for item in sel.board.items},
    }
    return templates.TemplateResponse(request, "submissions.html", context)
