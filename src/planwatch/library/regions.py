"""The region a report speaks for, with its GB/T 2260 code: a pure function of its title, issuer, 题注 and text.

Where a report names its region matters more than how often: the title outranks the issuer,
the issuer the 题注 (——在呼伦贝尔市海拉尔区第十五届人民代表大会…), and those the opening of the
body, which is read only when the head names nothing. Within one place the most specific
division whose ancestors are the others wins (呼伦贝尔市海拉尔区 → 海拉尔区). A name several
divisions share (鼓楼区) is settled by an ancestor named anywhere in the head or opening
(南京); when nothing settles it the region stays unknown and a warning says which ones it
could be. A development zone (开发区) has no code: the report is put under the division the
zone's name contains, with a warning. Names, aliases and codes all come from the gazetteer.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from planwatch.catalog import gazetteer
from planwatch.library import vocabulary as vocab

#: Where a region may be named, with how much a mention there counts.
PLACES: tuple[tuple[str, int], ...] = (("标题", 8), ("发布机关", 6), ("题注", 4), ("正文开头", 1))
SET_HINT = "可用 planwatch library set 文档 --region 地区 指定"


@dataclass(frozen=True, slots=True)
class RegionGuess:
    """The region found (all None when unknown), how it was found, and what a person should check."""

    code: str | None
    name: str | None
    level: str | None
    place: str | None = None  # where it was named: 标题, 发布机关, 题注 or 正文开头
    warnings: tuple[str, ...] = ()


Group = tuple[gazetteer.Division, ...]  # the divisions one written name may mean


def _groups(text: str) -> list[Group]:
    """Return the divisions named in ``text``, one group per written name (several when the name is shared)."""
    by_span: dict[tuple[int, int], list[gazetteer.Division]] = {}
    for start, end, division in gazetteer.mentions(text):
        by_span.setdefault((start, end), []).append(division)
    return [tuple(dict.fromkeys(ds)) for _, ds in sorted(by_span.items())]


def _ancestor_codes(division: gazetteer.Division) -> list[str]:
    return [a.code for a in gazetteer.ancestors(division.code) if a.code != division.code]


def _depth(division: gazetteer.Division) -> int:
    return vocab.LEVELS.index(division.level) if division.level in vocab.LEVELS else len(vocab.LEVELS)


def identify_region(title: str | None, issuer: str | None, caption: str | None, opening: str) -> RegionGuess:
    """Return the region a report with this title, issuer, 题注 lines and body opening speaks for."""
    texts = (title or "", issuer or "", caption or "", opening[: vocab.OPENING_CHARS])
    found = [(place, weight, _groups(text)) for (place, weight), text in zip(PLACES[:3], texts[:3], strict=True)]
    head_groups = [g for _, _, groups in found for g in groups]
    # the body is read only when the head names nothing, or a name it needs settled (鼓楼区)
    if not head_groups or any(len(g) > 1 for g in head_groups):
        found.append((*PLACES[3], _groups(texts[3])))
    score: Counter[str] = Counter()
    for _, weight, groups in found:
        for group in groups:
            for division in group:
                score[division.code] += weight
    head = "".join(texts[:3])
    chosen = next(((place, groups) for place, _, groups in found if groups), None)
    named_in_head = chosen is not None and chosen[0] != PLACES[-1][0]
    if not named_in_head and _speaks_for_country(head, texts[3]):
        return RegionGuess(vocab.NATIONAL_CODE, vocab.NATIONAL_NAME, vocab.NATIONAL_LEVEL, "发布机关")
    if chosen is None:
        zone = _zone_named(texts[0] or head)
        unknown = (
            f"“{zone}”是开发区，没有行政区划代码，报告中也没有提到它所在的行政区划，{SET_HINT}"
            if zone
            else f"未能识别地区：标题、发布机关、题注和正文开头都没有提到行政区划，{SET_HINT}"
        )
        return RegionGuess(None, None, None, None, (unknown,))
    place, groups = chosen
    resolved: list[gazetteer.Division] = []
    unsettled: list[Group] = []
    for group in groups:
        division = _settle(group, score)
        if division is None:
            unsettled.append(group)
        else:
            resolved.append(division)
    if not resolved:
        names = "、".join(gazetteer.full_name(d.code) for d in unsettled[0][:6])
        return RegionGuess(None, None, None, place, (f"地区名称有多处同名（{names}），未能确定是哪一个，{SET_HINT}",))
    best = max(resolved, key=lambda d: (_covered(d, resolved), _depth(d), score[d.code]))
    warnings = []
    zone = _zone_named(texts[0] or head)
    if zone and not gazetteer.find(zone):
        warnings.append(f"“{zone}”是开发区，没有行政区划代码，按所在的{best.name}记；如有不同，{SET_HINT}")
    if place == PLACES[-1][0]:
        warnings.append(f"地区只从正文开头推断为{best.name}，请核对；{SET_HINT}")
    return RegionGuess(best.code, best.name, best.level, place, tuple(warnings))


def _settle(group: Group, score: Counter[str]) -> gazetteer.Division | None:
    """Return the one division a shared name means: the one whose ancestors are named most, if only one is."""
    if len(group) == 1:
        return group[0]
    support = sorted(((sum(score[a] for a in _ancestor_codes(d)), d) for d in group), key=lambda p: -p[0])
    if support[0][0] > support[1][0]:
        return support[0][1]
    return None


def _covered(division: gazetteer.Division, resolved: list[gazetteer.Division]) -> int:
    """How many of the other divisions named in the same place are this one's ancestors."""
    ancestors = set(_ancestor_codes(division))
    return sum(1 for other in resolved if other.code in ancestors)


def _speaks_for_country(head: str, opening: str) -> bool:
    return any(cue in head or cue in opening[:300] for cue in vocab.NATIONAL_CUES)


def _zone_named(text: str) -> str | None:
    """Return the development zone's name as the text writes it (江川高新区), if it names one."""
    for word in vocab.ZONE_WORDS:
        at = text.find(word)
        if at != -1:
            start = at
            while start > 0 and "\u4e00" <= text[start - 1] <= "\u9fff" and at - start < 12:
                start -= 1
            name = text[start : at + len(word)]
            for cut in ("年", "关于"):  # 2025年江川高新区… → 江川高新区
                if cut in name:
                    name = name[name.rindex(cut) + len(cut) :]
            return name
    return None
