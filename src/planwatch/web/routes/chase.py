"""催报: the units that owe reports, and each unit's pre-filled progress workbook to send them."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse

from planwatch.monitor.chase import reporting_duties
from planwatch.web import downloads
from planwatch.web.deps import BadRequest, SelectionDep
from planwatch.web.templating import templates

router = APIRouter()


@router.get("/chase", response_class=HTMLResponse, summary="催报清单")
def chase_page(request: Request, sel: SelectionDep):
    """List the owner units whose items have no report within their cycle, most owed first."""
    duties = reporting_duties(sel.board)
    return templates.TemplateResponse(
        request,
        "chase.html",
        {"sel": sel, "nav": "chase", "duties": duties, "owing": sum(len(d.owing) for d in duties)},
    )


@router.get("/chase/template.xlsx", summary="单位进展填报表（Excel）")
def unit_template(sel: SelectionDep, unit: str) -> Response:
    """Return a progress workbook pre-filled with the items ``unit`` leads (as ``planwatch chase --templates``)."""
    from planwatch.exchange.templates import write_template
    from planwatch.exports.tables import blank_progress_rows

    rows = blank_progress_rows(sel.data, unit)
    if not any(rows.values()):
        raise BadRequest(f"计划 {sel.plan.code} 中没有“{unit}”牵头的事项")
    name = f"{unit}-进展填报-{sel.as_of.isoformat()}.xlsx"
    return downloads.workbook(lambda path: write_template("progress", path, rows=rows), name)
