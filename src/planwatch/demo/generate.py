"""Write the bulk of the 江川市 demo data: the major-project list and six months of progress.

The headline targets, key tasks, milestones and livelihood items are written by hand in
``data/plan/*.csv``; this script reads them and adds what is too long to write by hand:
some 216 major projects and the progress records of January–June 2025 for every item.
It is deterministic (fixed seed, word lists below as data), so running it again rewrites
the same files byte for byte::

    python -m planwatch.demo.generate          # rewrite data/plan/重大项目.csv and data/progress/*.csv
    python -m planwatch.demo.generate --check  # only print the figures the sample report quotes

The progress is *designed*: the tables ``TARGET_SERIES``, ``TASK_RATIOS``,
``MILESTONE_EVENTS``, ``SILENT_MILESTONE_TASKS`` and ``LIVELIHOOD_RATIOS`` fix which items
are ahead of the time elapsed, on track, behind (yellow and red) or silent since
March/April, which milestones were done late or not at all (milestone tasks send a
narrative-only report on each reporting date between milestones), and which livelihood
item already exceeds its annual goal, so the status board of 30 June shows every case a
planning office meets.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
from calendar import monthrange
from collections.abc import Iterable
from datetime import date, timedelta
from pathlib import Path

from planwatch.atomic import atomic_file
from planwatch.exchange.columns import ALL_SHEETS

DATA_DIR = Path(__file__).resolve().parent / "data"
PLAN_DIR = DATA_DIR / "plan"
PROGRESS_DIR = DATA_DIR / "progress"
YEAR = 2025
AS_OF = date(2025, 6, 30)
SEED = 20250630

# ---------------------------------------------------------------------------------------
# Headline targets: year-to-date figures as reported (month → value). A month missing at
# the end of a series means the unit stopped reporting (stale). Quarterly indicators
# report at quarter ends only; 粮食产量 and 研发经费投入强度 are annual (年报) and have
# nothing yet, which is not stale before their first report is due.
# ---------------------------------------------------------------------------------------
TARGET_SERIES: dict[str, dict[int, float]] = {
    "T01": {3: 5.8, 6: 6.1},  # 地区生产总值: ahead of 6%左右
    "T02": {2: 7.9, 3: 8.1, 4: 7.9, 5: 7.6, 6: 7.8},  # 规上工业增加值 7%以上
    "T03": {2: 5.1, 3: 5.0, 4: 4.6, 5: 4.4, 6: 4.2},  # 固定资产投资: red, 1.8 points short
    "T04": {2: 6.0, 3: 6.2, 4: 6.1, 5: 5.8, 6: 5.9},  # 社零: yellow, 0.6 short
    "T05": {1: 3.2, 2: 4.5, 3: 6.8, 4: 7.4, 5: 7.9, 6: 8.3},  # 进出口
    "T06": {1: 5.1, 2: 4.6, 3: 4.2, 4: 3.8, 5: 3.7, 6: 3.6},  # 一般公共预算收入: yellow
    "T07": {3: 5.9, 6: 6.0},
    "T08": {3: 5.3, 6: 5.4},
    "T09": {3: 7.2, 6: 7.3},
    "T10": {1: 0.6, 2: 0.2, 3: 0.1, 4: 0.2, 5: 0.3, 6: 0.3},  # CPI well under the ceiling
    "T11": {1: 5.4, 2: 5.6, 3: 5.4, 4: 5.3, 5: 5.3, 6: 5.3},  # 调查失业率 average to date
    "T12": {1: 0.62, 2: 1.18, 3: 1.91, 4: 2.6, 5: 3.28, 6: 3.95},  # 新增就业 万人: 60.8%
    "T14": {3: -1.6},  # 能耗 (quarterly): the first quarter only so far, behind -3%
    "T16": {1: 80.6, 2: 83.1, 3: 84.9, 4: 86.2, 5: 86.8, 6: 87.4},  # 优良天数比例: yellow
    "T17": {1: 94.1, 2: 94.1, 3: 95.0, 4: 95.0, 5: 95.8, 6: 95.8},
    "T18": {1: 4.1, 2: 5.6, 3: 7.7, 4: 8.5, 5: 9.2, 6: 9.6},
    "T19": {1: 0.31, 2: 0.58, 3: 1.02, 4: 1.44, 5: 1.93, 6: 2.46},  # 外资 亿美元: 41%
    "T20": {2: 11.6, 3: 12.1, 4: 12.9, 5: 12.6, 6: 12.4},
    "T21": {2: 1.2, 3: 0.4, 4: -0.3, 5: -0.8, 6: -1.2},  # 民间投资: red
    "T22": {1: 702, 2: 1465, 3: 1980, 4: 2610, 5: 3310, 6: 3960},  # 接待游客 万人次: 55%
    "T23": {1: 0.28, 2: 0.55, 3: 0.93, 4: 1.27, 5: 1.66, 6: 2.02},  # 新增经营主体 万户: 40.4%
    "T24": {1: 5.2, 2: 6.3, 3: 6.9, 4: 7.1, 5: 7.2, 6: 7.4},
    "T25": {2: 6.2, 3: 4.9, 4: 3.6, 5: 3.1, 6: 2.8},  # 规上工业企业利润: red
    "T26": {1: 12.8, 2: 13.1, 3: 13.6, 4: 13.5},  # 网上零售额: silent since April (stale)
}

TARGET_NOTES: dict[tuple[str, int], str] = {
    ("T01", 6): "二季度工业和服务业同步加快，上半年增速高于年度目标",
    ("T03", 6): "房地产开发投资下降拖累，基础设施投资增速回落",
    ("T04", 6): "以旧换新带动家电、汽车类零售增长，餐饮收入增速放缓",
    ("T06", 6): "减税降费政策翻滚影响，税收收入增速偏低",
    ("T12", 6): "春风行动和高校毕业生专项招聘带动就业",
    ("T14", 3): "一季度数据，二季度数据待省统计局反馈后报送",
    ("T19", 6): "部分签约外资项目资金尚未到位",
    ("T21", 6): "民间项目投资意愿偏弱",
    ("T25", 6): "原材料价格下行，部分行业利润收窄",
    ("T26", 4): "",
}

# ---------------------------------------------------------------------------------------
# Quantified key tasks: share of the annual quantity done by the last report, and the last
# month reported (6 = up to date; 3 or 4 = stale).
# ---------------------------------------------------------------------------------------
TASK_RATIOS: dict[str, tuple[float, int]] = {
    "K0101": (0.55, 6),
    "K0102": (0.62, 6),
    "K0103": (0.475, 6),
    "K0106": (0.41, 6),
    "K0202": (0.70, 6),
    "K0203": (0.78, 6),
    "K0205": (0.36, 6),
    "K0206": (0.55, 6),
    "K0301": (0.52, 6),
    "K0302": (0.30, 6),
    "K0303": (0.49, 6),
    "K0305": (0.40, 6),
    "K0401": (0.12, 6),
    "K0403": (0.58, 6),
    "K0404": (0.53, 6),
    "K0406": (0.47, 6),
    "K0501": (0.60, 6),
    "K0505": (0.66, 6),
    "K0601": (0.57, 6),
    "K0602": (0.50, 6),
    "K0604": (0.45, 6),
    "K0605": (0.62, 6),
    "K0606": (0.25, 6),
    "K0701": (0.72, 6),
    "K0702": (0.48, 6),
    "K0703": (0.40, 6),
    "K0704": (0.55, 6),
    "K0706": (0.50, 6),
    "K0801": (0.56, 6),
    "K0802": (0.44, 6),
    "K0803": (0.33, 6),
    "K0805": (0.61, 6),
    "K0901": (0.38, 4),
    "K0903": (0.64, 6),
    "K0904": (0.55, 6),
    "K1001": (0.68, 6),
    "K1002": (0.80, 6),
    "K1003": (0.42, 6),
    "K1004": (0.51, 6),
    "K1101": (0.58, 6),
    "K1102": (0.30, 3),
    "K1106": (0.50, 6),
    "K1201": (0.63, 6),
    "K1202": (0.25, 6),
    "K1204": (0.46, 6),
    "K1205": (0.52, 6),
}

TASK_NOTES: dict[str, str] = {
    "K0302": "新增入规企业集中在下半年申报",
    "K0401": "高新技术企业认定集中在第四季度，上半年完成入库培育",
    "K0606": "两个海外仓已投入运营，其余处于选址阶段",
    "K0803": "征收补偿方案未达成一致，部分项目推迟启动",
    "K1202": "新增学位主要在秋季学期投用",
    "K0701": "抢抓春季农闲时节集中施工",
    "K1002": "春季造林任务基本完成",
}

#: Milestones (task, key) whose outcome is not "done a few days before it was due":
#: a date → done that day (late or early); None → not done by 30 June.
MILESTONE_EVENTS: dict[tuple[str, str], date | None] = {
    ("K0105", "1"): date(2025, 5, 20),  # done three weeks late
    ("K0204", "2"): None,  # overdue
    ("K0306", "2"): None,  # due on the as-of date itself
    ("K0402", "2"): None,  # overdue a month
    ("K0504", "2"): date(2025, 6, 26),
    ("K0804", "2"): None,  # due on the as-of date itself
    ("K0905", "1"): None,  # overdue
    ("K1006", "1"): date(2025, 6, 10),  # done late
    ("K1105", "1"): None,  # overdue three months
    ("K0201", "3"): date(2025, 6, 20),  # done ahead of its July date
}

MILESTONE_NOTES: dict[tuple[str, str], str] = {
    ("K0105", "1"): "政策文件会签时间较长，延后印发",
    ("K1006", "1"): "受连续降雨影响，封顶时间推迟",
    ("K0201", "3"): "提前完成上半年考核",
}

#: Milestone tasks report how the work stands at every reporting date between milestones
#: (a row with only 情况说明). These units fell silent after the month given (0: never
#: reported at all), so the board still shows milestone tasks with stale data.
SILENT_MILESTONE_TASKS: dict[str, int] = {"K0603": 4, "K1005": 3, "K0905": 0}

#: What a unit writes about a step it is late with, in place of the general wording.
LATE_STEP_NOTES: dict[str, str] = {
    "K0204": "部分项目用地和施工许可手续未办结，二季度集中开工活动推迟举办",
    "K0402": "法人登记材料已报市委编办审核，正在按意见补充完善",
    "K1105": "项目用地报批尚未完成，开工时间推迟，正在加快办理",
}

# ---------------------------------------------------------------------------------------
# Livelihood items: share of the annual goal done, last month reported.
# ---------------------------------------------------------------------------------------
LIVELIHOOD_RATIOS: dict[str, tuple[float, int]] = {
    "M01": (0.58, 6),
    "M02": (0.52, 6),
    "M03": (0.44, 6),
    "M04": (0.25, 6),
    "M05": (0.61, 6),
    "M06": (0.54, 6),
    "M07": (1.12, 6),  # 超额完成
    "M08": (1.045, 6),  # 超额完成
    "M09": (0.66, 6),
    "M10": (0.40, 6),
    "M11": (0.55, 6),
    "M12": (0.50, 6),
    "M13": (0.36, 4),  # silent since April
    "M14": (0.31, 6),
    "M15": (0.52, 6),
}

LIVELIHOOD_NOTES: dict[str, str] = {
    "M04": "4所学校已竣工，其余12所计划8月底前完工、秋季开学投用",
    "M07": "提前超额完成年度任务",
    "M08": "提前超额完成年度任务",
    "M14": "部分小区业主意见未统一，加装进度偏慢",
}

# ---------------------------------------------------------------------------------------
# Major projects: word lists the names are built from.
# ---------------------------------------------------------------------------------------
DISTRICTS: dict[str, tuple[str, tuple[str, ...]]] = {
    # code: (name, place words used in project names)
    "JC-01": ("东湖区", ("东湖", "月湾", "槐荫")),
    "JC-02": ("西津区", ("西津", "古渡", "柳塘")),
    "JC-03": ("临江区", ("临江", "滨江", "沙洲")),
    "JC-04": ("北塘区", ("北塘", "石桥", "芦湾")),
    "JC-05": ("南浦区", ("南浦", "金鸡岭", "桂坪")),
    "JC-06": ("江川高新区", ("高新区", "科学城", "智谷")),
    "JC-07": ("江川港区", ("港区", "临港", "鲤鱼洲")),
    "JC-08": ("青石县", ("青石", "青石经开区", "黄泥坝")),
    "JC-09": ("云溪县", ("云溪", "云溪工业园", "茶岭")),
    "JC-10": ("枫林县", ("枫林", "枫林新区", "红叶湾")),
    "JC-11": ("白沙县", ("白沙", "白沙产业园", "鹭洲")),
    "JC-12": ("宁水县", ("宁水", "宁水经开区", "龙潭")),
}

#: industry → (work area, name templates, products, owner templates, typical total 亿元)
INDUSTRIES: dict[str, tuple[str, tuple[str, ...], tuple[str, ...], tuple[str, ...], float]] = {
    "先进制造": (
        "A03",
        ("{place}{product}生产基地项目", "{place}{product}智能制造项目", "{product}扩能技改项目（{place}）"),
        (
            "精密数控机床",
            "工程机械零部件",
            "轨道交通装备",
            "智能农机",
            "高端阀门",
            "减速器",
            "工业机器人",
            "特种钢材深加工",
        ),
        ("江川{brand}装备有限公司", "{brand}精工（江川）有限公司", "江川{brand}重工股份有限公司"),
        18.0,
    ),
    "新能源": (
        "A03",
        ("{place}{product}项目", "{product}产业园（{place}）", "{place}{product}一体化项目"),
        ("动力电池", "储能电池", "光伏组件", "风电装备", "氢能装备", "锂电正极材料", "电池回收利用"),
        ("江川{brand}新能源科技有限公司", "{brand}储能（江川）有限公司"),
        30.0,
    ),
    "电子信息": (
        "A03",
        ("{place}{product}项目", "{product}研发制造基地（{place}）"),
        ("功率半导体封测", "显示模组", "智能终端", "传感器", "服务器整机", "印制电路板", "光通信器件"),
        ("江川{brand}电子有限公司", "{brand}微电子（江川）有限公司", "江川{brand}信息技术有限公司"),
        22.0,
    ),
    "生物医药": (
        "A03",
        ("{place}{product}项目", "{product}产业化基地（{place}）"),
        ("生物制剂", "中药配方颗粒", "医疗器械", "原料药绿色化改造", "体外诊断试剂", "疫苗"),
        ("江川{brand}药业有限公司", "{brand}生物医药（江川）有限公司"),
        12.0,
    ),
    "现代物流": (
        "A02",
        ("{place}{product}项目", "{place}{product}（一期）"),
        ("冷链物流园", "智慧仓储中心", "多式联运枢纽", "快递分拨中心", "农产品集配中心", "保税物流中心"),
        ("江川{brand}物流有限公司", "江川供销{brand}冷链有限公司", "江川港务集团"),
        10.0,
    ),
    "交通": (
        "A09",
        ("{place}{product}工程", "{place}至{place2}{product}工程"),
        ("快速路", "一级公路改建", "跨江大桥", "城市主干道", "综合客运枢纽", "高速公路互通", "港口航道整治"),
        ("江川交通投资集团", "江川城市建设投资集团", "{district}交通建设有限公司"),
        35.0,
    ),
    "水利": (
        "A11",
        ("{place}{product}工程", "{place}{product}项目"),
        ("水库扩容", "灌区续建配套与节水改造", "防洪堤加固", "城乡供水一体化", "中小河流治理", "引水"),
        ("江川水务集团", "{district}水利投资有限公司"),
        8.0,
    ),
    "能源": (
        "A10",
        ("{place}{product}项目", "{place}{product}工程"),
        ("220千伏输变电", "集中式光伏电站", "分散式风电", "天然气调峰储气", "抽水蓄能电站前期", "热电联产"),
        ("国网江川供电公司", "江川能源投资集团", "{brand}新能源发电（江川）有限公司"),
        20.0,
    ),
    "城市建设": (
        "A08",
        ("{place}{product}项目", "{place}片区{product}"),
        ("城市更新", "老旧街区改造", "地下综合管廊", "保障性租赁住房", "排水防涝设施", "滨水公园", "城中村改造"),
        ("江川城市建设投资集团", "{district}城市更新有限公司", "江川安居集团"),
        15.0,
    ),
    "社会事业": (
        "A12",
        ("{place}{product}项目", "{place}{product}建设工程"),
        ("人民医院新院区", "妇幼保健院", "九年一贯制学校", "职业教育实训基地", "养老服务中心", "体育中心", "疾控中心"),
        ("{district}社会事业发展中心", "{district}城市建设投资有限公司", "江川城市建设投资集团"),
        6.0,
    ),
    "文化旅游": (
        "A01",
        ("{place}{product}项目", "{place}{product}提升工程"),
        ("文旅综合体", "历史文化街区", "滨江夜游", "温泉康养度假区", "非遗文化园", "露营公园"),
        ("江川文旅集团", "{district}文化旅游发展有限公司"),
        9.0,
    ),
    "现代农业": (
        "A07",
        ("{place}{product}项目", "{place}{product}基地"),
        ("现代农业产业园", "智慧温室", "粮油加工", "生猪标准化养殖", "茶叶精深加工", "预制菜产业园"),
        ("江川农业发展集团", "{district}农业投资有限公司", "江川{brand}食品有限公司"),
        5.0,
    ),
    "数字基建": (
        "A04",
        ("{place}{product}项目", "{place}{product}工程"),
        ("算力中心", "工业互联网平台", "城市数据中心", "千兆光网", "智能网联汽车测试场"),
        ("江川大数据集团", "江川{brand}数字科技有限公司"),
        14.0,
    ),
}

BRANDS = (
    "华川",
    "恒泰",
    "远航",
    "瑞丰",
    "鼎新",
    "海峰",
    "兴业",
    "博远",
    "天衡",
    "中屹",
    "明德",
    "嘉禾",
    "长青",
    "宏图",
    "启明",
    "锦程",
    "澜川",
    "星辉",
    "永安",
    "和润",
)

PROJECT_COUNT = 216
STALE_PROJECTS = 9  # silent since March or April
BIWEEKLY_SHARE = 0.12
NON_CUMULATIVE_SHARE = 0.08
UNSTARTED_PROJECT = "JC2025-017"  # a new start planned for April that has not started


def end_of(year: int, month: int) -> date:
    """Return the last day of a month."""
    return date(year, month, monthrange(year, month)[1])


def month_end(month: int) -> date:
    """Return the last day of ``month`` of the plan year."""
    return end_of(YEAR, month)


def fmt_number(value: float) -> str:
    """Write a number the way a clerk would: no trailing zeros, no exponent."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.4f}".rstrip("0").rstrip(".")


