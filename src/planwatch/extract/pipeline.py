"""``extract_facts``: report text in, facts out (facts-schema.md).

Steps, each linear in the text: scan every number once (``scanner``), drop what is not a
fact (``notfacts``), link lists, ranges and structure ratios so bare numbers share a unit,
then read each number's measure, subject, period and modality from bounded windows around
it and from the document context computed once (``context``).
"""

from __future__ import annotations

import gc
import re
from dataclasses import dataclass

from planwatch.extract import measures, periods, subjects
from planwatch.extract.context import DocumentContext, build_context
from planwatch.extract.facts import Fact
from planwatch.extract.indicators import indicator_of
from planwatch.extract.notfacts import is_not_a_fact, title_span
from planwatch.extract.scanner import Candidate, scan
from planwatch.extract.vocabulary import cues
from planwatch.extract.vocabulary import not_facts as nv
from planwatch.extract.vocabulary import units as uv

_LINK = re.compile(r"^[ 　]?(?:[、和及与—–\-－~～至到]|以及)[ 　]?$")
_CHAIN = re.compile(r"^[：:]$")
# an index number: 指数, an optional base in brackets and period, then 为/是/达到 (or nothing)
_INDEX_CONTEXT = re.compile(
    r"指数(?:[（(][^（）()]{0,14}[）)])?(?:[0-9]{1,2}[—–\-－~～][0-9]{1,2}月(?:份)?|[0-9]{1,2}月(?:份)?|上半年|全年)?"
    r"(?:为|是|达到|达)?$"
)
# 是2020年的2.3倍, 相当于上年的1.5倍: a multiple of a level, so the growth is one less
_TIMES_OF = re.compile(r"(?:是|为|相当于|达到)[^，,。；;]{0,14}的$")
_MONTH_RANGE_AFTER = re.compile(r"[—–\-－~～][0-9]{1,2}月")
# 收入比由上年的2.09缩小到2.04, 之比由2020年的1.99: the first number of a ratio's change
_RATIO_FROM = re.compile(r"比(?:由|从)(?:(?:上年|去年|(?:19|20)[0-9]{2}年(?:末|底)?)的?)?$")
_PEOPLE_AFTER = tuple(sorted(uv.PEOPLE_NOUNS, key=len, reverse=True))
_NOT_RANK_AFTER = frozenset("个批次家届轮期名季")  # 第4个, 首批: ordinals, not ranks
_CHANGES = ("growth", "change_pp")
_RANGE_GAP = re.compile(rf"^[ 　]?[{re.escape(nv.RANGE_SEPARATORS)}][ 　]?$")
_QUALIFIER_WORDS = sorted({*cues.QUALIFIERS_AFTER}, key=len, reverse=True)
_STRETCH = re.compile(
    rf"^(?:{'|'.join(map(re.escape, _QUALIFIER_WORDS))})?[，,、]?(?:{'|'.join(map(re.escape, cues.STRETCH_WORDS))})"
    r"(?:达到|达|实现)?$"
)
# the X of 从X提高到Y, with the time written for X: 从38%, 由年初的46家, 从2020年末的8.6万人
_FROM_PART = re.compile(r"(?:从|由)[ 　]?([^，,。；;从由的]{0,10}?)的?[ 　]?$")
_RATIO_OF_TWO = ("比为", "比是", "之比为", "比缩小到", "比缩小至", "比下降到", "比降至", "比为1：", "比由", "比从")
# 收入比由2.09缩小到1.98: after a ratio without unit, the number a verb of reaching leads to is the same ratio
_REACHED_RATIO_BEFORE = ("缩小到", "缩小至", "下降到", "降至", "降到", "提高到", "上升到", "扩大到", "为")


@dataclass(slots=True)
class Reading:
    """A candidate being read into a fact."""

    c: Candidate
    unit: str | None
    value: float
    measure: str = "level"
    subject: str | None = None
    qualifier: str | None = None
    baseline: str | None = None
    period: str | None = None
    modality: str = "actual"
    run: int = -1  # index of the list run it belongs to
    segment: str = ""
    sentence_start: int = 0  # start of the sentence holding the number (ctx.sentence_start)
    from_part: bool = False  # the X of 从X提高到Y
    stretch: bool = False  # a stretch goal after a goal (增长3%左右、力争4%): the same figure's
    aside: bool = False  # a reference in brackets (时序进度（75%）): not the figure the next one follows


