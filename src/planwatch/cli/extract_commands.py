"""``planwatch extract``: write the facts of one or more reports."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import click

from planwatch.extract.output import render


class _ReadFailed(Exception):
    pass


def _read_text(path: str) -> str:
    """Read a report through ``planwatch.documents`` (any format); plain UTF-8 text until it exists."""
    try:
        from planwatch.documents import DocumentError, read  # type: ignore[attr-defined]
    except ImportError:
        try:
            return Path(path).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise _ReadFailed(f"{path}: 无法读取：{exc}") from exc
    try:
        return read(path).text
    except DocumentError as exc:
        raise _ReadFailed(str(exc)) from exc


def _write_atomically(target: str, data: str) -> None:
    folder = os.path.dirname(os.path.abspath(target))
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".planwatch-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(data)
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


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
    from planwatch.extract import extract_facts

    rows = []
    for path in paths:
        try:
            text = _read_text(path)
        except _ReadFailed as exc:
            click.echo(f"planwatch extract: {exc}", err=True)
            sys.exit(2)
        for fact in extract_facts(text):
            row = fact.to_dict()
            if len(paths) > 1:
                row = {"doc": path, **row}
            rows.append(row)
    data = render(rows, fmt)
    if output:
        _write_atomically(output, data)
    else:
        click.echo(data, nl=False)
