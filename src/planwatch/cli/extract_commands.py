"""``planwatch extract``: write the facts of one or more reports."""

from __future__ import annotations

import sys

import click

from planwatch.cli.monitor_commands import emit
from planwatch.extract.output import render


def year_warning(path: str, document: object) -> str | None:
    """A warning when the text names no year of its own: the year was taken from the file name, or not found."""
    from planwatch.documents.metadata import read_metadata

    text = getattr(document, "text", "")
    if read_metadata(text).year is not None:
        return None
    guessed = getattr(document, "metadata", None)
    year = getattr(guessed, "year", None)
    if year is not None:
        return f"警告：{path} 正文未写明年份，已按文件名推定为{year}年（时期据此推算，请核对）"
    return f"警告：{path} 正文和文件名都未写明唯一的年份，无法推定年份：没有写明年份的时期为 null"


@click.command("extract")
@click.argument("paths", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "table"]), default="jsonl", show_default=True,
              help="输出格式")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="写入文件（原子写入）而非标准输出")
def extract_command(paths: tuple[str, ...], fmt: str, output: str | None) -> None:
    """从报告中抽取全部数量事实（facts-schema 格式）。

    \b
    例：planwatch extract report.txt --format table
        planwatch extract a.docx b.pdf -o facts.jsonl
    """
    from planwatch.documents import DocumentError, read
    from planwatch.extract import extract_facts

    rows = []
    for path in paths:
        try:
            document = read(path)
        except DocumentError as exc:
            click.echo(f"planwatch extract: {exc}", err=True)
            sys.exit(2)
        warning = year_warning(path, document)
        if warning:
            click.echo(warning, err=True)
        # the Document, not just its text: what the reader learnt (a year in the file name) counts
        for fact in extract_facts(document):
            row = fact.to_dict()
            if len(paths) > 1:
                row = {"doc": path, **row}
            rows.append(row)
    emit(render(rows, fmt), output, csv=fmt == "csv", say=False)
