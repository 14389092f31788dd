"""``planwatch audit`` end to end: real workbooks imported into a real SQLite file, then read back.

A plan is imported, then imported again with one changed cell, and a progress figure is
corrected; the audit command must show who changed what, newest first, in each format.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from openpyxl import Workbook

from planwatch.cli.main import cli
from planwatch.exchange.columns import ALL_SHEETS

PLAN = {
    "计划": [["JC2025", "JC", 2025, "江川市2025年国民经济和社会发展计划"]],
    "地区": [["JC", "江川市", None, "市"], ["JC-01", "东湖区", "JC", "区"]],
    "重大项目": [
        ["P001", "江川港区三期码头", "江川港务集团", "JC-01", "交通", "在建", 120000, 30000],
        ["P0011", "东湖数据中心", "东湖数科公司", "JC-01", "信息", "新开工", 80000, 20000],
    ],
    "民生实事": [["M01", "新建社区老年食堂", "市民政局", None, 50, "个"]],
}


def write_workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    """Write sheets in the exchange layout (headers from columns.py, cells left to right)."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        ws = workbook.create_sheet(name)
        ws.append(ALL_SHEETS[name].headers)
        for row in rows:
            ws.append(row)
    workbook.save(path)
    return path


def run(*args: str) -> Result:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture
def db(tmp_path: Path) -> str:
    """Return a SQLite file after an import, a re-import with one changed cell, and a corrected figure."""
    path = str(tmp_path / "planwatch.sqlite")
    run("import", str(write_workbook(tmp_path / "plan.xlsx", PLAN)), "--db", path, "--user", "规划处")
    changed = {**PLAN, "重大项目": [list(row) for row in PLAN["重大项目"]]}
    changed["重大项目"][0][7] = 35000  # 年度计划投资（万元）
    run("import", str(write_workbook(tmp_path / "plan2.xlsx", changed)), "--db", path, "--user", "张三")
    for value, user in ((12, "市民政局"), (15.5, "李四")):
        progress = write_workbook(tmp_path / "progress.xlsx", {"民生实事进展": [["M01", "2025-06-30", value]]})
        run("import", str(progress), "--db", path, "--user", user)
    return path


def lines(result: Result) -> list[str]:
    return result.output.splitlines()


def test_the_table_shows_the_newest_change_first_with_only_the_changed_fields(db: str) -> None:
    out = lines(run("audit", "--db", db))
    assert out[0].split() == ["时间", "用户", "操作", "表", "键", "修改前", "→", "修改后"]
    assert out[2].split()[2:] == ["李四", "修改", "进展", "JC2025/M01/2025-06-30", "value:", "12.0", "→", "15.5"]
    # an import vouches for its figures: the approved submission, the one it supersedes
    assert out[3].split()[2:6] == ["李四", "新增", "报送", "JC2025/2"]
    superseded = ["state:", "approved", "→", "superseded；version:", "1", "→", "2"]
    assert out[4].split()[2:] == ["李四", "修改", "报送", "JC2025/1", *superseded]
    assert out[5].split()[2:4] == ["市民政局", "新增"]
    assert out[7].split()[2:] == [
        "张三",
        "修改",
        "重大项目",
        "JC2025/P001",
        "annual_planned_investment:",
        "30000.0",
        "→",
        "35000.0",
    ]
    assert out[-1] == f"共{len(out) - 3}条"


def test_an_item_filter_shows_that_item_and_its_progress_only(db: str) -> None:
    out = lines(run("audit", "--db", db, "--item", "P001"))[2:-1]
    keys = [line.split()[5] for line in out]
    assert keys == ["JC2025/P001", "JC2025/P001"], "P0011 shares the prefix but is another item"
    assert [line.split()[3] for line in out] == ["修改", "新增"]
    progress = lines(run("audit", "--db", db, "--item", "M01", "--table", "进展"))[2:-1]
    assert [line.split()[2] for line in progress] == ["李四", "市民政局"]


