"""``library add``: folders, archives and parallel workers; a corrupt file is reported and the rest are added;
adding the same files again changes nothing; what cannot be told is stored with a warning and corrected by hand."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import func, select

from planwatch.library import LibraryError, add, correct, document, documents, search
from planwatch.store import Store, StoreError
from planwatch.store.tables import AuditRow, DocumentFactRow, DocumentRow


def _counts(store: Store) -> tuple[int, int, int]:
    with store.engine.connect() as conn:
        return tuple(  # type: ignore[return-value]
            conn.execute(select(func.count()).select_from(t)).scalar_one()
            for t in (DocumentRow.__table__, DocumentFactRow.__table__, AuditRow.__table__)
        )


@pytest.fixture
def folder(tmp_path: Path, reports: Path) -> Path:
    """A folder of the fictional reports with a corrupt .docx and a file the readers do not take, in a subfolder."""
    target = tmp_path / "收集"
    shutil.copytree(reports, target / "江苏")
    (target / "江苏" / "损坏的报告.docx").write_bytes(b"PK\x03\x04 this is no word document")
    (target / "说明.xls").write_bytes(b"\xd0\xcf\x11\xe0 old excel")
    (target / ".DS_Store").write_bytes(b"\x00\x01")
    return target


def test_a_corrupt_file_in_a_folder_is_reported_and_the_rest_are_added(store: Store, folder: Path) -> None:
    summary = add([folder], store, jobs=1, progress=None)
    assert summary.added == 6
    failed = dict(summary.failures)
    assert set(failed) == {str(folder / "江苏" / "损坏的报告.docx"), str(folder / "说明.xls")}
    assert all(reason for reason in failed.values())
    assert documents(store)[1] == 6
    assert "损坏的报告.docx" in summary.describe() and "失败" in summary.describe()


def test_adding_the_same_files_again_changes_nothing(store: Store, reports: Path) -> None:
    add([reports], store, jobs=1, progress=None)
    before = _counts(store)
    again = add([reports], store, jobs=2, progress=None)
    assert (again.added, again.unchanged, again.facts) == (0, 6, 0)
    assert _counts(store) == before


def test_two_processes_add_what_one_adds(database_url: str, reports: Path, tmp_path: Path) -> None:
    results = []
    for jobs in (1, 2):
        store = Store.open(database_url if jobs == 1 else f"sqlite:///{tmp_path / 'two.sqlite'}")
        summary = add([reports], store, jobs=jobs, progress=None)
        listed, _ = documents(store)
        results.append((summary.added, summary.facts, sorted((d.name, d.region_code, d.year, d.facts) for d in listed)))
        store.close()
    assert results[0] == results[1]


def test_the_members_of_a_zip_archive_are_added_under_their_names(store: Store, reports: Path, tmp_path: Path) -> None:
    archive = tmp_path / "报告.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in sorted(reports.glob("suzhou-*.txt")):
            zf.write(path, f"苏州/{path.name}")
        zf.writestr("苏州/坏.pdf", b"%PDF-1.4 broken")
    summary = add([archive], store, jobs=1, progress=None)
    assert summary.added == 3
    assert [label for label, _ in summary.failures] == [f"{archive}!苏州/坏.pdf"]
    listed, _ = documents(store, region="苏州市")
    assert {d.name for d in listed} == {"suzhou-gwr-2025.txt", "suzhou-gwr-2026.txt", "suzhou-bulletin-2025.txt"}
    assert {d.source for d in listed} == {f"{archive}!苏州/{d.name}" for d in listed}


def test_a_missing_path_is_a_failure_not_a_stop(store: Store, reports: Path, tmp_path: Path) -> None:
    summary = add([tmp_path / "没有这个.txt", reports / "jiangsu-gwr-2024.txt"], store, jobs=1, progress=None)
    assert summary.added == 1
    assert summary.failures == [(str(tmp_path / "没有这个.txt"), "文件或文件夹不存在")]


REPORT_WITHOUT_REGION = "上半年全市经济运行情况分析\n上半年，全市地区生产总值增长5.1%，规模以上工业增加值增长6.2%。\n"


def test_a_report_whose_region_cannot_be_told_is_stored_with_a_warning_and_corrected_by_hand(
    store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "经济运行分析.txt"
    path.write_text(REPORT_WITHOUT_REGION, encoding="utf-8")
    summary = add([path], store, jobs=1, progress=None)
    assert summary.added == 1
    assert [label for label, _ in summary.warnings] == [str(path), str(path)]  # no region, no year
    (doc,), _ = documents(store)
    assert doc.region_code is None and doc.year is None and len(doc.warnings) == 2
    fixed = correct(store, doc.id, user="计划处", region="大庆市", year=2016)
    assert (fixed.region_code, fixed.region_name, fixed.region_level, fixed.year) == ("230600", "大庆市", "city", 2016)
    assert fixed.corrected and fixed.warnings == []
    # adding the same file again keeps the correction
    add([path], store, jobs=1, progress=None)
    (doc,), _ = documents(store, region="黑龙江省", year=2016)
    assert doc.region_code == "230600"
    audit = store.audit_entries(table="documents")
    assert audit[0].user == "计划处" and audit[0].after == {
        "region_code": "230600", "region_name": "大庆市", "region_level": "city", "year": 2016
    }


BAD_CORRECTIONS = [
    ({"region": "火星市"}, "不认识地区"),
    ({"region": "鼓楼区"}, "多处同名"),
    ({"year": 1800}, "年份"),
    ({"genre": "小说"}, "文档类型"),
    ({}, "至少指定"),
]


@pytest.mark.parametrize(("changes", "message"), BAD_CORRECTIONS)
def test_a_correction_that_does_not_resolve_is_refused_and_changes_nothing(
    store: Store, reports: Path, changes: dict, message: str
) -> None:
    add([reports / "jiangsu-gwr-2024.txt"], store, jobs=1, progress=None)
    before = _counts(store)
    with pytest.raises(LibraryError, match=message):
        correct(store, "jiangsu-gwr-2024.txt", user="计划处", **changes)
    assert _counts(store) == before


def test_a_document_that_is_not_in_the_library_is_named_in_the_error(store: Store) -> None:
    with pytest.raises(StoreError, match="没有文档“99”"):
        document(store, 99)


def test_documents_and_facts_are_found_by_region_year_genre_indicator_and_text(store: Store, reports: Path) -> None:
    add([reports], store, jobs=1, progress=None)
    assert {d.name for d in documents(store, genre="统计公报")[0]} == {"suzhou-bulletin-2025.txt"}
    assert {d.name for d in documents(store, region="320500", year="2026")[0]} == {
        "suzhou-gwr-2026.txt", "suzhou-bulletin-2025.txt"
    }
    assert {d.name for d in documents(store, indicator="规上工业增加值")[0]} == {
        "suzhou-gwr-2025.txt", "suzhou-gwr-2026.txt", "suzhou-bulletin-2025.txt"
    }
    assert {d.name for d in documents(store, text="稳住外贸")[0]} == {"jiangsu-gwr-2026.txt"}
    facts = search(store, indicator="GDP", region="江苏省", year="2025")  # the province's and its cities' reports
    assert [(f["region"], f["text"], f["modality"]) for f in facts] == [
        ("江苏省", "5.8%", "actual"), ("江苏省", "5%", "target"), ("江苏省", "5.5%", "target"),
        ("苏州市", "6.0%", "actual"), ("苏州市", "5.5%", "target"),
    ]  # fmt: skip
    shown = document(store, facts[0]["document_id"])
    assert shown.body[facts[0]["span"][0] : facts[0]["span"][1]] == "5.8%"


def _dies_on_the_2025_bulletin(source):
    """Read as the workers do, but die outright on one file, as a reader crashing in C would."""
    import os

    from planwatch.library.adding import _KNOWN
    from planwatch.library.reading import read_entry

    if source.name == "suzhou-bulletin-2025.txt":
        os._exit(1)
    return read_entry(source, _KNOWN)


def test_a_file_that_kills_its_worker_fails_alone_and_the_rest_are_added(
    store: Store, reports: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import multiprocessing

    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the crash is planted in the parent and reaches the workers only when they are forked")
    monkeypatch.setattr("planwatch.library.adding._read_known", _dies_on_the_2025_bulletin)
    summary = add([reports], store, jobs=2, progress=None)
    assert summary.added == 5
    assert [label for label, _ in summary.failures] == [str(reports / "suzhou-bulletin-2025.txt")]
    assert "异常退出" in summary.failures[0][1]