def extract_facts(source: object) -> list[Fact]:
    """Return every quantitative fact of a report, in text order.

    ``source`` is the text itself or a ``planwatch.documents.Document`` (anything with ``.text``).
    Spans are offsets into exactly that text.
    """
    text = source if isinstance(source, str) else getattr(source, "text", None)
    if not isinstance(text, str):
        raise TypeError("extract_facts needs a str or a Document with .text")
    # Extraction allocates many small acyclic objects and frees them by reference counting; the
    # cyclic collector would only re-walk them (a few to 25 % of the time on long texts).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _extract(text, getattr(source, "metadata", None))
    finally:
        if collecting:
            gc.enable()


def _extract(text: str, metadata: object) -> list[Fact]:
    ctx = build_context(text, metadata)  # type: ignore[arg-type]
    marks = periods.PeriodMarks(text)
    title_start, title_end = title_span(text)
    cands = [c for c in scan(text) if not (title_start <= c.start < title_end) and not is_not_a_fact(c, text)]
    runs = _link_runs(cands, text)
    readings: list[Reading] = []
    for i, c in enumerate(cands):
        r = _read(c, i, cands, runs, text, ctx, marks, readings)
        if r is not None:
            readings.append(r)
    _share_list_attributes(readings, text)
    return [_to_fact(r, text) for r in readings]


MAX_RUN = 24  # a list longer than this is not a list of figures (and keeps runs bounded)


@dataclass(slots=True)
class Runs:
    """List and range runs over the candidates, computed once (15万、18万人次; 1—2列; 3.9：59.5：36.6)."""

    run_of: list[int]  # candidate index -> run id (the index of its first member)
    donor: list[int]  # candidate index -> index of the next member with a unit, or -1
    chain: dict[int, bool]  # run id -> True when the run is a bare A：B：C structure ratio
    total: dict[int, float]  # run id -> sum of the members' numbers


def _link_runs(cands: list[Candidate], text: str) -> Runs:
    n = len(cands)
    run_of = list(range(n))
    chain_gap = [False] * n  # the gap before candidate i is a ratio colon (A：B)
    size = 1
    link, chain_link = _LINK.match, _CHAIN.match
    for i in range(1, n):
        lo, hi = cands[i - 1].end, cands[i].start
        linked = False
        if hi - lo <= 4:  # a link is at most 以及 between two spaces
            gap = text[lo:hi]
            chain_gap[i] = chain_link(gap) is not None
            linked = chain_gap[i] or link(gap) is not None
        if linked and size < MAX_RUN:
            run_of[i] = run_of[i - 1]
            size += 1
        else:
            size = 1
    donor = [-1] * n
    nxt = -1
    for i in range(n - 1, -1, -1):
        if i + 1 < n and run_of[i + 1] != run_of[i]:
            nxt = -1
        donor[i] = nxt
        if cands[i].unit_text:
            nxt = i
    chain: dict[int, bool] = {}
    total: dict[int, float] = {}
    for i in range(n):
        r = run_of[i]
        is_chain_link = i == r or chain_gap[i]
        chain[r] = chain.get(r, True) and is_chain_link and not cands[i].unit_text
        total[r] = total.get(r, 0.0) + cands[i].number
    for i in range(n):
        if i == run_of[i] and (i + 1 >= n or run_of[i + 1] != i):
            chain[i] = False  # a single number is no chain
    return Runs(run_of, donor, chain, total)


