"""Who may do what: roles × units, decided in one place for every page, endpoint and command.

Roles are data (``ROLES``, ``RIGHTS``): 管理员 manages users and settings, 计划处 sees
everything, submits, reviews and imports, 填报 sees and submits for its own unit's items
(a 区县 unit for the projects in its district too), 只读 sees everything and changes
nothing. Faces ask :func:`require` / :meth:`Principal.covers`; they never compare role
names themselves.
"""

from __future__ import annotations

from dataclasses import dataclass

from planwatch.app.errors import AppError
from planwatch.store.users import Account

#: role id → the Chinese name users see and type.
ROLES: dict[str, str] = {"admin": "管理员", "planning": "计划处", "filler": "填报", "reader": "只读"}
#: every way a role is written → the role id.
ROLE_NAMES: dict[str, str] = {**{v: k for k, v in ROLES.items()}, **{k: k for k in ROLES}}

#: what each role may do; ``view_all`` lifts the unit scope for reading.
RIGHTS: dict[str, frozenset[str]] = {
    "admin": frozenset({"view_all", "manage_users", "decide_proposals", "correct_library"}),
    "planning": frozenset({"view_all", "submit", "review", "import", "decide_proposals", "correct_library"}),
    "filler": frozenset({"submit"}),
    "reader": frozenset({"view_all"}),
}

#: the Chinese words of a refusal, per right.
REFUSALS: dict[str, str] = {
    "view_all": "执行情况报告和领导视图汇总全部单位的数据，只有计划处、只读（领导）和管理员账号可以查看。",
    "manage_users": "只有管理员可以管理用户。",
    "submit": "当前账号为只读或管理账号，不能填报进度。",
    "review": "只有计划处可以审核报送。",
    "import": "只有计划处可以导入数据。",
    "decide_proposals": "只有计划处和管理员可以处理从报告中读到的目标建议。",
    "correct_library": "只有计划处和管理员可以更正文档的地区、年份、报告期和类型。",
}


class Denied(AppError):
    """The signed-in user may not do this; the message is Chinese (HTTP 403)."""


@dataclass(frozen=True, slots=True)
class Principal:
    """The user a request acts for: name, role and the unit (and district) it answers for."""

    name: str
    role: str
    unit: str | None = None
    district_code: str | None = None

    @classmethod
    def of(cls, account: Account) -> Principal:
        """Return the principal of a stored account."""
        unit = account.unit
        return cls(account.name, account.role, unit.name if unit else None, unit.district_code if unit else None)

    @property
    def role_label(self) -> str:
        """Return the role's Chinese name."""
        return ROLES.get(self.role, self.role)

    def may(self, right: str) -> bool:
        """Tell whether the role has ``right``."""
        return right in RIGHTS.get(self.role, frozenset())

    @property
    def sees_all(self) -> bool:
        """Tell whether the user reads every unit's items."""
        return self.may("view_all")

    def covers(self, owner_unit: str | None, district_code: str | None = None) -> bool:
        """Tell whether an item of ``owner_unit`` (in ``district_code``) belongs to the user's unit.

        The owner unit answers for its items; a 区县 unit also for every project in its
        district. Co-operating units are not owners: the owner reports for them.
        """
        if self.unit is None:
            return False
        if owner_unit == self.unit:
            return True
        return self.district_code is not None and district_code == self.district_code

    def can_see(self, owner_unit: str | None, district_code: str | None = None) -> bool:
        """Tell whether the user may read an item."""
        return self.sees_all or self.covers(owner_unit, district_code)

    def can_submit_for(self, owner_unit: str | None, district_code: str | None = None) -> bool:
        """Tell whether the user may submit progress for an item."""
        if not self.may("submit"):
            return False
        return self.role == "planning" or self.covers(owner_unit, district_code)

    @property
    def visible_units(self) -> tuple[str, ...] | None:
        """Return the units whose submissions the user sees; None for all."""
        if self.sees_all:
            return None
        return (self.unit,) if self.unit else ()


def require(principal: Principal, right: str) -> None:
    """Raise :class:`Denied` unless the principal's role has ``right``."""
    if not principal.may(right):
        raise Denied(REFUSALS.get(right, "当前账号无权进行此操作。"))


def item_scope(item: object) -> tuple[str | None, str | None]:
    """Return (owner unit, district code) of a plan item or an item status."""
    return getattr(item, "owner_unit", None), getattr(item, "district_code", None)


def require_view(principal: Principal, item: object, code: str) -> None:
    """Raise :class:`Denied` unless the user may read the item."""
    if not principal.can_see(*item_scope(item)):
        raise Denied(f"事项「{code}」不属于本单位（{principal.unit or '未指定单位'}），无权查看。")


def require_submit(principal: Principal, item: object, code: str) -> None:
    """Raise :class:`Denied` unless the user may submit progress for the item."""
    if not principal.may("submit"):
        raise Denied(REFUSALS["submit"])
    if not principal.can_submit_for(*item_scope(item)):
        raise Denied(f"事项「{code}」不属于本单位（{principal.unit or '未指定单位'}），不能代为填报。")
