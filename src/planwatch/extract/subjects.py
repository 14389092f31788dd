"""Find the shortest phrase that names what a number measures (its subject)."""

from __future__ import annotations

import re
from functools import lru_cache

from planwatch.extract.lexicon import alternation, ending_with, prefix_matcher, starting_with, suffix_matcher
from planwatch.extract.vocabulary import cues
from planwatch.extract.vocabulary import periods as pv
from planwatch.extract.vocabulary import subjects as sv

# words after a number's span that do not start the noun it counts
NOT_A_NOUN_START: tuple[str, ...] = (
    *sv.NOT_A_NOUN_START,
)
_BRACKETS = re.compile(r"[（(][^（()）]{0,20}[）)]")
# brackets that change what is measured stay in the subject: 细颗粒物（PM2.5）, 固定资产投资（不含农户）;
# a gloss (GDP), a note (下同) or an aside with figures goes
_NAME_BRACKET = re.compile(r"[（(](?:[A-Za-z]+[0-9][A-Za-z0-9.]*|不?含[\u4e00-\u9fff]{1,8})[）)]")


def _drop_aside(m: re.Match[str]) -> str:
    return m.group(0) if _NAME_BRACKET.fullmatch(m.group(0)) else ""
_PERIOD_WORDS = re.compile(
    r"^(?:(?:19|20)[0-9]{2}[ 　]?年(?:度)?|[0-9]{1,2}[—–\-－~～至到][0-9]{1,2}月(?:份)?|[0-9]{1,2}月(?:末|底|份|当月)?|"
    r"到(?=(?:19|20)[0-9]{2}年|年底|年末)|上半年|下半年|一季度|前三季度|全年|年内|今年|去年|当年|当月|年初以来|今年以来|目前|截至目前|截至|到年底|年底|年末|"
    r"[前头](?:[0-9]{1,2}|[一二两三四五六七八九十]{1,2})个月|"
    + alternation(pv.YEAR_PARTS) + "|"
    r"[一二三四五六七八九十]{1,2}是|[（(][一二三四五六七八九十0-9]{1,2}[）)]|[0-9]{1,2}[、.．]|[①②③④⑤⑥⑦⑧⑨⑩])"
)
# a qualifier of the number before, left at the head of the next list item: 增长6%左右、社会消费品…
_LEFT_OVER_QUALIFIER = re.compile(
    "^(?:" + alternation(w for w in cues.QUALIFIERS_AFTER if w != "多") + ")[ 　]?[、，,；;和及与]"
)
_FRONT = re.compile(f"^(?:{alternation((*cues.SCOPE_WORDS, *sv.LEADING_FILLERS))})")
_RIGHT_STOP = re.compile(
    r"[，,。；;：:！？!?、\n“”\"（(0-9０-９]|分别|同比|增长|下降|实现|达到|完成|累计|均|比|超(?=[0-9])|近(?=[0-9])|中的"
)
_TRAIL_WORDS = tuple(
    sorted({*cues.LINK_VERBS, *cues.QUALIFIERS_BEFORE, *sv.TRAILING_FILLERS, "分别", "的"}, key=len, reverse=True)
)
_BASELINE_REF = (
    r"(?:上年|去年|同期|上年同期|去年同期|年初|一季度|前三季度|上半年|[0-9]{1,2}[—–\-－~～][0-9]{1,2}月|[0-9]{1,2}月)"
)
_BASELINE_TAIL = re.compile(
    rf"(?:(?:比|较|与|从|由)(?:(?:19|20)[0-9]{{2}}年{_BASELINE_REF}?|{_BASELINE_REF})(?:全年|底|末|同期)?(?:比重)?"
    rf"|是(?:(?:19|20)[0-9]{{2}}年|{_BASELINE_REF})(?:全年|同期)?的?"
    # 比“十三五”时期, 较十四五末: a five-year plan's span as the reference
    rf"|(?:比|较|与)[“\"]?(?:{alternation(pv.MULTI_YEAR_FRAMES)})[”\"]?(?:时期|期间|期末|末)?)$"
)
_TRAIL_END = suffix_matcher(_TRAIL_WORDS)
_ACTION_END = suffix_matcher(cues.ACTION_VERBS)
_ADVERB_END = suffix_matcher(sv.ADVERBS)
_QUALIFIER_AFTER = prefix_matcher(cues.QUALIFIERS_AFTER)
# a period written between the subject and its verb: 单位地区生产总值能耗一季度下降1.6% (比一季度 is a baseline)
_PERIOD_TAIL = re.compile(
    r"(?<![比较与同于])(?:" + alternation(pv.YEAR_PARTS)
    + r"|[0-9]{1,2}[—–\-－~～至到][0-9]{1,2}月(?:份)?|[0-9]{1,2}月(?:末|底|份|当月)|当月"
    + r"|(?:19|20)[0-9]{2}年(?:末|底)?)$"
)
# a qualifier with its reference before the number (不足计划的六成) is not part of the subject
_QUALIFIER_OF_TAIL = re.compile("(?:" + alternation(cues.QUALIFIERS_BEFORE_OF) + ")[^，,。；;、：:]{1,8}的$")
# after 累计, a verb of completing an amount: the words before 累计 name what it is of
_CUMULATIVE_KEEPS_HEAD = re.compile("(?:完成|实现|投入|下达|拨付|支付)")
_LEADING_ACTION = re.compile(
    f"^(?:(?:{alternation(sv.LEADING_ACTION_MODIFIERS)})*(?:{alternation(sv.LEADING_ACTION_VERBS)})"
    f"|(?:{alternation(sv.LEADING_ACTION_MODIFIERS)})+(?:{alternation(sv.MODIFIED_ACTION_VERBS)}))"
)
_REPORTING_VERB_INSIDE = re.compile(
    f"(?<=.)(?:{alternation(sv.REPORTING_VERBS)})"
    f"(?=(?:{alternation(sv.REPORTED_MEASURE_NOUNS)})(?:{alternation((*cues.GROWTH_NOUNS, '比重', '占比'))})?$)"
)
_TAIL_REACH = 24  # longer than any match of _BASELINE_TAIL, _PERIOD_TAIL or _RANK_TAIL
_RANK_TAIL = re.compile(rf"(?:双双|均|都|分别)?(?:{alternation(sv.RANK_TAIL_VERBS)})[^居从]{{0,8}}$")


