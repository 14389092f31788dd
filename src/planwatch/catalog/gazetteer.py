"""The gazetteer: China's administrative divisions (GB/T 2260 codes) as data.

A published report names its region in prose (江川市, 内蒙古呼伦贝尔市海拉尔区, 朝阳区), and
a plan belongs to one region, so every layer that meets a place name asks this module. The
divisions live in ``gazetteer.csv`` next to it (``code,name,level,parent_code,aliases``);
the words used to derive short names and to keep ordinary words out of text scans live in
``gazetteer_words.toml``. Everything is read once per process and kept.

Names come in three kinds:

- the full name (呼伦贝尔市) and the aliases in the CSV (宁夏, 襄樊, 呼伦贝尔);
- short names derived by rule (the CSV holds each one a division has alone, and a test
  keeps it so): the full name without its ending (市/县/区/自治州/地区 …) and, for
  autonomous areas, without the ethnic names before it (黔东南苗族侗族自治州 → 黔东南),
  kept when at least two characters remain. A short name claimed by several
  divisions goes to the one of highest level (吉林 → 吉林省, 白银 → 白银市); claimed by
  several of the same level (鼓楼) it names none of them, and :func:`find` only returns
  them all as a last resort, for a caller who narrows with ``within``;
- weak forms: names that are also ordinary words (振兴, 朝阳, 大兴), two-character full
  names (单县) and the two-character short names of counties under a prefecture (新和)
  but for a listed few known on their own (昆山, 义乌). They stay names for :func:`find`,
  but :func:`mentions` reads them in running text only right after their parent
  (丹东市振兴区), since Chinese text has no spaces and they hide inside other words
  (乡村振兴, 示范县, 创新和协调).

:func:`locate` puts the mentions together into the one region a text is about.
"""

from __future__ import annotations

import csv
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from planwatch.catalog.indicators import normalise_name

DATA_FILE = "gazetteer.csv"
WORDS_FILE = "gazetteer_words.toml"
COLUMNS = ("code", "name", "level", "parent_code", "aliases")

#: Levels from the top down; a parent's level always comes before its child's.
LEVELS: tuple[str, ...] = ("province", "city", "county")

#: What a county (县) may have become: a district (撤县设区) or a city (撤县设市).
FORMER_COUNTY_ENDINGS = ("区", "市")

#: A short name must keep at least this many characters (通, 新 say nothing on their own).
MIN_SHORT_NAME = 2

_CODE = re.compile(r"\d{6}")

#: One checked row of the CSV: code, name, level, parent_code, aliases.
DivisionRow = tuple[str, str, str, str | None, tuple[str, ...]]


@dataclass(frozen=True)
class Division:
    """One administrative division: a province, a prefecture-level or a county-level unit.

    ``aliases`` holds the names written in the data and the short names derived for this
    division alone; ``parent_code`` is None for a province.
    """

    code: str
    name: str
    level: str
    parent_code: str | None
    aliases: tuple[str, ...]

    @property
    def names(self) -> tuple[str, ...]:
        """Return the full name followed by the aliases."""
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class TextForm:
    """One way a division is written, as the text scan reads it.

    A weak form (a two-character name such as 单县, the two-character short name of a
    county under a prefecture unless listed as known on its own, such as 义乌, a word listed
    as read only after its parent) is too common
    inside ordinary words to be read on its own, so :func:`mentions` takes it only right
    after its parent division.
    """

    division: Division
    is_full: bool
    weak: bool


class GazetteerError(ValueError):
    """The gazetteer data is inconsistent (bad code, unknown parent, duplicate row)."""


@dataclass(frozen=True)
class NameRules:
    """The vocabulary for short names and text scans: endings, ethnic names, weak words."""

    suffixes: tuple[str, ...]
    banner_keep_before: frozenset[str]
    ethnic_groups: tuple[str, ...]
    only_after_parent: frozenset[str]
    strong_in_text: frozenset[str]
    not_before_short: frozenset[str]
    district_not_before: frozenset[str]


