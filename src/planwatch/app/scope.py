"""Which items of a board a request looks at: the filters every face offers, by the names it shows.

A work area may be named by its code or its title, a district by its code or its name
(``南浦区``), a kind by its value (``project``), its label (``项目``) or its title
(``重大项目``), a light by its value (``red``) or label (``红``, ``红灯``), a unit by its
name. The CLI options, the item list's query string and the API's parameters all build a
:class:`Scope`, so a filter means the same thing wherever it is typed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from planwatch.app.errors import Refused
from planwatch.monitor import ItemStatus, StatusBoard
from planwatch.monitor.wording import KIND_LABELS, KIND_TITLES, LIGHT_LABELS, LIGHT_SHORT, Light
from planwatch.plan.model import ItemKind

#: every way a kind is written → the kind.
KIND_NAMES: dict[str, ItemKind] = {
    **{kind.value: kind for kind in ItemKind},
    **{label: kind for kind, label in KIND_LABELS.items()},
    **{title: kind for kind, title in KIND_TITLES.items()},
}
#: every way a light is written → the light.
LIGHT_NAMES: dict[str, Light] = {
    **{light.value: light for light in Light},
    **{label: light for light, label in LIGHT_LABELS.items()},
    **{short: light for light, short in LIGHT_SHORT.items()},
}


def _words(value: str | Iterable[str] | None) -> tuple[str, ...]:
    """Return the non-empty, stripped words of one filter value or of several."""
    if value is None:
        return ()
    values = [value] if isinstance(value, str) else list(value)
    return tuple(word for word in (v.strip() for v in values) if word)


def _named(words: tuple[str, ...], names: dict[str, object], what: str) -> tuple[str, ...]:
    unknown = [word for word in words if word not in names]
    if unknown:
        choices = "、".join(dict.fromkeys(str(v) for v in names))
        raise Refused(f"{what}「{unknown[0]}」无法识别；可选：{choices}")
    return words


@dataclass(frozen=True, slots=True)
class Scope:
    """The filters of a board view; empty filters let everything through."""

    kinds: tuple[str, ...] = ()
    areas: tuple[str, ...] = ()
    units: tuple[str, ...] = ()
    districts: tuple[str, ...] = ()
    lights: tuple[str, ...] = ()
    text: str = ""
    alerts_only: bool = False

    @classmethod
    def of(
        cls,
        *,
        kind: str | Iterable[str] | None = None,
        area: str | Iterable[str] | None = None,
        unit: str | Iterable[str] | None = None,
        district: str | Iterable[str] | None = None,
        light: str | Iterable[str] | None = None,
        q: str | None = None,
        alerts_only: bool = False,
    ) -> Scope:
        """Return the scope of filters as faces receive them (one value or several each; blanks ignored).

        Raises :class:`Refused` for a kind or light nobody writes.
        """
        return cls(
            kinds=_named(_words(kind), KIND_NAMES, "事项类别"),
            areas=_words(area),
            units=_words(unit),
            districts=_words(district),
            lights=_named(_words(light), LIGHT_NAMES, "灯色"),
            text=(q or "").strip(),
            alerts_only=alerts_only,
        )

    @property
    def everything(self) -> bool:
        """Return True when no filter is set."""
        return not (self.kinds or self.areas or self.units or self.districts or self.lights or self.text) and not (
            self.alerts_only
        )

    def items(self, board: StatusBoard) -> list[ItemStatus]:
        """Return the board's items inside the scope, in board order."""
        if self.everything:
            return board.items
        selected = board.select(
            kinds=[KIND_NAMES[k] for k in self.kinds], areas=self.areas, units=self.units, districts=self.districts
        ).items
        if self.lights:
            lights = {LIGHT_NAMES[word] for word in self.lights}
            selected = [item for item in selected if item.light in lights]
        if self.text:
            needle = self.text.lower()
            selected = [item for item in selected if needle in _haystack(item)]
        if self.alerts_only:
            flagged = {item.code for item in board.alerts()}
            selected = [item for item in selected if item.code in flagged]
        return selected

    def apply(self, board: StatusBoard) -> StatusBoard:
        """Return a board holding only the items inside the scope (the whole board when none is set)."""
        return board if self.everything else replace(board, items=self.items(board))


def _haystack(item: ItemStatus) -> str:
    """Return what a clerk's search word is looked for in: code, name, owner unit and explanation."""
    return " ".join(filter(None, [item.code, item.name, item.owner_unit, item.explanation])).lower()
