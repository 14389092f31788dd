"""文档库 and 对比: the library's documents, one document with its figures highlighted, and the panel with charts.

Pages over ``planwatch.library``, read-only but for the correction form of a document's region, year,
period and genre (计划处 and 管理员, POST with the CSRF token, audited; the same
``planwatch.library.correct`` as ``planwatch library set``). Every value a person types goes through the
library's resolvers (a region, a year range, an indicator) and comes back as a Chinese 400
when it does not resolve. Document text and everything else is escaped by Jinja; the charts
are SVG drawn by ``planwatch.charts`` (which escapes every label), the same hand as the report's.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse
from markupsafe import Markup

from planwatch.app import access
from planwatch.app.access import Principal
from planwatch.app.errors import NotFound
from planwatch.charts import panel as charts
from planwatch.library import vocabulary as vocab
from planwatch.library.export import MEASURE_ZH, QUALIFIER_ZH, to_csv, write_xlsx
from planwatch.library.panel import PanelRow, year_of
from planwatch.library.service import LEVEL_ZH, LibraryError, correct, documents, panel
from planwatch.store import StoreError
from planwatch.web import csrf, downloads
from planwatch.web.auth import PrincipalDep
from planwatch.web.deps import BadRequest, get_store
from planwatch.web.templating import templates

router = APIRouter()

PAGE_SIZE = 100
#: The indicator and measure the 对比 page opens with.
DEFAULT_INDICATOR = "地区生产总值"
DEFAULT_MEASURE = "growth"


def _none_if_blank(value: str | None) -> str | None:
    return value.strip() if value and value.strip() else None


@router.get("/library", response_class=HTMLResponse, summary="文档库")
def library_page(
    request: Request,
    region: str | None = None,
    year: str | None = None,
    genre: str | None = None,
    indicator: str | None = None,
    q: str | None = None,
    page: int = 1,
):
    """List the library's documents, filterable by region, year, genre, indicator and words."""
    chosen = {
        "region": _none_if_blank(region),
        "year": _none_if_blank(year),
        "genre": _none_if_blank(genre),
        "indicator": _none_if_blank(indicator),
        "q": _none_if_blank(q),
    }
    page = max(page, 1)
    try:
        found, total = documents(
            get_store(request),
            limit=PAGE_SIZE,
            offset=(page - 1) * PAGE_SIZE,
            region=chosen["region"],
            year=chosen["year"],
            genre=chosen["genre"],
            indicator=chosen["indicator"],
            text=chosen["q"],
        )
    except LibraryError as exc:
        raise BadRequest(str(exc)) from exc
    query = {k: v for k, v in chosen.items() if v}
    pages = {
        "prev": f"/library?{urlencode({**query, 'page': page - 1})}" if page > 1 else None,
        "next": f"/library?{urlencode({**query, 'page': page + 1})}" if page * PAGE_SIZE < total else None,
    }
    return templates.TemplateResponse(
        request,
        "library.html",
        {
            "nav": "library",
            "docs": found,
            "total": total,
            "chosen": chosen,
            "genres": vocab.GENRE_NAMES,
            "levels": LEVEL_ZH,
            "pages": pages,
            "page": page,
        },
    )


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of the document's text: plain, or the characters of fact number ``fact``."""

    text: str
    fact: int | None = None


def highlighted(body: str, facts: list[dict[str, Any]]) -> list[Segment]:
    """Cut ``body`` into plain pieces and the pieces each fact covers (overlapping spans keep the first)."""
    segments: list[Segment] = []
    at = 0
    for index, fact in enumerate(facts):
        start, end = fact["span"]
        if start < at or end > len(body) or start >= end:
            continue
        if start > at:
            segments.append(Segment(body[at:start]))
        segments.append(Segment(body[start:end], index))
        at = end
    if at < len(body):
        segments.append(Segment(body[at:]))
    return segments


def panel_link(doc: Any, fact: dict[str, Any]) -> str | None:
    """Return the 对比 page address of the panel cell a fact feeds, if it feeds one."""
    year = year_of(fact.get("period"))
    if not (fact.get("indicator") and doc.region_code and year and fact.get("modality") in ("target", "actual")):
        return None
    if fact.get("measure") not in vocab.PANEL_MEASURES:
        return None
    query = {
        "indicator": fact["indicator"], "measure": fact["measure"], "region": doc.region_code, "year": year,
        "focus": doc.region_code,
    }  # fmt: skip
    return f"/compare?{urlencode(query)}#{cell_id(doc.region_code, year, fact['indicator'], fact['measure'])}"


def cell_id(region_code: str, year: int, indicator: str, measure: str) -> str:
    """The anchor of a panel row on the 对比 page."""
    from planwatch.catalog import load_catalog

    known = load_catalog().find(indicator)
    key = known.code if known is not None else hashlib.sha1(indicator.encode()).hexdigest()[:10]
    return f"cell-{region_code}-{year}-{measure}-{key}"