def read_name_rules(text: str, source: str = WORDS_FILE) -> NameRules:
    """Return the naming vocabulary of a ``gazetteer_words.toml`` text.

    Raises :class:`GazetteerError` naming the file and the list that is missing or is not
    a list of words.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise GazetteerError(f"{source} 不是有效的 TOML：{exc}") from exc

    def words(key: str) -> list[str]:
        value = data.get(key)
        if not isinstance(value, list) or not all(isinstance(w, str) and w for w in value):
            raise GazetteerError(f"{source} 的 {key} 应为非空词语的列表")
        return value

    return NameRules(
        suffixes=tuple(sorted(words("suffixes"), key=len, reverse=True)),
        banner_keep_before=frozenset(words("banner_keep_before")),
        ethnic_groups=tuple(sorted(words("ethnic_groups"), key=len, reverse=True)),
        only_after_parent=frozenset(words("only_after_parent")),
        strong_in_text=frozenset(words("strong_in_text")),
        not_before_short=frozenset(words("not_before_short")),
        district_not_before=frozenset(words("district_not_before")),
    )


def short_name(name: str, rules: NameRules) -> str | None:
    """Return the short name derived from a full name, or None when none is left.

    呼伦贝尔市 → 呼伦贝尔, 宁夏回族自治区 → 宁夏, 积石山保安族东乡族撒拉族自治县 → 积石山,
    鄂温克族自治旗 → 鄂温克, 科尔沁右翼前旗 → None (a banner named by direction keeps 旗),
    城区 → None (one character would be left).
    """
    stem = name
    for suffix in rules.suffixes:
        if stem.endswith(suffix):
            if suffix == "旗" and stem[-2:-1] in rules.banner_keep_before:
                return None
            stem = stem[: -len(suffix)]
            break
    else:
        return None
    while stem.endswith(rules.ethnic_groups):
        ethnic = next(e for e in rules.ethnic_groups if stem.endswith(e))
        rest = stem[: -len(ethnic)]
        if len(rest) < MIN_SHORT_NAME:
            # The area is named for the people alone (东乡族自治县): drop only 族.
            stem = stem.removesuffix("族")
            break
        stem = rest
    return stem if len(stem) >= MIN_SHORT_NAME and stem != name else None


def read_division_rows(text: str, source: str = DATA_FILE) -> list[DivisionRow]:
    """Return the checked rows (code, name, level, parent_code, aliases) of a gazetteer CSV text.

    Raises :class:`GazetteerError` naming the file, line and field of the first fault: a
    code that is not six digits or appears twice, an unknown level, a parent that is
    missing, of a lower or equal level, or in another province.
    """
    reader = csv.DictReader(text.splitlines())
    if tuple(reader.fieldnames or ()) != COLUMNS:
        raise GazetteerError(f"{source} 表头应为 {','.join(COLUMNS)}，实为 {','.join(reader.fieldnames or ())}")
    rows: list[DivisionRow] = []
    line_of: dict[str, int] = {}
    for line_no, row in enumerate(reader, start=2):
        code = (row["code"] or "").strip()
        name = (row["name"] or "").strip()
        level = (row["level"] or "").strip()
        parent = (row["parent_code"] or "").strip() or None
        aliases = tuple(a.strip() for a in (row["aliases"] or "").split("|") if a.strip())
        where = f"{source} 第{line_no}行"
        if not _CODE.fullmatch(code):
            raise GazetteerError(f"{where} code：“{code}”不是6位数字代码")
        if code in line_of:
            raise GazetteerError(f"{where} code：{code} 与第{line_of[code]}行重复")
        if not name:
            raise GazetteerError(f"{where} name：名称为空")
        if level not in LEVELS:
            raise GazetteerError(f"{where} level：“{level}”应为 {'|'.join(LEVELS)} 之一")
        if (level == "province") != (parent is None):
            raise GazetteerError(f"{where} parent_code：省级区划不应有上级，其他区划必须有上级")
        line_of[code] = line_no
        rows.append((code, name, level, parent, aliases))
    level_of = {row[0]: row[2] for row in rows}
    for code, _name, level, parent, _aliases in rows:
        if parent is None:
            continue
        where = f"{source} 第{line_of[code]}行"
        if parent not in level_of:
            raise GazetteerError(f"{where} parent_code：上级代码 {parent} 不存在")
        if LEVELS.index(level_of[parent]) >= LEVELS.index(level):
            raise GazetteerError(f"{where} parent_code：上级 {parent} 的级别不高于本级")
        if parent[:2] != code[:2]:
            raise GazetteerError(f"{where} parent_code：上级 {parent} 与代码 {code} 不在同一省")
    return rows


class Gazetteer:
    """All divisions with their name indexes, built once from the data."""

    def __init__(self, rows: Iterable[DivisionRow], rules: NameRules) -> None:
        rows = list(rows)
        rank = {code: LEVELS.index(level) for code, _n, level, _p, _a in rows}
        full_names = {normalise_name(name) for _c, name, _l, _p, _a in rows}
        written: dict[str, set[str]] = {}
        for code, _name, _level, _parent, aliases in rows:
            for alias in aliases:
                written.setdefault(normalise_name(alias), set()).add(code)
        claims: dict[str, set[str]] = {}
        for code, name, _level, _parent, _aliases in rows:
            short = short_name(normalise_name(name), rules)
            if short is not None:
                claims.setdefault(short, set()).add(code)
        owned: dict[str, set[str]] = {}
        for short, codes in claims.items():
            if short in full_names or short in written:
                continue
            top = min(rank[c] for c in codes)
            winners = [c for c in codes if rank[c] == top]
            if len(winners) == 1:
                owned.setdefault(winners[0], set()).add(short)
        self.divisions: tuple[Division, ...] = tuple(
            Division(
                code=code,
                name=name,
                level=level,
                parent_code=parent,
                aliases=tuple(dict.fromkeys((*aliases, *sorted(owned.get(code, ()))))),
            )
            for code, name, level, parent, aliases in sorted(rows)
        )
        self.by_code: dict[str, Division] = {d.code: d for d in self.divisions}
        self.children: dict[str, tuple[Division, ...]] = _index(
            (d.parent_code, d) for d in self.divisions if d.parent_code is not None
        )
        self.by_name: dict[str, tuple[Division, ...]] = _index(
            (normalise_name(n), d) for d in self.divisions for n in d.names
        )
        self.by_claim: dict[str, tuple[Division, ...]] = _index(
            (short, self.by_code[code]) for short, codes in claims.items() for code in codes
        )
        forms: dict[str, list[TextForm]] = {}
        for division in self.divisions:
            for form in division.names:
                if len(form) < MIN_SHORT_NAME:
                    continue
                is_full = form == division.name
                weak = form in rules.only_after_parent or (
                    len(form) == MIN_SHORT_NAME
                    and (is_full or (self._under_prefecture(division) and form not in rules.strong_in_text))
                )
                forms.setdefault(form, []).append(TextForm(division, is_full, weak))
        self.text_forms: dict[str, tuple[TextForm, ...]] = {
            form: tuple(sorted(found, key=lambda f: f.division.code)) for form, found in forms.items()
        }
        lengths: dict[str, set[int]] = {}
        for form in forms:
            lengths.setdefault(form[:MIN_SHORT_NAME], set()).add(len(form))
        # The first two characters of a place name tell which lengths can follow, so each
        # position of a text costs one look-up and, rarely, two or three more.
        self.text_lengths: dict[str, tuple[int, ...]] = {
            start: tuple(sorted(found, reverse=True)) for start, found in lengths.items()
        }
        # Two characters in three of a report start no place name; one character class
        # lets the scan leap over them in C.
        self.text_start = re.compile("[" + "".join(re.escape(c) for c in sorted({f[0] for f in forms})) + "]")
        self.rules = rules
        self.not_before_short = rules.not_before_short
        self.district_not_before = rules.district_not_before

    def _under_prefecture(self, division: Division) -> bool:
        """Tell whether a division is a county under a prefecture (not a district of 北京 or 仙桃)."""
        parent = self.by_code.get(division.parent_code or "")
        return parent is not None and parent.level == "city"

    def text_hits(self, text: str, start: int, end: int, after: tuple[Division, ...]) -> tuple[Division, ...]:
        """Return the divisions named by ``text[start:end]`` read in running text.

        ``after`` holds the divisions named right before ``start`` (none when something else
        comes between). A weak form counts only right after its parent (阳泉市城区, 菏泽市单县;
        辽宁振兴 is no 振兴区); a short name right before an ending counts only when its own
        full name ends the same way (积石山县, 湘西州, 广西区 are the places; 江川市 is not
        江川区 cut short); a name ending in 区 right before 域 is the word 区域 (江北区域);
        a name several divisions share right after the parent of one of them is that one.
        """
        form = text[start:end]
        following = text[end : end + 1]
        if following and form.endswith("区") and following in self.district_not_before:
            return ()
        parents = {d.code for d in after}
        found: list[Division] = []
        for entry in self.text_forms.get(form, ()):
            if entry.weak and entry.division.parent_code not in parents:
                continue
            if not entry.is_full and following in self.not_before_short and not entry.division.name.endswith(following):
                continue
            found.append(entry.division)
        # 北京市朝阳区: of the names two districts share, the one under the name just read.
        under_parent = [d for d in found if d.parent_code in parents]
        return tuple(under_parent if len(found) > 1 and under_parent else found)

    def ancestors(self, code: str) -> list[Division]:
        """Return the divisions above ``code``, province first."""
        division = self.get(code)
        chain: list[Division] = []
        while division.parent_code is not None:
            division = self.by_code[division.parent_code]
            chain.append(division)
        return chain[::-1]

    def get(self, code: str) -> Division:
        """Return the division with this code, or raise KeyError naming it."""
        division = self.by_code.get(code.strip())
        if division is None:
            raise KeyError(f"行政区划代码 {code} 不在区划表中")
        return division

    def is_within(self, division: Division, within: str) -> bool:
        """Tell whether ``division`` is the division ``within`` or lies under it."""
        return division.code == within or any(a.code == within for a in self.ancestors(division.code))


def _index(pairs: Iterable[tuple[str, Division]]) -> dict[str, tuple[Division, ...]]:
    """Return name → divisions, each tuple in code order without repeats."""
    index: dict[str, dict[str, Division]] = {}
    for key, division in pairs:
        index.setdefault(key, {})[division.code] = division
    return {key: tuple(sorted(found.values(), key=lambda d: d.code)) for key, found in index.items()}


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Return the packaged gazetteer (read once per process)."""
    package = resources.files("planwatch.catalog")
    rows = read_division_rows(package.joinpath(DATA_FILE).read_text(encoding="utf-8"))
    rules = read_name_rules(package.joinpath(WORDS_FILE).read_text(encoding="utf-8"))
    return Gazetteer(rows, rules)


