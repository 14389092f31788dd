"""One way to turn a composed report into file content, for the CLI and the web download alike."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Literal

from planwatch.atomic import atomic_file
from planwatch.report.docx_writer import SourcesMode, build_docx
from planwatch.report.html import render_html
from planwatch.report.markdown import render_markdown
from planwatch.report.model import Report

ReportFormat = Literal["docx", "html", "md"]
FORMATS: tuple[str, ...] = ("docx", "html", "md")
MEDIA_TYPES: dict[str, str] = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/html; charset=utf-8",
    "md": "text/markdown; charset=utf-8",
}


def report_bytes(report: Report, fmt: ReportFormat, sources: SourcesMode = "appendix", base: str = "") -> bytes:
    """Return the report as the bytes of a .docx, .html (``base`` prefixes figure links) or .md file."""
    if fmt == "docx":
        buffer = io.BytesIO()
        build_docx(report, sources).save(buffer)
        return buffer.getvalue()
    if fmt == "html":
        return render_html(report, base).encode("utf-8")
    return render_markdown(report).encode("utf-8")


def write_report(
    report: Report, path: str | Path, fmt: ReportFormat, sources: SourcesMode = "appendix", base: str = ""
) -> Path:
    """Write the report to ``path`` atomically (readers never see half a file)."""
    target = Path(path)
    content = report_bytes(report, fmt, sources, base)
    with atomic_file(target) as tmp:
        tmp.write_bytes(content)
    return target


def report_file_name(report: Report, fmt: str) -> str:
    """Return the download name: JC2025-计划执行情况报告-2025-06-30.docx."""
    return f"{report.plan_code}-计划执行情况报告-{report.as_of.isoformat()}.{fmt}"
