"""The JSON API: the same data the pages show, for analysts to pull."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import HTMLResponse

from planwatch import app
from planwatch.web import services
from planwatch.web.deps import SelectionDep, get_store
from planwatch.web.routes.items import detail_of
from planwatch.web.schemas import ItemDetailOut, PlanOut, StatusOut
from planwatch.web.templating import templates

router = APIRouter(prefix="/api", tags=["api"])


@router.get("", response_class=HTMLResponse, include_in_schema=False)
def api_index(request: Request) -> HTMLResponse:
    """Render a page that lists the endpoints with examples, for analysts."""
    plans = get_store(request).list_plans()
    example = f"?plan={quote(plans[0].code)}&as_of={plans[0].year}-06-30" if plans else ""
    context = {"nav": "api", "example_query": example, "base": str(request.base_url)}
    return templates.TemplateResponse(request, "api.html", context)


@router.get("/plans", response_model=list[PlanOut], summary="计划清单")
def plans(request: Request) -> list[PlanOut]:
    """List the plans in the store."""
    store = get_store(request)
    regions = store.list_regions()
    return [services.plan_out(plan, regions) for plan in store.list_plans()]


@router.get("/status", response_model=StatusOut, summary="状态看板")
def status(
    sel: SelectionDep,
    kind: str = Query("", description="只列此类事项：target / task / project / livelihood（或 指标、项目 等）"),
    light: str = Query("", description="只列此灯色：green / yellow / red / grey（或 绿、黄、红、灰）"),
    area: str = Query("", description="工作领域编号或名称"),
    unit: str = Query("", description="责任单位名称"),
    district: str = Query("", description="区县编号或名称，如 南浦区"),
    q: str = Query("", description="编号、名称、单位或说明中的词"),
    alerts: int | None = Query(None, ge=0, description="预警事项最多列出几项（缺省全部）"),
) -> Response:
    """Return a plan's status board as of a date: counts, roll-ups, alerts, and the items.

    Counts, roll-ups and alerts always cover the whole plan; the filters narrow ``items``.
    """
    scope = app.Scope.of(kind=kind, light=light, area=area, unit=unit, district=district, q=q)
    items = scope.items(sel.board)
    view = services.status_view(sel.data, sel.board, with_items=False, alert_limit=alerts)
    view.items = [services.item_status_out(item, sel.board) for item in items]
    # Serialised once here: letting FastAPI re-validate 100,000 items would double the work.
    return Response(view.model_dump_json(), media_type="application/json")


@router.get("/items/{code}", response_model=ItemDetailOut, summary="事项详情")
def item(request: Request, code: str, sel: SelectionDep) -> ItemDetailOut:
    """Return one item's definition, status explanation and progress history."""
    return detail_of(request, sel, code)
