"""Give a fact its period and modality from the clause, the sentence and the section."""

from __future__ import annotations

import re
from bisect import bisect_right
from calendar import monthrange
from functools import lru_cache

from planwatch.extract.context import DocumentContext, Frame, Lead, interval, month_end
from planwatch.extract.lexicon import alternation, prefix_matcher, suffix_matcher
from planwatch.extract.numbers import parse_chinese
from planwatch.extract.vocabulary import cues
from planwatch.extract.vocabulary import frames as fv
from planwatch.extract.vocabulary import periods as pv

_D = "[0-9０-９]"
_Y = "[12１２][0-9０-９]{3}"
_FIRST_CHARS = "".join(sorted({w[0] for w in (
    *pv.YEAR_PARTS, *pv.FIRST_MONTHS_WORDS, *pv.MULTI_YEAR_FRAMES, *pv.YEARS_BACK_WORDS, *pv.CUMULATIVE_WORDS,
    *pv.AS_AT_WORDS, "同期为", "上年", "去年", "年底", "年末")}))
_EXPLICIT = re.compile(
    rf"(?=[0-9０-９{re.escape(_FIRST_CHARS)}])(?:"
    rf"(?P<ym>(?P<ym_y>{_Y})年(?P<ym_a>{_D}{{1,2}})[—–\-－~～至到](?P<ym_b>{_D}{{1,2}})月)"
    rf"|(?P<first>[前头](?P<first_n>{_D}{{1,2}}|[一二两三四五六七八九十]{{1,2}})个月)"
    rf"|(?P<m>(?P<m_a>{_D}{{1,2}})[—–\-－~～至到](?P<m_b>{_D}{{1,2}})月)"
    rf"|(?P<end>(?:(?P<end_y>{_Y})年)?(?P<end_m>{_D}{{1,2}})月(?:末|底))"
    r"|(?P<day>(?:" + alternation(pv.AS_AT_WORDS) + rf")(?:(?P<day_y>{_Y})年)?(?P<day_m>{_D}{{1,2}})月"
    rf"(?P<day_d>{_D}{{1,2}})日)"
    rf"|(?P<mon>(?P<mon_m>{_D}{{1,2}})月(?:" + alternation(pv.ONE_MONTH_WORDS) + "))"
    rf"|(?P<yy>(?P<yy_a>{_Y})[—–\-－~～至到](?P<yy_b>{_Y})年)"
    rf"|(?P<ye>(?P<ye_y>{_Y})年(?:末|底))"
    r"|(?P<yend>年底|年末)"
    r"|(?P<part>" + alternation(pv.YEAR_PARTS) + r")"
    rf"|(?P<y>(?P<y_y>{_Y})[ 　]?年(?:度)?)"
    r"|(?P<frame>" + alternation(pv.MULTI_YEAR_FRAMES) + r")"
    r"|(?P<back>" + alternation(pv.YEARS_BACK_WORDS) + r")"
    r"|(?P<same>同期为|上年同期为|去年同期为)"
    r"|(?P<last>去年全年|上年全年)"
    r"|(?P<cum>" + alternation(pv.CUMULATIVE_WORDS) + r"))"
)
_BASELINE_LEAD = ("比", "较", "与", "同", "于", "上", "去", "到")
_BASELINE_YEAR = re.compile(rf"(?:比|较|与){_Y}年$")
_NOT_A_PERIOD_AFTER = ("目标", "任务", "计划", "的目标", "预算")
_PLAN_AS_VERB = re.compile("计划(?:" + alternation(pv.PLAN_VERB_OBJECTS) + ")")
_TARGET = re.compile(alternation(pv.TARGET_CUES))
_FUTURE_TARGET = re.compile(alternation(pv.FUTURE_TARGET_CUES))
_PAST_TARGET = re.compile(
    "".join(f"(?<!{w})" for w in pv.NOT_TARGET_BEFORE)
    + "(?:" + "|".join(w if "(" in w else re.escape(w) for w in pv.PAST_SECTION_TARGET_CUES) + ")"
)
# the same cues without the look-behinds: a sentence that has none skips the slower pattern
_PAST_TARGET_QUICK = re.compile(
    "|".join(w.split("(", 1)[0] if "(" in w else re.escape(w) for w in pv.PAST_SECTION_TARGET_CUES)
)
_STOCK = re.compile(alternation(pv.STOCK_NOUNS))
_FLOW_RATE = re.compile(alternation(pv.FLOW_RATE_NOUNS))
_STATE_RATE = re.compile(alternation(pv.STATE_RATE_NOUNS))
_RANK_STOCK = re.compile(alternation(pv.RANK_STOCK_NOUNS))
_FLOW_STARTS = ("新增", "新建", "新开工", "完成", "实现", "新签约", "新认定", "新培育")
_PLAN = re.compile(pv.PAST_SECTION_PLAN_PATTERN)
_REACH = re.compile(alternation(pv.STATE_REACH_VERBS))
_STATE_TO = re.compile(pv.STATE_TO_PATTERN)
_TOTAL_NOUN = suffix_matcher(("总数", "总量", "余额", "保有量"))
_ACTION_START = prefix_matcher(cues.ACTION_VERBS)
_STOCK_END = suffix_matcher(pv.STOCK_NOUNS)
_REACH_END = suffix_matcher(pv.STATE_REACH_VERBS)
_ENTITY_UNITS = frozenset(pv.ENTITY_UNITS)
_ENTITY_UNITS_AND_ITEMS = _ENTITY_UNITS | {"项", "件", "户", "人", "名"}
_STATE_COUNT = re.compile(alternation(pv.STATE_COUNT_CUES))
_LIGHTS = re.compile(alternation(pv.STATUS_LIGHT_WORDS))
_DURATIONS = frozenset(("年", "个月", "月", "天", "周"))
_ENTITY_REACHED = suffix_matcher(pv.ENTITY_REACH_VERBS)
_PARAGRAPH_TARGET = re.compile(alternation(pv.PARAGRAPH_TARGET_CUES))


