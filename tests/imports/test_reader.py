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
