"""The execution report (计划执行情况报告): composed from the board, written as DOCX, HTML or Markdown.

``compose_report(inputs)`` is pure (board and plan data in, a :class:`Report` document model
out); the writers render that model; ``verify`` checks an edited DOCX against the data.
"""

from planwatch.report.compose import compose_report
from planwatch.report.inputs import ReportInputs, load_inputs
from planwatch.report.model import Chart, Figure, Paragraph, Report, Source, Style

__all__ = ["Chart", "Figure", "Paragraph", "Report", "ReportInputs", "Source", "Style", "compose_report", "load_inputs"]
