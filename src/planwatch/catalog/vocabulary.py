"""Words that surround an indicator name in reports but do not change which indicator it is.

Kept as data so that a new way of writing a name is a new row, not a new branch in
:mod:`planwatch.catalog.indicators`.
"""

from __future__ import annotations

#: Scope words that open a subject (全市GDP, 我市社零); stripped before lookup.
SCOPE_PREFIXES: tuple[str, ...] = (
    "全市",
    "全省",
    "全区",
    "全县",
    "全州",
    "全盟",
    "全国",
    "我市",
    "我省",
    "我区",
    "我县",
    "本市",
    "本省",
)

#: Endings a report adds to the indicator's name (地区生产总值增长, 社零总额, CPI涨幅).
#: They are tried only after the whole text failed to match, so a name that itself ends
#: in one of them (进出口总值, 社会消费品零售总额) is never cut.
LIGHT_SUFFIXES: tuple[str, ...] = (
    "增速",
    "增幅",
    "增长率",
    "增长",
    "涨幅",
    "总额",
    "总值",
    "总量",
)

#: Verbs a report writes inside a name (规上工业企业实现利润总额, 全市完成固定资产投资); a
#: name is tried without them only after it failed to match as written. Longest first.
REPORTING_VERBS: tuple[str, ...] = (
    "累计实现",
    "累计完成",
    "实现",
    "完成",
)
