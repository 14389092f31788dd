"""Plan items: the filterable list, the detail page, and the progress entry form."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse
from markupsafe import Markup

from planwatch import app
from planwatch.app import access, review
from planwatch.app.access import Principal
from planwatch.monitor import ItemStatus, StatusBoard
from planwatch.monitor.render import render_csv
from planwatch.plan.model import KeyTask
from planwatch.store import StoreError
from planwatch.store import submissions as subs
from planwatch.store.submissions import NewSubmission
from planwatch.web import csrf, downloads, labels, services
from planwatch.web.auth import PrincipalDep, principal
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
        """Return :meth:`apply` for the selection, computed once per evaluation and query (paging reuses it).

        The unfiltered list is kept as :class:`~planwatch.web.services.SortedItems`, which a
        board brought up to date carries along, moving only the changed items.
        """
        key = ("items", tuple(sorted(self.filters().items())), self.sort, self.desc)
        if not self.scope().everything:
            return sel.evaluation.memo(key, lambda: self.apply(sel.board))
        sort = self.sort if self.sort in labels.ITEM_SORTS else "light"
        return sel.evaluation.memo(key, lambda: services.SortedItems.of(sel.board.items, sort, self.desc)).rows


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
    """Return the detail view of item ``code`` in the selected plan, or raise NotFound / Denied."""
    status = sel.evaluation.item(code)
    item = sel.evaluation.plan_item(code)  # raises NotFound in Chinese
    access.require_view(principal(request), item, code)
    if status is None:
        raise services.NotFound(f"事项「{code}」没有状态。")
    store = get_store(request)
    history = services.item_history(store, sel.data, code, sel.as_of)
    detail = services.item_detail(history, services.item_status_out(status, sel.board), sel.as_of, item)
    records = [record for record in history.progress if record.item_code == code]
    detail.changes = services.item_changes(store, sel.plan.code, code, records)
    detail.report_figures = services.report_figures(store, sel.plan.code, code, records, sel.as_of)
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
    user = principal(request)
    item = sel.evaluation.plan_item(code)
    submissions = subs.of_item(get_store(request).engine, sel.plan.code, code, limit=50)
    return templates.TemplateResponse(
        request,
        "item.html",
        {
            "sel": sel,
            "s": sel.status,
            "d": detail,
            "i": detail.status,
            "nav": "items",
            "saved": request.query_params.get("saved", ""),
            "form_error": form_error,
            "form": form,
            "confirm_needed": confirm_needed,
            "submissions": [x for x in submissions if review.visible(user, x, item)],
            "may_submit": user.can_submit_for(*access.item_scope(item)),
            "STATES": review.STATE_LABELS,
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
    user: PrincipalDep,
    as_of: str = Form(""),
    value: str = Form(""),
    cumulative: str = Form(""),
    milestone_key: str = Form(""),
    narrative: str = Form(""),
    reason: str = Form(""),
    confirm: str = Form(""),
):
    """Submit one progress figure for the item; it waits for the planning office's review.

    Refused values come back on the form with the reason (400); values that need a second
    look (a total below the last one, a jump) come back with the warning and a box to
    confirm them, the figures kept as typed.
    """
    item = sel.evaluation.plan_item(code)
    access.require_view(user, item, code)
    typed = {
        "as_of": as_of,
        "value": value,
        "cumulative": cumulative,
        "milestone_key": milestone_key,
        "narrative": narrative,
        "reason": reason,
    }
    try:
        new = _submission(code, item, user, as_of, value, cumulative, milestone_key, narrative, reason)
        if new.value is None and new.milestone_key is None and not isinstance(item, KeyTask):
            raise BadRequest("请填写数值。")
        submitted = review.submit(get_store(request), user, sel.plan, item, new, confirm=bool(confirm))
    except app.NeedsConfirmation as exc:
        return _render_detail(request, sel, code, form_error=str(exc), form=typed, confirm_needed=True)
    except (app.AppError, StoreError, ValueError) as exc:
        if isinstance(exc, access.Denied | subs.Conflict):
            raise
        return _render_detail(request, sel, code, form_error=str(exc), status_code=400, form=typed)
    query = urlencode({"plan": sel.plan.code, "as_of": sel.as_of.isoformat(), "saved": str(submitted.id)})
    return RedirectResponse(f"/items/{code}?{query}", status_code=303)


def _submission(
    code: str,
    item: object,
    user: Principal,
    as_of: str,
    value: str,
    cumulative: str,
    milestone_key: str,
    narrative: str,
    reason: str,
) -> NewSubmission:
    """Return the submission a filled form describes, or raise BadRequest in Chinese."""
    when = parse_as_of(as_of)
    if when is None:
        raise BadRequest("请填写截至日期。")
    number = None
    if value.strip():
        try:
            number = float(value.strip().replace(",", ""))
        except ValueError:
            raise BadRequest(f"数值「{value[:50]}」不是数字。") from None
    if number is None and not milestone_key and not narrative.strip():
        # a key task may report in words only (the importer's rule too): it keeps the task fresh
        raise BadRequest("请填写数值，或选择已完成的节点，或填写情况说明。")
    return NewSubmission(
        item_code=code,
        as_of=when,
        value=number,
        cumulative=bool(cumulative),
        narrative=narrative.strip(),
        unit=review.submitting_unit(user, item),
        milestone_key=milestone_key.strip() or None,
        reason=reason.strip() or None,
    )