@router.get("/library/{doc_id}", response_class=HTMLResponse, summary="文档")
def document_page(
    request: Request, doc_id: int, user: PrincipalDep, fig: int | None = None, region_q: str | None = None
):
    """Show a document's text with every extracted figure highlighted, each figure's fact, and the correction form.

    ``fig``: the start of a figure to mark (an item page's link to a report figure);
    ``region_q``: a name to look up in the gazetteer for the correction form.
    """
    return _render_document(request, doc_id, user, fig=fig, region_q=region_q)


def _render_document(
    request: Request,
    doc_id: int,
    user: Principal,
    *,
    fig: int | None = None,
    region_q: str | None = None,
    form: dict[str, str] | None = None,
    form_error: str = "",
    status_code: int = 200,
):
    from planwatch.store.library import get_document
    from planwatch.store.report_figures import plan_items_fed

    try:
        doc = get_document(get_store(request), doc_id)
    except StoreError as exc:
        raise NotFound(str(exc)) from exc
    facts = doc.fact_rows
    fed = plan_items_fed(get_store(request), doc.id)
    items = [fed.get((f["span"][0], f["span"][1])) for f in facts]
    return templates.TemplateResponse(
        request,
        "library_document.html",
        {
            "nav": "library",
            "doc": doc,
            "segments": highlighted(doc.body, facts),
            "facts": facts,
            "links": [panel_link(doc, f) for f in facts],
            "items": items,
            "chosen_fig": fig,
            "MEASURE_ZH": MEASURE_ZH,
            "QUALIFIER_ZH": QUALIFIER_ZH,
            "levels": LEVEL_ZH,
            "may_correct": user.may("correct_library"),
            "region_q": _none_if_blank(region_q) or "",
            "candidates": region_candidates(region_q) if user.may("correct_library") else [],
            "genres": vocab.GENRE_NAMES,
            "form": form or {},
            "form_error": form_error,
            "saved": request.query_params.get("saved", ""),
        },
        status_code=status_code,
    )


#: Gazetteer matches the correction form lists at most.
CANDIDATES = 30


def region_candidates(text: str | None) -> list[tuple[str, str, str]]:
    """Return (code, full name, level) of the divisions a name or code in the correction form's search may mean."""
    from planwatch.catalog import gazetteer

    wanted = _none_if_blank(text)
    if not wanted:
        return []
    found = [gazetteer.by_code(wanted)] if wanted.isdigit() else gazetteer.find(wanted[:50])
    return [(d.code, gazetteer.full_name(d.code), LEVEL_ZH.get(d.level, d.level)) for d in found if d][:CANDIDATES]


@router.post(
    "/library/{doc_id}/correct",
    response_class=HTMLResponse,
    summary="更正文档的地区、年份、报告期和类型",
    dependencies=[Depends(csrf.require_token)],  # checked before anything is read or written
)
def correct_document(
    request: Request,
    doc_id: int,
    user: PrincipalDep,
    region: str = Form(""),
    year: str = Form(""),
    period: str = Form(""),
    genre: str = Form(""),
):
    """Correct a document's region, year, period or genre (计划处 and 管理员; audited) — what ``library set`` does."""
    access.require(user, "correct_library")
    typed = {"region": region[:100], "year": year[:10], "period": period[:40], "genre": genre[:40]}
    try:
        number = int(year.strip()) if year.strip() else None
    except ValueError:
        error = f"年份“{year[:10]}”不是四位数字，如 2025"
        return _render_document(request, doc_id, user, form=typed, form_error=error, status_code=400)
    try:
        correct(
            get_store(request),
            doc_id,
            user=user.name,
            region=region.strip()[:100] or None,
            year=number,
            genre=genre.strip() or None,
            period=period.strip()[:40] or None,
        )
    except StoreError as exc:
        raise NotFound(str(exc)) from exc
    except LibraryError as exc:
        return _render_document(request, doc_id, user, form=typed, form_error=str(exc), status_code=400)
    return RedirectResponse(f"/library/{doc_id}?saved=1", status_code=303)


@dataclass(slots=True)
class CompareQuery:
    """What the 对比 page shows: the panel's filters, and the year and region the charts are about."""

    indicator: str | None
    measure: str
    level: str | None
    region: str | None
    years: str | None
    year: int | None
    focus: str | None


def _compare_rows(request: Request, q: CompareQuery) -> list[PanelRow]:
    try:
        rows = panel(get_store(request), indicators=q.indicator, level=q.level, region=q.region, years=q.years)
    except LibraryError as exc:
        raise BadRequest(str(exc)) from exc
    return rows


