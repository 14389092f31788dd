"""``planwatch library add|list|show|search|set`` and ``planwatch panel``: reports of any region and year.

Thin: ``planwatch.library`` does the work; these parse options and print. A value that does
not resolve (a region, a year range, an indicator) is refused with a Chinese message before
anything is read or written.
"""

from __future__ import annotations

import json
from typing import Any

import click

from planwatch.cli.options import DATABASE, USER

YEARS_HELP = "年份或年份范围，如 2025 或 2020-2026"
REGION_HELP = "地区：名称（安徽省、宁夏、海拉尔区）、6 位区划代码或 全国；含其下级地区"
LIST_LIMIT = 200


def _fail(exc: Exception) -> click.ClickException:
    return click.ClickException(str(exc))


@click.group("library")
def library_command() -> None:
    """文档库：各地区、各年份的报告及其数据（政府工作报告、计划执行情况报告、统计公报等）。

    \b
    例：planwatch library add 报告/ 2026年报告.zip --db library.sqlite
        planwatch library list --region 安徽省 --year 2020-2026 --db library.sqlite
        planwatch panel --indicator 地区生产总值 --format csv -o 对比.csv --db library.sqlite
    """


@library_command.command("add")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--jobs", type=click.IntRange(min=1), default=None, help="并行读取的进程数，默认为本机 CPU 核数")
@DATABASE
@USER
def add_command(paths: tuple[str, ...], jobs: int | None, url: str | None, user: str | None) -> None:
    """把文件、文件夹（含子文件夹）和 .zip 压缩包中的报告加入文档库。

    识别每份报告的地区（含区划代码）、年份、报告期和类型，提取其中的数据并存入数据库；
    同一文本再次加入不会改变任何数据。无法识别地区或年份的报告照常存入并给出警告，
    可用 planwatch library set 更正。读取失败的文件逐一列出原因，不影响其他文件。

    \b
    例：planwatch library add corpus/ --db library.sqlite
        planwatch library add 2026年报告.zip 安徽省2026年政府工作报告.docx --jobs 4
    """
    from planwatch.library import add

    summary = add(list(paths), url, jobs=jobs, user=user)
    click.echo(summary.describe())
    if summary.failures and not (summary.added or summary.filled or summary.unchanged):
        raise SystemExit(1)


def _document_line(d: Any) -> str:
    region = d.region_name or "（地区未知）"
    year = d.year or "—"
    flag = " ⚠" if d.warnings else ""
    fixed = " （已人工更正）" if d.corrected else ""
    return f"{d.id:>6}  {region}  {year}  {d.genre or '其他'}  {d.title or d.name}  数据{d.facts}条{flag}{fixed}"


def _filter_options(command: Any) -> Any:
    for option in reversed(
        (
            click.option("--region", metavar="REGION", help=REGION_HELP),
            click.option("--year", "year", metavar="YEARS", help=YEARS_HELP),
            click.option("--genre", metavar="GENRE", help="文档类型：政府工作报告、计划执行情况报告、统计公报等"),
            click.option("--indicator", metavar="NAME", help="指标名称或别称，如 地区生产总值、GDP"),
            click.option("--text", metavar="TEXT", help="文字：标题、文件名或正文中含有的文字"),
        )
    ):
        command = option(command)
    return command


@library_command.command("list")
@_filter_options
@click.option("--limit", type=click.IntRange(min=1), default=LIST_LIMIT, show_default=True, help="最多列出的文档数")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@DATABASE
def list_command(limit: int, fmt: str, url: str | None, **filters: Any) -> None:
    """列出文档库中的报告（编号、地区、年份、类型、标题、数据条数；⚠ 表示有警告）。

    \b
    例：planwatch library list --region 湖北省 --genre 政府工作报告
        planwatch library list --indicator 地区生产总值 --year 2024-2026 --format json
    """
    from planwatch.library import LibraryError, documents
    from planwatch.store import StoreError

    try:
        found, total = documents(url, limit=limit, **filters)
    except (LibraryError, StoreError) as exc:
        raise _fail(exc) from exc
    if fmt == "json":
        rows = [{k: v for k, v in vars_of(d).items() if k != "added_at"} for d in found]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for d in found:
        click.echo(_document_line(d))
    shown = f"，列出前 {len(found)} 份" if total > len(found) else ""
    click.echo(f"共 {total} 份{shown}")


