"""``planwatch status`` and ``planwatch alerts`` end to end on a real SQLite file."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner
from sample_plan import sample_plan

from planwatch.cli.main import cli
from planwatch.plan.model import Plan, PlanData
from planwatch.store import Store


@pytest.fixture
def db_url(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'planwatch.sqlite'}"
    store = Store.open(url)
    try:
        store.init()
        store.save_plan_data(sample_plan(), user="测试")
    finally:
        store.close()
    return url


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_status_prints_the_board_with_counts_and_rollup(db_url: str) -> None:
    out = run("status", "--plan", "JC2025", "--as-of", "2025-06-30", "--db", db_url)
    assert out.startswith("江川市2025年国民经济和社会发展计划（JC2025）· 截至2025-06-30 · 时序进度50%")
    assert "合计 12 项：绿 6 · 黄 3 · 红 2 · 灰 1；数据过期 2 项；逾期 2 项" in out
    assert "按工作领域汇总：" in out


def test_status_uses_the_only_plan_when_none_is_named(db_url: str) -> None:
    out = run("status", "--as-of", "2025年6月30日", "--db", db_url, "--format", "json")
    assert json.loads(out)["plan"]["code"] == "JC2025"


def test_status_filters_by_unit_and_explains_each_row(db_url: str) -> None:
    out = run("status", "--as-of", "2025-06-30", "--db", db_url, "--unit", "江川市农业农村局", "--explain")
    assert "合计 1 项" in out
    assert "累计完成12.4万亩，完成年度目标40万亩的31%" in out


def test_status_by_district_as_csv(db_url: str) -> None:
    out = run("status", "--as-of", "2025-06-30", "--db", db_url, "--district", "青山县", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {r["编码"] for r in rows} == {"P02", "P04"}


def test_status_at_an_earlier_date_ignores_later_progress(db_url: str) -> None:
    data = json.loads(run("status", "--as-of", "2025-03-31", "--db", db_url, "--kind", "任务", "--format", "json"))
    k01 = next(i for i in data["items"] if i["code"] == "K01")
    assert k01["numbers"]["actual"] == 5
    assert k01["numbers"]["time_progress"] == 0.25


def test_alerts_list_the_worst_first(db_url: str) -> None:
    out = run("alerts", "--as-of", "2025-06-30", "--db", db_url)
    assert "预警事项 4 项" in out
    codes = [line.split()[1] for line in out.splitlines() if line[:1] in "红黄" and len(line.split()) > 1]
    assert codes == ["K02", "K01", "P02", "P03"]


def test_alerts_as_json_carry_only_the_alerts(db_url: str) -> None:
    data = json.loads(run("alerts", "--as-of", "2025-06-30", "--db", db_url, "--format", "json", "--limit", "2"))
    assert [i["code"] for i in data["items"]] == ["K02", "K01"]


def test_an_unknown_plan_is_a_clear_error(db_url: str) -> None:
    result = CliRunner().invoke(cli, ["status", "--plan", "XX", "--as-of", "2025-06-30", "--db", db_url])
    assert result.exit_code != 0
    assert "没有编号为「XX」的计划" in result.output


def test_a_bad_date_is_a_clear_error(db_url: str) -> None:
    result = CliRunner().invoke(cli, ["status", "--as-of", "2025-13-40", "--db", db_url])
    assert result.exit_code != 0
    assert "不是有效日期" in result.output


def test_two_plans_need_a_plan_code(db_url: str) -> None:
    store = Store.open(db_url)
    try:
        store.save_plan_data(PlanData(Plan("JC2026", "JC", 2026, "江川市2026年计划")), user="测试")
    finally:
        store.close()
    result = CliRunner().invoke(cli, ["status", "--as-of", "2025-06-30", "--db", db_url])
    assert result.exit_code != 0
    assert "请用 --plan 指定" in result.output


def test_an_empty_database_says_how_to_load_a_plan(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'empty.sqlite'}"
    Store.open(url).init()
    result = CliRunner().invoke(cli, ["status", "--as-of", "2025-06-30", "--db", url])
    assert result.exit_code != 0
    assert "还没有计划" in result.output


@pytest.mark.parametrize("command", ["status", "alerts"])
def test_a_read_only_command_on_a_missing_database_creates_nothing(tmp_path, command) -> None:
    where = tmp_path / "没有" / "planwatch.sqlite"
    result = CliRunner().invoke(cli, [command, "--db", f"sqlite:///{where}"])
    assert result.exit_code == 2
    assert "数据库文件不存在" in result.output and "Error" not in result.output
    assert not where.parent.exists()


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["status", "--plna", "X"], "没有 '--plna' 这个选项"),
        (["status", "--format", "pdf"], "不是可选值"),
        (["nosuch"], "没有 'nosuch' 这个命令"),
        (["status", "--limit"], "没有 '--limit' 这个选项"),
    ],
)
def test_usage_errors_are_in_chinese_with_exit_status_2(args, words) -> None:
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2
    assert words in result.output and "错误：" in result.output
    assert "Error" not in result.output and "Usage" not in result.output


def test_alerts_as_json_count_like_the_table_and_name_counts_like_the_api(db_url: str) -> None:
    table = run("alerts", "--as-of", "2025-06-30", "--db", db_url, "--limit", "2")
    data = json.loads(run("alerts", "--as-of", "2025-06-30", "--db", db_url, "--format", "json", "--limit", "2"))
    assert f"预警事项 {data['alert_count']} 项" in table
    assert set(data["counts"]) == {"green", "yellow", "red", "grey"}
    assert {"stale_count", "overdue_count"} <= set(data)
    assert len(data["items"]) == 2


def test_files_a_command_writes_are_readable_by_the_group(db_url: str, tmp_path) -> None:
    import os
    import stat

    target = tmp_path / "状态.csv"
    old = os.umask(0o022)
    try:
        run("status", "--as-of", "2025-06-30", "--db", db_url, "--format", "csv", "-o", str(target))
    finally:
        os.umask(old)
    mode = stat.S_IMODE(target.stat().st_mode)
    assert mode & stat.S_IRGRP, oct(mode)
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")  # the BOM Excel needs
