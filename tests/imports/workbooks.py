"""A small fictional plan (江川市) and its progress as sheet rows, and writers for real files.

Tests change one cell of these rows to make a broken file, write it with openpyxl (or as a
CSV in the encoding clerks use), and import it as a user would.
"""

from __future__ import annotations

import copy
import csv
from datetime import date
from pathlib import Path

from openpyxl import Workbook

from planwatch.exchange.columns import ALL_SHEETS

Rows = list[dict[str, object]]

PLAN_ROWS: dict[str, Rows] = {
    "计划": [{"计划编码": "JC2025", "地区编码": "JC", "年度": 2025, "计划名称": "江川市2025年国民经济和社会发展计划"}],
    "地区": [
        {"地区编码": "JC", "地区名称": "江川市", "层级": "市"},
        {"地区编码": "JC-01", "地区名称": "东湖区", "上级地区编码": "JC", "层级": "区"},
        {"地区编码": "JC-02", "地区名称": "西山县", "上级地区编码": "JC", "层级": "县"},
    ],
    "工作领域": [
        {"领域编码": "A01", "序号": 1, "领域名称": "培育创新动能"},
        {"领域编码": "A02", "序号": 2, "领域名称": "扩大有效投资"},
        {"领域编码": "A03", "序号": 3, "领域名称": "办好民生实事"},
    ],
    "指标目标": [
        {
            "目标编码": "T01",
            "指标名称": "地区生产总值",
            "目标类型": "增长",
            "目标值": 6,
            "单位": "%",
            "限定词": "左右",
            "是否累计": "否",
            "领域编码": "A01",
            "责任单位": "市统计局",
        },
        {
            "目标编码": "T02",
            "指标名称": "城镇新增就业",
            "目标类型": "总量",
            "目标值": 6.5,
            "单位": "万人",
            "限定词": "以上",
            "是否累计": "是",
            "领域编码": "A03",
            "责任单位": "市人社局",
        },
        {
            "目标编码": "T03",
            "指标名称": "城镇调查失业率",
            "目标类型": "比率",
            "目标值": 5.5,
            "单位": "%",
            "限定词": "以内",
            "领域编码": "A03",
            "报送周期": "季报",
        },
    ],
    "重点任务": [
        {
            "任务编码": "K01",
            "任务名称": "建成首个概念验证中心",
            "领域编码": "A01",
            "牵头单位": "市科技局",
            "配合单位": "市财政局、市发展改革委",
        },
        {
            "任务编码": "K02",
            "任务名称": "改造老旧小区",
            "领域编码": "A03",
            "牵头单位": "市住建局",
            "年度目标量": 120,
            "单位": "个",
            "报送周期": "半月报",
        },
    ],
    "任务节点": [
        {"任务编码": "K01", "节点序号": "1", "节点内容": "确定中心选址", "完成时限": date(2025, 3, 31)},
        {"任务编码": "K01", "节点序号": "2", "节点内容": "中心挂牌运行", "完成时限": date(2025, 9, 30)},
    ],
    "重大项目": [
        {
            "项目编码": "P001",
            "项目名称": "江川港区三期码头",
            "业主单位": "江川港务集团",
            "所在区县编码": "JC-01",
            "行业领域": "交通",
            "项目阶段": "在建",
            "总投资（万元）": 120000,
            "年度计划投资（万元）": 30000,
            "计划开工时间": date(2024, 5, 1),
            "计划竣工时间": date(2027, 12, 31),
            "领域编码": "A02",
        },
        {
            "项目编码": "P002",
            "项目名称": "西山农光互补电站",
            "业主单位": "西山新能源公司",
            "所在区县编码": "JC-02",
            "行业领域": "能源",
            "项目阶段": "新开工",
            "总投资（万元）": 50000,
            "年度计划投资（万元）": 20000,
            "计划开工时间": date(2025, 4, 1),
            "计划竣工时间": date(2026, 6, 30),
            "领域编码": "A02",
        },
    ],
    "民生实事": [
        {
            "实事编码": "M01",
            "实事名称": "新建社区老年食堂",
            "牵头单位": "市民政局",
            "配合单位": "各区县政府",
            "年度目标量": 50,
            "单位": "个",
            "领域编码": "A03",
        },
    ],
}

PROGRESS_ROWS: dict[str, Rows] = {
    "指标进展": [
        {"目标编码": "T01", "截至日期": date(2025, 6, 30), "数值": 5.6, "是否累计": "是", "报送单位": "市统计局"},
        {"目标编码": "T02", "截至日期": date(2025, 6, 30), "数值": 3.4, "报送单位": "市人社局"},
    ],
    "任务进展": [
        {"任务编码": "K01", "截至日期": date(2025, 3, 28), "完成节点序号": "1", "情况说明": "选址已确定"},
        {"任务编码": "K02", "截至日期": date(2025, 6, 30), "完成量": 55},
    ],
    "项目进展": [
        {"项目编码": "P001", "截至日期": date(2025, 6, 30), "本年完成投资（万元）": 16500},
        {"项目编码": "P002", "截至日期": date(2025, 4, 10), "项目阶段": "新开工", "情况说明": "4月10日开工"},
    ],
    "民生实事进展": [
        {"实事编码": "M01", "截至日期": date(2025, 6, 30), "完成量": 28, "报送单位": "市民政局"},
    ],
}


def plan_rows() -> dict[str, Rows]:
    """Return a fresh copy of the valid plan rows (tests change them freely)."""
    return copy.deepcopy(PLAN_ROWS)


def progress_rows() -> dict[str, Rows]:
    """Return a fresh copy of the valid progress rows."""
    return copy.deepcopy(PROGRESS_ROWS)


def write_xlsx(path: Path, sheets: dict[str, Rows], *, headers: dict[str, list[str]] | None = None) -> Path:
    """Write ``sheets`` as an xlsx workbook with the exchange headers (or ``headers`` per sheet)."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        ws = workbook.create_sheet(name)
        header = (headers or {}).get(name) or (ALL_SHEETS[name].headers if name in ALL_SHEETS else list(rows[0]))
        ws.append(header)
        for row in rows:
            ws.append([row.get(h) for h in header])
    workbook.save(path)
    return path


def write_csv(path: Path, sheet: str, rows: Rows, *, encoding: str = "utf-8-sig") -> Path:
    """Write one sheet as a CSV file the way Excel saves it (dates as 2025/6/30)."""
    header = ALL_SHEETS[sheet].headers
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for row in rows:
            cells = []
            for h in header:
                value = row.get(h)
                if isinstance(value, date):
                    value = f"{value.year}/{value.month}/{value.day}"
                cells.append("" if value is None else value)
            writer.writerow(cells)
    return path
