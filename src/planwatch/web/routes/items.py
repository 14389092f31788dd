"""Plan items: the filterable list, the detail page, and the progress entry form."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse
from markupsafe import Markup

from planwatch import app
from planwatch.monitor import ItemStatus, StatusBoard
from planwatch.monitor.render import render_csv
from planwatch.plan.model import KeyTask, ProgressRecord, Source
from planwatch.web import csrf, downloads, labels, services
from planwatch.web.deps import BadRequest, Selection, SelectionDep, get_store, parse_as_of
from planwatch.web.schemas import ItemDetailOut
from planwatch.web.templating import templates

router = APIRouter()

#: rows on one page of the item list; a plan with 100,000 projects is paged and filtered, not scrolled.
PAGE_SIZE = 100


@dataclass(slots=True)
class ItemQuery:
    """The filters and sort of the item list, as the query string gives them."""

    kind: str = ""
    light: str = ""
    area: str = ""
    unit: str = ""
    district: str = ""
    q: str = ""
    alert: str = ""
    sort: str = "light"
    desc: bool = False
    page: int = 1

    def filters(self) -> dict[str, str]:
        """Return the filters that are set (the ones links and forms carry along)."""
        chosen = {"kind": self.kind, "light": self.light, "area": self.area, "unit": self.unit}
        chosen |= {"district": self.district, "q": self.q, "alert": "1" if self.alert else ""}
        return {key: value for key, value in chosen.items() if value}

    def scope(self) -> app.Scope:
        """Return the filters as the application layer's scope (areas and districts by code or name)."""
        return app.Scope.of(
            kind=self.kind,
            light=self.light,
            area=self.area,
            unit=self.unit,
            district=self.district,
            q=self.q,
            alerts_only=bool(self.alert),
        )

    def apply(self, board: StatusBoard) -> list[ItemStatus]:
        """Return the board's items that pass the filters, in the chosen order."""
        sort = self.sort if self.sort in labels.ITEM_SORTS else "light"
        return services.sort_items(self.scope().items(board), sort, self.desc)

    def rows(self, sel: Selection) -> list[ItemStatus]:
        """Return :meth:`apply` for the selection, computed once per evaluation and query (paging reuses it)."""
        key = ("items", tuple(sorted(self.filters().items())), self.sort, self.desc)
        return sel.evaluation.memo(key, lambda: self.apply(sel.board))


ItemQueryDep = Annotated[ItemQuery, Depends()]


@router.get("/items.csv", summary="事项清单（CSV）")
def item_list_csv(sel: SelectionDep, query: ItemQueryDep) -> Response:
    """Return the filtered item list as CSV (UTF-8 with BOM, so Excel reads the Chinese)."""
    text = render_csv(sel.board, query.apply(sel.board))
    name = f"planwatch-{sel.plan.code}-{sel.as_of.isoformat()}.csv"
    return downloads.attachment("\ufeff" + text, "text/csv; charset=utf-8", name)


@router.get("/ledger.xlsx", summary="监测台账（Excel）")
def ledger_xlsx(sel: SelectionDep) -> Response:
    """Return the plan's 监测台账 workbook for the chosen date (what ``planwatch status --format xlsx`` writes)."""
    from planwatch.exports.status_workbook import write_status_workbook

    name = f"{sel.plan.code}-监测台账-{sel.as_of.isoformat()}.xlsx"
    from planwatch.monitor.overview import planned_investment

    planned = planned_investment(sel.data)
    return downloads.workbook(lambda path: write_status_workbook(sel.board, path, planned), name)