def quantity(value: float, goal: float, unit: str) -> float:
    """Round an amount done the way it is counted: whole 个/家/所, two decimals for 万亩 or 亿元."""
    counted = goal.is_integer() and not unit.startswith(("万", "亿"))
    return round(value) if counted else round(value, 2)


def read_csv(path: Path) -> list[dict[str, str]]:
    """Read a hand-written plan sheet."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def write_csv(path: Path, headers: list[str], rows: Iterable[list[object]]) -> int:
    """Write one exchange sheet as CSV atomically and return the number of data rows.

    ``headers`` name the cells of each row; the file gets every column of the sheet (its
    name is the file's stem), in the exchange order, the columns not given left blank.
    """
    all_headers = ALL_SHEETS[path.stem].headers
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(all_headers)
    count = 0
    for row in rows:
        cells = dict(zip(headers, row, strict=False))  # trailing cells may be left out
        writer.writerow(["" if cells.get(h) is None else cells[h] for h in all_headers])
        count += 1
    with atomic_file(path) as tmp:
        tmp.write_text(buffer.getvalue(), encoding="utf-8", newline="")
    return count


def report_dates(last_month: int, biweekly: bool, first_month: int = 1) -> list[date]:
    """Return the dates a unit reported on: month ends, plus the 15th when biweekly."""
    dates: list[date] = []
    for month in range(first_month, last_month + 1):
        if biweekly:
            dates.append(date(YEAR, month, 15))
        dates.append(month_end(month))
    return dates


def share_done(when: date, final_share: float, last: date, first: date | None = None) -> float:
    """Return the share of the final amount done by ``when`` on a gently convex path."""
    start = first or date(YEAR, 1, 1)
    span = max((last - start).days, 1)
    t = min(max((when - start).days / span, 0.0), 1.0)
    return final_share * (0.85 * t + 0.15 * t * t)


# --------------------------------------------------------------------------- projects


def build_projects(rng: random.Random) -> list[dict[str, object]]:
    """Return the major-project list: varied names, owners, stages, dates and amounts."""
    districts = list(DISTRICTS)
    industries = list(INDUSTRIES)
    used_names: set[str] = set()
    projects: list[dict[str, object]] = []
    for n in range(1, PROJECT_COUNT + 1):
        code = f"JC2025-{n:03d}"
        district = districts[(n - 1) % len(districts)] if n <= 24 else rng.choice(districts)
        industry = industries[(n - 1) % len(industries)] if n <= 26 else rng.choice(industries)
        area, templates, products, owners, typical = INDUSTRIES[industry]
        district_name, places = DISTRICTS[district]
        for _attempt in range(50):
            place = rng.choice(places)
            place2 = rng.choice([p for d in districts for p in DISTRICTS[d][1] if p not in places][:20])
            name = rng.choice(templates).format(place=place, place2=place2, product=rng.choice(products))
            if name not in used_names:
                break
        else:  # pragma: no cover - the word lists are large enough
            name = f"{name}（{n}）"
        used_names.add(name)
        owner = rng.choice(owners).format(brand=rng.choice(BRANDS), district=district_name)

        roll = rng.random()
        stage = "在建" if roll < 0.58 else "新开工" if roll < 0.95 else "储备"
        if code == UNSTARTED_PROJECT:
            stage = "新开工"
        total_yi = round(typical * rng.lognormvariate(0, 0.7), 2)
        total = round(max(total_yi, 0.8) * 10000)  # 万元
        if stage == "在建":
            start = date(rng.choice((2022, 2023, 2024, 2024)), rng.randint(1, 12), 28)
            years = rng.randint(2, 5)
            finish = end_of(min(start.year + years, 2029), rng.randint(1, 12))
            if finish.year < YEAR:
                finish = end_of(YEAR, rng.randint(3, 12))
            annual_share = rng.uniform(0.18, 0.4)
        elif stage == "新开工":
            start = month_end(rng.choice((2, 3, 3, 4, 4, 5, 5, 7, 8, 9, 10)))
            if code == UNSTARTED_PROJECT:
                start = month_end(4)
            finish = end_of(YEAR + rng.randint(1, 4), rng.randint(1, 12))
            annual_share = rng.uniform(0.08, 0.25)
        else:  # 储备: preliminary work this year, construction later
            start = month_end(rng.choice((11, 12)))
            finish = date(YEAR + rng.randint(2, 4), 12, 31)
            annual_share = rng.uniform(0.01, 0.04)
        annual = round(total * annual_share / 100) * 100
        biweekly = rng.random() < BIWEEKLY_SHARE or total >= 800000
        projects.append(
            {
                "code": code,
                "name": name,
                "owner": owner,
                "district": district,
                "industry": industry,
                "stage": stage,
                "total": total,
                "annual": max(annual, 100),
                "start": start,
                "finish": finish,
                "area": area,
                "cycle": "半月报" if biweekly else "月报",
            }
        )
    return projects


def project_progress(projects: list[dict[str, object]], rng: random.Random) -> list[list[object]]:
    """Return project progress rows: investment done this year, starts and finishes."""
    rows: list[list[object]] = []
    stale_codes = set(rng.sample([str(p["code"]) for p in projects if p["stage"] == "在建"], STALE_PROJECTS))
    for project in projects:
        code = str(project["code"])
        annual = float(project["annual"])  # type: ignore[arg-type]
        start: date = project["start"]  # type: ignore[assignment]
        finish: date = project["finish"]  # type: ignore[assignment]
        biweekly = project["cycle"] == "半月报"
        owner = str(project["owner"])
        stage = project["stage"]
        last_month = rng.choice((3, 4)) if code in stale_codes else 6
        if stage == "储备":
            # preliminary work only: a couple of small payments for design and approvals
            for when in (month_end(3), month_end(6)):
                done = round(annual * (0.15 if when.month == 3 else 0.35))
                rows.append([code, when.isoformat(), fmt_number(done), "是", None, "开展前期工作", owner])
            continue
        first = date(YEAR, 1, 1)
        started_on: date | None = None
        if stage == "新开工":
            if start > AS_OF or code == UNSTARTED_PROJECT:
                if code == UNSTARTED_PROJECT:
                    for when in report_dates(6, biweekly):
                        rows.append([code, when.isoformat(), "0", "是", None, "土地征收未完成，尚未开工", owner])
                continue
            delay = rng.choice((0, 0, 0, 10, 20)) if start.month < 6 else 0
            started_on = min(start - timedelta(days=rng.randint(0, 20)) + timedelta(days=delay), AS_OF)
            first = min(started_on, date(YEAR, 6, 1))  # a June start still books some spending
        performance = min(max(rng.gauss(0.57, 0.13), 0.12), 0.95)
        if started_on is not None:  # a late start has had less time to spend
            performance *= min(0.95, max(0.6, (AS_OF - started_on).days / 100))
        last = month_end(last_month)
        dates = [d for d in report_dates(last_month, biweekly) if d >= (started_on or first).replace(day=1)]
        non_cumulative = rng.random() < NON_CUMULATIVE_SHARE and started_on is None
        previous = 0.0
        previous_date: date | None = None
        for when in dates:
            done = round(annual * share_done(when, performance * (last_month / 6), last, first) / 10) * 10
            stage_cell = None
            note = ""
            if started_on is not None and (previous_date or first) <= started_on <= when:
                stage_cell, note = "在建", f"{started_on.month}月{started_on.day}日开工"
            if finish <= when and stage == "在建" and finish <= AS_OF and rng.random() < 0.7:
                stage_cell, note = "竣工", "项目完工"
            if non_cumulative:
                period_start = previous_date + timedelta(days=1) if previous_date else date(YEAR, 1, 1)
                rows.append(
                    [
                        code,
                        when.isoformat(),
                        fmt_number(done - previous),
                        "否",
                        stage_cell,
                        note,
                        owner,
                        period_start.isoformat(),
                    ]
                )
            else:
                rows.append([code, when.isoformat(), fmt_number(done), "是", stage_cell, note, owner])
            if stage_cell == "竣工":
                stage = "竣工"
            previous, previous_date = done, when
    return rows


# ------------------------------------------------------------------------- other items


def target_progress(targets: list[dict[str, str]]) -> list[list[object]]:
    """Return headline indicator progress rows from ``TARGET_SERIES``."""
    owners = {t["目标编码"]: t["责任单位"] for t in targets}
    rows: list[list[object]] = []
    for code, series in TARGET_SERIES.items():
        for month, value in sorted(series.items()):
            note = TARGET_NOTES.get((code, month), "")
            rows.append([code, month_end(month).isoformat(), fmt_number(value), "是", note, owners[code]])
    return rows


def task_progress(tasks: list[dict[str, str]], milestones: list[dict[str, str]]) -> list[list[object]]:
    """Return key-task progress: quantities done to date, and milestones as they were done."""
    rows: list[list[object]] = []
    by_code = {t["任务编码"]: t for t in tasks}
    for code, (ratio, last_month) in TASK_RATIOS.items():
        task = by_code[code]
        goal = float(task["年度目标量"])
        biweekly = task["报送周期"] == "半月报"
        quarterly = task["报送周期"] == "季报"
        dates = [month_end(m) for m in (3, 6) if m <= last_month] if quarterly else report_dates(last_month, biweekly)
        last = dates[-1]
        for when in dates:
            value = quantity(goal * share_done(when, ratio, last), goal, task["单位"])
            note = TASK_NOTES.get(code, "") if when == last else ""
            rows.append([code, when.isoformat(), fmt_number(value), "是", None, note, task["牵头单位"]])
    for milestone in milestones:
        code, key = milestone["任务编码"], milestone["节点序号"]
        done_on = milestone_done_on(milestone)
        if done_on is None:
            continue
        title = milestone["节点内容"]
        note = MILESTONE_NOTES.get((code, key), title if title.startswith("完成") else f"完成{title}")
        rows.append([code, done_on.isoformat(), None, "是", key, note, by_code[code]["牵头单位"]])
    rows.extend(milestone_task_narratives(by_code, milestones))
    rows.sort(key=lambda r: (str(r[0]), str(r[1])))
    return rows


def milestone_done_on(milestone: dict[str, str]) -> date | None:
    """Return the day a milestone was reported done (on or before 30 June), or None."""
    key = (milestone["任务编码"], milestone["节点序号"])
    due = date.fromisoformat(milestone["完成时限"])
    if key in MILESTONE_EVENTS:
        done_on = MILESTONE_EVENTS[key]
    elif due <= AS_OF:
        done_on = due - timedelta(days=(int(key[1]) * 3) % 7 + 1)
    else:
        done_on = None
    return done_on if done_on is not None and done_on <= AS_OF else None


def standing(code: str, steps: list[dict[str, str]], when: date) -> str:
    """Return what a unit writes on ``when`` about a milestone task: the next step and how it goes."""
    open_steps = [m for m in steps if (milestone_done_on(m) or date.max) > when]
    if not open_steps:
        return "各节点任务均已完成，持续跟踪实施效果"
    step = min(open_steps, key=lambda m: m["完成时限"])
    due = date.fromisoformat(step["完成时限"])
    if due < when:
        return LATE_STEP_NOTES.get(code, f"“{step['节点内容']}”尚未完成，正在加快推进")
    if (due - when).days <= 31:
        return f"“{step['节点内容']}”进入收尾阶段，预计按期完成"
    return f"正在推进“{step['节点内容']}”，计划{due.month}月{due.day}日前完成"


def milestone_task_narratives(
    tasks: dict[str, dict[str, str]], milestones: list[dict[str, str]]
) -> list[list[object]]:
    """Return the narrative-only rows milestone tasks send on their reporting dates."""
    steps: dict[str, list[dict[str, str]]] = {}
    for milestone in milestones:
        steps.setdefault(milestone["任务编码"], []).append(milestone)
    rows: list[list[object]] = []
    for code, task_steps in steps.items():
        task = tasks[code]
        last_month = SILENT_MILESTONE_TASKS.get(code, 6)
        if task["报送周期"] == "季报":
            dates = [month_end(m) for m in (3, 6) if m <= last_month]
        else:
            dates = report_dates(last_month, task["报送周期"] == "半月报")
        for when in dates:
            rows.append([code, when.isoformat(), None, None, None, standing(code, task_steps, when), task["牵头单位"]])
    return rows


def livelihood_progress(items: list[dict[str, str]]) -> list[list[object]]:
    """Return livelihood progress rows from ``LIVELIHOOD_RATIOS``."""
    rows: list[list[object]] = []
    by_code = {i["实事编码"]: i for i in items}
    for code, (ratio, last_month) in LIVELIHOOD_RATIOS.items():
        item = by_code[code]
        goal = float(item["年度目标量"])
        quarterly = item["报送周期"] == "季报"
        dates = [month_end(m) for m in (3, 6) if m <= last_month] if quarterly else report_dates(last_month, False)
        last = dates[-1]
        for when in dates:
            value = quantity(goal * share_done(when, ratio, last), goal, item["单位"])
            note = LIVELIHOOD_NOTES.get(code, "") if when == last else ""
            rows.append([code, when.isoformat(), fmt_number(value), "是", note, item["牵头单位"]])
    return rows


PROJECT_HEADERS = [
    "项目编码",
    "项目名称",
    "业主单位",
    "所在区县编码",
    "行业领域",
    "项目阶段",
    "总投资（万元）",
    "年度计划投资（万元）",
    "计划开工时间",
    "计划竣工时间",
    "领域编码",
    "报送周期",
]
TARGET_PROGRESS_HEADERS = ["目标编码", "截至日期", "数值", "是否累计", "情况说明", "报送单位"]
TASK_PROGRESS_HEADERS = ["任务编码", "截至日期", "完成量", "是否累计", "完成节点序号", "情况说明", "报送单位"]
PROJECT_PROGRESS_HEADERS = [
    "项目编码",
    "截至日期",
    "本年完成投资（万元）",
    "是否累计",
    "项目阶段",
    "情况说明",
    "报送单位",
    "起始日期",
]
LIVELIHOOD_PROGRESS_HEADERS = ["实事编码", "截至日期", "完成量", "是否累计", "情况说明", "报送单位"]


def summarise(projects: list[dict[str, object]], project_rows: list[list[object]]) -> dict[str, float]:
    """Return the project figures the sample report quotes (counts, 亿元, completion)."""
    latest: dict[str, float] = {}
    running: dict[str, float] = {}
    for row in project_rows:
        code, value, cumulative = str(row[0]), float(row[2]), row[3] == "是"
        running[code] = value if cumulative else running.get(code, 0.0) + value
        latest[code] = running[code]
    annual = sum(float(p["annual"]) for p in projects)  # type: ignore[arg-type]
    done = sum(latest.values())
    new_planned = [p for p in projects if p["stage"] == "新开工" and p["start"] <= AS_OF]  # type: ignore[operator]
    started = {str(r[0]) for r in project_rows if r[4] == "在建"}
    finished = {str(r[0]) for r in project_rows if r[4] == "竣工"}
    return {
        "projects": len(projects),
        "total_yi": sum(float(p["total"]) for p in projects) / 1e4,  # type: ignore[arg-type]
        "annual_yi": annual / 1e4,
        "done_yi": done / 1e4,
        "completion_pct": 100 * done / annual,
        "new_start_planned_h1": len(new_planned),
        "new_started_h1": len(started),
        "finished_h1": len(finished),
        "districts": len({p["district"] for p in projects}),
    }


def main(argv: list[str] | None = None) -> None:
    """Rewrite the generated CSVs (or, with --check, only print the report figures)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="print the figures without writing files")
    args = parser.parse_args(argv)
    rng = random.Random(SEED)
    projects = build_projects(rng)
    project_rows = project_progress(projects, rng)
    targets = read_csv(PLAN_DIR / "指标目标.csv")
    tasks = read_csv(PLAN_DIR / "重点任务.csv")
    milestones = read_csv(PLAN_DIR / "任务节点.csv")
    items = read_csv(PLAN_DIR / "民生实事.csv")
    if not args.check:
        PROGRESS_DIR.mkdir(parents=True, exist_ok=True)
        project_table = (
            [
                p["code"],
                p["name"],
                p["owner"],
                p["district"],
                p["industry"],
                p["stage"],
                p["total"],
                p["annual"],
                p["start"].isoformat(),
                p["finish"].isoformat(),
                p["area"],
                p["cycle"],
            ]  # type: ignore[union-attr]
            for p in projects
        )
        write_csv(PLAN_DIR / "重大项目.csv", PROJECT_HEADERS, project_table)
        write_csv(PROGRESS_DIR / "指标进展.csv", TARGET_PROGRESS_HEADERS, target_progress(targets))
        write_csv(PROGRESS_DIR / "任务进展.csv", TASK_PROGRESS_HEADERS, task_progress(tasks, milestones))
        write_csv(PROGRESS_DIR / "项目进展.csv", PROJECT_PROGRESS_HEADERS, project_rows)
        write_csv(PROGRESS_DIR / "民生实事进展.csv", LIVELIHOOD_PROGRESS_HEADERS, livelihood_progress(items))
    for key, value in summarise(projects, project_rows).items():
        print(f"{key}\t{value:.2f}" if isinstance(value, float) else f"{key}\t{value}")


if __name__ == "__main__":
    main()