class PeriodMarks:
    """Every written period of a document, found in one pass and looked up by offset (bisect)."""

    def __init__(self, text: str) -> None:
        self.marks = [m for m in _EXPLICIT.finditer(text)
                      if text[max(0, m.start() - 1):m.start()] not in _BASELINE_LEAD
                      and not _BASELINE_YEAR.search(text, max(0, m.start() - 7), m.start())
                      and (not text.startswith(_NOT_A_PERIOD_AFTER, m.end())
                           or _PLAN_AS_VERB.match(text, m.end()) is not None)
                      and not _inside_title(text, m.start())]
        self.starts = [m.start() for m in self.marks]
        self.text = text

    def closed_before(self, mark: re.Match[str], hi: int) -> bool:
        """True when ``mark`` sits in brackets that close before ``hi``: （一季度为增长3.5%）, then 拉动….

        A period quoted inside a parenthesis dates the figures inside it, not those after it.
        """
        between = self.text[mark.end():hi]
        if "）" not in between and ")" not in between:
            return False
        depth = 0
        for ch in between:
            if ch in "（(":
                depth += 1
            elif ch in "）)":
                depth -= 1
                if depth < 0:
                    return True
        return False

    def last_between(self, lo: int, hi: int, clause_lo: int = 0) -> re.Match[str] | None:
        """The rightmost period mark lying inside ``[lo, hi)``; 累计 counts only inside the clause."""
        i = bisect_right(self.starts, hi) - 1
        for _ in range(4):
            if i < 0 or self.starts[i] < lo:
                return None
            if (self.marks[i].group("cum") and self.starts[i] < clause_lo) or self.closed_before(self.marks[i], hi):
                i -= 1
                continue
            if self.marks[i].end() <= hi:
                found = self.marks[i]
                if found.group("cum") and i > 0 and self.starts[i - 1] >= lo:
                    return self.marks[i - 1]  # 全年累计, “十四五”期间累计: the written period wins
                return found
            i -= 1
        return None

    def frame_before(self, lo: int, hi: int) -> re.Match[str] | None:
        """The multi-year frame (十四五, 五年来, 2021—2025年) written in ``[lo, hi)``, if any."""
        i = bisect_right(self.starts, hi) - 1
        for _ in range(6):
            if i < 0 or self.starts[i] < lo:
                return None
            if self.marks[i].group("frame") or self.marks[i].group("back") or self.marks[i].group("yy"):
                return self.marks[i]
            i -= 1
        return None