@router.get("/items", response_class=HTMLResponse, summary="事项清单")
def item_list(request: Request, sel: SelectionDep, query: ItemQueryDep):
    """Render one page of the item table, narrowed by the filters and sorted by one column.

    The table of a page is the same for every request of one board and query, so it is
    rendered once (per cached board) and reused; each request renders only the frame.
    """
    rows = query.rows(sel)
    chosen = {key: "" for key in ("kind", "light", "area", "unit", "district", "q")} | query.filters()
    sort = query.sort if query.sort in labels.ITEM_SORTS else "light"
    desc = query.desc
    units, districts = sel.evaluation.memo("item-filter-choices", lambda: _filter_choices(sel))
    base = {"plan": sel.plan.code, "as_of": sel.as_of.isoformat(), **query.filters()}
    pages = max(1, -(-len(rows) // PAGE_SIZE))
    page = min(max(query.page, 1), pages)

    def sort_link(column: str) -> str:
        flip = column == sort and not desc
        return "/items?" + urlencode({**base, "sort": column, **({"desc": "1"} if flip else {})})

    def page_link(number: int) -> str:
        return "/items?" + urlencode({**base, "sort": sort, **({"desc": "1"} if desc else {}), "page": number})

    def body() -> Markup:
        context = {
            "sel": sel,
            "s": sel.status,
            "rows": [
                services.item_status_out(status, sel.board)
                for status in rows[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
            ],
            "matched": len(rows),
            "page": page,
            "pages": pages,
            "page_size": PAGE_SIZE,
            "page_link": page_link,
            "chosen": chosen,
            "sort": sort,
            "desc": desc,
            "sort_link": sort_link,
            "csv_link": "/items.csv?" + urlencode({**base, "sort": sort, **({"desc": "1"} if desc else {})}),
            "sorts": labels.ITEM_SORTS,
            "units": units,
            "districts": districts,
            "areas": [(a.code, a.title) for a in sel.data.work_areas],
        }
        return Markup(templates.get_template("items_content.html").render(context))

    # The body depends only on the board and the query: rendered once, reused while people page around.
    key = ("items-body", tuple(sorted(query.filters().items())), sort, desc, page)
    content = sel.evaluation.memo(key, body)
    return templates.TemplateResponse(
        request,
        "items.html",
        {"sel": sel, "s": sel.status, "nav": "items", "chosen": chosen, "sort": sort, "desc": desc, "content": content},
    )


def _filter_choices(sel: Selection) -> tuple[list[str], list[tuple[str, str]]]:
    """Return the owner units and districts the list's drop-downs offer (those the plan's items name)."""
    units = sorted({i.owner_unit for i in sel.board.items if i.owner_unit})
    district_codes = {i.district_code for i in sel.board.items if i.district_code}
    return units, [(r.code, r.name) for r in sel.data.regions if r.code in district_codes]


def detail_of(request: Request, sel: Selection, code: str) -> ItemDetailOut:
    """Return the detail view of item ``code`` in the selected plan, or raise NotFound."""
    status = sel.evaluation.item(code)
    item = sel.evaluation.plan_item(code)  # raises NotFound in Chinese
    if status is None:
        raise services.NotFound(f"事项「{code}」没有状态。")
    store = get_store(request)
    history = services.item_history(store, sel.data, code, sel.as_of)
    detail = services.item_detail(history, services.item_status_out(status, sel.board), sel.as_of, item)
    records = [record for record in history.progress if record.item_code == code]
    detail.changes = services.item_changes(store, sel.plan.code, code, records)
    return detail


def _render_detail(
    request: Request,
    sel: Selection,
    code: str,
    *,
    form_error: str = "",
    status_code: int = 200,
    form: dict[str, str] | None = None,
    confirm_needed: bool = False,
):
    detail = detail_of(request, sel, code)
    return templates.TemplateResponse(
        request,
        "item.html",
        {
            "sel": sel,
            "s": sel.status,
            "d": detail,
            "i": detail.status,
            "nav": "items",
            "saved": request.query_params.get("saved") == "1",
            "form_error": form_error,
            "form": form,
            "confirm_needed": confirm_needed,
        },
        status_code=status_code,
    )


@router.get("/items/{code}", response_class=HTMLResponse, summary="事项详情")
def item_page(request: Request, code: str, sel: SelectionDep):
    """Render an item's definition, status explanation and progress history."""
    return _render_detail(request, sel, code)


@router.post(
    "/items/{code}/progress",
    response_class=HTMLResponse,
    summary="填报进度",
    dependencies=[Depends(csrf.require_token)],  # checked before the plan is read or anything written
)
def add_progress(
    request: Request,
    code: str,
    sel: SelectionDep,
    unit: str = Form(""),
    as_of: str = Form(""),
    value: str = Form(""),
    cumulative: str = Form(""),
    milestone_key: str = Form(""),
    narrative: str = Form(""),
    confirm: str = Form(""),
):
    """Write one progress record for the item through the application layer, recorded as the unit's.

    Refused values come back on the form with the reason (400); values that need a second
    look (a total below the last one, a jump) come back with the warning and a box to
    confirm them, the figures kept as typed.
    """
    item = sel.evaluation.plan_item(code)
    typed = {
        "unit": unit,
        "as_of": as_of,
        "value": value,
        "cumulative": cumulative,
        "milestone_key": milestone_key,
        "narrative": narrative,
    }
    try:
        record = _progress_record(code, sel, unit, as_of, value, cumulative, milestone_key, narrative)
        if record.value is None and record.milestone_key is None and not isinstance(item, KeyTask):
            raise BadRequest("请填写数值。")
        store = get_store(request)
        app.submit_progress(store, sel.plan, [record], user=unit, items={code: item}, confirm=bool(confirm))
    except app.NeedsConfirmation as exc:
        return _render_detail(request, sel, code, form_error=str(exc), form=typed, confirm_needed=True)
    except (app.AppError, ValueError) as exc:
        return _render_detail(request, sel, code, form_error=str(exc), status_code=400, form=typed)
    query = urlencode({"plan": sel.plan.code, "as_of": record.as_of.isoformat(), "saved": "1"})
    return RedirectResponse(f"/items/{code}?{query}", status_code=303)


def _progress_record(
    code: str, sel: Selection, unit: str, as_of: str, value: str, cumulative: str, milestone_key: str, narrative: str
) -> ProgressRecord:
    """Return the progress record a filled form describes, or raise BadRequest in Chinese."""
    if not unit.strip():
        raise BadRequest("请填写报送单位。")
    when = parse_as_of(as_of)
    if when is None:
        raise BadRequest("请填写截至日期。")
    app.check_as_of(sel.plan, when)
    number = None
    if value.strip():
        try:
            number = float(value.strip().replace(",", ""))
        except ValueError:
            raise BadRequest(f"数值「{value[:50]}」不是数字。") from None
    if number is None and not milestone_key and not narrative.strip():
        # a key task may report in words only (the importer's rule too): it keeps the task fresh
        raise BadRequest("请填写数值，或选择已完成的节点，或填写情况说明。")
    return ProgressRecord(
        item_code=code,
        as_of=when,
        value=number,
        cumulative=bool(cumulative),
        milestone_key=milestone_key or None,
        narrative=narrative.strip(),
        source=Source(unit=unit.strip()),
    )