def _read(c: Candidate, i: int, cands: list[Candidate], runs: Runs, text: str, ctx: DocumentContext,
          marks: periods.PeriodMarks, done: list[Reading]) -> Reading | None:
    """Read candidate ``i`` into a fact, or None when its context shows it is not one.

    ``segment`` is the run-up to the number since the clause start or the previous fact; the
    subject, measure cues and qualifiers are read there, periods and modality in the sentence.
    """
    start = c.start
    prev = done[-1] if done else None
    if prev is not None and prev.aside:
        prev = done[-2] if len(done) > 1 else None
    prev_end = prev.c.end if prev is not None else 0
    own_clause = ctx.clause_start(start)
    clause_start = max(own_clause, prev_end if prev_end <= start else 0)
    segment = text[clause_start:start]
    full_clause = text[own_clause:start]
    after = text[c.end:c.end + 8]
    unit, factor, number = c.unit, c.factor, c.number
    r: Reading | None = None

    if c.kind == "rank":
        if not (measures.has_rank_verb(full_clause) or measures.has_rank_verb(segment)):
            return None
        if after[:1] in _NOT_RANK_AFTER or after.startswith(cues.TIER_AFTER):
            return None  # 第4个, 首批, 第一季度: ordinals; 第一方阵, 第一梯队: tiers
        r = Reading(c, "位", number, "rank")
    elif c.kind == "double":
        r = Reading(c, "%", number, "growth")
    elif c.kind == "pct":
        r = Reading(c, "%", number)
    elif c.kind == "frac":
        arabic = "/" in text[c.start:c.end]
        if arabic and not (any(w in full_clause for w in ("占", "比重", "比例", "的", "约", "近", "超"))
                           or text.startswith("的", c.end)):
            return None
        r = Reading(c, "%", number, "ratio")
    elif not c.unit_text:
        r = _read_bare(c, i, cands, runs, text, segment)
        if r is None:
            r = _change_of_plain_ratio(c, segment, prev, ctx.sentence_start(start))
        if r is None:
            r = _reached_plain_ratio(c, segment, prev, ctx.sentence_start(start))
        if r is None:
            return None
    else:
        r = Reading(c, unit, number * factor)

    sentence_start = ctx.sentence_start(start)
    own = segment.strip(" 　、和及与—–-－~～至到")
    stretch = (prev is not None and prev.sentence_start == sentence_start and r.unit == prev.unit == "%"
               and _STRETCH.match(segment) is not None)
    if ((stretch or (prev is not None and prev.run == runs.run_of[i] and not own)) and prev is not None
            and r.unit == prev.unit and prev.measure in ("growth", "change_pp", "ratio")):
        r.measure = prev.measure  # 增长5%—5.5%, 增长3%左右、力争4%: the second is the same figure's
        r.stretch = stretch
        if prev.measure != "ratio" and prev.value < 0 < r.value:
            r.value = -r.value
    elif r.measure == "level" and r.unit in ("%", "‰", "pp", cues.MULTIPLE_UNIT, cues.TENTH_UNIT):
        elliptic = (r.unit == "pp" and prev is not None and prev.measure == "change_pp"
                    and not subjects.clean_left(segment)[0]
                    and prev.sentence_start == sentence_start)
        # “降幅比同期收窄2.6个百分点，比去年全年收窄4个百分点”: the second reads with the first's noun
        _set_percent_measure(r, prev.segment + segment if elliptic and prev else segment, full_clause, after)
    r.segment = segment
    r.sentence_start = sentence_start
    r.run = runs.run_of[i]
    before = text[max(0, start - 4):start]
    r.qualifier = measures.qualifier(before, after[:3], c.approx_inside, segment)
    _set_subject(r, text, segment, prev, sentence_start)
    if not r.subject:
        r.subject = subjects.fallback(text, start)
    if r.measure == "level" and r.subject and subjects.lists_products(text, ctx.full_sentence_start(start), start,
                                                                      r.unit):
        r.subject = subjects.as_output(r.subject)  # 从主要产品看，…；锂离子电池1.37亿只 → 锂离子电池产量
    aside = subjects.time_progress_aside(text, start)
    if aside and r.unit == "%":
        r.measure, r.subject, r.aside = "ratio", aside, True  # 高于时序进度（75%）: the time elapsed
    if r.measure == "growth" and r.subject:
        r.subject = subjects.without_growth_noun(r.subject)
    section = ctx.section_at(start)
    frame = ctx.frame_at(start)
    if frame is not None and frame.section is not None:
        section = frame.section  # the passage's own words set its frame (这五年, 今年…主要预期目标是)
    r.modality = periods.modality_of(ctx, start, text[sentence_start:start], full_clause, section, own_clause)
    if frame is not None and frame.kind == "plan_goals":
        r.modality = "target"  # 十五五时期…年均增长5%左右: a new plan states goals
    elif (r.modality == "plan" and section is not None and section.future
          and periods.is_outcome_goal(r.measure, r.subject, full_clause, text[sentence_start:start],
                                      indicator_of(r.subject, r.measure) is not None)):
        r.modality = "target"  # in the year's work, 社会消费品零售总额增长4%左右 is the indicator's goal
    if periods.names_a_goal_after(text, c.end):
        r.modality = "target"  # 距2025年达到16亿元的目标, 年均增长9%的规划目标
        if not r.subject or subjects.is_only_action(r.subject) or r.subject in subjects.RESTATING_WORDS:
            r.subject = _restated_subject(r, done)  # 确定5.5%左右的增长目标: the goal stated before
    lead = section.lead if section else ctx.lead
    r.baseline = measures.baseline(full_clause, r.measure, lead.year) if r.measure in _CHANGES else None
    from_part = _FROM_PART.search(segment)
    r.from_part = from_part is not None
    when = from_part.group(1) if from_part is not None else ""
    if from_part is not None and (not when or when in cues.RANK_SCOPES):  # 从全国第12位: a scope, no time
        r.period = periods.start_of_frame(ctx, marks, start)
    elif from_part is not None and "年初" in when and lead.year:
        r.period = f"{lead.year - 1}-12-31"  # 从年初的46家: the state when the year began
    else:
        # 从2020年末的8.6万人增加到11.2万人: the date written for X does not date Y
        to_part = prev is not None and prev.from_part and prev.sentence_start == sentence_start
        r.period = periods.period_of(ctx, marks, start, r.measure, r.subject, segment, r.modality,
                                     money=r.unit in ("元", "美元"), section=section, clause_lo=own_clause,
                                     unit=r.unit, not_before=prev.c.end if to_part and prev else 0)
        r.period = periods.widen_to_baseline(r.period, r.baseline)
        if (r.modality == "actual" and lead.year and r.period == lead.interval
                and periods.stands_as_stated_after(r.measure, r.subject, r.unit, text[c.end:c.end + 24])):
            r.period = lead.end_date  # 贫困户120户全部脱贫, 8条主干道已完成改造: how things stand
        if r.measure == "rank" and prev is not None and prev.subject == r.subject and not prev.from_part:
            r.period = prev.period  # a rank of a figure refers to the figure's own time
    if frame is not None and frame.kind in ("plan_review", "plan_goals") and r.modality != "plan" \
            and not periods.written_in(marks, sentence_start, start, own_clause):
        stock = periods.is_stock(r.measure, r.subject, segment, r.unit)
        if r.period is not None and frame.kind == "plan_review":
            r.period = lead.end_date if stock else lead.interval  # the frame's words (五年来) set no period here
        r.period, r.baseline = periods.in_content_frame(frame, r.period, r.measure, r.baseline, stock, r.unit,
                                                        r.subject, segment, full_clause, r.from_part,
                                                        subjects.right_phrase(text, c.end) or "")
    if (prev is not None and prev.sentence_start == sentence_start and prev.measure == r.measure == "level"
            and prev.unit == r.unit and segment.lstrip(" 　，,").startswith(periods.PART_WORDS)):
        r.period = prev.period  # 累计推出259项，其中56项: the part is of the same time as the whole
    if r.modality == "actual":
        census, census_base = periods.census_frame(text[max(sentence_start, start - 160):start])
        if census is not None:
            r.period = census  # “五经普”从业人员比“四经普”增长29.8%: as at the census
            if r.measure in _CHANGES and census_base is not None:
                r.baseline = census_base
    if ctx.plan_frame is not None:
        written = marks.last_between(own_clause, start, own_clause) is not None
        stock = periods.is_stock(r.measure, r.subject, segment, r.unit)
        r.period = periods.in_plan_frame(r.period, r.modality, r.measure, r.baseline, ctx.plan_frame, lead,
                                         stock, written)
    if r.modality == "actual" and lead.year and lead.last < 12 and periods.counts_year_list(text, c.end, r.unit):
        r.modality, r.period = "plan", f"{lead.year}-01/{lead.year}-12"  # 15件重点民生实事 in a 1—6月 report
    return r