def _inside_title(text: str, at: int) -> bool:
    """A period inside 《…》 belongs to a document's title (《行动计划(2025—2027年)》), not to a fact."""
    lo = max(0, at - 40)
    return text.rfind("《", lo, at) > text.rfind("》", lo, at)


def _months(*months: int) -> bool:
    """Whether written month numbers are real months: a digit run such as 1.56月末 is no date."""
    return all(1 <= m <= 12 for m in months) and list(months) == sorted(months)


def read_period(found: re.Match[str] | None, lead: Lead) -> tuple[str | None, bool] | None:
    """A written period as (ISO period, is_date), or None when nothing is written."""
    if found is None:
        return None
    y = lead.year
    g = found.group
    if g("ym"):
        a, b = int(g("ym_a")), int(g("ym_b"))
        return (interval(int(g("ym_y")), a, b) if _months(a, b) else None), False
    if g("first"):
        n = int(g("first_n")) if g("first_n").isdigit() else int(parse_chinese(g("first_n")) or 0)
        return (interval(y, 1, n) if y and 1 <= n <= 12 else None), False
    if g("m"):
        a, b = int(g("m_a")), int(g("m_b"))
        return (interval(y, a, b) if y and _months(a, b) else None), False
    if g("end"):
        year = int(g("end_y")) if g("end_y") else y
        month = int(g("end_m"))
        return (month_end(year, month) if year and _months(month) else None), True
    if g("day"):
        year = int(g("day_y")) if g("day_y") else y
        month, day = int(g("day_m")), int(g("day_d"))
        if year and _months(month) and 1 <= day <= monthrange(year, month)[1]:
            return f"{year}-{month:02d}-{day:02d}", True
        return None, True
    if g("mon"):
        month = int(g("mon_m"))
        return (interval(y, month, month) if y and _months(month) else None), False
    if g("yy"):
        return f"{int(g('yy_a'))}-01/{int(g('yy_b'))}-12", False
    if g("ye"):
        return f"{int(g('ye_y'))}-12-31", True
    if g("yend"):
        return (f"{y}-12-31" if y else None), True
    if g("part"):
        first, last = pv.YEAR_PARTS[g("part")]
        return (interval(y, first, last) if y else None), False
    if g("y"):
        return interval(int(g("y_y")), 1, 12), False
    if g("frame"):
        a, b = pv.MULTI_YEAR_FRAMES[g("frame")]
        return f"{a}-01/{b}-12", False
    if g("back"):
        n = pv.YEARS_BACK_WORDS[g("back")]
        return (f"{y - n + 1}-01/{y}-12" if y else None), False
    if g("same"):
        return (interval(y - 1, lead.first, lead.last) if y else None), False
    if g("last"):
        return (interval(y - 1, 1, 12) if y else None), False
    return None, False  # 累计


def start_of_frame(ctx: DocumentContext, marks: PeriodMarks, start: int) -> str | None:
    """The X of 从X提高到Y: the end of the year before the passage's multi-year frame, else None."""
    frame = marks.frame_before(ctx.paragraph_start(start), start)
    if frame is None:
        return None
    period, _ = read_period(frame, ctx.lead_at(start)) or (None, False)
    if not period:
        return None
    return f"{int(period[:4]) - 1}-12-31"