def vars_of(d: Any) -> dict[str, Any]:
    """A dataclass with slots as a dict (JSON output)."""
    from dataclasses import asdict

    return asdict(d)


@library_command.command("show")
@click.argument("document")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@DATABASE
def show_command(document: str, fmt: str, url: str | None) -> None:
    """显示一份文档的元数据、警告和提取的数据（DOCUMENT：编号、文件名或 sha256 前 8 位）。

    \b
    例：planwatch library show 12
        planwatch library show 04_anhui-gwr-2026.txt --format json
    """
    from planwatch.library import document as get_document
    from planwatch.store import StoreError

    try:
        doc = get_document(url, document)
    except StoreError as exc:
        raise _fail(exc) from exc
    if fmt == "json":
        data = vars_of(doc)
        data.pop("body")
        data["added_at"] = doc.added_at.isoformat() if doc.added_at else None
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    labels = (
        ("编号", doc.id), ("文件", doc.name), ("来源", doc.source), ("标题", doc.title), ("发布机关", doc.issuer),
        ("日期", doc.issued), ("地区", f"{doc.region_name}（{doc.region_code}，{doc.region_level}）"
         if doc.region_code else "未知"), ("年份", doc.year), ("报告期", doc.period), ("类型", doc.genre),
        ("字数", doc.chars), ("sha256", doc.sha256),
    )  # fmt: skip
    for label, value in labels:
        click.echo(f"{label}：{value if value not in (None, '') else '—'}")
    for warning in doc.warnings:
        click.echo(f"警告：{warning}")
    for w in doc.word_targets:
        click.echo(f"文字目标（非数值）：{w['indicator']}  「{w['text']}」  [{w['span'][0]}, {w['span'][1]})")
    indicated = [f for f in doc.fact_rows if f.get("indicator")]
    click.echo(f"数据 {len(doc.fact_rows)} 条，其中对应指标库指标 {len(indicated)} 条：")
    for f in indicated:
        click.echo(
            f"  [{f['span'][0]}, {f['span'][1]}) {f['indicator']}  {f['text']}  {f['measure']}  "
            f"{f['modality']}  {f['period'] or '—'}  {f['qualifier'] or ''}"
        )


@library_command.command("search")
@_filter_options
@click.option("--limit", type=click.IntRange(min=1), default=LIST_LIMIT, show_default=True, help="最多列出的数据条数")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl"]), default="table", show_default=True)
@DATABASE
def search_command(limit: int, fmt: str, url: str | None, **filters: Any) -> None:
    """在文档库的数据中检索：按地区、年份、类型、指标和文字（数据的主体或原文）。

    \b
    例：planwatch library search --indicator 地区生产总值 --region 安徽省
        planwatch library search --text 新增就业 --year 2026 --format jsonl
    """
    from planwatch.library import LibraryError, search
    from planwatch.store import StoreError

    try:
        facts = search(url, limit=limit, **filters)
    except (LibraryError, StoreError) as exc:
        raise _fail(exc) from exc
    if fmt == "json":
        click.echo(json.dumps(facts, ensure_ascii=False, indent=2))
        return
    if fmt == "jsonl":
        for f in facts:
            click.echo(json.dumps(f, ensure_ascii=False))
        return
    for f in facts:
        click.echo(
            f"{f['region'] or '（地区未知）'} {f['year'] or '—'} #{f['document_id']} [{f['span'][0]}, {f['span'][1]})  "
            f"{f['indicator'] or f['subject'] or '—'}  {f['text']}  {f['measure']} {f['modality']} {f['period'] or '—'}"
        )
    click.echo(f"共 {len(facts)} 条")