def _query(
    indicator: str | None, measure: str | None, level: str | None, region: str | None, years: str | None,
    year: str | None, focus: str | None,
) -> CompareQuery:  # fmt: skip
    measure = _none_if_blank(measure) or DEFAULT_MEASURE
    if measure not in vocab.PANEL_MEASURES:
        raise BadRequest(f"口径“{measure}”只能是 growth、level 或 ratio")
    level = _none_if_blank(level)
    if level and level not in ("province", "city", "county"):
        raise BadRequest(f"层级“{level}”只能是 province、city 或 county")
    year_text = _none_if_blank(year)
    if year_text and not year_text.isdigit():
        raise BadRequest(f"年份“{year_text}”无法识别，请写四位年份，如 2025")
    indicator = _none_if_blank(indicator)
    return CompareQuery(
        indicator if indicator != "全部" else None,
        measure,
        level,
        _none_if_blank(region),
        _none_if_blank(years),
        int(year_text) if year_text else None,
        _none_if_blank(focus),
    )


@router.get("/compare", response_class=HTMLResponse, summary="对比")
def compare_page(
    request: Request,
    indicator: str | None = DEFAULT_INDICATOR,
    measure: str | None = None,
    level: str | None = None,
    region: str | None = None,
    years: str | None = None,
    year: str | None = None,
    focus: str | None = None,
):
    """The panel of targets against outcomes, with a chart across regions and one over the years."""
    q = _query(indicator, measure, level, region, years, year, focus)
    rows = _compare_rows(request, q)
    chart_rows = [r for r in rows if r.measure == q.measure]
    if q.indicator is None and chart_rows:
        chart_indicator = chart_rows[0].indicator
        chart_rows = [r for r in chart_rows if r.indicator == chart_indicator]
    chart_indicator = chart_rows[0].indicator if chart_rows else (q.indicator or DEFAULT_INDICATOR)
    measured = [r for r in chart_rows if r.actual_value is not None]
    chart_year = q.year or (max(r.year for r in measured) if measured else None)
    unit = next((r.unit for r in chart_rows if r.unit), "") or ""
    title = f"{chart_indicator}（{MEASURE_ZH.get(q.measure, q.measure)}，{unit}）"
    across_title = f"{chart_year}年 {title}"
    across = charts.across_regions([r for r in chart_rows if r.year == chart_year], across_title)
    focus_code = q.focus or (chart_rows[0].region_code if chart_rows else None)
    focus_rows = [r for r in chart_rows if r.region_code == focus_code]
    focus_name = focus_rows[0].region if focus_rows else ""
    years_title = f"{focus_name} {title}"
    over_years = charts.over_years(focus_rows, years_title)
    params = {k: v for k, v in vars_of(q).items() if v is not None}
    return templates.TemplateResponse(
        request,
        "compare.html",
        {
            "nav": "compare",
            "cq": q,
            "rows": rows,
            "across": Markup(across),  # drawn by planwatch.charts.svg, which escapes every label
            "across_title": across_title,
            "over_years": Markup(over_years),
            "years_title": years_title,
            "regions": sorted({(r.region_code, r.region) for r in chart_rows}),
            "csv_link": f"/compare.csv?{urlencode(params)}",
            "xlsx_link": f"/compare.xlsx?{urlencode(params)}",
            "cell_id": cell_id,
            "MEASURE_ZH": MEASURE_ZH,
            "QUALIFIER_ZH": QUALIFIER_ZH,
            "levels": LEVEL_ZH,
            "indicators": _catalog_names(),
        },
    )


def vars_of(q: CompareQuery) -> dict[str, Any]:
    return {k: getattr(q, k) for k in ("indicator", "measure", "level", "region", "years")}


def _catalog_names() -> list[str]:
    from planwatch.catalog import load_catalog

    return [i.name for i in load_catalog()]


def download_rows(
    request: Request,
    indicator: str | None = None,
    measure: str | None = None,
    level: str | None = None,
    region: str | None = None,
    years: str | None = None,
) -> list[PanelRow]:
    """The panel rows a download asks for (the 对比 page's filters, without the chart's year and region)."""
    return _compare_rows(request, _query(indicator, measure, level, region, years, None, None))


DownloadRows = Annotated[list[PanelRow], Depends(download_rows)]


@router.get("/compare.csv", summary="对比面板（CSV）")
def compare_csv(rows: DownloadRows) -> Response:
    """Download the panel as CSV (UTF-8 with BOM, formula-safe), the same columns as ``planwatch panel``."""
    return downloads.attachment(to_csv(rows).encode("utf-8-sig"), "text/csv; charset=utf-8", "对比面板.csv")


@router.get("/compare.xlsx", summary="对比面板（Excel）")
def compare_xlsx(rows: DownloadRows) -> Response:
    """Download the panel as a workbook."""
    return downloads.workbook(lambda path: write_xlsx(rows, path), "对比面板.xlsx")