def widen_to_baseline(period: str | None, baseline: str | None) -> str | None:
    """较2020年增长25% in a 2025 review: the change spans 2021-01/2025-12."""
    if not period or not baseline or len(baseline) != 4 or not baseline.isdigit():
        return period
    if len(period) == 15 and period[5:7] == "01" and period[13:15] == "12" and period[:4] == period[8:12]:
        year = int(period[:4])
        if int(baseline) < year - 1:
            return f"{int(baseline) + 1}-01/{year}-12"
    if len(period) == 10 and period.endswith("-12-31") and int(baseline) < int(period[:4]) - 1:
        return f"{int(baseline) + 1}-01/{period[:4]}-12"  # 总量较2020年翻了一番 in 2024: the rise of 2021—2024
    return period


def _reaches(segment: str) -> bool:
    return bool(_REACH.search(segment))


def is_stock(measure: str, subject: str | None, segment: str, unit: str | None = None) -> bool:
    """True for stocks and states (总量, 余额, 参保率): they take the end date of the lead period.

    The subject's last noun decides (电力总装机, 养老床位 are stocks; 综合保税区进出口总额 is a flow).
    """
    subject = subject or ""
    if unit in _DURATIONS and segment.rstrip(" 　").endswith("连续"):
        return False  # 连续三年保持净增长: a streak takes the lead period, never a date
    if measure == "rank":
        # 企业数居全国第1位, 应用率居第2位: the rank of a stock or a state is dated like it
        if _RANK_STOCK.search(subject):
            return True
        return subject.endswith("率") and not _FLOW_RATE.search(subject)
    if subject.endswith(pv.FLOW_TOTALS):
        return False  # 经济总量达到3.8万亿元: the economy's output of the year
    if measure in ("level", "growth") and _TOTAL_NOUN(subject):
        return True
    if measure == "level" and unit in _ENTITY_UNITS_AND_ITEMS and _STATE_COUNT.search(segment):
        return True  # 反馈问题已整改完成7项, 剩余9项: how things stand at the end
    if measure in ("level", "ratio") and _LIGHTS.search(subject):
        return True  # 红灯项目6个, 绿灯项目占比93.5%: a status board as of its date
    if subject.startswith(_FLOW_STARTS) or _ACTION_START(subject):
        return False
    if measure == "ratio":
        if _FLOW_RATE.search(subject):
            body = subject[: -2] if subject.endswith(("占比", "比重")) else ""
            return bool(body) and _STOCK_END(body) is not None
        return bool(_STATE_RATE.search(subject)) or "增至" in segment
    tail = segment.rstrip(" 　约近超")[-8:]  # 缩减到, 延长至: the pattern ends the segment
    if measure == "level" and _STATE_TO.search(tail):
        # 年产量增至30万辆, 零售总额增至1200亿元: a flow that grew to, still the year's flow
        return not (subject.endswith(pv.FLOW_SUBJECT_TAILS) and _STOCK_END(subject) is None
                    and not _TOTAL_NOUN(subject) and not subject.endswith(pv.COUNT_NOUNS))
    if (measure == "level" and unit in _ENTITY_UNITS and _ENTITY_REACHED(segment.rstrip(" 　约近超"))
            and not subject.endswith(pv.FLOW_SUBJECT_TAILS)):
        return True
    if "新增" in subject:
        return False  # 新增装机: the flow of a stock
    if measure in ("level", "growth"):
        noun = _STOCK_END(subject)
        if noun is not None and subject[: -len(noun)].endswith(pv.FLOW_OF_STOCK_VERBS):
            return False  # 发放贷款671亿元: the flow of a stock
        if (noun is None and "增至" in segment and subject.endswith(pv.FLOW_SUBJECT_TAILS)
                and not subject.endswith(pv.COUNT_NOUNS)):
            return False  # 年产量增至82万辆, 零售总额增至2.79万亿元: a flow that grew to
        return noun is not None or "增至" in segment or "余额" in subject
    return False


_UNSET: object = object()


