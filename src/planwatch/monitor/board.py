"""The status of every item as of a date, and the views a planning office reads it through."""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Literal

from planwatch.monitor.wording import KIND_LABELS, LIGHT_RANK, Light
from planwatch.plan.model import ItemKind, Plan

# Enum members as module constants: reading ``Light.GREEN`` costs a class attribute
# lookup per use, which adds up over 100,000 items.
RED = Light.RED
YELLOW = Light.YELLOW


RollupBy = Literal["work_area", "owner_unit", "district"]

#: Label of a roll-up group for items that name no work area / unit / district.
UNASSIGNED: dict[str, str] = {"work_area": "未归入领域", "owner_unit": "未明确责任单位", "district": "全市（未分区）"}


@dataclass(slots=True)
class ItemStatus:
    """The status of one plan item as of a date.

    ``completion`` and ``time_progress`` are shares (0.356 = 35.6%); ``gap_pp`` is, for
    cumulative items, completion minus time progress in percentage points (positive =
    ahead), and for rate targets the actual figure minus the target (or the nearest end
    of a target range, 0 inside it); ``actual_text`` / ``target_text`` word a rate
    target's figures as reports do (增长5.2%, 增长6%左右). ``lag`` says how far on the bad side an item is, in
    the item's own terms (points behind, points short, days overdue), to order alerts.
    ``explanation`` is worded on first reading (``explain`` makes it), so evaluating a
    large plan does not format sentences nobody looks at.
    """

    code: str
    kind: ItemKind
    name: str
    light: Light
    state: str
    explain: Callable[[], str] = field(repr=False, compare=False)
    work_area_code: str | None = None
    owner_unit: str | None = None
    district_code: str | None = None
    unit: str | None = None
    actual: float | None = None
    target: float | None = None
    target_high: float | None = None
    completion: float | None = None
    time_progress: float | None = None
    gap_pp: float | None = None
    lag: float = 0.0
    actual_text: str | None = None
    target_text: str | None = None
    stale: bool = False
    overdue: bool = False
    last_report: date | None = None
    _explanation: str | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def explanation(self) -> str:
        """Return the Chinese sentence that gives the rule, the numbers and the sources."""
        if self._explanation is None:
            self._explanation = self.explain()
        return self._explanation

    @property
    def numbers(self) -> dict[str, float | None]:
        """Return the figures behind the light."""
        return {
            "actual": self.actual,
            "target": self.target,
            "target_high": self.target_high,
            "completion": self.completion,
            "time_progress": self.time_progress,
            "gap_pp": self.gap_pp,
        }

    @property
    def kind_label(self) -> str:
        """Return the Chinese name of the item kind."""
        return KIND_LABELS[self.kind]

    def severity(self) -> tuple[int, int, int, float]:
        """Return a key that sorts worse items first when sorted descending."""
        return (LIGHT_RANK[self.light], int(self.overdue), int(self.stale), self.lag)


@dataclass(slots=True)
class Rollup:
    """Counts per light of one group of items (a work area, an owner unit, a district)."""

    key: str | None
    label: str
    counts: dict[Light, int]
    average_completion: float | None
    worst: list[ItemStatus]
    stale: int = 0

    @property
    def total(self) -> int:
        """Return the number of items in the group."""
        return sum(self.counts.values())


@dataclass(frozen=True, slots=True)
class _GroupFigures:
    """What a roll-up group's figures are, before a number of worst items is chosen."""

    counts: dict[Light, int]
    average: float | None
    stale: int
    ranked: list[ItemStatus]


@dataclass(slots=True)
class Tally:
    """The whole-board figures of a board, kept so that a few changed items update them.

    ``flagged`` holds the red, stale and overdue items (the alerts) by code.
    """

    counts: dict[Light, int]
    kinds: dict[ItemKind, dict[Light, int]]
    stale: int
    overdue: int
    flagged: dict[str, ItemStatus]

    @classmethod
    def of(cls, items: Iterable[ItemStatus]) -> Tally:
        """Return the tally of ``items`` (one pass)."""
        tally = cls(dict.fromkeys(Light, 0), {kind: dict.fromkeys(Light, 0) for kind in ItemKind}, 0, 0, {})
        for item in items:
            tally.add(item, 1)
        return tally

    def add(self, item: ItemStatus, sign: int) -> None:
        """Count ``item`` in (``sign`` 1) or out (-1)."""
        self.counts[item.light] += sign
        self.kinds[item.kind][item.light] += sign
        self.stale += sign * item.stale
        self.overdue += sign * item.overdue
        if sign < 0:
            self.flagged.pop(item.code, None)
        elif item.light is RED or item.stale or item.overdue:
            self.flagged[item.code] = item

    def copy(self) -> Tally:
        """Return a tally that can change without changing this one."""
        kinds = {kind: dict(counts) for kind, counts in self.kinds.items()}
        return Tally(dict(self.counts), kinds, self.stale, self.overdue, dict(self.flagged))


