"""Rendering the board: aligned Chinese table, JSON and CSV a spreadsheet opens."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

from sample_plan import sample_plan

from planwatch.monitor import evaluate
from planwatch.monitor.render import (
    STATUS_COLUMNS,
    display_width,
    render_alerts,
    render_csv,
    render_json,
    render_table,
    status_rows,
)

BOARD = evaluate(sample_plan(), date(2025, 6, 30))


def test_chinese_characters_count_two_cells_and_latin_one() -> None:
    assert display_width("GDP") == 3
    assert display_width("地区生产总值") == 12
    assert display_width("ＧＤＰ") == 6  # full-width letters
    assert display_width("5.2%") == 4


def test_table_columns_line_up_in_display_cells() -> None:
    text = render_table(BOARD)
    lines = text.splitlines()
    header_at = next(n for n, line in enumerate(lines) if line.startswith("灯"))
    header, rule = lines[header_at], lines[header_at + 1]
    rows = lines[header_at + 2 : header_at + 2 + len(BOARD.items)]
    # every row reaches the 状态 column at the same display cell as the header
    state_at = display_width(header[: header.index("状态")])
    for row, item in zip(rows, BOARD.items, strict=True):
        assert display_width(row[: row.index(item.state)]) == state_at, row
    assert set(rule) <= {"─", " "}


def test_table_ends_with_the_light_counts_and_a_work_area_rollup() -> None:
    text = render_table(BOARD)
    assert "合计 12 项：绿 6 · 黄 3 · 红 2 · 灰 1；数据过期 2 项；逾期 2 项" in text
    assert "按工作领域汇总：" in text
    assert "稳住经济增长" in text


def test_a_rate_target_shows_its_figures_as_reports_word_them() -> None:
    row = next(line for line in render_table(BOARD).splitlines() if " T01 " in f" {line} ")
    assert "增长5.2%" in row and "增长6%左右" in row


def test_alerts_show_each_explanation_under_its_row() -> None:
    text = render_alerts(BOARD)
    assert "预警事项 4 项" in text
    lines = text.splitlines()
    at = next(n for n, line in enumerate(lines) if "K02" in line)
    assert lines[at + 1].strip().startswith("共2个节点，已完成1个")


def test_json_carries_summary_rollups_and_every_item() -> None:
    data = json.loads(render_json(BOARD))
    assert data["as_of"] == "2025-06-30"
    assert data["time_progress"] == 0.5
    assert data["summary"] == {"total": 12, "green": 6, "yellow": 3, "red": 2, "grey": 1, "stale": 2, "overdue": 2}
    assert {r["label"] for r in data["rollups"]["district"]} == {"临江区", "青山县", "全市（未分区）"}
    k01 = next(i for i in data["items"] if i["code"] == "K01")
    assert k01["light"] == "red"
    assert k01["numbers"]["gap_pp"] == -19.0
    assert k01["numbers"]["completion"] == 0.31


def test_csv_has_chinese_headers_and_one_row_per_item() -> None:
    rows = list(csv.reader(io.StringIO(render_csv(BOARD))))
    assert rows[0] == [header for _, header in STATUS_COLUMNS]
    assert len(rows) == 1 + len(BOARD.items)
    k01 = dict(zip(rows[0], next(r for r in rows if r[1] == "K01"), strict=True))
    assert (k01["灯号"], k01["完成率（%）"], k01["差距（百分点）"], k01["数据过期"]) == ("红", "31.0", "-19.0", "否")


def test_export_rows_give_percentages_and_readable_labels() -> None:
    rows = {r["code"]: r for r in status_rows(BOARD)}
    assert rows["P01"]["district"] == "临江区"
    assert rows["P01"]["completion"] == 55.0
    assert rows["T01"]["target_text"] == "增长6%左右"
    assert rows["L01"]["work_area"] == "增进民生福祉"