def divisions() -> tuple[Division, ...]:
    """Return every division in code order."""
    return gazetteer().divisions


def by_code(code: str) -> Division | None:
    """Return the division with this six-digit code, or None."""
    return gazetteer().by_code.get(code.strip())


def ancestors(code: str) -> list[Division]:
    """Return the divisions above ``code``, province first (the division itself excluded).

    Raises KeyError for a code the gazetteer does not hold.
    """
    return gazetteer().ancestors(code)


def children(code: str) -> list[Division]:
    """Return the divisions right under ``code`` in code order (a region's peers are its parent's children)."""
    return list(gazetteer().children.get(code.strip(), ()))


def lies_within(code: str, area: str) -> bool:
    """Tell whether division ``code`` is the division ``area`` or lies under it.

    Raises KeyError for a ``code`` the gazetteer does not hold.
    """
    table = gazetteer()
    return table.is_within(table.get(code), area.strip())


def full_name(code: str) -> str:
    """Return the name with every level above it: 内蒙古自治区呼伦贝尔市海拉尔区."""
    table = gazetteer()
    return "".join(d.name for d in (*table.ancestors(code), table.get(code)))


def find(name: str, within: str | None = None) -> list[Division]:
    """Return the divisions a name can mean, in code order; ``within`` narrows to one area.

    The name is a full name or an alias (朝阳区 gives the two in 北京 and 长春); ``within``
    is the code of a division, and only it and those under it are kept. When nothing
    matches, a short name shared by several divisions of one level (鼓楼) gives them all,
    so ``find("鼓楼", within="320100")`` still finds 南京's; then a short name with an
    ending (积石山县, 莫力达瓦旗) finds the division whose full name ends the same way; last,
    a county's old name finds the district or city it became (江宁县 → 江宁区). Other
    former names (莱芜市, 闸北区) are aliases in the data.
    """
    table = gazetteer()
    key = normalise_name(name)
    claimants = table.by_claim.get(short_name(key, table.rules) or "", ())
    # 积石山县, 长阳县: a short name with an ending of its own finds the division whose full
    # name ends the same way (江川市 is not 江川区) ...
    same_ending = [d for d in claimants if d.name.endswith(key[-1:])]
    # ... and a county's old name finds the district or city it became (江宁县 → 江宁区,
    # 昆山县 → 昆山市), as older reports still write it.
    former_county = [
        d for d in claimants if key.endswith("县") and d.level == "county" and d.name.endswith(FORMER_COUNTY_ENDINGS)
    ]
    for candidates in (table.by_name.get(key, ()), table.by_claim.get(key, ()), same_ending, former_county):
        found = [d for d in candidates if within is None or table.is_within(d, within.strip())]
        if found:
            return found
    return []


