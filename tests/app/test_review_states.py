"""The submission state machine as a table: (state, action, role, own unit?) → new state or the refusal.

One row per case; the table in ``planwatch.app.review.TRANSITIONS`` is what is tested, not
a copy of it.
"""

from __future__ import annotations

import pytest

from planwatch.app.access import Denied, Principal
from planwatch.app.review import Refused, decide
from planwatch.store.submissions import Conflict

UNIT = "市交通运输局"
USERS = {
    "计划处": Principal("planner", "planning"),
    "填报": Principal("filler", "filler", UNIT),
    "他单位填报": Principal("other", "filler", "市卫生健康委"),
    "只读": Principal("reader", "reader"),
    "管理员": Principal("admin", "admin"),
}

CASES = [
    # state,       action,      who,        text,       → new state, or the refusal
    ("submitted", "approve", "计划处", None, "approved"),
    ("submitted", "return", "计划处", "数值与月报不符", "returned"),
    ("submitted", "return", "计划处", "", Refused),  # a return needs a comment
    ("submitted", "return", "计划处", "  ", Refused),
    ("submitted", "return", "计划处", "长" * 2001, Refused),
    ("submitted", "approve", "填报", None, Denied),  # a unit cannot approve its own figures
    ("submitted", "approve", "只读", None, Denied),
    ("submitted", "approve", "管理员", None, Denied),
    ("submitted", "return", "填报", "x", Denied),
    ("submitted", "withdraw", "填报", "报错了项目", "withdrawn"),
    ("submitted", "withdraw", "填报", "", Refused),  # a withdrawal needs a reason
    ("submitted", "withdraw", "他单位填报", "x", Denied),
    ("submitted", "withdraw", "只读", "x", Denied),
    ("submitted", "withdraw", "计划处", "单位来电撤回", "withdrawn"),
    ("submitted", "resubmit", "填报", None, "superseded"),
    ("submitted", "resubmit", "他单位填报", None, Denied),
    ("returned", "resubmit", "填报", None, "superseded"),
    ("returned", "withdraw", "填报", "不再报送", "withdrawn"),
    ("returned", "approve", "计划处", None, Conflict),  # returned: the unit acts next
    ("returned", "return", "计划处", "x", Conflict),
    ("approved", "approve", "计划处", None, Conflict),  # approved figures are locked
    ("approved", "return", "计划处", "x", Conflict),
    ("approved", "withdraw", "填报", "x", Conflict),
    ("approved", "resubmit", "填报", None, Conflict),
    ("approved", "correct", "填报", "统计口径调整", "approved"),  # stays approved until the correction is
    ("approved", "correct", "填报", "", Refused),
    ("approved", "correct", "只读", "x", Denied),
    ("approved", "supersede", "计划处", None, "superseded"),
    ("superseded", "approve", "计划处", None, Conflict),
    ("superseded", "withdraw", "填报", "x", Conflict),
    ("withdrawn", "approve", "计划处", None, Conflict),
    ("withdrawn", "resubmit", "填报", None, Conflict),
]


@pytest.mark.parametrize(("state", "action", "who", "text", "expected"), CASES)
def test_each_state_action_and_role_gives_the_tabled_state_or_refusal(state, action, who, text, expected) -> None:
    if isinstance(expected, str):
        assert decide(state, action, USERS[who], UNIT, text).to == expected
    else:
        with pytest.raises(expected) as refused:
            decide(state, action, USERS[who], UNIT, text)
        assert any("\u4e00" <= ch <= "\u9fff" for ch in str(refused.value))  # the message is Chinese