def period_of(ctx: DocumentContext, marks: PeriodMarks, start: int, measure: str, subject: str | None,
              segment: str, modality: str, money: bool = False, section: object = _UNSET,
              clause_lo: int | None = None, unit: str | None = None, not_before: int = 0) -> str | None:
    """The ISO period of a fact starting at ``start``.

    ``section`` and ``clause_lo`` (``ctx.section_at(start)``, ``ctx.clause_start(start)``) may be
    passed by a caller that has them already.
    """
    if section is _UNSET:
        section = ctx.section_at(start)
    if clause_lo is None:
        clause_lo = ctx.clause_start(start)
    lead = section.lead if section is not None else ctx.lead  # type: ignore[attr-defined]
    stock = is_stock(measure, subject, segment, unit)
    found = marks.last_between(max(ctx.full_sentence_start(start), not_before), start, clause_lo)
    stated = read_period(found, lead)
    if stated is not None:
        period, is_date = stated
        whole_lead_year = found is not None and found.group("y") and lead.year and period == interval(lead.year, 1, 12)
        if whole_lead_year and modality == "actual" and lead.interval != period:
            # “遴选2025年…项目10个” in a 1—6月 report: the year names the programme, the count is of the period
            return lead.end_date if stock else lead.interval
        in_clause = found is not None and found.start() >= clause_lo
        if is_date and not in_clause and modality == "actual" and (subject or "").startswith(_FLOW_STARTS):
            # 年末…用户46.2万户，新建基站318个: the date of the stock before does not date a new flow
            return lead.interval or period
        flow_word = found is not None and found.group("part") and in_clause  # 全年出生人口: a flow
        if period and not is_date and stock and "/" in period and modality == "actual" and not flow_word:
            year, month = period.split("/")[1].split("-")
            return month_end(int(year), int(month))
        return period
    if modality != "actual":
        has_year = section is not None and pv_year_in(section.title)  # type: ignore[attr-defined]
        reaches = _REACH_END(segment.rstrip()) or _reaches(segment)
        if modality == "target" and lead.year and (
            (measure == "level" and (stock or (reaches and not money))) or (measure == "ratio" and stock)
        ):
            return f"{lead.year}-12-31"  # 城镇化率达到72%: a state at the target year's end
        if has_year:
            return lead.interval
        if lead.year and _ANNUAL_PLAN.search(segment):
            return interval(lead.year, 1, 12)  # 年度计划投资168.5亿元 in a 1—9月 report: the year's plan
        in_review = section is None or not section.future  # type: ignore[attr-defined]
        if lead.year and lead.last < 12 and in_review and ("计划" in segment or "目标" in segment):
            # 计划改造老旧小区126个 in a 1—6月 progress notice: the year's plan, against which it reports
            return interval(lead.year, 1, 12)
        return None
    if stock:
        return lead.end_date
    return lead.interval


_ANNUAL_PLAN = re.compile(alternation(pv.ANNUAL_PLAN_WORDS))
_YEAR_LIST_AFTER = prefix_matcher(pv.YEAR_LIST_NOUNS)
_GOAL_AFTER = re.compile(
    "(?:" + alternation(cues.QUALIFIERS_AFTER) + ")?(?:" + alternation(pv.TARGET_AFTER_WORDS) + ")"
)


def names_a_goal_after(text: str, end: int) -> bool:
    """True when the words right after a number make it a goal: 16亿元的目标, 9%的规划目标, 55%的目标值."""
    return _GOAL_AFTER.match(text, end) is not None


def in_plan_frame(period: str | None, modality: str, measure: str, baseline: str | None,
                  frame: tuple[int, int], lead: Lead, stock: bool, written: bool) -> str | None:
    """Periods in a review of a five-year plan: its goals are the plan's, what was done spans the years reviewed.

    An undated goal is the plan's: an average growth over the whole plan, a state at its last
    year's end, anything else in its last year. A flow, an average growth or a streak with no
    period written for it covers the years reviewed (2021-01/2022-12 in a review after two
    years); states keep the end of the last year reviewed.
    """
    first, last = frame
    if modality == "target" and not written:
        if baseline == "avg_annual":
            return f"{first}-01/{last}-12"
        return f"{last}-12-31" if stock or measure == "ratio" else f"{last}-01/{last}-12"
    if modality == "actual" and not written and not stock and lead.year and period == lead.interval:
        return f"{first}-01/{lead.year}-12"
    return period