#: The item attribute each roll-up groups by.
ROLLUP_ATTRIBUTES: dict[str, str] = {
    "work_area": "work_area_code",
    "owner_unit": "owner_unit",
    "district": "district_code",
}


@dataclass(slots=True)
class StatusBoard:
    """Every item's status as of a date, with roll-ups and alerts.

    Counts, alerts and roll-ups are computed once per board and kept (fields that
    ``dataclasses.replace`` does not carry, so a narrowed board computes its own);
    :meth:`with_changed` carries them to the board of a few changed items, recomputing
    only the groups those items are in.
    """

    plan: Plan
    as_of: date
    time_progress: float
    items: list[ItemStatus]
    work_area_titles: dict[str, str] = field(default_factory=dict)
    region_names: dict[str, str] = field(default_factory=dict)
    _positions: dict[str, int] | None = field(default=None, init=False, repr=False, compare=False)
    _tally: Tally | None = field(default=None, init=False, repr=False, compare=False)
    _alerts: list[ItemStatus] | None = field(default=None, init=False, repr=False, compare=False)
    _groups: dict[str, dict[str | None, list[int]]] = field(default_factory=dict, init=False, repr=False, compare=False)
    _rollups: dict[tuple[str, int], list[Rollup]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    @property
    def tally(self) -> Tally:
        """Return the board's counts, stale and overdue numbers and flagged items (kept)."""
        if self._tally is None:
            self._tally = Tally.of(self.items)
        return self._tally

    @property
    def positions(self) -> dict[str, int]:
        """Return each item's position in ``items`` by code (kept)."""
        if self._positions is None:
            self._positions = {item.code: n for n, item in enumerate(self.items)}
        return self._positions

    def counts(self) -> dict[Light, int]:
        """Return how many items have each light (all four lights present)."""
        return dict(self.tally.counts)

    def kind_counts(self, kind: ItemKind) -> dict[Light, int]:
        """Return how many items of ``kind`` have each light (all four lights present)."""
        return dict(self.tally.kinds[kind])

    def stale_count(self) -> int:
        """Return how many items have no fresh progress."""
        return self.tally.stale

    def overdue_count(self) -> int:
        """Return how many items are overdue."""
        return self.tally.overdue

    def alerts(self) -> list[ItemStatus]:
        """Return red, stale and overdue items, worst first (equals in board order)."""
        if self._alerts is None:
            position = self.positions
            flagged = sorted(self.tally.flagged.values(), key=lambda i: position[i.code])
            self._alerts = sorted(flagged, key=ItemStatus.severity, reverse=True)
        return list(self._alerts)

    def label_of(self, by: RollupBy, key: str | None) -> str:
        """Return the readable name of a roll-up key."""
        if key is None:
            return UNASSIGNED[by]
        if by == "work_area":
            return self.work_area_titles.get(key, key)
        if by == "district":
            return self.region_names.get(key, key)
        return key

    def rollup(self, by: RollupBy = "work_area", worst: int = 3) -> list[Rollup]:
        """Return the items grouped by work area, owner unit or district.

        Work areas keep plan order; units and districts come worst first (most red, then
        most yellow), which is the order a briefing goes through them.
        """
        kept = self._rollups.get((by, worst))
        if kept is None:
            kept = [self._group_rollup(by, key, members, worst) for key, members in self._members(by).items()]
            self._sort_rollups(by, kept)
            self._rollups[(by, worst)] = kept
        return list(kept)

    def _members(self, by: str) -> dict[str | None, list[int]]:
        """Return the positions of the items of each group of roll-up ``by`` (kept)."""
        groups = self._groups.get(by)
        if groups is None:
            attribute = ROLLUP_ATTRIBUTES[by]
            groups = {}
            for n, item in enumerate(self.items):
                key = getattr(item, attribute)
                members = groups.get(key)
                if members is None:
                    groups[key] = [n]
                else:
                    members.append(n)
            self._groups[by] = groups
        return groups

    def _group_rollup(self, by: str, key: str | None, members: list[int], worst: int) -> Rollup:
        return self._rollup_of(by, key, self._group_figures(members, worst), worst)

    def _group_figures(self, members: list[int], deepest: int) -> _GroupFigures:
        """Return a group's counts, average, stale number and its ``deepest`` worst items, worst first."""
        items = self.items
        group = [items[n] for n in members]
        return _GroupFigures(
            counts=count_lights(group),
            average=_average(i.completion for i in group),
            stale=sum(1 for i in group if i.stale),
            # nlargest is sorted(..., reverse=True)[:n], stable: its first k are nlargest(k)
            ranked=heapq.nlargest(
                deepest, (i for i in group if i.light is RED or i.light is YELLOW or i.stale), key=ItemStatus.severity
            ),
        )

    def _rollup_of(self, by: str, key: str | None, figures: _GroupFigures, worst: int) -> Rollup:
        return Rollup(
            key=key,
            label=self.label_of(by, key),  # type: ignore[arg-type]
            counts=dict(figures.counts),
            average_completion=figures.average,
            worst=figures.ranked[:worst],
            stale=figures.stale,
        )

    def _sort_rollups(self, by: str, rollups: list[Rollup]) -> None:
        if by == "work_area":
            order = {code: n for n, code in enumerate(self.work_area_titles)}
            rollups.sort(key=lambda r: (r.key is None, order.get(r.key or "", len(order)), r.key or ""))
        else:
            rollups.sort(key=lambda r: (r.key is None, -r.counts[RED], -r.counts[YELLOW], r.label))

    def with_changed(self, changed: Iterable[ItemStatus]) -> StatusBoard | None:
        """Return this board with a few items' statuses replaced, its kept figures updated.

        Only the roll-up groups holding a changed item are recomputed. Returns None when an
        item is not on the board or moved to another group: the caller builds the board anew.
        """
        positions = self.positions
        changed = list(changed)
        items = list(self.items)
        tally = self.tally.copy()
        touched: dict[str, set[str | None]] = {by: set() for by in ROLLUP_ATTRIBUTES}
        for status in changed:
            n = positions.get(status.code)
            if n is None:
                return None
            old = items[n]
            for by, attribute in ROLLUP_ATTRIBUTES.items():
                key = getattr(old, attribute)
                if getattr(status, attribute) != key:
                    return None
                touched[by].add(key)
            tally.add(old, -1)
            tally.add(status, 1)
            items[n] = status
        board = replace(self, items=items)
        board._positions, board._tally, board._groups = positions, tally, self._groups
        # a snapshot: pages still reading the old board fill its roll-ups lazily from other threads
        kept = tuple(self._rollups.items())
        deepest: dict[str, int] = {}
        for by, worst in (key for key, _ in kept):
            deepest[by] = max(worst, deepest.get(by, 0))
        # each touched group is counted once, whatever number of worst items its roll-ups show
        figures: dict[tuple[str, str | None], _GroupFigures] = {}
        for (by, worst), rollups in kept:
            members = self._groups[by]
            again = []
            for r in rollups:
                if r.key in touched[by]:
                    found = figures.get((by, r.key))
                    if found is None:
                        found = figures[(by, r.key)] = board._group_figures(members[r.key], deepest[by])
                    r = board._rollup_of(by, r.key, found, worst)
                again.append(r)
            board._sort_rollups(by, again)
            board._rollups[(by, worst)] = again
        return board

    def select(
        self,
        *,
        areas: Iterable[str] = (),
        units: Iterable[str] = (),
        districts: Iterable[str] = (),
        kinds: Iterable[ItemKind | str] = (),
    ) -> StatusBoard:
        """Return a board with only the items matching every given filter.

        A work area or district may be given by code or by its name; a unit by its name.
        """
        area_codes = _codes_for(areas, self.work_area_titles)
        district_codes = _codes_for(districts, self.region_names)
        unit_set = set(units)
        kind_set = {ItemKind(k) for k in kinds}
        items = [
            i
            for i in self.items
            if (not area_codes or i.work_area_code in area_codes)
            and (not unit_set or i.owner_unit in unit_set)
            and (not district_codes or i.district_code in district_codes)
            and (not kind_set or i.kind in kind_set)
        ]
        return replace(self, items=items)


def count_lights(items: Iterable[ItemStatus]) -> dict[Light, int]:
    """Return the number of items per light, every light present."""
    counts = dict.fromkeys(Light, 0)
    for item in items:
        counts[item.light] += 1
    return counts


def _average(values: Iterable[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return sum(present) / len(present) if present else None


def _codes_for(wanted: Iterable[str], names: dict[str, str]) -> set[str]:
    codes: set[str] = set()
    for text in wanted:
        codes.add(text)
        codes.update(code for code, name in names.items() if name == text)
    return codes