def _restated_subject(r: Reading, done: list[Reading]) -> str | None:
    """The subject of the goal a restatement repeats (same value and measure, stated earlier), else its noun."""
    for earlier in reversed(done[-60:]):
        if earlier.modality == "target" and earlier.measure == r.measure and earlier.value == r.value:
            return earlier.subject
    return subjects.RESTATED_GROWTH_SUBJECT if r.measure == "growth" else r.subject


def _read_bare(c: Candidate, i: int, cands: list[Candidate], runs: Runs, text: str, segment: str) -> Reading | None:
    """A number written without a unit: a list member, a structure ratio, an index or a head count."""
    run = runs.run_of[i]
    if runs.chain.get(run):
        total = runs.total[run]
        unit = "%" if 95 <= total <= 105 else None
        return Reading(c, unit, c.number, "ratio")
    if runs.donor[i] >= 0:
        donor = cands[runs.donor[i]]
        if donor.unit in ("年", "日"):
            return None
        number = c.number
        if not c.has_magnitude and donor.has_magnitude and c.kind == "arabic":
            number *= donor.magnitude
        return Reading(c, donor.unit, number * donor.factor)
    stripped = segment.rstrip(" 　")
    if _INDEX_CONTEXT.search(stripped, max(0, len(stripped) - 30)) and not _MONTH_RANGE_AFTER.match(text, c.end):
        return Reading(c, "指数", c.number)  # 价格指数（上年=100）为101.6, 出厂价格指数1—5月为98.1
    if c.has_magnitude and _counts_people(text, c.end):
        return Reading(c, "人", c.number)  # 420万困难群众, 3000多万皖北地区群众: people, no measure word
    if stripped.endswith(_RATIO_OF_TWO) or _RATIO_FROM.search(stripped, max(0, len(stripped) - 16)):
        return Reading(c, None, c.number, "ratio")
    return None


