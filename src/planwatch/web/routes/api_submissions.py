"""The API for machine clients: submit progress, review submissions, page through items and progress.

Every endpoint acts for the signed-in user (``Authorization: Bearer TOKEN`` or a browser
session) and is scoped like the pages: a 填报 token sees and submits for its unit's
items only (403 otherwise). Lists are paginated (``limit``, ``offset``, ``total``) and
take ``changed_since`` (ISO time) to fetch only what changed.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated

from fastapi import APIRouter, Body, Query, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, Field

from planwatch import app
from planwatch.app import access, review
from planwatch.store import submissions as subs
from planwatch.store.changes import changed_item_codes
from planwatch.store.submissions import NewSubmission, Submission
from planwatch.web import services
from planwatch.web.app import templates
from planwatch.web.auth import PrincipalDep
from planwatch.web.deps import BadRequest, SelectionDep, get_store
from planwatch.web.schemas import ItemStatusOut, ProgressOut

router = APIRouter(prefix="/api", tags=["api"])

#: most rows one page of a list returns.
MAX_LIMIT = 1000


class ProgressIn(BaseModel):
    """A progress figure a client submits for an item (it waits for review)."""

    as_of: date = Field(description="截至日期 YYYY-MM-DD，须在计划年度内")
    value: float | None = Field(None, description="数值（项目为累计完成投资，万元）；只报节点或说明时可省略")
    cumulative: bool = Field(True, description="是否为年初至今累计数")
    narrative: str = Field("", max_length=review.MAX_TEXT, description="情况说明")
    milestone_key: str | None = Field(None, max_length=64, description="完成的节点编号（重点任务）")
    reason: str | None = Field(None, max_length=review.MAX_TEXT, description="更正已审核通过数值的原因")
    confirm: bool = Field(False, description="已核对提示（累计数下降、跳增）仍要提交；否则这类数值返回 422 与提示")


class SubmissionOut(BaseModel):
    """A submission and where its review stands."""

    id: int
    plan: str
    item_code: str
    as_of: date
    milestone_key: str | None
    value: float | None
    cumulative: bool
    narrative: str
    unit: str
    state: str = Field(description="submitted / approved / returned / superseded / withdrawn")
    state_label: str
    version: int = Field(description="审核时可带上，防止覆盖他人的处理（不一致时返回 409）")
    warning: str | None
    reason: str | None
    comment: str | None
    supersedes_id: int | None
    submitted_by: str
    submitted_at: datetime
    reviewed_by: str | None
    reviewed_at: datetime | None


class SubmissionPage(BaseModel):
    """One page of submissions."""

    total: int
    limit: int
    offset: int
    items: list[SubmissionOut]


class ItemPage(BaseModel):
    """One page of item statuses."""

    total: int
    limit: int
    offset: int
    items: list[ItemStatusOut]


class ProgressItemOut(BaseModel):
    """An item's approved progress records."""

    item_code: str
    progress: list[ProgressOut]


class ProgressPage(BaseModel):
    """One page of items with their approved progress."""

    total: int
    limit: int
    offset: int
    items: list[ProgressItemOut]


class SeriesPoint(BaseModel):
    """The figure an item stood at on one month end (the latest approved report up to it)."""

    month: str
    as_of: date
    value: float | None
    reported_on: date | None


class SeriesOut(BaseModel):
    """An item's monthly series through the plan year, up to the as-of date."""

    item_code: str
    name: str
    unit: str | None
    target: float | None
    points: list[SeriesPoint]


class ReviewIn(BaseModel):
    """A reviewer's decision; ``version`` guards against acting on a stale state."""

    version: int | None = None
    comment: str = Field("", max_length=review.MAX_TEXT)


class WithdrawIn(BaseModel):
    """A withdrawal with its reason."""

    version: int | None = None
    reason: str = Field("", max_length=review.MAX_TEXT)


def submission_out(s: Submission) -> SubmissionOut:
    """Return the API view of a submission."""
    return SubmissionOut(
        id=s.id,
        plan=s.plan_code,
        item_code=s.item_code,
        as_of=s.as_of,
        milestone_key=s.milestone_key,
        value=s.value,
        cumulative=s.cumulative,
        narrative=s.narrative,
        unit=s.unit,
        state=s.state,
        state_label=review.STATE_LABELS[s.state],
        version=s.version,
        warning=s.warning,
        reason=s.reason,
        comment=s.comment,
        supersedes_id=s.supersedes_id,
        submitted_by=s.submitted_by,
        submitted_at=s.submitted_at,
        reviewed_by=s.reviewed_by,
        reviewed_at=s.reviewed_at,
    )