@lru_cache(maxsize=8192)
def clean_left(segment: str, rank: bool = False) -> tuple[str, str | None]:
    """Strip periods, scopes and linking verbs from the words before a number.

    Returns the remaining phrase and the absolute-change verb stripped from its end, if any.
    """
    s = _LEFT_OVER_QUALIFIER.sub("", _BRACKETS.sub(_drop_aside, segment)).strip(" 　、，,—–-－~～")
    if "”" in s and "“" not in s.split("”")[-1]:
        s = s.rsplit("”", 1)[1] if s.count("“") < s.count("”") else s
    m = _QUALIFIER_OF_TAIL.search(s, max(0, len(s) - 16)) if s.endswith("的") else None
    if m is not None:
        s = s[: m.start()]
    change_verb = None
    for _ in range(10):
        m = _RANK_TAIL.search(s, max(0, len(s) - _TAIL_REACH)) if rank else None
        if m and m.group(0):
            s = s[: m.start()]  # 双双跃居, 从全国: the rank's verb and scope first, before 居 alone is cut
            continue
        word = _TRAIL_END(s)
        if word:
            if change_verb is None and word in sv.ABSOLUTE_CHANGE_VERBS:
                change_verb = word
            s = s[: -len(word)]
            continue
        lo = max(0, len(s) - _TAIL_REACH)  # these tails are short: only the end of ``s`` can hold one
        m = _BASELINE_TAIL.search(s, lo) or _PERIOD_TAIL.search(s, lo) or (_RANK_TAIL.search(s, lo) if rank else None)
        if m and m.group(0):
            s = s[: m.start()]
            continue
        break
    if "等" in s and s.rsplit("等", 1)[1] not in sv.ETC_SUMMING_NOUNS:
        s = s.rsplit("等", 1)[1]
    if "累计" in s:
        head, _, tail = s.rpartition("累计")
        if not (_CUMULATIVE_KEEPS_HEAD.match(tail) and len(_FRONT.sub("", head)) >= 2):
            s = tail  # 全市累计建成… → 建成…; 二期累计完成投资 keeps the project
    for _ in range(8):
        m = _PERIOD_WORDS.match(s) or _FRONT.match(s)
        if not m or not m.group(0):
            break
        s = s[m.end():]
    s = s.strip(" 　、，,\"")
    if s.count("“") != s.count("”"):
        s = s.replace("“", "").replace("”", "")
    return s, change_verb