_PEOPLE_NEAR = re.compile(
    f"[^{re.escape(uv.PEOPLE_GAP_STOPS)}]{{0,{uv.PEOPLE_GAP}}}?(?:" + "|".join(map(re.escape, _PEOPLE_AFTER)) + ")"
)


def _counts_people(text: str, end: int) -> bool:
    """A bare 万-count followed, after a short description, by a noun of people."""
    if text.startswith(_PEOPLE_AFTER, end):
        return True
    return _PEOPLE_NEAR.match(text, end, end + uv.PEOPLE_GAP + 4) is not None


def _change_of_plain_ratio(c: Candidate, segment: str, prev: Reading | None, sentence_start: int) -> Reading | None:
    """城乡居民收入比为2.17，比上年缩小0.06: the change of a ratio without unit is an absolute change."""
    if prev is None or prev.unit is not None or prev.measure != "ratio" or prev.sentence_start != sentence_start:
        return None
    if not subjects.ends_with_change_verb(segment.rstrip(" 　")):
        return None
    return Reading(c, None, c.number)


def _reached_plain_ratio(c: Candidate, segment: str, prev: Reading | None, sentence_start: int) -> Reading | None:
    """城乡居民收入比由2.09缩小到1.98: the second number is the ratio again, reached."""
    if prev is None or prev.unit is not None or prev.measure != "ratio" or prev.sentence_start != sentence_start:
        return None
    if not segment.rstrip(" 　").endswith(_REACHED_RATIO_BEFORE):
        return None
    return Reading(c, None, c.number, "ratio")


def _set_percent_measure(r: Reading, segment: str, clause: str, after: str) -> None:
    """Percentages, points, 倍 and 成: growth or ratio, with the sign the cue words give."""
    window = segment if segment.strip(" 、") else clause
    if r.unit == "pp":
        r.measure = "change_pp"
        r.value = r.value * measures.pp_sign(window)
        return
    if r.unit == cues.MULTIPLE_UNIT:
        if _TIMES_OF.search(segment.rstrip(" 　"), max(0, len(segment.rstrip(" 　")) - 20)):
            r.measure, r.unit, r.value = "growth", "%", (r.value - 1) * 100  # 是2020年的2.3倍: up 130%
            return
        sign = measures.change_sign(window) or 1
        r.measure, r.unit, r.value = "growth", "%", r.value * 100 * sign
        return
    if r.unit == cues.TENTH_UNIT:
        r.measure, r.unit, r.value = "ratio", "%", r.value * 10
        return
    measure, sign = measures.percent_measure(window, after)
    r.measure = measure
    r.value = r.value * sign