def parse_since(text: str | None) -> datetime | None:
    """Return the time of ``changed_since`` (2025-07-01 or 2025-07-01T08:00:00+08:00) in UTC."""
    if not text:
        return None
    try:
        when = datetime.fromisoformat(text.strip())
    except ValueError:
        raise BadRequest(f"changed_since「{text[:40]}」无法识别，请写成 2025-07-01T08:00:00+08:00。") from None
    return (when if when.tzinfo else when.replace(tzinfo=UTC)).astimezone(UTC)


Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"每页条数（最多 {MAX_LIMIT}）")]
Offset = Annotated[int, Query(ge=0, description="跳过前多少条")]
Since = Annotated[str | None, Query(description="只列此时间之后有变化的（ISO 时间，如 2025-07-01T08:00:00+08:00）")]


@router.post("/items/{code}/progress", status_code=201, response_model=SubmissionOut, summary="报送进度")
def submit_progress(
    request: Request, code: str, sel: SelectionDep, user: PrincipalDep, body: ProgressIn
) -> SubmissionOut:
    """Submit a progress figure for an item of the user's unit; it is ``submitted`` until reviewed.

    403 for another unit's item, 422 (Chinese ``detail``) for a bad value or date.
    """
    item = sel.evaluation.plan_item(code)
    access.require_view(user, item, code)
    unit = review.submitting_unit(user, item)
    new = NewSubmission(
        item_code=code,
        as_of=body.as_of,
        value=body.value,
        cumulative=body.cumulative,
        narrative=body.narrative.strip(),
        unit=unit,
        milestone_key=(body.milestone_key or "").strip() or None,
        reason=(body.reason or "").strip() or None,
    )
    try:
        created = review.submit(get_store(request), user, sel.plan, item, new, confirm=body.confirm)
    except subs.StoreError as exc:
        if isinstance(exc, subs.Conflict):
            raise
        raise review.Refused(str(exc)) from exc
    return submission_out(created)


@router.get("/submissions", response_model=SubmissionPage, summary="报送清单")
def list_submissions(
    request: Request,
    sel: SelectionDep,
    user: PrincipalDep,
    state: str = Query("", description="submitted / approved / returned / superseded / withdrawn；缺省为全部"),
    item: str = Query("", description="只列此事项编码的报送"),
    limit: Limit = 50,
    offset: Offset = 0,
    changed_since: Since = None,
) -> SubmissionPage:
    """List the plan's submissions the user may see, oldest first (a 填报 user: its unit's)."""
    if state and state not in review.STATE_LABELS:
        raise BadRequest(f"state「{state[:20]}」无法识别；可选：{'、'.join(review.STATE_LABELS)}")
    rows, total = subs.listing(
        get_store(request).engine,
        sel.plan.code,
        states=(state,) if state else (),
        units=user.visible_units,
        item_code=item or None,
        changed_since=parse_since(changed_since),
        limit=limit,
        offset=offset,
    )
    return SubmissionPage(total=total, limit=limit, offset=offset, items=[submission_out(s) for s in rows])


def _visible_submission(request: Request, user: access.Principal, submission_id: int) -> None:
    """Refuse (404) a submission the user may not see, so ids of other units' submissions tell nothing."""
    found = subs.get(get_store(request).engine, submission_id)
    if found is None or not review.visible(user, found, None):
        raise services.NotFound(f"没有编号为 {submission_id} 的报送。")


@router.post("/submissions/{submission_id}/approve", response_model=SubmissionOut, summary="审核通过")
def approve(
    request: Request, submission_id: int, user: PrincipalDep, body: Annotated[ReviewIn | None, Body()] = None
) -> SubmissionOut:
    """Approve a waiting submission (计划处); 409 when someone acted on it first."""
    _visible_submission(request, user, submission_id)
    version = body.version if body else None
    return submission_out(review.approve(get_store(request), user, submission_id, version))


@router.post("/submissions/{submission_id}/return", response_model=SubmissionOut, summary="退回")
def send_back(request: Request, submission_id: int, user: PrincipalDep, body: ReviewIn) -> SubmissionOut:
    """Return a waiting submission to its unit; ``comment`` is required (422 without it)."""
    _visible_submission(request, user, submission_id)
    return submission_out(review.send_back(get_store(request), user, submission_id, body.comment, body.version))


@router.post("/submissions/{submission_id}/withdraw", response_model=SubmissionOut, summary="撤回")
def withdraw(request: Request, submission_id: int, user: PrincipalDep, body: WithdrawIn) -> SubmissionOut:
    """Withdraw one's own waiting or returned submission; ``reason`` is required."""
    _visible_submission(request, user, submission_id)
    return submission_out(review.withdraw(get_store(request), user, submission_id, body.reason, body.version))


