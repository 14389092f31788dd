"""The board of plan P as of D for a scope: the use case every face shows.

The CLI (``status``, ``alerts``, ``chase``, the 监测台账), the pages, the API, the exports
and the report writer all get their board here, so they agree on what a plan's status is
on a date. A face may pass a cache (the web keeps one per app) keyed by the data version.

When the data version moves, a cached evaluation is brought up to date rather than
rebuilt (:func:`refreshed`): the audit log says which items changed since the evaluation's
change mark, only those are read back and evaluated again, and the board's kept figures
are updated for them. A 100,000-item board so follows a stream of approvals in every
server process for the cost of the approved items.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Protocol, TypeVar

from planwatch.app.as_of import check_as_of, default_as_of
from planwatch.app.errors import NotFound
from planwatch.app.scope import Scope
from planwatch.monitor import ItemStatus, StatusBoard, evaluate
from planwatch.plan.model import Plan, PlanData, PlanItem
from planwatch.store.changes import DEFINITION_TABLES, ITEM_CHANGE_TABLES, RESHAPING_TABLES, Change

T = TypeVar("T")

#: The cache key date under which a plan's report dates are kept (no board is as of it).
REPORT_DATES_KEY = date.min


#: The memo key of an evaluation's plan items by code (built once, shared by narrowed evaluations).
ITEMS_BY_CODE = "plan-items-by-code"

#: Changed items above which a cached board is rebuilt rather than updated item by item.
REFRESH_LIMIT = 500


class Cache(Protocol):
    """What :func:`evaluate_plan` needs of a cache: get-or-compute by (plan, date, data version).

    ``update`` derives the value of a new version from the one kept for an older version
    (returning None when it cannot, then ``compute`` runs).
    """

    def get(
        self,
        plan_code: str,
        as_of: date,
        version: Hashable,
        compute: Callable[[], T],
        update: Callable[[T], T | None] | None = None,
    ) -> T: ...


@dataclass(slots=True)
class Evaluation:
    """A plan's data (latest progress only) as of a date and its board.

    ``summary`` is free for a face to keep its own view of the board beside it (the web's
    dashboard summary), computed once per cached evaluation; so are the derived values a face
    asks for again and again (a filtered, sorted item list a user pages through; the items by
    code), through :meth:`memo`.
    """

    data: PlanData
    board: StatusBoard
    summary: Any = None
    #: the store's change mark read before ``data`` was: changes after it are not yet in.
    mark: Any = None
    _memo: dict[Hashable, Any] = field(default_factory=dict, repr=False)
    _memo_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    #: derived values kept per evaluation (the filter combinations people page through).
    MEMO_SIZE = 64

    def memo(self, key: Hashable, compute: Callable[[], T]) -> T:
        """Return the value derived from this evaluation under ``key``, computing it once."""
        with self._memo_lock:
            if key in self._memo:
                return self._memo[key]
        value = compute()
        with self._memo_lock:
            if len(self._memo) >= self.MEMO_SIZE:
                self._memo.pop(next(iter(self._memo)))
            self._memo[key] = value
        return value

    def plan_item(self, code: str) -> PlanItem:
        """Return the plan item ``code`` (its definition), or raise :class:`NotFound` in Chinese."""
        return find_item(self.data, code, self.memo(ITEMS_BY_CODE, self.data.item_index))

    def item(self, code: str) -> ItemStatus | None:
        """Return the status of item ``code`` on the board, or None (a dict, not a scan of 100,000 items)."""
        position = self.board.positions.get(code)
        return None if position is None else self.board.items[position]


def find_item(data: PlanData, code: str, index: dict[str, PlanItem] | None = None) -> PlanItem:
    """Return the plan item with ``code`` (looked up in ``index`` when given) or raise :class:`NotFound`."""
    item = (index if index is not None else data.item_index()).get(code)
    if item is None:
        raise NotFound(f"计划「{data.plan.title}」中没有编号为「{code}」的事项。")
    return item


def as_of_for(
    store: Any,
    plan: Plan,
    as_of: date | None,
    *,
    today: date | None = None,
    cache: Cache | None = None,
    version: Hashable = 0,
) -> date:
    """Return the board date of a request: ``as_of`` checked to lie in the plan year, else the default.

    The default follows :func:`planwatch.app.as_of.default_as_of`; the store is asked for
    report dates only when the plan year is not running.
    """
    if as_of is not None:
        return check_as_of(plan, as_of)
    today = today or date.today()
    if today.year == plan.year:
        return default_as_of(plan, {}, today)

    def dates() -> dict[date, int]:
        return store.report_dates(plan.code)

    found = cache.get(plan.code, REPORT_DATES_KEY, version, dates) if cache is not None else dates()
    return default_as_of(plan, found, today)


def evaluate_plan(
    store: Any, plan: Plan, as_of: date, *, cache: Cache | None = None, version: Hashable = 0
) -> Evaluation:
    """Return the plan's status as of ``as_of`` (its whole board), from ``cache`` when it has it.

    A cached evaluation of an older data version is brought up to date (:func:`refreshed`).
    """

    def compute() -> Evaluation:
        mark = store.change_mark()  # before the data: what lands in between is applied again later
        data = store.load_plan_data(plan.code, as_of=as_of, latest_only=True)
        return Evaluation(data, evaluate(data, as_of), mark=mark)

    if cache is None:
        return compute()
    return cache.get(plan.code, as_of, version, compute, lambda old: refreshed(store, old))


def refreshed(store: Any, old: Evaluation) -> Evaluation | None:
    """Return ``old`` brought up to date with the changes the store saw since its mark, or None to rebuild.

    Progress changes and edited items are read back for the changed items only and
    evaluated again; the rest of the board is kept. Anything else that shapes the board
    (items added or removed, the plan's settings, work areas, regions) or more than
    :data:`REFRESH_LIMIT` changed items → None.
    """
    if old.mark is None:
        return None
    plan_code = old.data.plan.code
    changes, mark = store.changes_after(old.mark)
    touched = changed_items(plan_code, changes)
    if touched is None or len(touched.codes) > REFRESH_LIMIT:
        return None
    if not touched.codes:
        old.mark = mark  # nothing of this plan's board changed (a submission waiting, a login)
        return old
    as_of = old.board.as_of
    part = store.load_plan_data(plan_code, as_of=as_of, latest_only=True, codes=touched.codes)
    data = with_items_replaced(old.data, part, touched)
    if data is None:
        return None
    board = old.board.with_changed(evaluate(part, as_of).items)
    if board is None:
        return None
    fresh = Evaluation(data, board, mark=mark)
    if not touched.definitions:
        fresh._memo[ITEMS_BY_CODE] = old._memo.get(ITEMS_BY_CODE) or data.item_index()
    # Derived values that can follow a few changed items (a face's sorted lists, a unit's
    # narrowed board) are carried along; one that cannot (None) is worked out again when asked.
    positions = board.positions
    changed = [(old.board.items[positions[code]], board.items[positions[code]]) for code in sorted(touched.codes)]
    for key, value in list(old._memo.items()):
        follow = getattr(value, "follow", None)
        if follow is not None:
            carried = follow(changed, fresh)
            if carried is not None:
                fresh._memo[key] = carried
    return fresh


@dataclass(slots=True)
class Narrowed:
    """An evaluation narrowed to the items ``keeps`` lets through (a unit's own), following the whole one.

    A 填报 user's pages read the board of their unit's items: filtering 100,000 items for
    each new data version, in every worker, cost more than the approval that moved it.
    Kept in the whole evaluation's memo, it is carried to the next version by
    :meth:`follow`, which replaces only the changed items that are the unit's.
    """

    evaluation: Evaluation
    keeps: Callable[[ItemStatus], bool]

    @classmethod
    def of(cls, whole: Evaluation, keeps: Callable[[ItemStatus], bool]) -> Narrowed:
        """Return ``whole`` narrowed to the items ``keeps`` accepts."""
        items = [item for item in whole.board.items if keeps(item)]
        return cls(_sharing_definitions(whole, replace(whole.board, items=items)), keeps)

    def follow(self, changed: list[tuple[ItemStatus, ItemStatus]], whole: Evaluation) -> Narrowed | None:
        """Return this narrowed evaluation brought to ``whole``'s version, or None when it must be narrowed again."""
        mine = [(old, new) for old, new in changed if self.keeps(old) or self.keeps(new)]
        if any(self.keeps(old) != self.keeps(new) for old, new in mine):
            return None  # an item came into the unit's scope or left it
        board = self.evaluation.board.with_changed(new for _, new in mine) if mine else self.evaluation.board
        if board is None:
            return None
        return Narrowed(_sharing_definitions(whole, board), self.keeps)


def _sharing_definitions(whole: Evaluation, board: StatusBoard) -> Evaluation:
    """Return an evaluation of ``board`` over ``whole``'s data, sharing its index of items by code."""
    narrowed = Evaluation(whole.data, board, mark=whole.mark)
    narrowed._memo[ITEMS_BY_CODE] = whole.memo(ITEMS_BY_CODE, whole.data.item_index)
    return narrowed


@dataclass(frozen=True, slots=True)
class Touched:
    """The items of one plan a run of changes touched; ``definitions``: those whose definition changed."""

    codes: frozenset[str]
    definitions: frozenset[str]


def changed_items(plan_code: str, changes: Iterable[Change]) -> Touched | None:
    """Return the items of ``plan_code`` that ``changes`` touched, or None when the board must be rebuilt.

    Progress of an item, and an item's definition edited in place, are item changes;
    an item added or removed, or a change to the plan row, its work areas or the regions,
    reshapes the board (None). Changes of other tables (submissions, accounts,
    documents) do not touch a board.
    """
    codes: set[str] = set()
    definitions: set[str] = set()
    prefix = plan_code + "/"
    for change in changes:
        if change.table in RESHAPING_TABLES:
            if change.table == "regions" or change.key == plan_code or change.key.startswith(prefix):
                return None
            continue
        if not change.key.startswith(prefix) or change.table not in ITEM_CHANGE_TABLES:
            continue
        code = change.key.split("/")[1]
        codes.add(code)
        if change.table in DEFINITION_TABLES:
            if change.action != "update" and change.table != "milestones":
                return None
            definitions.add(code)
    return Touched(frozenset(codes), frozenset(definitions))


def with_items_replaced(old: PlanData, part: PlanData, touched: Touched) -> PlanData | None:
    """Return ``old`` with the touched items' definitions and latest progress taken from ``part``.

    None when an item whose definition changed is not where it was (a change of kind, or
    gone): the caller rebuilds.
    """
    changed = touched.codes
    progress = [record for record in old.progress if record.item_code not in changed]
    progress.extend(part.progress)
    if not touched.definitions:
        return replace(old, progress=progress)
    edited = touched.definitions
    kinds = ("targets", "tasks", "projects", "livelihood_items")
    fresh = {name: {item.code: item for item in getattr(part, name)} for name in kinds}
    lists: dict[str, list[Any]] = {}
    found: set[str] = set()
    for name in kinds:
        now = fresh[name]
        items = []
        for item in getattr(old, name):
            if item.code in edited:
                if item.code not in now:
                    return None  # gone, or now of another kind
                found.add(item.code)
                item = now[item.code]
            items.append(item)
        lists[name] = items
    if found != edited:
        return None
    return replace(old, progress=progress, **lists)


def board_for(store: Any, plan: Plan, as_of: date, scope: Scope | None = None) -> StatusBoard:
    """Return the board of ``plan`` as of ``as_of`` holding the items inside ``scope``.

    Roll-ups, counts and alerts of the returned board cover the scope's items only.
    """
    board = evaluate_plan(store, plan, check_as_of(plan, as_of)).board
    return scope.apply(board) if scope is not None else board
