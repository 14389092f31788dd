"""Reading exchange files as clerks produce them: xlsx, CSV in UTF-8 or GBK, folders and zips."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from planwatch.imports.issues import ImportFailed
from planwatch.imports.parse import parse_plan_tables
from planwatch.imports.reader import ReadError, read_tables

from .workbooks import plan_rows, write_csv, write_xlsx


def test_a_gbk_csv_saved_from_excel_is_read_and_recognised_by_its_headers(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "export1.csv", "重大项目", plan_rows()["重大项目"], encoding="gbk")
    tables = read_tables(path)
    assert list(tables) == ["重大项目"]
    assert tables["重大项目"][0]["项目名称"] == "江川港区三期码头"
    assert tables["重大项目"][0].number == 2


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_csv_files_in_every_encoding_excel_writes_give_the_same_rows(tmp_path: Path, encoding: str) -> None:
    path = write_csv(tmp_path / "民生实事.csv", "民生实事", plan_rows()["民生实事"], encoding=encoding)
    assert read_tables(path)["民生实事"][0]["实事名称"] == "新建社区老年食堂"


def test_a_folder_of_csv_files_is_one_plan_and_errors_name_the_csv_file(tmp_path: Path) -> None:
    rows = plan_rows()
    rows["重大项目"][1]["总投资（万元）"] = "-8"
    folder = tmp_path / "plan"
    folder.mkdir()
    for sheet, sheet_rows in rows.items():
        write_csv(folder / f"{sheet}.csv", sheet, sheet_rows, encoding="gbk")
    with pytest.raises(ImportFailed) as failure:
        parse_plan_tables(read_tables(folder), source="plan")
    assert [str(i) for i in failure.value.issues] == [
        "重大项目.csv 工作表“重大项目”第3行“总投资（万元）”：不能为负数（-8）"
    ]


def test_a_zip_of_csv_files_reads_like_a_workbook(tmp_path: Path) -> None:
    folder = tmp_path / "csv"
    folder.mkdir()
    archive = tmp_path / "plan.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for sheet, rows in plan_rows().items():
            zf.write(write_csv(folder / f"{sheet}.csv", sheet, rows), f"{sheet}.csv")
    plan = parse_plan_tables(read_tables(archive), source=archive.name)
    assert len(plan.projects) == 2


def test_a_truncated_xlsx_is_reported_with_the_file_name(tmp_path: Path) -> None:
    good = write_xlsx(tmp_path / "good.xlsx", plan_rows())
    broken = tmp_path / "坏文件.xlsx"
    broken.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    with pytest.raises(ReadError, match=r"^坏文件\.xlsx：.*(损坏|不完整)"):
        read_tables(broken)


def test_a_text_file_named_xlsx_is_reported_as_not_an_excel_file(tmp_path: Path) -> None:
    fake = tmp_path / "plan.xlsx"
    fake.write_text("项目编码,项目名称\n", encoding="utf-8")
    with pytest.raises(ReadError, match=r"^plan\.xlsx：不是有效的Excel文件"):
        read_tables(fake)


def test_an_old_xls_file_is_refused_with_advice(tmp_path: Path) -> None:
    old = tmp_path / "plan.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(ReadError, match=r"另存为\.xlsx"):
        read_tables(old)


def test_a_csv_whose_headers_match_no_sheet_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "随便.csv"
    path.write_text("名称,数量\n苹果,3\n", encoding="utf-8")
    with pytest.raises(ReadError, match=r"^随便\.csv：表头与任何一种表格都不符"):
        read_tables(path)


def test_a_missing_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="文件不存在"):
        read_tables(tmp_path / "nothing.xlsx")


def test_xlsx_details_are_read_as_excel_shows_them(tmp_path: Path) -> None:
    """Inline strings, rich text, the 1904 date system, booleans, percentages and gaps in a row."""
    from datetime import date, datetime

    from openpyxl import Workbook
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont
    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    workbook = Workbook()
    workbook.epoch = CALENDAR_MAC_1904
    ws = workbook.active
    ws.title = "项目进展"
    ws.append(["项目编码", "截至日期", "本年完成投资（万元）", "是否累计", "情况说明"])
    ws.append([])
    ws.append(
        ["P001", datetime(2025, 6, 30), 0.25, True, CellRichText("已完成", TextBlock(InlineFont(b=True), "主体"))]
    )
    ws["C3"].number_format = "0%"
    ws.append(["P002", None, 1200])
    ws["E4"] = "=1+1"  # no cached value (never calculated by Excel): blank, as with data_only
    path = tmp_path / "progress.xlsx"
    workbook.save(path)
    rows = read_tables(path)["项目进展"]
    assert [r.number for r in rows] == [3, 4]
    first, second = rows
    assert first["截至日期"].date() == date(2025, 6, 30)
    assert first["本年完成投资（万元）"] == 25
    assert first["是否累计"] is True
    assert first["情况说明"] == "已完成主体"
    assert (second["截至日期"], second["本年完成投资（万元）"], second["情况说明"]) == (None, 1200, None)


def test_a_write_only_workbook_with_inline_strings_reads_the_same(tmp_path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    ws = workbook.create_sheet("民生实事")
    ws.append(["实事编码", "实事名称", "牵头单位", "年度目标量", "单位"])
    ws.append(["M01", "新建社区老年食堂", "市民政局", 50, "个"])
    workbook.save(tmp_path / "plan.xlsx")
    (row,) = read_tables(tmp_path / "plan.xlsx")["民生实事"]
    assert dict(row) == {
        "实事编码": "M01",
        "实事名称": "新建社区老年食堂",
        "牵头单位": "市民政局",
        "年度目标量": 50,
        "单位": "个",
    }


def test_a_csv_record_spanning_two_lines_is_still_one_excel_row(tmp_path: Path) -> None:
    rows = plan_rows()["重大项目"]
    rows[0]["项目名称"] = "江川港区\n三期码头"
    rows[1]["总投资（万元）"] = "不详"
    path = write_csv(tmp_path / "重大项目.csv", "重大项目", rows)
    assert [r.number for r in read_tables(path)["重大项目"]] == [2, 3]


def test_a_title_row_above_the_header_is_skipped(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = write_xlsx(tmp_path / "plan.xlsx", plan_rows())
    workbook = load_workbook(path)
    workbook["重大项目"].insert_rows(1)
    workbook["重大项目"]["A1"] = "江川市2025年重大项目计划表"
    workbook.save(path)
    rows = read_tables(path)["重大项目"]
    assert [(r["项目编码"], r.number) for r in rows] == [("P001", 3), ("P002", 4)]
