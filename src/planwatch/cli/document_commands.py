"""``planwatch text`` and ``planwatch outline``: what a document reads as, and how it is built.

Both are thin: ``planwatch.documents.read`` does the work.  A file that cannot be read gives
one line on stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import json
import re

import click

from planwatch.documents import Document, DocumentError, read
from planwatch.documents.outline import Heading

EXIT_UNREADABLE = 2
_SPAN_LIST = re.compile(r"\[\s+(\d+),\s+(\d+)\s+\]")  # spans read better on one line
TREE_TITLE_CHARS = 40
METADATA_LABELS: tuple[tuple[str, str], ...] = (
    ("title", "标题"),
    ("issuer", "发布机关"),
    ("date", "日期"),
    ("year", "年份"),
    ("period", "报告期"),
)


def _read_or_exit(path: str) -> Document:
    try:
        return read(path)
    except DocumentError as exc:
        click.echo(f"错误：{exc}", err=True)
        raise SystemExit(EXIT_UNREADABLE) from None


@click.command("text")
@click.argument("path")
def text_command(path: str) -> None:
    """打印文档的文字内容（所有字符偏移都以此为准）。

    Print the text of PATH (.txt in UTF-8, GB18030/GBK, Big5 or UTF-16; .docx with text boxes,
    tracked changes accepted and footnotes after the body; .html/.htm; .pdf with a text layer,
    two-column pages in reading order; .rtf) exactly as character offsets count it. What the
    file contains decides over its name; .doc/.wps/.xlsx get a one-line hint what to do.

    \b
    例：planwatch text 江川市2025年上半年报告.docx > report.txt
    """
    document = _read_or_exit(path)
    click.echo(document.text, nl=not document.text.endswith("\n"))


def _tree_lines(heading: Heading) -> list[str]:
    title = heading.title if len(heading.title) <= TREE_TITLE_CHARS else heading.title[:TREE_TITLE_CHARS] + "…"
    start, end = heading.span
    section_start, section_end = heading.section_span
    lines = [
        f"{'  ' * (heading.level - 1)}{heading.label}{title}"
        f"  [{start}, {end}) 节 [{section_start}, {section_end})"
    ]
    for child in heading.children:
        lines.extend(_tree_lines(child))
    return lines


def render_tree(document: Document) -> str:
    """Metadata lines, a blank line, then the heading tree indented by level with spans."""
    metadata = document.metadata
    lines = [f"{label}：{getattr(metadata, name) or '—'}" for name, label in METADATA_LABELS]
    lines.append("")
    if not document.outline.headings:
        lines.append("（未发现标题）")
    for heading in document.outline.headings:
        lines.extend(_tree_lines(heading))
    return "\n".join(lines)


def render_json(document: Document) -> str:
    """The document's path, format, metadata and heading tree as one JSON object."""
    data = {
        "path": document.path,
        "format": document.format,
        "length": len(document.text),
        "metadata": document.metadata.to_dict(),
        "outline": document.outline.to_dict(),
    }
    return _SPAN_LIST.sub(r"[\1, \2]", json.dumps(data, ensure_ascii=False, indent=2))


@click.command("outline")
@click.argument("path")
@click.option(
    "--format", "fmt", type=click.Choice(["tree", "json"]), default="tree", show_default=True, help="输出格式"
)
def outline_command(path: str, fmt: str) -> None:
    """打印文档的元数据（标题、发布机关、日期、报告期）和标题层级及字符区间。

    Print the metadata and the heading tree (一、 / （一） / 一是 / 1. / （1）) of PATH; spans
    are [start, end) character offsets into the text of ``planwatch text``.

    \b
    例：planwatch outline report.docx
        planwatch outline report.pdf --format json
    """
    document = _read_or_exit(path)
    click.echo(render_json(document) if fmt == "json" else render_tree(document))