def mentions(text: str) -> list[tuple[int, int, Division]]:
    """Return (start, end, division) for every place name in ``text``, left to right.

    At each position the longest name wins (内蒙古自治区 over 内蒙古) and the scan goes on
    after it, so the work grows with the text, not with the number of names. A name held
    by several divisions (朝阳区) yields one triple per division over the same span, in code
    order, for the caller to decide by context, unless it comes right after the parent of
    one of them (北京市朝阳区).

    Chinese has no spaces, so short names hide inside ordinary words (创新和 holds 新和,
    示范县 holds 范县). Two-character county names and the words listed in
    ``gazetteer_words.toml`` (振兴, 朝阳, 城区) are read only right after their parent
    (丹东市振兴区, 阳泉市城区, 北京市朝阳区); one-character names never; a short name
    right before another ending is not the place it shortens (江川市 is not 江川区).
    """
    table = gazetteer()
    next_start = table.text_start.search
    found: list[tuple[int, int, Division]] = []
    after: tuple[Division, ...] = ()
    after_end = -1
    position, size = 0, len(text)
    while (start := next_start(text, position)) is not None:
        position = start.start()
        context = after if position == after_end else ()
        hits: tuple[Division, ...] = ()
        for length in table.text_lengths.get(text[position : position + MIN_SHORT_NAME], ()):
            if position + length <= size:
                hits = table.text_hits(text, position, position + length, context)
                if hits:
                    found.extend((position, position + length, d) for d in hits)
                    after, after_end = hits, position + length
                    position += length
                    break
        if not hits:
            position += 1
    return found