_PLAN_SHARE = re.compile(
    rf"(?:完成|为|达到|占)(?:全年|年度|年)?(?P<word>{alternation(sv.PLAN_SHARE_WORDS)})(?:数|任务)?的?$"
)
_BASELINE_WORDS = re.compile(
    rf"(?:比|较)(?:(?:19|20)[0-9]{{2}}年(?:末|底)?|{_BASELINE_REF}(?:末|底)?)$"
)
_CHANGE_SUFFIX = re.compile(
    rf"(?:(?:比|较)(?:(?:19|20)[0-9]{{2}}年(?:末|底)?|{_BASELINE_REF}(?:末|底)?))?"
    rf"(?:{alternation(sv.ABSOLUTE_CHANGE_VERBS)})$"
)
_N_LABEL = re.compile("[一二两三四五六七八九十百千]+大")


COUNT_UNITS = frozenset(sv.COUNT_UNITS)
RESTATING_WORDS = frozenset(sv.RESTATING_WORDS)
RESTATED_GROWTH_SUBJECT = sv.RESTATED_GROWTH_SUBJECT
SPENT_ON = frozenset(sv.SPENT_ON)
_PURPOSE_LEAD = prefix_matcher(sv.PURPOSE_LEADS)
_PURPOSE_DONE = suffix_matcher(sv.PURPOSE_DONE)


def purpose_after(text: str, end: int) -> str:
    """What money written before its purpose was spent on: 投资920万元完成道路改造 → 道路改造."""
    window = text[end:end + 30].lstrip("的")
    lead = _PURPOSE_LEAD(window)
    if lead:
        window = window[len(lead):]
    m = _RIGHT_STOP.search(window)
    phrase = (window[: m.start()] if m else "").strip("”\"")
    done = _PURPOSE_DONE(phrase)
    if done and len(phrase) - len(done) >= 2:
        phrase = phrase[: -len(done)]  # 投资2599万元的某公路通车 → 某公路
    return phrase if len(phrase) >= 2 else ""
STREAK_WORDS = sv.STREAK_WORDS
AFTER_A_COUNT = frozenset(sv.AFTER_A_COUNT)


def plan_share(segment: str) -> str | None:
    """完成年度计划的 → "年度计划完成率"; None when the words before a percentage are no such share."""
    m = _PLAN_SHARE.search(segment.rstrip(" 　"), max(0, len(segment.rstrip(" 　")) - 12))
    if m is None:
        return None
    word = m.group("word")
    return f"{word}完成率" if word.startswith("调整") else f"年度{word}完成率"


def is_time_gap(segment: str) -> bool:
    """True for 高于时序进度 / 超时序进度 / 低于时序进度（75%）: a gap of the rate before to time elapsed."""
    tail = segment[-16:]
    return any(w in tail for w in sv.TIME_PROGRESS_GAP)


def time_progress_aside(text: str, start: int) -> str | None:
    """时序进度 when a number stands in brackets right after it (高于时序进度（75%）), else None."""
    before = text[max(0, start - 6):start]
    if not before.endswith(("（", "(")):
        return None
    return next((w for w in sv.TIME_PROGRESS_GAP if before[:-1].endswith(w)), None)