@library_command.command("set")
@click.argument("document")
@click.option("--region", metavar="REGION", help=REGION_HELP.replace("；含其下级地区", ""))
@click.option("--year", type=int, metavar="YEAR", help="年份，如 2025")
@click.option("--period", metavar="PERIOD", help="报告期，如 2025-01/2025-06（1—6月）或 2025（全年）")
@click.option("--genre", metavar="GENRE", help="文档类型：政府工作报告、计划执行情况报告、统计公报、经济运行分析等")
@DATABASE
@USER
def set_command(
    document: str,
    region: str | None,
    year: int | None,
    period: str | None,
    genre: str | None,
    url: str | None,
    user: str | None,
) -> None:
    """更正一份文档的地区、年份、报告期或类型（记入审计日志；此后再次加入同一文件不会覆盖更正）。

    \b
    例：planwatch library set 7 --region 大庆市 --year 2016
        planwatch library set 9f3a2c1b --region 150702 --period 2025-01/2025-06
    """
    from planwatch.library import LibraryError, correct
    from planwatch.settings import get_settings
    from planwatch.store import StoreError

    try:
        doc = correct(
            url, document, user=user or get_settings().user, region=region, year=year, genre=genre, period=period
        )
    except (LibraryError, StoreError) as exc:
        raise _fail(exc) from exc
    click.echo(f"已更正：{_document_line(doc)}")


@click.command("panel")
@click.option("--indicator", "indicators", multiple=True, metavar="NAME", help="指标（可多次指定）；默认全部")
@click.option("--level", type=click.Choice(["province", "city", "county"]), help="只列出该层级的地区")
@click.option("--region", "regions", multiple=True, metavar="REGION", help=REGION_HELP + "（可多次指定）")
@click.option("--years", metavar="YEARS", help=YEARS_HELP)
@click.option(
    "--format", "fmt", type=click.Choice(["table", "csv", "xlsx", "parquet"]), default="table", show_default=True
)
@click.option("-o", "--output", metavar="FILE", help="写入文件；xlsx 和 parquet 必须指定")
@DATABASE
def panel_command(
    indicators: tuple[str, ...],
    level: str | None,
    regions: tuple[str, ...],
    years: str | None,
    fmt: str,
    output: str | None,
    url: str | None,
) -> None:
    """对比面板：各地区各年份主要指标的年度目标与实际完成（差距、是否完成、每个数字的来源）。

    目标取当年报告（如政府工作报告的主要预期目标；只有文字表述时记为“非数值”），实际值取
    次年报告或统计公报（较新的来源优先，其他来源保留在 other_actuals 列）。

    \b
    例：planwatch panel --indicator 地区生产总值 --level province --years 2020-2026
        planwatch panel --format csv -o 对比面板.csv
        planwatch panel --region 湖北省 --format xlsx -o 湖北.xlsx
        planwatch panel --format parquet -o panel.parquet
    """
    from planwatch.library import LibraryError, panel
    from planwatch.library import export as out
    from planwatch.library.service import iter_panel_rows
    from planwatch.store import StoreError

    if fmt in ("xlsx", "parquet") and not output:
        raise click.UsageError(f"--format {fmt} 须用 -o 指定要写入的文件，例如 -o 对比面板.{fmt}")
    filters = {"indicators": list(indicators), "level": level, "region": list(regions), "years": years}
    try:
        if fmt == "csv" and output:
            count = out.write_csv(iter_panel_rows(url, **filters), output)  # streamed: flat memory
        else:
            rows = panel(url, **filters)
            count = len(rows)
            if fmt == "table":
                _emit(out.to_table(rows) + "\n", output)
            elif fmt == "csv":
                click.echo(out.to_csv(rows), nl=False)
            elif fmt == "xlsx":
                out.write_xlsx(rows, output)  # type: ignore[arg-type]
            else:
                out.write_parquet(rows, output)  # type: ignore[arg-type]
    except (LibraryError, StoreError, out.ParquetUnavailable) as exc:
        raise _fail(exc) from exc
    except OSError as exc:
        raise click.ClickException(f"{output}：无法写入（{exc.strerror or exc}）") from exc
    if output:
        click.echo(f"已写入 {output}（{count} 行）", err=True)


def _emit(text: str, output: str | None) -> None:
    from planwatch.cli.monitor_commands import emit

    emit(text, output)


__all__ = ["library_command", "panel_command"]
