"""Reject candidates that are not facts: dates, ordinals, codes, names, specs, thresholds."""

from __future__ import annotations

import re

from planwatch.extract.lexicon import alternation, prefix_matcher, suffix_matcher
from planwatch.extract.scanner import Candidate
from planwatch.extract.vocabulary import cues
from planwatch.extract.vocabulary import not_facts as nf
from planwatch.extract.vocabulary import units as uv

_S_NF_LABEL_BEFORE = suffix_matcher(nf.LABEL_BEFORE)
_S_UV_CHINESE_BACK_REFERENCES = suffix_matcher(uv.CHINESE_BACK_REFERENCES)
_P_CUES_QUALIFIERS_AFTER = prefix_matcher(cues.QUALIFIERS_AFTER)
_P_NF_CHINESE_CI_NOT_AFTER = prefix_matcher(nf.CHINESE_CI_NOT_AFTER)
_P_NF_CHINESE_WORD_AFTER = prefix_matcher(nf.CHINESE_WORD_AFTER)
_P_NF_LABEL_AFTER = prefix_matcher(nf.LABEL_AFTER)
_P_NF_THRESHOLD_AFTER = prefix_matcher(nf.THRESHOLD_AFTER)
_S_CUES_ACTION_VERBS = suffix_matcher(cues.ACTION_VERBS)
_PUNCT = set("，,。；;、：:！？!?）)】」』”’\n ")


_DIGIT_CHARS = frozenset("0123456789０１２３４５６７８９.．")
_ASCII_DIGITS = frozenset("0123456789")
_CODE = frozenset(nf.CODE_NEIGHBOUR_CHARS)
_OPEN_QUOTES = frozenset(nf.OPEN_QUOTES)
_DURATION = frozenset(uv.DURATION_UNITS)
_AGE = frozenset(nf.AGE_UNITS)
_CAPACITY = frozenset(nf.CAPACITY_UNITS)
_COUNTED = frozenset(nf.COUNT_CLASSIFIERS)
_LABEL_JOINERS = frozenset(("+", "＋", "·", "•", "级", "强", "佳", "方"))  # 5+, 3·15, 5A级 … after a label


def is_not_a_fact(c: Candidate, text: str) -> bool:
    """True when the words around ``c`` show it is not a reported quantity.

    The checks are independent (any one rejects); the cheap character tests come first.
    """
    if c.kind == "rank":
        return False  # ranks are checked against their clause later
    start, num_end, end = c.start, c.num_end, c.end
    unit, unit_text = c.unit, c.unit_text
    before = text[max(0, start - 6):start]
    b1 = before[-1:]
    if b1:
        if b1 in _DIGIT_CHARS and c.kind in ("arabic", "frac"):
            return True
        if not unit_text and b1 in _CODE:
            return True
        if unit_text and b1 in _OPEN_QUOTES:
            return True
    after = text[end:end + 6]
    a1 = after[:1]
    if a1 and (a1 in _CODE or (not unit_text and a1 in _ASCII_DIGITS)):
        return True
    if not unit_text:
        after_num = after if num_end == end else text[num_end:num_end + 6]
        if after_num[:1] in _CODE and after_num[:1]:
            return True
        if not c.has_magnitude and _P_NF_LABEL_AFTER(after_num):
            return True
    elif text.startswith(("周年", "届"), num_end):
        return True
    if a1 in _LABEL_JOINERS and _P_NF_LABEL_AFTER(after):
        return True
    if _S_NF_LABEL_BEFORE(before):
        return True
    tail4 = before[-4:]
    if "年产" in tail4 or "日产" in tail4:
        return True
    if unit is not None:
        streak = before.endswith("连续")
        if (unit == "年" or unit == "日") and not streak and not _is_length_of_time(c, before):
            return True
        if unit in _DURATION and not streak:
            if before.endswith(("前", "头", "后", "近")):
                return True  # 前5个月, 头两个月: a period, not a quantity
            if unit_text and not before.endswith(("从", "由")) and _names_a_thing(after):
                return True
        if unit in _AGE and (before.endswith(nf.AGE_BEFORE) or _names_a_thing(after)):
            return True
    if _is_threshold(c, before, after) or _is_category_threshold(c, before, after):
        return True
    if before.endswith(nf.SESSION_BEFORE) or _is_plan_structure(c, before, after) or _is_quoted_code(before, after):
        return True
    if unit in _CAPACITY and _inside_a_name(text, c):
        return True
    return bool(c.kind == "chinese" and not _chinese_is_amount(c, before, after))


def _is_length_of_time(c: Candidate, before: str) -> bool:
    """受教育年限达到10.6年: a decimal number of years is a length of time, never a calendar year."""
    return c.unit == "年" and not float(c.number).is_integer() and not c.has_magnitude and c.number < 100