#: A division is taken for the text's region over its parent when it draws at least this
#: share of the parent's mentions (a county's own report names itself far more than its
#: city; a province's report names its capital often, but well under half as often).
REGION_SHARE = 0.5


def locate(text: str) -> Division | None:
    """Return the division a text is about, judged by the place names it holds, or None.

    Every mention counts for its division and all divisions above it. Starting from the
    province named most, the choice goes down to a child while that child draws at least
    :data:`REGION_SHARE` of its parent's count, so 呼伦贝尔市海拉尔区 gives 海拉尔区 while a
    province's report that names its capital often stays at the province. A name held by
    several divisions (朝阳区) counts for those under a division named elsewhere in the
    text, or is split between them. The province must draw more than half of all the
    provinces' count (鼓楼区 alone, in two of its four provinces, gives None); a tie at any
    step below stops there.
    """
    table = gazetteer()
    spans: dict[tuple[int, int], list[Division]] = {}
    for start, end, division in mentions(text):
        spans.setdefault((start, end), []).append(division)
    sure = {found[0].code for found in spans.values() if len(found) == 1}
    counts: dict[str, float] = {}
    for found in spans.values():
        if len(found) > 1:
            backed = [d for d in found if any(a.code in sure for a in table.ancestors(d.code))]
            found = backed or found
        for division in found:
            for code in (division.code, *(a.code for a in table.ancestors(division.code))):
                counts[code] = counts.get(code, 0.0) + 1 / len(found)
    chosen: Division | None = None
    while True:
        parent_code = chosen.code if chosen else None
        children = sorted(
            (c for c in counts if table.by_code[c].parent_code == parent_code),
            key=lambda c: counts[c],
            reverse=True,
        )
        if not children:
            return chosen
        best = children[0]
        if len(children) > 1 and counts[children[1]] == counts[best]:
            return chosen
        if chosen is None and counts[best] <= REGION_SHARE * sum(counts[c] for c in children):
            return None
        if chosen is not None and counts[best] < REGION_SHARE * counts[chosen.code]:
            return chosen
        chosen = table.by_code[best]