@router.get("/items", response_model=ItemPage, summary="事项清单（分页）")
def items(
    request: Request,
    sel: SelectionDep,
    kind: str = Query("", description="target / task / project / livelihood（或 指标、项目 等）"),
    light: str = Query("", description="green / yellow / red / grey（或 绿、黄、红、灰）"),
    area: str = Query("", description="工作领域编号或名称"),
    unit: str = Query("", description="责任单位名称"),
    district: str = Query("", description="区县编号或名称，如 临江区"),
    q: str = Query("", description="编号、名称、单位或说明中的词"),
    limit: Limit = 100,
    offset: Offset = 0,
    changed_since: Since = None,
) -> ItemPage:
    """Page through the items the user may see, with their status; ``changed_since`` keeps the changed ones."""
    rows = app.Scope.of(kind=kind, light=light, area=area, unit=unit, district=district, q=q).items(sel.board)
    since = parse_since(changed_since)
    if since is not None:
        changed = changed_item_codes(get_store(request).engine, sel.plan.code, since, progress=False)
        rows = [row for row in rows if row.code in changed]
    page = rows[offset : offset + limit]
    out = [services.item_status_out(status, sel.board) for status in page]
    return ItemPage(total=len(rows), limit=limit, offset=offset, items=out)


@router.get("/progress", response_model=ProgressPage, summary="进度记录（已审核，分页）")
def progress(
    request: Request,
    sel: SelectionDep,
    item: str = Query("", description="只列此事项编码"),
    limit: Limit = 100,
    offset: Offset = 0,
    changed_since: Since = None,
) -> ProgressPage:
    """Page through the approved progress of the items the user may see, item by item."""
    codes = [status.code for status in sel.board.items]
    if item:
        codes = [code for code in codes if code == item]
    since = parse_since(changed_since)
    if since is not None:
        changed = changed_item_codes(get_store(request).engine, sel.plan.code, since, progress=True)
        codes = [code for code in codes if code in changed]
    store = get_store(request)
    out = []
    for code in codes[offset : offset + limit]:
        plan_item = sel.evaluation.plan_item(code)
        records = sorted(store.item_progress(sel.plan.code, code, as_of=sel.as_of), key=lambda r: r.as_of)
        out.append(ProgressItemOut(item_code=code, progress=services.progress_history(plan_item, records)))
    return ProgressPage(total=len(codes), limit=limit, offset=offset, items=out)


@router.get("/items/{code}/series", response_model=SeriesOut, summary="事项月度序列")
def series(request: Request, code: str, sel: SelectionDep, user: PrincipalDep) -> SeriesOut:
    """Return an item's figure at each month end of the plan year up to the as-of date (approved figures)."""
    plan_item = sel.evaluation.plan_item(code)
    access.require_view(user, plan_item, code)
    records = sorted(get_store(request).item_progress(sel.plan.code, code, as_of=sel.as_of), key=lambda r: r.as_of)
    history = [p for p in services.progress_history(plan_item, records) if not p.milestone_key]
    status = next((s for s in sel.board.items if s.code == code), None)
    points = []
    for month_end in services.month_ends(sel.plan.year):
        if month_end > sel.as_of:
            break
        upto = [p for p in history if p.as_of <= month_end and (p.running_total is not None or p.value is not None)]
        last = upto[-1] if upto else None
        value = None if last is None else (last.running_total if last.running_total is not None else last.value)
        points.append(
            SeriesPoint(
                month=f"{month_end.year}-{month_end.month:02d}",
                as_of=month_end,
                value=value,
                reported_on=last.as_of if last else None,
            )
        )
    return SeriesOut(
        item_code=code,
        name=status.name if status else code,
        unit=status.unit if status else None,
        target=status.target if status else None,
        points=points,
    )


@router.get("/docs", response_class=HTMLResponse, include_in_schema=False)
def api_docs(request: Request) -> HTMLResponse:
    """Render the OpenAPI schema as a page: every endpoint, parameter and field, with no script from outside."""
    schema = request.app.openapi()
    operations = [
        {"path": path, "method": method.upper(), **operation}
        for path, methods in schema.get("paths", {}).items()
        for method, operation in methods.items()
    ]
    components = schema.get("components", {}).get("schemas", {})
    context = {"nav": "api", "operations": operations, "components": components, "schema_name": _schema_name}
    return templates.TemplateResponse(request, "api_docs.html", context)


def _schema_name(node: dict | None) -> str:
    """Return a short name of a schema node: a component's name, ``list[…]`` or the JSON type."""
    if not node:
        return ""
    if "$ref" in node:
        return node["$ref"].rsplit("/", 1)[-1]
    if node.get("type") == "array":
        return f"list[{_schema_name(node.get('items'))}]"
    if "anyOf" in node:
        return " | ".join(_schema_name(n) for n in node["anyOf"])
    return str(node.get("type", ""))