def counts_year_list(text: str, end: int, unit: str | None) -> bool:
    """True for the count of the year's list itself: 15件重点民生实事 (the number right before the noun)."""
    return unit in pv.YEAR_LIST_UNITS and _YEAR_LIST_AFTER(text[end:end + 8]) is not None


_YEAR_IN_TITLE = re.compile(r"(?:19|20)[0-9]{2}年")


@lru_cache(maxsize=256)
def pv_year_in(title: str) -> bool:
    """True when a section title names a year (a document has few titles: cached)."""
    return _YEAR_IN_TITLE.search(title) is not None


def modality_of(ctx: DocumentContext, start: int, sentence: str, clause: str, section: object = _UNSET,
                clause_lo: int | None = None) -> str:
    """``actual``, ``target`` or ``plan`` from the section and the cue words before the number."""
    if section is _UNSET:
        section = ctx.section_at(start)
    if section is not None and section.future:
        if _TARGET.search(sentence) or _FUTURE_TARGET.search(clause):
            return "target"
        lo = max(ctx.paragraph_start(start), start - 400)
        if _PARAGRAPH_TARGET.search(ctx.text, lo, start) and not _PLAN.search(clause):
            return "target"
        in_work_part = section.work_from is not None and start >= section.work_from
        if any(w in section.title for w in pv.TARGET_SECTION_WORDS) and not in_work_part and not _PLAN.search(clause):
            return "target"
        return "plan"
    if _PAST_TARGET_QUICK.search(sentence) and _PAST_TARGET.search(sentence):
        return "target"
    if clause_lo is None:
        clause_lo = ctx.clause_start(start)
    if _PLAN.search(ctx.text[clause_lo:start + 1]):  # one char on: 将17项 is not a plan
        return "plan"
    return "actual"


PART_WORDS = pv.PART_OF_BEFORE
_HELD = re.compile(alternation(fv.HELD_CUES))
_DONE = re.compile(alternation((*cues.ACTION_VERBS, *fv.DONE_VERBS)))
_REACHED = re.compile(alternation(fv.REACHED_VERBS))
_DONE_COUNT_UNITS = frozenset(fv.DONE_COUNT_UNITS)


def written_in(marks: PeriodMarks, sentence_lo: int, start: int, clause_lo: int) -> bool:
    """True when the sentence writes a period of its own before the number (not only the frame's words)."""
    found = marks.last_between(sentence_lo, start, clause_lo)
    return found is not None and not (found.group("frame") or found.group("back"))


def in_content_frame(frame: Frame, period: str | None, measure: str, baseline: str | None, stock: bool,
                     unit: str | None, subject: str | None, segment: str, clause: str,
                     from_part: bool, after: str = "") -> tuple[str | None, str | None]:
    """(period, baseline) of an undated figure in a five-year review or a new plan's goals.

    A review of 2021—2025: counts of things done, 年均 rates and levels held (保持在) span the
    frame; a rise with no reference written is over the frame (baseline the year before it);
    the X of 从X到Y is the year before the frame; states keep the final year's end and annual
    amounts the final year. A new plan's goals: states at its last year's end, the rest over it.
    """
    if frame.years is None:
        return period, baseline
    first, last = frame.years
    whole = f"{first}-01/{last}-12"
    if frame.kind == "plan_goals":
        # a new plan's goals: rates and flows over the plan, a stock (by its noun) at the plan's end
        if measure == "level" and is_stock(measure, subject, "", unit):
            return f"{last}-12-31", baseline
        return whole, baseline
    if from_part:
        return (f"{first - 1}-12-31" if stock else f"{first - 1}-01/{first - 1}-12"), baseline
    if period is None:
        return period, baseline  # 累计建成充电桩8000个: 累计 with no period of its own stays undated
    if measure in ("growth", "change_pp"):
        if baseline == "avg_annual":
            return whole, baseline
        if baseline == "yoy" and not any(w in clause for w in fv.YEAR_ON_YEAR_WORDS):
            return whole, str(first - 1)
        return period, baseline
    if measure in ("level", "ratio") and _HELD.search(segment):
        return whole, baseline
    if measure == "level" and not stock and unit in _DONE_COUNT_UNITS:
        done = _DONE.search(clause) or _DONE.search(after)
        if not done and (_REACHED.search(clause) or (subject or "").endswith(fv.STANDING_NOUNS)):
            return f"{last}-12-31", baseline  # 重点实验室达到45家, 独角兽企业71家: how many there are
        return whole, baseline
    if measure == "level" and not stock and subject and (subject.startswith(_FLOW_STARTS) or _ACTION_START(subject)):
        if _STOCK_END(subject) is not None and not subject.startswith(("新增", "新建")):
            return f"{last}-12-31", baseline  # 建成智能算力超2万P: the capacity built up, as it stands
        return whole, baseline
    return period, baseline