def baseline_words(segment: str, change_verb: str) -> str:
    """The reference written before an absolute change (较年初, 比上年): kept in its subject."""
    s = segment.rstrip(" 　")
    if change_verb and s.endswith(change_verb):
        s = s[: -len(change_verb)].rstrip(" 　")
    if s.endswith("同比"):
        return "同比"
    m = _BASELINE_WORDS.search(s, max(0, len(s) - 12))
    return m.group(0) if m else ""


def without_change(subject: str) -> str:
    """存款余额较年初增加 → 存款余额: the thing an absolute change was of (for the growth after it)."""
    m = _CHANGE_SUFFIX.search(subject, max(0, len(subject) - 16))
    return subject[: m.start()] if m and m.start() > 0 else subject


_PRODUCT_LIST = re.compile(alternation(sv.PRODUCT_LIST_CUES))


def done_of_plan(segment: str, planned: str) -> str | None:
    """棠岭区年度计划投资84.6亿元，仅完成45.3亿元 → 棠岭区完成投资; None when that is not the shape."""
    if segment.strip(" 　，,、；;") not in sv.DONE_WORDS or "计划" not in planned:
        return None
    for plan_word in ("年度计划", "全年计划", "计划"):
        if plan_word in planned:
            head, _, tail = planned.partition(plan_word)
            return f"{head}完成{tail}" if tail else f"{head}完成"
    return None


def rate_of_figure(segment: str) -> str | None:
    """完成率 when the words before a percentage are only such a rate (，完成率 / 资金到位率为), else None."""
    words = segment.strip(" 　，,、；;").removesuffix("为").removesuffix("达到").removesuffix("达")
    return words if words in sv.RATES_OF_A_FIGURE else None


def measured_thing(subject: str) -> str:
    """先进制造业项目完成投资 → 先进制造业项目投资: the thing a rate of the figure is of."""
    for verb in sv.FIGURE_VERBS:
        at = subject.rfind(verb)
        if at >= 0 and len(subject) - at - len(verb) >= 2:
            return subject[:at] + subject[at + len(verb):]
    return subject


def lists_products(text: str, sentence_start: int, start: int, unit: str | None) -> bool:
    """True inside a sentence that lists product outputs, for a physical quantity (not money, not a share)."""
    if unit in (None, "元", "美元", "%", "pp", "位"):
        return False
    return _PRODUCT_LIST.search(text, sentence_start, start) is not None


def as_output(subject: str) -> str:
    """锂离子电池 → 锂离子电池产量 (a product named bare in a list of outputs)."""
    return subject if subject.endswith(sv.OUTPUT_NOUNS) else subject + "产量"


_LABEL = re.compile(
    r"^(?:[（(][一二三四五六七八九十0-9]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、是]|[0-9]{1,2}[.．、])"
)
_NOT_WORDS = re.compile(r"[，,。；;：:、\s“”\"（）()]+")
_FALLBACK_TAIL = suffix_matcher(("已", "共", "有", "为", "达", "的", "已完成", "完成", "累计", "合计", "其中"))


def fallback(text: str, start: int) -> str | None:
    """Some words to name a number that no rule could name: the words of its line before it.

    Every gold fact names its subject, so a few words of context score better than nothing:
    （一）产业发展类。共72项 → 产业发展类.
    """
    lo = max(0, start - 40)  # a bounded look back: a 100,000-character line stays linear
    line = text[max(lo, text.rfind("\n", lo, start) + 1):start]
    line = _NOT_WORDS.sub("", _LABEL.sub("", line.strip()))
    for _ in range(3):
        tail = _FALLBACK_TAIL(line)
        if not tail:
            break
        line = line[: -len(tail)]
    line = line[-12:]
    return line if len(line) >= 2 else None


