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


def is_not_a_fact(c: Candidate, text: str) -> bool:
    """True when the words around ``c`` show it is not a reported quantity."""
    before = text[max(0, c.start - 6):c.start]
    after_num = text[c.num_end:c.num_end + 6]
    after = text[c.end:c.end + 6]
    if c.kind == "rank":
        return False  # ranks are checked against their clause later
    if c.kind in ("arabic", "frac") and before[-1:] and (before[-1] in "0123456789０１２３４５６７８９.．"):
        return True
    if _S_NF_LABEL_BEFORE(before):
        return True
    if "年产" in before[-4:] or "日产" in before[-4:]:
        return True
    if before[-1:] and before[-1] in nf.CODE_NEIGHBOUR_CHARS and not c.unit_text:
        return True
    if after[:1] and (after[0] in nf.CODE_NEIGHBOUR_CHARS or (after[0] in "0123456789" and not c.unit_text)):
        return True
    if not c.unit_text and after_num[:1] and after_num[0] in nf.CODE_NEIGHBOUR_CHARS:
        return True
    if _P_NF_LABEL_AFTER(after_num) and not c.unit_text and not c.has_magnitude:
        return True
    if c.unit_text and text.startswith(("周年", "届"), c.num_end):
        return True
    if _P_NF_LABEL_AFTER(after) and after[:1] in ("+", "＋", "·", "•", "级", "强", "佳", "方"):
        return True
    if c.unit in ("年", "日") and not before.endswith("连续"):
        return True
    if c.unit in uv.DURATION_UNITS and before.endswith(("前", "头", "后", "近")) and not before.endswith("连续"):
        return True  # 前5个月, 头两个月: a period, not a quantity
    if c.unit and c.unit_text and c.unit in uv.DURATION_UNITS and not before.endswith(("连续", "从", "由")) \
            and _names_a_thing(after):
        return True
    if c.unit in nf.AGE_UNITS and (before.endswith(nf.AGE_BEFORE) or _names_a_thing(after)):
        return True
    if before[-1:] and before[-1] in nf.OPEN_QUOTES and c.unit_text:
        return True
    if _is_threshold(c, before, after):
        return True
    if c.unit in nf.CAPACITY_UNITS and _inside_a_name(text, c):
        return True
    return bool(c.kind == "chinese" and not _chinese_is_amount(c, before, after))


def _is_threshold(c: Candidate, before: str, after: str) -> bool:
    """亿元以上项目, 超5亿元的强镇, 10蒸吨及以下锅炉: a number that defines a category."""
    if c.unit in ("%", cues.TENTH_UNIT):
        return False  # 九成以上行政村, 80%以上的企业: a share, still a fact
    if _P_NF_THRESHOLD_AFTER(after):
        return True
    if after.startswith(("以上", "以下")) and len(after) > 2 and after[2] not in _PUNCT and after[2] not in "的":
        return True
    return bool(after.startswith("的") and before.endswith(("超", "超过", "以上")) and c.unit_text)


def _chinese_is_amount(c: Candidate, before: str, after: str) -> bool:
    """A Chinese numeral is a count when a measure word follows (五批次, 两家, 十二万人, 半天), not a label.

    Labels and idioms are left out: 一批 / 一个 (value one is an article), 三类用地, 三级网络, 上述三个行业,
    “两个维护”, 一次性.
    """
    if not c.unit_text:
        return False
    if _P_NF_CHINESE_WORD_AFTER(after):
        return False
    if before.endswith("连续"):
        return True
    if c.unit_text in uv.CHINESE_NUMERAL_UNITS:
        if c.unit_text == "次":
            return c.number >= 2 and not _P_NF_CHINESE_CI_NOT_AFTER(after)
        return True
    if c.unit_text in uv.CHINESE_LABEL_UNITS or _S_UV_CHINESE_BACK_REFERENCES(before):
        return False
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
