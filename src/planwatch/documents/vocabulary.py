"""Words and marks of Chinese official reports that the outline and metadata readers rely on.

Kept as data so that a new heading style or period word is a new row, not a new ``if``.
"""

from __future__ import annotations

# --- numerals used in heading labels (一 … 九十九) ----------------------------------------------
CN_DIGITS: dict[str, int] = {
    "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}
CN_TEN = "十"
CN_NUMERAL_CHARS = "一二三四五六七八九十"
FULLWIDTH_TO_ASCII = str.maketrans("０１２３４５６７８９（）．：；", "0123456789().:;")

# --- heading styles ---------------------------------------------------------------------------
# style -> (regex for the label at a line start, numeral kind).  The regex captures the
# number in group "n".  Brackets may be ASCII or full-width, and may even be mixed, as
# reports typed by hand often are.  The order matters only for the same line start: the
# first style that matches wins.
CN = f"[{CN_NUMERAL_CHARS}]{{1,3}}"
ARABIC = "[0-9０-９]{1,2}"
LINE_HEADING_STYLES: tuple[tuple[str, str, str], ...] = (
    # style          label pattern                                   numerals
    ("cn_comma", rf"(?P<n>{CN})[、．.](?![{CN_NUMERAL_CHARS}][、季月])", "cn"),
    ("cn_paren", rf"[(（](?P<n>{CN})[)）]", "cn"),
    ("arabic_dot", rf"(?P<n>{ARABIC})(?:[、．]|\.(?![0-9０-９]))(?![0-9０-９%％])", "arabic"),
    ("arabic_paren", rf"[(（](?P<n>{ARABIC})[)）]", "arabic"),
    ("circled", r"(?P<n>[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])", "circled"),
    ("cn_part", rf"第(?P<n>{CN})(?:部分|章|篇)[ \t\u3000、：:]*", "cn"),
)
# Styles that mark the body of a report: the title block above the first one is metadata.
BODY_HEADING_STYLES: tuple[str, ...] = ("cn_comma", "cn_paren", "cn_part")
CIRCLED_DIGITS = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

# The inline style 一是…二是…: the label may follow a line start or one of these marks.
INLINE_STYLE = "cn_shi"
INLINE_LABEL = rf"(?P<n>{CN})是"
INLINE_BOUNDARY = "。；;：:！？!?，,）)”"



def heading_opening(styles: tuple[str, ...] | None = None) -> str:
    """A regex for a line that opens with a heading label of ``styles`` (all styles by default)."""
    chosen = [pattern for style, pattern, _ in LINE_HEADING_STYLES if styles is None or style in styles]
    chosen = [pattern.replace("(?P<n>", "(?:") for pattern in chosen]  # one regex may name a group once
    return f"^[{INDENT_CHARS}]*(?:" + "|".join(chosen) + ")"


# What ends a heading title: the first of these (or the line end).
TITLE_STOPS = "。；;：:！？!?"
INLINE_TITLE_STOPS = "。；;！？!?"
# Marks left at the end of a title cut short by the next label: "一是抓项目，二是…".
TITLE_TRAILERS = "，,、"

# Line-start whitespace, including the full-width space used for paragraph indents.
INDENT = " \t\u3000\u00a0"
INDENT_CHARS = r" \t\u3000\u00a0"

# A first heading may start above 1 only at the top of an excerpt, and not absurdly high.
MAX_FIRST_NUMBER = 30

# --- metadata ---------------------------------------------------------------------------------
# Bodies that issue reports: a line (or title prefix) ending in one of these names the issuer.
ISSUER_SUFFIXES: tuple[str, ...] = (
    "人民政府办公厅", "人民政府办公室", "人民政府", "国务院", "统计局", "调查队", "发展和改革委员会", "发展改革委",
    "发改委", "人大常委会", "财政局", "财政厅", "管委会", "管理委员会", "委员会", "办公厅", "办公室", "政府",
)
# "我代表江川市人民政府向大会作报告" — the body the speaker speaks for.
SPEAKER_PATTERN = r"我代表(?P<body>[^，,。、\s]{2,20}?)[，,]?向"
# Position words that follow an issuer on a signature line: 江川市人民政府市长 周远.
POSITION_WORDS: tuple[str, ...] = (
    "副主任", "主任", "代区长", "区长", "代市长", "市长", "副局长", "局长", "县长", "省长", "总理", "主席", "秘书长",
    "党组书记", "书记",
)

# Words that end a title line (the kinds of document these reports are).
TITLE_ENDINGS: tuple[str, ...] = (
    "报告", "公报", "分析", "情况", "总结", "规划", "计划", "纲要", "意见", "通知", "方案", "要点", "说明",
)
# Lines that are never titles: salutations and formulas at the top of a speech.
SALUTATION_ENDINGS: tuple[str, ...] = (":", "：")

# Date separators and month ranges.
RANGE_DASHES = "—–－\\-~～至到"
DATE_PATTERN = (
    r"(?P<y>(?:19|20)[0-9]{2}|[〇零一二三四五六七八九]{4})\s*年\s*"
    r"(?P<m>[0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*"
    r"(?P<d>[0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*日"
)
# The dash lines that carry a speech's date: "──2025年7月28日在…会议上".
DATE_LINE_LEADS = "—─-－ \t\u3000"
# What may follow the date on a line that only dates the document (besides the line end).
DATE_LINE_TAILS: tuple[str, ...] = ("在", "于")

# Labels of a numeric date line on web pages: 发布日期：2025-07-30.
DATE_LABELS: tuple[str, ...] = ("发布日期", "发布时间", "成文日期", "印发日期", "日期", "时间")
# Titles of reports given early in a year about the year before.
ANNUAL_REVIEW_TITLES: tuple[str, ...] = ("政府工作报告",)

# Named parts of a year -> (first month, last month).
PERIOD_WORDS: dict[str, tuple[int, int]] = {
    "前三季度": (1, 9),
    "第一季度": (1, 3),
    "一季度": (1, 3),
    "第二季度": (4, 6),
    "二季度": (4, 6),
    "第三季度": (7, 9),
    "三季度": (7, 9),
    "第四季度": (10, 12),
    "四季度": (10, 12),
    "上半年": (1, 6),
    "下半年": (7, 12),
    "全年": (1, 12),
}
# Period words that name the reported period only with an explicit year ("2025年全年").
YEAR_BOUND_WORDS: tuple[str, ...] = ("全年",)
# A report that reviews a whole year says so with one of these after "YYYY年".
WHOLE_YEAR_CUES: tuple[str, ...] = (
    "工作回顾", "国民经济和社会发展统计公报", "统计公报", "国民经济和社会发展计划执行情况", "计划执行情况",
    "工作总结", "经济运行情况", "全年",
)
# Cues of a whole year under review: the document itself speaks from the year after.
REVIEW_CUES: tuple[str, ...] = ("工作回顾",)
# How many characters of the opening the period is looked for in, after the title.
OPENING_WINDOW = 600


# --- characters that tell real Chinese from bytes decoded with the wrong codec ----------------
# The most frequent characters of plan and statistics reports, simplified and traditional.
# Text decoded with its own codec is full of them; the same bytes decoded as another codec
# (Big5 read as GBK, UTF-16 read as GB18030) give rare characters instead.
FREQUENT_HANZI_SIMPLIFIED = (
    "的一是在不了有和人中大为上个国以要到地出会年月日发展经济增长全市区县省镇村工作业产企项目建设"
    "推进实施完成计划同比亿万元投资重点持续加强提升服务管理改革创新开放城乡农民生就收入消费程体系"
    "高质量新稳定总值规模率政府报告情况主要指标预期目标社会等及其对已将进一步百分点上半全面加快"
)
FREQUENT_HANZI_TRADITIONAL = (
    "的一是在不了有和人中大為上個國以要到地出會年月日發展經濟增長全市區縣省鎮村工作業產企項目建設"
    "推進實施完成計劃同比億萬元投資重點持續加強提升服務管理改革創新開放城鄉農民生就收入消費程體系"
    "高質量新穩定總值規模率政府報告情況主要指標預期目標社會等及其對已將進一步百分點上半全面加快"
)
# marks that only text in the right codec is full of
CJK_PUNCTUATION = "，。、；：？！“”‘’（）《》【】—…％"