def named_share(subject: str) -> str:
    """民间投资占全部投资 → 民间投资占全部投资的比重: a share written 占X的N% is named as reports name it."""
    if "占" not in subject or subject.endswith(sv.SHARE_ENDINGS):
        return subject
    return subject.rstrip("的") + "的比重"


@lru_cache(maxsize=8192)
def tidy(subject: str) -> str:
    """The subject as written out: without the verb of doing that opens it or a reporting verb inside.

    建成老年食堂 → 老年食堂, 第一产业实现增加值 → 第一产业增加值. Applied last, after the period
    and modality rules have read the verb (提供…贷款 is a flow, the verb says so).
    """
    m = _LEADING_ACTION.match(subject)
    if m is not None and len(subject) - m.end() >= 2:
        subject = subject[m.end():]
        if subject.startswith(sv.KIND_WORDS) and len(subject) > 4:
            subject = subject[2:]  # 举办各类文化惠民演出 → 文化惠民演出
    if "、" in subject:
        # 绿色建材、精密机械、茶叶加工三大主导产业产值: the label names the thing, the list spells it out
        label = _N_LABEL.search(subject, subject.rfind("、"))
        if label is not None:
            subject = subject[label.start():]
    return _REPORTING_VERB_INSIDE.sub("", subject)


@lru_cache(maxsize=8192)
def is_only_action(phrase: str) -> bool:
    """True when a phrase is only a verb of doing (新增, 深入实施), so the subject follows the number."""
    if not phrase:
        return True
    rest = phrase
    for _ in range(4):
        word = _ACTION_END(rest)
        if not word:
            break
        rest = rest[: -len(word)]
        rest = rest.rstrip("并和")
        adverb = _ADVERB_END(rest)
        while adverb:
            rest = rest[: -len(adverb)]
            adverb = _ADVERB_END(rest)
    return rest == ""


def right_phrase(text: str, end: int, limit: int = 24) -> str:
    """The noun phrase right after a number's span (13家企业入选… → 企业入选…)."""
    window = text[end:end + limit]
    window = window.lstrip("的“\"")
    lead = _QUALIFIER_AFTER(window)
    if lead:
        window = window[len(lead):]
        if not window or not ("\u4e00" <= window[0] <= "\u9fff") or window[0] == "的":
            return ""  # 60万吨以上: nothing after the number names it
        # 推动50家以上规上企业…: the noun follows the qualifier
    m = _RIGHT_STOP.search(window)
    phrase = window[: m.start()] if m else window
    return phrase.strip("”\"")


_GROWTH_NOUN_END = suffix_matcher(cues.GROWTH_NOUNS)


def without_growth_noun(subject: str) -> str:
    """居民消费价格涨幅 → 居民消费价格: a growth's subject names the thing, not its rate of change."""
    noun = _GROWTH_NOUN_END(subject)
    if subject in sv.GROWTH_KEPT_WHOLE:
        return subject  # 经济增长5%: 经济 alone names nothing
    if subject + "增长" in sv.GROWTH_KEPT_WHOLE:
        return subject + "增长"  # 经济增长5% read as 经济 + 增长5%
    if noun and len(subject) > len(noun) + 1:
        return subject[: -len(noun)].rstrip("的")
    return subject


_CHANGE_VERB_END = suffix_matcher(sv.ABSOLUTE_CHANGE_VERBS)


def ends_with_change_verb(segment: str) -> bool:
    """True when the words before a number end with a verb of absolute change (增加, 缩小 …)."""
    return _CHANGE_VERB_END(segment) is not None


_SHARE_OF = re.compile("(?:" + alternation(w for w in cues.QUALIFIERS_AFTER if w != "多") + ")?的")


def share_of_following(text: str, end: int) -> str:
    """The noun a share is of when it stands before it: 30%以上的货运车辆接入监管平台 → 货运车辆接入监管平台."""
    m = _SHARE_OF.match(text, end)
    return right_phrase(text, m.end()) if m else ""