def test_a_table_is_named_in_chinese_or_by_its_table_name_and_a_wrong_one_lists_the_choices(db: str) -> None:
    chinese = run("audit", "--db", db, "--table", "重大项目").output
    assert chinese == run("audit", "--db", db, "--table", "projects").output
    assert "共3条" in chinese
    wrong = CliRunner().invoke(cli, ["audit", "--db", db, "--table", "项目库"])
    assert wrong.exit_code == 2
    assert "没有“项目库”表，可选：计划（plans）" in wrong.output


def test_user_and_date_filters_narrow_the_list(db: str) -> None:
    assert "共1条" in run("audit", "--db", db, "--user", "张三").output
    today = date.today()
    later, earlier = (today + timedelta(days=2)).isoformat(), (today - timedelta(days=2)).isoformat()
    assert run("audit", "--db", db, "--since", later).output == "没有符合条件的审计记录\n"
    assert run("audit", "--db", db, "--until", earlier).output == "没有符合条件的审计记录\n"
    everything = run("audit", "--db", db, "--limit", "0").output
    assert run("audit", "--db", db, "--since", earlier, "--until", later, "--limit", "0").output == everything
    backwards = CliRunner().invoke(cli, ["audit", "--db", db, "--since", later, "--until", earlier])
    assert backwards.exit_code == 2


def test_a_plan_filter_leaves_out_regions_and_other_plans(db: str, tmp_path: Path) -> None:
    other = {
        "计划": [["XS2025", "JC", 2025, "西山县2025年计划"]],
        "地区": [["JC", "江川市", None, "市"]],
        "民生实事": [["M01", "西山县幼儿园扩容", "县教育局", None, 3, "所"]],
    }
    run("import", str(write_workbook(tmp_path / "other.xlsx", other)), "--db", db, "--user", "西山县")
    keys = [line.split()[5] for line in lines(run("audit", "--db", db, "--plan", "JC2025", "--limit", "0"))[2:-1]]
    assert keys and all(k == "JC2025" or k.startswith("JC2025/") for k in keys)
    assert "JC2025" in keys and "JC-01" not in keys
    items = lines(run("audit", "--db", db, "--item", "M01", "--limit", "0"))[2:-1]
    assert {line.split()[5].split("/")[0] for line in items} == {"JC2025", "XS2025"}


def test_the_limit_keeps_the_newest_and_says_more_are_there(db: str) -> None:
    out = lines(run("audit", "--db", db, "--limit", "2"))
    assert len(out) == 5
    assert out[-1] == "共2条（只列出最新的2条，--limit 0 列出全部）"


def test_csv_to_a_file_has_chinese_headers_and_the_whole_records_before_and_after(db: str, tmp_path: Path) -> None:
    target = tmp_path / "审计.csv"
    result = run("audit", "--db", db, "--table", "重大项目", "--format", "csv", "-o", str(target))
    assert result.output == f"已写出3条审计记录到 {target}\n"
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel opens it as UTF-8"
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert rows[0] == ["时间", "用户", "操作", "表", "键", "修改前", "修改后"]
    first = rows[1]
    assert first[1:5] == ["张三", "修改", "重大项目", "JC2025/P001"]
    before, after = json.loads(first[5]), json.loads(first[6])
    assert (before["annual_planned_investment"], after["annual_planned_investment"]) == (30000.0, 35000.0)
    assert before["name"] == after["name"] == "江川港区三期码头"
    assert [row[2] for row in rows[2:]] == ["新增", "新增"] and rows[2][5] == ""


def test_json_keeps_stored_names_and_values_newest_first(db: str) -> None:
    entries = json.loads(run("audit", "--db", db, "--item", "M01", "--format", "json").output)
    assert [e["id"] for e in entries] == sorted((e["id"] for e in entries), reverse=True)
    newest = entries[0]
    assert (newest["user"], newest["action"], newest["table"]) == ("李四", "update", "progress_records")
    assert (newest["before"]["value"], newest["after"]["value"]) == (12.0, 15.5)
    at = datetime.fromisoformat(newest["at"])
    assert at.tzinfo is not None and abs(datetime.now(UTC) - at) < timedelta(hours=1)


def test_a_missing_database_file_is_an_error_not_an_empty_log(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["audit", "--db", str(tmp_path / "nope.sqlite")])
    assert result.exit_code == 2
    assert "数据库文件不存在" in result.output