def _set_subject(r: Reading, text: str, segment: str, prev: Reading | None, sentence_start: int) -> None:
    phrase, change_verb = subjects.clean_left(segment, rank=r.measure == "rank")
    same_sentence = prev is not None and prev.sentence_start == sentence_start
    if prev is not None and same_sentence and (r.stretch or (prev.run == r.run and _RANGE_GAP.match(segment))):
        r.subject = prev.subject  # 增长6%至6.5%, 增长3%左右、力争4%: one figure's range or stretch goal
        return
    if prev is not None and same_sentence and _set_subject_from_before(r, segment, phrase, prev):
        return
    if phrase in subjects.SPENT_ON and r.unit in ("元", "美元"):
        purpose = subjects.purpose_after(text, r.c.end)
        if purpose:
            r.subject = purpose + phrase  # 投资1100万元新建污水管线 → 新建污水管线投资
            return
    if phrase.startswith("占") and prev is not None and same_sentence:
        r.subject = (prev.subject or "") + phrase
        return
    if r.measure == "level" and r.unit not in uv.DURATION_UNITS and _premodifies(text, r.c.end):
        right = subjects.right_phrase(text, r.c.end)
        if right:
            r.subject = right
            return
    if r.measure == "ratio" and subjects.is_only_action(phrase):
        share_of = subjects.share_of_following(text, r.c.end)  # 推动30%以上的货运车辆接入平台
        if share_of:
            r.subject = share_of
            return
    if subjects.is_generic(phrase) and prev is not None and same_sentence and r.measure != "change_pp":
        r.subject = _base_subject(prev.subject) + phrase
        return
    if phrase and not subjects.is_only_action(phrase):
        if change_verb and r.unit not in ("%", "pp"):
            phrase += subjects.baseline_words(segment, change_verb) + change_verb  # 税收收入比上年增加
        if r.measure == "change_pp" and phrase in ("增速", "降幅", "增幅", "涨幅", "比重") and prev is not None:
            r.subject = _base_subject(prev.subject) + ("比重" if phrase == "比重" else "增速")
            return
        r.subject = phrase
        return
    if r.measure in ("growth", "change_pp", "ratio", "rank") and prev is not None and same_sentence:
        base = subjects.without_change(prev.subject or "") if prev.measure == "level" else prev.subject
        if r.measure == "change_pp" and any(w in segment for w in ("增速", "降幅", "增幅")):
            base = _base_subject(base) + "增速"
        r.subject = base
        return
    if not phrase and change_verb and prev is not None and same_sentence and r.unit not in ("%", "pp"):
        # 余额…，较年初增加412亿元
        r.subject = _base_subject(prev.subject) + subjects.baseline_words(segment, change_verb) + change_verb
        return
    right = subjects.right_phrase(text, r.c.end)
    if not right and not phrase and prev is not None and same_sentence:
        r.subject = prev.subject
        return
    if right:
        r.subject = right
    elif phrase:
        r.subject = phrase
    elif prev is not None and same_sentence:
        r.subject = prev.subject


def _set_subject_from_before(r: Reading, segment: str, phrase: str, prev: Reading) -> bool:
    """Subjects named by the figure before in the sentence; True when one was set.

    完成年度计划的73.5% → <prev>年度计划完成率; 低于时序进度1.5个百分点 → the completion rate's own
    subject; 实施重点项目168个，完成投资203.5亿元 → 重点项目完成投资.
    """
    if r.measure == "ratio":
        share = subjects.plan_share(segment)
        if share:
            r.subject = _base_subject(subjects.without_change(prev.subject or "")) + share
            return True
    if r.c.start == prev.c.end and r.measure == prev.measure == "level" and prev.subject:
        r.subject = prev.subject  # 贫困户301户611人: two counts of one thing, written back to back
        return True
    if r.unit in uv.DURATION_UNITS and segment.rstrip(" 　").endswith(subjects.STREAK_WORDS):
        r.subject = prev.subject  # 肉牛出栏23.6万头，连续六年居全省首位: the streak is the figure's
        return True
    done = subjects.done_of_plan(segment, prev.subject or "") if prev.measure == "level" else None
    if r.measure == "level" and done and r.unit == prev.unit:
        r.subject = done  # 年度计划投资186.2亿元，完成138.5亿元 → 完成投资
        return True
    rate = subjects.rate_of_figure(segment)
    if (r.measure == "ratio" and rate and prev.measure == "level" and prev.subject
            and prev.unit not in subjects.COUNT_UNITS):
        r.subject = subjects.measured_thing(prev.subject) + rate  # 完成投资286.7亿元，完成率70.2% → …投资完成率
        return True
    if r.measure == "change_pp" and prev.measure == "ratio" and subjects.is_time_gap(segment):
        r.subject = prev.subject
        return True
    if (prev.measure == "level" and prev.unit in subjects.COUNT_UNITS and phrase in subjects.AFTER_A_COUNT
            and prev.subject):
        word = "完成投资" if phrase == "投资" and "完成" in segment else phrase
        r.subject = prev.subject + word
        return True
    return False