_WORK_VERB = re.compile(alternation(pv.WORK_VERBS_OF_OUTCOMES))
_OUTCOME_REACH = re.compile(alternation(pv.OUTCOME_REACH_VERBS))


def is_outcome_goal(measure: str, subject: str | None, clause: str, sentence: str, indicator: bool) -> bool:
    """True for an indicator's outcome in the year's work (社会消费品零售总额增长4%左右, 占比超过80%).

    A growth is a goal when its subject is a catalog indicator; a share or a level when a verb of
    reaching leads to it (比重达到, 达到1000家). A sentence of work (安排, 新增, 实施, 压减 …) keeps
    its figures planned: 支出安排716.8亿元，增长2.1% is the budget's plan, not a goal. Where the
    clause names its own subject, only that clause is read: 实施…专项行动，固定资产投资增长3%左右 is a goal.
    """
    subject = subject or ""
    scope = clause if subject and subject in clause else sentence
    if _WORK_VERB.search(scope) or subject.startswith(_FLOW_STARTS) or _ACTION_START(subject):
        return False
    if measure in ("growth", "change_pp"):
        return indicator
    return measure in ("ratio", "level") and _OUTCOME_REACH.search(clause) is not None


_CENSUS = re.compile("(" + alternation(pv.BASELINE_LEADS) + r")?[“\"‘]?(" + alternation(pv.CENSUS_DATES) + ")")


def census_frame(sentence: str) -> tuple[str | None, str | None]:
    """(period, baseline) a census named before a figure sets: “五经普”…比“四经普”增长29.8%.

    The census named last without 比/较 dates the figure; one named after 比/较 is its baseline.
    (None, None) when the sentence names no census — the cheap ``普`` test keeps this off most text.
    """
    if "普" not in sentence:
        return None, None
    period = baseline = None
    for m in _CENSUS.finditer(sentence):
        if m.group(1):
            baseline = pv.CENSUS_DATES[m.group(2)]
        else:
            period = pv.CENSUS_DATES[m.group(2)]
    return period, baseline


_STATE_AFTER = re.compile(alternation(pv.STATE_AFTER_CUES))
_CLAUSE_END = re.compile(alternation(pv.CLAUSE_ENDS))
_WORK_DONE_AFTER = re.compile(alternation(pv.WORK_DONE_AFTER))


def stands_as_stated_after(measure: str, subject: str | None, unit: str | None, after: str) -> bool:
    """True for a count of things whose own clause goes on to say how they stand (120户全部脱贫).

    Counts of work (新建学校5所已投入使用) stay flows: the subject's verb of work decides first.
    """
    if measure != "level" or unit not in _ENTITY_UNITS_AND_ITEMS:
        return False
    subject = subject or ""
    if subject.startswith(_FLOW_STARTS) or _ACTION_START(subject):
        return False
    end = _CLAUSE_END.search(after)
    clause = after[: end.start()] if end else after
    return _STATE_AFTER.search(clause) is not None and _WORK_DONE_AFTER.search(clause) is None