def is_generic(phrase: str) -> bool:
    """True for 金额, 数量, 整改率 …: a noun that needs the subject before it."""
    return phrase in sv.GENERIC_NOUNS


def split_structure(phrase: str, count: int) -> list[str] | None:
    """The parts of a structure ratio named by a split scope: 三次产业结构比 → 第一产业比重, 第二产业比重 …"""
    for scope, parts in sv.SPLIT_SCOPES.items():
        if scope in phrase and len(parts) == count:
            return [f"{p}比重" for p in parts]
    return None


_ORDINAL_ITEM = re.compile("^(第?)([一二三四五六七八九])(.*)$")


def _ordinal_series(items: list[str]) -> list[str] | None:
    """第一、二、三产业增加值 or 一、二、三产: numerals sharing the last item's noun, each its own subject."""
    if len(items) < 2:
        return None
    found = [_ORDINAL_ITEM.match(i) for i in items]
    if any(m is None for m in found) or any(m.group(3) for m in found[:-1]) or not found[-1].group(3):  # type: ignore[union-attr]
        return None
    tail = found[-1].group(3)  # type: ignore[union-attr]
    noun = next((full for short, full in sv.ORDINAL_SERIES_NOUNS.items() if tail.startswith(short)), None)
    if noun is None:
        return None
    rest = tail[len(next(short for short in sv.ORDINAL_SERIES_NOUNS if tail.startswith(short))):]
    return [f"第{m.group(2)}{noun}{rest}" for m in found]  # type: ignore[union-attr]


def split_list(phrase: str, count: int) -> list[str] | None:
    """Split a 分别 subject into ``count`` subjects sharing the last item's head noun.

    A written list splits first (对东盟、欧盟进出口 → 对东盟进出口, 对欧盟进出口); only a phrase with no
    list of that length splits on a two-part scope word (城乡居民收入 → 城镇…, 农村…).
    """
    items = [i for i in re.split(r"[、和及与]", phrase) if i]
    series = _ordinal_series(items)
    if series is not None and len(series) == count:
        return series  # 第一、二、三产业增加值 → 第一产业增加值, 第二产业增加值, 第三产业增加值
    if len(items) != count:
        for scope, parts in sv.SPLIT_SCOPES.items():
            if scope in phrase and len(parts) == count:
                head, _, tail = phrase.partition(scope)
                return [f"{head}{p}{tail}" for p in parts]
        return None
    head = ending_with(sv.HEAD_NOUNS, items[-1]) or ""
    if len(items[0]) == 2 and len(items[-1]) > 4 and all(len(i) == 2 for i in items[:-1]):
        head = items[-1][2:]  # 城镇和农村居民人均可支配收入: items are two-character scopes
    if "等" in items[-1]:
        before, _, after = items[-1].partition("等")
        head = ending_with(sv.HEAD_NOUNS, after) or head
        items[-1] = before + head
    prefix = starting_with(("对", "向", "从", "在"), items[0]) or ""
    out = []
    for i, item in enumerate(items):
        name = item
        if i and prefix and not name.startswith(prefix):
            name = prefix + name
        if head and not name.endswith(head):
            name += head
        out.append(name)
    return out


_SCOPE_PREPOSITIONS = ("对", "向")


def list_before_etc(segment: str, subject: str) -> str | None:
    """The 分别 list a subject lost at 等: 对东盟、非洲等新兴市场进出口 → that whole phrase, else None.

    ``clean_left`` keeps what follows 等 (水泥、钢材等产品产量 → 产品产量), right for one figure; a
    分别 list of figures needs the items before 等 back, one subject each.
    """
    if "等" not in segment:
        return None
    items = clean_left(segment.rsplit("等", 1)[0])[0]
    if "、" not in items:
        return None
    first, _, rest = items.partition("、")
    at = max(first.rfind(p) for p in _SCOPE_PREPOSITIONS)
    if at > 0:
        first = first[at:]  # 江川市对东盟: the list is of partners, the place is the reporter
    return f"{first}、{rest}等{subject}"