def _is_threshold(c: Candidate, before: str, after: str) -> bool:
    """亿元以上项目, 超5亿元的强镇, 10蒸吨及以下锅炉: a number that defines a category."""
    if c.unit in ("%", cues.TENTH_UNIT):
        return False  # 九成以上行政村, 80%以上的企业: a share, still a fact
    if c.unit in _COUNTED and _S_CUES_ACTION_VERBS(before.rstrip(" 　")):
        return False  # 推动50家以上规上企业开展技改: how many firms, not a kind of firm
    if _P_NF_THRESHOLD_AFTER(after):
        return True
    if (after.startswith(("以上", "以下")) and len(after) > 2 and after[2] not in _PUNCT and after[2] not in "的"
            and not after.startswith(("以上目标", "以下目标"))):  # 完成2.5万人以上目标的46%: a goal
        return True
    return bool(after.startswith("的") and before.endswith(("超", "超过", "以上")) and c.unit_text)


_STRUCTURE_UNITS = frozenset(nf.STRUCTURE_COUNT_UNITS)
_MONEY = frozenset(uv.CURRENCIES.values()) | {"元"}


def _is_plan_structure(c: Candidate, before: str, after: str) -> bool:
    """提出7项指标, 以上共计28项指标, 约束性指标9项: the plan's own structure, not a quantity."""
    if c.unit not in _STRUCTURE_UNITS:
        return False
    lead = before.rstrip(" 　")
    if lead.endswith(nf.STRUCTURE_NOUNS_BEFORE):
        return True
    return after.startswith(nf.STRUCTURE_NOUNS_AFTER) and lead.endswith(nf.STRUCTURE_VERBS_BEFORE)


def _is_category_threshold(c: Candidate, before: str, after: str) -> bool:
    """过三千亿元城市, 超10亿元项目: an amount that names a class of things."""
    return c.unit in _MONEY and before.endswith(nf.CATEGORY_LEADS) and after.startswith(nf.CATEGORY_NOUNS)


def _is_quoted_code(before: str, after: str) -> bool:
    """稳经济“30条”, “双20条”: a number quoted as a policy's name."""
    if not after[:1] or after[0] not in nf.CLOSE_QUOTES:
        return False
    opened = max(before.rfind(q) for q in nf.OPEN_QUOTES)
    return opened >= max(0, len(before) - 4) and not any(q in before[opened + 1:] for q in nf.CLOSE_QUOTES)


def _chinese_is_amount(c: Candidate, before: str, after: str) -> bool:
    """A Chinese numeral is a count when a measure word follows (五批次, 两家, 十二万人, 半天), not a label.

    Labels and idioms are left out: 一批 / 一个 (value one is an article), 三类用地, 三级网络, 上述三个行业,
    “两个维护”, 一次性.
    """
    if not c.unit_text:
        return False
    if _P_NF_CHINESE_WORD_AFTER(after) and c.number < 100:
        return False  # 一体化, 三件套: a word; 超千场体育赛事 is an amount
    if before.endswith("连续"):
        return True
    if c.unit_text in uv.CHINESE_NUMERAL_UNITS:
        if c.unit_text == "次":
            return c.number >= 2 and not _P_NF_CHINESE_CI_NOT_AFTER(after)
        return True
    if c.unit_text in uv.CHINESE_LABEL_UNITS or _S_UV_CHINESE_BACK_REFERENCES(before):
        return False
    if after.startswith(nf.NAMED_SET_NOUNS) or before[-1:] in nf.CLOSE_QUOTES:
        return False  # 中央八项规定, 三项基本任务, “投什么、谁来投”四个问题: names of sets, not amounts
    if c.unit_text in uv.DURATION_UNITS and c.number != 0.5 and _names_a_thing(after):
        return False
    return c.number >= 2 or c.number == 0.5


def _names_a_thing(after: str) -> bool:
    """A duration followed straight by a noun is part of a name (240小时过境免签, 100天行动)."""
    return bool(after[:1]) and after[0] not in _PUNCT and not _P_CUES_QUALIFIERS_AFTER(after) \
        and not after.startswith(("内", "之内", "以内", "的"))


_FACILITY = re.compile(alternation(nf.FACILITY_WORDS))
_NAME_STOP = re.compile(r"[，,。；;：:、！？!?\n（(“”]|建设|投入|建成|开工|完工|竣工|实现|完成")


def _inside_a_name(text: str, c: Candidate) -> bool:
    """A capacity between a proper name and a facility word (奋斗镇4000平方米保鲜库投入使用)."""
    before = text[max(0, c.start - 4):c.start]
    if not before or not ("\u4e00" <= before[-1] <= "\u9fff") or before.endswith("等"):
        return False
    if _S_CUES_ACTION_VERBS(before) or before.endswith(("了", "达", "为", "超", "约", "近", "共", "新", "的")):
        return False
    window = text[c.end:c.end + 16]
    stop = _NAME_STOP.search(window)
    head = window[: stop.start()] if stop else window
    return bool(head) and _FACILITY.search(head) is not None


_TITLE_END = suffix_matcher(nf.TITLE_ENDINGS)


def title_span(text: str) -> tuple[int, int]:
    """The document's title line as ``[start, end)``, or ``(0, 0)`` when its first line is no title.

    A title is the first non-blank line when it is short, holds no sentence punctuation and ends
    with a document word (…进展情况通报); its numbers name the document, they are not facts.
    """
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    line = text[start:end].strip()
    if not line or len(line) > 60 or any(ch in line for ch in "。；;，,：:"):
        return 0, 0
    return (start, end) if _TITLE_END(line) else (0, 0)

