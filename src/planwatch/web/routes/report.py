"""The execution report as a download: DOCX (GB/T 9704 layout), HTML (figures linked to records), Markdown."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Query, Request, Response

from planwatch.web import downloads
from planwatch.web.deps import WholePlanDep, get_store

router = APIRouter()


def _report(request: Request, sel: WholePlanDep):
    from planwatch.report import compose_report
    from planwatch.report.inputs import with_history

    return compose_report(with_history(get_store(request), sel.data, sel.board))


@router.get("/report.docx", summary="计划执行情况报告（Word）")
def report_docx(
    request: Request,
    sel: WholePlanDep,
    sources: Literal["appendix", "comments"] = Query("appendix", description="数字来源：appendix 附表，comments 批注"),
) -> Response:
    """Return the report drafted from the board as of the chosen date, laid out to GB/T 9704."""
    from planwatch.report.output import MEDIA_TYPES, report_bytes, report_file_name

    report = _report(request, sel)
    return downloads.attachment(
        report_bytes(report, "docx", sources), MEDIA_TYPES["docx"], report_file_name(report, "docx")
    )


@router.get("/report.html", summary="计划执行情况报告（网页，数字链接到来源）")
def report_html(request: Request, sel: WholePlanDep) -> Response:
    """Return the report as a page in which every figure links to its item and record."""
    from planwatch.report.output import MEDIA_TYPES, report_bytes

    return Response(report_bytes(_report(request, sel), "html"), media_type=MEDIA_TYPES["html"])


@router.get("/report.md", summary="计划执行情况报告（Markdown）")
def report_md(request: Request, sel: WholePlanDep) -> Response:
    """Return the report as Markdown text."""
    from planwatch.report.output import MEDIA_TYPES, report_bytes, report_file_name

    report = _report(request, sel)
    return downloads.attachment(report_bytes(report, "md"), MEDIA_TYPES["md"], report_file_name(report, "md"))