def _premodifies(text: str, end: int) -> bool:
    """True when a count stands before its noun (13家企业入选…): the next character starts a noun."""
    nxt = text[end:end + 2]
    if not nxt or not ("\u4e00" <= nxt[0] <= "\u9fff" or nxt[0] in "“\"《"):
        return False
    return not nxt.startswith(subjects.NOT_A_NOUN_START)


def _base_subject(subject: str | None) -> str:
    s = subject or ""
    for suffix in ("增速", "比重"):
        if s.endswith(suffix):
            s = s[: -len(suffix)]
    return s


def _share_list_attributes(readings: list[Reading], text: str) -> None:
    """Members of a list share the last member's trailing qualifier, and 分别 lists split subjects."""
    by_run: dict[int, list[Reading]] = {}
    position = {id(r): k for k, r in enumerate(readings)}
    for r in readings:
        by_run.setdefault(r.run, []).append(r)
    for members in by_run.values():
        if len(members) < 2:
            continue
        last_q = members[-1].qualifier
        after_last = text[members[-1].c.end:members[-1].c.end + 3]
        if last_q and measures.qualifier("", after_last, False) == last_q:
            for m in members[:-1]:
                if m.qualifier is None:
                    m.qualifier = last_q
        first = members[0]
        if any(m.measure != first.measure for m in members):
            continue
        if first.measure == "ratio" and all(m.c.unit_text is None for m in members):
            parts = subjects.split_structure(first.subject or "", len(members))
            if parts is not None:  # 三次产业结构比为14.4：37.9：47.7 → 第一产业比重 …
                for m, p in zip(members, parts, strict=True):
                    m.subject = p
                continue
        for m in members[1:]:
            if m.measure == "rank" or not subjects.clean_left(m.segment)[0]:
                m.subject = first.subject
        if "分别" in first.segment or "分别" in text[max(0, first.c.start - 12):first.c.start]:
            _split_subjects(members, readings, position)
            for m in members[1:]:
                # 入园率分别达到96.4%和50.2%: one verb, one time for every member of the list
                m.period, m.modality = first.period, first.modality


def _split_subjects(members: list[Reading], readings: list[Reading], position: dict[int, int]) -> None:
    parts = subjects.split_list(members[0].subject or "", len(members))
    if parts is None:
        whole = subjects.list_before_etc(members[0].segment, members[0].subject or "")
        parts = subjects.split_list(whole, len(members)) if whole else None
    if parts is not None:
        for m, p in zip(members, parts, strict=True):
            m.subject = p
        return
    # 分别增长23.0%、11.6% after two levels: each growth follows its level
    idx = position[id(members[0])]
    earlier = readings[max(0, idx - len(members)):idx]
    if len(earlier) == len(members) and all(e.measure == "level" for e in earlier):
        for m, e in zip(members, earlier, strict=True):
            m.subject = e.subject


def _subject_of(r: Reading) -> str | None:
    if not r.subject:
        return None
    subject = subjects.tidy(r.subject)
    return subjects.named_share(subject) if r.measure == "ratio" else subject


def _to_fact(r: Reading, text: str) -> Fact:
    s, e = r.c.start, r.c.end
    value = float(r.value)
    subject = _subject_of(r)
    if not (value.is_integer() and -1e12 < value < 1e12):  # an integer of ≤ 12 digits is already exact
        value = float(f"{value:.12g}")
    return Fact(
        span=(s, e),
        text=text[s:e],
        subject=subject,
        measure=r.measure,
        value=value,
        unit=r.unit,
        period=r.period,
        modality=r.modality,
        qualifier=r.qualifier,
        baseline=r.baseline if r.measure in ("growth", "change_pp") else None,
        indicator=indicator_of(subject, r.measure),
    )

