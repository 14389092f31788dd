"""The unit's progress workbook on the web: download the template of one's own items, fill it, upload it.

Faces only: the reading, the checks and the write are :mod:`planwatch.app.upload`'s. A
refused file comes back on this page with every problem named (file, sheet, row,
column) and nothing written (422); a file with warnings comes back with them and a tick
to confirm, and is uploaded again — the figures are always read from the file, never
from the page. A good file becomes N submissions waiting in the review queue.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse

from planwatch.app import access, upload
from planwatch.app.errors import Invalid, NeedsConfirmation
from planwatch.exchange.templates import write_template
from planwatch.imports.issues import Issue
from planwatch.plan.validation import LIMITS
from planwatch.web import csrf, downloads
from planwatch.web.auth import PrincipalDep
from planwatch.web.deps import Selection, SelectionDep, get_store
from planwatch.web.templating import templates

router = APIRouter()


def _render(request: Request, sel: Selection, user, *, status_code: int = 200, **extra):  # type: ignore[no-untyped-def]
    own = None if user.role == "planning" else upload.template_rows(sel.data, user)
    context = {
        "sel": sel,
        "nav": "upload",
        "units": upload.template_units(sel.data, user),
        "own_items": None if own is None else sum(len(rows) for rows in own.values()),
        "max_mb": LIMITS.max_upload_bytes // (1024 * 1024),
        "done": _count(request.query_params.get("done")),
        "same": _count(request.query_params.get("same")),
        "issues": [],
        "warnings": [],
        **extra,
    }
    return templates.TemplateResponse(request, "upload.html", context, status_code=status_code)


def _count(text: str | None) -> int | None:
    """Return a count from the query (after a redirect), or None: nothing the user types is shown as is."""
    return int(text) if text and text.isdigit() and len(text) < 8 else None


@router.get("/submit/upload", response_class=HTMLResponse, summary="上传进展填报表")
def upload_page(request: Request, sel: SelectionDep, user: PrincipalDep):
    """Show the template download and the upload form (填报 and 计划处 only)."""
    access.require(user, "submit")
    return _render(request, sel, user)


@router.get("/submit/template", summary="下载进展填报模板")
def template_download(request: Request, sel: SelectionDep, user: PrincipalDep, unit: str = ""):
    """Return the progress workbook pre-filled with the items the user may report on (计划处: of ``unit``)."""
    rows = upload.template_rows(sel.data, user, unit)
    who = (unit if user.role == "planning" else user.unit) or "全部事项"
    name = upload.safe_name(f"{sel.plan.code}-{who}-进展填报.xlsx")
    return downloads.workbook(lambda path: write_template("progress", path, rows=rows), name)


@router.post(
    "/submit/upload",
    response_class=HTMLResponse,
    summary="上传进展填报表",
    dependencies=[Depends(csrf.require_token)],  # checked before the file is read
)
def upload_file(
    request: Request,
    sel: SelectionDep,
    user: PrincipalDep,
    file: Annotated[UploadFile, File(description="填好的进展填报表（.xlsx）")],
    confirm: str = Form(""),
):
    """Read the uploaded workbook and record its rows as submissions waiting for review, or say why not."""
    access.require(user, "submit")
    content = file.file.read(LIMITS.max_upload_bytes + 1)  # one byte over is enough to refuse it as too large
    store = get_store(request)
    name = upload.safe_name(file.filename or "")
    try:
        parsed = upload.read_upload(store, user, sel.plan, name, content)
        created = upload.submit_upload(store, user, sel.plan, parsed, confirm=bool(confirm))
    except upload.UploadRefused as refused:
        return _render(request, sel, user, status_code=422, issues=refused.issues, file_name=name)
    except NeedsConfirmation as asked:
        return _render(request, sel, user, warnings=asked.warnings, file_name=name)
    except Invalid as exc:
        return _render(request, sel, user, status_code=422, issues=[Issue(name, str(exc))], file_name=name)
    query = {"plan": sel.plan.code, "as_of": sel.as_of.isoformat(), "done": len(created), "same": parsed.unchanged}
    return RedirectResponse(f"/submit/upload?{urlencode(query)}", status_code=303)
